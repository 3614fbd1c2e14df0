//! Extended statistics of tables that exist on both sides, matched by name. One built
//! differently (kinds, columns, expressions) is dropped and created again, as is one naming a
//! column that goes away (PostgreSQL drops it with the column); the target and the comment
//! change in place. Statistics of new and dropped tables come and go with the table.

use crate::change::{Change, CommentTarget};
use crate::table::mentions;
use schema_ir::{QualifiedName, Schema};
use std::collections::BTreeSet;

pub(crate) fn diff_statistics(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut gone: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let mut dropped: BTreeSet<&QualifiedName> = BTreeSet::new();
    for change in changes.iter() {
        match change {
            Change::DropColumn { table, column } => {
                gone.insert((table, column.name.as_str()));
            }
            Change::DropTable(t) => {
                dropped.insert(&t.name);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (table, new) in &to.tables {
        let Some(old) = from.tables.get(table).filter(|_| !dropped.contains(table)) else {
            continue;
        };
        let loses_column = |s: &schema_ir::ExtendedStatistics| {
            gone.iter().any(|(t, c)| {
                *t == table
                    && (s.columns.iter().any(|x| x == c)
                        || s.expressions.iter().any(|e| mentions(&e.key, c)))
            })
        };
        for (name, statistics) in &new.statistics {
            let Some(before) = old.statistics.get(name) else {
                out.push(Change::CreateStatistics {
                    table: table.clone(),
                    statistics: statistics.clone(),
                });
                continue;
            };
            if before.redefined(statistics) || loses_column(before) {
                out.push(Change::DropStatistics {
                    table: table.clone(),
                    statistics: before.clone(),
                });
                out.push(Change::CreateStatistics {
                    table: table.clone(),
                    statistics: statistics.clone(),
                });
                continue;
            }
            if before.target != statistics.target {
                out.push(Change::SetStatisticsTarget {
                    name: name.clone(),
                    from: before.target,
                    to: statistics.target,
                });
            }
            if before.comment != statistics.comment {
                out.push(Change::SetComment {
                    target: CommentTarget::Statistics { name: name.clone() },
                    from: before.comment.clone(),
                    to: statistics.comment.clone(),
                });
            }
        }
        for (name, statistics) in &old.statistics {
            if !new.statistics.contains_key(name) {
                out.push(Change::DropStatistics {
                    table: table.clone(),
                    statistics: statistics.clone(),
                });
            }
        }
    }
    changes.extend(out);
}

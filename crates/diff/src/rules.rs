//! Rules of tables that exist on both sides, matched by name. A redefined rule is dropped
//! and created again; so is one that names a column changing type or going away (of its own
//! table or of a table its actions write; PostgreSQL refuses those changes while a rule
//! names the column) and one whose actions name a relation dropped and created again.
//! Enabled state and comments change in place. Rules of new and dropped tables come and go
//! with the table.

use crate::change::{Change, CommentTarget};
use crate::table::mentions;
use schema_ir::{QualifiedName, Rule, Schema};
use std::collections::BTreeSet;

/// Whether `rule` on `table` names a column of `touched`, or a relation of `dropped`.
fn rests_on(
    rule: &Rule,
    table: &QualifiedName,
    touched: &BTreeSet<(&QualifiedName, &str)>,
    dropped: &BTreeSet<&QualifiedName>,
) -> bool {
    if rule.references.iter().any(|r| dropped.contains(r)) {
        return true;
    }
    touched.iter().any(|(t, column)| {
        let own = *t == table;
        (own && rule
            .condition
            .as_ref()
            .is_some_and(|c| mentions(&c.key, column)))
            || ((own || rule.references.contains(*t))
                && rule.actions.iter().any(|a| mentions(&a.key, column)))
    })
}

pub(crate) fn diff_rules(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut touched: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let mut dropped: BTreeSet<&QualifiedName> = BTreeSet::new();
    for change in changes.iter() {
        match change {
            Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                touched.insert((table, from.name.as_str()));
            }
            Change::DropColumn { table, column } => {
                touched.insert((table, column.name.as_str()));
            }
            Change::DropTable(t) => {
                dropped.insert(&t.name);
            }
            Change::DropView(v) => {
                dropped.insert(&v.name);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, new) in &to.tables {
        let Some(old) = from.tables.get(name).filter(|_| !dropped.contains(name)) else {
            continue;
        };
        for (rule_name, rule) in &new.rules {
            let Some(before) = old.rules.get(rule_name) else {
                out.push(Change::CreateRule {
                    table: name.clone(),
                    rule: rule.clone(),
                });
                continue;
            };
            if before.redefined(rule) || rests_on(before, name, &touched, &dropped) {
                out.push(Change::DropRule {
                    table: name.clone(),
                    rule: before.clone(),
                });
                out.push(Change::CreateRule {
                    table: name.clone(),
                    rule: rule.clone(),
                });
                continue;
            }
            if before.enabled != rule.enabled {
                out.push(Change::SetRuleEnabled {
                    table: name.clone(),
                    rule: rule_name.clone(),
                    from: before.enabled,
                    to: rule.enabled,
                });
            }
            if before.comment != rule.comment {
                out.push(Change::SetComment {
                    target: CommentTarget::Rule {
                        table: name.clone(),
                        name: rule_name.clone(),
                    },
                    from: before.comment.clone(),
                    to: rule.comment.clone(),
                });
            }
        }
        for (rule_name, rule) in &old.rules {
            if !new.rules.contains_key(rule_name) {
                out.push(Change::DropRule {
                    table: name.clone(),
                    rule: rule.clone(),
                });
            }
        }
    }
    changes.extend(out);
}

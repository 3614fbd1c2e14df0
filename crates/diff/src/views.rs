//! Views and materialized views. A view whose definition changed is dropped and created
//! again, and so is every view that reads (directly or through other views) a view being
//! rebuilt or dropped, or a table whose columns change type or disappear: PostgreSQL refuses
//! those changes while a view depends on them.

use crate::{Change, CommentTarget};
use schema_ir::{QualifiedName, Schema, View};
use std::collections::BTreeSet;

/// Whether two versions of a view differ in more than their comment.
fn redefined(old: &View, new: &View) -> bool {
    old.materialized != new.materialized
        || old.definition != new.definition
        || old.columns != new.columns
}

pub(crate) fn diff_views(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut changed: BTreeSet<QualifiedName> = BTreeSet::new();
    for change in changes.iter() {
        match change {
            Change::DropTable(t) => {
                changed.insert(t.name.clone());
            }
            Change::DropColumn { table, .. } => {
                changed.insert(table.clone());
            }
            Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                changed.insert(table.clone());
            }
            Change::RecreateEnum { columns, .. } => {
                changed.extend(columns.iter().map(|c| c.table.clone()));
            }
            _ => {}
        }
    }
    let recreated = crate::functions::recreated(changes);
    for (name, old) in &from.views {
        match to.views.get(name) {
            Some(new)
                if !redefined(old, new)
                    && !crate::functions::calls_any(&old.definition.key, &recreated) => {}
            _ => {
                changed.insert(name.clone());
            }
        }
    }
    // Views kept as they are but reading something rebuilt are rebuilt too.
    let mut rebuilt: BTreeSet<QualifiedName> = BTreeSet::new();
    loop {
        let more: Vec<QualifiedName> = from
            .views
            .iter()
            .filter(|(name, old)| {
                !changed.contains(*name)
                    && to.views.contains_key(*name)
                    && old.references.iter().any(|r| changed.contains(r))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        for name in more {
            changed.insert(name.clone());
            rebuilt.insert(name);
        }
    }

    for (name, old) in &from.views {
        let new = to.views.get(name);
        let drop = match new {
            None => true,
            Some(new) => {
                redefined(old, new)
                    || rebuilt.contains(name)
                    || crate::functions::calls_any(&old.definition.key, &recreated)
            }
        };
        if drop {
            changes.push(Change::DropView(old.clone()));
        }
    }
    for (name, new) in &to.views {
        match from.views.get(name) {
            Some(old)
                if !redefined(old, new)
                    && !rebuilt.contains(name)
                    && !crate::functions::calls_any(&old.definition.key, &recreated) =>
            {
                if old.comment != new.comment {
                    changes.push(Change::SetComment {
                        target: CommentTarget::View {
                            name: name.clone(),
                            materialized: new.materialized,
                        },
                        from: old.comment.clone(),
                        to: new.comment.clone(),
                    });
                }
            }
            _ => changes.push(Change::CreateView(new.clone())),
        }
    }
}

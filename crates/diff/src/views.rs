//! Views and materialized views. A view whose query changed is replaced in place
//! (`CREATE OR REPLACE VIEW`) when its old columns come first in the new query with the
//! same types; otherwise it is dropped and created again, and so is every view that reads
//! (directly or through other views) a view being dropped, or a table whose columns change
//! type or disappear: PostgreSQL refuses those changes while a view depends on them. Options
//! change in place, and the indexes of a materialized view that stays are diffed like a
//! table's; one created again takes its indexes along.

use crate::{Change, CommentTarget};
use schema_ir::{FunctionBody, QualifiedName, Schema, View};
use std::collections::BTreeSet;

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
            _ => changed.extend(change.converted_columns().iter().map(|c| c.table.clone())),
        }
    }
    let recreated = crate::functions::recreated(changes);
    let calls_recreated = |v: &View| crate::functions::calls_any(&v.definition.key, &recreated);
    let mut replaced: BTreeSet<QualifiedName> = BTreeSet::new();
    for (name, old) in &from.views {
        match to.views.get(name) {
            Some(new) if !old.redefined(new) && !calls_recreated(old) => {}
            Some(new) if old.replaceable_by(new) && !calls_recreated(old) => {
                replaced.insert(name.clone());
            }
            _ => {
                changed.insert(name.clone());
            }
        }
    }
    // Views kept (or replaced in place) but reading something dropped are dropped too, and
    // so are routines whose SQL-standard body reads a view being dropped (PostgreSQL keeps
    // such a body parsed and refuses the drop): they are created again, and views calling
    // them are dropped in turn.
    let mut recreated = recreated;
    loop {
        let routines = crate::functions::recreate_where(from, to, changes, |f| {
            matches!(f.body, FunctionBody::Standard(_))
                && f.references.iter().any(|r| changed.contains(r))
        });
        let any_routine = !routines.is_empty();
        recreated.extend(routines);
        let more: Vec<QualifiedName> = from
            .views
            .iter()
            .filter(|(name, old)| {
                !changed.contains(*name)
                    && to.views.contains_key(*name)
                    && (old.references.iter().any(|r| changed.contains(r))
                        || crate::functions::calls_any(&old.definition.key, &recreated))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() && !any_routine {
            break;
        }
        for name in more {
            replaced.remove(&name);
            changed.insert(name);
        }
    }

    for (name, old) in &from.views {
        if changed.contains(name) {
            changes.push(Change::DropView(old.clone()));
        }
    }
    for (name, new) in &to.views {
        let Some(old) = from.views.get(name).filter(|_| !changed.contains(name)) else {
            let mut new = new.clone();
            // A filled materialized view created again is filled again.
            if let Some(old) = from.views.get(name) {
                new.with_no_data &= old.with_no_data;
            }
            changes.push(Change::CreateView(new));
            continue;
        };
        if replaced.contains(name) {
            changes.push(Change::ReplaceView {
                from: old.clone(),
                to: new.clone(),
            });
        } else if old.options != new.options {
            changes.push(Change::SetViewOptions {
                view: name.clone(),
                materialized: new.materialized,
                from: old.options.clone(),
                to: new.options.clone(),
            });
        }
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
        crate::table::diff_indexes(name, &old.indexes, &new.indexes, &BTreeSet::new(), changes);
    }
}

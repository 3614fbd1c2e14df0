//! Triggers of a table that exists on both sides, matched by name. A redefined trigger is
//! dropped and created again; so is one whose columns change type or are dropped (PostgreSQL
//! refuses those changes while a trigger names the column) and one whose function is
//! re-created. Enabled state and comments change in place.

use crate::change::{Change, CommentTarget};
use crate::table::mentions;
use schema_ir::{QualifiedName, Schema, Table, Trigger};
use std::collections::BTreeSet;

/// Whether a trigger names `column` (in `UPDATE OF` or in its condition).
fn names_column(trigger: &Trigger, column: &str) -> bool {
    trigger.update_columns.iter().any(|c| c == column)
        || trigger
            .when
            .as_ref()
            .is_some_and(|w| mentions(&w.key, column))
}

/// Changes of the triggers of `new`, given the columns whose type changes or which go away.
pub(crate) fn diff_triggers(
    old: &Table,
    new: &Table,
    touched: &BTreeSet<&str>,
    out: &mut Vec<Change>,
) {
    let table = &new.name;
    for (name, trigger) in &new.triggers {
        let Some(before) = old.triggers.get(name) else {
            out.push(Change::CreateTrigger {
                table: table.clone(),
                trigger: trigger.clone(),
            });
            continue;
        };
        let touches = touched.iter().any(|c| names_column(before, c));
        if before.redefined(trigger) || touches {
            out.push(Change::DropTrigger {
                table: table.clone(),
                trigger: before.clone(),
            });
            out.push(Change::CreateTrigger {
                table: table.clone(),
                trigger: trigger.clone(),
            });
            continue;
        }
        if before.enabled != trigger.enabled {
            out.push(Change::SetTriggerEnabled {
                table: table.clone(),
                trigger: name.clone(),
                from: before.enabled,
                to: trigger.enabled,
            });
        }
        if before.comment != trigger.comment {
            out.push(Change::SetComment {
                target: CommentTarget::Trigger {
                    table: table.clone(),
                    name: name.clone(),
                },
                from: before.comment.clone(),
                to: trigger.comment.clone(),
            });
        }
    }
    for (name, trigger) in &old.triggers {
        if !new.triggers.contains_key(name) {
            out.push(Change::DropTrigger {
                table: table.clone(),
                trigger: trigger.clone(),
            });
        }
    }
}

/// Triggers kept as they are whose function is dropped and created again must be dropped
/// before it and created after it.
pub(crate) fn rebuild_for_functions(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut dropped: BTreeSet<QualifiedName> = BTreeSet::new();
    let mut rebuilt: BTreeSet<(QualifiedName, String)> = BTreeSet::new();
    for change in changes.iter() {
        match change {
            Change::DropFunction(f) if f.identity_arguments().is_empty() => {
                dropped.insert(f.name.clone());
            }
            Change::DropTrigger { table, trigger } => {
                rebuilt.insert((table.clone(), trigger.name.clone()));
            }
            _ => {}
        }
    }
    if dropped.is_empty() {
        return;
    }
    for (name, old) in &from.tables {
        let Some(new) = to.tables.get(name) else {
            continue;
        };
        for (trigger_name, trigger) in &old.triggers {
            let Some(kept) = new.triggers.get(trigger_name) else {
                continue;
            };
            if dropped.contains(&trigger.function)
                && !rebuilt.contains(&(name.clone(), trigger_name.clone()))
            {
                changes.push(Change::DropTrigger {
                    table: name.clone(),
                    trigger: trigger.clone(),
                });
                changes.push(Change::CreateTrigger {
                    table: name.clone(),
                    trigger: kept.clone(),
                });
            }
        }
    }
}

//! Event triggers, matched by name. One firing differently is dropped and created again, as
//! is one whose function is dropped and created again (PostgreSQL refuses to drop a function
//! an event trigger uses); the enabled state and the comment change in place.

use crate::change::{Change, CommentTarget};
use schema_ir::Schema;
use std::collections::BTreeSet;

pub(crate) fn diff_event_triggers(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let dropped: BTreeSet<_> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropFunction(f) if f.identity_arguments().is_empty() => Some(f.name.clone()),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (name, new) in &to.event_triggers {
        let Some(old) = from.event_triggers.get(name) else {
            out.push(Change::CreateEventTrigger(new.clone()));
            continue;
        };
        if old.redefined(new) || dropped.contains(&old.function) {
            out.push(Change::DropEventTrigger(old.clone()));
            out.push(Change::CreateEventTrigger(new.clone()));
            continue;
        }
        if old.enabled != new.enabled {
            out.push(Change::SetEventTriggerEnabled {
                name: name.clone(),
                from: old.enabled,
                to: new.enabled,
            });
        }
        if old.comment != new.comment {
            out.push(Change::SetComment {
                target: CommentTarget::EventTrigger { name: name.clone() },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (name, old) in &from.event_triggers {
        if !to.event_triggers.contains_key(name) {
            out.push(Change::DropEventTrigger(old.clone()));
        }
    }
    changes.extend(out);
}

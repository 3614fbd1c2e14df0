//! Extensions: created, dropped, moved to another schema or updated to a pinned version.

use crate::Change;
use schema_ir::Schema;

pub(crate) fn diff_extensions(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (name, new) in &to.extensions {
        match from.extensions.get(name) {
            None => changes.push(Change::CreateExtension(new.clone())),
            Some(old) if old != new => changes.push(Change::AlterExtension {
                from: old.clone(),
                to: new.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, old) in &from.extensions {
        if !to.extensions.contains_key(name) {
            changes.push(Change::DropExtension(old.clone()));
        }
    }
}

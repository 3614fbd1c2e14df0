//! Publications, matched by name. One switching to or from `FOR ALL TABLES` is dropped and
//! created again; otherwise tables, schemas and options change in place.

use crate::change::{Change, CommentTarget};
use schema_ir::Schema;

pub(crate) fn diff_publications(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (name, new) in &to.publications {
        let Some(old) = from.publications.get(name) else {
            changes.push(Change::CreatePublication(new.clone()));
            continue;
        };
        if old.all_tables != new.all_tables {
            changes.push(Change::DropPublication(old.clone()));
            changes.push(Change::CreatePublication(new.clone()));
            continue;
        }
        let mut same = old.clone();
        same.comment = new.comment.clone();
        if same != *new {
            changes.push(Change::AlterPublication {
                from: old.clone(),
                to: new.clone(),
            });
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::Publication { name: name.clone() },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (name, old) in &from.publications {
        if !to.publications.contains_key(name) {
            changes.push(Change::DropPublication(old.clone()));
        }
    }
}

//! Collations and aggregates, matched by name and signature. Neither can change in place
//! (beyond its comment): a changed one is dropped and created again.

use crate::{Change, CommentTarget};
use schema_ir::Schema;

pub(crate) fn diff_collations(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (name, new) in &to.collations {
        match from.collations.get(name) {
            None => changes.push(Change::CreateCollation(new.clone())),
            Some(old) => {
                let mut same = old.clone();
                same.comment = new.comment.clone();
                if same != *new {
                    changes.push(Change::DropCollation(old.clone()));
                    changes.push(Change::CreateCollation(new.clone()));
                } else if old.comment != new.comment {
                    changes.push(Change::SetComment {
                        target: CommentTarget::Collation { name: name.clone() },
                        from: old.comment.clone(),
                        to: new.comment.clone(),
                    });
                }
            }
        }
    }
    for (name, old) in &from.collations {
        if !to.collations.contains_key(name) {
            changes.push(Change::DropCollation(old.clone()));
        }
    }
}

pub(crate) fn diff_aggregates(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (signature, new) in &to.aggregates {
        match from.aggregates.get(signature) {
            None => changes.push(Change::CreateAggregate(new.clone())),
            Some(old) => {
                let mut same = old.clone();
                same.comment = new.comment.clone();
                if same != *new {
                    changes.push(Change::DropAggregate(old.clone()));
                    changes.push(Change::CreateAggregate(new.clone()));
                } else if old.comment != new.comment {
                    changes.push(Change::SetComment {
                        target: CommentTarget::Aggregate {
                            signature: signature.clone(),
                        },
                        from: old.comment.clone(),
                        to: new.comment.clone(),
                    });
                }
            }
        }
    }
    for (signature, old) in &from.aggregates {
        if !to.aggregates.contains_key(signature) {
            changes.push(Change::DropAggregate(old.clone()));
        }
    }
}

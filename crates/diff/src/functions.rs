//! Functions and procedures, matched by signature. A routine whose definition changed is
//! replaced in place (`CREATE OR REPLACE`) when PostgreSQL allows it, and otherwise dropped
//! and created again: a changed result type, argument names or modes, or a removed argument
//! default cannot be replaced.

use crate::{Change, CommentTarget};
use schema_ir::Schema;

pub(crate) fn diff_functions(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (signature, new) in &to.functions {
        let Some(old) = from.functions.get(signature) else {
            changes.push(Change::CreateFunction(new.clone()));
            continue;
        };
        if old.redefined(new) {
            if old.replaceable_by(new) {
                changes.push(Change::ReplaceFunction {
                    from: old.clone(),
                    to: new.clone(),
                });
            } else {
                changes.push(Change::DropFunction(old.clone()));
                changes.push(Change::CreateFunction(new.clone()));
                continue;
            }
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::Function {
                    signature: signature.clone(),
                    procedure: new.procedure,
                },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (signature, old) in &from.functions {
        if !to.functions.contains_key(signature) {
            changes.push(Change::DropFunction(old.clone()));
        }
    }
}

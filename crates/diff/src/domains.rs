//! Domains and composite types, matched by name. A domain whose base type or collation
//! changes is dropped and created again, or, when columns use it, rebuilt beside the old one
//! with its columns converted; its default, NOT NULL and CHECK constraints change
//! in place. A composite type is altered in place when its new attributes are the old ones
//! (some dropped, some retyped) followed by added ones, and otherwise dropped and created
//! again.

use crate::{Change, CommentTarget};
use schema_ir::{CompositeType, Schema};

fn comment_change(
    name: &schema_ir::QualifiedName,
    from: &Option<String>,
    to: &Option<String>,
    changes: &mut Vec<Change>,
) {
    if from != to {
        changes.push(Change::SetComment {
            target: CommentTarget::Type { name: name.clone() },
            from: from.clone(),
            to: to.clone(),
        });
    }
}

pub(crate) fn diff_domains(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (name, new) in &to.domains {
        let Some(old) = from.domains.get(name) else {
            changes.push(Change::CreateDomain(new.clone()));
            continue;
        };
        if old.data_type != new.data_type || old.collation != new.collation {
            let columns = crate::enums::columns_using(name, from, to);
            if columns.is_empty() {
                changes.push(Change::DropDomain(old.clone()));
                changes.push(Change::CreateDomain(new.clone()));
            } else {
                changes.push(Change::RecreateDomain {
                    from: old.clone(),
                    to: new.clone(),
                    columns,
                });
            }
            continue;
        }
        let mut a = old.clone();
        a.comment = new.comment.clone();
        if a != *new {
            changes.push(Change::AlterDomain {
                from: old.clone(),
                to: new.clone(),
            });
        }
        comment_change(name, &old.comment, &new.comment, changes);
    }
    for (name, old) in &from.domains {
        if !to.domains.contains_key(name) {
            changes.push(Change::DropDomain(old.clone()));
        }
    }

    for (name, new) in &to.composite_types {
        let Some(old) = from.composite_types.get(name) else {
            changes.push(Change::CreateComposite(new.clone()));
            continue;
        };
        if old.attributes != new.attributes {
            if alterable(old, new) {
                changes.push(Change::AlterComposite {
                    from: old.clone(),
                    to: new.clone(),
                });
            } else {
                changes.push(Change::DropComposite(old.clone()));
                changes.push(Change::CreateComposite(new.clone()));
                continue;
            }
        }
        comment_change(name, &old.comment, &new.comment, changes);
    }
    for (name, old) in &from.composite_types {
        if !to.composite_types.contains_key(name) {
            changes.push(Change::DropComposite(old.clone()));
        }
    }
}

/// Whether `ALTER TYPE … ADD|DROP|ALTER ATTRIBUTE` can turn `old` into `new`: the kept
/// attributes stay in their order, ahead of the added ones.
fn alterable(old: &CompositeType, new: &CompositeType) -> bool {
    let kept: Vec<&str> = old
        .attributes
        .iter()
        .filter(|a| new.attributes.iter().any(|b| b.name == a.name))
        .map(|a| a.name.as_str())
        .collect();
    new.attributes
        .iter()
        .take(kept.len())
        .map(|a| a.name.as_str())
        .eq(kept.iter().copied())
}

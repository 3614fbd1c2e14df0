//! Domains and composite types, matched by name. A domain whose base type or collation
//! changes is dropped and created again, or, when columns or other types use it, rebuilt
//! beside the old one with its columns converted; its default, NOT NULL and CHECK
//! constraints change in place. A composite type is altered in place when its new
//! attributes are the old ones (some dropped, some retyped) followed by added ones, unless it
//! is in use and an attribute is retyped; otherwise it is dropped and created again, or, when
//! columns or other types use it, rebuilt beside the old one.
//! A rebuild carries over to the types built on the rebuilt one (a domain over it, a
//! composite type with an attribute of it), and from those on.

use crate::enums::columns_using;
use crate::{Change, CommentTarget};
use schema_ir::{CompositeType, QualifiedName, Schema};
use std::collections::BTreeSet;

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
            let columns = columns_using(name, from, to);
            if columns.is_empty() && !used_by_types(name, from) {
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
            let columns = columns_using(name, from, to);
            // PostgreSQL retypes no attribute of a composite type that a column uses, even
            // through another type (adding and dropping attributes it does in place).
            let used = !columns.is_empty() || used_by_types(name, from);
            let retyped = old
                .attributes
                .iter()
                .any(|a| new.attributes.iter().any(|b| b.name == a.name && b != a));
            if alterable(old, new) && !(used && retyped) {
                changes.push(Change::AlterComposite {
                    from: old.clone(),
                    to: new.clone(),
                });
            } else if used {
                changes.push(Change::RecreateComposite {
                    from: old.clone(),
                    to: new.clone(),
                    columns,
                });
                continue;
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

/// Whether a domain or composite type of `schema` is built on the type `name`.
fn used_by_types(name: &QualifiedName, schema: &Schema) -> bool {
    let is = |t: &schema_ir::DataType| t.user_type().as_ref() == Some(name);
    schema.domains.values().any(|d| is(&d.data_type))
        || schema
            .composite_types
            .values()
            .any(|c| c.attributes.iter().any(|a| is(&a.data_type)))
}

/// Rebuilds the domains and composite types that are built on a rebuilt type and kept on
/// both sides (the old ones go on pointing at the renamed old type), until none is left:
/// their other changes are replaced by the rebuild, which creates them as the files say.
pub(crate) fn rebuild_dependent_types(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut rebuilt: BTreeSet<QualifiedName> = changes
        .iter()
        .filter_map(Change::rebuilt_type)
        .cloned()
        .collect();
    loop {
        let on_rebuilt =
            |t: &schema_ir::DataType| t.user_type().is_some_and(|u| rebuilt.contains(&u));
        let mut found: Vec<Change> = Vec::new();
        for (name, old) in &from.domains {
            if let Some(new) = to.domains.get(name)
                && !rebuilt.contains(name)
                && on_rebuilt(&old.data_type)
            {
                found.push(Change::RecreateDomain {
                    from: old.clone(),
                    to: new.clone(),
                    columns: columns_using(name, from, to),
                });
            }
        }
        for (name, old) in &from.composite_types {
            if let Some(new) = to.composite_types.get(name)
                && !rebuilt.contains(name)
                && old.attributes.iter().any(|a| on_rebuilt(&a.data_type))
            {
                found.push(Change::RecreateComposite {
                    from: old.clone(),
                    to: new.clone(),
                    columns: columns_using(name, from, to),
                });
            }
        }
        if found.is_empty() {
            return;
        }
        let names: BTreeSet<QualifiedName> = found
            .iter()
            .filter_map(Change::rebuilt_type)
            .cloned()
            .collect();
        changes.retain(|c| !replaced_by_rebuild(c, &names));
        rebuilt.extend(names);
        changes.extend(found);
    }
}

/// Whether `change` alters one of the types in `names` (which are rebuilt instead).
fn replaced_by_rebuild(change: &Change, names: &BTreeSet<QualifiedName>) -> bool {
    match change {
        Change::AlterDomain { to, .. } => names.contains(&to.name),
        Change::AlterComposite { to, .. } => names.contains(&to.name),
        Change::DropComposite(t) | Change::CreateComposite(t) => names.contains(&t.name),
        Change::SetComment {
            target: CommentTarget::Type { name },
            ..
        } => names.contains(name),
        _ => false,
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

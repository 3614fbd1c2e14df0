//! The differ of `schema`: compares two [`schema_ir::Schema`] values and lists the typed
//! [`Change`]s that turn the first into the second. Objects are matched by qualified name
//! (namespaces, enum types, sequences, tables, views; functions by signature), columns by name, constraints and indexes by
//! name; column order is never a change. A constraint or index whose definition changed
//! becomes a drop and a create under the same name. Output order is deterministic: namespaces,
//! enum types, sequences, then tables by name, then the foreign keys that must be rebuilt.

mod change;
mod collations;
mod domains;
mod enums;
mod event_triggers;
mod extensions;
mod functions;
mod grants;
mod inheritance;
mod policies;
mod publications;
mod rebuild;
mod rename;
mod rules;
mod statistics;
mod table;
mod text_search;
mod triggers;
mod views;

pub use change::{Change, CommentTarget, ConvertedColumn, EnumValuePosition};
pub use rename::{BadRename, Rename};

use schema_ir::Schema;

/// Options of the differ.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Objects to rename instead of dropping and re-creating (see [`Rename`]).
    pub renames: Vec<Rename>,
    /// Privileges are not managed: the desired schema's grants are ignored, every object
    /// keeps the grants it has in the current schema, and one the plan re-creates (a
    /// rebuilt view, a function dropped and created again) is given them again.
    pub keep_privileges: bool,
}

/// The changes that turn `from` into `to`, in a deterministic order.
pub fn diff(from: &Schema, to: &Schema, options: &DiffOptions) -> Vec<Change> {
    let (renamed, mut changes) = rename::apply(from, to, &options.renames);
    let from = renamed.as_ref().unwrap_or(from);

    for (name, ns) in &to.namespaces {
        match from.namespaces.get(name) {
            None => changes.push(Change::CreateNamespace(ns.clone())),
            Some(old) if old.comment != ns.comment => changes.push(Change::SetComment {
                target: CommentTarget::Namespace { name: name.clone() },
                from: old.comment.clone(),
                to: ns.comment.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, ns) in &from.namespaces {
        if !to.namespaces.contains_key(name) {
            changes.push(Change::DropNamespace(ns.clone()));
        }
    }

    extensions::diff_extensions(from, to, &mut changes);

    for (name, new) in &to.enums {
        match from.enums.get(name) {
            None => changes.push(Change::CreateEnum(new.clone())),
            Some(old) => enums::diff_enum(old, new, from, to, &mut changes),
        }
    }
    for (name, old) in &from.enums {
        if !to.enums.contains_key(name) {
            changes.push(Change::DropEnum(old.clone()));
        }
    }

    collations::diff_collations(from, to, &mut changes);
    text_search::diff_text_search(from, to, &mut changes);
    domains::diff_domains(from, to, &mut changes);
    domains::rebuild_dependent_types(from, to, &mut changes);
    functions::diff_functions(from, to, &mut changes);
    functions::rebuild_for_types(from, to, &mut changes);
    collations::diff_aggregates(from, to, &mut changes);

    for (name, new) in &to.sequences {
        let Some(old) = from.sequences.get(name) else {
            changes.push(Change::CreateSequence(new.clone()));
            continue;
        };
        if old.data_type != new.data_type || old.options != new.options {
            changes.push(Change::AlterSequence {
                from: old.clone(),
                to: new.clone(),
            });
        }
        if old.owned_by != new.owned_by {
            changes.push(Change::SetSequenceOwner {
                sequence: name.clone(),
                from: old.owned_by.clone(),
                to: new.owned_by.clone(),
            });
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::Sequence { name: name.clone() },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (name, old) in &from.sequences {
        if !to.sequences.contains_key(name) {
            changes.push(Change::DropSequence(old.clone()));
        }
    }

    let recreated = functions::recreated(&changes);
    let converted = rebuild::converted_columns(&changes);
    for (name, new) in &to.tables {
        match from.tables.get(name) {
            None => changes.push(Change::CreateTable(new.clone())),
            // A new partition key cannot be set on an existing table: it is rebuilt.
            Some(old) if old.partition_by != new.partition_by => {
                changes.push(Change::DropTable(old.clone()));
                changes.push(Change::CreateTable(new.clone()));
            }
            Some(old) => table::diff_table(old, new, &recreated, &converted, &mut changes),
        }
    }
    for (name, old) in &from.tables {
        if !to.tables.contains_key(name) {
            changes.push(Change::DropTable(old.clone()));
        }
    }

    inheritance::drop_implied_by_parents(from, to, &mut changes);
    functions::rebuild_for_tables(from, to, &mut changes);
    triggers::rebuild_for_functions(from, to, &mut changes);
    functions::rebuild_dependents(from, to, &mut changes);
    let rebuilt = rebuild::foreign_keys_to_rebuild(from, to, &changes);
    changes.extend(rebuilt);
    let rebuilt = rebuild::around_converted_columns(from, to, &changes);
    changes.extend(rebuilt);
    views::diff_views(from, to, &mut changes);
    rules::diff_rules(from, to, &mut changes);
    statistics::diff_statistics(from, to, &mut changes);
    event_triggers::diff_event_triggers(from, to, &mut changes);
    publications::diff_publications(from, to, &mut changes);
    grants::diff_grants(from, to, options.keep_privileges, &mut changes);
    changes
}

#[cfg(test)]
mod tests;

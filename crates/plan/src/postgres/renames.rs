//! Renames taken from rename hints: schemas, tables, columns, indexes, constraints and enum
//! values renamed in place, early in a plan (before anything is created under the new names;
//! a schema rename before everything). Each is one brief catalog change; a key's or
//! exclusion constraint's index is renamed with it.

use super::{access_exclusive, column_object, constraint_object, index_name};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{QualifiedName, quote_ident, quote_literal};

/// `ALTER SCHEMA … RENAME TO …`: everything in the schema goes along.
pub(crate) fn rename_schema(from: &str, to: &str) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::RenameSchema,
            "rename_schema",
            quote_ident(from),
            format!(
                "ALTER SCHEMA {} RENAME TO {}",
                quote_ident(from),
                quote_ident(to)
            ),
        )
        .removes([Resource::Namespace(from.to_string())])
        .provides([Resource::Namespace(to.to_string())])
        .lock(format!(
            "ACCESS EXCLUSIVE on the schema {} (brief)",
            quote_ident(from)
        ))
        .hazard(hazards::RENAME_SCHEMA.with_message(format!(
            "schema {} renamed to {}: {}",
            quote_ident(from),
            quote_ident(to),
            hazards::RENAME_SCHEMA.summary
        ))),
    ]
}

pub(crate) fn rename_table(from: &QualifiedName, to: &QualifiedName) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::Rename,
            "rename_table",
            from.to_string(),
            format!("ALTER TABLE {from} RENAME TO {}", quote_ident(&to.name)),
        )
        .uses_old([Resource::Table(from.clone())])
        .removes([
            Resource::Table(from.clone()),
            Resource::Relation(from.clone()),
        ])
        .provides([Resource::Table(to.clone()), Resource::Relation(to.clone())])
        .lock(access_exclusive(from))
        .hazard(hazards::RENAME_TABLE.with_message(format!(
            "{from} renamed to {to}: {}",
            hazards::RENAME_TABLE.summary
        ))),
    ]
}

pub(crate) fn rename_column(table: &QualifiedName, from: &str, to: &str) -> Vec<Planned> {
    let object = column_object(table, from);
    vec![
        Planned::new(
            Phase::Rename,
            "rename_column",
            object.clone(),
            format!(
                "ALTER TABLE {table} RENAME COLUMN {} TO {}",
                quote_ident(from),
                quote_ident(to)
            ),
        )
        .requires([Resource::Table(table.clone())])
        .removes([Resource::Column(table.clone(), from.to_string())])
        .provides([Resource::Column(table.clone(), to.to_string())])
        .lock(access_exclusive(table))
        .hazard(hazards::RENAME_COLUMN.with_message(format!(
            "{object} renamed to {}: {}",
            quote_ident(to),
            hazards::RENAME_COLUMN.summary
        ))),
    ]
}

/// `ALTER INDEX … RENAME TO …`: no hazard, since queries do not name indexes (only hints
/// and `ALTER INDEX` statements do).
pub(crate) fn rename_index(table: &QualifiedName, from: &str, to: &str) -> Vec<Planned> {
    let old = index_name(table, from);
    vec![
        Planned::new(
            Phase::Rename,
            "rename_index",
            old.to_string(),
            format!("ALTER INDEX {old} RENAME TO {}", quote_ident(to)),
        )
        .requires([Resource::Table(table.clone())])
        .removes([Resource::Relation(old.clone())])
        .provides([Resource::Relation(index_name(table, to))])
        .lock(format!("SHARE UPDATE EXCLUSIVE on {old}")),
    ]
}

/// `ALTER TABLE … RENAME CONSTRAINT … TO …`: no hazard, since queries do not name
/// constraints (`ON CONFLICT ON CONSTRAINT name` is the rare exception; `ON CONFLICT (columns)`
/// is the usual form).
pub(crate) fn rename_constraint(
    table: &QualifiedName,
    from: &str,
    to: &str,
    with_index: bool,
) -> Vec<Planned> {
    let mut removes = vec![Resource::Constraint(table.clone(), from.to_string())];
    let mut provides = vec![Resource::Constraint(table.clone(), to.to_string())];
    if with_index {
        removes.push(Resource::Relation(index_name(table, from)));
        provides.push(Resource::Relation(index_name(table, to)));
    }
    vec![
        Planned::new(
            Phase::Rename,
            "rename_constraint",
            constraint_object(table, from),
            format!(
                "ALTER TABLE {table} RENAME CONSTRAINT {} TO {}",
                quote_ident(from),
                quote_ident(to)
            ),
        )
        .requires([Resource::Table(table.clone())])
        .removes(removes)
        .provides(provides)
        .lock(access_exclusive(table)),
    ]
}

pub(crate) fn rename_enum_value(enum_type: &QualifiedName, from: &str, to: &str) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::Rename,
            "rename_enum_value",
            enum_type.to_string(),
            format!(
                "ALTER TYPE {enum_type} RENAME VALUE {} TO {}",
                quote_literal(from),
                quote_literal(to)
            ),
        )
        .uses_old([Resource::Type(enum_type.clone())])
        .removes([Resource::EnumValue(enum_type.clone(), from.to_string())])
        .provides([Resource::EnumValue(enum_type.clone(), to.to_string())])
        .lock(format!("ACCESS EXCLUSIVE on the type {enum_type} (brief)"))
        .hazard(hazards::RENAME_ENUM_VALUE.with_message(format!(
            "{enum_type}: value {} renamed to {}: {}",
            quote_literal(from),
            quote_literal(to),
            hazards::RENAME_ENUM_VALUE.summary
        ))),
    ]
}

//! Triggers: the catalog query and the IR built from its rows. Each trigger is read as
//! `pg_get_triggerdef` prints it, through the parser's own `CREATE TRIGGER` code; the
//! enabled state comes from `tgenabled`. Internal triggers (those of foreign keys) and the
//! clones PostgreSQL makes on partitions are not returned.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema, TriggerEnabled};
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const TRIGGERS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            t.tgname::text AS name,
            pg_catalog.pg_get_triggerdef(t.oid) AS definition,
            t.tgenabled::text AS enabled,
            pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
     FROM pg_catalog.pg_trigger t
     JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
     JOIN ns ON ns.oid = c.relnamespace
     WHERE NOT t.tgisinternal
       AND t.tgparentid = 0
       AND",
    selected_tables!(),
    "ORDER BY 1, 2, 3"
);

#[derive(Debug, Clone)]
pub struct TriggerRow {
    pub schema: String,
    pub table_name: String,
    pub name: String,
    pub definition: String,
    pub enabled: String,
    pub comment: Option<String>,
}

from_row!(TriggerRow {
    schema,
    table_name,
    name,
    definition,
    enabled,
    comment
});

/// Adds the triggers to the tables of `schema` (after the routines they call), all in one
/// read.
pub fn build(rows: &[TriggerRow], schema: &mut Schema) -> Result<(), InspectError> {
    let statements: Vec<(String, String)> = rows
        .iter()
        .map(|row| {
            let table = QualifiedName::new(&row.schema, &row.table_name);
            (
                format!("trigger {} on {table}", row.name),
                row.definition.clone(),
            )
        })
        .collect();
    super::build::apply_all(schema, &statements)?;
    for row in rows {
        let table = QualifiedName::new(&row.schema, &row.table_name);
        if let Some(t) = schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.triggers.get_mut(&row.name))
        {
            t.enabled = TriggerEnabled::from_catalog(&row.enabled);
            t.comment = row.comment.clone();
        }
    }
    Ok(())
}

//! Rewrite rules: the catalog query and the IR built from its rows. Each rule is read as
//! `pg_get_ruledef` prints it, through the parser's own `CREATE RULE` code; the enabled
//! state comes from `ev_enabled`. The `_RETURN` rules of views are the views themselves and
//! are not returned; neither are rules on views.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema, TriggerEnabled};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const RULES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            r.rulename::text AS name,
            pg_catalog.pg_get_ruledef(r.oid) AS definition,
            r.ev_enabled::text AS enabled,
            pg_catalog.obj_description(r.oid, 'pg_rewrite') AS comment
     FROM pg_catalog.pg_rewrite r
     JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
     JOIN ns ON ns.oid = c.relnamespace
     WHERE r.rulename <> '_RETURN'
       AND",
    selected_tables!(),
    "ORDER BY 1, 2, 3"
);

#[derive(Debug, Clone)]
pub struct RuleRow {
    pub schema: String,
    pub table_name: String,
    pub name: String,
    pub definition: String,
    pub enabled: String,
    pub comment: Option<String>,
}

from_row!(RuleRow {
    schema,
    table_name,
    name,
    definition,
    enabled,
    comment
});

/// Adds the rules to the tables of `schema` (after the tables and views they name).
pub fn build(rows: &[RuleRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let table = QualifiedName::new(&row.schema, &row.table_name);
        pg::apply_statement(schema, &row.definition).map_err(|e| {
            InspectError::Catalog(format!(
                "rule {} on {table}: {e}\n    definition: {}",
                row.name, row.definition
            ))
        })?;
        if let Some(r) = schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.rules.get_mut(&row.name))
        {
            r.enabled = TriggerEnabled::from_catalog(&row.enabled);
            r.comment = row.comment.clone();
        }
    }
    Ok(())
}

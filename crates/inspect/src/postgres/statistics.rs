//! Extended statistics: the catalog query and the IR built from its rows. Each object is
//! read as `pg_get_statisticsobjdef` prints it, through the parser's own `CREATE STATISTICS`
//! code; the target and comment come from the catalog.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const STATISTICS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            s.stxname::text AS name,
            tn.nspname::text AS table_schema,
            c.relname::text AS table_name,
            pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
            COALESCE(s.stxstattarget::int, -1) AS target,
            pg_catalog.obj_description(s.oid, 'pg_statistic_ext') AS comment
     FROM pg_catalog.pg_statistic_ext s
     JOIN ns ON ns.oid = s.stxnamespace
     JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
     JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND",
    selected_object!("pg_statistic_ext", "s", "stxname"),
    "ORDER BY 1, 2"
);

#[derive(Debug, Clone)]
pub struct StatisticsRow {
    pub schema: String,
    pub name: String,
    pub table_schema: String,
    pub table_name: String,
    pub definition: String,
    pub target: i32,
    pub comment: Option<String>,
}

from_row!(StatisticsRow {
    schema,
    name,
    table_schema,
    table_name,
    definition,
    target,
    comment
});

/// Adds the statistics objects to the tables of `schema`.
pub fn build(rows: &[StatisticsRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let table = QualifiedName::new(&row.table_schema, &row.table_name);
        if !schema.tables.contains_key(&table) {
            continue;
        }
        let name = QualifiedName::new(&row.schema, &row.name);
        pg::apply_statement(schema, &row.definition).map_err(|e| {
            InspectError::Catalog(format!(
                "statistics {name}: {e}\n    definition: {}",
                row.definition
            ))
        })?;
        if let Some(s) = schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.statistics.get_mut(&name))
        {
            s.target = (row.target >= 0).then_some(row.target);
            s.comment = row.comment.clone();
        }
    }
    Ok(())
}

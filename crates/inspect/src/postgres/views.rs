//! Views and materialized views: the catalog query and the IR built from its rows. The
//! definition is `pg_get_viewdef(oid, true)` (fully qualified under the empty `search_path`),
//! keyed by the parser's view-query canonicalizer, which also yields the output columns and
//! the relations the view reads.

use crate::InspectError;
use schema_ir::{Expr, QualifiedName, Schema, View};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const VIEWS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS name,
            c.relkind = 'm' AS materialized,
            pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
            pg_catalog.obj_description(c.oid, 'pg_class') AS comment
     FROM pg_catalog.pg_class c
     JOIN ns ON ns.oid = c.relnamespace
     WHERE c.relkind IN ('v', 'm')
       AND",
    selected_object!("pg_class", "c", "relname"),
    "
     ORDER BY 1, 2"
);

#[derive(Debug, Clone)]
pub struct ViewRow {
    pub schema: String,
    pub name: String,
    pub materialized: bool,
    pub definition: String,
    pub comment: Option<String>,
}

from_row!(ViewRow {
    schema,
    name,
    materialized,
    definition,
    comment
});

/// Adds the views to `schema`.
pub fn build(rows: &[ViewRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let name = QualifiedName::new(&row.schema, &row.name);
        let sql = row
            .definition
            .trim()
            .trim_end_matches(';')
            .trim()
            .to_string();
        let (key, columns, references) = pg::catalog_view_key(&sql).map_err(|e| {
            InspectError::Catalog(format!("view {name}: {e}\n    definition: {sql}"))
        })?;
        schema.views.insert(
            name.clone(),
            View {
                name,
                materialized: row.materialized,
                definition: Expr::new(sql, key),
                columns,
                references,
                comment: row.comment.clone(),
            },
        );
    }
    Ok(())
}

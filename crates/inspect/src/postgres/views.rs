//! Views and materialized views: the catalog query and the IR built from its rows. The
//! definition is `pg_get_viewdef(oid, true)` (fully qualified under the empty `search_path`),
//! keyed by the parser's view-query canonicalizer, which also yields the output columns and
//! the relations the view reads; `reloptions` are the view's options. The indexes of
//! materialized views are read with the tables' indexes.

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
            COALESCE(c.reloptions, '{}'::text[]) AS options,
            NOT c.relispopulated AS with_no_data,
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
    pub options: Vec<String>,
    pub with_no_data: bool,
    pub comment: Option<String>,
}

from_row!(ViewRow {
    schema,
    name,
    materialized,
    definition,
    options,
    with_no_data,
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
        let pg::ViewKey {
            key,
            columns,
            references,
            column_keys,
        } = pg::catalog_view_key(&sql).map_err(|e| {
            InspectError::Catalog(format!("view {name}: {e}\n    definition: {sql}"))
        })?;
        schema.views.insert(
            name.clone(),
            View {
                name,
                materialized: row.materialized,
                definition: Expr::new(sql, key),
                columns,
                column_keys,
                references,
                options: row
                    .options
                    .iter()
                    .filter_map(|o| o.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                indexes: Default::default(),
                with_no_data: row.with_no_data,
                comment: row.comment.clone(),
            },
        );
    }
    Ok(())
}

//! Functions and procedures: the catalog query and the IR built from its rows. Each routine
//! is read as `pg_get_functiondef` prints it (fully qualified under the empty `search_path`)
//! through the parser's own `CREATE FUNCTION` code, so both readers canonicalize it the same
//! way. Aggregates are not managed; routines that belong to an extension are never returned.

use crate::InspectError;
use schema_ir::Schema;
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};
use std::collections::BTreeMap;

pub const FUNCTIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT p.oid::int8 AS oid,
            ns.nspname AS schema,
            p.proname::text AS name,
            pg_catalog.pg_get_functiondef(p.oid) AS definition,
            pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
     FROM pg_catalog.pg_proc p
     JOIN ns ON ns.oid = p.pronamespace
     WHERE p.prokind IN ('f', 'p', 'w')
       AND",
    selected_object!("pg_proc", "p", "proname"),
    "
     ORDER BY 1, 2, p.oid"
);

#[derive(Debug, Clone)]
pub struct FunctionRow {
    pub oid: i64,
    pub schema: String,
    pub name: String,
    pub definition: String,
    pub comment: Option<String>,
}

from_row!(FunctionRow {
    oid,
    schema,
    name,
    definition,
    comment
});

/// Adds the routines to `schema` (after its types, which their signatures name); returns
/// their signatures by oid.
pub fn build(
    rows: &[FunctionRow],
    schema: &mut Schema,
) -> Result<BTreeMap<i64, String>, InspectError> {
    let mut signatures = BTreeMap::new();
    for row in rows {
        let object = format!("function {}.{}", row.schema, row.name);
        let signature = pg::apply_function(schema, &row.definition)
            .map_err(|e| {
                InspectError::Catalog(format!("{object}: {e}\n    definition: {}", row.definition))
            })?
            .ok_or_else(|| InspectError::Catalog(format!("{object}: not read")))?;
        if let Some(f) = schema.functions.get_mut(&signature) {
            f.comment = row.comment.clone();
        }
        signatures.insert(row.oid, signature);
    }
    Ok(signatures)
}

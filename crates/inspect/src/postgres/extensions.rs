//! Extensions: the catalog query and its rows. An extension is selected when the schema it
//! is installed in is selected and its name is not excluded; `plpgsql` lives in `pg_catalog`
//! and is therefore never returned.

use schema_ir::{Extension, Schema};
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const EXTENSIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT e.extname::text AS name, ns.nspname AS schema, e.extversion AS version
     FROM pg_catalog.pg_extension e
     JOIN ns ON ns.oid = e.extnamespace
     WHERE NOT (e.extname ~ ANY ($2::text[]))
     ORDER BY 1"
);

#[derive(Debug, Clone)]
pub struct ExtensionRow {
    pub name: String,
    pub schema: String,
    pub version: String,
}

from_row!(ExtensionRow {
    name,
    schema,
    version
});

/// Adds the extensions to `schema`.
pub fn build(rows: &[ExtensionRow], schema: &mut Schema) {
    for row in rows {
        schema.extensions.insert(
            row.name.clone(),
            Extension {
                name: row.name.clone(),
                schema: row.schema.clone(),
                version: Some(row.version.clone()),
            },
        );
    }
}

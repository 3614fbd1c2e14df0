//! Collations: the catalog query and the IR built from its rows. Where the locale of an ICU
//! or builtin collation lives moved between PostgreSQL versions (`collcollate` before 15,
//! `colliculocale` in 15 and 16, `colllocale` since 17), so the row is read as JSON and
//! whichever column exists is used.

use schema_ir::{Collation, CollationProvider, QualifiedName, Schema};
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const COLLATIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.collname::text AS name,
            c.collprovider::text AS provider,
            COALESCE(pg_catalog.to_jsonb(c) ->> 'colllocale',
                     pg_catalog.to_jsonb(c) ->> 'colliculocale') AS locale,
            c.collcollate::text AS lc_collate,
            c.collctype::text AS lc_ctype,
            c.collisdeterministic AS deterministic,
            pg_catalog.to_jsonb(c) ->> 'collicurules' AS rules,
            pg_catalog.obj_description(c.oid, 'pg_collation') AS comment
     FROM pg_catalog.pg_collation c
     JOIN ns ON ns.oid = c.collnamespace
     WHERE",
    selected_object!("pg_collation", "c", "collname"),
    "
     ORDER BY 1, 2"
);

#[derive(Debug, Clone)]
pub struct CollationRow {
    pub schema: String,
    pub name: String,
    pub provider: String,
    pub locale: Option<String>,
    pub lc_collate: Option<String>,
    pub lc_ctype: Option<String>,
    pub deterministic: bool,
    pub rules: Option<String>,
    pub comment: Option<String>,
}

from_row!(CollationRow {
    schema,
    name,
    provider,
    locale,
    lc_collate,
    lc_ctype,
    deterministic,
    rules,
    comment
});

/// Adds the collations to `schema`.
pub fn build(rows: &[CollationRow], schema: &mut Schema) {
    for row in rows {
        let name = QualifiedName::new(&row.schema, &row.name);
        let provider = CollationProvider::parse(&row.provider).unwrap_or(CollationProvider::Libc);
        let libc = provider == CollationProvider::Libc;
        let collation = Collation {
            name: name.clone(),
            provider,
            locale: if libc {
                None
            } else {
                row.locale.clone().or_else(|| row.lc_collate.clone())
            },
            lc_collate: if libc { row.lc_collate.clone() } else { None },
            lc_ctype: if libc { row.lc_ctype.clone() } else { None },
            deterministic: row.deterministic,
            rules: row.rules.clone(),
            comment: row.comment.clone(),
        };
        schema.collations.insert(name, collation);
    }
}

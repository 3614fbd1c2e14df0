//! Domains and composite types: the catalog queries, and the IR built by printing each one
//! as its `CREATE DOMAIN` / `CREATE TYPE … AS (…)` statement and reading that through the
//! parser, so both readers canonicalize them the same way. Types that belong to an
//! extension and the row types of tables are never returned.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

/// `COLLATE` text of a collation given by schema and name.
macro_rules! collation_text {
    ($oid:expr) => {
        concat!(
            "(SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
              FROM pg_catalog.pg_collation co
              JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
              WHERE co.oid = ",
            $oid,
            ")"
        )
    };
}

pub const DOMAINS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            t.typname::text AS name,
            pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
            CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN ",
    collation_text!("t.typcollation"),
    " END AS collation,
            pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr,
            t.typnotnull AS not_null,
            ARRAY(SELECT pg_catalog.quote_ident(c.conname) || ' ' || pg_catalog.pg_get_constraintdef(c.oid)
                  FROM pg_catalog.pg_constraint c
                  WHERE c.contypid = t.oid AND c.contype = 'c'
                  ORDER BY c.conname) AS checks,
            pg_catalog.obj_description(t.oid, 'pg_type') AS comment
     FROM pg_catalog.pg_type t
     JOIN ns ON ns.oid = t.typnamespace
     JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
     WHERE t.typtype = 'd'
       AND",
    selected_object!("pg_type", "t", "typname"),
    "
     ORDER BY 1, 2"
);

pub const COMPOSITES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            t.typname::text AS name,
            ARRAY(SELECT pg_catalog.quote_ident(a.attname) || ' '
                         || pg_catalog.format_type(a.atttypid, a.atttypmod)
                         || CASE WHEN a.attcollation <> at.typcollation
                                 THEN ' COLLATE ' || ",
    collation_text!("a.attcollation"),
    " ELSE '' END
                  FROM pg_catalog.pg_attribute a
                  JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                  WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                  ORDER BY a.attnum) AS attributes,
            pg_catalog.obj_description(t.oid, 'pg_type') AS comment
     FROM pg_catalog.pg_type t
     JOIN ns ON ns.oid = t.typnamespace
     JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
     WHERE t.typtype = 'c'
       AND",
    selected_object!("pg_type", "t", "typname"),
    "
     ORDER BY 1, 2"
);

#[derive(Debug, Clone)]
pub struct DomainRow {
    pub schema: String,
    pub name: String,
    pub base_type: String,
    pub collation: Option<String>,
    pub default_expr: Option<String>,
    pub not_null: bool,
    pub checks: Vec<String>,
    pub comment: Option<String>,
}

from_row!(DomainRow {
    schema,
    name,
    base_type,
    collation,
    default_expr,
    not_null,
    checks,
    comment
});

#[derive(Debug, Clone)]
pub struct CompositeRow {
    pub schema: String,
    pub name: String,
    pub attributes: Vec<String>,
    pub comment: Option<String>,
}

from_row!(CompositeRow {
    schema,
    name,
    attributes,
    comment
});

fn apply(schema: &mut Schema, object: &str, sql: &str) -> Result<(), InspectError> {
    pg::apply_statement(schema, sql)
        .map_err(|e| InspectError::Catalog(format!("{object}: {e}\n    definition: {sql}")))
}

/// Adds composite types, then domains (whose base types may be composite), to `schema`.
pub fn build(
    domains: &[DomainRow],
    composites: &[CompositeRow],
    schema: &mut Schema,
) -> Result<(), InspectError> {
    // A composite attribute may be of a domain type and a domain over a composite type:
    // names are resolved when types are used, not when they are read, so the order here
    // does not matter.
    for row in composites {
        let name = QualifiedName::new(&row.schema, &row.name);
        let sql = format!("CREATE TYPE {name} AS ({})", row.attributes.join(", "));
        apply(schema, &format!("type {name}"), &sql)?;
        if let Some(t) = schema.composite_types.get_mut(&name) {
            t.comment = row.comment.clone();
        }
    }
    for row in domains {
        let name = QualifiedName::new(&row.schema, &row.name);
        let mut sql = format!("CREATE DOMAIN {name} AS {}", row.base_type);
        if let Some(c) = &row.collation {
            let c = c.strip_prefix("pg_catalog.").unwrap_or(c);
            sql.push_str(&format!(" COLLATE {c}"));
        }
        if let Some(d) = &row.default_expr {
            sql.push_str(&format!(" DEFAULT {d}"));
        }
        if row.not_null {
            sql.push_str(" NOT NULL");
        }
        for check in &row.checks {
            let check = check.strip_suffix(" NOT VALID").unwrap_or(check);
            sql.push_str(&format!(" CONSTRAINT {check}"));
        }
        apply(schema, &format!("domain {name}"), &sql)?;
        if let Some(d) = schema.domains.get_mut(&name) {
            d.comment = row.comment.clone();
        }
    }
    Ok(())
}

//! Publications: the catalog query and the IR built from its rows. Each is read as the
//! `CREATE PUBLICATION` that would make it, through the parser's own code, so column lists
//! and row filters are canonical on both sides. Column lists and row filters (PostgreSQL
//! 15) are read through `to_jsonb`, and schemas (`pg_publication_namespace`, also 15)
//! through `query_to_xml`, so the query runs on older servers too. Tables outside the
//! selected schemas, or excluded, are left out by the query.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema, quote_ident, quote_literal};
use schema_parse::postgres as pg;
use serde::Deserialize;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const PUBLICATIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT p.pubname::text AS name,
           p.puballtables AS all_tables,
           concat_ws(', ',
               CASE WHEN p.pubinsert THEN 'insert' END,
               CASE WHEN p.pubupdate THEN 'update' END,
               CASE WHEN p.pubdelete THEN 'delete' END,
               CASE WHEN p.pubtruncate THEN 'truncate' END) AS publish,
           p.pubviaroot AS via_partition_root,
           (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                       'schema', n.nspname::text,
                       'table', c.relname::text,
                       'columns', CASE
                           WHEN pg_catalog.jsonb_typeof(pg_catalog.to_jsonb(pr) -> 'prattrs') = 'array'
                           THEN ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                                 WHERE a.attrelid = pr.prrelid
                                   AND a.attnum IN (SELECT x::int2 FROM
                                       pg_catalog.jsonb_array_elements_text(
                                           pg_catalog.to_jsonb(pr) -> 'prattrs') x)
                                 ORDER BY a.attnum) END,
                       'filter', (SELECT pg_catalog.to_jsonb(v) ->> 'rowfilter'
                                  FROM pg_catalog.pg_publication_tables v
                                  WHERE v.pubname = p.pubname AND v.schemaname = n.nspname
                                    AND v.tablename = c.relname))
                   ORDER BY n.nspname, c.relname)::text
            FROM pg_catalog.pg_publication_rel pr
            JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            JOIN ns n ON n.oid = c.relnamespace
            WHERE pr.prpubid = p.oid
              AND NOT ((n.nspname || '.' || c.relname) ~ ANY ($2::text[]))) AS tables,
           CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 150000 THEN
               pg_catalog.xpath('//n/text()', pg_catalog.query_to_xml(pg_catalog.format(
                   'SELECT n.nspname AS n FROM pg_catalog.pg_publication_namespace pn
                    JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
                    WHERE pn.pnpubid = %s ORDER BY 1', p.oid), false, false, ''))::text[]
           ELSE '{}' END AS schemas,
           pg_catalog.obj_description(p.oid, 'pg_publication') AS comment
    FROM pg_catalog.pg_publication p
    ORDER BY 1"
);

#[derive(Debug, Clone)]
pub struct PublicationRow {
    pub name: String,
    pub all_tables: bool,
    pub publish: String,
    pub via_partition_root: bool,
    pub tables: Option<String>,
    pub schemas: Vec<String>,
    pub comment: Option<String>,
}

from_row!(PublicationRow {
    name,
    all_tables,
    publish,
    via_partition_root,
    tables,
    schemas,
    comment
});

#[derive(Deserialize)]
struct PublishedRow {
    schema: String,
    table: String,
    columns: Option<Vec<String>>,
    filter: Option<String>,
}

/// The `CREATE PUBLICATION` making the publication of `row`, its tables limited to those in
/// `schema` (the managed ones).
fn create_sql(row: &PublicationRow, schema: &Schema) -> Result<String, InspectError> {
    let published: Vec<PublishedRow> = match &row.tables {
        Some(json) => serde_json::from_str(json).map_err(|e| {
            InspectError::Catalog(format!("publication {}: tables {json}: {e}", row.name))
        })?,
        None => Vec::new(),
    };
    let mut objects: Vec<String> = Vec::new();
    for t in published {
        let name = QualifiedName::new(&t.schema, &t.table);
        if !schema.tables.contains_key(&name) {
            continue;
        }
        let mut object = format!("TABLE {name}");
        if let Some(columns) = &t.columns {
            let columns: Vec<String> = columns.iter().map(|c| quote_ident(c)).collect();
            object.push_str(&format!(" ({})", columns.join(", ")));
        }
        if let Some(filter) = &t.filter {
            object.push_str(&format!(" WHERE ({filter})"));
        }
        objects.push(object);
    }
    for s in row
        .schemas
        .iter()
        .filter(|s| schema.namespaces.contains_key(*s))
    {
        objects.push(format!("TABLES IN SCHEMA {}", quote_ident(s)));
    }
    let target = if row.all_tables {
        " FOR ALL TABLES".to_string()
    } else if objects.is_empty() {
        String::new()
    } else {
        format!(" FOR {}", objects.join(", "))
    };
    Ok(format!(
        "CREATE PUBLICATION {}{target} WITH (publish = {}, publish_via_partition_root = {})",
        quote_ident(&row.name),
        quote_literal(&row.publish),
        row.via_partition_root
    ))
}

/// Adds the publications to `schema` (after its tables).
pub fn build(rows: &[PublicationRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let sql = create_sql(row, schema)?;
        pg::apply_statement(schema, &sql).map_err(|e| {
            InspectError::Catalog(format!("publication {}: {e}\n    {sql}", row.name))
        })?;
        if let Some(p) = schema.publications.get_mut(&row.name) {
            p.comment = row.comment.clone();
        }
    }
    Ok(())
}

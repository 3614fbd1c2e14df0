//! Table options (row-level security, persistence, storage parameters, replica identity,
//! partition keys, the parents a table inherits from), partitions at any depth
//! and row-level security policies: the catalog queries and how their rows are applied to
//! the tables already built. Policies are read as the `CREATE POLICY` statement they
//! describe, through the parser's own code.

use crate::InspectError;
use schema_ir::{QualifiedName, ReplicaIdentity, Schema, quote_ident};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const TABLE_OPTIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            c.relrowsecurity AS row_security,
            c.relforcerowsecurity AS force_row_security,
            c.relpersistence = 'u' AS unlogged,
            COALESCE(c.reloptions, '{}'::text[]) AS storage,
            c.relreplident::text AS replica_identity,
            CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
            (SELECT i.relname::text FROM pg_catalog.pg_index x
             JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
             WHERE x.indrelid = c.oid AND x.indisreplident) AS replica_index,
            ARRAY(SELECT pn.nspname::text FROM pg_catalog.pg_inherits h
                  JOIN pg_catalog.pg_class p ON p.oid = h.inhparent
                  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE h.inhrelid = c.oid ORDER BY h.inhseqno) AS parent_schemas,
            ARRAY(SELECT p.relname::text FROM pg_catalog.pg_inherits h
                  JOIN pg_catalog.pg_class p ON p.oid = h.inhparent
                  WHERE h.inhrelid = c.oid ORDER BY h.inhseqno) AS parent_names
     FROM pg_catalog.pg_class c
     JOIN ns ON ns.oid = c.relnamespace
     WHERE",
    selected_tables!(),
    "AND (c.relrowsecurity OR c.relforcerowsecurity OR c.relpersistence = 'u' OR c.relkind = 'p'
          OR c.reloptions IS NOT NULL OR c.relreplident <> 'd'
          OR EXISTS (SELECT FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid))
     ORDER BY 1, 2"
);

/// Every partition under a selected partitioned table, at any depth, parents first.
pub const PARTITIONS: &str = concat!(
    selected_namespaces!(),
    "SELECT kns.nspname::text AS schema,
            k.relname::text AS name,
            pns.nspname::text AS parent_schema,
            p.relname::text AS parent_name,
            pg_catalog.pg_get_expr(k.relpartbound, k.oid) AS bound,
            CASE WHEN k.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(k.oid) END AS partition_key,
            pg_catalog.obj_description(k.oid, 'pg_class') AS comment
     FROM pg_catalog.pg_class c
     JOIN ns ON ns.oid = c.relnamespace
     CROSS JOIN LATERAL pg_catalog.pg_partition_tree(c.oid) tree
     JOIN pg_catalog.pg_class k ON k.oid = tree.relid AND k.relispartition
     JOIN pg_catalog.pg_namespace kns ON kns.oid = k.relnamespace
     JOIN pg_catalog.pg_class p ON p.oid = tree.parentrelid
     JOIN pg_catalog.pg_namespace pns ON pns.oid = p.relnamespace
     WHERE c.relkind = 'p' AND",
    selected_tables!(),
    "AND tree.level > 0
     ORDER BY tree.level, 1, 2"
);

#[derive(Debug, Clone)]
pub struct PartitionRow {
    pub schema: String,
    pub name: String,
    pub parent_schema: String,
    pub parent_name: String,
    pub bound: String,
    pub partition_key: Option<String>,
    pub comment: Option<String>,
}

from_row!(PartitionRow {
    schema,
    name,
    parent_schema,
    parent_name,
    bound,
    partition_key,
    comment
});

pub const POLICIES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            p.polname::text AS name,
            p.polpermissive AS permissive,
            p.polcmd::text AS command,
            ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r)::text END
                  FROM pg_catalog.unnest(p.polroles) r) AS roles,
            pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
            pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
            pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
     FROM pg_catalog.pg_policy p
     JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
     JOIN ns ON ns.oid = c.relnamespace
     WHERE",
    selected_tables!(),
    "ORDER BY 1, 2, 3"
);

#[derive(Debug, Clone)]
pub struct TableOptionsRow {
    pub schema: String,
    pub table_name: String,
    pub row_security: bool,
    pub force_row_security: bool,
    pub unlogged: bool,
    pub storage: Vec<String>,
    pub replica_identity: String,
    pub replica_index: Option<String>,
    pub partition_key: Option<String>,
    pub parent_schemas: Vec<String>,
    pub parent_names: Vec<String>,
}

from_row!(TableOptionsRow {
    schema,
    table_name,
    row_security,
    force_row_security,
    unlogged,
    storage,
    replica_identity,
    replica_index,
    partition_key,
    parent_schemas,
    parent_names
});

#[derive(Debug, Clone)]
pub struct PolicyRow {
    pub schema: String,
    pub table_name: String,
    pub name: String,
    pub permissive: bool,
    pub command: String,
    pub roles: Vec<String>,
    pub using_expr: Option<String>,
    pub check_expr: Option<String>,
    pub comment: Option<String>,
}

from_row!(PolicyRow {
    schema,
    table_name,
    name,
    permissive,
    command,
    roles,
    using_expr,
    check_expr,
    comment
});

/// Applies the options and policies to the tables of `schema`.
pub fn build(
    options: &[TableOptionsRow],
    partitions: &[PartitionRow],
    policies: &[PolicyRow],
    schema: &mut Schema,
) -> Result<(), InspectError> {
    for row in options {
        let name = QualifiedName::new(&row.schema, &row.table_name);
        if let Some(text) = &row.partition_key {
            let key = pg::partition_key(schema, text).map_err(|e| {
                InspectError::Catalog(format!(
                    "partition key of {name}: {e}\n    definition: {text}"
                ))
            })?;
            if let Some(t) = schema.tables.get_mut(&name) {
                t.partition_by = Some(key);
            }
        }
        let Some(t) = schema.tables.get_mut(&name) else {
            continue;
        };
        t.row_security = row.row_security;
        t.force_row_security = row.force_row_security;
        t.unlogged = row.unlogged;
        for option in &row.storage {
            if let Some((k, v)) = option.split_once('=') {
                t.storage.insert(k.to_string(), v.to_string());
            }
        }
        t.replica_identity = match (row.replica_identity.as_str(), &row.replica_index) {
            ("n", _) => ReplicaIdentity::Nothing,
            ("f", _) => ReplicaIdentity::Full,
            ("i", Some(index)) => ReplicaIdentity::Index(index.clone()),
            _ => ReplicaIdentity::Default,
        };
        t.inherits = row
            .parent_schemas
            .iter()
            .zip(&row.parent_names)
            .map(|(schema, name)| QualifiedName::new(schema, name))
            .collect();
    }
    for row in partitions {
        let name = QualifiedName::new(&row.schema, &row.name);
        let parent = QualifiedName::new(&row.parent_schema, &row.parent_name);
        let mut sql = format!("CREATE TABLE {name} PARTITION OF {parent} {}", row.bound);
        if let Some(key) = &row.partition_key {
            sql.push_str(&format!(" PARTITION BY {key}"));
        }
        if let Some(c) = &row.comment {
            sql.push_str(&format!(
                ";\nCOMMENT ON TABLE {name} IS {}",
                schema_ir::quote_literal(c)
            ));
        }
        pg::apply_statement(schema, &sql).map_err(|e| {
            InspectError::Catalog(format!("partition {name}: {e}\n    definition: {sql}"))
        })?;
    }
    for row in policies {
        let table = QualifiedName::new(&row.schema, &row.table_name);
        let command = match row.command.as_str() {
            "r" => "SELECT",
            "a" => "INSERT",
            "w" => "UPDATE",
            "d" => "DELETE",
            _ => "ALL",
        };
        let roles: Vec<String> = row
            .roles
            .iter()
            .map(|r| {
                if r == "public" {
                    "PUBLIC".to_string()
                } else {
                    quote_ident(r)
                }
            })
            .collect();
        let mut sql = format!(
            "CREATE POLICY {} ON {table} AS {} FOR {command} TO {}",
            quote_ident(&row.name),
            if row.permissive {
                "PERMISSIVE"
            } else {
                "RESTRICTIVE"
            },
            roles.join(", ")
        );
        if let Some(u) = &row.using_expr {
            sql.push_str(&format!(" USING ({u})"));
        }
        if let Some(c) = &row.check_expr {
            sql.push_str(&format!(" WITH CHECK ({c})"));
        }
        if let Some(c) = &row.comment {
            sql.push_str(&format!(
                ";\nCOMMENT ON POLICY {} ON {table} IS {}",
                quote_ident(&row.name),
                schema_ir::quote_literal(c)
            ));
        }
        pg::apply_statement(schema, &sql).map_err(|e| {
            InspectError::Catalog(format!(
                "policy {} on {table}: {e}\n    definition: {sql}",
                row.name
            ))
        })?;
    }
    Ok(())
}

//! Privileges: the catalog query over the access lists of the selected schemas, relations,
//! columns and routines, exploded into one row per grantee and privilege. The owner's own
//! entries and `MAINTAIN` are left out, routines without an access list get PostgreSQL's
//! default one (`PUBLIC` may execute), and schema `public` is not read: its default access
//! differs between server versions.

use schema_ir::{Grant, GrantTarget, QualifiedName, Schema};
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};
use std::collections::BTreeMap;

pub const GRANTS: &str = concat!(
    selected_namespaces!(),
    "SELECT acl.kind, acl.schema, acl.name, acl.column_name, acl.function_oid, acl.relkind,
            CASE WHEN e.grantee = 0 THEN 'public'
                 ELSE pg_catalog.pg_get_userbyid(e.grantee)::text END AS grantee,
            e.privilege_type::text AS privilege,
            e.is_grantable AS grantable
     FROM (
         SELECT 'relation'::text AS kind, ns.nspname AS schema, c.relname::text AS name,
                NULL::text AS column_name, 0::int8 AS function_oid, c.relkind::text AS relkind,
                c.relowner AS owner, c.relacl AS acl
         FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition
           AND c.relacl IS NOT NULL
           AND NOT ((ns.nspname || '.' || c.relname) ~ ANY ($2::text[]))
         UNION ALL
         SELECT 'column', ns.nspname, c.relname::text, a.attname::text, 0, c.relkind::text,
                c.relowner, a.attacl
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
         JOIN ns ON ns.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
           AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
           AND NOT ((ns.nspname || '.' || c.relname) ~ ANY ($2::text[]))
         UNION ALL
         SELECT 'function', ns.nspname, p.proname::text, NULL, p.oid::int8, NULL, p.proowner,
                COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))
         FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace
         WHERE p.prokind IN ('f', 'p', 'w')
           AND NOT ((ns.nspname || '.' || p.proname) ~ ANY ($2::text[]))
         UNION ALL
         SELECT 'schema', ns.nspname, ns.nspname, NULL, 0, NULL, n.nspowner, n.nspacl
         FROM pg_catalog.pg_namespace n JOIN ns ON ns.oid = n.oid
         WHERE n.nspacl IS NOT NULL AND ns.nspname <> 'public'
           AND NOT (ns.nspname ~ ANY ($2::text[]))
     ) acl,
     LATERAL pg_catalog.aclexplode(acl.acl) e
     WHERE e.grantee <> acl.owner AND e.privilege_type <> 'MAINTAIN'
     ORDER BY 1, 2, 3, 4, 5, 7, 8"
);

#[derive(Debug, Clone)]
pub struct GrantRow {
    pub kind: String,
    pub schema: String,
    pub name: String,
    pub column_name: Option<String>,
    pub function_oid: i64,
    pub relkind: Option<String>,
    pub grantee: String,
    pub privilege: String,
    pub grantable: bool,
}

from_row!(GrantRow {
    kind,
    schema,
    name,
    column_name,
    function_oid,
    relkind,
    grantee,
    privilege,
    grantable
});

/// Adds the grants on objects `schema` holds; `routines` maps routine oids to signatures.
pub fn build(rows: &[GrantRow], routines: &BTreeMap<i64, String>, schema: &mut Schema) {
    for row in rows {
        let name = QualifiedName::new(&row.schema, &row.name);
        let target = match (row.kind.as_str(), row.relkind.as_deref()) {
            ("schema", _) => GrantTarget::Schema(row.schema.clone()),
            ("relation", Some("S")) => GrantTarget::Sequence(name),
            ("relation", _) => GrantTarget::Relation(name),
            ("column", _) => GrantTarget::Column(name, row.column_name.clone().unwrap_or_default()),
            _ => match routines.get(&row.function_oid) {
                Some(signature) => GrantTarget::Function(signature.clone()),
                None => continue,
            },
        };
        let known = match &target {
            GrantTarget::Schema(s) => schema.namespaces.contains_key(s),
            GrantTarget::Relation(r) | GrantTarget::Column(r, _) => {
                schema.tables.contains_key(r) || schema.views.contains_key(r)
            }
            GrantTarget::Sequence(s) => schema.sequences.contains_key(s),
            GrantTarget::Function(_) => true,
        };
        if !known {
            continue;
        }
        schema.grants.insert(Grant {
            target,
            grantee: row.grantee.clone(),
            privilege: row.privilege.clone(),
            with_grant_option: row.grantable,
        });
    }
}

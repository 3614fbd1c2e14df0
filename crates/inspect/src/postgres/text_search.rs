//! Text search configurations and dictionaries: one catalog query returns both kinds. A
//! configuration's mappings come as JSON (token alias to its dictionaries in order); a
//! dictionary is read as `CREATE TEXT SEARCH DICTIONARY` with its stored options, through
//! the parser's own code, so both sides spell option values alike.

use crate::InspectError;
use schema_ir::{QualifiedName, Schema, TextSearchConfiguration};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};
use std::collections::BTreeMap;

pub const TEXT_SEARCH: &str = concat!(
    selected_namespaces!(),
    "SELECT 'configuration' AS kind,
            ns.nspname AS schema,
            c.cfgname::text AS name,
            pn.nspname::text AS base_schema,
            p.prsname::text AS base_name,
            (SELECT pg_catalog.jsonb_object_agg(m.alias, m.dictionaries)
             FROM (SELECT t.alias,
                          pg_catalog.jsonb_agg(
                              pg_catalog.jsonb_build_array(dn.nspname::text, d.dictname::text)
                              ORDER BY cm.mapseqno) AS dictionaries
                   FROM pg_catalog.pg_ts_config_map cm
                   JOIN pg_catalog.ts_token_type(c.cfgparser) t ON t.tokid = cm.maptokentype
                   JOIN pg_catalog.pg_ts_dict d ON d.oid = cm.mapdict
                   JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
                   WHERE cm.mapcfg = c.oid
                   GROUP BY t.alias) m)::text AS detail,
            pg_catalog.obj_description(c.oid, 'pg_ts_config') AS comment
     FROM pg_catalog.pg_ts_config c
     JOIN ns ON ns.oid = c.cfgnamespace
     JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
     JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
     WHERE",
    selected_object!("pg_ts_config", "c", "cfgname"),
    "
     UNION ALL
     SELECT 'dictionary',
            ns.nspname,
            d.dictname::text,
            tn.nspname::text,
            t.tmplname::text,
            d.dictinitoption,
            pg_catalog.obj_description(d.oid, 'pg_ts_dict')
     FROM pg_catalog.pg_ts_dict d
     JOIN ns ON ns.oid = d.dictnamespace
     JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
     JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
     WHERE",
    selected_object!("pg_ts_dict", "d", "dictname"),
    "
     ORDER BY 1, 2, 3"
);

#[derive(Debug, Clone)]
pub struct TextSearchRow {
    pub kind: String,
    pub schema: String,
    pub name: String,
    /// The configuration's parser or the dictionary's template.
    pub base_schema: String,
    pub base_name: String,
    /// The configuration's mappings (JSON) or the dictionary's options.
    pub detail: Option<String>,
    pub comment: Option<String>,
}

from_row!(TextSearchRow {
    kind,
    schema,
    name,
    base_schema,
    base_name,
    detail,
    comment
});

/// Adds the text search dictionaries and configurations to `schema`.
pub fn build(rows: &[TextSearchRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let name = QualifiedName::new(&row.schema, &row.name);
        let base = QualifiedName::new(&row.base_schema, &row.base_name);
        if row.kind == "dictionary" {
            let options = row
                .detail
                .as_deref()
                .filter(|o| !o.trim().is_empty())
                .map(|o| format!(", {o}"))
                .unwrap_or_default();
            let sql = format!("CREATE TEXT SEARCH DICTIONARY {name} (TEMPLATE = {base}{options})");
            pg::apply_statement(schema, &sql).map_err(|e| {
                InspectError::Catalog(format!("text search dictionary {name}: {e}\n    {sql}"))
            })?;
            if let Some(d) = schema.text_search_dictionaries.get_mut(&name) {
                d.template = base;
                d.comment = row.comment.clone();
            }
            continue;
        }
        let mapped: BTreeMap<String, Vec<(String, String)>> = match row.detail.as_deref() {
            Some(json) => serde_json::from_str(json).map_err(|e| {
                InspectError::Catalog(format!(
                    "text search configuration {name}: mappings {json}: {e}"
                ))
            })?,
            None => BTreeMap::new(),
        };
        let mappings = mapped
            .into_iter()
            .map(|(token, dictionaries)| {
                let dictionaries = dictionaries
                    .into_iter()
                    .map(|(s, d)| QualifiedName::new(s, d))
                    .collect();
                (token, dictionaries)
            })
            .collect();
        schema.text_search_configurations.insert(
            name.clone(),
            TextSearchConfiguration {
                name,
                parser: base,
                mappings,
                comment: row.comment.clone(),
            },
        );
    }
    Ok(())
}

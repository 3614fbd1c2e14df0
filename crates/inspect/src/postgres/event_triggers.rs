//! Event triggers: the catalog query and the IR built from its rows. An event trigger has no
//! schema; it is selected by its function's, and left alone when an extension created it.

use schema_ir::{EventTrigger, QualifiedName, Schema, TriggerEnabled};
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const EVENT_TRIGGERS: &str = concat!(
    selected_namespaces!(),
    "SELECT e.evtname::text AS name,
            e.evtevent::text AS event,
            COALESCE(e.evttags::text[], '{}') AS tags,
            ns.nspname AS function_schema,
            p.proname::text AS function_name,
            e.evtenabled::text AS enabled,
            pg_catalog.obj_description(e.oid, 'pg_event_trigger') AS comment
     FROM pg_catalog.pg_event_trigger e
     JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
     JOIN ns ON ns.oid = p.pronamespace
     WHERE NOT EXISTS (
         SELECT 1 FROM pg_catalog.pg_depend d
         WHERE d.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass
           AND d.objid = e.oid AND d.deptype = 'e')
       -- Every query takes the exclusion globs; they name schema-qualified objects, which
       -- an event trigger is not, so they only need a use here.
       AND pg_catalog.cardinality($2::text[]) >= 0
     ORDER BY 1"
);

#[derive(Debug, Clone)]
pub struct EventTriggerRow {
    pub name: String,
    pub event: String,
    pub tags: Vec<String>,
    pub function_schema: String,
    pub function_name: String,
    pub enabled: String,
    pub comment: Option<String>,
}

from_row!(EventTriggerRow {
    name,
    event,
    tags,
    function_schema,
    function_name,
    enabled,
    comment
});

/// Adds the event triggers to `schema`.
pub fn build(rows: &[EventTriggerRow], schema: &mut Schema) {
    for row in rows {
        let mut tags = row.tags.clone();
        tags.sort();
        tags.dedup();
        schema.event_triggers.insert(
            row.name.clone(),
            EventTrigger {
                name: row.name.clone(),
                event: row.event.clone(),
                tags,
                function: QualifiedName::new(&row.function_schema, &row.function_name),
                enabled: TriggerEnabled::from_catalog(&row.enabled),
                comment: row.comment.clone(),
            },
        );
    }
}

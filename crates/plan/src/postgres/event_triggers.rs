//! Event triggers: dropped first and created last, so that the plan's own DDL fires none of
//! them (one refusing `DROP TABLE` would stop the plan), as `pg_dump` restores them; the
//! enabled state changes in place.

use super::comment_step;
use crate::graph::{Phase, Planned, Resource};
use schema_diff::CommentTarget;
use schema_ir::{EventTrigger, TriggerEnabled, quote_ident, quote_literal};

fn function(e: &EventTrigger) -> Resource {
    Resource::Function(format!("{}()", e.function))
}

pub(crate) fn create_event_trigger(e: &EventTrigger) -> Vec<Planned> {
    let mut sql = format!(
        "CREATE EVENT TRIGGER {} ON {}",
        quote_ident(&e.name),
        quote_ident(&e.event)
    );
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| quote_literal(t)).collect();
        sql.push_str(&format!(" WHEN TAG IN ({})", tags.join(", ")));
    }
    sql.push_str(&format!(" EXECUTE FUNCTION {}()", e.function));
    let mut out = vec![
        Planned::new(
            Phase::CreateEventTrigger,
            "create_event_trigger",
            quote_ident(&e.name),
            sql,
        )
        .requires([function(e)])
        .provides([Resource::EventTrigger(e.name.clone())]),
    ];
    if !e.enabled.is_default() {
        out.extend(set_enabled(&e.name, e.enabled));
    }
    if let Some(c) = &e.comment {
        out.push(comment_step(
            &CommentTarget::EventTrigger {
                name: e.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_event_trigger(e: &EventTrigger) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropEventTrigger,
            "drop_event_trigger",
            quote_ident(&e.name),
            format!("DROP EVENT TRIGGER {}", quote_ident(&e.name)),
        )
        .uses_old([function(e)])
        .removes([Resource::EventTrigger(e.name.clone())]),
    ]
}

pub(crate) fn set_enabled(name: &str, state: TriggerEnabled) -> Vec<Planned> {
    let action = match state {
        TriggerEnabled::Origin => "ENABLE",
        TriggerEnabled::Disabled => "DISABLE",
        TriggerEnabled::Replica => "ENABLE REPLICA",
        TriggerEnabled::Always => "ENABLE ALWAYS",
    };
    vec![
        Planned::new(
            Phase::CreateEventTrigger,
            "set_event_trigger_enabled",
            quote_ident(name),
            format!("ALTER EVENT TRIGGER {} {action}", quote_ident(name)),
        )
        .requires([Resource::EventTrigger(name.to_string())]),
    ]
}

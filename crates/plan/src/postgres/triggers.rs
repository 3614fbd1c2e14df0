//! Triggers: created after their table, the columns they name and their function; dropped
//! before those change or go away. A trigger whose definition changes is dropped and created
//! again in the same transaction; its enabled state changes in place.

use super::{column_object, comment_step, sql};
use crate::graph::{Phase, Planned, Resource};
use schema_diff::CommentTarget;
use schema_ir::{
    QualifiedName, Trigger, TriggerEnabled, TriggerEvent, TriggerTiming, quote_ident, quote_literal,
};

fn object(table: &QualifiedName, trigger: &str) -> String {
    column_object(table, trigger)
}

/// The resource of the routine a trigger calls (trigger functions take no arguments).
pub(crate) fn function_resource(trigger: &Trigger) -> Resource {
    Resource::Function(format!("{}()", trigger.function))
}

/// `CREATE [CONSTRAINT] TRIGGER …` as `pg_get_triggerdef` would print it.
pub(crate) fn create_sql(table: &QualifiedName, t: &Trigger) -> String {
    let timing = match t.timing {
        TriggerTiming::Before => "BEFORE",
        TriggerTiming::After => "AFTER",
        TriggerTiming::InsteadOf => "INSTEAD OF",
    };
    let events: Vec<String> = t
        .events
        .iter()
        .map(|e| match e {
            TriggerEvent::Insert => "INSERT".to_string(),
            TriggerEvent::Delete => "DELETE".to_string(),
            TriggerEvent::Truncate => "TRUNCATE".to_string(),
            TriggerEvent::Update if t.update_columns.is_empty() => "UPDATE".to_string(),
            TriggerEvent::Update => {
                let columns: Vec<String> =
                    t.update_columns.iter().map(|c| quote_ident(c)).collect();
                format!("UPDATE OF {}", columns.join(", "))
            }
        })
        .collect();
    let mut sql = format!(
        "CREATE {}TRIGGER {} {timing} {} ON {table}",
        if t.constraint.is_some() {
            "CONSTRAINT "
        } else {
            ""
        },
        quote_ident(&t.name),
        events.join(" OR ")
    );
    if let Some(c) = &t.constraint {
        if let Some(r) = &c.referenced_table {
            sql.push_str(&format!(" FROM {r}"));
        }
        sql.push_str(match (c.deferrable, c.initially_deferred) {
            (false, _) => " NOT DEFERRABLE INITIALLY IMMEDIATE",
            (true, false) => " DEFERRABLE INITIALLY IMMEDIATE",
            (true, true) => " DEFERRABLE INITIALLY DEFERRED",
        });
    }
    if t.old_table.is_some() || t.new_table.is_some() {
        sql.push_str(" REFERENCING");
        if let Some(o) = &t.old_table {
            sql.push_str(&format!(" OLD TABLE AS {}", quote_ident(o)));
        }
        if let Some(n) = &t.new_table {
            sql.push_str(&format!(" NEW TABLE AS {}", quote_ident(n)));
        }
    }
    sql.push_str(if t.for_each_row {
        " FOR EACH ROW"
    } else {
        " FOR EACH STATEMENT"
    });
    if let Some(w) = &t.when {
        sql.push_str(&format!(" WHEN ({})", w.sql));
    }
    let arguments: Vec<String> = t.arguments.iter().map(|a| quote_literal(a)).collect();
    sql.push_str(&format!(
        " EXECUTE FUNCTION {}({})",
        t.function,
        arguments.join(", ")
    ));
    sql
}

/// What a trigger needs: its table, the columns it names, the table of `FROM`, its function.
fn needs(table: &QualifiedName, t: &Trigger) -> Vec<Resource> {
    let mut out = vec![Resource::Table(table.clone()), function_resource(t)];
    out.extend(
        t.update_columns
            .iter()
            .map(|c| Resource::Column(table.clone(), c.clone())),
    );
    if let Some(w) = &t.when {
        out.extend(
            sql::identifiers(&w.key)
                .into_iter()
                .filter(|i| i != "old" && i != "new")
                .map(|c| Resource::Column(table.clone(), c)),
        );
    }
    if let Some(r) = t
        .constraint
        .as_ref()
        .and_then(|c| c.referenced_table.as_ref())
    {
        out.push(Resource::Table(r.clone()));
    }
    out
}

fn lock(table: &QualifiedName) -> String {
    format!("SHARE ROW EXCLUSIVE on {table}")
}

pub(crate) fn create_trigger(table: &QualifiedName, t: &Trigger, existing: bool) -> Vec<Planned> {
    let mut create = Planned::new(
        Phase::CreateTrigger,
        "create_trigger",
        object(table, &t.name),
        create_sql(table, t),
    )
    .requires(needs(table, t))
    .provides([Resource::Trigger(table.clone(), t.name.clone())]);
    if existing {
        create = create.lock(lock(table));
    }
    let mut out = vec![create];
    if t.enabled != TriggerEnabled::Origin {
        out.extend(set_enabled(table, &t.name, t.enabled));
    }
    if let Some(c) = &t.comment {
        out.push(comment_step(
            &CommentTarget::Trigger {
                table: table.clone(),
                name: t.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_trigger(table: &QualifiedName, t: &Trigger) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropTrigger,
            "drop_trigger",
            object(table, &t.name),
            format!("DROP TRIGGER {} ON {table}", quote_ident(&t.name)),
        )
        .uses_old(needs(table, t))
        .removes([Resource::Trigger(table.clone(), t.name.clone())])
        .lock(lock(table)),
    ]
}

pub(crate) fn set_enabled(
    table: &QualifiedName,
    name: &str,
    state: TriggerEnabled,
) -> Vec<Planned> {
    let action = match state {
        TriggerEnabled::Origin => "ENABLE TRIGGER",
        TriggerEnabled::Disabled => "DISABLE TRIGGER",
        TriggerEnabled::Replica => "ENABLE REPLICA TRIGGER",
        TriggerEnabled::Always => "ENABLE ALWAYS TRIGGER",
    };
    vec![
        Planned::new(
            Phase::CreateTrigger,
            "set_trigger_enabled",
            object(table, name),
            format!("ALTER TABLE {table} {action} {}", quote_ident(name)),
        )
        .requires([Resource::Trigger(table.clone(), name.to_string())])
        .lock(lock(table)),
    ]
}

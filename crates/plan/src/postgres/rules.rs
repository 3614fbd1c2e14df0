//! Rules: created after their table, the columns their condition names and the relations
//! their actions name; dropped before those change or go away. A rule whose definition
//! changes is dropped and created again in the same transaction; its enabled state changes
//! in place. Rules of a dropped table are dropped before it, so a rule writing a table that
//! inherits from its own (rules routing rows to children) never orders the drops in a cycle.

use super::{column_object, comment_step, sql};
use crate::graph::{Phase, Planned, Resource};
use schema_diff::CommentTarget;
use schema_ir::{QualifiedName, Rule, TriggerEnabled, quote_ident};

/// `CREATE RULE …` as `pg_get_ruledef` would print it.
pub(crate) fn create_sql(table: &QualifiedName, r: &Rule) -> String {
    let mut sql = format!(
        "CREATE RULE {} AS ON {} TO {table}",
        quote_ident(&r.name),
        r.event.as_sql()
    );
    if let Some(c) = &r.condition {
        sql.push_str(&format!(" WHERE {}", c.sql));
    }
    sql.push_str(if r.instead {
        " DO INSTEAD "
    } else {
        " DO ALSO "
    });
    match r.actions.as_slice() {
        [] => sql.push_str("NOTHING"),
        [one] => sql.push_str(&one.sql),
        many => {
            let actions: Vec<&str> = many.iter().map(|a| a.sql.as_str()).collect();
            sql.push_str(&format!("({})", actions.join("; ")));
        }
    }
    sql
}

/// What a rule needs: its table, the columns its condition names, the relations its
/// actions name.
fn needs(table: &QualifiedName, r: &Rule) -> Vec<Resource> {
    let mut out = vec![Resource::Table(table.clone())];
    if let Some(c) = &r.condition {
        out.extend(
            sql::identifiers(&c.key)
                .into_iter()
                .filter(|i| i != "old" && i != "new")
                .map(|c| Resource::Column(table.clone(), c)),
        );
    }
    out.extend(r.references.iter().cloned().map(Resource::Relation));
    out
}

fn lock(table: &QualifiedName) -> String {
    format!("ACCESS EXCLUSIVE on {table}")
}

pub(crate) fn create_rule(table: &QualifiedName, r: &Rule, existing: bool) -> Vec<Planned> {
    let mut create = Planned::new(
        Phase::CreateTrigger,
        "create_rule",
        column_object(table, &r.name),
        create_sql(table, r),
    )
    .requires(needs(table, r))
    .provides([Resource::Rule(table.clone(), r.name.clone())]);
    if existing {
        create = create.lock(lock(table));
    }
    let mut out = vec![create];
    if r.enabled != TriggerEnabled::Origin {
        out.extend(set_enabled(table, &r.name, r.enabled));
    }
    if let Some(c) = &r.comment {
        out.push(comment_step(
            &CommentTarget::Rule {
                table: table.clone(),
                name: r.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_rule(table: &QualifiedName, r: &Rule) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropTrigger,
            "drop_rule",
            column_object(table, &r.name),
            format!("DROP RULE {} ON {table}", quote_ident(&r.name)),
        )
        .uses_old(needs(table, r))
        .removes([Resource::Rule(table.clone(), r.name.clone())])
        .lock(lock(table)),
    ]
}

pub(crate) fn set_enabled(
    table: &QualifiedName,
    name: &str,
    state: TriggerEnabled,
) -> Vec<Planned> {
    let action = match state {
        TriggerEnabled::Origin => "ENABLE RULE",
        TriggerEnabled::Disabled => "DISABLE RULE",
        TriggerEnabled::Replica => "ENABLE REPLICA RULE",
        TriggerEnabled::Always => "ENABLE ALWAYS RULE",
    };
    vec![
        Planned::new(
            Phase::CreateTrigger,
            "set_rule_enabled",
            column_object(table, name),
            format!("ALTER TABLE {table} {action} {}", quote_ident(name)),
        )
        .requires([Resource::Rule(table.clone(), name.to_string())])
        .lock(lock(table)),
    ]
}

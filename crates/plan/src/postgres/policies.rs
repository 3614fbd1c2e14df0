//! Table options and row-level security. Policies are created before row-level security is
//! enabled (so no moment exists where the table is enabled without them) and row-level
//! security is disabled before its policies are dropped. Storage parameters change in
//! place; persistence and replica identity changes are flagged.

use super::{access_exclusive, column_object, comment_step, sql};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::{Policy, QualifiedName, ReplicaIdentity, quote_ident, quote_literal};
use std::collections::BTreeMap;

fn roles_sql(p: &Policy) -> String {
    p.roles
        .iter()
        .map(|r| match r.as_str() {
            "public" => "PUBLIC".to_string(),
            "current_user" | "current_role" | "session_user" => r.to_uppercase(),
            _ => quote_ident(r),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn columns(table: &QualifiedName, p: &Policy) -> Vec<Resource> {
    let mut out: Vec<Resource> = [&p.using, &p.with_check]
        .into_iter()
        .flatten()
        .flat_map(|e| sql::identifiers(&e.key))
        .map(|c| Resource::Column(table.clone(), c))
        .collect();
    // The columns of the relations it reads, as for a view.
    let words: Vec<String> = [&p.using, &p.with_check]
        .into_iter()
        .flatten()
        .flat_map(|e| sql::identifiers(&e.key))
        .collect();
    for relation in relations_read(p) {
        if let Resource::Relation(r) = &relation {
            out.extend(words.iter().map(|w| Resource::Column(r.clone(), w.clone())));
        }
        out.push(relation);
    }
    out
}

/// The relations a policy's subqueries read (`… FROM app.members …`, schema-qualified in
/// the expression key): created before the policy, dropped after it.
pub(crate) fn relations_read(p: &Policy) -> Vec<Resource> {
    let mut out = Vec::new();
    for e in [&p.using, &p.with_check].into_iter().flatten() {
        let mut words = e.key.split_whitespace();
        while let Some(word) = words.next() {
            if !(word.eq_ignore_ascii_case("from") || word.eq_ignore_ascii_case("join")) {
                continue;
            }
            let Some(next) = words.next() else {
                break;
            };
            if let Some((parts, _)) = schema_ir::split_name(next, &['(', ')', ',', ';'])
                && let [schema, name] = parts.as_slice()
            {
                out.push(Resource::Relation(QualifiedName::new(schema, name)));
            }
        }
    }
    out
}

pub(crate) fn create_sql(table: &QualifiedName, p: &Policy) -> String {
    let mut sql = format!(
        "CREATE POLICY {} ON {table}{} FOR {} TO {}",
        quote_ident(&p.name),
        if p.permissive { "" } else { " AS RESTRICTIVE" },
        p.command.as_sql(),
        roles_sql(p)
    );
    if let Some(u) = &p.using {
        sql.push_str(&format!(" USING ({})", u.sql));
    }
    if let Some(c) = &p.with_check {
        sql.push_str(&format!(" WITH CHECK ({})", c.sql));
    }
    sql
}

pub(crate) fn create_policy(table: &QualifiedName, p: &Policy, existing: bool) -> Vec<Planned> {
    let object = column_object(table, &p.name);
    let mut step = Planned::new(
        Phase::CreatePolicy,
        "create_policy",
        object.clone(),
        create_sql(table, p),
    )
    .requires([Resource::Table(table.clone())])
    .requires(columns(table, p))
    .provides([Resource::Policy(table.clone(), p.name.clone())]);
    if existing {
        step = step
            .lock(access_exclusive(table))
            .hazard(hazards::POLICY_CHANGE.at(&object));
    }
    let mut out = vec![step];
    if let Some(c) = &p.comment {
        out.push(comment_step(
            &CommentTarget::Policy {
                table: table.clone(),
                name: p.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_policy(table: &QualifiedName, p: &Policy) -> Vec<Planned> {
    let object = column_object(table, &p.name);
    vec![
        Planned::new(
            Phase::DropTrigger,
            "drop_policy",
            object.clone(),
            format!("DROP POLICY {} ON {table}", quote_ident(&p.name)),
        )
        .uses_old(columns(table, p))
        .requires([Resource::RowSecurityOff(table.clone())])
        .removes([Resource::Policy(table.clone(), p.name.clone())])
        .lock(access_exclusive(table))
        .hazard(hazards::DROP_POLICY.at(&object)),
    ]
}

pub(crate) fn alter_policy(table: &QualifiedName, from: &Policy, to: &Policy) -> Vec<Planned> {
    let object = column_object(table, &to.name);
    let mut sql = format!("ALTER POLICY {} ON {table}", quote_ident(&to.name));
    if from.roles != to.roles {
        sql.push_str(&format!(" TO {}", roles_sql(to)));
    }
    // An expression cannot be removed by ALTER POLICY; the differ re-creates such a policy.
    if let Some(u) = to.using.as_ref().filter(|_| from.using != to.using) {
        sql.push_str(&format!(" USING ({})", u.sql));
    }
    if let Some(c) = to
        .with_check
        .as_ref()
        .filter(|_| from.with_check != to.with_check)
    {
        sql.push_str(&format!(" WITH CHECK ({})", c.sql));
    }
    vec![
        Planned::new(Phase::CreatePolicy, "alter_policy", object.clone(), sql)
            .requires([Resource::Policy(table.clone(), to.name.clone())])
            .requires(columns(table, to))
            .uses_old(columns(table, from))
            .lock(access_exclusive(table))
            .hazard(hazards::POLICY_CHANGE.at(&object)),
    ]
}

/// Enabling, disabling, forcing or unforcing row-level security.
pub(crate) fn set_row_security(
    table: &QualifiedName,
    from: (bool, bool),
    to: (bool, bool),
    policies: &[String],
    existing: bool,
) -> Vec<Planned> {
    // Turning row-level security on or forcing it waits for the table's policies.
    let after_policies = |kind: &str, action: &str| {
        let step = Planned::new(
            Phase::CreatePolicy,
            kind,
            table.to_string(),
            format!("ALTER TABLE {table} {action} ROW LEVEL SECURITY"),
        )
        .requires([Resource::Table(table.clone())])
        .requires(
            policies
                .iter()
                .map(|p| Resource::Policy(table.clone(), p.clone())),
        );
        if existing {
            step.lock(access_exclusive(table))
        } else {
            step
        }
    };
    let mut out = Vec::new();
    match (from.0, to.0) {
        (false, true) => {
            let step = after_policies("enable_row_security", "ENABLE");
            out.push(if existing {
                step.hazard(hazards::ENABLE_ROW_SECURITY.at(&table.to_string()))
            } else {
                step
            });
        }
        (true, false) => out.push(
            Planned::new(
                Phase::DropTrigger,
                "disable_row_security",
                table.to_string(),
                format!("ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"),
            )
            .provides([Resource::RowSecurityOff(table.clone())])
            .lock(access_exclusive(table))
            .hazard(hazards::DISABLE_ROW_SECURITY.at(&table.to_string())),
        ),
        _ => {}
    }
    if from.1 != to.1 {
        let action = if to.1 { "FORCE" } else { "NO FORCE" };
        let step = after_policies("force_row_security", action);
        let object = table.to_string();
        out.push(match (existing, to.1) {
            (false, _) => step,
            (true, true) => step.hazard(hazards::ENABLE_ROW_SECURITY.with_message(format!(
                "{object}: FORCE makes the table's owner, often the application's own role, subject to its policies; {}",
                hazards::ENABLE_ROW_SECURITY.summary
            ))),
            (true, false) => step.hazard(hazards::DISABLE_ROW_SECURITY.with_message(format!(
                "{object}: NO FORCE lets the table's owner see and change every row again; {}",
                hazards::DISABLE_ROW_SECURITY.summary
            ))),
        });
    }
    out
}

pub(crate) fn set_unlogged(table: &QualifiedName, unlogged: bool) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::AlterColumn,
            "set_persistence",
            table.to_string(),
            format!(
                "ALTER TABLE {table} SET {}",
                if unlogged { "UNLOGGED" } else { "LOGGED" }
            ),
        )
        .requires([Resource::Table(table.clone())])
        .lock(access_exclusive(table))
        .hazard(hazards::TABLE_PERSISTENCE_CHANGE.at(&table.to_string())),
    ]
}

/// `NO INHERIT` from the parents after the common first ones, then `INHERIT` the new ones in
/// order (PostgreSQL numbers parents in the order they are added). A table joins a parent
/// once it has the parent's columns and checks.
pub(crate) fn set_inherits(
    table: &QualifiedName,
    from: &[QualifiedName],
    to: &[QualifiedName],
    ctx: &super::Context,
) -> Vec<Planned> {
    let kept = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let mut out = Vec::new();
    for parent in &from[kept..] {
        out.push(
            Planned::new(
                Phase::DropConstraint,
                "drop_inherit",
                table.to_string(),
                format!("ALTER TABLE {table} NO INHERIT {parent}"),
            )
            .uses_old([
                Resource::Table(table.clone()),
                Resource::Table(parent.clone()),
            ])
            .lock(access_exclusive(table)),
        );
    }
    for parent in &to[kept..] {
        let mut needs = vec![
            Resource::Table(table.clone()),
            Resource::Table(parent.clone()),
        ];
        if let Some(p) = ctx.to.tables.get(parent) {
            needs.extend(
                p.columns
                    .iter()
                    .map(|c| Resource::Column(table.clone(), c.name.clone())),
            );
            needs.extend(
                p.checks
                    .keys()
                    .map(|c| Resource::Constraint(table.clone(), c.clone())),
            );
        }
        out.push(
            Planned::new(
                Phase::AddConstraint,
                "add_inherit",
                table.to_string(),
                format!("ALTER TABLE {table} INHERIT {parent}"),
            )
            .requires(needs)
            .lock(access_exclusive(table)),
        );
    }
    out
}

/// `k = v, …` of storage parameters.
pub(crate) fn storage_sql(storage: &BTreeMap<String, String>) -> String {
    storage
        .iter()
        .map(|(k, v)| format!("{} = {}", quote_ident(k), quote_literal(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn set_storage(
    table: &QualifiedName,
    from: &BTreeMap<String, String>,
    to: &BTreeMap<String, String>,
) -> Vec<Planned> {
    set_options(
        &format!("TABLE {table}"),
        table,
        ("reset_storage", "set_storage"),
        from,
        to,
    )
    .into_iter()
    .map(|step| {
        step.requires([Resource::Table(table.clone())])
            .lock(format!("SHARE UPDATE EXCLUSIVE on {table}"))
    })
    .collect()
}

/// `ALTER {target} RESET (…)` for the options `to` no longer has and `SET (…)` for the ones
/// it adds or changes, as steps of kinds `kinds` (reset, set) on `object`.
pub(crate) fn set_options(
    target: &str,
    object: &QualifiedName,
    kinds: (&'static str, &'static str),
    from: &BTreeMap<String, String>,
    to: &BTreeMap<String, String>,
) -> Vec<Planned> {
    let mut out = Vec::new();
    let reset: Vec<String> = from
        .keys()
        .filter(|k| !to.contains_key(*k))
        .map(|k| quote_ident(k))
        .collect();
    if !reset.is_empty() {
        out.push(Planned::new(
            Phase::AlterColumn,
            kinds.0,
            object.to_string(),
            format!("ALTER {target} RESET ({})", reset.join(", ")),
        ));
    }
    let set: BTreeMap<String, String> = to
        .iter()
        .filter(|(k, v)| from.get(*k) != Some(v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !set.is_empty() {
        out.push(Planned::new(
            Phase::AlterColumn,
            kinds.1,
            object.to_string(),
            format!("ALTER {target} SET ({})", storage_sql(&set)),
        ));
    }
    out
}

pub(crate) fn set_replica_identity(
    table: &QualifiedName,
    to: &ReplicaIdentity,
    existing: bool,
) -> Vec<Planned> {
    let (action, needs) = match to {
        ReplicaIdentity::Default => ("DEFAULT".to_string(), None),
        ReplicaIdentity::Nothing => ("NOTHING".to_string(), None),
        ReplicaIdentity::Full => ("FULL".to_string(), None),
        ReplicaIdentity::Index(i) => (
            format!("USING INDEX {}", quote_ident(i)),
            Some(Resource::Relation(QualifiedName::new(
                table.schema.clone(),
                i.clone(),
            ))),
        ),
    };
    let mut step = Planned::new(
        Phase::CreateIndex,
        "set_replica_identity",
        table.to_string(),
        format!("ALTER TABLE {table} REPLICA IDENTITY {action}"),
    )
    .requires([Resource::Table(table.clone())])
    .requires(needs);
    if existing {
        step = step
            .lock(access_exclusive(table))
            .hazard(hazards::REPLICA_IDENTITY_CHANGE.at(&table.to_string()));
    }
    vec![step]
}

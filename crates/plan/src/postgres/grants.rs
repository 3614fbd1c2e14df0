//! Privileges: `GRANT` after the object exists (created or re-created by the plan),
//! `REVOKE` flagged because it takes access away.

use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{Grant, GrantTarget, QualifiedName, quote_ident};

fn grantee(g: &Grant) -> String {
    match g.grantee.as_str() {
        "public" => "PUBLIC".to_string(),
        "current_user" | "current_role" | "session_user" => g.grantee.to_uppercase(),
        other => quote_ident(other),
    }
}

/// `SELECT (col) ON TABLE t` / `USAGE ON SCHEMA s` / … and the resource of the object.
fn on(g: &Grant) -> (String, String, Resource) {
    match &g.target {
        GrantTarget::Schema(s) => (
            format!("{} ON SCHEMA {}", g.privilege, quote_ident(s)),
            quote_ident(s),
            Resource::Namespace(s.clone()),
        ),
        GrantTarget::Relation(r) => (
            format!("{} ON TABLE {r}", g.privilege),
            r.to_string(),
            Resource::Relation(r.clone()),
        ),
        GrantTarget::Column(r, c) => (
            format!("{} ({}) ON TABLE {r}", g.privilege, quote_ident(c)),
            super::column_object(r, c),
            Resource::Column(r.clone(), c.clone()),
        ),
        GrantTarget::Sequence(s) => (
            format!("{} ON SEQUENCE {s}", g.privilege),
            s.to_string(),
            Resource::Sequence(s.clone()),
        ),
        GrantTarget::Function(f) => (
            format!("{} ON ROUTINE {f}", g.privilege),
            f.clone(),
            Resource::Function(f.clone()),
        ),
    }
}

fn relation_of(g: &Grant) -> Option<Resource> {
    match &g.target {
        GrantTarget::Column(r, _) => Some(Resource::Relation(QualifiedName::clone(r))),
        _ => None,
    }
}

pub(crate) fn grant(g: &Grant) -> Vec<Planned> {
    let (what, object, resource) = on(g);
    vec![
        Planned::new(
            Phase::Grant,
            "grant",
            object,
            format!(
                "GRANT {what} TO {}{}",
                grantee(g),
                if g.with_grant_option {
                    " WITH GRANT OPTION"
                } else {
                    ""
                }
            ),
        )
        .requires([resource])
        .requires(relation_of(g)),
    ]
}

/// `REVOKE …`; `new_object` when the plan creates the object (revoking a default from it
/// takes nothing away from anybody).
pub(crate) fn revoke(g: &Grant, option_only: bool, new_object: bool) -> Vec<Planned> {
    let (what, object, resource) = on(g);
    let sql = if option_only {
        format!("REVOKE GRANT OPTION FOR {what} FROM {}", grantee(g))
    } else {
        format!("REVOKE {what} FROM {}", grantee(g))
    };
    let step = Planned::new(Phase::Grant, "revoke", object.clone(), sql).requires([resource]);
    if new_object {
        return vec![step];
    }
    vec![step.hazard(hazards::REVOKE_PRIVILEGE.with_message(format!(
        "{object}: {} loses {}{}; {}",
        g.grantee,
        g.privilege,
        if option_only {
            " WITH GRANT OPTION"
        } else {
            ""
        },
        hazards::REVOKE_PRIVILEGE.summary
    )))]
}

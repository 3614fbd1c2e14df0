//! Privileges: a grant (object, grantee, privilege) on one side only is granted or revoked;
//! one whose grant option changes is granted again with it, or has it revoked. An object the
//! plan creates (or drops and creates again, like a rebuilt view) starts from PostgreSQL's
//! default privileges, so its grants are all given again; the grants of an object the plan
//! drops go with it. When privileges are not managed, the current grants are the desired
//! ones: nothing is granted or revoked, except that a re-created object gets its grants back.

use crate::Change;
use schema_ir::{Grant, GrantTarget, Schema};
use std::collections::{BTreeMap, BTreeSet};

/// Objects the other changes create and drop, as grant targets (a table stands for its
/// columns too).
fn touched(changes: &[Change]) -> (BTreeSet<GrantTarget>, BTreeSet<GrantTarget>) {
    let (mut created, mut dropped) = (BTreeSet::new(), BTreeSet::new());
    for change in changes {
        match change {
            Change::CreateNamespace(n) => {
                created.insert(GrantTarget::Schema(n.name.clone()));
            }
            Change::DropNamespace(n) => {
                dropped.insert(GrantTarget::Schema(n.name.clone()));
            }
            Change::CreateTable(t) => {
                created.insert(GrantTarget::Relation(t.name.clone()));
            }
            Change::DropTable(t) => {
                dropped.insert(GrantTarget::Relation(t.name.clone()));
            }
            Change::CreateView(v) => {
                created.insert(GrantTarget::Relation(v.name.clone()));
            }
            Change::DropView(v) => {
                dropped.insert(GrantTarget::Relation(v.name.clone()));
            }
            Change::AddColumn { table, column } => {
                created.insert(GrantTarget::Column(table.clone(), column.name.clone()));
            }
            Change::DropColumn { table, column } => {
                dropped.insert(GrantTarget::Column(table.clone(), column.name.clone()));
            }
            Change::CreateSequence(s) => {
                created.insert(GrantTarget::Sequence(s.name.clone()));
            }
            Change::DropSequence(s) => {
                dropped.insert(GrantTarget::Sequence(s.name.clone()));
            }
            Change::CreateFunction(f) => {
                created.insert(GrantTarget::Function(f.signature()));
            }
            Change::DropFunction(f) => {
                dropped.insert(GrantTarget::Function(f.signature()));
            }
            _ => {}
        }
    }
    (created, dropped)
}

fn within(target: &GrantTarget, set: &BTreeSet<GrantTarget>) -> bool {
    set.contains(target)
        || matches!(target, GrantTarget::Column(r, _) if set.contains(&GrantTarget::Relation(r.clone())))
}

/// What PostgreSQL grants on a new object by itself.
fn is_default(g: &Grant) -> bool {
    matches!(g.target, GrantTarget::Function(_))
        && g.grantee == "public"
        && g.privilege == "EXECUTE"
        && !g.with_grant_option
}

/// The grant changes; with `keep`, the grants of `from` are the desired ones (see
/// [`crate::DiffOptions::keep_privileges`]), but not those of objects the plan drops for good.
pub(crate) fn diff_grants(from: &Schema, to: &Schema, keep: bool, changes: &mut Vec<Change>) {
    let (created, dropped) = touched(changes);
    let default_of = |target: &GrantTarget| -> Vec<Grant> {
        match target {
            GrantTarget::Function(_) => vec![Grant {
                target: target.clone(),
                grantee: "public".into(),
                privilege: "EXECUTE".into(),
                with_grant_option: false,
            }],
            _ => Vec::new(),
        }
    };
    // Kept privileges: the current grants, less those of objects dropped for good; a new
    // object has what PostgreSQL gives it.
    let kept: BTreeSet<Grant>;
    let desired = if keep {
        kept = from
            .grants
            .iter()
            .filter(|g| within(&g.target, &created) || !within(&g.target, &dropped))
            .cloned()
            .chain(
                created
                    .iter()
                    .filter(|t| !dropped.contains(*t))
                    .flat_map(default_of),
            )
            .collect();
        &kept
    } else {
        &to.grants
    };
    // The grants each object has once the other changes have run.
    let mut before: BTreeSet<Grant> = from
        .grants
        .iter()
        .filter(|g| !within(&g.target, &created) && !within(&g.target, &dropped))
        .cloned()
        .collect();
    let targets: BTreeSet<&GrantTarget> = desired.iter().map(|g| &g.target).collect();
    for target in created
        .iter()
        .chain(targets.into_iter().filter(|t| within(t, &created)))
    {
        before.extend(default_of(target));
    }
    let old: BTreeMap<_, _> = before.iter().map(|g| (g.identity(), g)).collect();
    let new: BTreeMap<_, _> = desired.iter().map(|g| (g.identity(), g)).collect();
    for (id, g) in &new {
        match old.get(id) {
            None => changes.push(Change::Grant((*g).clone())),
            Some(was) if was.with_grant_option && !g.with_grant_option => {
                changes.push(Change::RevokeGrantOption((*g).clone()))
            }
            Some(was) if !was.with_grant_option && g.with_grant_option => {
                changes.push(Change::Grant((*g).clone()))
            }
            Some(_) => {}
        }
    }
    for (id, g) in &old {
        let gone_with_object =
            !is_default(g) && within(&g.target, &dropped) && !within(&g.target, &created);
        if !new.contains_key(id) && !gone_with_object {
            changes.push(Change::Revoke((*g).clone()));
        }
    }
}

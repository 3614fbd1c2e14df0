//! Functions and procedures, matched by signature. A routine whose definition changed is
//! replaced in place (`CREATE OR REPLACE`) when PostgreSQL allows it, and otherwise dropped
//! and created again: a changed result type, argument names or modes, or a removed argument
//! default cannot be replaced.

use crate::{Change, CommentTarget};
use schema_ir::{Column, Function, IndexTarget, QualifiedName, Schema};
use std::collections::BTreeSet;

pub(crate) fn diff_functions(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    for (signature, new) in &to.functions {
        let Some(old) = from.functions.get(signature) else {
            changes.push(Change::CreateFunction(new.clone()));
            continue;
        };
        if old.redefined(new) {
            if old.replaceable_by(new) {
                changes.push(Change::ReplaceFunction {
                    from: old.clone(),
                    to: new.clone(),
                });
            } else {
                changes.push(Change::DropFunction(old.clone()));
                changes.push(Change::CreateFunction(new.clone()));
                continue;
            }
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::Function {
                    signature: signature.clone(),
                    procedure: new.procedure,
                },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (signature, old) in &from.functions {
        if !to.functions.contains_key(signature) {
            changes.push(Change::DropFunction(old.clone()));
        }
    }
}

/// Routines whose arguments or result are of a type that is rebuilt (an enum or domain
/// rebuilt beside its old self, a domain or composite type dropped and created again):
/// their signature holds on to the old type, which then cannot be dropped, so they are
/// dropped before the rebuild and created again after it.
pub(crate) fn rebuild_for_types(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let created: BTreeSet<&QualifiedName> = changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateDomain(d) => Some(&d.name),
            Change::CreateComposite(t) => Some(&t.name),
            _ => None,
        })
        .collect();
    let rebuilt: BTreeSet<QualifiedName> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropDomain(d) if created.contains(&d.name) => Some(&d.name),
            Change::DropComposite(t) if created.contains(&t.name) => Some(&t.name),
            _ => c.rebuilt_type(),
        })
        .cloned()
        .collect();
    if rebuilt.is_empty() {
        return;
    }
    recreate_where(from, to, changes, |old| {
        old.arguments
            .iter()
            .map(|a| &a.data_type)
            .chain(old.returns.iter().map(|r| &r.data_type))
            .any(|t| t.user_type().is_some_and(|u| rebuilt.contains(&u)))
    });
}

/// Routines with a SQL-standard body (`BEGIN ATOMIC … END`, `RETURN …`) that read a column
/// whose type changes or which goes away, or a table dropped (and perhaps created again):
/// PostgreSQL stores such a body parsed and refuses those changes while it exists, so the
/// routine is dropped before them and created again after.
pub(crate) fn rebuild_for_tables(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut touched: BTreeSet<(QualifiedName, Option<String>)> = BTreeSet::new();
    for change in changes.iter() {
        match change {
            Change::DropTable(t) => {
                touched.insert((t.name.clone(), None));
            }
            Change::DropColumn { table, column } => {
                touched.insert((table.clone(), Some(column.name.clone())));
            }
            Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                touched.insert((table.clone(), Some(from.name.clone())));
            }
            _ => {}
        }
    }
    if touched.is_empty() {
        return;
    }
    recreate_where(from, to, changes, |old| {
        let schema_ir::FunctionBody::Standard(body) = &old.body else {
            return false;
        };
        touched.iter().any(|(table, column)| {
            old.references.contains(table)
                && column
                    .as_deref()
                    .is_none_or(|c| crate::table::mentions(&body.key, c) || body.key.contains('*'))
        })
    });
}

/// Drops and creates again every routine kept on both sides for which `uses` holds (unless
/// the changes already do), instead of replacing it in place; returns their names.
pub(crate) fn recreate_where(
    from: &Schema,
    to: &Schema,
    changes: &mut Vec<Change>,
    uses: impl Fn(&Function) -> bool,
) -> Vec<String> {
    let dropped: BTreeSet<String> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropFunction(f) => Some(f.signature()),
            _ => None,
        })
        .collect();
    let mut names = Vec::new();
    for (signature, old) in &from.functions {
        let Some(new) = to.functions.get(signature) else {
            continue;
        };
        if dropped.contains(signature) || !uses(old) {
            continue;
        }
        changes.retain(|c| {
            !matches!(c, Change::ReplaceFunction { from, .. } if from.signature() == *signature)
        });
        changes.push(Change::DropFunction(old.clone()));
        changes.push(Change::CreateFunction(new.clone()));
        names.push(old.name.name.clone());
    }
    names
}

/// Names of the routines the changes drop and create again (their dependents must go first).
pub(crate) fn recreated(changes: &[Change]) -> BTreeSet<String> {
    let created: BTreeSet<String> = changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateFunction(f) => Some(f.signature()),
            _ => None,
        })
        .collect();
    changes
        .iter()
        .filter_map(|c| match c {
            Change::DropFunction(f) if created.contains(&f.signature()) => {
                Some(f.name.name.clone())
            }
            _ => None,
        })
        .collect()
}

/// Whether an expression key calls one of `names` (keys drop schema qualifiers of calls).
pub(crate) fn calls_any(key: &str, names: &BTreeSet<String>) -> bool {
    names.iter().any(|n| {
        let quoted = schema_ir::quote_ident(n);
        key.match_indices(&format!("{quoted}(")).any(|(at, _)| {
            !key[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        })
    })
}

/// Indexes, checks and column defaults that call a routine being dropped and created again
/// are dropped before it and created again after it (PostgreSQL refuses to drop a routine
/// they use).
pub(crate) fn rebuild_dependents(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let names = recreated(changes);
    if names.is_empty() {
        return;
    }
    let already: BTreeSet<(QualifiedName, String)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropIndex { table, index } => Some((table.clone(), index.name.clone())),
            Change::DropCheck { table, check } => Some((table.clone(), check.name.clone())),
            _ => None,
        })
        .collect();
    for (name, old) in &from.tables {
        let Some(new) = to.tables.get(name) else {
            continue;
        };
        for (index_name, index) in &old.indexes {
            let Some(kept) = new.indexes.get(index_name) else {
                continue;
            };
            let uses = index.predicate.iter().any(|p| calls_any(&p.key, &names))
                || index.keys.iter().any(|k| match &k.target {
                    IndexTarget::Expression(e) => calls_any(&e.key, &names),
                    IndexTarget::Column(_) => false,
                });
            if uses && !already.contains(&(name.clone(), index_name.clone())) {
                changes.push(Change::DropIndex {
                    table: name.clone(),
                    index: index.clone(),
                });
                changes.push(Change::CreateIndex {
                    table: name.clone(),
                    index: kept.clone(),
                });
            }
        }
        for column in &old.columns {
            let calls = column
                .default
                .as_ref()
                .is_some_and(|d| calls_any(&d.key, &names));
            let Some(kept) = new.column(&column.name).filter(|_| calls) else {
                continue;
            };
            // The default goes before the routine is dropped and comes back after it is
            // created again (with whatever else changes on the column).
            let pending = changes.iter().position(|c| {
                matches!(c, Change::AlterColumn { table, from, .. }
                    if table == name && from.name == column.name)
            });
            let desired = match pending.map(|at| changes.remove(at)) {
                Some(Change::AlterColumn { to, .. }) => to,
                _ => kept.clone(),
            };
            let bare = Column {
                default: None,
                ..column.clone()
            };
            changes.push(Change::AlterColumn {
                table: name.clone(),
                from: column.clone(),
                to: bare.clone(),
            });
            changes.push(Change::AlterColumn {
                table: name.clone(),
                from: bare,
                to: desired,
            });
        }
        for (check_name, check) in &old.checks {
            let Some(kept) = new.checks.get(check_name) else {
                continue;
            };
            if calls_any(&check.expr.key, &names)
                && !already.contains(&(name.clone(), check_name.clone()))
            {
                changes.push(Change::DropCheck {
                    table: name.clone(),
                    check: check.clone(),
                });
                changes.push(Change::AddCheck {
                    table: name.clone(),
                    check: kept.clone(),
                });
            }
        }
    }
}

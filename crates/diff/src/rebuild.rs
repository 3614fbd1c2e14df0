//! Constraints and indexes that did not change themselves but must be dropped and added
//! again because something they rest on changes. Foreign keys: the referenced primary key,
//! unique constraint or unique index is dropped (or rebuilt), or a column on either side
//! changes type (PostgreSQL checks that both sides' types stay compatible, which fails midway
//! when both change). Checks, indexes and exclusion constraints whose expressions name a
//! column converted to a rebuilt type: PostgreSQL re-creates them from their printed
//! definitions, whose literals are cast to the old type (`state = 'open'::state__old`),
//! which no longer compares.

use crate::change::Change;
use schema_ir::{QualifiedName, Schema};
use std::collections::BTreeSet;

pub(crate) fn foreign_keys_to_rebuild(
    from: &Schema,
    to: &Schema,
    changes: &[Change],
) -> Vec<Change> {
    let mut retyped: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let mut dropped_keys: BTreeSet<(&QualifiedName, Vec<&str>)> = BTreeSet::new();
    let mut touched_fks: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let sorted = |cols: &'_ [String]| -> Vec<String> {
        let mut v = cols.to_vec();
        v.sort();
        v
    };
    let mut dropped_owned: Vec<(&QualifiedName, Vec<String>)> = Vec::new();
    for change in changes {
        match change {
            Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                retyped.insert((table, from.name.as_str()));
            }
            Change::DropPrimaryKey { table, primary_key } => {
                dropped_owned.push((table, sorted(&primary_key.columns)));
            }
            Change::DropUnique { table, unique } => {
                dropped_owned.push((table, sorted(&unique.columns)));
            }
            Change::DropIndex { table, index } if index.unique => {
                let cols: Vec<String> = index
                    .keys
                    .iter()
                    .filter_map(|k| match &k.target {
                        schema_ir::IndexTarget::Column(c) => Some(c.clone()),
                        schema_ir::IndexTarget::Expression(_) => None,
                    })
                    .collect();
                dropped_owned.push((table, sorted(&cols)));
            }
            Change::DropForeignKey { table, foreign_key } => {
                touched_fks.insert((table, foreign_key.name.as_str()));
            }
            _ => {}
        }
    }
    for (table, cols) in &dropped_owned {
        dropped_keys.insert((table, cols.iter().map(String::as_str).collect()));
    }

    let mut out = Vec::new();
    for (name, new_table) in &to.tables {
        let Some(old_table) = from.tables.get(name) else {
            continue;
        };
        for (fk_name, fk) in &new_table.foreign_keys {
            if old_table.foreign_keys.get(fk_name) != Some(fk)
                || touched_fks.contains(&(name, fk_name.as_str()))
            {
                continue;
            }
            let mut referenced: Vec<&str> =
                fk.referenced_columns.iter().map(String::as_str).collect();
            referenced.sort();
            let must = fk
                .columns
                .iter()
                .any(|c| retyped.contains(&(name, c.as_str())))
                || fk
                    .referenced_columns
                    .iter()
                    .any(|c| retyped.contains(&(&fk.references, c.as_str())))
                || dropped_keys.contains(&(&fk.references, referenced));
            if must {
                out.push(Change::DropForeignKey {
                    table: name.clone(),
                    foreign_key: fk.clone(),
                });
                out.push(Change::AddForeignKey {
                    table: name.clone(),
                    foreign_key: fk.clone(),
                });
            }
        }
    }
    out
}

/// The (table, column) pairs that rebuilt enums, domains and composite types convert.
pub(crate) fn converted_columns(changes: &[Change]) -> BTreeSet<(QualifiedName, String)> {
    changes
        .iter()
        .flat_map(Change::converted_columns)
        .map(|c| (c.table.clone(), c.from.name.clone()))
        .collect()
}

/// Checks and indexes (expressions, predicates) of kept tables that name a column converted
/// to a rebuilt enum, domain or composite type, and that the diff does not already change.
pub(crate) fn around_converted_columns(
    from: &Schema,
    to: &Schema,
    changes: &[Change],
) -> Vec<Change> {
    let converted = converted_columns(changes);
    // Policies and trigger conditions hold on to their columns' types: PostgreSQL changes
    // the type of no column they read, converted or retyped.
    let mut held = converted.clone();
    let mut touched: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let mut touched_policies: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    let mut touched_triggers: BTreeSet<(&QualifiedName, &str)> = BTreeSet::new();
    for change in changes {
        match change {
            Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                held.insert((table.clone(), from.name.clone()));
            }
            Change::CreatePolicy { table, policy } | Change::DropPolicy { table, policy } => {
                touched_policies.insert((table, &policy.name));
            }
            Change::AlterPolicy { table, to, .. } => {
                touched_policies.insert((table, &to.name));
            }
            Change::CreateTrigger { table, trigger } | Change::DropTrigger { table, trigger } => {
                touched_triggers.insert((table, &trigger.name));
            }
            Change::AddCheck { table, check } | Change::DropCheck { table, check } => {
                touched.insert((table, &check.name));
            }
            Change::CreateIndex { table, index } | Change::DropIndex { table, index } => {
                touched.insert((table, &index.name));
            }
            Change::AddExclusion { table, exclusion }
            | Change::DropExclusion { table, exclusion } => {
                touched.insert((table, &exclusion.name));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if held.is_empty() {
        return out;
    }
    for (name, new_table) in &to.tables {
        let Some(old_table) = from.tables.get(name) else {
            continue;
        };
        // Whether an expression may name one of the table's columns in `set`.
        let names_any = |set: &BTreeSet<(QualifiedName, String)>, e: &schema_ir::Expr| {
            old_table
                .columns
                .iter()
                .any(|c| set.contains(&(name.clone(), c.name.clone())) && e.mentions(&c.name))
        };
        let names_converted = |e: &schema_ir::Expr| names_any(&converted, e);
        let reads_held = |e: &schema_ir::Expr| names_any(&held, e);
        // A policy's subquery names the other tables it reads with their schema.
        let reads_other = |e: &schema_ir::Expr| {
            held.iter()
                .any(|(t, c)| t != name && e.key.contains(&t.to_string()) && e.mentions(c))
        };
        for (policy_name, old) in &old_table.policies {
            let reads = old
                .using
                .iter()
                .chain(old.with_check.iter())
                .any(|e| reads_held(e) || reads_other(e));
            if !reads || touched_policies.contains(&(name, policy_name.as_str())) {
                continue;
            }
            if let Some(new) = new_table.policies.get(policy_name) {
                out.push(Change::DropPolicy {
                    table: name.clone(),
                    policy: old.clone(),
                });
                out.push(Change::CreatePolicy {
                    table: name.clone(),
                    policy: new.clone(),
                });
            }
        }
        for (trigger_name, old) in &old_table.triggers {
            let reads = old.when.as_ref().is_some_and(reads_held);
            if !reads || touched_triggers.contains(&(name, trigger_name.as_str())) {
                continue;
            }
            if let Some(new) = new_table.triggers.get(trigger_name) {
                out.push(Change::DropTrigger {
                    table: name.clone(),
                    trigger: old.clone(),
                });
                out.push(Change::CreateTrigger {
                    table: name.clone(),
                    trigger: new.clone(),
                });
            }
        }
        for (check_name, old) in &old_table.checks {
            if touched.contains(&(name, check_name.as_str())) || !names_converted(&old.expr) {
                continue;
            }
            if let Some(new) = new_table.checks.get(check_name) {
                out.push(Change::DropCheck {
                    table: name.clone(),
                    check: old.clone(),
                });
                out.push(Change::AddCheck {
                    table: name.clone(),
                    check: new.clone(),
                });
            }
        }
        for (index_name, old) in &old_table.indexes {
            let expressions = old
                .keys
                .iter()
                .filter_map(|k| match &k.target {
                    schema_ir::IndexTarget::Expression(e) => Some(e),
                    schema_ir::IndexTarget::Column(_) => None,
                })
                .chain(old.predicate.as_ref());
            let mut expressions = expressions;
            if touched.contains(&(name, index_name.as_str())) || !expressions.any(names_converted) {
                continue;
            }
            if let Some(new) = new_table.indexes.get(index_name) {
                out.push(Change::DropIndex {
                    table: name.clone(),
                    index: old.clone(),
                });
                out.push(Change::CreateIndex {
                    table: name.clone(),
                    index: new.clone(),
                });
            }
        }
        for (exclusion_name, old) in &old_table.exclusions {
            let mut expressions = old
                .elements
                .iter()
                .filter_map(|e| match &e.key.target {
                    schema_ir::IndexTarget::Expression(e) => Some(e),
                    schema_ir::IndexTarget::Column(_) => None,
                })
                .chain(old.predicate.as_ref());
            if touched.contains(&(name, exclusion_name.as_str()))
                || !expressions.any(names_converted)
            {
                continue;
            }
            if let Some(new) = new_table.exclusions.get(exclusion_name) {
                out.push(Change::DropExclusion {
                    table: name.clone(),
                    exclusion: old.clone(),
                });
                out.push(Change::AddExclusion {
                    table: name.clone(),
                    exclusion: new.clone(),
                });
            }
        }
    }
    out
}

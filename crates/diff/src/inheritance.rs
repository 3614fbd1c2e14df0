//! Table inheritance: PostgreSQL applies a column added to, dropped from or retyped on a
//! parent, a default or NOT NULL set on or dropped from it, and an inherited check added to
//! or dropped from it, to every table that inherits from it. The same change on such a table
//! is then implied by its ancestor's and is taken out (it would fail: the column or check is
//! already there, or is inherited and cannot be changed on its own); a column keeps what
//! else changes on it.

use crate::change::Change;
use schema_ir::{Column, QualifiedName, Schema};
use std::collections::{BTreeMap, BTreeSet};

/// The tables `table` inherits from in `schema`, at any depth.
fn ancestors(schema: &Schema, table: &QualifiedName) -> BTreeSet<QualifiedName> {
    let mut out = BTreeSet::new();
    let mut pending = vec![table.clone()];
    while let Some(t) = pending.pop() {
        for parent in schema.tables.get(&t).map_or(&[][..], |t| &t.inherits) {
            if out.insert(parent.clone()) {
                pending.push(parent.clone());
            }
        }
    }
    out
}

pub(crate) fn drop_implied_by_parents(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    if !to.tables.values().any(|t| !t.inherits.is_empty()) {
        return;
    }
    // (table, what): what the change does, where an ancestor's same change implies it.
    let what = |change: &Change| -> Option<(QualifiedName, String)> {
        match change {
            Change::AddColumn { table, column } => {
                Some((table.clone(), format!("add column {}", column.name)))
            }
            Change::DropColumn { table, column } => {
                Some((table.clone(), format!("drop column {}", column.name)))
            }
            Change::AddCheck { table, check } if !check.no_inherit => {
                Some((table.clone(), format!("add check {}", check.name)))
            }
            Change::DropCheck { table, check } if !check.no_inherit => {
                Some((table.clone(), format!("drop check {}", check.name)))
            }
            _ => None,
        }
    };
    let done: BTreeSet<(QualifiedName, String)> = changes.iter().filter_map(what).collect();
    let altered: BTreeMap<(QualifiedName, String), (Column, Column)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::AlterColumn { table, from, to } => Some((
                (table.clone(), from.name.clone()),
                (from.clone(), to.clone()),
            )),
            _ => None,
        })
        .collect();
    // The ancestors a table has before and after: the ones whose changes reach it.
    let kept = |table: &QualifiedName| -> Vec<QualifiedName> {
        let before = ancestors(from, table);
        ancestors(to, table)
            .intersection(&before)
            .cloned()
            .collect()
    };
    let implied = |table: &QualifiedName, w: &str| {
        kept(table)
            .into_iter()
            .any(|a| done.contains(&(a, w.to_string())))
    };
    // What `column` of `table` is after its ancestors' changes to the same column reach it.
    let inherited = |table: &QualifiedName, column: &Column, target: &Column| -> Column {
        let mut out = column.clone();
        for a in kept(table) {
            let Some((before, after)) = altered.get(&(a, column.name.clone())) else {
                continue;
            };
            if before.data_type != after.data_type && target.data_type == after.data_type {
                out.data_type = after.data_type.clone();
                out.collation = target.collation.clone();
            }
            if before.not_null != after.not_null && target.not_null == after.not_null {
                out.not_null = after.not_null;
            }
            if before.default != after.default && target.default == after.default {
                out.default = after.default.clone();
            }
        }
        out
    };
    let mut out = Vec::with_capacity(changes.len());
    for change in std::mem::take(changes) {
        if let Change::AlterColumn { table, from, to } = change {
            let from = inherited(&table, &from, &to);
            if from != to {
                out.push(Change::AlterColumn { table, from, to });
            }
            continue;
        }
        match what(&change) {
            Some((table, w)) if implied(&table, &w) => {}
            _ => out.push(change),
        }
    }
    *changes = out;
}

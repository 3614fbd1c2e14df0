//! Foreign keys that did not change themselves but must be dropped and added again because
//! something they rest on changes: the referenced primary key, unique constraint or unique
//! index is dropped (or rebuilt), or a column on either side changes type (PostgreSQL checks
//! that both sides' types stay compatible, which fails midway when both change).

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

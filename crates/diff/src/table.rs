//! Differences inside one table that exists on both sides: columns (added, dropped, altered,
//! or replaced when a generated expression changes), the primary key, unique, check and
//! foreign-key constraints, indexes, and comments. A changed constraint or index is dropped
//! and created again under the same name; so is one that involves a replaced column.

use crate::change::{Change, CommentTarget};
use schema_ir::{Check, Column, ForeignKey, Index, IndexTarget, QualifiedName, Table};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Changes of table `old` into `new`; `recreated` names the routines dropped and created
/// again.
pub(crate) fn diff_table(
    old: &Table,
    new: &Table,
    recreated: &BTreeSet<String>,
    converted: &BTreeSet<(QualifiedName, String)>,
    out: &mut Vec<Change>,
) {
    let name = &new.name;
    let mut replaced: BTreeSet<&str> = BTreeSet::new();

    let mut column_changes = Vec::new();
    let mut new_columns: Vec<&Column> = new.columns.iter().collect();
    new_columns.sort_by(|a, b| a.name.cmp(&b.name));
    for column in new_columns {
        let Some(before) = old.column(&column.name) else {
            column_changes.push(Change::AddColumn {
                table: name.clone(),
                column: column.clone(),
            });
            continue;
        };
        // A column converted to a rebuilt type gets its new default with the conversion (a
        // default naming a new value cannot be set before it).
        let converted_default;
        let before = if is_converted(converted, name, &column.name) {
            converted_default = Column {
                default: column.default.clone(),
                ..before.clone()
            };
            &converted_default
        } else {
            before
        };
        // PostgreSQL cannot change the type of a column a generated column reads (nor
        // convert it to a rebuilt type), so such a generated column is replaced around it.
        let reads_retyped_column = column.generated.as_ref().is_some_and(|g| {
            new.columns.iter().any(|other| {
                other.name != column.name
                    && (old
                        .column(&other.name)
                        .is_some_and(|was| was.data_type != other.data_type)
                        || is_converted(converted, name, &other.name))
                    && mentions(&g.key, &other.name)
            })
        });
        // Nor drop a routine a generation expression calls.
        let calls_recreated = before
            .generated
            .as_ref()
            .is_some_and(|g| crate::functions::calls_any(&g.key, recreated));
        if !same_structure(before, column) || reads_retyped_column || calls_recreated {
            if column.generated.is_some()
                && (column.generated != before.generated || reads_retyped_column || calls_recreated)
            {
                // PostgreSQL cannot change or add a generation expression in place.
                replaced.insert(column.name.as_str());
                column_changes.push(Change::DropColumn {
                    table: name.clone(),
                    column: before.clone(),
                });
                column_changes.push(Change::AddColumn {
                    table: name.clone(),
                    column: column.clone(),
                });
                continue;
            }
            column_changes.push(Change::AlterColumn {
                table: name.clone(),
                from: before.clone(),
                to: column.clone(),
            });
        }
        if before.comment != column.comment {
            column_changes.push(Change::SetComment {
                target: CommentTarget::Column {
                    table: name.clone(),
                    column: column.name.clone(),
                },
                from: before.comment.clone(),
                to: column.comment.clone(),
            });
        }
    }
    let mut dropped: Vec<&Column> = old
        .columns
        .iter()
        .filter(|c| new.column(&c.name).is_none())
        .collect();
    dropped.sort_by(|a, b| a.name.cmp(&b.name));
    for column in dropped {
        column_changes.push(Change::DropColumn {
            table: name.clone(),
            column: column.clone(),
        });
    }
    out.extend(column_changes);

    let touches = |columns: &[String]| columns.iter().any(|c| replaced.contains(c.as_str()));

    // Primary key.
    let pk_changed = old.primary_key != new.primary_key
        || old
            .primary_key
            .as_ref()
            .is_some_and(|pk| touches(&pk.columns) || touches(&pk.include));
    if pk_changed {
        if let Some(pk) = &old.primary_key {
            out.push(Change::DropPrimaryKey {
                table: name.clone(),
                primary_key: pk.clone(),
            });
        }
        if let Some(pk) = &new.primary_key {
            out.push(Change::AddPrimaryKey {
                table: name.clone(),
                primary_key: pk.clone(),
            });
        }
    }

    keyed(
        &old.unique_constraints,
        &new.unique_constraints,
        |u| touches(&u.columns) || touches(&u.include),
        |u| Change::DropUnique {
            table: name.clone(),
            unique: u.clone(),
        },
        |u| Change::AddUnique {
            table: name.clone(),
            unique: u.clone(),
        },
        out,
    );
    let old_checks = validated(&old.checks, &new.checks, name, out);
    keyed(
        &old_checks,
        &new.checks,
        |c| replaced.iter().any(|r| mentions(&c.expr.key, r)),
        |c| Change::DropCheck {
            table: name.clone(),
            check: c.clone(),
        },
        |c| Change::AddCheck {
            table: name.clone(),
            check: c.clone(),
        },
        out,
    );
    keyed(
        &old.exclusions,
        &new.exclusions,
        |x| {
            touches(&x.include)
                || x.elements.iter().any(|e| match &e.key.target {
                    IndexTarget::Column(c) => replaced.contains(c.as_str()),
                    IndexTarget::Expression(expr) => {
                        replaced.iter().any(|r| mentions(&expr.key, r))
                    }
                })
        },
        |x| Change::DropExclusion {
            table: name.clone(),
            exclusion: x.clone(),
        },
        |x| Change::AddExclusion {
            table: name.clone(),
            exclusion: x.clone(),
        },
        out,
    );
    let old_fks = validated(&old.foreign_keys, &new.foreign_keys, name, out);
    keyed(
        &old_fks,
        &new.foreign_keys,
        |f| touches(&f.columns),
        |f| Change::DropForeignKey {
            table: name.clone(),
            foreign_key: f.clone(),
        },
        |f| Change::AddForeignKey {
            table: name.clone(),
            foreign_key: f.clone(),
        },
        out,
    );

    diff_indexes(name, &old.indexes, &new.indexes, &replaced, out);

    let mut touched: BTreeSet<&str> = replaced.clone();
    for column in &old.columns {
        match new.column(&column.name) {
            None => {
                touched.insert(column.name.as_str());
            }
            Some(c) if c.data_type != column.data_type => {
                touched.insert(column.name.as_str());
            }
            Some(_) => {}
        }
    }
    crate::triggers::diff_triggers(old, new, &touched, out);
    crate::policies::diff_options(old, new, &touched, out);

    if old.comment != new.comment {
        out.push(Change::SetComment {
            target: CommentTarget::Table { name: name.clone() },
            from: old.comment.clone(),
            to: new.comment.clone(),
        });
    }
}

/// Whether two columns are the same but for their comments: what `AlterColumn` is about.
/// (Most columns compare equal, comments too, and need no copies.)
fn same_structure(a: &Column, b: &Column) -> bool {
    if a.comment == b.comment {
        return a == b;
    }
    let uncommented = |c: &Column| Column {
        comment: None,
        ..c.clone()
    };
    uncommented(a) == uncommented(b)
}

/// Whether column `column` of `table` is converted to a rebuilt type.
fn is_converted(
    converted: &BTreeSet<(QualifiedName, String)>,
    table: &QualifiedName,
    column: &str,
) -> bool {
    !converted.is_empty() && converted.contains(&(table.clone(), column.to_string()))
}

/// A constraint that can be added `NOT VALID` and validated later.
trait Validated: PartialEq + Clone {
    fn not_valid(&self) -> bool;
    fn set_valid(&mut self);
}

impl Validated for Check {
    fn not_valid(&self) -> bool {
        self.not_valid
    }
    fn set_valid(&mut self) {
        self.not_valid = false;
    }
}

impl Validated for ForeignKey {
    fn not_valid(&self) -> bool {
        self.not_valid
    }
    fn set_valid(&mut self) {
        self.not_valid = false;
    }
}

/// `old` with the constraints that only need validating (`NOT VALID` there, valid in `new`)
/// marked valid, and a [`Change::ValidateConstraint`] for each; `old` is copied only when
/// there are such constraints.
fn validated<'a, T: Validated>(
    old: &'a BTreeMap<String, T>,
    new: &BTreeMap<String, T>,
    table: &QualifiedName,
    out: &mut Vec<Change>,
) -> Cow<'a, BTreeMap<String, T>> {
    let mut validated = Cow::Borrowed(old);
    for (name, item) in old {
        let Some(wanted) = new.get(name) else {
            continue;
        };
        if !item.not_valid() || wanted.not_valid() {
            continue;
        }
        let mut valid = item.clone();
        valid.set_valid();
        if valid == *wanted {
            out.push(Change::ValidateConstraint {
                table: table.clone(),
                name: name.clone(),
            });
            validated.to_mut().insert(name.clone(), valid);
        }
    }
    validated
}

/// Drops and creates for a map of named constraints: changed ones (or ones that must be
/// rebuilt) are dropped then added.
fn keyed<T: PartialEq>(
    old: &BTreeMap<String, T>,
    new: &BTreeMap<String, T>,
    rebuild: impl Fn(&T) -> bool,
    drop: impl Fn(&T) -> Change,
    add: impl Fn(&T) -> Change,
    out: &mut Vec<Change>,
) {
    for (name, item) in new {
        match old.get(name) {
            Some(before) if before == item && !rebuild(before) => {}
            Some(before) => {
                out.push(drop(before));
                out.push(add(item));
            }
            None => out.push(add(item)),
        }
    }
    for (name, item) in old {
        if !new.contains_key(name) {
            out.push(drop(item));
        }
    }
}

/// The index changes of table or materialized view `name`: an index that differs, or reads
/// a column in `replaced` (dropped and added again), is dropped and created again. Indexes
/// compare without their comments, which are set separately.
pub(crate) fn diff_indexes(
    name: &QualifiedName,
    old: &BTreeMap<String, Index>,
    new: &BTreeMap<String, Index>,
    replaced: &BTreeSet<&str>,
    out: &mut Vec<Change>,
) {
    let uncommented = |i: &Index| Index {
        comment: None,
        ..i.clone()
    };
    let same = |a: &Index, b: &Index| {
        if a.comment == b.comment {
            a == b
        } else {
            uncommented(a) == uncommented(b)
        }
    };
    for (index_name, index) in new {
        match old.get(index_name) {
            Some(before) if same(before, index) && !index_touches(before, replaced) => {
                if before.comment != index.comment {
                    out.push(Change::SetComment {
                        target: CommentTarget::Index {
                            name: QualifiedName::new(name.schema.clone(), index_name.clone()),
                        },
                        from: before.comment.clone(),
                        to: index.comment.clone(),
                    });
                }
            }
            Some(before) => {
                out.push(Change::DropIndex {
                    table: name.clone(),
                    index: before.clone(),
                });
                out.push(Change::CreateIndex {
                    table: name.clone(),
                    index: index.clone(),
                });
            }
            None => out.push(Change::CreateIndex {
                table: name.clone(),
                index: index.clone(),
            }),
        }
    }
    for (index_name, index) in old {
        if !new.contains_key(index_name) {
            out.push(Change::DropIndex {
                table: name.clone(),
                index: index.clone(),
            });
        }
    }
}

fn index_touches(index: &Index, replaced: &BTreeSet<&str>) -> bool {
    index.include.iter().any(|c| replaced.contains(c.as_str()))
        || index.keys.iter().any(|k| match &k.target {
            IndexTarget::Column(c) => replaced.contains(c.as_str()),
            IndexTarget::Expression(e) => replaced.iter().any(|r| mentions(&e.key, r)),
        })
        || index
            .predicate
            .as_ref()
            .is_some_and(|p| replaced.iter().any(|r| mentions(&p.key, r)))
}

/// Whether an expression's text mentions `column` as a whole word (bare or quoted).
pub(crate) fn mentions(expr: &str, column: &str) -> bool {
    let quoted = format!("\"{}\"", column.replace('"', "\"\""));
    if expr.contains(&quoted) {
        return true;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    expr.match_indices(column).any(|(at, _)| {
        let before = expr[..at].chars().next_back();
        let after = expr[at + column.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

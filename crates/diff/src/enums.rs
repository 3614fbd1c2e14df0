//! Differences between two versions of one enum type: values only added (each placed next to
//! an existing neighbour, so `ALTER TYPE … ADD VALUE` can express them) or values removed or
//! reordered (the type must be rebuilt and its columns converted).

use crate::change::{Change, CommentTarget, ConvertedColumn, EnumValuePosition};
use schema_ir::{EnumType, QualifiedName, Schema};

pub(crate) fn diff_enum(
    old: &EnumType,
    new: &EnumType,
    from: &Schema,
    to: &Schema,
    out: &mut Vec<Change>,
) {
    if old.values != new.values {
        if is_subsequence(&old.values, &new.values) {
            for (i, value) in new.values.iter().enumerate() {
                if old.values.contains(value) {
                    continue;
                }
                let position = match (i, old.values.first()) {
                    (_, None) => EnumValuePosition::End,
                    (0, Some(first)) => EnumValuePosition::Before(first.clone()),
                    _ if !old.values.contains(&new.values[i - 1])
                        && new.values[..i].iter().all(|v| !old.values.contains(v)) =>
                    {
                        EnumValuePosition::Before(old.values[0].clone())
                    }
                    _ => EnumValuePosition::After(new.values[i - 1].clone()),
                };
                out.push(Change::AddEnumValue {
                    enum_type: new.name.clone(),
                    value: value.clone(),
                    position,
                });
            }
        } else {
            out.push(Change::RecreateEnum {
                from: old.clone(),
                to: new.clone(),
                columns: columns_using(&old.name, from, to),
            });
        }
    }
    if old.comment != new.comment {
        out.push(Change::SetComment {
            target: CommentTarget::Type {
                name: new.name.clone(),
            },
            from: old.comment.clone(),
            to: new.comment.clone(),
        });
    }
}

/// Whether every value of `old` appears in `new` in the same order.
fn is_subsequence(old: &[String], new: &[String]) -> bool {
    let mut rest = new.iter();
    old.iter().all(|v| rest.any(|n| n == v))
}

/// Columns that use the type (or an array of it) on both sides with an unchanged type: those
/// must be converted when the type is rebuilt. Columns whose type changes are converted by
/// their own `AlterColumn`.
pub(crate) fn columns_using(
    type_name: &QualifiedName,
    from: &Schema,
    to: &Schema,
) -> Vec<ConvertedColumn> {
    let mut columns = Vec::new();
    for (name, old_table) in &from.tables {
        let Some(new_table) = to.tables.get(name) else {
            continue;
        };
        let mut matched: Vec<ConvertedColumn> = old_table
            .columns
            .iter()
            .filter(|c| c.data_type.user_type().as_ref() == Some(type_name))
            .filter_map(|c| {
                let new = new_table.column(&c.name)?;
                (new.data_type == c.data_type && new.generated == c.generated).then(|| {
                    ConvertedColumn {
                        table: name.clone(),
                        from: c.clone(),
                        to: new.clone(),
                    }
                })
            })
            .collect();
        matched.sort_by(|a, b| a.from.name.cmp(&b.from.name));
        columns.extend(matched);
    }
    columns
}

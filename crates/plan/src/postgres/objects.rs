//! Enum types and sequences: creation, dropping, new enum values (`ADD VALUE`, which cannot
//! run inside a transaction together with its first use), rebuilding an enum whose values
//! were removed or reordered, and sequence options and ownership.

use super::sql::{implied_options, sequence_options};
use super::{access_exclusive, column_object, comment_step};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use crate::model::Hazard;
use schema_diff::{CommentTarget, ConvertedColumn, EnumValuePosition};
use schema_ir::{EnumType, QualifiedName, Sequence, SequenceOwner, quote_ident, quote_literal};

fn create_type_sql(name: &QualifiedName, values: &[String]) -> String {
    let values: Vec<String> = values.iter().map(|v| quote_literal(v)).collect();
    format!("CREATE TYPE {name} AS ENUM ({})", values.join(", "))
}

fn enum_values(e: &EnumType) -> Vec<Resource> {
    e.values
        .iter()
        .map(|v| Resource::EnumValue(e.name.clone(), v.clone()))
        .collect()
}

pub(crate) fn create_enum(e: &EnumType) -> Vec<Planned> {
    let mut out = vec![
        Planned::new(
            Phase::Type,
            "create_type",
            e.name.to_string(),
            create_type_sql(&e.name, &e.values),
        )
        .requires([Resource::Namespace(e.name.schema.clone())])
        .provides([Resource::Type(e.name.clone())])
        .provides(enum_values(e)),
    ];
    if let Some(c) = &e.comment {
        out.push(comment_step(
            &CommentTarget::Type {
                name: e.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_enum(e: &EnumType) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_type",
            e.name.to_string(),
            format!("DROP TYPE {}", e.name),
        )
        .uses_old([Resource::Namespace(e.name.schema.clone())])
        .removes([Resource::Type(e.name.clone())])
        .hazard(hazards::DROP_TYPE.at(&e.name.to_string())),
    ]
}

pub(crate) fn add_enum_value(
    name: &QualifiedName,
    value: &str,
    position: &EnumValuePosition,
) -> Vec<Planned> {
    let (place, neighbour) = match position {
        EnumValuePosition::Before(v) => (format!(" BEFORE {}", quote_literal(v)), Some(v)),
        EnumValuePosition::After(v) => (format!(" AFTER {}", quote_literal(v)), Some(v)),
        EnumValuePosition::End => (String::new(), None),
    };
    vec![
        Planned::new(
            Phase::Type,
            "add_enum_value",
            name.to_string(),
            format!(
                "ALTER TYPE {name} ADD VALUE {}{place}",
                quote_literal(value)
            ),
        )
        .requires(neighbour.map(|v| Resource::EnumValue(name.clone(), v.clone())))
        .provides([Resource::EnumValue(name.clone(), value.to_string())])
        .non_transactional(),
    ]
}

pub(crate) fn recreate_enum(
    from: &EnumType,
    to: &EnumType,
    columns: &[ConvertedColumn],
) -> Vec<Planned> {
    let removed: Vec<&String> = from
        .values
        .iter()
        .filter(|v| !to.values.contains(v))
        .collect();
    let mut rename = rename_aside("TYPE", &from.name).removes(enum_values(from));
    if !removed.is_empty() {
        let list: Vec<String> = removed.iter().map(|v| quote_literal(v)).collect();
        rename = rename.hazard(hazards::ENUM_VALUE_REMOVED.with_message(format!(
            "{}: values {} are removed; {}",
            from.name,
            list.join(", "),
            hazards::ENUM_VALUE_REMOVED.summary
        )));
    }
    let mut out = vec![
        rename,
        Planned::new(
            Phase::Type,
            "create_type",
            to.name.to_string(),
            create_type_sql(&to.name, &to.values),
        )
        .provides([Resource::Type(to.name.clone())])
        .provides(enum_values(to)),
    ];
    out.extend(convert_columns(columns, |c| {
        let hazards = vec![hazards::TYPE_CHANGE_REWRITE.at(&column_object(&c.table, &c.from.name))];
        (through_text(c), hazards)
    }));
    out.push(drop_aside("TYPE", &from.name, []));
    for (i, s) in out.iter_mut().enumerate() {
        if i > 0 {
            s.after_previous = true;
        }
    }
    if let Some(c) = &to.comment {
        out.push(comment_step(
            &CommentTarget::Type {
                name: to.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

/// The first step of a rebuild beside the old version: `ALTER {keyword} name RENAME TO
/// name__old`, which frees the name for the new version.
pub(crate) fn rename_aside(keyword: &str, name: &QualifiedName) -> Planned {
    let old = super::old_type_name(name);
    Planned::new(
        Phase::Type,
        &format!("rename_{}", keyword.to_lowercase()),
        name.to_string(),
        format!(
            "ALTER {keyword} {name} RENAME TO {}",
            quote_ident(&old.name)
        ),
    )
    .uses_old([Resource::Namespace(name.schema.clone())])
    .removes([Resource::Type(name.clone())])
}

/// The last step of a rebuild beside the old version: `DROP {keyword} name__old`, after the
/// columns moved to the new version; `rests_on` are the types the old version uses (by their
/// names at that point, see `Context::old_type_needs`).
pub(crate) fn drop_aside(
    keyword: &str,
    name: &QualifiedName,
    rests_on: impl IntoIterator<Item = Resource>,
) -> Planned {
    let old = super::old_type_name(name);
    Planned::new(
        Phase::DropType,
        &format!("drop_{}", keyword.to_lowercase()),
        old.to_string(),
        format!("DROP {keyword} {old}"),
    )
    .uses_old(rests_on)
    .removes([Resource::Type(old)])
}

/// The `USING` expression converting a column to its rebuilt type through its text form
/// (there is no cast between the old type and the new one).
pub(crate) fn through_text(c: &ConvertedColumn) -> String {
    let via = if c.to.data_type.is_array() {
        "text[]"
    } else {
        "text"
    };
    format!("{}::{via}::{}", quote_ident(&c.from.name), c.to.data_type)
}

/// The columns of a rebuilt type converted to the new one: `convert` gives a column's
/// `USING` expression and the hazards of its conversion. A default is dropped first and set
/// again afterwards (it is of the old type).
pub(crate) fn convert_columns(
    columns: &[ConvertedColumn],
    convert: impl Fn(&ConvertedColumn) -> (String, Vec<Hazard>),
) -> Vec<Planned> {
    let mut out = Vec::new();
    for c in columns {
        let object = column_object(&c.table, &c.from.name);
        let prefix = format!(
            "ALTER TABLE {} ALTER COLUMN {}",
            c.table,
            quote_ident(&c.from.name)
        );
        let lock = access_exclusive(&c.table);
        if c.from.default.is_some() {
            out.push(
                Planned::new(
                    Phase::AlterColumn,
                    "drop_default",
                    object.clone(),
                    format!("{prefix} DROP DEFAULT"),
                )
                .lock(lock.clone()),
            );
        }
        let (using, hazards) = convert(c);
        out.push(
            Planned::new(
                Phase::AlterColumn,
                "alter_column_type",
                object.clone(),
                format!("{prefix} TYPE {} USING {using}", c.to.data_type),
            )
            .requires(super::type_needs(&c.to.data_type))
            .removes([Resource::Column(c.table.clone(), c.from.name.clone())])
            .provides([Resource::Column(c.table.clone(), c.from.name.clone())])
            .lock(lock.clone())
            .hazards(hazards),
        );
        if let Some(d) = &c.to.default {
            out.push(
                Planned::new(
                    Phase::AlterColumn,
                    "set_default",
                    object.clone(),
                    format!("{prefix} SET DEFAULT {}", d.sql),
                )
                .lock(lock),
            );
        }
    }
    out
}

fn owner_sql(owner: Option<&SequenceOwner>) -> String {
    match owner {
        Some(o) => column_object(&o.table, &o.column),
        None => "NONE".to_string(),
    }
}

fn owner_resources(owner: Option<&SequenceOwner>) -> Vec<Resource> {
    owner
        .map(|o| {
            vec![
                Resource::Table(o.table.clone()),
                Resource::Column(o.table.clone(), o.column.clone()),
            ]
        })
        .unwrap_or_default()
}

pub(crate) fn create_sequence(s: &Sequence) -> Vec<Planned> {
    let mut sql = format!("CREATE SEQUENCE {}", s.name);
    if s.data_type.0 != "bigint" {
        sql.push_str(&format!(" AS {}", s.data_type));
    }
    for option in sequence_options(
        &s.options,
        &implied_options(&s.data_type, s.options.increment),
    ) {
        sql.push(' ');
        sql.push_str(&option);
    }
    let mut out = vec![
        Planned::new(
            Phase::CreateSequence,
            "create_sequence",
            s.name.to_string(),
            sql,
        )
        .requires([Resource::Namespace(s.name.schema.clone())])
        .provides([
            Resource::Sequence(s.name.clone()),
            Resource::Relation(s.name.clone()),
        ]),
    ];
    if s.owned_by.is_some() {
        out.push(set_sequence_owner(&s.name, None, s.owned_by.as_ref()).remove(0));
    }
    if let Some(c) = &s.comment {
        out.push(comment_step(
            &CommentTarget::Sequence {
                name: s.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_sequence(s: &Sequence) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropSequence,
            "drop_sequence",
            s.name.to_string(),
            format!("DROP SEQUENCE {}", s.name),
        )
        .uses_old([Resource::Namespace(s.name.schema.clone())])
        .uses_old(owner_resources(s.owned_by.as_ref()))
        .removes([
            Resource::Sequence(s.name.clone()),
            Resource::Relation(s.name.clone()),
        ])
        .hazard(hazards::DROP_SEQUENCE.at(&s.name.to_string())),
    ]
}

pub(crate) fn alter_sequence(from: &Sequence, to: &Sequence) -> Vec<Planned> {
    let mut parts = Vec::new();
    let mut base = from.options.clone();
    if from.data_type != to.data_type {
        parts.push(format!("AS {}", to.data_type));
        // Bounds are always spelled out: changing AS alone may move them.
        base.min_value = to.options.min_value.wrapping_add(1);
        base.max_value = to.options.max_value.wrapping_sub(1);
    }
    parts.extend(sequence_options(&to.options, &base));
    if parts.is_empty() {
        return Vec::new();
    }
    vec![
        Planned::new(
            Phase::AlterSequence,
            "alter_sequence",
            to.name.to_string(),
            format!("ALTER SEQUENCE {} {}", to.name, parts.join(" ")),
        )
        .requires([Resource::Sequence(to.name.clone())]),
    ]
}

pub(crate) fn set_sequence_owner(
    sequence: &QualifiedName,
    from: Option<&SequenceOwner>,
    to: Option<&SequenceOwner>,
) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::AlterSequence,
            "sequence_owned_by",
            sequence.to_string(),
            format!("ALTER SEQUENCE {sequence} OWNED BY {}", owner_sql(to)),
        )
        .requires([Resource::Sequence(sequence.clone())])
        .requires(owner_resources(to))
        .uses_old(owner_resources(from)),
    ]
}

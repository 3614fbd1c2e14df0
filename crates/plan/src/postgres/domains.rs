//! Domains and composite types: created with the other types, before the tables, routines
//! and other types that use them; dropped after those. A domain with a new base type or
//! collation that columns use is rebuilt beside the old one and the columns converted. Domain defaults, NOT NULL and CHECK
//! constraints change in place (a new constraint or NOT NULL checks every column of the
//! domain's type, and is flagged); composite attributes are added, dropped and retyped with
//! `ALTER TYPE`.

use super::{Context, column_object, comment_step, objects, sql, type_needs, types};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::{CommentTarget, ConvertedColumn};
use schema_ir::{Attribute, CompositeType, DataType, Domain, DomainCheck, quote_ident};

fn check_sql(c: &DomainCheck) -> String {
    format!("CONSTRAINT {} CHECK ({})", quote_ident(&c.name), c.expr.sql)
}

fn comment(name: &schema_ir::QualifiedName, comment: &Option<String>) -> Option<Planned> {
    comment
        .as_ref()
        .map(|c| comment_step(&CommentTarget::Type { name: name.clone() }, Some(c)))
}

/// The base type of a domain with its collation: `text COLLATE "C"`.
fn base_sql(d: &Domain) -> String {
    match &d.collation {
        Some(c) => format!("{} COLLATE {}", d.data_type, sql::collation(c)),
        None => d.data_type.to_string(),
    }
}

pub(crate) fn create_domain(d: &Domain) -> Vec<Planned> {
    let mut sql = format!("CREATE DOMAIN {} AS {}", d.name, base_sql(d));
    if let Some(default) = &d.default {
        sql.push_str(&format!(" DEFAULT {}", default.sql));
    }
    if d.not_null {
        sql.push_str(" NOT NULL");
    }
    for c in d.checks.values() {
        sql.push(' ');
        sql.push_str(&check_sql(c));
    }
    let mut out = vec![
        Planned::new(Phase::Type, "create_domain", d.name.to_string(), sql)
            .requires([Resource::Namespace(d.name.schema.clone())])
            .requires(type_needs(&d.data_type))
            .provides([Resource::Type(d.name.clone())]),
    ];
    out.extend(comment(&d.name, &d.comment));
    out
}

pub(crate) fn drop_domain(d: &Domain) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_domain",
            d.name.to_string(),
            format!("DROP DOMAIN {}", d.name),
        )
        .uses_old([Resource::Namespace(d.name.schema.clone())])
        .uses_old(type_needs(&d.data_type))
        .removes([Resource::Type(d.name.clone())])
        .hazard(hazards::DROP_TYPE.at(&d.name.to_string())),
    ]
}

/// The type the values of `data_type` are stored as in `schema`: through domains (over
/// domains) down to their base type.
fn stored_as(schema: &schema_ir::Schema, data_type: &DataType) -> DataType {
    let mut stored = data_type.clone();
    // A chain of domains is short; the bound only guards against a cycle.
    for _ in 0..32 {
        match stored.user_type().and_then(|u| schema.domains.get(&u)) {
            Some(d) if !stored.is_array() => stored = d.data_type.clone(),
            _ => break,
        }
    }
    stored
}

/// A domain whose base type or collation changes while columns or other types use it, or
/// whose base type is rebuilt: the old domain is renamed out of the way, the new one created
/// under its name, the columns converted to it and the old one dropped, in one sequence.
pub(crate) fn recreate_domain(
    from: &Domain,
    to: &Domain,
    columns: &[ConvertedColumn],
    ctx: &Context<'_>,
) -> Vec<Planned> {
    // Over a rebuilt base, the old and the new domain have no cast between them.
    let base_rebuilt = from.data_type == to.data_type && from.collation == to.collation;
    let mut out = vec![objects::rename_aside("DOMAIN", &from.name)];
    out.extend(create_domain(&Domain {
        comment: None,
        ..to.clone()
    }));
    let cost = types::classify(
        &stored_as(ctx.from, &from.data_type),
        &stored_as(ctx.to, &to.data_type),
    );
    // Converting to a domain with constraints checks every value.
    let checked = to.not_null || !to.checks.is_empty();
    let stricter = (to.not_null && !from.not_null)
        || to.checks.iter().any(|(n, c)| from.checks.get(n) != Some(c));
    let rewrite = cost.rewrite || checked || from.collation != to.collation || base_rebuilt;
    out.extend(objects::convert_columns(columns, |c| {
        let column = column_object(&c.table, &c.from.name);
        let change = if base_rebuilt {
            format!(
                "{column}: domain {} is created again over its rebuilt base type {}",
                to.name,
                base_sql(to)
            )
        } else {
            format!(
                "{column}: domain {} from {} to {}",
                to.name,
                base_sql(from),
                base_sql(to)
            )
        };
        let mut found = Vec::new();
        if rewrite {
            found.push(hazards::TYPE_CHANGE_REWRITE.with_message(format!(
                "{change}: {}",
                hazards::TYPE_CHANGE_REWRITE.summary
            )));
        }
        if cost.may_fail || stricter {
            found.push(hazards::TYPE_CHANGE_MAY_FAIL.with_message(format!(
                "{change}: {}",
                hazards::TYPE_CHANGE_MAY_FAIL.summary
            )));
        }
        let using = if base_rebuilt {
            objects::through_text(c)
        } else {
            format!("{}::{}", quote_ident(&c.from.name), c.to.data_type)
        };
        (using, found)
    }));
    out.push(objects::drop_aside(
        "DOMAIN",
        &from.name,
        ctx.old_type_needs(&from.data_type),
    ));
    for (i, s) in out.iter_mut().enumerate() {
        s.after_previous = i > 0;
    }
    out.extend(comment(&to.name, &to.comment));
    out
}

pub(crate) fn alter_domain(from: &Domain, to: &Domain) -> Vec<Planned> {
    let name = to.name.to_string();
    let step = |kind: &str, action: String| {
        Planned::new(
            Phase::Type,
            kind,
            name.clone(),
            format!("ALTER DOMAIN {} {action}", to.name),
        )
        .requires([Resource::Type(to.name.clone())])
    };
    let mut out = Vec::new();
    for (n, c) in &from.checks {
        if to.checks.get(n) != Some(c) {
            out.push(step(
                "drop_domain_check",
                format!("DROP CONSTRAINT {}", quote_ident(n)),
            ));
        }
    }
    if from.default != to.default {
        out.push(match &to.default {
            Some(d) => step("set_domain_default", format!("SET DEFAULT {}", d.sql)),
            None => step("drop_domain_default", "DROP DEFAULT".into()),
        });
    }
    if from.not_null != to.not_null {
        out.push(if to.not_null {
            step("set_domain_not_null", "SET NOT NULL".into())
                .hazard(hazards::SET_NOT_NULL.at(&name))
        } else {
            step("drop_domain_not_null", "DROP NOT NULL".into())
                .hazard(hazards::DROP_NOT_NULL.at(&name))
        });
    }
    for (n, c) in &to.checks {
        if from.checks.get(n) != Some(c) {
            out.push(
                step("add_domain_check", format!("ADD {}", check_sql(c))).hazard(
                    hazards::ADD_CHECK.with_message(format!(
                        "{name}: every value of every column of this domain is checked; {}",
                        hazards::ADD_CHECK.summary
                    )),
                ),
            );
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.after_previous = i > 0;
    }
    out
}

fn attribute_sql(a: &Attribute) -> String {
    let mut sql = format!("{} {}", quote_ident(&a.name), a.data_type);
    if let Some(c) = &a.collation {
        sql.push_str(&format!(" COLLATE {}", sql::collation(c)));
    }
    sql
}

fn attribute_needs(t: &CompositeType) -> Vec<Resource> {
    t.attributes
        .iter()
        .filter_map(|a| type_needs(&a.data_type))
        .collect()
}

pub(crate) fn create_composite(t: &CompositeType) -> Vec<Planned> {
    let attributes: Vec<String> = t.attributes.iter().map(attribute_sql).collect();
    let mut out = vec![
        Planned::new(
            Phase::Type,
            "create_type",
            t.name.to_string(),
            format!("CREATE TYPE {} AS ({})", t.name, attributes.join(", ")),
        )
        .requires([Resource::Namespace(t.name.schema.clone())])
        .requires(attribute_needs(t))
        .provides([Resource::Type(t.name.clone())]),
    ];
    out.extend(comment(&t.name, &t.comment));
    out
}

pub(crate) fn drop_composite(t: &CompositeType) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_type",
            t.name.to_string(),
            format!("DROP TYPE {}", t.name),
        )
        .uses_old([Resource::Namespace(t.name.schema.clone())])
        .uses_old(attribute_needs(t))
        .removes([Resource::Type(t.name.clone())])
        .hazard(hazards::DROP_TYPE.at(&t.name.to_string())),
    ]
}

/// A composite type rebuilt beside the old one (see `Change::RecreateComposite`): renamed
/// out of the way, created again under its name, its columns converted through their text
/// form and the old type dropped, in one sequence.
pub(crate) fn recreate_composite(
    from: &CompositeType,
    to: &CompositeType,
    columns: &[ConvertedColumn],
    ctx: &Context<'_>,
) -> Vec<Planned> {
    let mut out = vec![objects::rename_aside("TYPE", &from.name)];
    out.extend(create_composite(&CompositeType {
        comment: None,
        ..to.clone()
    }));
    out.extend(objects::convert_columns(columns, |c| {
        let object = column_object(&c.table, &c.from.name);
        let mut found = vec![hazards::TYPE_CHANGE_REWRITE.at(&object)];
        if from.attributes != to.attributes {
            found.push(hazards::TYPE_CHANGE_MAY_FAIL.with_message(format!(
                "{object}: composite type {} from ({}) to ({}): {}",
                to.name,
                attribute_list(from),
                attribute_list(to),
                hazards::TYPE_CHANGE_MAY_FAIL.summary
            )));
        }
        let using = converted(
            &quote_ident(&c.from.name),
            &c.from.data_type,
            &c.to.data_type,
            ctx,
        );
        (using, found)
    }));
    out.push(objects::drop_aside(
        "TYPE",
        &from.name,
        from.attributes
            .iter()
            .filter_map(|a| ctx.old_type_needs(&a.data_type)),
    ));
    for (i, s) in out.iter_mut().enumerate() {
        s.after_previous = i > 0;
    }
    out.extend(comment(&to.name, &to.comment));
    out
}

/// The expression converting `value`, of type `from` in the current schema, to `to` in
/// the new one: a composite type attribute by attribute, by name (an attribute the old type
/// lacks is NULL), so that reordered, added and dropped attributes and attributes of rebuilt
/// types convert; a rebuilt type through its text form (there is no cast from its old
/// version); anything else by a cast.
fn converted(value: &str, from: &DataType, to: &DataType, ctx: &Context<'_>) -> String {
    let user = to.user_type().filter(|_| !to.is_array());
    let composites = user.as_ref().and_then(|u| {
        Some((
            ctx.from.composite_types.get(u)?,
            ctx.to.composite_types.get(u)?,
        ))
    });
    if let Some((old, new)) = composites
        && from == to
    {
        let fields: Vec<String> = new
            .attributes
            .iter()
            .map(|a| match old.attributes.iter().find(|b| b.name == a.name) {
                Some(b) => converted(
                    &format!("({value}).{}", quote_ident(&a.name)),
                    &b.data_type,
                    &a.data_type,
                    ctx,
                ),
                None => format!("NULL::{}", a.data_type),
            })
            .collect();
        return format!(
            "CASE WHEN {value} IS NULL THEN NULL ELSE ROW({})::{to} END",
            fields.join(", ")
        );
    }
    match to.user_type() {
        Some(u) if ctx.rebuilt_types.contains(&u) => {
            let via = if to.is_array() { "text[]" } else { "text" };
            format!("{value}::{via}::{to}")
        }
        _ => format!("{value}::{to}"),
    }
}

fn attribute_list(t: &CompositeType) -> String {
    t.attributes
        .iter()
        .map(attribute_sql)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn alter_composite(from: &CompositeType, to: &CompositeType) -> Vec<Planned> {
    let mut actions = Vec::new();
    for a in &from.attributes {
        match to.attributes.iter().find(|b| b.name == a.name) {
            None => actions.push(format!("DROP ATTRIBUTE {}", quote_ident(&a.name))),
            Some(b) if b != a => {
                let mut action = format!(
                    "ALTER ATTRIBUTE {} TYPE {}",
                    quote_ident(&b.name),
                    b.data_type
                );
                if let Some(c) = &b.collation {
                    action.push_str(&format!(" COLLATE {}", sql::collation(c)));
                }
                actions.push(action);
            }
            Some(_) => {}
        }
    }
    for b in &to.attributes {
        if !from.attributes.iter().any(|a| a.name == b.name) {
            actions.push(format!("ADD ATTRIBUTE {}", attribute_sql(b)));
        }
    }
    vec![
        Planned::new(
            Phase::Type,
            "alter_type",
            to.name.to_string(),
            format!("ALTER TYPE {} {}", to.name, actions.join(", ")),
        )
        .requires([Resource::Type(to.name.clone())])
        .requires(attribute_needs(to))
        .uses_old(attribute_needs(from)),
    ]
}

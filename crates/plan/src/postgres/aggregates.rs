//! Collations and aggregates. Collations are created with the types (before the tables,
//! routines and indexes that use them) and dropped with them; aggregates are created after
//! the routines they are built from and dropped before them.

use super::{comment_step, type_needs};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::{Aggregate, Collation, CollationProvider, Parallel, quote_literal};

pub(crate) fn create_collation(c: &Collation) -> Vec<Planned> {
    let mut options = vec![format!("provider = {}", c.provider.as_str())];
    if c.provider == CollationProvider::Libc {
        if let Some(v) = &c.lc_collate {
            options.push(format!("lc_collate = {}", quote_literal(v)));
        }
        if let Some(v) = &c.lc_ctype {
            options.push(format!("lc_ctype = {}", quote_literal(v)));
        }
    } else if let Some(v) = &c.locale {
        options.push(format!("locale = {}", quote_literal(v)));
    }
    if !c.deterministic {
        options.push("deterministic = false".into());
    }
    if let Some(r) = &c.rules {
        options.push(format!("rules = {}", quote_literal(r)));
    }
    let mut out = vec![
        Planned::new(
            Phase::Type,
            "create_collation",
            c.name.to_string(),
            format!("CREATE COLLATION {} ({})", c.name, options.join(", ")),
        )
        .requires([Resource::Namespace(c.name.schema.clone())])
        .provides([Resource::Collation(c.name.clone())]),
    ];
    if let Some(comment) = &c.comment {
        out.push(comment_step(
            &CommentTarget::Collation {
                name: c.name.clone(),
            },
            Some(comment),
        ));
    }
    out
}

pub(crate) fn drop_collation(c: &Collation) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_collation",
            c.name.to_string(),
            format!("DROP COLLATION {}", c.name),
        )
        .uses_old([Resource::Namespace(c.name.schema.clone())])
        .removes([Resource::Collation(c.name.clone())]),
    ]
}

fn routines(a: &Aggregate) -> Vec<Resource> {
    [
        Some(&a.state_function),
        a.final_function.as_ref(),
        a.combine_function.as_ref(),
        a.serial_function.as_ref(),
        a.deserial_function.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|f| Resource::FunctionName(f.clone()))
    .collect()
}

fn needs(a: &Aggregate) -> Vec<Resource> {
    let mut out = vec![Resource::Namespace(a.name.schema.clone())];
    out.extend(routines(a));
    out.extend(a.arguments.iter().filter_map(type_needs));
    out.extend(type_needs(&a.state_type));
    out
}

pub(crate) fn create_aggregate(a: &Aggregate) -> Vec<Planned> {
    let mut options = vec![
        format!("SFUNC = {}", a.state_function),
        format!("STYPE = {}", a.state_type),
    ];
    if a.state_space != 0 {
        options.push(format!("SSPACE = {}", a.state_space));
    }
    for (key, value) in [
        ("FINALFUNC", &a.final_function),
        ("COMBINEFUNC", &a.combine_function),
        ("SERIALFUNC", &a.serial_function),
        ("DESERIALFUNC", &a.deserial_function),
    ] {
        if let Some(v) = value {
            options.push(format!("{key} = {v}"));
        }
    }
    if a.final_extra {
        options.push("FINALFUNC_EXTRA".into());
    }
    if let Some(i) = &a.initial_condition {
        options.push(format!("INITCOND = {}", quote_literal(i)));
    }
    if let Some(op) = &a.sort_operator {
        options.push(if op.contains('.') {
            format!("SORTOP = OPERATOR({op})")
        } else {
            format!("SORTOP = {op}")
        });
    }
    match a.parallel {
        Parallel::Safe => options.push("PARALLEL = SAFE".into()),
        Parallel::Restricted => options.push("PARALLEL = RESTRICTED".into()),
        Parallel::Unsafe => {}
    }
    let mut out = vec![
        Planned::new(
            Phase::CreateFunction,
            "create_aggregate",
            a.signature(),
            format!(
                "CREATE AGGREGATE {}({}) (\n    {}\n)",
                a.name,
                a.argument_list(),
                options.join(",\n    ")
            ),
        )
        .requires(needs(a))
        .provides([
            Resource::Function(a.signature()),
            Resource::FunctionName(a.name.clone()),
        ]),
    ];
    if let Some(c) = &a.comment {
        out.push(comment_step(
            &CommentTarget::Aggregate {
                signature: a.signature(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_aggregate(a: &Aggregate) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropFunction,
            "drop_aggregate",
            a.signature(),
            format!("DROP AGGREGATE {}({})", a.name, a.argument_list()),
        )
        .uses_old(needs(a))
        .removes([
            Resource::Function(a.signature()),
            Resource::FunctionName(a.name.clone()),
        ])
        .hazard(hazards::DROP_FUNCTION.at(&a.signature())),
    ]
}

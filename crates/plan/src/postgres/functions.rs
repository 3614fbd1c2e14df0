//! Functions and procedures: created after the types and sequences they use and before the
//! tables whose defaults and checks call them (a SQL-language routine waits for the relations
//! its body reads), replaced in place when PostgreSQL allows it, dropped after everything
//! that used them and before the types they use.

use super::{Context, comment_step, type_needs};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::{
    Argument, ArgumentMode, Function, FunctionBody, Parallel, Volatility, quote_ident,
    quote_literal,
};

fn kind(f: &Function) -> &'static str {
    if f.procedure { "PROCEDURE" } else { "FUNCTION" }
}

fn argument_sql(a: &Argument) -> String {
    let mode = match a.mode {
        ArgumentMode::In | ArgumentMode::Table => "",
        ArgumentMode::Out => "OUT ",
        ArgumentMode::InOut => "INOUT ",
        ArgumentMode::Variadic => "VARIADIC ",
    };
    let mut out = mode.to_string();
    if let Some(name) = &a.name {
        out.push_str(&quote_ident(name));
        out.push(' ');
    }
    out.push_str(&a.data_type.0);
    if let Some(d) = &a.default {
        out.push_str(" DEFAULT ");
        out.push_str(&d.sql);
    }
    out
}

/// A dollar quote tag that does not occur in `body`.
fn dollar_quote(body: &str) -> String {
    let mut tag = "$function$".to_string();
    let mut n = 0;
    while body.contains(&tag) {
        n += 1;
        tag = format!("$function{n}$");
    }
    format!("{tag}{body}{tag}")
}

/// `CREATE [OR REPLACE] FUNCTION …` with every attribute that differs from PostgreSQL's
/// default spelled out.
pub(crate) fn definition_sql(f: &Function, replace: bool) -> String {
    let inputs: Vec<String> = f
        .arguments
        .iter()
        .filter(|a| a.mode != ArgumentMode::Table)
        .map(argument_sql)
        .collect();
    let mut sql = format!(
        "CREATE {}{} {}({})",
        if replace { "OR REPLACE " } else { "" },
        kind(f),
        f.name,
        inputs.join(", ")
    );
    let table: Vec<String> = f
        .arguments
        .iter()
        .filter(|a| a.mode == ArgumentMode::Table)
        .map(argument_sql)
        .collect();
    if let Some(r) = &f.returns {
        if !table.is_empty() {
            sql.push_str(&format!("\n RETURNS TABLE({})", table.join(", ")));
        } else {
            sql.push_str(&format!(
                "\n RETURNS {}{}",
                if r.setof { "SETOF " } else { "" },
                r.data_type
            ));
        }
    }
    sql.push_str(&format!("\n LANGUAGE {}", quote_ident(&f.language)));
    let mut attributes = Vec::new();
    if f.window {
        attributes.push("WINDOW".to_string());
    }
    match f.volatility {
        Volatility::Immutable => attributes.push("IMMUTABLE".into()),
        Volatility::Stable => attributes.push("STABLE".into()),
        Volatility::Volatile => {}
    }
    if f.strict {
        attributes.push("STRICT".into());
    }
    if f.security_definer {
        attributes.push("SECURITY DEFINER".into());
    }
    if f.leakproof {
        attributes.push("LEAKPROOF".into());
    }
    match f.parallel {
        Parallel::Safe => attributes.push("PARALLEL SAFE".into()),
        Parallel::Restricted => attributes.push("PARALLEL RESTRICTED".into()),
        Parallel::Unsafe => {}
    }
    if !f.procedure {
        let default_cost = if matches!(f.language.as_str(), "c" | "internal") {
            "1"
        } else {
            "100"
        };
        if f.cost != default_cost {
            attributes.push(format!("COST {}", f.cost));
        }
        let set = f.returns.as_ref().is_some_and(|r| r.setof);
        if set && f.rows != "1000" {
            attributes.push(format!("ROWS {}", f.rows));
        }
    }
    if !attributes.is_empty() {
        sql.push_str("\n ");
        sql.push_str(&attributes.join(" "));
    }
    for (name, values) in &f.config {
        let values: Vec<String> = values.iter().map(|v| quote_literal(v)).collect();
        sql.push_str(&format!(
            "\n SET {} TO {}",
            quote_ident(name),
            values.join(", ")
        ));
    }
    match &f.body {
        FunctionBody::Source(source) => {
            sql.push_str("\nAS ");
            sql.push_str(&dollar_quote(source));
        }
        FunctionBody::Object { file, symbol } => {
            sql.push_str(&format!(
                "\nAS {}, {}",
                quote_literal(file),
                quote_literal(symbol)
            ));
        }
        FunctionBody::Standard(body) => {
            sql.push('\n');
            sql.push_str(&body.sql);
        }
    }
    sql
}

/// What a routine needs to exist: its namespace, the types of its arguments and result, and
/// the relations a SQL-language body reads. A SQL-standard body is stored parsed and holds
/// on to the columns it names (PostgreSQL refuses to retype or drop them meanwhile).
fn needs(f: &Function) -> Vec<Resource> {
    let mut out = vec![Resource::Namespace(f.name.schema.clone())];
    out.extend(f.arguments.iter().filter_map(|a| type_needs(&a.data_type)));
    out.extend(f.returns.iter().filter_map(|r| type_needs(&r.data_type)));
    out.extend(f.references.iter().cloned().map(Resource::Relation));
    if let FunctionBody::Standard(body) = &f.body {
        let names = super::sql::identifiers(&body.key);
        for relation in &f.references {
            out.extend(
                names
                    .iter()
                    .map(|n| Resource::Column(relation.clone(), n.clone())),
            );
        }
    }
    out.extend(
        f.calls
            .iter()
            .filter(|c| **c != f.name)
            .cloned()
            .map(Resource::FunctionName),
    );
    out
}

fn target(f: &Function) -> CommentTarget {
    CommentTarget::Function {
        signature: f.signature(),
        procedure: f.procedure,
    }
}

/// The columns of the tables whose row types a SQL routine takes or returns: PostgreSQL
/// checks a SQL body against them when the routine is created, so it is created after they
/// are added or converted.
fn row_type_columns(f: &Function, ctx: &Context<'_>) -> Vec<Resource> {
    if f.language != "sql" {
        return Vec::new();
    }
    f.arguments
        .iter()
        .map(|a| &a.data_type)
        .chain(f.returns.iter().map(|r| &r.data_type))
        .filter_map(|t| t.user_type())
        .filter_map(|u| Some((ctx.to.tables.get(&u)?, u)))
        .flat_map(|(table, u)| {
            table
                .columns
                .iter()
                .map(move |c| Resource::Column(u.clone(), c.name.clone()))
        })
        .collect()
}

pub(crate) fn create_function(f: &Function, ctx: &Context<'_>) -> Vec<Planned> {
    let mut out = vec![
        Planned::new(
            Phase::CreateFunction,
            "create_function",
            f.signature(),
            definition_sql(f, false),
        )
        .requires(needs(f))
        .requires(row_type_columns(f, ctx))
        .provides([
            Resource::Function(f.signature()),
            Resource::FunctionName(f.name.clone()),
        ]),
    ];
    if let Some(c) = &f.comment {
        out.push(comment_step(&target(f), Some(c)));
    }
    out
}

pub(crate) fn replace_function(to: &Function) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::CreateFunction,
            "replace_function",
            to.signature(),
            definition_sql(to, true),
        )
        .requires(needs(to))
        .requires([Resource::Function(to.signature())]),
    ]
}

pub(crate) fn drop_function(f: &Function, ctx: &super::Context) -> Vec<Planned> {
    let signature = f.signature();
    let recreated = ctx.created_functions.contains(&signature);
    // A routine created again goes early, right after what used it is dropped, so that
    // the new one exists before tables, views and indexes are created again.
    let phase = if recreated {
        Phase::DropTable
    } else {
        Phase::DropFunction
    };
    let hazard = if recreated {
        let why = match ctx.to.functions.get(&signature) {
            Some(new) if f.replaceable_by(new) => {
                "around a change PostgreSQL refuses while it exists (a type, column or view it \
                 uses is rebuilt)"
            }
            _ => "because its result type, argument names or defaults cannot change in place",
        };
        hazards::DROP_FUNCTION.with_message(format!(
            "{signature}: dropped and created again, {why}; callers relying on the old \
             definition break"
        ))
    } else {
        hazards::DROP_FUNCTION.at(&signature)
    };
    vec![
        Planned::new(
            phase,
            "drop_function",
            f.signature(),
            format!("DROP {} {}({})", kind(f), f.name, f.identity_arguments()),
        )
        .uses_old(needs(f))
        .removes([
            Resource::Function(f.signature()),
            Resource::FunctionName(f.name.clone()),
        ])
        .hazard(hazard),
    ]
}

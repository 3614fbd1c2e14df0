//! Aggregates: the catalog query, and the IR built by printing each aggregate as its
//! `CREATE AGGREGATE` statement from `pg_aggregate` and reading that through the parser.
//! Only plain aggregates without a moving-aggregate form are returned (the parser does not
//! manage the others either).

use crate::InspectError;
use schema_ir::{QualifiedName, Schema, quote_literal};
use schema_parse::postgres as pg;
use sqlx::postgres::PgRow;
use sqlx::{FromRow, Row};

pub const AGGREGATES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            p.proname::text AS name,
            pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
            a.aggtransfn::pg_catalog.regproc::text AS sfunc,
            pg_catalog.format_type(a.aggtranstype, NULL) AS stype,
            a.aggtransspace::int8 AS sspace,
            NULLIF(a.aggfinalfn::pg_catalog.regproc::text, '-') AS finalfunc,
            a.aggfinalextra AS finalfunc_extra,
            NULLIF(a.aggcombinefn::pg_catalog.regproc::text, '-') AS combinefunc,
            NULLIF(a.aggserialfn::pg_catalog.regproc::text, '-') AS serialfunc,
            NULLIF(a.aggdeserialfn::pg_catalog.regproc::text, '-') AS deserialfunc,
            a.agginitval AS initcond,
            NULLIF(a.aggsortop::pg_catalog.regoper::text, '0') AS sortop,
            p.proparallel::text AS parallel,
            pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
     FROM pg_catalog.pg_aggregate a
     JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
     JOIN ns ON ns.oid = p.pronamespace
     WHERE a.aggkind = 'n' AND a.aggmtransfn = 0
       AND",
    selected_object!("pg_proc", "p", "proname"),
    "
     ORDER BY 1, 2, 3"
);

#[derive(Debug, Clone)]
pub struct AggregateRow {
    pub schema: String,
    pub name: String,
    pub arguments: String,
    pub sfunc: String,
    pub stype: String,
    pub sspace: i64,
    pub finalfunc: Option<String>,
    pub finalfunc_extra: bool,
    pub combinefunc: Option<String>,
    pub serialfunc: Option<String>,
    pub deserialfunc: Option<String>,
    pub initcond: Option<String>,
    pub sortop: Option<String>,
    pub parallel: String,
    pub comment: Option<String>,
}

from_row!(AggregateRow {
    schema,
    name,
    arguments,
    sfunc,
    stype,
    sspace,
    finalfunc,
    finalfunc_extra,
    combinefunc,
    serialfunc,
    deserialfunc,
    initcond,
    sortop,
    parallel,
    comment
});

/// The `CREATE AGGREGATE` statement of a row.
fn statement(row: &AggregateRow) -> String {
    let name = QualifiedName::new(&row.schema, &row.name);
    let mut options = vec![
        format!("SFUNC = {}", row.sfunc),
        format!("STYPE = {}", row.stype),
    ];
    if row.sspace != 0 {
        options.push(format!("SSPACE = {}", row.sspace));
    }
    for (key, value) in [
        ("FINALFUNC", &row.finalfunc),
        ("COMBINEFUNC", &row.combinefunc),
        ("SERIALFUNC", &row.serialfunc),
        ("DESERIALFUNC", &row.deserialfunc),
    ] {
        if let Some(v) = value {
            options.push(format!("{key} = {v}"));
        }
    }
    if row.finalfunc_extra {
        options.push("FINALFUNC_EXTRA".into());
    }
    if let Some(i) = &row.initcond {
        options.push(format!("INITCOND = {}", quote_literal(i)));
    }
    if let Some(op) = &row.sortop {
        options.push(if op.contains('.') {
            format!("SORTOP = OPERATOR({op})")
        } else {
            format!("SORTOP = {op}")
        });
    }
    match row.parallel.as_str() {
        "s" => options.push("PARALLEL = SAFE".into()),
        "r" => options.push("PARALLEL = RESTRICTED".into()),
        _ => {}
    }
    format!(
        "CREATE AGGREGATE {name}({}) ({})",
        row.arguments,
        options.join(", ")
    )
}

/// Adds the aggregates to `schema` (after the routines they use).
pub fn build(rows: &[AggregateRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let mut sql = statement(row);
        if let Some(c) = &row.comment {
            let name = QualifiedName::new(&row.schema, &row.name);
            sql.push_str(&format!(
                ";\nCOMMENT ON AGGREGATE {name}({}) IS {}",
                row.arguments,
                quote_literal(c)
            ));
        }
        pg::apply_statement(schema, &sql).map_err(|e| {
            InspectError::Catalog(format!(
                "aggregate {}.{}: {e}\n    definition: {sql}",
                row.schema, row.name
            ))
        })?;
    }
    Ok(())
}

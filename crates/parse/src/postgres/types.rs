//! Type names as `pg_query` parses them (`TypeName`) turned into the IR's canonical
//! [`DataType`]: what `format_type` prints with an empty `search_path`. The grammar already
//! maps SQL-standard spellings to `pg_catalog` names (`integer` → `pg_catalog.int4`,
//! `character varying` → `pg_catalog.varchar`, `char` → `bpchar(1)`); interval field
//! restrictions are decoded from their typmod bits (`interval year to month`).

use super::nodes;
use pg_query::protobuf::TypeName;
use schema_ir::{DataType, QualifiedName};

/// Names of `pg_catalog` types that may be written without a schema.
const BUILTIN_TYPES: &[&str] = &[
    "aclitem",
    "bigint",
    "bit",
    "bool",
    "boolean",
    "box",
    "bpchar",
    "bytea",
    "char",
    "character",
    "cid",
    "cidr",
    "circle",
    "cstring",
    "date",
    "datemultirange",
    "daterange",
    "decimal",
    "double precision",
    "float",
    "float4",
    "float8",
    "gtsvector",
    "inet",
    "int",
    "int2",
    "int2vector",
    "int4",
    "int4multirange",
    "int4range",
    "int8",
    "int8multirange",
    "int8range",
    "integer",
    "interval",
    "json",
    "jsonb",
    "jsonpath",
    "line",
    "lseg",
    "macaddr",
    "macaddr8",
    "money",
    "name",
    "numeric",
    "nummultirange",
    "numrange",
    "oid",
    "oidvector",
    "path",
    "pg_lsn",
    "pg_snapshot",
    "point",
    "polygon",
    "real",
    "record",
    "refcursor",
    "regclass",
    "regcollation",
    "regconfig",
    "regdictionary",
    "regnamespace",
    "regoper",
    "regoperator",
    "regproc",
    "regprocedure",
    "regrole",
    "regtype",
    "smallint",
    "text",
    "tid",
    "time",
    "timestamp",
    "timestamptz",
    "timetz",
    "tsmultirange",
    "tsquery",
    "tsrange",
    "tstzmultirange",
    "tstzrange",
    "tsvector",
    "txid_snapshot",
    "uuid",
    "varbit",
    "varchar",
    "xid",
    "xid8",
    "xml",
    // Pseudo-types, which only routines use.
    "any",
    "anyarray",
    "anycompatible",
    "anycompatiblearray",
    "anycompatiblemultirange",
    "anycompatiblenonarray",
    "anycompatiblerange",
    "anyelement",
    "anyenum",
    "anymultirange",
    "anynonarray",
    "anyrange",
    "cstring",
    "event_trigger",
    "fdw_handler",
    "index_am_handler",
    "internal",
    "language_handler",
    "pg_ddl_command",
    "table_am_handler",
    "trigger",
    "tsm_handler",
    "unknown",
    "void",
];

/// Whether `name` (unqualified, as parsed) is a built-in type.
pub fn is_builtin(name: &str) -> bool {
    BUILTIN_TYPES.contains(&name)
}

/// The pieces of a type name: qualified name parts, modifiers as text, array or not.
pub struct TypeParts {
    pub names: Vec<String>,
    pub modifiers: Vec<String>,
    pub array: bool,
    /// Raw integer typmods (for interval fields).
    pub raw: Vec<Option<i64>>,
}

pub fn parts(type_name: &TypeName) -> TypeParts {
    let names: Vec<String> = type_name
        .names
        .iter()
        .filter_map(nodes::string)
        .map(str::to_string)
        .collect();
    let raw: Vec<Option<i64>> = type_name.typmods.iter().map(nodes::integer).collect();
    let modifiers = type_name
        .typmods
        .iter()
        .map(|m| nodes::constant_text(m).unwrap_or_default())
        .collect();
    TypeParts {
        names,
        modifiers,
        array: !type_name.array_bounds.is_empty(),
        raw,
    }
}

/// How to resolve an unqualified type name that is not `pg_catalog`'s.
pub enum Unqualified<'a> {
    /// Every unqualified name is built in (text printed by `format_type`).
    Builtin,
    /// Ask `lookup` for a user type; unknown non-built-in names belong to `default_schema`.
    Resolve {
        lookup: &'a dyn Fn(&str) -> Option<QualifiedName>,
        default_schema: &'a str,
    },
    /// Drop `public.` qualifiers and keep every name bare (expression keys).
    Bare,
}

/// The canonical type of a parsed type name.
pub fn data_type(type_name: &TypeName, unqualified: &Unqualified<'_>) -> Result<DataType, String> {
    if type_name.setof || type_name.pct_type {
        return Err("SETOF and %TYPE types are not supported here".into());
    }
    let p = parts(type_name);
    let (schema, name) = match p.names.as_slice() {
        [name] => (None, name.as_str()),
        [schema, name] => (Some(schema.as_str()), name.as_str()),
        [_, schema, name] => (Some(schema.as_str()), name.as_str()),
        _ => return Err("empty type name".into()),
    };
    let builtin = |name: &str| builtin_type(name, &p);
    match (schema, unqualified) {
        (Some("pg_catalog"), _) => Ok(builtin(name)),
        (None, Unqualified::Builtin) => Ok(builtin(if name == "char" { "\"char\"" } else { name })),
        // Keys drop the schema of a type as they drop that of a routine.
        (Some(_), Unqualified::Bare) | (None, Unqualified::Bare) => {
            Ok(builtin(if name == "char" { "\"char\"" } else { name }))
        }
        (Some(schema), _) => Ok(DataType::user(&QualifiedName::new(schema, name), p.array)),
        (
            None,
            Unqualified::Resolve {
                lookup,
                default_schema,
            },
        ) => {
            if let Some(user) = lookup(name) {
                Ok(DataType::user(&user, p.array))
            } else if name == "char" {
                Ok(builtin("\"char\""))
            } else if is_builtin(name) {
                Ok(builtin(name))
            } else {
                Ok(DataType::user(
                    &QualifiedName::new(*default_schema, name),
                    p.array,
                ))
            }
        }
    }
}

fn builtin_type(name: &str, p: &TypeParts) -> DataType {
    if name == "interval" {
        let mut text = String::from("interval");
        let mask = p.raw.first().copied().flatten();
        text.push_str(interval_fields(mask.unwrap_or(INTERVAL_FULL_RANGE)));
        if let Some(Some(precision)) = p.raw.get(1) {
            text.push_str(&format!("({precision})"));
        }
        if p.array {
            text.push_str("[]");
        }
        return DataType(text);
    }
    if name == "bpchar" && p.modifiers.is_empty() {
        return DataType(if p.array { "bpchar[]" } else { "bpchar" }.to_string());
    }
    if matches!(name, "numeric" | "decimal") && p.modifiers.len() == 1 {
        let modifiers = [p.modifiers[0].clone(), "0".to_string()];
        return DataType::builtin(name, &modifiers, p.array);
    }
    DataType::builtin(name, &p.modifiers, p.array)
}

const INTERVAL_FULL_RANGE: i64 = 0x7FFF;

/// The field restriction printed after `interval` for typmod field bits (`intervaltypmodout`).
fn interval_fields(mask: i64) -> &'static str {
    const MONTH: i64 = 1 << 1;
    const YEAR: i64 = 1 << 2;
    const DAY: i64 = 1 << 3;
    const HOUR: i64 = 1 << 10;
    const MINUTE: i64 = 1 << 11;
    const SECOND: i64 = 1 << 12;
    match mask {
        m if m == YEAR => " year",
        m if m == MONTH => " month",
        m if m == DAY => " day",
        m if m == HOUR => " hour",
        m if m == MINUTE => " minute",
        m if m == SECOND => " second",
        m if m == YEAR | MONTH => " year to month",
        m if m == DAY | HOUR => " day to hour",
        m if m == DAY | HOUR | MINUTE => " day to minute",
        m if m == DAY | HOUR | MINUTE | SECOND => " day to second",
        m if m == HOUR | MINUTE => " hour to minute",
        m if m == HOUR | MINUTE | SECOND => " hour to second",
        m if m == MINUTE | SECOND => " minute to second",
        _ => "",
    }
}

/// Parses a type written as text (`character varying(20)`, `public.mood[]`); unqualified
/// names are built in, as `format_type` prints them.
pub fn parse_type(text: &str) -> Result<DataType, String> {
    let type_name = parse_type_name(text)?;
    data_type(&type_name, &Unqualified::Builtin)
}

/// The `TypeName` node of a type written as text.
pub fn parse_type_name(text: &str) -> Result<TypeName, String> {
    let sql = format!("SELECT NULL::{text}");
    let parsed = crate::tree::parse(&sql).map_err(|e| nodes::error_text(&e))?;
    let stmt = parsed.stmts.first().and_then(|s| s.stmt.as_ref());
    let cast = stmt
        .and_then(|s| match s.node.as_ref() {
            Some(pg_query::NodeEnum::SelectStmt(select)) if select.target_list.len() == 1 => {
                select.target_list.first()
            }
            _ => None,
        })
        .and_then(|t| match t.node.as_ref() {
            Some(pg_query::NodeEnum::ResTarget(rt)) => rt.val.as_deref(),
            _ => None,
        })
        .and_then(|v| match v.node.as_ref() {
            Some(pg_query::NodeEnum::TypeCast(cast)) => cast.type_name.clone(),
            _ => None,
        });
    cast.ok_or_else(|| format!("not a type: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> String {
        parse_type(text).unwrap().0
    }

    #[test]
    fn spellings_become_format_type_names() {
        assert_eq!(t("int"), "integer");
        assert_eq!(t("integer[][]"), "integer[]");
        assert_eq!(t("varchar"), "character varying");
        assert_eq!(t("character varying(20)"), "character varying(20)");
        assert_eq!(t("char"), "character(1)");
        assert_eq!(t("character(3)"), "character(3)");
        assert_eq!(t("bit"), "bit(1)");
        assert_eq!(t("numeric"), "numeric");
        assert_eq!(t("numeric(5)"), "numeric(5,0)");
        assert_eq!(t("bpchar"), "bpchar");
        assert_eq!(t("decimal(10, 2)"), "numeric(10,2)");
        assert_eq!(
            t("timestamp(3) with time zone"),
            "timestamp(3) with time zone"
        );
        assert_eq!(t("timestamptz"), "timestamp with time zone");
        assert_eq!(t("time"), "time without time zone");
        assert_eq!(t("double precision"), "double precision");
        assert_eq!(t("float(10)"), "real");
        assert_eq!(t("interval"), "interval");
        assert_eq!(t("interval year to month"), "interval year to month");
        assert_eq!(t("interval second(3)"), "interval second(3)");
        assert_eq!(t("interval(2)"), "interval(2)");
        assert_eq!(t("\"char\""), "\"char\"");
        assert_eq!(t("public.mood[]"), "public.mood[]");
        assert_eq!(t("pg_catalog.int8"), "bigint");
        assert_eq!(t("jsonb"), "jsonb");
    }
}

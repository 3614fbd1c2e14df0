//! Column data types in their canonical spelling: exactly what PostgreSQL's `format_type`
//! prints with an empty `search_path` (`integer`, `character varying(20)`,
//! `timestamp(3) with time zone`, `numeric(10,2)`, `public.mood[]`). Both readers build
//! types through [`DataType::builtin`] or [`DataType::user`], so the same type written
//! `int4`, `int` or `integer` ends up as one value.

use crate::name::{QualifiedName, quote_ident};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A canonical type name; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DataType(pub String);

impl DataType {
    /// A built-in (`pg_catalog`) type from the name as written in SQL or as stored in the
    /// catalog (`int4`, `varchar`, `timestamptz`, `double precision`, …), its type modifiers
    /// as written (`["10", "2"]`), and whether it is an array. `interval_fields` is the
    /// field restriction of an interval (`year to month`), if any.
    pub fn builtin(name: &str, modifiers: &[String], array: bool) -> DataType {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_prefix("pg_catalog.").unwrap_or(&lower);
        let mods = if modifiers.is_empty() {
            String::new()
        } else {
            format!("({})", modifiers.join(","))
        };
        let base = match lower {
            "int2" | "smallint" => "smallint".to_string(),
            "int4" | "int" | "integer" => "integer".to_string(),
            "int8" | "bigint" => "bigint".to_string(),
            "float4" | "real" => "real".to_string(),
            "float8" | "double precision" => "double precision".to_string(),
            "float" => match modifiers.first().and_then(|m| m.parse::<u32>().ok()) {
                Some(p) if p <= 24 => "real".to_string(),
                _ => "double precision".to_string(),
            },
            "bool" | "boolean" => "boolean".to_string(),
            "decimal" | "numeric" => format!("numeric{mods}"),
            "varchar" | "character varying" => format!("character varying{mods}"),
            "bpchar" | "char" | "character" => format!("character{mods}"),
            "varbit" | "bit varying" => format!("bit varying{mods}"),
            "bit" => format!("bit{mods}"),
            "timestamp" | "timestamp without time zone" => {
                format!("timestamp{mods} without time zone")
            }
            "timestamptz" | "timestamp with time zone" => format!("timestamp{mods} with time zone"),
            "time" | "time without time zone" => format!("time{mods} without time zone"),
            "timetz" | "time with time zone" => format!("time{mods} with time zone"),
            "interval" => format!("interval{mods}"),
            "\"char\"" => "\"char\"".to_string(),
            other => format!("{}{mods}", quote_ident(other)),
        };
        DataType(if array { format!("{base}[]") } else { base })
    }

    /// A user-defined type (enum, domain, composite, or a type from an extension).
    pub fn user(name: &QualifiedName, array: bool) -> DataType {
        DataType(if array {
            format!("{name}[]")
        } else {
            name.to_string()
        })
    }

    pub fn is_array(&self) -> bool {
        self.0.ends_with("[]")
    }

    /// The element type of an array type, or the type itself.
    pub fn element(&self) -> DataType {
        DataType(self.0.strip_suffix("[]").unwrap_or(&self.0).to_string())
    }

    /// The qualified name of a user-defined type (`public.mood` for `public.mood[]`), `None`
    /// for built-in types.
    pub fn user_type(&self) -> Option<QualifiedName> {
        let element = self.element();
        if element.0.contains('(') {
            return None;
        }
        QualifiedName::parse(&element.0)
    }

    /// The base name without modifiers (`character varying` for `character varying(20)`).
    pub fn base_name(&self) -> &str {
        let element = self.0.strip_suffix("[]").unwrap_or(&self.0);
        match element.find('(') {
            Some(open) => element[..open].trim_end(),
            None => element,
        }
    }

    /// The type modifiers (`[10, 2]` for `numeric(10,2)`), empty when there are none.
    pub fn modifiers(&self) -> Vec<i64> {
        let element = self.0.strip_suffix("[]").unwrap_or(&self.0);
        match (element.find('('), element.find(')')) {
            (Some(open), Some(close)) if open < close => element[open + 1..close]
                .split(',')
                .filter_map(|m| m.trim().parse().ok())
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for DataType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(name: &str, mods: &[&str], array: bool) -> String {
        let mods: Vec<String> = mods.iter().map(|m| m.to_string()).collect();
        DataType::builtin(name, &mods, array).0
    }

    #[test]
    fn spellings_of_one_type_are_one_value() {
        assert_eq!(b("int4", &[], false), "integer");
        assert_eq!(b("INT", &[], false), "integer");
        assert_eq!(b("pg_catalog.int8", &[], true), "bigint[]");
        assert_eq!(b("varchar", &["20"], false), "character varying(20)");
        assert_eq!(b("bpchar", &["1"], false), "character(1)");
        assert_eq!(
            b("timestamptz", &["3"], false),
            "timestamp(3) with time zone"
        );
        assert_eq!(b("timestamp", &[], false), "timestamp without time zone");
        assert_eq!(b("decimal", &["10", "2"], false), "numeric(10,2)");
        assert_eq!(b("float", &["10"], false), "real");
        assert_eq!(b("float8", &[], false), "double precision");
        assert_eq!(b("jsonb", &[], false), "jsonb");
        assert_eq!(b("varbit", &["5"], false), "bit varying(5)");
    }

    #[test]
    fn user_types_and_parts() {
        let t = DataType::user(&QualifiedName::new("public", "Mood"), true);
        assert_eq!(t.0, "public.\"Mood\"[]");
        assert!(t.is_array());
        assert_eq!(t.user_type(), Some(QualifiedName::new("public", "Mood")));
        let n = DataType("numeric(10,2)".into());
        assert_eq!(n.base_name(), "numeric");
        assert_eq!(n.modifiers(), vec![10, 2]);
        assert_eq!(n.user_type(), None);
        assert_eq!(DataType("integer".into()).user_type(), None);
    }
}

//! Functions and procedures. A routine is identified by its signature, the qualified name
//! and the types of its input arguments (`public.add(integer, integer)`), because PostgreSQL
//! overloads names. Every attribute `CREATE FUNCTION` sets is a typed field holding the value
//! PostgreSQL stores when the clause is left out (cost 100, `VOLATILE`, …), so a file that
//! omits a clause and the catalog, which prints only non-default ones, agree. Argument and
//! result types carry no modifiers: PostgreSQL drops them (`varchar(10)` is `character
//! varying`). A body given as a string (`AS $$…$$`) is kept byte for byte, exactly as the
//! catalog keeps it in `prosrc`.

use crate::expr::Expr;
use crate::name::QualifiedName;
use crate::types::DataType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A function or procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Function {
    pub name: QualifiedName,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub procedure: bool,
    pub arguments: Vec<Argument>,
    /// The result of a function (`None` for a procedure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<Returns>,
    /// The language, lower case (`sql`, `plpgsql`, `c`).
    pub language: String,
    pub body: FunctionBody,
    pub volatility: Volatility,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub security_definer: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leakproof: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub window: bool,
    pub parallel: Parallel,
    /// `COST`, as PostgreSQL prints the stored `float4` (`100`, `0.5`).
    pub cost: String,
    /// `ROWS` of a set-returning function (`0` otherwise).
    pub rows: String,
    /// `SET name = value` clauses: lower-case setting name → values (several for list
    /// settings such as `search_path`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub config: BTreeMap<String, Vec<String>>,
    /// Tables and views a SQL-language body reads, which must exist when it is created.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub references: BTreeSet<QualifiedName>,
    /// Routines a SQL-language body calls (by name), which must exist when it is created.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub calls: BTreeSet<QualifiedName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// One argument of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Argument {
    pub mode: ArgumentMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub data_type: DataType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgumentMode {
    In,
    Out,
    InOut,
    Variadic,
    /// A column of `RETURNS TABLE (…)`.
    Table,
}

impl ArgumentMode {
    /// Whether the argument is part of the call signature.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            ArgumentMode::In | ArgumentMode::InOut | ArgumentMode::Variadic
        )
    }
}

/// What a function returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returns {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub setof: bool,
    pub data_type: DataType,
}

/// The body of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionBody {
    /// `AS 'text'`: the source, byte for byte.
    Source(String),
    /// `AS 'object_file', 'link_symbol'` of a C function.
    Object { file: String, symbol: String },
    /// A SQL-standard body (`RETURN …` or `BEGIN ATOMIC … END`), in canonical text.
    Standard(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Volatility {
    Immutable,
    Stable,
    Volatile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Parallel {
    Safe,
    Restricted,
    Unsafe,
}

impl Function {
    /// The identity of the routine: `schema.name(type, …)` over its input arguments.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name, self.identity_arguments())
    }

    /// The types that identify the routine, comma separated, as `DROP FUNCTION` takes them:
    /// the input arguments, and for a procedure its output arguments too.
    pub fn identity_arguments(&self) -> String {
        self.arguments
            .iter()
            .filter(|a| a.mode.is_input() || (self.procedure && a.mode == ArgumentMode::Out))
            .map(|a| a.data_type.0.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether `CREATE OR REPLACE` can turn `self` into `new` (same signature assumed):
    /// PostgreSQL refuses to change the kind, the result type, argument names or modes, or
    /// to remove an argument default.
    pub fn replaceable_by(&self, new: &Function) -> bool {
        self.procedure == new.procedure
            && self.returns == new.returns
            && self.arguments.len() == new.arguments.len()
            && self.arguments.iter().zip(&new.arguments).all(|(a, b)| {
                a.mode == b.mode
                    && a.name == b.name
                    && a.data_type == b.data_type
                    && (a.default.is_none() || b.default.is_some())
            })
    }

    /// Whether two versions differ in more than their comment.
    pub fn redefined(&self, new: &Function) -> bool {
        let mut a = self.clone();
        a.comment = new.comment.clone();
        a != *new
    }
}

/// A type without its modifiers, as PostgreSQL keeps argument and result types
/// (`character varying` for `character varying(10)`, `numeric[]` for `numeric(10,2)[]`).
pub fn without_modifiers(data_type: DataType) -> DataType {
    if data_type.user_type().is_some() || !data_type.0.contains('(') {
        return data_type;
    }
    let text = &data_type.0;
    let (Some(open), Some(close)) = (text.find('('), text.find(')')) else {
        return data_type;
    };
    if open > close {
        return data_type;
    }
    let mut out = text[..open].trim_end().to_string();
    out.push_str(&text[close + 1..]);
    DataType(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_are_dropped_from_argument_types() {
        let t = |s: &str| without_modifiers(DataType(s.into())).0;
        assert_eq!(t("character varying(10)"), "character varying");
        assert_eq!(t("numeric(10,2)[]"), "numeric[]");
        assert_eq!(t("timestamp(3) with time zone"), "timestamp with time zone");
        assert_eq!(t("integer"), "integer");
    }
}

//! Small readers for `pg_query` parse-tree nodes: strings, integers and constants, name
//! lists, and the text of `pg_query` errors.

use pg_query::NodeEnum;
use pg_query::protobuf::{Node, a_const};

/// The text of a `String` node.
pub fn string(node: &Node) -> Option<&str> {
    match node.node.as_ref()? {
        NodeEnum::String(s) => Some(&s.sval),
        _ => None,
    }
}

/// The strings of a list of `String` nodes (a qualified name).
pub fn strings(nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .filter_map(string)
        .map(str::to_string)
        .collect()
}

/// An integer constant (`A_Const`, `Integer`, or a `Float` holding an integer).
pub fn integer(node: &Node) -> Option<i64> {
    match node.node.as_ref()? {
        NodeEnum::Integer(i) => Some(i64::from(i.ival)),
        NodeEnum::Float(f) => f.fval.parse().ok(),
        NodeEnum::AConst(c) => match c.val.as_ref()? {
            a_const::Val::Ival(i) => Some(i64::from(i.ival)),
            a_const::Val::Fval(f) => f.fval.parse().ok(),
            a_const::Val::Sval(s) => s.sval.parse().ok(),
            _ => None,
        },
        NodeEnum::String(s) => s.sval.parse().ok(),
        _ => None,
    }
}

/// The text of a constant node (`20`, `'abc'` as `abc`, `1.5`, `true`).
pub fn constant_text(node: &Node) -> Option<String> {
    match node.node.as_ref()? {
        NodeEnum::Integer(i) => Some(i.ival.to_string()),
        NodeEnum::Float(f) => Some(f.fval.clone()),
        NodeEnum::String(s) => Some(s.sval.clone()),
        NodeEnum::Boolean(b) => Some(b.boolval.to_string()),
        NodeEnum::AConst(c) => match c.val.as_ref()? {
            a_const::Val::Ival(i) => Some(i.ival.to_string()),
            a_const::Val::Fval(f) => Some(f.fval.clone()),
            a_const::Val::Sval(s) => Some(s.sval.clone()),
            a_const::Val::Boolval(b) => Some(b.boolval.to_string()),
            a_const::Val::Bsval(b) => Some(b.bsval.clone()),
        },
        NodeEnum::TypeName(t) => Some(strings(&t.names).join(".")),
        _ => None,
    }
}

/// The message of a `pg_query` error without its prefix.
pub fn error_text(error: &pg_query::Error) -> String {
    match error {
        pg_query::Error::Parse(message) => message.clone(),
        other => other.to_string(),
    }
}

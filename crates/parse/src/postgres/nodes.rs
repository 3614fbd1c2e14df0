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

/// Calls `visit` on every node of an expression tree (scalar expression kinds; subqueries are
/// not entered), parents before children.
pub fn walk_expr_mut(node: &mut Node, visit: &mut dyn FnMut(&mut NodeEnum)) {
    let Some(inner) = node.node.as_mut() else {
        return;
    };
    visit(inner);
    for child in children_mut(inner) {
        walk_expr_mut(child, visit);
    }
}

/// The direct sub-expressions of an expression node.
fn children_mut(inner: &mut NodeEnum) -> Vec<&mut Node> {
    fn boxed(b: &mut Option<Box<Node>>) -> Option<&mut Node> {
        b.as_deref_mut()
    }
    match inner {
        NodeEnum::FuncCall(f) => f.args.iter_mut().chain(boxed(&mut f.agg_filter)).collect(),
        NodeEnum::AExpr(e) => boxed(&mut e.lexpr)
            .into_iter()
            .chain(boxed(&mut e.rexpr))
            .collect(),
        NodeEnum::CaseExpr(c) => boxed(&mut c.arg)
            .into_iter()
            .chain(c.args.iter_mut())
            .chain(boxed(&mut c.defresult))
            .collect(),
        NodeEnum::CaseWhen(w) => boxed(&mut w.expr)
            .into_iter()
            .chain(boxed(&mut w.result))
            .collect(),
        NodeEnum::TypeCast(t) => boxed(&mut t.arg).into_iter().collect(),
        NodeEnum::NullTest(t) => boxed(&mut t.arg).into_iter().collect(),
        NodeEnum::BooleanTest(t) => boxed(&mut t.arg).into_iter().collect(),
        NodeEnum::CollateClause(c) => boxed(&mut c.arg).into_iter().collect(),
        NodeEnum::AIndirection(i) => boxed(&mut i.arg).into_iter().collect(),
        NodeEnum::SubLink(s) => boxed(&mut s.testexpr).into_iter().collect(),
        NodeEnum::BoolExpr(b) => b.args.iter_mut().collect(),
        NodeEnum::CoalesceExpr(c) => c.args.iter_mut().collect(),
        NodeEnum::MinMaxExpr(m) => m.args.iter_mut().collect(),
        NodeEnum::AArrayExpr(a) => a.elements.iter_mut().collect(),
        NodeEnum::RowExpr(r) => r.args.iter_mut().collect(),
        NodeEnum::List(l) => l.items.iter_mut().collect(),
        _ => Vec::new(),
    }
}

/// The message of a `pg_query` error without its prefix.
pub fn error_text(error: &pg_query::Error) -> String {
    match error {
        pg_query::Error::Parse(message) => message.clone(),
        other => other.to_string(),
    }
}

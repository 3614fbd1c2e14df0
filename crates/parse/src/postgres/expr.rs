//! Canonical comparison keys of SQL expressions. What somebody writes in a file and what
//! PostgreSQL's `pg_get_expr`/`pg_get_constraintdef`/`pg_get_indexdef` print (with an empty
//! `search_path`) must give the same key, so both go through one path: parse with
//! `pg_query`, normalize the tree, deparse. The normalizations: casts of constants dropped and
//! every constant written as one string literal (`-1`, `'-1'::integer` → `'-1'`), casts of
//! column references and of `ARRAY[…]` dropped, other casts
//! kept with canonical type names; `IN (…)` as `= ANY (ARRAY[…])`, `BETWEEN` as `>= AND <=`,
//! `LIKE` as `~~`; `CURRENT_TIMESTAMP` as `now()`; `pg_catalog.`/`public.` qualifiers and SQL
//! call syntax dropped; nested `AND`/`OR` flattened; sequence names in `nextval('…')`
//! schema-qualified; an untyped literal compared with a column of known type written as that
//! type prints it (`at > '2024-1-1'` of a `timestamptz` column is `'2024-01-01 00:00:00+00'`,
//! as the catalog, which always prints the cast, has it).

use super::literal;
use super::nodes;
use super::printer;
use super::types::{self, Unqualified};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AArrayExpr, AConst, AExpr, AExprKind, BoolExpr, BoolExprType, CoercionForm, ColumnRef,
    FuncCall, LimitOption, Node, ParseResult, RawStmt, ResTarget, SelectStmt, SetOperation,
    SqlValueFunctionOp, String as PgString, TypeName, a_const,
};
use schema_ir::quote_ident;

/// How unqualified relation names inside expressions (`nextval('t_id_seq')`) are qualified.
pub struct KeyContext<'a> {
    pub relation_schema: &'a dyn Fn(&str) -> String,
    /// Column qualifiers are kept (view queries, where they name FROM items by position);
    /// elsewhere an expression reads one relation and qualifiers are dropped.
    pub qualified_columns: bool,
    /// The type of the column a reference names, when it is known (canonical type name).
    pub column_type: ColumnTypes<'a>,
}

/// The canonical type name of the column a reference names, if known.
pub type ColumnTypes<'a> = &'a dyn Fn(&ColumnRef) -> Option<String>;

impl KeyContext<'static> {
    /// Unqualified relation names belong to `public`.
    pub fn public() -> KeyContext<'static> {
        KeyContext {
            relation_schema: &|_| "public".to_string(),
            qualified_columns: false,
            column_type: &|_| None,
        }
    }
}

const COMPARISONS: [&str; 7] = ["=", "<>", "!=", "<", ">", "<=", ">="];

/// Writes the untyped string literals compared with a column of known type (`=`, `<`, …,
/// `IN (…)`, `BETWEEN`) as constants of the column's type print: PostgreSQL gives such a
/// literal the column's type and the catalog prints it with its cast.
fn type_compared_literals(e: &mut AExpr, ctx: &KeyContext<'_>) {
    let kind = AExprKind::try_from(e.kind).unwrap_or(AExprKind::Undefined);
    let op = e.name.last().and_then(nodes::string).unwrap_or("");
    let typed = match kind {
        AExprKind::AexprOp | AExprKind::AexprIn => COMPARISONS.contains(&op),
        AExprKind::AexprBetween
        | AExprKind::AexprNotBetween
        | AExprKind::AexprBetweenSym
        | AExprKind::AexprNotBetweenSym => true,
        _ => false,
    };
    if !typed {
        return;
    }
    let column_type = |side: &Option<Box<Node>>| match side.as_deref().and_then(|n| n.node.as_ref())
    {
        Some(NodeEnum::ColumnRef(c)) => (ctx.column_type)(c),
        _ => None,
    };
    let (ty, other) = match (column_type(&e.lexpr), kind) {
        (Some(ty), _) => (ty, &mut e.rexpr),
        (None, AExprKind::AexprOp) => match column_type(&e.rexpr) {
            Some(ty) => (ty, &mut e.lexpr),
            None => return,
        },
        _ => return,
    };
    let Some(other) = other.as_deref_mut() else {
        return;
    };
    let items: Vec<&mut Node> = match other.node.as_mut() {
        Some(NodeEnum::List(list)) => list.items.iter_mut().collect(),
        _ => vec![other],
    };
    for item in items {
        if let Some(NodeEnum::AConst(c)) = item.node.as_ref()
            && let Some(a_const::Val::Sval(s)) = c.val.as_ref()
        {
            *item = string_const(&literal::canonical(&ty, &s.sval));
        }
    }
}

/// Parses an expression written as text into its parse-tree node.
pub fn parse_expr(sql: &str) -> Result<Node, String> {
    let text = format!("SELECT {sql}");
    let parsed = crate::tree::parse(&text).map_err(|e| nodes::error_text(&e))?;
    let not_one = || format!("not a single expression: {sql}");
    let [raw] = parsed.stmts.as_slice() else {
        return Err(not_one());
    };
    let Some(NodeEnum::SelectStmt(select)) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
        return Err(not_one());
    };
    if select.target_list.len() != 1
        || !select.from_clause.is_empty()
        || select.where_clause.is_some()
        || !select.group_clause.is_empty()
        || select.having_clause.is_some()
        || !select.sort_clause.is_empty()
        || select.limit_count.is_some()
        || select.limit_offset.is_some()
        || !select.distinct_clause.is_empty()
    {
        return Err(not_one());
    }
    match select.target_list[0].node.as_ref() {
        Some(NodeEnum::ResTarget(target)) if target.name.is_empty() => {
            target.val.as_deref().cloned().ok_or_else(not_one)
        }
        _ => Err(not_one()),
    }
}

/// Prints an expression node as SQL, as the target of a `SELECT` prints.
pub fn deparse(node: &Node) -> Result<String, String> {
    match printer::print(node) {
        Some(text) => checked(node, text),
        None => deparse_in_c(node.clone()),
    }
}

/// [`deparse`] of a node the caller no longer needs.
fn deparse_owned(node: Node) -> Result<String, String> {
    match printer::print(&node) {
        Some(text) => checked(&node, text),
        None => deparse_in_c(node),
    }
}

/// The Rust printer's text, compared with the C deparser's in builds with debug assertions.
fn checked(node: &Node, text: String) -> Result<String, String> {
    #[cfg(debug_assertions)]
    {
        let c = deparse_in_c(node.clone());
        assert_eq!(
            c.as_deref(),
            Ok(text.as_str()),
            "printer differs from the deparser on {node:?}"
        );
    }
    #[cfg(not(debug_assertions))]
    let _ = node;
    Ok(text)
}

/// Prints an expression node with `pg_query`'s C deparser, as the target of a `SELECT`
/// built around it.
pub(super) fn deparse_in_c(node: Node) -> Result<String, String> {
    let target = ResTarget {
        val: Some(Box::new(node)),
        ..Default::default()
    };
    let select = SelectStmt {
        target_list: vec![self::node(NodeEnum::ResTarget(Box::new(target)))],
        limit_option: LimitOption::Default as i32,
        op: SetOperation::SetopNone as i32,
        ..Default::default()
    };
    let statement = ParseResult {
        version: parser_version(),
        stmts: vec![RawStmt {
            stmt: Some(Box::new(self::node(NodeEnum::SelectStmt(Box::new(select))))),
            stmt_location: 0,
            stmt_len: 0,
        }],
    };
    let text =
        pg_query::deparse(&statement, Default::default()).map_err(|e| nodes::error_text(&e))?;
    Ok(text
        .strip_prefix("SELECT ")
        .map(str::to_string)
        .unwrap_or(text))
}

/// The parse-tree version of the linked parser.
fn parser_version() -> i32 {
    static VERSION: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *VERSION.get_or_init(|| crate::tree::parse("SELECT 1").map_or(0, |parsed| parsed.version))
}

/// The canonical key of an expression node.
pub fn key_of(node: &Node, ctx: &KeyContext<'_>) -> Result<String, String> {
    let mut node = node.clone();
    normalize(&mut node, ctx);
    deparse_owned(node)
}

/// The text of an expression node and its canonical key, printed once when normalizing
/// leaves the node as it is.
pub fn text_and_key(node: &Node, ctx: &KeyContext<'_>) -> Result<(String, String), String> {
    let text = deparse(node)?;
    let mut normalized = node.clone();
    normalize(&mut normalized, ctx);
    let key = if normalized == *node {
        text.clone()
    } else {
        deparse_owned(normalized)?
    };
    Ok((text, key))
}

/// The canonical key of a column default: a bare constant is read as a constant of the
/// column's type, the way PostgreSQL stores it (`DEFAULT 't'` on a boolean is `true`).
pub fn key_of_default(
    node: &Node,
    data_type: &str,
    ctx: &KeyContext<'_>,
) -> Result<String, String> {
    match node.node.as_ref() {
        Some(NodeEnum::AConst(c)) if !c.isnull => {
            let mut constant = node.clone();
            normalize(&mut constant, ctx);
            let text = nodes::constant_text(&constant).unwrap_or_default();
            deparse(&string_const(&literal::canonical(data_type, &text)))
        }
        _ => key_of(node, ctx),
    }
}

/// The canonical key of an expression written as text.
pub fn key_of_sql(sql: &str, ctx: &KeyContext<'_>) -> Result<String, String> {
    key_of(&parse_expr(sql)?, ctx)
}

fn node(inner: NodeEnum) -> Node {
    Node { node: Some(inner) }
}

fn string_const(text: &str) -> Node {
    node(NodeEnum::AConst(AConst {
        isnull: false,
        location: 0,
        val: Some(a_const::Val::Sval(PgString {
            sval: text.to_string(),
        })),
    }))
}

fn is_constant(n: &Node) -> bool {
    matches!(n.node.as_ref(), Some(NodeEnum::AConst(_)))
}

fn op_name(name: &str) -> Vec<Node> {
    vec![node(NodeEnum::String(PgString {
        sval: name.to_string(),
    }))]
}

fn a_expr(kind: AExprKind, op: &str, lexpr: Node, rexpr: Node) -> Node {
    node(NodeEnum::AExpr(Box::new(AExpr {
        kind: kind as i32,
        name: op_name(op),
        lexpr: Some(Box::new(lexpr)),
        rexpr: Some(Box::new(rexpr)),
        ..Default::default()
    })))
}

fn bool_expr(op: BoolExprType, args: Vec<Node>) -> Node {
    node(NodeEnum::BoolExpr(Box::new(BoolExpr {
        boolop: op as i32,
        args,
        ..Default::default()
    })))
}

fn normalize_all(list: &mut [Node], ctx: &KeyContext<'_>) {
    for n in list {
        normalize(n, ctx);
    }
}

fn normalize_opt(n: &mut Option<Box<Node>>, ctx: &KeyContext<'_>) {
    if let Some(n) = n {
        normalize(n, ctx);
    }
}

/// Rewrites `n` in place into its canonical form (children first).
pub(crate) fn normalize(n: &mut Node, ctx: &KeyContext<'_>) {
    let Some(inner) = n.node.as_mut() else {
        return;
    };
    let replacement: Option<Node> = match inner {
        NodeEnum::AConst(c) => {
            c.location = 0;
            let text = match c.val.as_ref() {
                Some(a_const::Val::Ival(i)) => Some(i.ival.to_string()),
                Some(a_const::Val::Fval(f)) => Some(literal::canonical("numeric", &f.fval)),
                Some(a_const::Val::Boolval(b)) => Some(b.boolval.to_string()),
                Some(a_const::Val::Bsval(b)) => Some(literal::bit_string(&b.bsval)),
                _ => None,
            };
            text.map(|t| string_const(&t))
        }
        NodeEnum::TypeCast(cast) => {
            normalize_opt(&mut cast.arg, ctx);
            let ty = cast
                .type_name
                .as_ref()
                .and_then(|t| types::data_type(t, &Unqualified::Bare).ok());
            let arg = cast.arg.as_deref();
            let ty_text = ty.as_ref().map(|t| t.0.clone()).unwrap_or_default();
            match arg.and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::AConst(c)) if !c.isnull => {
                    let text = nodes::constant_text(arg.unwrap_or(&Node::default()));
                    let text = text.unwrap_or_default();
                    if ty_text == "regconfig" {
                        Some(string_const(&qualify_configuration(&text, ctx)))
                    } else {
                        Some(string_const(&literal::canonical(&ty_text, &text)))
                    }
                }
                Some(NodeEnum::AConst(_)) => arg.cloned(),
                // PostgreSQL adds casts of columns wherever an operator needs another type
                // (`(qty)::numeric * 2.5`, `(status)::text = …`); files rarely write them.
                Some(NodeEnum::ColumnRef(_)) => arg.cloned(),
                Some(NodeEnum::AArrayExpr(array)) if ty_text.ends_with("[]") => {
                    if array.elements.is_empty() {
                        Some(string_const("{}"))
                    } else {
                        arg.cloned()
                    }
                }
                _ => {
                    if let Some(ty) = ty {
                        cast.type_name = Some(TypeName {
                            names: op_name(&ty.0),
                            ..Default::default()
                        });
                    }
                    cast.location = 0;
                    None
                }
            }
        }
        NodeEnum::ColumnRef(col) => {
            col.location = 0;
            // `OLD.x` and `NEW.x` (trigger conditions) are different values; other
            // qualifiers only repeat the one relation an expression can read.
            let row_of_trigger = col.fields.len() == 2
                && matches!(
                    col.fields.first().and_then(nodes::string),
                    Some("old") | Some("new")
                );
            if col.fields.len() > 1
                && !row_of_trigger
                && !ctx.qualified_columns
                && !matches!(
                    col.fields.last().and_then(|f| f.node.as_ref()),
                    Some(NodeEnum::AStar(_))
                )
            {
                let last = col.fields.pop();
                col.fields = last.into_iter().collect();
            }
            None
        }
        NodeEnum::FuncCall(call) => {
            normalize_all(&mut call.args, ctx);
            // A whole row passed to a function: `f(t.*)` as the catalog prints it is `f(t)`.
            for arg in &mut call.args {
                if let Some(NodeEnum::ColumnRef(c)) = arg.node.as_mut()
                    && c.fields.len() == 2
                    && matches!(c.fields[1].node, Some(NodeEnum::AStar(_)))
                {
                    c.fields.truncate(1);
                }
            }
            normalize_all(&mut call.agg_order, ctx);
            normalize_opt(&mut call.agg_filter, ctx);
            if let Some(over) = call.over.as_deref_mut() {
                over.location = 0;
                normalize_all(&mut over.partition_clause, ctx);
                for sort in &mut over.order_clause {
                    if let Some(NodeEnum::SortBy(s)) = sort.node.as_mut() {
                        s.location = 0;
                        normalize_opt(&mut s.node, ctx);
                    }
                }
            }
            // Functions outside pg_catalog are found through the search path when the file
            // is run, so a file rarely qualifies them while the catalog always does.
            if call.funcname.len() == 2 {
                call.funcname.remove(0);
            }
            call.funcformat = CoercionForm::CoerceExplicitCall as i32;
            call.location = 0;
            let name = call.funcname.last().and_then(nodes::string).unwrap_or("");
            if matches!(name, "nextval" | "currval" | "setval")
                && let Some(first) = call.args.first_mut()
                && let Some(text) = nodes::constant_text(first)
                && is_constant(first)
            {
                *first = string_const(&qualify_relation(&text, ctx));
            }
            // The configuration argument is a `regconfig`, printed by the catalog with its
            // schema unless it is built in.
            if TEXT_SEARCH_FUNCTIONS.contains(&name)
                && call.args.len() == 2
                && let Some(first) = call.args.first_mut()
                && let Some(text) = nodes::constant_text(first)
                && is_constant(first)
            {
                *first = string_const(&qualify_configuration(&text, ctx));
            }
            None
        }
        NodeEnum::SqlvalueFunction(f) => {
            if f.op == SqlValueFunctionOp::SvfopCurrentTimestamp as i32 {
                Some(node(NodeEnum::FuncCall(Box::new(FuncCall {
                    funcname: op_name("now"),
                    funcformat: CoercionForm::CoerceExplicitCall as i32,
                    ..Default::default()
                }))))
            } else {
                f.location = 0;
                None
            }
        }
        NodeEnum::AExpr(e) => {
            type_compared_literals(e, ctx);
            normalize_opt(&mut e.lexpr, ctx);
            normalize_opt(&mut e.rexpr, ctx);
            strip_builtin_schema(&mut e.name);
            e.location = 0;
            rewrite_a_expr(e)
        }
        NodeEnum::BoolExpr(b) => {
            normalize_all(&mut b.args, ctx);
            b.location = 0;
            if b.boolop != BoolExprType::NotExpr as i32 {
                let mut flat = Vec::new();
                for arg in std::mem::take(&mut b.args) {
                    match arg.node {
                        Some(NodeEnum::BoolExpr(inner)) if inner.boolop == b.boolop => {
                            flat.extend(inner.args)
                        }
                        other => flat.push(Node { node: other }),
                    }
                }
                b.args = flat;
            }
            None
        }
        NodeEnum::NullTest(t) => {
            normalize_opt(&mut t.arg, ctx);
            t.location = 0;
            None
        }
        NodeEnum::BooleanTest(t) => {
            normalize_opt(&mut t.arg, ctx);
            t.location = 0;
            None
        }
        NodeEnum::CaseExpr(c) => {
            normalize_opt(&mut c.arg, ctx);
            normalize_all(&mut c.args, ctx);
            normalize_opt(&mut c.defresult, ctx);
            c.location = 0;
            None
        }
        NodeEnum::CaseWhen(w) => {
            normalize_opt(&mut w.expr, ctx);
            normalize_opt(&mut w.result, ctx);
            w.location = 0;
            None
        }
        NodeEnum::CoalesceExpr(c) => {
            normalize_all(&mut c.args, ctx);
            c.location = 0;
            None
        }
        NodeEnum::MinMaxExpr(m) => {
            normalize_all(&mut m.args, ctx);
            m.location = 0;
            None
        }
        NodeEnum::AArrayExpr(a) => {
            normalize_all(&mut a.elements, ctx);
            a.location = 0;
            a.list_start = 0;
            a.list_end = 0;
            None
        }
        NodeEnum::RowExpr(r) => {
            normalize_all(&mut r.args, ctx);
            r.location = 0;
            None
        }
        NodeEnum::List(l) => {
            normalize_all(&mut l.items, ctx);
            None
        }
        NodeEnum::CollateClause(c) => {
            normalize_opt(&mut c.arg, ctx);
            strip_builtin_schema(&mut c.collname);
            c.location = 0;
            None
        }
        NodeEnum::AIndirection(i) => {
            normalize_opt(&mut i.arg, ctx);
            None
        }
        NodeEnum::SubLink(s) => {
            normalize_opt(&mut s.testexpr, ctx);
            if let Some(NodeEnum::SelectStmt(select)) =
                s.subselect.as_deref_mut().and_then(|q| q.node.as_mut())
            {
                super::view::normalize_select(select, ctx, None);
            }
            s.location = 0;
            None
        }
        _ => None,
    };
    if let Some(replacement) = replacement {
        *n = replacement;
    }
}

/// Schema-qualifies, in place, the calls and casts of an expression whose routine or type
/// the files created outside `public`, so that the expression means the same whatever the
/// `search_path` of the session that runs it. `routine` and `user_type` map an unqualified
/// name to its schema when it needs qualifying.
pub(crate) fn qualify(
    n: &mut Node,
    routine: &dyn Fn(&str) -> Option<String>,
    user_type: &dyn Fn(&str) -> Option<String>,
) {
    let schema_node = |schema: String| node(NodeEnum::String(PgString { sval: schema }));
    nodes::walk_expr_mut(n, &mut |inner| match inner {
        NodeEnum::FuncCall(call) => {
            if let [name] = call.funcname.as_slice()
                && let Some(schema) = nodes::string(name).and_then(routine)
            {
                call.funcname.insert(0, schema_node(schema));
            }
        }
        NodeEnum::TypeCast(cast) => {
            if let Some(t) = cast.type_name.as_mut()
                && let [name] = t.names.as_slice()
                && let Some(schema) = nodes::string(name).and_then(user_type)
            {
                t.names.insert(0, schema_node(schema));
            }
        }
        _ => {}
    });
}

fn rewrite_a_expr(e: &mut AExpr) -> Option<Node> {
    let kind = AExprKind::try_from(e.kind).unwrap_or(AExprKind::Undefined);
    let op = e
        .name
        .last()
        .and_then(nodes::string)
        .unwrap_or("")
        .to_string();
    match kind {
        AExprKind::AexprLike | AExprKind::AexprIlike | AExprKind::AexprSimilar => {
            e.kind = AExprKind::AexprOp as i32;
            None
        }
        AExprKind::AexprIn => {
            let lexpr = e.lexpr.as_deref().cloned().unwrap_or_default();
            let items = match e.rexpr.as_deref().and_then(|r| r.node.as_ref()) {
                Some(NodeEnum::List(list)) => list.items.clone(),
                _ => return None,
            };
            let negated = op == "<>";
            let (nonvars, vars): (Vec<Node>, Vec<Node>) =
                items.into_iter().partition(|i| !contains_column(i));
            let mut result: Option<Node> = None;
            let mut rest = vars;
            if nonvars.len() > 1 {
                let array = node(NodeEnum::AArrayExpr(AArrayExpr {
                    elements: nonvars,
                    ..Default::default()
                }));
                let kind = if negated {
                    AExprKind::AexprOpAll
                } else {
                    AExprKind::AexprOpAny
                };
                result = Some(a_expr(kind, &op, lexpr.clone(), array));
            } else {
                rest = nonvars.into_iter().chain(rest).collect();
            }
            for item in rest {
                let cmp = a_expr(AExprKind::AexprOp, &op, lexpr.clone(), item);
                result = Some(match result {
                    None => cmp,
                    Some(prev) => {
                        let boolop = if negated {
                            BoolExprType::AndExpr
                        } else {
                            BoolExprType::OrExpr
                        };
                        flatten(bool_expr(boolop, vec![prev, cmp]))
                    }
                });
            }
            result
        }
        AExprKind::AexprBetween
        | AExprKind::AexprNotBetween
        | AExprKind::AexprBetweenSym
        | AExprKind::AexprNotBetweenSym => {
            let x = e.lexpr.as_deref().cloned().unwrap_or_default();
            let (a, b) = match e.rexpr.as_deref().and_then(|r| r.node.as_ref()) {
                Some(NodeEnum::List(list)) if list.items.len() == 2 => {
                    (list.items[0].clone(), list.items[1].clone())
                }
                _ => return None,
            };
            let op = AExprKind::AexprOp;
            let within = |lo: &Node, hi: &Node| {
                bool_expr(
                    BoolExprType::AndExpr,
                    vec![
                        a_expr(op, ">=", x.clone(), lo.clone()),
                        a_expr(op, "<=", x.clone(), hi.clone()),
                    ],
                )
            };
            let outside = |lo: &Node, hi: &Node| {
                bool_expr(
                    BoolExprType::OrExpr,
                    vec![
                        a_expr(op, "<", x.clone(), lo.clone()),
                        a_expr(op, ">", x.clone(), hi.clone()),
                    ],
                )
            };
            Some(match kind {
                AExprKind::AexprBetween => within(&a, &b),
                AExprKind::AexprNotBetween => outside(&a, &b),
                AExprKind::AexprBetweenSym => {
                    bool_expr(BoolExprType::OrExpr, vec![within(&a, &b), within(&b, &a)])
                }
                _ => bool_expr(
                    BoolExprType::AndExpr,
                    vec![outside(&a, &b), outside(&b, &a)],
                ),
            })
        }
        _ => None,
    }
}

fn flatten(n: Node) -> Node {
    match n.node {
        Some(NodeEnum::BoolExpr(mut b)) => {
            let mut flat = Vec::new();
            for arg in std::mem::take(&mut b.args) {
                match arg.node {
                    Some(NodeEnum::BoolExpr(inner)) if inner.boolop == b.boolop => {
                        flat.extend(inner.args)
                    }
                    other => flat.push(Node { node: other }),
                }
            }
            b.args = flat;
            node(NodeEnum::BoolExpr(b))
        }
        other => Node { node: other },
    }
}

fn contains_column(n: &Node) -> bool {
    match n.node.as_ref() {
        Some(NodeEnum::ColumnRef(_)) => true,
        Some(NodeEnum::AConst(_)) | None => false,
        Some(NodeEnum::TypeCast(c)) => c.arg.as_deref().is_some_and(contains_column),
        Some(NodeEnum::FuncCall(f)) => f.args.iter().any(contains_column),
        Some(NodeEnum::AExpr(e)) => {
            e.lexpr.as_deref().is_some_and(contains_column)
                || e.rexpr.as_deref().is_some_and(contains_column)
        }
        Some(NodeEnum::AArrayExpr(a)) => a.elements.iter().any(contains_column),
        Some(_) => true,
    }
}

/// Drops a leading `pg_catalog` or `public` from a qualified function, operator or collation
/// name.
fn strip_builtin_schema(names: &mut Vec<Node>) {
    if names.len() == 2
        && matches!(
            names.first().and_then(nodes::string),
            Some("pg_catalog") | Some("public")
        )
    {
        names.remove(0);
    }
}

/// `t_id_seq` → `public.t_id_seq`, with regclass input rules (unquoted parts folded to lower
/// case, quoted parts kept).
fn qualify_relation(text: &str, ctx: &KeyContext<'_>) -> String {
    let parts = split_identifiers(text);
    match parts.as_slice() {
        [name] => format!(
            "{}.{}",
            quote_ident(&(ctx.relation_schema)(name)),
            quote_ident(name)
        ),
        [schema, name] => format!("{}.{}", quote_ident(schema), quote_ident(name)),
        _ => text.to_string(),
    }
}

/// The functions whose first argument, of two, is a text search configuration.
const TEXT_SEARCH_FUNCTIONS: [&str; 5] = [
    "to_tsvector",
    "to_tsquery",
    "plainto_tsquery",
    "phraseto_tsquery",
    "websearch_to_tsquery",
];

/// `docs` → `public.docs` for a text search configuration the files create; a built-in one
/// (`english`, `pg_catalog.simple`) is named without its schema, as the catalog prints it.
fn qualify_configuration(text: &str, ctx: &KeyContext<'_>) -> String {
    let parts = split_identifiers(text);
    match parts.as_slice() {
        [name] | [_, name]
            if (parts.len() == 1 || parts[0] == "pg_catalog")
                && schema_ir::built_in_configuration(name).is_some() =>
        {
            quote_ident(name)
        }
        _ => qualify_relation(text, ctx),
    }
}

/// Splits a possibly quoted dotted name the way PostgreSQL reads identifiers.
pub fn split_identifiers(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            current.push('"');
                        } else {
                            break;
                        }
                    } else {
                        current.push(q);
                    }
                }
            }
            '.' => parts.push(std::mem::take(&mut current)),
            c => current.extend(c.to_lowercase()),
        }
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(sql: &str) -> String {
        key_of_sql(sql, &KeyContext::public()).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    #[test]
    fn written_and_catalog_forms_agree() {
        let text = include_str!("../../testdata/exprs.txt");
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (written, catalog) = line
                .split_once(" | ")
                .unwrap_or_else(|| panic!("line {}: no ` | `", n + 1));
            assert_eq!(
                key(written),
                key(catalog),
                "line {}: {written} vs {catalog}",
                n + 1
            );
        }
    }

    #[test]
    fn different_expressions_have_different_keys() {
        assert_ne!(key("a > 0"), key("a >= 0"));
        assert_ne!(key("'a'"), key("'b'"));
        assert_ne!(key("lower(a)"), key("upper(a)"));
        assert_ne!(key("(a + 1)::bigint"), key("(a + 1)::integer"));
        assert_ne!(key("lower(a)::text"), key("lower(a)::character varying"));
    }

    #[test]
    fn casts_of_columns_are_dropped() {
        // The catalog prints the casts it inserted around operands (`(qty)::numeric * 2.5`)
        // the same way as casts the author wrote, so both forms share one key.
        assert_eq!(key("(qty)::numeric * 2.5"), key("qty * 2.5"));
    }

    #[test]
    fn not_an_expression_is_an_error() {
        assert!(parse_expr("1, 2").is_err());
        assert!(parse_expr("1 FROM t").is_err());
        assert!(parse_expr("(").is_err());
    }

    #[test]
    fn identifiers_split_like_regclass_input() {
        assert_eq!(split_identifiers("Public.\"T\"\"x\""), ["public", "T\"x"]);
    }
}

//! Views and materialized views: `CREATE [OR REPLACE] VIEW` (with its options and
//! `WITH CHECK OPTION`), `CREATE MATERIALIZED VIEW` (options, `WITH NO DATA`),
//! `ALTER [MATERIALIZED] VIEW … SET/RESET (…)`, `DROP VIEW`, `COMMENT ON VIEW`, and the
//! canonical key of a view's query. What a file says
//! and what `pg_get_viewdef` prints (with an empty `search_path`) must give one key, so the
//! query is normalized: relations schema-qualified (names of CTEs left alone), `*` expanded
//! from the columns of the tables it reads, every output column given its name (the one
//! written, or the one PostgreSQL derives: `count(*)` is `count`, `'a'::text` is `text`),
//! and every expression keyed like defaults and checks are (column qualifiers dropped,
//! constant casts dropped, …).

use super::expr::{self, KeyContext};
use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    ColumnRef, CommentStmt, CreateTableAsStmt, DropStmt, Node, ObjectType, ResTarget, SelectStmt,
    SetOperation, SqlValueFunctionOp, SubLinkType, ViewCheckOption, ViewStmt,
};
use schema_ir::{Expr, QualifiedName, View, quote_ident};
use std::collections::{BTreeMap, BTreeSet};

/// The output column names of the relation a query reads, for `*`.
pub(crate) type ColumnsOf<'a> = &'a dyn Fn(&QualifiedName) -> Option<Vec<String>>;

/// The type of a column of a table a query reads (canonical type name).
type TypesOf<'a> = &'a dyn Fn(&QualifiedName, &str) -> Option<String>;

fn object_type(value: i32) -> ObjectType {
    ObjectType::try_from(value).unwrap_or(ObjectType::Undefined)
}

/// Whether a DROP/COMMENT object type is a view or materialized view.
pub(crate) fn is_view_object(value: i32) -> bool {
    matches!(
        object_type(value),
        ObjectType::ObjectView | ObjectType::ObjectMatview
    )
}

impl Reader<'_> {
    pub(crate) fn create_view(&mut self, stmt: &ViewStmt) -> Res<()> {
        let rv = stmt.view.as_ref().ok_or("CREATE VIEW without a name")?;
        let name = self.new_name(rv);
        let aliases = nodes::strings(&stmt.aliases);
        let query = stmt.query.as_deref().ok_or("CREATE VIEW without a query")?;
        let mut view = self.view(&name, query, &aliases, false)?;
        view.options = self.view_options(&stmt.options);
        match ViewCheckOption::try_from(stmt.with_check_option) {
            Ok(ViewCheckOption::LocalCheckOption) => {
                view.options.insert("check_option".into(), "local".into());
            }
            Ok(ViewCheckOption::CascadedCheckOption) => {
                view.options
                    .insert("check_option".into(), "cascaded".into());
            }
            _ => {}
        }
        if let Some(old) = self.schema.views.get(&name) {
            if !stmt.replace || old.materialized {
                return Err(format!("relation {name} already exists"));
            }
        } else if self.schema.tables.contains_key(&name) {
            return Err(format!("relation {name} already exists"));
        }
        self.unmanaged.insert(name.clone());
        self.schema.views.insert(name, view);
        Ok(())
    }

    /// `CREATE MATERIALIZED VIEW`; `CREATE TABLE AS` is not managed.
    pub(crate) fn create_table_as(&mut self, stmt: &CreateTableAsStmt) -> Res<()> {
        let into = stmt.into.as_deref();
        let rv = into.and_then(|i| i.rel.as_ref());
        let (ObjectType::ObjectMatview, Some(rv)) = (object_type(stmt.objtype), rv) else {
            if let Some(rv) = rv {
                let name = self.new_name(rv);
                self.unmanaged.insert(name);
            }
            self.warn("CREATE TABLE AS is not managed; statement ignored");
            return Ok(());
        };
        let name = self.new_name(rv);
        if self.schema.views.contains_key(&name) || self.schema.tables.contains_key(&name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!("relation {name} already exists"));
        }
        let aliases = into
            .map(|i| nodes::strings(&i.col_names))
            .unwrap_or_default();
        let query = stmt.query.as_deref().ok_or("no query")?;
        let mut view = self.view(&name, query, &aliases, true)?;
        if let Some(into) = into {
            view.options = self.view_options(&into.options);
            view.with_no_data = into.skip_data;
            if !into.access_method.is_empty() && into.access_method != "heap" {
                self.warn("a materialized view's access method is not managed; ignored");
            }
        }
        self.unmanaged.insert(name.clone());
        self.schema.views.insert(name, view);
        Ok(())
    }

    /// `WITH (…)` options of a view or materialized view (`check_option` in lower case, as
    /// the catalog keeps it).
    pub(crate) fn view_options(&mut self, options: &[Node]) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (option, namespace, value) in super::policy::storage_parameters(options) {
            match namespace {
                None if option == "check_option" => {
                    out.insert(option, value.to_ascii_lowercase());
                }
                None => {
                    out.insert(option, value);
                }
                Some(ns) => self.warn(format!("{ns}.{option} is not managed; ignored")),
            }
        }
        out
    }

    pub(crate) fn drop_view(&mut self, stmt: &DropStmt) -> Res<()> {
        let materialized = object_type(stmt.remove_type) == ObjectType::ObjectMatview;
        for object in &stmt.objects {
            let names = match object.node.as_ref() {
                Some(NodeEnum::List(list)) => nodes::strings(&list.items),
                _ => Vec::new(),
            };
            let (schema, name) = super::split_names(&names).ok_or("invalid view name")?;
            let found = self.resolve(schema, name, |q| {
                self.schema
                    .views
                    .get(q)
                    .is_some_and(|v| v.materialized == materialized)
            });
            match found {
                Some(q) => {
                    self.schema.views.remove(&q);
                    self.unmanaged.remove(&q);
                }
                None if stmt.missing_ok => {}
                None => return Err(format!("view {} does not exist", names.join("."))),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_view(&mut self, stmt: &CommentStmt) -> Res<()> {
        let names = match stmt.object.as_deref().and_then(|o| o.node.as_ref()) {
            Some(NodeEnum::List(list)) => nodes::strings(&list.items),
            _ => Vec::new(),
        };
        let (schema, name) = super::split_names(&names).ok_or("invalid view name")?;
        let found = self
            .resolve(schema, name, |q| self.schema.views.contains_key(q))
            .ok_or_else(|| format!("view {} does not exist", names.join(".")))?;
        if let Some(view) = self.schema.views.get_mut(&found) {
            view.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        }
        Ok(())
    }

    /// The view `name` defined by `query`, output columns renamed by `aliases`.
    fn view(
        &self,
        name: &QualifiedName,
        query: &Node,
        aliases: &[String],
        materialized: bool,
    ) -> Res<View> {
        let Some(NodeEnum::SelectStmt(select)) = query.node.as_ref() else {
            return Err("a view's query must be a SELECT".into());
        };
        let mut written = (**select).clone();
        rename_outputs(&mut written, aliases);
        let (
            sql,
            ViewKey {
                key,
                columns,
                references,
                column_keys,
            },
        ) = self.query_key(&written)?;
        Ok(View {
            name: name.clone(),
            materialized,
            definition: Expr::new(sql, key),
            columns,
            column_keys,
            references,
            options: BTreeMap::new(),
            indexes: BTreeMap::new(),
            with_no_data: false,
            comment: None,
        })
    }

    /// A query of the files (a view's, or one in a routine's SQL-standard body): the SQL to
    /// run, its relations schema-qualified, and its canonical key.
    pub(crate) fn query_key(&self, written: &SelectStmt) -> Res<(String, ViewKey)> {
        let ctes = cte_names(written);
        let relation_schema = |relation: &str| {
            if ctes.contains(relation) {
                return String::new();
            }
            self.resolve("", relation, |q| {
                self.schema.tables.contains_key(q)
                    || self.schema.views.contains_key(q)
                    || self.schema.sequences.contains_key(q)
                    || self.schema.text_search_configurations.contains_key(q)
            })
            .map_or_else(|| self.creation_schema(), |q| q.schema)
        };
        // The SQL to run names its relations with their schemas: a plan does not set the
        // search_path the file was read with.
        let sql = NodeEnum::SelectStmt(Box::new(qualify_relations(written, &relation_schema)))
            .deparse(Default::default())
            .map_err(|e| nodes::error_text(&e))?;
        let columns_of = |q: &QualifiedName| -> Option<Vec<String>> {
            if let Some(t) = self.schema.tables.get(q) {
                return Some(t.columns.iter().map(|c| c.name.clone()).collect());
            }
            self.schema.views.get(q).map(|v| v.columns.clone())
        };
        let column_type = |q: &QualifiedName, column: &str| {
            let c = self.schema.tables.get(q)?.column(column)?;
            Some(self.base_type(&c.data_type))
        };
        let key = canonical(
            written,
            &KeyContext {
                relation_schema: &relation_schema,
                qualified_columns: true,
                // Set by `canonical` once references name their FROM items.
                column_type: &|_| None,
            },
            Some(&columns_of),
            Some(&column_type),
        )?;
        Ok((sql, key))
    }
}

/// Applies a view's column list to the first SELECT of its query.
fn rename_outputs(select: &mut SelectStmt, aliases: &[String]) {
    if let Some(left) = select.larg.as_deref_mut() {
        return rename_outputs(left, aliases);
    }
    for (target, alias) in select.target_list.iter_mut().zip(aliases) {
        if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut() {
            t.name = alias.clone();
        }
    }
}

/// Every CTE name anywhere in the query.
fn cte_names(select: &SelectStmt) -> BTreeSet<String> {
    let node = NodeEnum::SelectStmt(Box::new(select.clone()));
    node.nodes()
        .into_iter()
        .filter_map(|(n, ..)| match n {
            pg_query::NodeRef::CommonTableExpr(c) => Some(c.ctename.clone()),
            _ => None,
        })
        .collect()
}

/// The key, output column names and referenced relations of a view's query as PostgreSQL
/// prints it (`pg_get_viewdef`, fully qualified).
pub fn catalog_view_key(sql: &str) -> Result<ViewKey, String> {
    let sql = sql.trim().trim_end_matches(';');
    let parsed = crate::tree::parse(sql).map_err(|e| nodes::error_text(&e))?;
    let Some(NodeEnum::SelectStmt(select)) = parsed
        .stmts
        .first()
        .and_then(|s| s.stmt.as_ref())
        .and_then(|s| s.node.as_ref())
    else {
        return Err(format!("not a SELECT: {sql}"));
    };
    let ctes = cte_names(select);
    let relation_schema = |relation: &str| {
        if ctes.contains(relation) {
            String::new()
        } else {
            "public".to_string()
        }
    };
    canonical(
        select,
        &KeyContext {
            relation_schema: &relation_schema,
            qualified_columns: true,
            column_type: &|_| None,
        },
        None,
        None,
    )
}

/// `select` with every relation it reads schema-qualified by `relation_schema` (which
/// returns an empty schema for names that must stay unqualified, such as CTEs).
fn qualify_relations(select: &SelectStmt, relation_schema: &dyn Fn(&str) -> String) -> SelectStmt {
    let mut node = NodeEnum::SelectStmt(Box::new(select.clone()));
    // SAFETY: the pointers come from `node`, which outlives them and is not otherwise
    // touched while they are used; only string fields of existing RangeVars are changed, so
    // no node is added, moved or freed.
    unsafe {
        for (n, ..) in node.nodes_mut() {
            if let pg_query::NodeMut::RangeVar(rv) = n
                && let Some(rv) = rv.as_mut()
                && rv.schemaname.is_empty()
            {
                rv.schemaname = relation_schema(&rv.relname);
            }
        }
    }
    match node {
        NodeEnum::SelectStmt(s) => *s,
        _ => select.clone(),
    }
}

/// The canonical form of a view's query.
pub struct ViewKey {
    pub key: String,
    /// The output column names.
    pub columns: Vec<String>,
    /// The relations the query reads.
    pub references: BTreeSet<QualifiedName>,
    /// One key per output column of a plain SELECT over tables and views: its name, its
    /// expression and the relations the expression reads. A query whose column keys begin
    /// with another's yields columns of the same types, so it can replace it in place;
    /// empty when that cannot be told (set operations, subqueries, functions in FROM).
    pub column_keys: Vec<String>,
}

/// The canonical form of `select`; `column_type` gives the type of a column of a table the
/// query reads (see [`expr::KeyContext::column_type`]).
fn canonical(
    select: &SelectStmt,
    ctx: &KeyContext<'_>,
    columns_of: Option<ColumnsOf<'_>>,
    column_type: Option<TypesOf<'_>>,
) -> Result<ViewKey, String> {
    let mut normal = qualify_relations(select, ctx.relation_schema);
    let sources = super::qualifiers::resolve(&mut normal, columns_of);
    // Column references now name their FROM item by position: `r1.at`.
    let typed = |c: &ColumnRef| {
        let [token, column] = c.fields.as_slice() else {
            return None;
        };
        let relation = sources.get(nodes::string(token)?)?.as_ref()?;
        column_type?(relation, nodes::string(column)?)
    };
    let ctx = &KeyContext {
        relation_schema: ctx.relation_schema,
        qualified_columns: ctx.qualified_columns,
        column_type: &typed,
    };
    normalize_select(&mut normal, ctx, columns_of);
    let columns = output_names(&normal);
    name_set_operation_outputs(&mut normal, &columns);
    let column_keys = column_keys(&normal, &sources).unwrap_or_default();
    let node = NodeEnum::SelectStmt(Box::new(normal));
    let references = node
        .nodes()
        .into_iter()
        .filter_map(|(n, ..)| match n {
            pg_query::NodeRef::RangeVar(rv) if !rv.schemaname.is_empty() => Some(
                QualifiedName::new(rv.schemaname.as_str(), rv.relname.as_str()),
            ),
            _ => None,
        })
        .collect();
    let key = node
        .deparse(Default::default())
        .map_err(|e| nodes::error_text(&e))?;
    Ok(ViewKey {
        key,
        columns,
        references,
        column_keys,
    })
}

/// See [`ViewKey::column_keys`]; `None` when the types of the outputs cannot be told
/// from their text.
fn column_keys(
    select: &SelectStmt,
    sources: &std::collections::BTreeMap<String, Option<QualifiedName>>,
) -> Option<Vec<String>> {
    if select.op() != SetOperation::SetopNone {
        return None;
    }
    let mut out = Vec::with_capacity(select.target_list.len());
    for target in &select.target_list {
        let Some(NodeEnum::ResTarget(t)) = target.node.as_ref() else {
            return None;
        };
        let val = t.val.as_deref()?;
        let mut key = format!("{} = {}", quote_ident(&t.name), expr::deparse(val).ok()?);
        let mut read = BTreeSet::new();
        for (n, ..) in val.node.as_ref()?.nodes() {
            if let pg_query::NodeRef::ColumnRef(c) = n
                && c.fields.len() > 1
                && let Some(token) = c.fields.first().and_then(nodes::string)
            {
                read.insert(token.to_string());
            }
        }
        for token in read {
            let relation = sources.get(&token)?.as_ref()?;
            key.push_str(&format!(" {token}:{relation}"));
        }
        out.push(key);
    }
    Some(out)
}

/// Every branch of a set operation gets the output names of the first one, as
/// `pg_get_viewdef` prints them.
fn name_set_operation_outputs(select: &mut SelectStmt, names: &[String]) {
    for side in [&mut select.larg, &mut select.rarg] {
        if let Some(s) = side.as_deref_mut() {
            name_set_operation_outputs(s, names);
        }
    }
    for (target, name) in select.target_list.iter_mut().zip(names) {
        if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut() {
            t.name = name.clone();
        }
    }
}

fn output_names(select: &SelectStmt) -> Vec<String> {
    if let Some(left) = select.larg.as_deref() {
        return output_names(left);
    }
    select
        .target_list
        .iter()
        .filter_map(|t| match t.node.as_ref() {
            Some(NodeEnum::ResTarget(t)) => Some(t.name.clone()),
            _ => None,
        })
        .collect()
}

/// Normalizes a SELECT in place (see the module documentation).
pub(crate) fn normalize_select(
    select: &mut SelectStmt,
    ctx: &KeyContext<'_>,
    columns_of: Option<ColumnsOf<'_>>,
) {
    if let Some(with) = select.with_clause.as_mut() {
        with.location = 0;
        for cte in &mut with.ctes {
            if let Some(NodeEnum::CommonTableExpr(c)) = cte.node.as_mut() {
                c.location = 0;
                if let Some(NodeEnum::SelectStmt(q)) =
                    c.ctequery.as_deref_mut().and_then(|q| q.node.as_mut())
                {
                    normalize_select(q, ctx, columns_of);
                }
            }
        }
    }
    for from in &mut select.from_clause {
        normalize_from(from, ctx, columns_of);
    }
    if let Some(columns_of) = columns_of {
        expand_stars(select, columns_of);
    }
    // Column references name their FROM items by position (see `qualifiers`), so the
    // aliases of relations carry nothing; the catalog also renames repeated ones.
    for from in &mut select.from_clause {
        strip_relation_aliases(from);
    }
    for target in &mut select.target_list {
        if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut() {
            t.location = 0;
            if t.name.is_empty() {
                t.name = t.val.as_deref().map(implicit_name).unwrap_or_default();
            }
            if let Some(val) = t.val.as_deref_mut() {
                expr::normalize(val, ctx);
            }
        }
    }
    collapse_field_expansions(&mut select.target_list);
    // `GROUP BY 1` / `ORDER BY 1` name output columns by position; the catalog prints the
    // output's expression.
    let positional = |n: &Node| -> Option<Node> {
        let Some(NodeEnum::AConst(c)) = n.node.as_ref() else {
            return None;
        };
        let Some(pg_query::protobuf::a_const::Val::Ival(i)) = c.val.as_ref() else {
            return None;
        };
        let index = usize::try_from(i.ival).ok()?.checked_sub(1)?;
        match select.target_list.get(index)?.node.as_ref() {
            Some(NodeEnum::ResTarget(t)) => t.val.as_deref().cloned(),
            _ => None,
        }
    };
    for item in &mut select.group_clause {
        if let Some(output) = positional(item) {
            *item = output;
        }
    }
    for sort in &mut select.sort_clause {
        if let Some(NodeEnum::SortBy(s)) = sort.node.as_mut()
            && let Some(output) = s.node.as_deref().and_then(positional)
        {
            s.node = Some(Box::new(output));
        }
    }
    for list in [
        &mut select.group_clause,
        &mut select.distinct_clause,
        &mut select.values_lists,
    ] {
        for n in list.iter_mut() {
            expr::normalize(n, ctx);
        }
    }
    for sort in &mut select.sort_clause {
        if let Some(NodeEnum::SortBy(s)) = sort.node.as_mut() {
            s.location = 0;
            // `ORDER BY name` of an output column sorts by that column's expression.
            let output = match s.node.as_deref().and_then(|n| n.node.as_ref()) {
                Some(NodeEnum::ColumnRef(c)) if c.fields.len() == 1 => {
                    let name = c.fields.first().and_then(nodes::string).unwrap_or("");
                    select
                        .target_list
                        .iter()
                        .find_map(|t| match t.node.as_ref() {
                            Some(NodeEnum::ResTarget(t)) if t.name == name => t.val.clone(),
                            _ => None,
                        })
                }
                _ => None,
            };
            if let Some(output) = output {
                s.node = Some(output);
            }
            if let Some(n) = s.node.as_deref_mut() {
                expr::normalize(n, ctx);
            }
        }
    }
    for clause in [
        &mut select.where_clause,
        &mut select.having_clause,
        &mut select.limit_count,
        &mut select.limit_offset,
    ] {
        if let Some(n) = clause.as_deref_mut() {
            expr::normalize(n, ctx);
        }
    }
    for side in [&mut select.larg, &mut select.rarg] {
        if let Some(s) = side.as_deref_mut() {
            normalize_select(s, ctx, columns_of);
        }
    }
    // Only the first branch of a set operation names its outputs, at any depth.
    if select.larg.is_some() {
        let names = output_names(select);
        name_set_operation_outputs(select, &names);
    }
}

/// `(f(x)).*` is printed by the catalog as one output per field of the composite,
/// `(f(x)).a AS a, (f(x)).b AS b, …`; a run of such outputs over the same expression is
/// folded back into `(f(x)).*`, which is also what a file writes.
fn collapse_field_expansions(targets: &mut Vec<Node>) {
    fn field_of(target: &Node) -> Option<(&Node, &str)> {
        let Some(NodeEnum::ResTarget(t)) = target.node.as_ref() else {
            return None;
        };
        let Some(NodeEnum::AIndirection(i)) = t.val.as_deref().and_then(|v| v.node.as_ref()) else {
            return None;
        };
        match i.indirection.as_slice() {
            [field] => Some((i.arg.as_deref()?, nodes::string(field)?)),
            _ => None,
        }
    }
    let mut out: Vec<Node> = Vec::with_capacity(targets.len());
    let mut index = 0;
    while index < targets.len() {
        let run_end = match field_of(&targets[index]) {
            Some((arg, _)) => {
                let mut end = index + 1;
                while end < targets.len() && field_of(&targets[end]).is_some_and(|(a, _)| a == arg)
                {
                    end += 1;
                }
                end
            }
            None => index + 1,
        };
        if run_end - index > 1 {
            let arg = field_of(&targets[index]).map(|(a, _)| a.clone());
            out.push(star_target(arg));
        } else {
            let mut target = targets[index].clone();
            if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut()
                && let Some(NodeEnum::AIndirection(i)) =
                    t.val.as_deref().and_then(|v| v.node.as_ref())
                && matches!(i.indirection.as_slice(), [n] if matches!(n.node, Some(NodeEnum::AStar(_))))
            {
                t.name = String::new();
            }
            out.push(target);
        }
        index = run_end;
    }
    *targets = out;
}

fn star_target(arg: Option<Node>) -> Node {
    use pg_query::protobuf::{AIndirection, AStar, ResTarget};
    Node {
        node: Some(NodeEnum::ResTarget(Box::new(ResTarget {
            val: Some(Box::new(Node {
                node: Some(NodeEnum::AIndirection(Box::new(AIndirection {
                    arg: arg.map(Box::new),
                    indirection: vec![Node {
                        node: Some(NodeEnum::AStar(AStar {})),
                    }],
                }))),
            })),
            ..Default::default()
        }))),
    }
}

fn strip_relation_aliases(from: &mut Node) {
    match from.node.as_mut() {
        Some(NodeEnum::RangeVar(rv)) => rv.alias = None,
        Some(NodeEnum::JoinExpr(j)) => {
            for side in [&mut j.larg, &mut j.rarg] {
                if let Some(n) = side.as_deref_mut() {
                    strip_relation_aliases(n);
                }
            }
        }
        _ => {}
    }
}

fn normalize_from(from: &mut Node, ctx: &KeyContext<'_>, columns_of: Option<ColumnsOf<'_>>) {
    match from.node.as_mut() {
        Some(NodeEnum::RangeVar(rv)) => {
            rv.location = 0;
            if rv.schemaname.is_empty() {
                rv.schemaname = (ctx.relation_schema)(&rv.relname);
            }
        }
        Some(NodeEnum::JoinExpr(j)) => {
            for side in [&mut j.larg, &mut j.rarg] {
                if let Some(n) = side.as_deref_mut() {
                    normalize_from(n, ctx, columns_of);
                }
            }
            if let Some(q) = j.quals.as_deref_mut() {
                expr::normalize(q, ctx);
            }
        }
        Some(NodeEnum::RangeSubselect(r)) => {
            if let Some(NodeEnum::SelectStmt(q)) =
                r.subquery.as_deref_mut().and_then(|q| q.node.as_mut())
            {
                normalize_select(q, ctx, columns_of);
            }
        }
        _ => {}
    }
}

/// The (qualifier, relation) pairs of the FROM items that `*` expands over, in order;
/// `None` when one of them is not a plain relation.
fn star_sources(from: &[Node]) -> Option<Vec<(String, QualifiedName)>> {
    fn walk(n: &Node, out: &mut Vec<(String, QualifiedName)>) -> Option<()> {
        match n.node.as_ref()? {
            NodeEnum::RangeVar(rv) => {
                let qualifier = rv
                    .alias
                    .as_ref()
                    .map_or_else(|| rv.relname.clone(), |a| a.aliasname.clone());
                out.push((
                    qualifier,
                    QualifiedName::new(rv.schemaname.as_str(), rv.relname.as_str()),
                ));
                Some(())
            }
            NodeEnum::JoinExpr(j) if j.using_clause.is_empty() && !j.is_natural => {
                walk(j.larg.as_deref()?, out)?;
                walk(j.rarg.as_deref()?, out)
            }
            _ => None,
        }
    }
    let mut out = Vec::new();
    for n in from {
        walk(n, &mut out)?;
    }
    Some(out)
}

fn column_target(qualifier: &str, column: &str) -> Node {
    let string = |s: &str| Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: s.to_string(),
        })),
    };
    Node {
        node: Some(NodeEnum::ResTarget(Box::new(ResTarget {
            name: column.to_string(),
            val: Some(Box::new(Node {
                node: Some(NodeEnum::ColumnRef(ColumnRef {
                    fields: vec![string(qualifier), string(column)],
                    location: 0,
                })),
            })),
            ..Default::default()
        }))),
    }
}

/// Replaces `*` and `x.*` in the target list by the columns they stand for, when every
/// relation involved is known.
fn expand_stars(select: &mut SelectStmt, columns_of: ColumnsOf<'_>) {
    let star_of = |t: &Node| -> Option<Option<String>> {
        let Some(NodeEnum::ResTarget(t)) = t.node.as_ref() else {
            return None;
        };
        let Some(NodeEnum::ColumnRef(c)) = t.val.as_deref().and_then(|v| v.node.as_ref()) else {
            return None;
        };
        let last_is_star = matches!(
            c.fields.last().and_then(|f| f.node.as_ref()),
            Some(NodeEnum::AStar(_))
        );
        match c.fields.as_slice() {
            [_] if last_is_star => Some(None),
            [q, _] if last_is_star => Some(nodes::string(q).map(str::to_string)),
            _ => None,
        }
    };
    if !select.target_list.iter().any(|t| star_of(t).is_some()) {
        return;
    }
    let Some(sources) = star_sources(&select.from_clause) else {
        return;
    };
    let mut expanded = Vec::new();
    for target in &select.target_list {
        match star_of(target) {
            None => expanded.push(target.clone()),
            Some(qualifier) => {
                for (alias, relation) in &sources {
                    if qualifier.as_ref().is_some_and(|q| q != alias) {
                        continue;
                    }
                    let Some(columns) = columns_of(relation) else {
                        return;
                    };
                    expanded.extend(columns.iter().map(|c| column_target(alias, c)));
                }
            }
        }
    }
    select.target_list = expanded;
}

/// The name PostgreSQL gives an output column that was not named (`FigureColname`).
fn implicit_name(n: &Node) -> String {
    implicit(n).unwrap_or_else(|| "?column?".to_string())
}

pub(crate) fn implicit(n: &Node) -> Option<String> {
    match n.node.as_ref()? {
        NodeEnum::ColumnRef(c) => c.fields.last().and_then(nodes::string).map(str::to_string),
        NodeEnum::FuncCall(f) => f
            .funcname
            .last()
            .and_then(nodes::string)
            .map(str::to_string),
        NodeEnum::TypeCast(c) => c.arg.as_deref().and_then(implicit).or_else(|| {
            c.type_name
                .as_ref()
                .and_then(|t| t.names.last())
                .and_then(nodes::string)
                .map(str::to_string)
        }),
        NodeEnum::CollateClause(c) => c.arg.as_deref().and_then(implicit),
        NodeEnum::AIndirection(i) => i
            .indirection
            .last()
            .and_then(nodes::string)
            .map(str::to_string)
            .or_else(|| i.arg.as_deref().and_then(implicit)),
        NodeEnum::CaseExpr(_) => Some("case".into()),
        NodeEnum::CoalesceExpr(_) => Some("coalesce".into()),
        NodeEnum::NullIfExpr(_) => Some("nullif".into()),
        NodeEnum::AArrayExpr(_) => Some("array".into()),
        NodeEnum::RowExpr(_) => Some("row".into()),
        NodeEnum::MinMaxExpr(m) => Some(if m.op == 0 { "greatest" } else { "least" }.into()),
        NodeEnum::SubLink(s) => match SubLinkType::try_from(s.sub_link_type).ok()? {
            SubLinkType::ExistsSublink => Some("exists".into()),
            SubLinkType::ArraySublink => Some("array".into()),
            SubLinkType::ExprSublink => match s.subselect.as_deref()?.node.as_ref()? {
                NodeEnum::SelectStmt(q) => {
                    q.target_list.first().and_then(|t| match t.node.as_ref()? {
                        NodeEnum::ResTarget(r) if !r.name.is_empty() => Some(r.name.clone()),
                        NodeEnum::ResTarget(r) => r.val.as_deref().and_then(implicit),
                        _ => None,
                    })
                }
                _ => None,
            },
            _ => None,
        },
        NodeEnum::SqlvalueFunction(f) => {
            let name = match SqlValueFunctionOp::try_from(f.op).ok()? {
                SqlValueFunctionOp::SvfopCurrentDate => "current_date",
                SqlValueFunctionOp::SvfopCurrentTime | SqlValueFunctionOp::SvfopCurrentTimeN => {
                    "current_time"
                }
                SqlValueFunctionOp::SvfopCurrentTimestamp
                | SqlValueFunctionOp::SvfopCurrentTimestampN => "current_timestamp",
                SqlValueFunctionOp::SvfopLocaltime | SqlValueFunctionOp::SvfopLocaltimeN => {
                    "localtime"
                }
                SqlValueFunctionOp::SvfopLocaltimestamp
                | SqlValueFunctionOp::SvfopLocaltimestampN => "localtimestamp",
                SqlValueFunctionOp::SvfopCurrentRole => "current_role",
                SqlValueFunctionOp::SvfopCurrentUser => "current_user",
                SqlValueFunctionOp::SvfopUser => "user",
                SqlValueFunctionOp::SvfopSessionUser => "session_user",
                SqlValueFunctionOp::SvfopCurrentCatalog => "current_catalog",
                SqlValueFunctionOp::SvfopCurrentSchema => "current_schema",
                _ => return None,
            };
            Some(name.into())
        }
        _ => None,
    }
}

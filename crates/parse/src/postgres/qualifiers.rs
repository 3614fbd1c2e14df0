//! Column qualifiers in view queries. A view that joins tables often reads columns of the
//! same name from several of them (`id`, `name`, `created_at`), so a view's key must say
//! which relation each column comes from; but a file writes `name` or `u.name` where
//! `pg_get_viewdef` prints `users.name`, and the catalog renames an alias that repeats one
//! of an enclosing query (`a` → `a_1`). So every FROM item (relation, subquery, function,
//! aliased join) is given a positional name in walk order (`r1`, `r2`, …), and every column
//! reference is rewritten to name its item: qualified references through the alias or
//! relation name they use, unqualified ones through the columns of the items in scope
//! (innermost query first, `USING` columns as PostgreSQL resolves them). A reference that
//! cannot be resolved loses its qualifier, as expression keys elsewhere do.

use super::nodes;
use super::view::ColumnsOf;
use pg_query::NodeEnum;
use pg_query::protobuf::{Alias, JoinType, Node, SelectStmt, SetOperation};
use schema_ir::QualifiedName;
use std::collections::BTreeMap;

/// One FROM item visible to column references.
struct Item {
    /// The name references use: the alias, or the relation's own name.
    visible: String,
    /// The relation's schema, when the item is a relation (`schema.table.column`).
    schema: String,
    token: String,
    /// The item's output columns, when known.
    columns: Option<Vec<String>>,
    /// Hidden behind the alias of a join that contains it.
    hidden: bool,
}

/// The FROM items of one query level, and what its `USING` joins merge.
#[derive(Default)]
struct Level {
    items: Vec<Item>,
    /// A merged `USING` column and the token PostgreSQL qualifies it with (none for a
    /// `FULL JOIN`, whose merged column stays unqualified).
    merged: Vec<(String, Option<String>)>,
}

/// Rewrites the column references of `select` (at every depth) to name their FROM items
/// by position; `columns_of` gives the columns of the relations the query reads. Returns
/// what each position names: a relation (table or view), or `None` for a subquery, a
/// function, a CTE or a join.
pub(crate) fn resolve(
    select: &mut SelectStmt,
    columns_of: Option<ColumnsOf<'_>>,
) -> BTreeMap<String, Option<QualifiedName>> {
    let mut resolver = Resolver {
        next: 0,
        columns_of,
        ctes: Vec::new(),
        sources: BTreeMap::new(),
    };
    resolver.select(select, &mut Vec::new());
    resolver.sources
}

struct Resolver<'a> {
    next: usize,
    sources: BTreeMap<String, Option<QualifiedName>>,
    columns_of: Option<ColumnsOf<'a>>,
    /// CTE names in scope with their output columns, innermost last.
    ctes: Vec<BTreeMap<String, Option<Vec<String>>>>,
}

impl Resolver<'_> {
    fn token(&mut self) -> String {
        self.next += 1;
        format!("r{}", self.next)
    }

    fn select(&mut self, select: &mut SelectStmt, scopes: &mut Vec<Level>) {
        let mut ctes = BTreeMap::new();
        if let Some(with) = select.with_clause.as_mut() {
            let recursive = with.recursive;
            for cte in &mut with.ctes {
                let Some(NodeEnum::CommonTableExpr(c)) = cte.node.as_mut() else {
                    continue;
                };
                let aliased =
                    (!c.aliascolnames.is_empty()).then(|| nodes::strings(&c.aliascolnames));
                // Each CTE sees the ones before it, and a recursive one itself.
                let mut visible = ctes.clone();
                if recursive {
                    visible.insert(c.ctename.clone(), aliased.clone());
                }
                self.ctes.push(visible);
                let mut columns = None;
                if let Some(NodeEnum::SelectStmt(q)) =
                    c.ctequery.as_deref_mut().and_then(|q| q.node.as_mut())
                {
                    self.select(q, scopes);
                    columns = output_names(q);
                }
                self.ctes.pop();
                ctes.insert(c.ctename.clone(), aliased.or(columns));
            }
        }
        self.ctes.push(ctes);
        if select.op() != SetOperation::SetopNone {
            for side in [&mut select.larg, &mut select.rarg] {
                if let Some(s) = side.as_deref_mut() {
                    self.select(s, scopes);
                }
            }
            // ORDER BY and LIMIT of a set operation name its output columns.
            self.ctes.pop();
            return;
        }
        scopes.push(Level::default());
        for from in &mut select.from_clause {
            self.add_from_item(from, scopes);
        }
        let outputs: Vec<String> = select
            .target_list
            .iter()
            .filter_map(|t| match t.node.as_ref() {
                Some(NodeEnum::ResTarget(t)) if !t.name.is_empty() => Some(t.name.clone()),
                _ => None,
            })
            .collect();
        for target in &mut select.target_list {
            if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut()
                && let Some(val) = t.val.as_deref_mut()
            {
                self.expr(val, scopes);
            }
        }
        for clause in [
            &mut select.where_clause,
            &mut select.having_clause,
            &mut select.limit_count,
            &mut select.limit_offset,
        ] {
            if let Some(n) = clause.as_deref_mut() {
                self.expr(n, scopes);
            }
        }
        for list in [
            &mut select.group_clause,
            &mut select.distinct_clause,
            &mut select.window_clause,
        ] {
            for n in list.iter_mut() {
                self.expr(n, scopes);
            }
        }
        for row in &mut select.values_lists {
            self.expr(row, scopes);
        }
        for sort in &mut select.sort_clause {
            // `ORDER BY name` of an output column names that output, not an input column.
            if let Some(NodeEnum::SortBy(s)) = sort.node.as_ref()
                && let Some(NodeEnum::ColumnRef(c)) =
                    s.node.as_deref().and_then(|n| n.node.as_ref())
                && let [field] = c.fields.as_slice()
                && nodes::string(field).is_some_and(|f| outputs.iter().any(|o| o == f))
            {
                continue;
            }
            self.expr(sort, scopes);
        }
        scopes.pop();
        self.ctes.pop();
    }

    fn cte_columns(&self, name: &str) -> Option<Option<Vec<String>>> {
        self.ctes
            .iter()
            .rev()
            .find_map(|level| level.get(name).cloned())
    }

    /// Adds the items of one FROM entry to the innermost level; returns the range of
    /// items it added.
    fn add_from_item(
        &mut self,
        from: &mut Node,
        scopes: &mut Vec<Level>,
    ) -> std::ops::Range<usize> {
        let start = scopes.last().map_or(0, |l| l.items.len());
        match from.node.as_mut() {
            Some(NodeEnum::RangeVar(rv)) => {
                let token = self.token();
                let cte = if rv.schemaname.is_empty() {
                    self.cte_columns(&rv.relname)
                } else {
                    None
                };
                let mut columns = match cte {
                    Some(columns) => columns,
                    None => self.columns_of.and_then(|f| {
                        f(&QualifiedName::new(
                            rv.schemaname.as_str(),
                            rv.relname.as_str(),
                        ))
                    }),
                };
                let visible = match &rv.alias {
                    Some(a) => {
                        columns = renamed(columns, &a.colnames);
                        a.aliasname.clone()
                    }
                    None => rv.relname.clone(),
                };
                let colnames = rv.alias.take().map(|a| a.colnames).unwrap_or_default();
                let relation = (!rv.schemaname.is_empty())
                    .then(|| QualifiedName::new(rv.schemaname.as_str(), rv.relname.as_str()));
                self.sources.insert(token.clone(), relation);
                rv.alias = Some(Alias {
                    aliasname: token.clone(),
                    colnames,
                });
                self.push(scopes, visible, rv.schemaname.clone(), token, columns);
            }
            Some(NodeEnum::RangeSubselect(r)) => {
                let mut columns = None;
                if let Some(NodeEnum::SelectStmt(q)) =
                    r.subquery.as_deref_mut().and_then(|q| q.node.as_mut())
                {
                    // A LATERAL subquery sees the items before it; others see only the
                    // enclosing queries.
                    if r.lateral {
                        self.select(q, scopes);
                    } else {
                        let level = scopes.pop().unwrap_or_default();
                        self.select(q, scopes);
                        scopes.push(level);
                    }
                    columns = output_names(q);
                }
                self.aliased(&mut r.alias, columns, scopes);
            }
            Some(NodeEnum::RangeFunction(f)) => {
                for function in &mut f.functions {
                    self.expr(function, scopes);
                }
                let columns = f
                    .alias
                    .as_ref()
                    .filter(|a| !a.colnames.is_empty())
                    .map(|a| nodes::strings(&a.colnames));
                self.aliased(&mut f.alias, columns, scopes);
                // The catalog names every column of a function in FROM (`g(g)`), which a
                // file seldom does; references name the columns they read.
                if let Some(a) = f.alias.as_mut() {
                    a.colnames.clear();
                }
            }
            Some(NodeEnum::JoinExpr(j)) => {
                let left = match j.larg.as_deref_mut() {
                    Some(n) => self.add_from_item(n, scopes),
                    None => start..start,
                };
                let right = match j.rarg.as_deref_mut() {
                    Some(n) => self.add_from_item(n, scopes),
                    None => left.end..left.end,
                };
                let join = j.jointype();
                for column in nodes::strings(&j.using_clause) {
                    let level = scopes.last().expect("a level is pushed for every query");
                    let side = match join {
                        JoinType::JoinFull => None,
                        JoinType::JoinRight => Some(right.clone()),
                        _ => Some(left.clone()),
                    };
                    let token = side.and_then(|range| level.owner_in(range, &column));
                    scopes
                        .last_mut()
                        .expect("a level is pushed for every query")
                        .merged
                        .push((column, token));
                }
                if let Some(q) = j.quals.as_deref_mut() {
                    self.expr(q, scopes);
                }
                if j.alias.is_some() {
                    let level = scopes
                        .last_mut()
                        .expect("a level is pushed for every query");
                    let mut columns = Some(Vec::new());
                    for item in &mut level.items[left.start..right.end] {
                        if !item.hidden {
                            columns = match (columns, &item.columns) {
                                (Some(mut all), Some(c)) => {
                                    all.extend(c.iter().cloned());
                                    Some(all)
                                }
                                _ => None,
                            };
                        }
                        item.hidden = true;
                    }
                    self.aliased(&mut j.alias, columns, scopes);
                    // The catalog lists every column of an aliased join, as for functions.
                    if let Some(a) = j.alias.as_mut() {
                        a.colnames.clear();
                    }
                }
            }
            _ => {}
        }
        start..scopes.last().map_or(0, |l| l.items.len())
    }

    /// Adds an item known by its alias (a subquery, a function, an aliased join) and names
    /// the alias by the item's position.
    fn aliased(
        &mut self,
        alias: &mut Option<Alias>,
        columns: Option<Vec<String>>,
        scopes: &mut [Level],
    ) {
        let token = self.token();
        self.sources.insert(token.clone(), None);
        let (visible, columns) = match alias {
            Some(a) => {
                let visible = std::mem::replace(&mut a.aliasname, token.clone());
                (visible, renamed(columns, &a.colnames))
            }
            None => (String::new(), columns),
        };
        self.push(scopes, visible, String::new(), token, columns);
    }

    fn push(
        &mut self,
        scopes: &mut [Level],
        visible: String,
        schema: String,
        token: String,
        columns: Option<Vec<String>>,
    ) {
        if let Some(level) = scopes.last_mut() {
            level.items.push(Item {
                visible,
                schema,
                token,
                columns,
                hidden: false,
            });
        }
    }

    /// Rewrites the column references in an expression; subqueries open levels of their own.
    fn expr(&mut self, n: &mut Node, scopes: &mut Vec<Level>) {
        let Some(inner) = n.node.as_mut() else {
            return;
        };
        match inner {
            NodeEnum::ColumnRef(c) => qualify(&mut c.fields, scopes),
            NodeEnum::SubLink(s) => {
                if let Some(t) = s.testexpr.as_deref_mut() {
                    self.expr(t, scopes);
                }
                if let Some(NodeEnum::SelectStmt(q)) =
                    s.subselect.as_deref_mut().and_then(|q| q.node.as_mut())
                {
                    self.select(q, scopes);
                }
            }
            NodeEnum::ResTarget(t) => self.opt(&mut t.val, scopes),
            NodeEnum::AExpr(e) => {
                self.opt(&mut e.lexpr, scopes);
                self.opt(&mut e.rexpr, scopes);
            }
            NodeEnum::BoolExpr(e) => self.all(&mut e.args, scopes),
            NodeEnum::FuncCall(f) => {
                self.all(&mut f.args, scopes);
                self.all(&mut f.agg_order, scopes);
                self.opt(&mut f.agg_filter, scopes);
                if let Some(w) = f.over.as_deref_mut() {
                    self.all(&mut w.partition_clause, scopes);
                    self.all(&mut w.order_clause, scopes);
                }
            }
            NodeEnum::WindowDef(w) => {
                self.all(&mut w.partition_clause, scopes);
                self.all(&mut w.order_clause, scopes);
            }
            NodeEnum::TypeCast(c) => self.opt(&mut c.arg, scopes),
            NodeEnum::CollateClause(c) => self.opt(&mut c.arg, scopes),
            NodeEnum::NamedArgExpr(a) => self.opt(&mut a.arg, scopes),
            NodeEnum::CaseExpr(c) => {
                self.opt(&mut c.arg, scopes);
                self.all(&mut c.args, scopes);
                self.opt(&mut c.defresult, scopes);
            }
            NodeEnum::CaseWhen(w) => {
                self.opt(&mut w.expr, scopes);
                self.opt(&mut w.result, scopes);
            }
            NodeEnum::NullTest(t) => self.opt(&mut t.arg, scopes),
            NodeEnum::BooleanTest(t) => self.opt(&mut t.arg, scopes),
            NodeEnum::CoalesceExpr(c) => self.all(&mut c.args, scopes),
            NodeEnum::MinMaxExpr(m) => self.all(&mut m.args, scopes),
            NodeEnum::NullIfExpr(e) => self.all(&mut e.args, scopes),
            NodeEnum::RowExpr(r) => self.all(&mut r.args, scopes),
            NodeEnum::AArrayExpr(a) => self.all(&mut a.elements, scopes),
            NodeEnum::AIndirection(i) => {
                self.opt(&mut i.arg, scopes);
                self.all(&mut i.indirection, scopes);
            }
            NodeEnum::AIndices(i) => {
                self.opt(&mut i.lidx, scopes);
                self.opt(&mut i.uidx, scopes);
            }
            NodeEnum::SortBy(s) => self.opt(&mut s.node, scopes),
            NodeEnum::GroupingSet(g) => self.all(&mut g.content, scopes),
            NodeEnum::GroupingFunc(g) => self.all(&mut g.args, scopes),
            NodeEnum::XmlExpr(x) => {
                self.all(&mut x.named_args, scopes);
                self.all(&mut x.args, scopes);
            }
            NodeEnum::List(l) => self.all(&mut l.items, scopes),
            _ => {}
        }
    }

    fn all(&mut self, list: &mut [Node], scopes: &mut Vec<Level>) {
        for n in list {
            self.expr(n, scopes);
        }
    }

    fn opt(&mut self, n: &mut Option<Box<Node>>, scopes: &mut Vec<Level>) {
        if let Some(n) = n.as_deref_mut() {
            self.expr(n, scopes);
        }
    }
}

impl Level {
    /// The token of the one item among `range` that has `column` (a merged `USING` column
    /// of a join inside the range counts as its own).
    fn owner_in(&self, range: std::ops::Range<usize>, column: &str) -> Option<String> {
        let owners: Vec<&Item> = self.items[range]
            .iter()
            .filter(|i| {
                !i.hidden
                    && i.columns
                        .as_ref()
                        .is_some_and(|c| c.iter().any(|c| c == column))
            })
            .collect();
        match owners.as_slice() {
            [one] => Some(one.token.clone()),
            // A merged column is printed with the first side's qualifier.
            [first, ..] => Some(first.token.clone()),
            [] => None,
        }
    }
}

/// Names `fields` (a column reference) by the token of the item it reads.
fn qualify(fields: &mut Vec<Node>, scopes: &[Level]) {
    let names: Vec<Option<&str>> = fields.iter().map(nodes::string).collect();
    let star = matches!(
        fields.last().and_then(|f| f.node.as_ref()),
        Some(NodeEnum::AStar(_))
    );
    let resolved = match names.as_slice() {
        // `schema.relation.column`
        [Some(schema), Some(relation), _] => {
            find(scopes, |i| i.visible == *relation && i.schema == *schema)
                .map(|token| (token, 2))
                .or_else(|| find(scopes, |i| i.visible == *schema).map(|token| (token, 1)))
        }
        [Some(qualifier), ..] if fields.len() > 1 => {
            find(scopes, |i| i.visible == *qualifier).map(|token| (token, 1))
        }
        [Some(column)] if !star => match unqualified(scopes, column) {
            Some(token) => Some((token, 0)),
            // Not a column: the whole row of the item of that name (`f(t)`).
            None => find(scopes, |i| i.visible == *column).map(|token| (token, 1)),
        },
        _ => None,
    };
    match resolved {
        Some((token, consumed)) => {
            fields.drain(..consumed);
            fields.insert(0, string(&token));
        }
        // An unknown qualifier is dropped; an unresolved bare name stays bare.
        None if fields.len() > 1 && !star => {
            let last = fields.pop();
            *fields = last.into_iter().collect();
        }
        None => {}
    }
}

/// The token of the innermost visible item that `matches`.
fn find(scopes: &[Level], matches: impl Fn(&Item) -> bool) -> Option<String> {
    scopes.iter().rev().find_map(|level| {
        level
            .items
            .iter()
            .rev()
            .find(|i| !i.hidden && matches(i))
            .map(|i| i.token.clone())
    })
}

/// The token of the item an unqualified `column` reads: the innermost level where some item
/// has it (or the one item there whose columns are unknown).
fn unqualified(scopes: &[Level], column: &str) -> Option<String> {
    for level in scopes.iter().rev() {
        if let Some((_, token)) = level.merged.iter().find(|(c, _)| c == column) {
            return token.clone();
        }
        let visible: Vec<&Item> = level.items.iter().filter(|i| !i.hidden).collect();
        let owners: Vec<&&Item> = visible
            .iter()
            .filter(|i| {
                i.columns
                    .as_ref()
                    .is_some_and(|c| c.iter().any(|c| c == column))
            })
            .collect();
        let unknown = visible.iter().filter(|i| i.columns.is_none()).count();
        match (owners.as_slice(), unknown) {
            // Two items of one query with the column would make it ambiguous, so an item
            // known to have it is the one, whatever the items of unknown columns hold.
            ([one], _) => return Some(one.token.clone()),
            ([], 0) => continue,
            // The one item whose columns are unknown.
            ([], 1) => {
                return visible
                    .iter()
                    .find(|i| i.columns.is_none())
                    .map(|i| i.token.clone());
            }
            _ => return None,
        }
    }
    None
}

/// `columns` with the first ones renamed by an alias's column list.
fn renamed(columns: Option<Vec<String>>, colnames: &[Node]) -> Option<Vec<String>> {
    let names = nodes::strings(colnames);
    if names.is_empty() {
        return columns;
    }
    match columns {
        Some(mut columns) => {
            for (c, n) in columns.iter_mut().zip(&names) {
                *c = n.clone();
            }
            if names.len() > columns.len() {
                columns.extend(names[columns.len()..].iter().cloned());
            }
            Some(columns)
        }
        None => Some(names),
    }
}

/// The output column names of a query, when none of them is `*`.
fn output_names(select: &SelectStmt) -> Option<Vec<String>> {
    if let Some(left) = select.larg.as_deref() {
        return output_names(left);
    }
    select
        .target_list
        .iter()
        .map(|t| match t.node.as_ref() {
            Some(NodeEnum::ResTarget(t)) if !t.name.is_empty() => Some(t.name.clone()),
            Some(NodeEnum::ResTarget(t)) => match t.val.as_deref()?.node.as_ref()? {
                NodeEnum::ColumnRef(c) => match c.fields.last()?.node.as_ref()? {
                    NodeEnum::AStar(_) => None,
                    _ => c.fields.last().and_then(nodes::string).map(str::to_string),
                },
                _ => super::view::implicit(t.val.as_deref()?),
            },
            _ => None,
        })
        .collect()
}

fn string(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: s.to_string(),
        })),
    }
}

#[cfg(test)]
mod tests {
    use crate::postgres::{apply_statement, catalog_view_key};
    use schema_ir::{QualifiedName, Schema};

    const TABLES: &str = "CREATE TABLE a (id int, name text, created_at timestamptz);
        CREATE TABLE b (id int, aid int, name text);";

    /// The key of view `v` as a file defines it.
    fn file_key(view: &str) -> String {
        let mut schema = Schema::postgres();
        apply_statement(&mut schema, TABLES).unwrap();
        apply_statement(&mut schema, &format!("CREATE VIEW v AS {view}")).unwrap();
        schema.views[&QualifiedName::new("public", "v")]
            .definition
            .key
            .clone()
    }

    #[test]
    fn a_file_and_the_catalog_agree_on_which_item_a_column_reads() {
        // What a file writes, and what pg_get_viewdef prints for it.
        for (written, printed) in [
            ("SELECT name FROM a", "SELECT a.name FROM public.a"),
            (
                "SELECT x.name FROM a x JOIN b ON b.aid = x.id",
                "SELECT x.name FROM public.a x JOIN public.b ON b.aid = x.id",
            ),
            (
                "SELECT id, a.name FROM a JOIN b USING (id)",
                "SELECT a.id, a.name FROM public.a JOIN public.b USING (id)",
            ),
            (
                "SELECT id FROM a FULL JOIN b USING (id)",
                "SELECT id FROM public.a FULL JOIN public.b USING (id)",
            ),
            (
                "SELECT name FROM a WHERE EXISTS (SELECT 1 FROM b WHERE aid = a.id)",
                "SELECT a.name FROM public.a WHERE (EXISTS ( SELECT 1 FROM public.b WHERE b.aid = a.id))",
            ),
            (
                "SELECT a.name FROM a WHERE EXISTS (SELECT 1 FROM a AS inner_a WHERE inner_a.id > a.id)",
                "SELECT a.name FROM public.a WHERE (EXISTS ( SELECT 1 FROM public.a a_1 WHERE a_1.id > a.id))",
            ),
            (
                "SELECT j.id FROM (a JOIN b USING (id)) j",
                "SELECT j.id FROM (public.a JOIN public.b USING (id)) j(id, name, created_at, aid, name_1)",
            ),
            (
                "SELECT name, n FROM a, generate_series(1, 3) n",
                "SELECT a.name, n.n FROM public.a, generate_series(1, 3) n(n)",
            ),
        ] {
            let printed = catalog_view_key(printed).unwrap().key;
            assert_eq!(file_key(written), printed, "{written}");
        }
    }

    #[test]
    fn reading_a_column_of_the_same_name_elsewhere_is_a_change() {
        let join = "FROM a JOIN b ON b.aid = a.id";
        assert_ne!(
            file_key(&format!("SELECT a.name {join}")),
            file_key(&format!("SELECT b.name {join}"))
        );
        let self_join = "FROM a x JOIN a y ON y.id = x.id + 1";
        assert_ne!(
            file_key(&format!("SELECT x.name {self_join}")),
            file_key(&format!("SELECT y.name {self_join}"))
        );
    }
}

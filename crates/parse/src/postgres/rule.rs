//! Rewrite rules: `CREATE [OR REPLACE] RULE`, `DROP RULE`, `ALTER RULE … RENAME`,
//! `COMMENT ON RULE` and `ALTER TABLE … ENABLE|DISABLE RULE`. The catalog side reads
//! `pg_get_ruledef` through the same code. The condition is keyed like a trigger's `WHEN`
//! (`new.x` and `old.x` kept apart, literals typed by the columns they are compared with);
//! an `INSERT`, `UPDATE` or `DELETE` action like a statement of a SQL-standard body, with
//! the columns an `INSERT` fills written out as the catalog prints them; a `SELECT` like a
//! view's query; anything else (`NOTIFY`) as deparsed. Rules on views are warnings.

use super::{Reader, Res, display_rv, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterTableType, CmdType, CommentStmt, DropStmt, Node, ObjectType, RangeVar, RenameStmt,
    ResTarget, RuleStmt,
};
use schema_ir::{Expr, QualifiedName, Rule, RuleEvent, TriggerEnabled};
use std::collections::BTreeSet;

/// Whether a DROP/COMMENT/RENAME object type is a rule.
pub(crate) fn is_rule_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectRule)
}

/// The state an `ALTER TABLE … ENABLE|DISABLE RULE name` subcommand sets, if it is one.
pub(crate) fn enabled_state(subtype: AlterTableType) -> Option<TriggerEnabled> {
    match subtype {
        AlterTableType::AtEnableRule => Some(TriggerEnabled::Origin),
        AlterTableType::AtDisableRule => Some(TriggerEnabled::Disabled),
        AlterTableType::AtEnableReplicaRule => Some(TriggerEnabled::Replica),
        AlterTableType::AtEnableAlwaysRule => Some(TriggerEnabled::Always),
        _ => None,
    }
}

/// `[schema.]table.rule` parts of a DROP/COMMENT object.
fn object_names(object: Option<&Node>) -> Vec<String> {
    match object.and_then(|o| o.node.as_ref()) {
        Some(NodeEnum::List(list)) => nodes::strings(&list.items),
        _ => Vec::new(),
    }
}

/// The relation an `INSERT`, `UPDATE` or `DELETE` writes.
fn target_mut(stmt: &mut Node) -> Option<&mut RangeVar> {
    match stmt.node.as_mut()? {
        NodeEnum::InsertStmt(s) => s.relation.as_mut(),
        NodeEnum::UpdateStmt(s) => s.relation.as_mut(),
        NodeEnum::DeleteStmt(s) => s.relation.as_mut(),
        _ => None,
    }
}

/// `new.*` or `old.*` as the columns of `table`, one reference each; any other value as it is.
fn expand_row(item: Node, table: &schema_ir::Table) -> Vec<Node> {
    let Some(NodeEnum::ColumnRef(c)) = item.node.as_ref() else {
        return vec![item];
    };
    let row = match c.fields.as_slice() {
        [row, star] if matches!(star.node, Some(NodeEnum::AStar(_))) => nodes::string(row),
        _ => None,
    };
    let Some(row @ ("new" | "old")) = row else {
        return vec![item];
    };
    table
        .columns
        .iter()
        .map(|column| Node {
            node: Some(NodeEnum::ColumnRef(pg_query::protobuf::ColumnRef {
                fields: [row, column.name.as_str()]
                    .into_iter()
                    .map(|s| Node {
                        node: Some(NodeEnum::String(pg_query::protobuf::String {
                            sval: s.to_string(),
                        })),
                    })
                    .collect(),
                location: 0,
            })),
        })
        .collect()
}

/// The number of values in one row of `VALUES`.
fn row_width(row: &Node) -> usize {
    match row.node.as_ref() {
        Some(NodeEnum::List(l)) => l.items.len(),
        _ => 0,
    }
}

impl Reader<'_> {
    pub(crate) fn create_rule(&mut self, stmt: &RuleStmt) -> Res<()> {
        let rv = stmt
            .relation
            .as_ref()
            .ok_or("CREATE RULE without a table")?;
        let Some(table) = self.find_table(rv) else {
            if self.is_unmanaged(rv)
                || self
                    .resolve(&rv.schemaname, &rv.relname, |q| {
                        self.schema.views.contains_key(q)
                    })
                    .is_some()
            {
                self.warn(
                    "rules on views and unmanaged relations are not managed; statement ignored",
                );
                return Ok(());
            }
            return Err(format!("relation {} does not exist", display_rv(rv)));
        };
        if stmt.rulename == "_RETURN" {
            return Err("a \"_RETURN\" rule turns a table into a view; write CREATE VIEW".into());
        }
        let event = match CmdType::try_from(stmt.event) {
            Ok(CmdType::CmdSelect) => RuleEvent::Select,
            Ok(CmdType::CmdInsert) => RuleEvent::Insert,
            Ok(CmdType::CmdUpdate) => RuleEvent::Update,
            Ok(CmdType::CmdDelete) => RuleEvent::Delete,
            _ => return Err("CREATE RULE without an event".into()),
        };
        let condition = self.optional_table_expr(stmt.where_clause.as_deref(), &table)?;
        let mut actions = Vec::new();
        let mut references = BTreeSet::new();
        for action in &stmt.actions {
            actions.push(self.rule_action(action, &table, &mut references)?);
        }
        references.remove(&table);
        let rule = Rule {
            name: stmt.rulename.clone(),
            event,
            instead: stmt.instead,
            condition,
            actions,
            references,
            enabled: TriggerEnabled::Origin,
            comment: None,
        };
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        let mut rule = rule;
        if let Some(old) = t.rules.get(&rule.name) {
            if !stmt.replace {
                return Err(format!(
                    "rule \"{}\" for relation {table} already exists",
                    rule.name
                ));
            }
            rule.comment = old.comment.clone();
            rule.enabled = old.enabled;
        }
        t.rules.insert(rule.name.clone(), rule);
        Ok(())
    }

    /// One action of a rule: the SQL to run (relations schema-qualified) and its key; the
    /// relations it names go into `references`.
    fn rule_action(
        &self,
        action: &Node,
        table: &QualifiedName,
        references: &mut BTreeSet<QualifiedName>,
    ) -> Res<Expr> {
        if let Some(NodeEnum::SelectStmt(select)) = action.node.as_ref() {
            let (sql, key) = self.query_key(select)?;
            references.extend(key.references);
            return Ok(Expr::new(sql, key.key));
        }
        let mut written = action.clone();
        if let Some(rv) = target_mut(&mut written) {
            let relation = self
                .resolve(&rv.schemaname, &rv.relname, |q| {
                    self.schema.tables.contains_key(q) || self.schema.views.contains_key(q)
                })
                .ok_or_else(|| format!("relation {} does not exist", display_rv(rv)))?;
            rv.schemaname = relation.schema.clone();
            references.insert(relation.clone());
            // The catalog prints `new.*` as the columns of the rule's table, and the
            // columns an INSERT without a column list fills.
            if let Some(NodeEnum::InsertStmt(insert)) = written.node.as_mut()
                && let Some(NodeEnum::SelectStmt(values)) = insert
                    .select_stmt
                    .as_deref_mut()
                    .and_then(|s| s.node.as_mut())
                && let Some(own) = self.schema.tables.get(table)
            {
                for row in &mut values.values_lists {
                    if let Some(NodeEnum::List(l)) = row.node.as_mut() {
                        l.items = l
                            .items
                            .drain(..)
                            .flat_map(|item| expand_row(item, own))
                            .collect();
                    }
                }
            }
            if let Some(NodeEnum::InsertStmt(insert)) = written.node.as_mut()
                && insert.cols.is_empty()
                && let Some(t) = self.schema.tables.get(&relation)
            {
                let width = match insert.select_stmt.as_deref().and_then(|s| s.node.as_ref()) {
                    Some(NodeEnum::SelectStmt(s)) if !s.values_lists.is_empty() => {
                        s.values_lists.iter().map(row_width).max().unwrap_or(0)
                    }
                    Some(NodeEnum::SelectStmt(s)) => s.target_list.len(),
                    _ => 0,
                };
                insert.cols = t
                    .columns
                    .iter()
                    .take(width)
                    .map(|c| Node {
                        node: Some(NodeEnum::ResTarget(Box::new(ResTarget {
                            name: c.name.clone(),
                            ..Default::default()
                        }))),
                    })
                    .collect();
            }
        }
        let sql = super::function::deparse_statement(&written)?;
        let key = self.statement_key(written)?;
        Ok(Expr::new(sql, key))
    }

    /// The table and rule name of `[schema.]table.rule`.
    fn rule_of(&self, names: &[String]) -> Res<Option<(QualifiedName, String)>> {
        self.table_member(names, "rule", |t, n| t.rules.contains_key(n))
    }

    pub(crate) fn drop_rule(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let names = object_names(Some(object));
            match self.rule_of(&names)? {
                Some((table, name)) => {
                    if let Some(t) = self.schema.tables.get_mut(&table) {
                        t.rules.remove(&name);
                    }
                }
                None if stmt.missing_ok => {}
                None => return Err(format!("rule {} does not exist", names.join("."))),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_rule(&mut self, stmt: &CommentStmt) -> Res<()> {
        let names = object_names(stmt.object.as_deref());
        let (table, name) = self
            .rule_of(&names)?
            .ok_or_else(|| format!("rule {} does not exist", names.join(".")))?;
        if let Some(r) = self
            .schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.rules.get_mut(&name))
        {
            r.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        }
        Ok(())
    }

    pub(crate) fn rename_rule(&mut self, stmt: &RenameStmt) -> Res<()> {
        let rv = stmt.relation.as_ref().ok_or("ALTER RULE without a table")?;
        let table = self.table(rv)?;
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        let mut rule = t.rules.remove(&stmt.subname).ok_or_else(|| {
            format!(
                "rule \"{}\" for relation {table} does not exist",
                stmt.subname
            )
        })?;
        rule.name = stmt.newname.clone();
        t.rules.insert(rule.name.clone(), rule);
        Ok(())
    }

    /// `ALTER TABLE … ENABLE|DISABLE [REPLICA|ALWAYS] RULE name`.
    pub(crate) fn set_rule_enabled(
        &mut self,
        table: &QualifiedName,
        name: &str,
        state: TriggerEnabled,
    ) -> Res<()> {
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        let rule = t
            .rules
            .get_mut(name)
            .ok_or_else(|| format!("rule \"{name}\" for relation {table} does not exist"))?;
        rule.enabled = state;
        Ok(())
    }
}

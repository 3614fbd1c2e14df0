//! Extended statistics: `CREATE STATISTICS` (kinds, columns and expressions, a name chosen
//! as PostgreSQL does when none is given), `ALTER STATISTICS … SET STATISTICS`, `RENAME`,
//! `SET SCHEMA`, `DROP` and `COMMENT`. A parenthesized plain column is a column, as
//! PostgreSQL takes it; columns are kept in the table's column order.

use super::{Reader, Res, nodes, split_names};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterObjectSchemaStmt, AlterStatsStmt, CommentStmt, CreateStatsStmt, DropStmt, Node,
    ObjectType, RenameStmt,
};
use schema_ir::{ExtendedStatistics, QualifiedName, STATISTICS_KINDS};

pub(crate) fn is_statistics_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectStatisticExt)
}

fn names_of(node: Option<&Node>) -> Vec<String> {
    match node.and_then(|n| n.node.as_ref()) {
        Some(NodeEnum::List(l)) => nodes::strings(&l.items),
        Some(NodeEnum::String(s)) => vec![s.sval.clone()],
        _ => Vec::new(),
    }
}

impl Reader<'_> {
    /// The table holding statistics object `names`, and its full name.
    fn find_statistics(&self, names: &[String]) -> Option<(QualifiedName, QualifiedName)> {
        let (schema, name) = split_names(names)?;
        let holder = |q: &QualifiedName| {
            self.schema
                .tables
                .iter()
                .find(|(_, t)| t.statistics.contains_key(q))
                .map(|(n, _)| n.clone())
        };
        let found = self.resolve(schema, name, |q| holder(q).is_some())?;
        Some((holder(&found)?, found))
    }

    pub(crate) fn create_statistics(&mut self, stmt: &CreateStatsStmt) -> Res<()> {
        let [relation] = stmt.relations.as_slice() else {
            return Err("only a single relation is allowed in CREATE STATISTICS".into());
        };
        let Some(NodeEnum::RangeVar(rv)) = relation.node.as_ref() else {
            return Err("CREATE STATISTICS only supports relation names in the FROM clause".into());
        };
        let Some(table) = self.find_table(rv) else {
            let view = self.resolve(&rv.schemaname, &rv.relname, |q| {
                self.schema.views.contains_key(q)
            });
            if self.is_unmanaged(rv) || view.is_some() {
                self.warn(
                    "statistics on a relation that is not a managed table; statement ignored",
                );
                return Ok(());
            }
            return Err(format!("relation {} does not exist", super::display_rv(rv)));
        };
        let mut columns = Vec::new();
        let mut expressions = Vec::new();
        for e in &stmt.exprs {
            let Some(NodeEnum::StatsElem(elem)) = e.node.as_ref() else {
                continue;
            };
            let column = match elem.expr.as_deref().and_then(|x| x.node.as_ref()) {
                None => Some(elem.name.clone()),
                Some(NodeEnum::ColumnRef(c)) if c.fields.len() == 1 => {
                    nodes::strings(&c.fields).pop()
                }
                Some(_) => None,
            };
            match column {
                Some(c) => {
                    if self.schema.tables[&table].column(&c).is_none() {
                        return Err(format!("column \"{c}\" does not exist"));
                    }
                    if columns.contains(&c) {
                        return Err("duplicate column name in statistics definition".into());
                    }
                    columns.push(c);
                }
                None => expressions.push(self.expr(elem.expr.as_deref().expect("matched"))?),
            }
        }
        if columns.len() + expressions.len() > 8 {
            return Err("cannot have more than 8 columns in statistics".into());
        }
        let t = &self.schema.tables[&table];
        columns.sort_by_key(|c| t.columns.iter().position(|x| x.name == *c));
        let requested = nodes::strings(&stmt.stat_types);
        if let Some(unknown) = requested
            .iter()
            .find(|k| !STATISTICS_KINDS.contains(&k.as_str()))
        {
            return Err(format!("unrecognized statistics kind \"{unknown}\""));
        }
        let single_expression = columns.is_empty() && expressions.len() == 1;
        if single_expression && !requested.is_empty() {
            return Err(
                "when building statistics on a single expression, statistics kinds may not be specified"
                    .into(),
            );
        }
        if !single_expression && columns.len() + expressions.len() < 2 {
            return Err("extended statistics require at least 2 columns".into());
        }
        let kinds = if single_expression {
            Vec::new()
        } else {
            STATISTICS_KINDS
                .iter()
                .filter(|k| requested.is_empty() || requested.iter().any(|r| r == *k))
                .map(|k| k.to_string())
                .collect()
        };
        let names = nodes::strings(&stmt.defnames);
        let name = match split_names(&names) {
            Some(("", n)) => QualifiedName::new(self.creation_schema(), n),
            Some((s, n)) => QualifiedName::new(s, n),
            None => self.statistics_name(&table, &columns, expressions.len()),
        };
        self.require_namespace(&name.schema)?;
        if self
            .find_statistics(&[name.schema.clone(), name.name.clone()])
            .is_some()
        {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!("statistics object \"{name}\" already exists"));
        }
        let statistics = ExtendedStatistics {
            name: name.clone(),
            kinds,
            columns,
            expressions,
            target: None,
            comment: None,
        };
        self.schema
            .tables
            .get_mut(&table)
            .expect("found above")
            .statistics
            .insert(name, statistics);
        Ok(())
    }

    /// The name PostgreSQL gives statistics created without one: the table, the columns
    /// (`expr` for an expression) and `stat`, made unique with a number.
    fn statistics_name(
        &self,
        table: &QualifiedName,
        columns: &[String],
        expressions: usize,
    ) -> QualifiedName {
        let mut parts: Vec<&str> = columns.iter().map(String::as_str).collect();
        parts.extend(std::iter::repeat_n("expr", expressions));
        let base = format!("{}_{}", table.name, parts.join("_"));
        (0..)
            .map(|i| {
                let suffix = if i == 0 {
                    "stat".to_string()
                } else {
                    format!("stat{i}")
                };
                let mut base = base.clone();
                while base.len() + suffix.len() + 1 > 63 {
                    base.pop();
                }
                QualifiedName::new(table.schema.as_str(), format!("{base}_{suffix}"))
            })
            .find(|q| {
                self.find_statistics(&[q.schema.clone(), q.name.clone()])
                    .is_none()
            })
            .expect("some name is free")
    }

    pub(crate) fn alter_statistics(&mut self, stmt: &AlterStatsStmt) -> Res<()> {
        let names = nodes::strings(&stmt.defnames);
        let Some((table, name)) = self.find_statistics(&names) else {
            if stmt.missing_ok {
                return Ok(());
            }
            return Err(format!(
                "statistics object \"{}\" does not exist",
                names.join(".")
            ));
        };
        let target = stmt
            .stxstattarget
            .as_deref()
            .and_then(nodes::integer)
            .filter(|t| *t >= 0)
            .map(|t| t.min(10_000) as i32);
        if let Some(s) = self
            .schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.statistics.get_mut(&name))
        {
            s.target = target;
        }
        Ok(())
    }

    pub(crate) fn drop_statistics(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let names = names_of(Some(object));
            match self.find_statistics(&names) {
                Some((table, name)) => {
                    if let Some(t) = self.schema.tables.get_mut(&table) {
                        t.statistics.remove(&name);
                    }
                }
                None if stmt.missing_ok => {}
                None => {
                    return Err(format!(
                        "statistics object \"{}\" does not exist",
                        names.join(".")
                    ));
                }
            }
        }
        Ok(())
    }

    pub(crate) fn comment_statistics(&mut self, stmt: &CommentStmt) -> Res<()> {
        let names = names_of(stmt.object.as_deref());
        let (table, name) = self
            .find_statistics(&names)
            .ok_or_else(|| format!("statistics object \"{}\" does not exist", names.join(".")))?;
        if let Some(s) = self
            .schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.statistics.get_mut(&name))
        {
            s.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        }
        Ok(())
    }

    pub(crate) fn rename_statistics(&mut self, stmt: &RenameStmt) -> Res<()> {
        self.move_statistics(stmt.object.as_deref(), stmt.missing_ok, |q| {
            QualifiedName::new(q.schema.as_str(), stmt.newname.as_str())
        })
    }

    pub(crate) fn set_statistics_schema(&mut self, stmt: &AlterObjectSchemaStmt) -> Res<()> {
        self.require_namespace(&stmt.newschema)?;
        self.move_statistics(stmt.object.as_deref(), stmt.missing_ok, |q| {
            QualifiedName::new(stmt.newschema.as_str(), q.name.as_str())
        })
    }

    fn move_statistics(
        &mut self,
        object: Option<&Node>,
        missing_ok: bool,
        to: impl Fn(&QualifiedName) -> QualifiedName,
    ) -> Res<()> {
        let names = names_of(object);
        let Some((table, from)) = self.find_statistics(&names) else {
            if missing_ok {
                return Ok(());
            }
            return Err(format!(
                "statistics object \"{}\" does not exist",
                names.join(".")
            ));
        };
        let new = to(&from);
        if self
            .find_statistics(&[new.schema.clone(), new.name.clone()])
            .is_some()
        {
            return Err(format!("statistics object \"{new}\" already exists"));
        }
        let t = self.schema.tables.get_mut(&table).expect("found above");
        let mut s = t.statistics.remove(&from).expect("found above");
        s.name = new.clone();
        t.statistics.insert(new, s);
        Ok(())
    }
}

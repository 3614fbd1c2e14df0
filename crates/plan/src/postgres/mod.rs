//! The PostgreSQL dialect of the planner: turns each [`Change`] into planned steps (SQL text,
//! lock, hazards, and the resources the orderer needs). Table-level changes live here;
//! column alterations in `columns`, enum types and sequences in `objects`, renames in
//! `renames`.

mod aggregates;
mod columns;
mod domains;
mod event_triggers;
mod extensions;
mod functions;
mod grants;
mod objects;
mod online;
mod partitions;
mod policies;
mod publications;
mod renames;
mod rules;
pub(crate) mod sql;
mod statistics;
mod text_search;
mod triggers;
pub(crate) mod types;
mod views;

use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use petgraph::graph::DiGraph;
use schema_diff::{Change, CommentTarget};
use schema_ir::{
    Column, DataType, Exclusion, ForeignKey, Index, IndexTarget, QualifiedName, Schema, Table,
    UniqueConstraint, quote_ident, quote_literal,
};
use std::collections::{BTreeMap, BTreeSet};

/// A step whose SQL writes a value that the plan adds to an existing enum type (a check
/// `value <> 'stale'`, a default, a view's filter) runs after the value is added: PostgreSQL
/// rejects the literal before. The literal is matched as written, so a step naming the same
/// text for another reason merely waits for the value too.
pub(crate) fn after_added_enum_values(groups: &mut [Vec<Planned>]) {
    let added: Vec<(Resource, String)> = groups
        .iter()
        .flatten()
        .filter(|p| p.step.kind == "add_enum_value")
        .flat_map(|p| p.provides.iter())
        .filter_map(|r| match r {
            Resource::EnumValue(_, value) => Some((r.clone(), quote_literal(value))),
            _ => None,
        })
        .collect();
    if added.is_empty() {
        return;
    }
    for planned in groups.iter_mut().flatten() {
        if planned.step.kind == "add_enum_value" {
            continue;
        }
        for (resource, literal) in &added {
            if planned.step.sql.contains(literal.as_str()) {
                planned.requires.push(resource.clone());
            }
        }
    }
}

/// What the planner knows about the whole set of changes when planning one of them.
pub(crate) struct Context<'a> {
    pub(crate) from: &'a Schema,
    pub(crate) to: &'a Schema,
    /// Online forms for changes to existing tables (`--no-online` turns them off).
    online: bool,
    /// The PostgreSQL major version planned for.
    version: u32,
    /// `USING` expressions of type changes, by (table, column).
    pub(crate) casts: &'a crate::Casts,
    /// Indexes whose definition changes (dropped and created under the same name), planned
    /// as one replacement when online.
    replaced_indexes: BTreeSet<(QualifiedName, String)>,
    /// Checks and foreign keys the plan adds (a validation of one of them is part of it).
    added_constraints: BTreeSet<(QualifiedName, String)>,
    dropped_tables: BTreeSet<QualifiedName>,
    dropped_columns: BTreeSet<(QualifiedName, String)>,
    /// Foreign keys of dropped tables that sit in a reference cycle among dropped tables:
    /// dropped explicitly first, so the tables can then be dropped in any order.
    cycle_fks: BTreeSet<(QualifiedName, String)>,
    /// Tables dropped and created again because their partition key changes.
    pub(crate) repartitioned: BTreeSet<QualifiedName>,
    /// Signatures of the routines the plan creates (a drop of one of them is a re-creation).
    pub(crate) created_functions: BTreeSet<String>,
    /// Types rebuilt beside their old versions, which keep existing as `name__old` until
    /// their columns are converted.
    rebuilt_types: BTreeSet<QualifiedName>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        from: &'a Schema,
        to: &'a Schema,
        changes: &[Change],
        options: &'a crate::PlanOptions,
    ) -> Context<'a> {
        let mut dropped_indexes = BTreeMap::new();
        let mut created_indexes = Vec::new();
        let mut added_constraints = BTreeSet::new();
        let mut retyped = BTreeSet::new();
        for change in changes {
            match change {
                Change::AlterColumn { table, from, to } if from.data_type != to.data_type => {
                    retyped.insert((table.clone(), from.name.clone()));
                }
                Change::DropIndex { table, index } => {
                    dropped_indexes.insert((table.clone(), index.name.clone()), index);
                }
                Change::CreateIndex { table, index } => created_indexes.push((table, index)),
                Change::AddCheck { table, check } => {
                    added_constraints.insert((table.clone(), check.name.clone()));
                }
                Change::AddForeignKey { table, foreign_key } => {
                    added_constraints.insert((table.clone(), foreign_key.name.clone()));
                }
                _ => {}
            }
        }
        let uncommented = |i: &Index| Index {
            comment: None,
            ..i.clone()
        };
        let replaced_indexes = created_indexes
            .into_iter()
            .filter(|(table, index)| {
                dropped_indexes
                    .get(&((*table).clone(), index.name.clone()))
                    .is_some_and(|old| uncommented(old) != uncommented(index))
            })
            .map(|(table, index)| (table.clone(), index.name.clone()))
            .collect();
        let mut dropped_tables = BTreeSet::new();
        let mut dropped_columns = BTreeSet::new();
        let mut tables = Vec::new();
        let mut created_functions = BTreeSet::new();
        let mut created_tables = BTreeSet::new();
        for change in changes {
            match change {
                Change::CreateFunction(f) => {
                    created_functions.insert(f.signature());
                }
                Change::CreateTable(t) => {
                    created_tables.insert(t.name.clone());
                }
                Change::DropTable(t) => {
                    dropped_tables.insert(t.name.clone());
                    tables.push(t);
                }
                Change::DropColumn { table, column } => {
                    dropped_columns.insert((table.clone(), column.name.clone()));
                }
                _ => {}
            }
        }
        let mut graph = DiGraph::<&QualifiedName, ()>::new();
        let nodes: BTreeMap<&QualifiedName, _> = tables
            .iter()
            .map(|t| (&t.name, graph.add_node(&t.name)))
            .collect();
        for t in &tables {
            for fk in t.foreign_keys.values() {
                if let Some(&target) = nodes.get(&fk.references) {
                    graph.add_edge(nodes[&t.name], target, ());
                }
            }
        }
        let mut component = BTreeMap::new();
        for (i, scc) in petgraph::algo::tarjan_scc(&graph).into_iter().enumerate() {
            if scc.len() > 1 {
                for n in scc {
                    component.insert(graph[n].clone(), i);
                }
            }
        }
        let mut cycle_fks = BTreeSet::new();
        for t in &tables {
            for fk in t.foreign_keys.values() {
                if fk.references != t.name
                    && component.contains_key(&t.name)
                    && component.get(&t.name) == component.get(&fk.references)
                {
                    cycle_fks.insert((t.name.clone(), fk.name.clone()));
                }
            }
        }
        let repartitioned = dropped_tables
            .intersection(&created_tables)
            .cloned()
            .collect();
        let rebuilt_types = changes
            .iter()
            .filter_map(Change::rebuilt_type)
            .cloned()
            .collect();
        let mut context = Context {
            from,
            to,
            online: options.online,
            version: options.server_version,
            casts: &options.casts,
            replaced_indexes,
            added_constraints,
            dropped_tables,
            dropped_columns,
            cycle_fks,
            repartitioned,
            created_functions,
            rebuilt_types,
        };
        // An index over a column that is dropped or changes type cannot be kept in place
        // while it changes: it must go before the column does.
        let replaced: Vec<_> = context.replaced_indexes.iter().cloned().collect();
        for (table, name) in replaced {
            let Some(old) = from.relation_indexes(&table).and_then(|i| i.get(&name)) else {
                continue;
            };
            let loses_column = index_resources(&table, old).0.iter().any(|r| {
                matches!(r, Resource::Column(t, c) if context.dropped_columns.contains(&(t.clone(), c.clone())) || retyped.contains(&(t.clone(), c.clone())))
            });
            if loses_column || !context.online_for(&table) {
                context.replaced_indexes.remove(&(table, name));
            }
        }
        context
    }
}

impl Context<'_> {
    /// The type an old object of type `data_type` rests on: a rebuilt type is by then its
    /// renamed old version.
    pub(crate) fn old_type_needs(&self, data_type: &DataType) -> Option<Resource> {
        data_type.user_type().map(|u| {
            if self.rebuilt_types.contains(&u) {
                Resource::Type(old_type_name(&u))
            } else {
                Resource::Type(u)
            }
        })
    }

    /// Whether changes to the existing table `table` take their online forms: concurrent
    /// index builds, `NOT VALID` constraints (neither exists for partitioned tables).
    pub(crate) fn online_for(&self, table: &QualifiedName) -> bool {
        let partitioned = |s: &Schema| {
            s.tables
                .get(table)
                .is_some_and(|t| t.partition_by.is_some())
        };
        self.online && !partitioned(self.from) && !partitioned(self.to)
    }

    /// The index a key added again under its old name is built as (under a spare name,
    /// concurrently): the old key is dropped only once it is ready, in the transaction that
    /// adds the new key over it. Not when a column of the new key changes type: the old key
    /// must be gone before the column is retyped, and the new index is built over the
    /// retyped column.
    pub(crate) fn replacement_index(&self, table: &QualifiedName, key: &str) -> Option<Resource> {
        let old = self.from.tables.get(table);
        let unchanged = |columns: &[String]| {
            columns.iter().all(|c| {
                let before = old.and_then(|t| t.column(c));
                let after = self.to.tables.get(table).and_then(|t| t.column(c));
                matches!((before, after), (Some(b), Some(a)) if b.data_type == a.data_type && b.collation == a.collation)
            })
        };
        let readded = self.to.tables.get(table).is_some_and(|t| {
            t.primary_key
                .as_ref()
                .is_some_and(|pk| pk.name == key && unchanged(&pk.columns))
                || t.unique_constraints
                    .get(key)
                    .is_some_and(|u| unchanged(&u.columns))
        });
        (readded && self.online_for(table)).then(|| {
            Resource::Relation(index_name(
                table,
                &self.free_name(&table.schema, key, "new"),
            ))
        })
    }

    /// Whether `name` is a relation, index or constraint in `schema` before the plan.
    pub(crate) fn taken_before(&self, schema: &str, name: &str) -> bool {
        name_taken(&[self.from], schema, name)
    }

    /// `<base>_<suffix>` (then `<base>_<suffix>1`, …) shortened to PostgreSQL's 63 bytes,
    /// free in `schema`.
    pub(crate) fn free_name(&self, schema: &str, base: &str, suffix: &str) -> String {
        (0..)
            .map(|i| {
                let tail = if i == 0 {
                    format!("_{suffix}")
                } else {
                    format!("_{suffix}{i}")
                };
                let mut head = base.to_string();
                while head.len() + tail.len() > 63 {
                    head.pop();
                }
                head + &tail
            })
            .find(|n| !name_taken(&[self.from, self.to], schema, n))
            .expect("an unbounded sequence of names has a free one")
    }

    /// The name of the helper check that proves `column` of `table` NOT NULL.
    pub(crate) fn free_constraint_name(&self, table: &QualifiedName, column: &str) -> String {
        self.free_name(
            &table.schema,
            &format!("{}_{column}", table.name),
            "not_null",
        )
    }

    /// Whether the plan creates (or re-creates) the routine a grant is on.
    pub(crate) fn creates(&self, target: &schema_ir::GrantTarget) -> bool {
        matches!(target, schema_ir::GrantTarget::Function(f) if self.created_functions.contains(f))
    }
}

/// Whether a relation, index or constraint of `schema` is called `name` in any of `schemas`.
fn name_taken(schemas: &[&Schema], schema: &str, name: &str) -> bool {
    schemas.iter().any(|s| {
        s.tables
            .values()
            .filter(|t| t.name.schema == schema)
            .any(|t| {
                t.name.name == name
                    || t.indexes.contains_key(name)
                    || t.constraint_names().any(|n| n == name)
            })
            || s.sequences
                .keys()
                .chain(s.views.keys())
                .any(|n| n.schema == schema && n.name == name)
    })
}

pub(crate) fn access_exclusive(table: &QualifiedName) -> String {
    format!("ACCESS EXCLUSIVE on {table}")
}

pub(crate) fn column_object(table: &QualifiedName, column: &str) -> String {
    format!("{table}.{}", quote_ident(column))
}

fn constraint_object(table: &QualifiedName, name: &str) -> String {
    format!("{table}.{}", quote_ident(name))
}

fn index_name(table: &QualifiedName, index: &str) -> QualifiedName {
    QualifiedName::new(table.schema.clone(), index)
}

fn sorted(columns: &[String]) -> Vec<String> {
    let mut v = columns.to_vec();
    v.sort();
    v
}

/// Resources a column needs: its user-defined type and the sequences its default draws from.
pub(crate) fn column_needs(table: &QualifiedName, column: &Column) -> Vec<Resource> {
    let mut out = Vec::new();
    out.extend(type_needs(&column.data_type));
    if let Some(g) = &column.generated {
        // A generated column reads the other columns its expression names: it is added after
        // they change type and dropped before.
        out.extend(
            sql::identifiers(&g.key)
                .into_iter()
                .filter(|name| *name != column.name)
                .map(|name| Resource::Column(table.clone(), name)),
        );
    }
    if let Some(d) = &column.default {
        out.extend(
            sql::nextval_sequences(&d.sql, &table.schema)
                .into_iter()
                .map(Resource::Sequence),
        );
    }
    // A default or generated expression calls its routines: it is set after they are
    // created and dropped before they are.
    for e in column.default.iter().chain(&column.generated) {
        out.extend(
            sql::called_routines(&e.sql, "public")
                .into_iter()
                .map(Resource::FunctionName),
        );
    }
    out
}

/// The name a type rebuilt beside its old version gives the old one.
pub(crate) fn old_type_name(name: &QualifiedName) -> QualifiedName {
    QualifiedName::new(name.schema.clone(), format!("{}__old", name.name))
}

pub(crate) fn type_needs(data_type: &DataType) -> Option<Resource> {
    data_type.user_type().map(Resource::Type)
}

fn index_resources(table: &QualifiedName, index: &Index) -> (Vec<Resource>, Vec<Resource>) {
    let mut columns: Vec<Resource> = index
        .keys
        .iter()
        .filter_map(|k| match &k.target {
            IndexTarget::Column(c) => Some(Resource::Column(table.clone(), c.clone())),
            IndexTarget::Expression(_) => None,
        })
        .collect();
    columns.extend(
        index
            .include
            .iter()
            .map(|c| Resource::Column(table.clone(), c.clone())),
    );
    // What expressions and the predicate may name (words that are no column match nothing).
    let expressions = index
        .keys
        .iter()
        .filter_map(|k| match &k.target {
            IndexTarget::Expression(e) => Some(e),
            IndexTarget::Column(_) => None,
        })
        .chain(index.predicate.as_ref());
    for e in expressions {
        columns.extend(
            schema_ir::identifiers(&e.key)
                .into_iter()
                .map(|c| Resource::Column(table.clone(), c)),
        );
    }
    let mut made = vec![Resource::Relation(index_name(table, &index.name))];
    let plain: Option<Vec<String>> = index
        .keys
        .iter()
        .map(|k| match &k.target {
            IndexTarget::Column(c) => Some(c.clone()),
            IndexTarget::Expression(_) => None,
        })
        .collect();
    if let (true, None, Some(cols)) = (index.unique, &index.predicate, plain) {
        made.push(Resource::Key(table.clone(), sorted(&cols)));
    }
    (columns, made)
}

fn fk_needs(table: &QualifiedName, fk: &ForeignKey) -> Vec<Resource> {
    let mut out = vec![
        Resource::Table(table.clone()),
        Resource::Table(fk.references.clone()),
        Resource::Key(fk.references.clone(), sorted(&fk.referenced_columns)),
    ];
    out.extend(
        fk.columns
            .iter()
            .map(|c| Resource::Column(table.clone(), c.clone())),
    );
    out.extend(
        fk.referenced_columns
            .iter()
            .map(|c| Resource::Column(fk.references.clone(), c.clone())),
    );
    out
}

fn comment_sql(target: &str, comment: Option<&str>) -> String {
    format!(
        "COMMENT ON {target} IS {}",
        comment
            .map(quote_literal)
            .unwrap_or_else(|| "NULL".to_string())
    )
}

pub(crate) fn comment_step(target: &CommentTarget, comment: Option<&str>) -> Planned {
    let (sql_target, object, resource) = match target {
        CommentTarget::Namespace { name } => (
            format!("SCHEMA {}", quote_ident(name)),
            quote_ident(name),
            Resource::Namespace(name.clone()),
        ),
        CommentTarget::Type { name } => (
            format!("TYPE {name}"),
            name.to_string(),
            Resource::Type(name.clone()),
        ),
        CommentTarget::Sequence { name } => (
            format!("SEQUENCE {name}"),
            name.to_string(),
            Resource::Sequence(name.clone()),
        ),
        CommentTarget::Table { name } => (
            format!("TABLE {name}"),
            name.to_string(),
            Resource::Table(name.clone()),
        ),
        CommentTarget::Column { table, column } => {
            let object = column_object(table, column);
            (
                format!("COLUMN {object}"),
                object,
                Resource::Column(table.clone(), column.clone()),
            )
        }
        CommentTarget::Index { name } => (
            format!("INDEX {name}"),
            name.to_string(),
            Resource::Relation(name.clone()),
        ),
        CommentTarget::Collation { name } => (
            format!("COLLATION {name}"),
            name.to_string(),
            Resource::Collation(name.clone()),
        ),
        CommentTarget::Publication { name } => (
            format!("PUBLICATION {}", quote_ident(name)),
            quote_ident(name),
            Resource::Publication(name.clone()),
        ),
        CommentTarget::EventTrigger { name } => (
            format!("EVENT TRIGGER {}", quote_ident(name)),
            quote_ident(name),
            Resource::EventTrigger(name.clone()),
        ),
        CommentTarget::Statistics { name } => (
            format!("STATISTICS {name}"),
            name.to_string(),
            Resource::Statistics(name.clone()),
        ),
        CommentTarget::TextSearchDictionary { name } => (
            format!("TEXT SEARCH DICTIONARY {name}"),
            name.to_string(),
            Resource::TextSearchDictionary(name.clone()),
        ),
        CommentTarget::TextSearchConfiguration { name } => (
            format!("TEXT SEARCH CONFIGURATION {name}"),
            name.to_string(),
            Resource::TextSearchConfiguration(name.clone()),
        ),
        CommentTarget::Aggregate { signature } => (
            format!("AGGREGATE {signature}"),
            signature.clone(),
            Resource::Function(signature.clone()),
        ),
        CommentTarget::Policy { table, name } => (
            format!("POLICY {} ON {table}", quote_ident(name)),
            column_object(table, name),
            Resource::Policy(table.clone(), name.clone()),
        ),
        CommentTarget::Rule { table, name } => (
            format!("RULE {} ON {table}", quote_ident(name)),
            column_object(table, name),
            Resource::Rule(table.clone(), name.clone()),
        ),
        CommentTarget::Trigger { table, name } => (
            format!("TRIGGER {} ON {table}", quote_ident(name)),
            column_object(table, name),
            Resource::Trigger(table.clone(), name.clone()),
        ),
        CommentTarget::Function {
            signature,
            procedure,
        } => (
            format!(
                "{} {signature}",
                if *procedure { "PROCEDURE" } else { "FUNCTION" }
            ),
            signature.clone(),
            Resource::Function(signature.clone()),
        ),
        CommentTarget::View { name, materialized } => (
            format!(
                "{} {name}",
                if *materialized {
                    "MATERIALIZED VIEW"
                } else {
                    "VIEW"
                }
            ),
            name.to_string(),
            Resource::Relation(name.clone()),
        ),
    };
    Planned::new(
        Phase::Comment,
        "comment",
        object,
        comment_sql(&sql_target, comment),
    )
    .requires([resource])
}

fn foreign_key_lock(table: &QualifiedName, fk: &ForeignKey) -> String {
    if fk.references == *table {
        format!("SHARE ROW EXCLUSIVE on {table}")
    } else {
        format!("SHARE ROW EXCLUSIVE on {table}, {}", fk.references)
    }
}

/// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY`. On a table that already exists (`existing`)
/// it checks every row under a lock that blocks writers, unless added `NOT VALID` and
/// validated separately (`online`).
fn add_foreign_key(
    table: &QualifiedName,
    fk: &ForeignKey,
    existing: bool,
    online: bool,
) -> Vec<Planned> {
    let object = constraint_object(table, &fk.name);
    let deferred = existing && online && !fk.not_valid;
    let step = Planned::new(
        Phase::AddForeignKey,
        "add_foreign_key",
        object.clone(),
        format!(
            "ALTER TABLE {table} ADD {}",
            sql::not_valid(sql::foreign_key(fk), fk.not_valid || deferred)
        ),
    )
    .requires(fk_needs(table, fk))
    .provides([Resource::Constraint(table.clone(), fk.name.clone())]);
    if !existing {
        return vec![step];
    }
    let message = format!(
        "{object}: validating the foreign key checks every row of {table} against {}; it fails on a row without a match",
        fk.references
    );
    let step = step.lock(foreign_key_lock(table, fk));
    let blocking = hazards::ADD_FOREIGN_KEY.at(&object);
    validated(
        step,
        table,
        &fk.name,
        (fk.not_valid, deferred),
        message,
        blocking,
    )
}

/// A constraint added to an existing table, and then: nothing when the files want it
/// `NOT VALID`, its validation in a transaction of its own when `deferred` (added `NOT
/// VALID` online), else the `blocking` hazard of checking every row as it is added.
fn validated(
    step: Planned,
    table: &QualifiedName,
    name: &str,
    (not_valid, deferred): (bool, bool),
    message: String,
    blocking: crate::Hazard,
) -> Vec<Planned> {
    if not_valid {
        vec![step]
    } else if deferred {
        vec![
            step,
            online::validate(table, name, message).after_previous(),
        ]
    } else {
        vec![step.hazard(blocking)]
    }
}

/// `ALTER TABLE … ADD CONSTRAINT … CHECK` on an existing table: `NOT VALID` and validated
/// separately when `online`, else checked under an ACCESS EXCLUSIVE lock.
fn add_check(table: &QualifiedName, check: &schema_ir::Check, online: bool) -> Vec<Planned> {
    let object = constraint_object(table, &check.name);
    let deferred = online && !check.not_valid;
    let step = Planned::new(
        Phase::AddConstraint,
        "add_check",
        object.clone(),
        format!(
            "ALTER TABLE {table} ADD {}",
            sql::not_valid(sql::check(check), check.not_valid || deferred)
        ),
    )
    .requires([Resource::Table(table.clone())])
    .provides([Resource::Constraint(table.clone(), check.name.clone())])
    .lock(access_exclusive(table));
    let message =
        format!("{object}: validating the check scans {table} and fails on a row that violates it");
    let blocking = hazards::ADD_CHECK.at(&object);
    validated(
        step,
        table,
        &check.name,
        (check.not_valid, deferred),
        message,
        blocking,
    )
}

fn drop_foreign_key(table: &QualifiedName, fk: &ForeignKey) -> Planned {
    Planned::new(
        Phase::DropForeignKey,
        "drop_foreign_key",
        constraint_object(table, &fk.name),
        format!(
            "ALTER TABLE {table} DROP CONSTRAINT {}",
            quote_ident(&fk.name)
        ),
    )
    .uses_old(fk_needs(table, fk))
    .removes([Resource::Constraint(table.clone(), fk.name.clone())])
    .lock(foreign_key_lock(table, fk))
}

/// The steps of a new index: on a table the plan creates (`existing` is `None`), or on an
/// existing one, whose changes may take their online forms.
pub(crate) fn create_index(
    table: &QualifiedName,
    index: &Index,
    existing: Option<&Context>,
) -> Vec<Planned> {
    let (columns, made) = index_resources(table, index);
    let name = index_name(table, &index.name);
    let key = (table.clone(), index.name.clone());
    let replaced = existing.and_then(|ctx| {
        ctx.replaced_indexes
            .contains(&key)
            .then(|| ctx.from.relation_indexes(table))
            .flatten()
            .and_then(|i| i.get(&index.name))
            .map(|old| (ctx, old))
    });
    let mut out = match (existing, replaced) {
        (_, Some((ctx, old))) => online::replace_index(table, old, index, ctx),
        (Some(ctx), None) if ctx.online_for(table) => vec![online::create_index(table, index)],
        _ => {
            let mut step = Planned::new(
                Phase::CreateIndex,
                "create_index",
                name.to_string(),
                sql::create_index(table, index),
            )
            .requires(columns)
            .requires([Resource::Table(table.clone())])
            .provides(made);
            if existing.is_some() {
                step = step
                    .lock(format!("SHARE on {table}"))
                    .hazard(hazards::INDEX_BUILD_BLOCKING.at(&name.to_string()));
                if index.unique {
                    step = step.hazard(hazards::ADD_UNIQUE_MAY_FAIL.at(&name.to_string()));
                }
            }
            vec![step]
        }
    };
    if let Some(c) = &index.comment {
        out.push(comment_step(&CommentTarget::Index { name }, Some(c)));
    }
    out
}

/// `ALTER TABLE … ADD CONSTRAINT … UNIQUE`; hazards only on a table that already exists.
fn add_unique(table: &QualifiedName, unique: &UniqueConstraint, existing: bool) -> Planned {
    let object = constraint_object(table, &unique.name);
    let step = Planned::new(
        Phase::AddConstraint,
        "add_unique",
        object.clone(),
        format!("ALTER TABLE {table} ADD {}", sql::unique(unique)),
    )
    .requires(
        unique
            .columns
            .iter()
            .chain(&unique.include)
            .map(|c| Resource::Column(table.clone(), c.clone())),
    )
    .provides([
        Resource::Key(table.clone(), sorted(&unique.columns)),
        Resource::Constraint(table.clone(), unique.name.clone()),
        Resource::Relation(index_name(table, &unique.name)),
    ]);
    if existing {
        step.lock(access_exclusive(table))
            .hazard(hazards::ADD_UNIQUE_MAY_FAIL.at(&object))
    } else {
        step.requires([Resource::Table(table.clone())])
    }
}

/// ` INHERITS (…)` of a table that inherits, or nothing.
fn inherits_sql(parents: &[QualifiedName]) -> String {
    if parents.is_empty() {
        return String::new();
    }
    let names: Vec<String> = parents.iter().map(ToString::to_string).collect();
    format!(" INHERITS ({})", names.join(", "))
}

/// A table created with `INHERITS` lists only what it adds to its parents: a column or
/// check it inherits unchanged is left to PostgreSQL, so that the column stays inherited
/// (a later change on the parent reaches it) rather than merged into a local one.
fn create_table(t: &Table, ctx: &Context) -> Vec<Planned> {
    let parents: Vec<&Table> = t
        .inherits
        .iter()
        .filter_map(|p| ctx.to.tables.get(p))
        .collect();
    let inherited = |c: &Column| {
        let mut mine = c.clone();
        mine.comment = None;
        parents.iter().any(|p| {
            p.column(&c.name).is_some_and(|pc| {
                let mut theirs = pc.clone();
                theirs.comment = None;
                theirs == mine
            })
        })
    };
    let mut lines: Vec<String> = t
        .columns
        .iter()
        .filter(|c| !inherited(c))
        .map(sql::column_definition)
        .collect();
    // A table is also a type: its row type, which routines and columns may use.
    let mut provides = vec![
        Resource::Table(t.name.clone()),
        Resource::Relation(t.name.clone()),
        Resource::Type(t.name.clone()),
    ];
    let mut requires = vec![Resource::Namespace(t.name.schema.clone())];
    requires.extend(t.inherits.iter().cloned().map(Resource::Table));
    for c in &t.columns {
        provides.push(Resource::Column(t.name.clone(), c.name.clone()));
        requires.extend(column_needs(&t.name, c));
    }
    if let Some(pk) = &t.primary_key {
        lines.push(sql::primary_key(pk));
        provides.push(Resource::Key(t.name.clone(), sorted(&pk.columns)));
        provides.push(Resource::Constraint(t.name.clone(), pk.name.clone()));
        provides.push(Resource::Relation(index_name(&t.name, &pk.name)));
    }
    // PostgreSQL folds a key declared twice on the same columns in one CREATE TABLE into
    // one; a second key on the same columns is added by its own statement.
    let mut inline_keys: Vec<&Vec<String>> = t.primary_key.iter().map(|pk| &pk.columns).collect();
    let mut separate = Vec::new();
    for u in t.unique_constraints.values() {
        if inline_keys.contains(&&u.columns) {
            separate.push(add_unique(&t.name, u, false));
            continue;
        }
        inline_keys.push(&u.columns);
        lines.push(sql::unique(u));
        provides.push(Resource::Key(t.name.clone(), sorted(&u.columns)));
        provides.push(Resource::Constraint(t.name.clone(), u.name.clone()));
        provides.push(Resource::Relation(index_name(&t.name, &u.name)));
    }
    let mut unchecked = Vec::new();
    for c in t.checks.values() {
        if c.not_valid {
            // NOT VALID inside CREATE TABLE is ignored: such a check is added on its own.
            unchecked.push(
                Planned::new(
                    Phase::AddConstraint,
                    "add_check",
                    constraint_object(&t.name, &c.name),
                    format!("ALTER TABLE {} ADD {} NOT VALID", t.name, sql::check(c)),
                )
                .requires([Resource::Table(t.name.clone())])
                .provides([Resource::Constraint(t.name.clone(), c.name.clone())]),
            );
            continue;
        }
        provides.push(Resource::Constraint(t.name.clone(), c.name.clone()));
        if parents.iter().any(|p| {
            p.checks
                .get(&c.name)
                .is_some_and(|pc| pc == c && !pc.no_inherit)
        }) {
            continue;
        }
        lines.push(sql::check(c));
    }
    let body = if lines.is_empty() {
        String::new()
    } else {
        format!("\n    {}\n", lines.join(",\n    "))
    };
    let mut out = vec![
        Planned::new(
            Phase::CreateTable,
            "create_table",
            t.name.to_string(),
            format!(
                "CREATE {}TABLE {} ({body}){}{}",
                if t.unlogged { "UNLOGGED " } else { "" },
                t.name,
                inherits_sql(&t.inherits),
                match (&t.partition_by, t.storage.is_empty()) {
                    (Some(key), _) => partitions::partition_by_sql(key),
                    (None, true) => String::new(),
                    (None, false) => format!(" WITH ({})", policies::storage_sql(&t.storage)),
                }
            ),
        )
        .requires(requires)
        .provides(provides),
    ];
    out.extend(separate);
    out.extend(unchecked);
    for x in t.exclusions.values() {
        out.push(add_exclusion(&t.name, x, false));
    }
    for fk in t.foreign_keys.values() {
        out.extend(add_foreign_key(&t.name, fk, false, false));
    }
    for index in t.indexes.values() {
        out.extend(create_index(&t.name, index, None));
    }
    for partition in t.partitions.values() {
        out.extend(partitions::create_partition(&t.name, partition, false));
    }
    for trigger in t.triggers.values() {
        out.extend(triggers::create_trigger(&t.name, trigger, false));
    }
    for rule in t.rules.values() {
        out.extend(rules::create_rule(&t.name, rule, false));
    }
    for s in t.statistics.values() {
        out.extend(statistics::create_statistics(&t.name, s, false));
    }
    for policy in t.policies.values() {
        out.extend(policies::create_policy(&t.name, policy, false));
    }
    let names: Vec<String> = t.policies.keys().cloned().collect();
    out.extend(policies::set_row_security(
        &t.name,
        (false, false),
        (t.row_security, t.force_row_security),
        &names,
        false,
    ));
    if !t.replica_identity.is_default() {
        out.extend(policies::set_replica_identity(
            &t.name,
            &t.replica_identity,
            false,
        ));
    }
    if let Some(c) = &t.comment {
        out.push(comment_step(
            &CommentTarget::Table {
                name: t.name.clone(),
            },
            Some(c),
        ));
    }
    for col in &t.columns {
        if let Some(c) = &col.comment {
            out.push(comment_step(
                &CommentTarget::Column {
                    table: t.name.clone(),
                    column: col.name.clone(),
                },
                Some(c),
            ));
        }
    }
    out
}

fn drop_table(t: &Table, ctx: &Context) -> Vec<Planned> {
    let mut out = Vec::new();
    let mut uses = vec![Resource::Namespace(t.name.schema.clone())];
    let mut removes = vec![
        Resource::Table(t.name.clone()),
        Resource::Relation(t.name.clone()),
        Resource::Type(t.name.clone()),
    ];
    uses.extend(t.inherits.iter().cloned().map(Resource::Table));
    for c in &t.columns {
        uses.extend(column_needs(&t.name, c));
        removes.push(Resource::Column(t.name.clone(), c.name.clone()));
    }
    for name in t.constraint_names() {
        removes.push(Resource::Constraint(t.name.clone(), name.to_string()));
    }
    if let Some(pk) = &t.primary_key {
        removes.push(Resource::Key(t.name.clone(), sorted(&pk.columns)));
        removes.push(Resource::Relation(index_name(&t.name, &pk.name)));
    }
    for u in t.unique_constraints.values() {
        removes.push(Resource::Key(t.name.clone(), sorted(&u.columns)));
        removes.push(Resource::Relation(index_name(&t.name, &u.name)));
    }
    for index in t.indexes.values() {
        removes.extend(index_resources(&t.name, index).1);
    }
    for x in t.exclusions.values() {
        removes.push(Resource::Relation(index_name(&t.name, &x.name)));
    }
    for p in t.partitions.keys() {
        removes.push(Resource::Table(p.clone()));
        removes.push(Resource::Relation(p.clone()));
    }
    for trigger in t.triggers.values() {
        uses.push(triggers::function_resource(trigger));
        removes.push(Resource::Trigger(t.name.clone(), trigger.name.clone()));
    }
    // A policy reading another relation is dropped first: that relation may go before the
    // table (a foreign key to this table from it would otherwise order the drops in a cycle).
    for p in t.policies.values() {
        let read = policies::relations_read(p);
        if !read.is_empty() {
            out.push(
                Planned::new(
                    Phase::DropTrigger,
                    "drop_policy",
                    column_object(&t.name, &p.name),
                    format!("DROP POLICY {} ON {}", quote_ident(&p.name), t.name),
                )
                .uses_old(read)
                .removes([Resource::Policy(t.name.clone(), p.name.clone())]),
            );
        }
    }
    for rule in t.rules.values() {
        out.extend(rules::drop_rule(&t.name, rule));
    }
    for fk in t.foreign_keys.values() {
        if ctx.cycle_fks.contains(&(t.name.clone(), fk.name.clone())) {
            out.push(drop_foreign_key(&t.name, fk).uses_old([Resource::Table(t.name.clone())]));
        } else if fk.references != t.name {
            uses.push(Resource::Table(fk.references.clone()));
        }
    }
    out.push(
        Planned::new(
            Phase::DropTable,
            "drop_table",
            t.name.to_string(),
            format!("DROP TABLE {}", t.name),
        )
        .uses_old(uses)
        .removes(removes)
        .lock(access_exclusive(&t.name))
        .hazard(hazards::DROP_TABLE.at(&t.name.to_string()))
        .hazards(
            ctx.repartitioned
                .contains(&t.name)
                .then(|| hazards::PARTITION_KEY_CHANGE.at(&t.name.to_string())),
        ),
    );
    out
}

/// The planned steps of one change.
pub(crate) fn steps(change: &Change, ctx: &Context) -> Vec<Planned> {
    match change {
        Change::CreateNamespace(ns) => {
            let mut out = vec![
                Planned::new(
                    Phase::CreateNamespace,
                    "create_schema",
                    quote_ident(&ns.name),
                    format!("CREATE SCHEMA {}", quote_ident(&ns.name)),
                )
                .provides([Resource::Namespace(ns.name.clone())]),
            ];
            if let Some(c) = &ns.comment {
                out.push(comment_step(
                    &CommentTarget::Namespace {
                        name: ns.name.clone(),
                    },
                    Some(c),
                ));
            }
            out
        }
        Change::DropNamespace(ns) => vec![
            Planned::new(
                Phase::DropNamespace,
                "drop_schema",
                quote_ident(&ns.name),
                format!("DROP SCHEMA {}", quote_ident(&ns.name)),
            )
            .removes([Resource::Namespace(ns.name.clone())])
            .hazard(hazards::DROP_SCHEMA.at(&quote_ident(&ns.name))),
        ],
        Change::CreateExtension(e) => extensions::create_extension(e),
        Change::DropExtension(e) => extensions::drop_extension(e),
        Change::AlterExtension { from, to } => extensions::alter_extension(from, to),
        Change::CreateFunction(f) => functions::create_function(f, ctx),
        Change::DropFunction(f) => functions::drop_function(f, ctx),
        Change::ReplaceFunction { to, .. } => functions::replace_function(to),
        Change::CreatePartition {
            table,
            partition,
            beside_default,
        } => {
            let mut steps = partitions::create_partition(table, partition, true);
            if *beside_default {
                steps[0].step.hazards.push(hazards::PARTITION_BOUND_CHANGE.with_message(format!(
                    "{}: the DEFAULT partition of {table} is scanned, and the step fails if it holds rows that belong to the new partition",
                    partition.name
                )));
            }
            steps
        }
        Change::DropPartition {
            table,
            partition,
            under,
        } => partitions::drop_partition(table, partition, under, ctx),
        Change::SetPartitionBound { table, from, to } => {
            partitions::set_partition_bound(table, from, to, ctx)
        }
        Change::SetInherits { table, from, to } => policies::set_inherits(table, from, to, ctx),
        Change::SetUnlogged { table, unlogged } => policies::set_unlogged(table, *unlogged),
        Change::SetStorage { table, from, to } => policies::set_storage(table, from, to),
        Change::SetReplicaIdentity { table, to, .. } => {
            policies::set_replica_identity(table, to, true)
        }
        Change::SetRowSecurity {
            table,
            from,
            to,
            policies: names,
        } => policies::set_row_security(table, *from, *to, names, true),
        Change::CreatePolicy { table, policy } => policies::create_policy(table, policy, true),
        Change::DropPolicy { table, policy } => policies::drop_policy(table, policy),
        Change::AlterPolicy { table, from, to } => policies::alter_policy(table, from, to),
        Change::CreateTrigger { table, trigger } => triggers::create_trigger(table, trigger, true),
        Change::DropTrigger { table, trigger } => triggers::drop_trigger(table, trigger),
        Change::SetTriggerEnabled {
            table, trigger, to, ..
        } => triggers::set_enabled(table, trigger, *to),
        Change::CreateRule { table, rule } => rules::create_rule(table, rule, true),
        Change::DropRule { table, rule } => rules::drop_rule(table, rule),
        Change::SetRuleEnabled {
            table, rule, to, ..
        } => rules::set_enabled(table, rule, *to),
        Change::Grant(g) => grants::grant(g),
        Change::Revoke(g) => grants::revoke(g, false, ctx.creates(&g.target)),
        Change::RevokeGrantOption(g) => grants::revoke(g, true, ctx.creates(&g.target)),
        Change::CreateView(v) => views::create_view(v),
        Change::ReplaceView { from, to } => views::replace_view(from, to),
        Change::SetViewOptions {
            view,
            materialized,
            from,
            to,
        } => views::set_view_options(view, *materialized, from, to),
        Change::DropView(v) => views::drop_view(v, ctx.to.views.contains_key(&v.name)),
        Change::CreateCollation(c) => aggregates::create_collation(c),
        Change::DropCollation(c) => aggregates::drop_collation(c),
        Change::CreatePublication(p) => publications::create_publication(p),
        Change::DropPublication(p) => publications::drop_publication(p),
        Change::AlterPublication { from, to } => publications::alter_publication(from, to),
        Change::CreateEventTrigger(e) => event_triggers::create_event_trigger(e),
        Change::DropEventTrigger(e) => event_triggers::drop_event_trigger(e),
        Change::SetEventTriggerEnabled { name, to, .. } => event_triggers::set_enabled(name, *to),
        Change::CreateStatistics { table, statistics } => {
            statistics::create_statistics(table, statistics, true)
        }
        Change::DropStatistics { table, statistics } => {
            statistics::drop_statistics(table, statistics)
        }
        Change::SetStatisticsTarget { name, to, .. } => vec![statistics::set_target(name, *to)],
        Change::CreateTextSearchDictionary(d) => text_search::create_dictionary(d, ctx),
        Change::DropTextSearchDictionary(d) => text_search::drop_dictionary(d),
        Change::AlterTextSearchDictionary { from, to } => text_search::alter_dictionary(from, to),
        Change::CreateTextSearchConfiguration(c) => text_search::create_configuration(c, ctx),
        Change::DropTextSearchConfiguration(c) => text_search::drop_configuration(c),
        Change::AlterTextSearchMappings { from, to } => text_search::alter_mappings(from, to),
        Change::CreateAggregate(a) => aggregates::create_aggregate(a),
        Change::DropAggregate(a) => aggregates::drop_aggregate(a),
        Change::CreateDomain(d) => domains::create_domain(d),
        Change::DropDomain(d) => domains::drop_domain(d),
        Change::RecreateDomain { from, to, columns } => {
            domains::recreate_domain(from, to, columns, ctx)
        }
        Change::RecreateComposite { from, to, columns } => {
            domains::recreate_composite(from, to, columns, ctx)
        }
        Change::AlterDomain { from, to } => domains::alter_domain(from, to),
        Change::CreateComposite(t) => domains::create_composite(t),
        Change::DropComposite(t) => domains::drop_composite(t),
        Change::AlterComposite { from, to } => domains::alter_composite(from, to),
        Change::CreateEnum(e) => objects::create_enum(e),
        Change::DropEnum(e) => objects::drop_enum(e),
        Change::AddEnumValue {
            enum_type,
            value,
            position,
        } => objects::add_enum_value(enum_type, value, position),
        Change::RecreateEnum { from, to, columns } => objects::recreate_enum(from, to, columns),
        Change::CreateSequence(s) => objects::create_sequence(s),
        Change::DropSequence(s) => {
            let owned_by_dropped = s.owned_by.as_ref().is_some_and(|o| {
                ctx.dropped_tables.contains(&o.table)
                    || ctx
                        .dropped_columns
                        .contains(&(o.table.clone(), o.column.clone()))
            });
            if owned_by_dropped {
                // PostgreSQL drops an owned sequence together with its table or column.
                Vec::new()
            } else {
                objects::drop_sequence(s)
            }
        }
        Change::AlterSequence { from, to } => objects::alter_sequence(from, to),
        Change::SetSequenceOwner { sequence, from, to } => {
            objects::set_sequence_owner(sequence, from.as_ref(), to.as_ref())
        }
        Change::CreateTable(t) => create_table(t, ctx),
        Change::DropTable(t) => drop_table(t, ctx),
        Change::RenameSchema { from, to } => renames::rename_schema(from, to),
        Change::RenameTable { from, to } => renames::rename_table(from, to),
        Change::RenameColumn { table, from, to } => renames::rename_column(table, from, to),
        Change::RenameIndex { table, from, to } => renames::rename_index(table, from, to),
        Change::RenameConstraint {
            table,
            from,
            to,
            with_index,
        } => renames::rename_constraint(table, from, to, *with_index),
        Change::RenameEnumValue {
            enum_type,
            from,
            to,
        } => renames::rename_enum_value(enum_type, from, to),
        Change::AddColumn { table, column } => columns::add_column(table, column, ctx),
        Change::DropColumn { table, column } => columns::drop_column(table, column),
        Change::AlterColumn { table, from, to } => columns::alter_column(table, from, to, ctx),
        Change::AddPrimaryKey { table, primary_key } if ctx.online_for(table) => online::add_key(
            table,
            &primary_key.name,
            "add_primary_key",
            (&primary_key.columns, &primary_key.include, false),
            primary_key.deferrable,
            ctx,
        ),
        Change::AddPrimaryKey { table, primary_key } => {
            let object = constraint_object(table, &primary_key.name);
            vec![
                Planned::new(
                    Phase::AddConstraint,
                    "add_primary_key",
                    object.clone(),
                    format!("ALTER TABLE {table} ADD {}", sql::primary_key(primary_key)),
                )
                .requires(
                    primary_key
                        .columns
                        .iter()
                        .chain(&primary_key.include)
                        .map(|c| Resource::Column(table.clone(), c.clone())),
                )
                .provides([
                    Resource::Key(table.clone(), sorted(&primary_key.columns)),
                    Resource::Constraint(table.clone(), primary_key.name.clone()),
                    Resource::Relation(index_name(table, &primary_key.name)),
                ])
                .lock(access_exclusive(table))
                .hazard(hazards::ADD_PRIMARY_KEY.at(&object)),
            ]
        }
        Change::DropPrimaryKey { table, primary_key } => vec![
            drop_constraint(
                table,
                &primary_key.name,
                "drop_primary_key",
                &primary_key.columns,
                true,
            )
            .requires(ctx.replacement_index(table, &primary_key.name)),
        ],
        Change::AddUnique { table, unique } if ctx.online_for(table) => online::add_key(
            table,
            &unique.name,
            "add_unique",
            (&unique.columns, &unique.include, unique.nulls_not_distinct),
            unique.deferrable,
            ctx,
        ),
        Change::AddUnique { table, unique } => vec![add_unique(table, unique, true)],
        Change::DropUnique { table, unique } => vec![
            drop_constraint(table, &unique.name, "drop_unique", &unique.columns, true)
                .requires(ctx.replacement_index(table, &unique.name)),
        ],
        Change::AddCheck { table, check } => {
            let mut steps = add_check(table, check, ctx.online_for(table));
            let columns = named_columns(ctx.to, table, &check.expr);
            steps[0].requires.extend(
                columns
                    .into_iter()
                    .map(|c| Resource::Column(table.clone(), c)),
            );
            steps
        }
        Change::DropCheck { table, check } => {
            vec![drop_constraint(
                table,
                &check.name,
                "drop_check",
                &named_columns(ctx.from, table, &check.expr),
                false,
            )]
        }
        Change::AddExclusion { table, exclusion } => vec![add_exclusion(table, exclusion, true)],
        Change::DropExclusion { table, exclusion } => {
            let columns = exclusion_columns(exclusion);
            vec![
                drop_constraint(table, &exclusion.name, "drop_exclusion", &columns, false)
                    .removes([Resource::Relation(index_name(table, &exclusion.name))]),
            ]
        }
        Change::AddForeignKey { table, foreign_key } => {
            add_foreign_key(table, foreign_key, true, ctx.online_for(table))
        }
        Change::DropForeignKey { table, foreign_key } => {
            vec![drop_foreign_key(table, foreign_key)]
        }
        Change::ValidateConstraint { table, name } => {
            if ctx
                .added_constraints
                .contains(&(table.clone(), name.clone()))
            {
                Vec::new()
            } else {
                vec![online::validate(
                    table,
                    name,
                    format!(
                        "{}: the constraint exists NOT VALID; validating it scans {table} and fails on a row that violates it",
                        constraint_object(table, name)
                    ),
                )]
            }
        }
        Change::CreateIndex { table, index } => create_index(table, index, Some(ctx)),
        Change::DropIndex { table, index }
            if ctx
                .replaced_indexes
                .contains(&(table.clone(), index.name.clone())) =>
        {
            Vec::new()
        }
        Change::DropIndex { table, index } => {
            vec![online::drop_index(table, index, ctx.online_for(table))]
        }
        Change::SetComment { target, to, .. } => vec![comment_step(target, to.as_deref())],
    }
}

/// The columns an exclusion constraint's elements, INCLUDE list and predicate name (for
/// expressions, the words they may name).
fn exclusion_columns(x: &Exclusion) -> Vec<String> {
    x.elements
        .iter()
        .flat_map(|e| match &e.key.target {
            IndexTarget::Column(c) => vec![c.clone()],
            IndexTarget::Expression(e) => schema_ir::identifiers(&e.key),
        })
        .chain(x.include.iter().cloned())
        .chain(
            x.predicate
                .iter()
                .flat_map(|p| schema_ir::identifiers(&p.key)),
        )
        .collect()
}

/// `ALTER TABLE … ADD CONSTRAINT … EXCLUDE …`; hazards only on a table that already exists.
fn add_exclusion(table: &QualifiedName, x: &Exclusion, existing: bool) -> Planned {
    let object = constraint_object(table, &x.name);
    let step = Planned::new(
        Phase::AddConstraint,
        "add_exclusion",
        object.clone(),
        format!("ALTER TABLE {table} ADD {}", sql::exclusion(x)),
    )
    .requires([Resource::Table(table.clone())])
    .requires(
        exclusion_columns(x)
            .into_iter()
            .map(|c| Resource::Column(table.clone(), c)),
    )
    .provides([
        Resource::Constraint(table.clone(), x.name.clone()),
        Resource::Relation(index_name(table, &x.name)),
    ]);
    if existing {
        step.lock(access_exclusive(table))
            .hazard(hazards::ADD_EXCLUSION.at(&object))
    } else {
        step
    }
}

/// The columns of `table` in `schema` that `expr` may name.
fn named_columns(schema: &Schema, table: &QualifiedName, expr: &schema_ir::Expr) -> Vec<String> {
    let Some(t) = schema.tables.get(table) else {
        return Vec::new();
    };
    schema_ir::identifiers(&expr.key)
        .into_iter()
        .filter(|i| t.column(i).is_some())
        .collect()
}

fn drop_constraint(
    table: &QualifiedName,
    name: &str,
    kind: &str,
    key_columns: &[String],
    is_key: bool,
) -> Planned {
    let mut removes = vec![Resource::Constraint(table.clone(), name.to_string())];
    if is_key {
        removes.push(Resource::Key(table.clone(), sorted(key_columns)));
        removes.push(Resource::Relation(index_name(table, name)));
    }
    Planned::new(
        Phase::DropConstraint,
        kind,
        constraint_object(table, name),
        format!("ALTER TABLE {table} DROP CONSTRAINT {}", quote_ident(name)),
    )
    .uses_old([Resource::Table(table.clone())])
    .uses_old(
        key_columns
            .iter()
            .map(|c| Resource::Column(table.clone(), c.clone())),
    )
    .removes(removes)
    .lock(access_exclusive(table))
}

//! `CREATE TABLE`: columns (types, `NOT NULL`, defaults, identity, stored generated columns,
//! collations, serial types with their owned sequence) and constraints, column or table
//! level, named with PostgreSQL's generated names in the order PostgreSQL picks them (checks,
//! then primary key and unique indexes, then foreign keys). Also the column and constraint
//! edits shared with `ALTER TABLE`: dropping a column with everything that depends on it,
//! renaming a column or a constraint.

use super::names::{choose_name, column_addition, index_column_names};
use super::{Reader, Res, nodes};
use pg_query::protobuf::{ColumnDef, ConstrType, Constraint, CreateStmt, Node};
use pg_query::{NodeEnum, NodeRef};
use schema_ir::{
    Check, Column, DataType, Deferrable, Exclusion, ExclusionElement, ForeignKey, ForeignKeyAction,
    ForeignKeyMatch, Identity, IdentityGeneration, IndexTarget, PrimaryKey, QualifiedName,
    Sequence, SequenceOptions, SequenceOwner, Table, UniqueConstraint, quote_literal,
};
use std::collections::BTreeSet;

pub(crate) fn constr_type(c: &Constraint) -> ConstrType {
    ConstrType::try_from(c.contype).unwrap_or(ConstrType::Undefined)
}

/// The canonical collation of a `COLLATE` name: bare for `pg_catalog`, qualified otherwise;
/// `None` for `default`.
pub(crate) fn collation_name(names: &[String]) -> Option<String> {
    match names {
        [name] | [_, name] if names.len() == 1 || names[0] == "pg_catalog" => {
            (name != "default").then(|| name.clone())
        }
        [schema, name] => Some(QualifiedName::new(schema.as_str(), name.as_str()).to_string()),
        _ => None,
    }
}

/// The distinct column names an expression refers to.
pub(crate) fn column_refs(node: &Node) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    if let Some(NodeEnum::ColumnRef(c)) = node.node.as_ref() {
        found.extend(c.fields.last().and_then(nodes::string).map(str::to_string));
        return found;
    }
    if let Some(inner) = node.node.as_ref() {
        for (n, _, _, _) in inner.nodes() {
            if let NodeRef::ColumnRef(c) = n {
                found.extend(c.fields.last().and_then(nodes::string).map(str::to_string));
            }
        }
    }
    found
}

/// The distinct column names of an expression held as SQL text.
pub(crate) fn sql_column_refs(sql: &str) -> BTreeSet<String> {
    super::expr::parse_expr(sql)
        .map(|n| column_refs(&n))
        .unwrap_or_default()
}

fn is_null_constant(node: &Node) -> bool {
    match node.node.as_ref() {
        Some(NodeEnum::AConst(c)) => c.isnull,
        Some(NodeEnum::TypeCast(t)) => t.arg.as_deref().is_some_and(is_null_constant),
        _ => false,
    }
}

fn deferrable(c: &Constraint) -> Deferrable {
    match (c.deferrable, c.initdeferred) {
        (_, true) => Deferrable::InitiallyDeferred,
        (true, false) => Deferrable::InitiallyImmediate,
        (false, false) => Deferrable::NotDeferrable,
    }
}

fn fk_action(code: &str) -> ForeignKeyAction {
    match code {
        "r" => ForeignKeyAction::Restrict,
        "c" => ForeignKeyAction::Cascade,
        "n" => ForeignKeyAction::SetNull,
        "d" => ForeignKeyAction::SetDefault,
        _ => ForeignKeyAction::NoAction,
    }
}

fn serial_type(def: &ColumnDef) -> Option<DataType> {
    let t = def.type_name.as_ref()?;
    if !t.array_bounds.is_empty() {
        return None;
    }
    let names = nodes::strings(&t.names);
    let name = match names.as_slice() {
        [name] => name.as_str(),
        [schema, name] if schema == "pg_catalog" => name.as_str(),
        _ => return None,
    };
    let base = match name {
        "serial" | "serial4" => "integer",
        "bigserial" | "serial8" => "bigint",
        "smallserial" | "serial2" => "smallint",
        _ => return None,
    };
    Some(DataType(base.to_string()))
}

impl Reader<'_> {
    pub(crate) fn create_table(&mut self, stmt: &CreateStmt) -> Res<()> {
        let Some(rv) = stmt.relation.as_ref() else {
            return Ok(());
        };
        if rv.relpersistence != "t"
            && let (Some(bound), [parent]) =
                (stmt.partbound.as_ref(), stmt.inh_relations.as_slice())
            && let Some(NodeEnum::RangeVar(parent)) = parent.node.as_ref()
        {
            let name = self.new_name(rv);
            if self.create_partition(name.clone(), parent, bound, stmt.partspec.as_ref())? {
                return Ok(());
            }
        }
        let skipped = if rv.relpersistence == "t" {
            Some("temporary tables are not managed; statement ignored")
        } else if stmt.partbound.is_some() {
            Some("partitions of relations that are not managed are not managed; statement ignored")
        } else if stmt.of_typename.is_some() {
            Some("typed tables (OF type) are not managed; statement ignored")
        } else {
            None
        };
        if let Some(message) = skipped {
            self.warn(message);
            let name = self.new_name(rv);
            self.unmanaged.insert(name);
            return Ok(());
        }
        let name = self.new_name(rv);
        if self.relation_taken(&name.schema, &name.name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!("relation {name} already exists"));
        }
        self.require_namespace(&name.schema)?;

        let mut inherited = Table::new(name.clone());
        for parent in &stmt.inh_relations {
            let Some(NodeEnum::RangeVar(parent)) = parent.node.as_ref() else {
                continue;
            };
            let parent = self.table(parent)?;
            if inherited.inherits.contains(&parent) {
                return Err(format!(
                    "relation {parent} would be inherited more than once"
                ));
            }
            inherited.inherits.push(parent.clone());
            self.inheritance.set(Some(true));
            let parent = &self.schema.tables[&parent];
            for column in &parent.columns {
                if inherited.column(&column.name).is_none() {
                    let mut column = column.clone();
                    column.identity = None;
                    column.comment = None;
                    inherited.columns.push(column);
                }
            }
            for check in parent.checks.values().filter(|c| !c.no_inherit) {
                inherited.checks.insert(check.name.clone(), check.clone());
            }
        }
        inherited.unlogged = rv.relpersistence == "u";
        if let Some(spec) = stmt.partspec.as_ref() {
            inherited.partition_by = Some(self.partition_key(spec)?);
        }
        for (option, namespace, value) in super::policy::storage_parameters(&stmt.options) {
            match namespace {
                // `WITH (OIDS = FALSE)` of old dumps: accepted and ignored by PostgreSQL.
                None if option == "oids" => {}
                None => {
                    inherited.storage.insert(option, value);
                }
                Some(ns) => self.warn(format!("{ns}.{option} is not managed; ignored")),
            }
        }
        self.claim_relation(&name.schema, &name.name);
        for c in inherited.checks.keys() {
            self.claim_constraint(&name.schema, c);
        }
        self.schema.tables.insert(name.clone(), inherited);
        let mut pending = Vec::new();
        for element in &stmt.table_elts {
            match element.node.as_ref() {
                Some(NodeEnum::ColumnDef(def)) => {
                    let merged = self.schema.tables[&name].column(&def.colname).is_some();
                    if merged {
                        self.warn(format!(
                            "column {} merged with the inherited definition",
                            def.colname
                        ));
                        continue;
                    }
                    self.add_column_def(&name, def, &mut pending)?;
                }
                Some(NodeEnum::Constraint(c)) => push_constraint(&mut pending, c),
                Some(NodeEnum::TableLikeClause(_)) => {
                    self.warn("LIKE in CREATE TABLE is not managed; its columns are not read");
                }
                _ => {}
            }
        }
        self.apply_constraints(&name, pending, true)
    }

    /// Adds a column (CREATE TABLE or ALTER TABLE ADD COLUMN); its table-level constraints
    /// are pushed on `pending`.
    pub(crate) fn add_column_def(
        &mut self,
        table: &QualifiedName,
        def: &ColumnDef,
        pending: &mut Vec<Constraint>,
    ) -> Res<()> {
        let exists = self
            .schema
            .tables
            .get(table)
            .is_some_and(|t| t.column(&def.colname).is_some());
        if exists {
            return Err(format!(
                "column {} of relation {table} already exists",
                def.colname
            ));
        }
        let serial = serial_type(def);
        let data_type = match (&serial, def.type_name.as_ref()) {
            (Some(t), _) => t.clone(),
            (None, Some(t)) => self.data_type(t)?,
            (None, None) => return Err(format!("column {} has no type", def.colname)),
        };
        let mut column = Column::new(def.colname.clone(), data_type.clone());
        if let Some(coll) = def.coll_clause.as_ref() {
            column.collation = self.collation(&nodes::strings(&coll.collname));
        }
        let mut identity_name = None;
        for node in &def.constraints {
            let Some(NodeEnum::Constraint(c)) = node.node.as_ref() else {
                continue;
            };
            match constr_type(c) {
                ConstrType::ConstrNotnull => column.not_null = true,
                ConstrType::ConstrNull => column.not_null = false,
                ConstrType::ConstrDefault => {
                    column.default = match c.raw_expr.as_deref() {
                        Some(e) if !is_null_constant(e) => Some(self.default_expr(e, &data_type)?),
                        _ => None,
                    };
                }
                ConstrType::ConstrIdentity => {
                    let spec = self.sequence_spec(&c.options)?;
                    let (_, options) = spec.resolve(None, &data_type);
                    column.identity = Some(Identity {
                        generation: if c.generated_when == "d" {
                            IdentityGeneration::ByDefault
                        } else {
                            IdentityGeneration::Always
                        },
                        sequence: options,
                    });
                    column.not_null = true;
                    identity_name = Some(spec.sequence_name);
                }
                ConstrType::ConstrGenerated => {
                    if c.generated_kind == "v" {
                        self.warn("virtual generated columns are not managed; read as stored");
                    }
                    if let Some(e) = c.raw_expr.as_deref() {
                        column.generated = Some(self.expr(e)?);
                    }
                }
                ConstrType::ConstrPrimary | ConstrType::ConstrUnique => {
                    let mut c = c.clone();
                    c.keys = vec![string_node(&def.colname)];
                    pending.push(*c);
                }
                ConstrType::ConstrForeign => {
                    let mut c = c.clone();
                    c.fk_attrs = vec![string_node(&def.colname)];
                    pending.push(*c);
                }
                _ => push_constraint(pending, c),
            }
        }
        if let Some(sequence_name) = identity_name {
            let name = match sequence_name {
                Some(parts) => {
                    let (schema, name) = super::split_names(&parts).ok_or("invalid name")?;
                    let schema = if schema.is_empty() {
                        table.schema.clone()
                    } else {
                        schema.to_string()
                    };
                    QualifiedName::new(schema, name)
                }
                None => self.choose_relation_name(&table.schema, &table.name, &def.colname),
            };
            self.identity_sequences
                .insert(name, (table.clone(), def.colname.clone()));
        }
        if let Some(serial) = serial {
            let seq_name = self.choose_relation_name(&table.schema, &table.name, &def.colname);
            let text = format!(
                "nextval({}::regclass)",
                quote_literal(&seq_name.to_string())
            );
            column.default = Some(super::expr(&text).map_err(|e| e.to_string())?);
            column.not_null = true;
            self.claim_relation(&seq_name.schema, &seq_name.name);
            self.schema.sequences.insert(
                seq_name.clone(),
                Sequence {
                    name: seq_name,
                    data_type: serial.clone(),
                    options: SequenceOptions::defaults(&serial, 1),
                    owned_by: Some(SequenceOwner {
                        table: table.clone(),
                        column: def.colname.clone(),
                    }),
                    comment: None,
                },
            );
        }
        self.schema
            .tables
            .get_mut(table)
            .ok_or("table vanished")?
            .columns
            .push(column);
        Ok(())
    }

    /// `<table>_<column>_seq`, free in the namespace.
    fn choose_relation_name(&self, schema: &str, table: &str, column: &str) -> QualifiedName {
        let name = choose_name(table, Some(column), "seq", |n| {
            self.relation_taken(schema, n)
        });
        QualifiedName::new(schema, name)
    }

    /// Applies constraints in the order PostgreSQL names them: checks, primary key, unique
    /// constraints, foreign keys. `creating`: duplicates of earlier unique keys are dropped.
    pub(crate) fn apply_constraints(
        &mut self,
        table: &QualifiedName,
        pending: Vec<Constraint>,
        creating: bool,
    ) -> Res<()> {
        let rank = |c: &Constraint| match constr_type(c) {
            ConstrType::ConstrCheck => 0,
            ConstrType::ConstrPrimary => 1,
            ConstrType::ConstrUnique | ConstrType::ConstrExclusion => 2,
            _ => 3,
        };
        let mut ordered = pending;
        ordered.sort_by_key(|c| rank(c));
        for c in &mut ordered {
            // PostgreSQL checks the (empty) table of CREATE TABLE whatever NOT VALID says.
            c.skip_validation &= !creating;
        }
        for c in &ordered {
            if creating && constr_type(c) == ConstrType::ConstrUnique && c.conname.is_empty() {
                let cols = nodes::strings(&c.keys);
                let include = nodes::strings(&c.including);
                let t = &self.schema.tables[table];
                let same_pk = t
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns == cols && pk.include == include);
                let same_unique = t
                    .unique_constraints
                    .values()
                    .any(|u| u.columns == cols && u.include == include);
                if same_pk || same_unique {
                    continue;
                }
            }
            self.add_constraint(table, c)?;
        }
        Ok(())
    }

    /// Adds one table constraint (from CREATE TABLE or ALTER TABLE ADD CONSTRAINT).
    /// The foreign key `c` declares on relation `owner` (a table or a partition), its name
    /// chosen from `owner`'s when none is given.
    pub(crate) fn foreign_key(
        &mut self,
        owner: &QualifiedName,
        explicit: Option<String>,
        c: &Constraint,
    ) -> Res<ForeignKey> {
        let schema = owner.schema.clone();
        let rv = c.pktable.as_ref().ok_or("FOREIGN KEY without table")?;
        let references = self.table(rv)?;
        let columns = nodes::strings(&c.fk_attrs);
        let mut referenced_columns = nodes::strings(&c.pk_attrs);
        if referenced_columns.is_empty() {
            referenced_columns = self.schema.tables[&references]
                .primary_key
                .as_ref()
                .map(|pk| pk.columns.clone())
                .ok_or_else(|| {
                    format!("there is no primary key for referenced table {references}")
                })?;
        }
        let name = explicit.unwrap_or_else(|| {
            choose_name(&owner.name, Some(&column_addition(&columns)), "fkey", |n| {
                self.constraint_taken(&schema, n)
            })
        });
        let match_type = match c.fk_matchtype.as_str() {
            "f" => ForeignKeyMatch::Full,
            "p" => ForeignKeyMatch::Partial,
            _ => ForeignKeyMatch::Simple,
        };
        self.claim_constraint(&schema, &name);
        Ok(ForeignKey {
            name,
            columns,
            references,
            referenced_columns,
            on_delete: fk_action(&c.fk_del_action),
            on_update: fk_action(&c.fk_upd_action),
            match_type,
            deferrable: deferrable(c),
            not_valid: c.skip_validation,
        })
    }

    pub(crate) fn add_constraint(&mut self, table: &QualifiedName, c: &Constraint) -> Res<()> {
        let schema = table.schema.clone();
        let explicit = (!c.conname.is_empty()).then(|| c.conname.clone());
        if let Some(name) = &explicit
            && self.schema.tables[table]
                .constraint_names()
                .any(|n| n == name)
        {
            return Err(format!(
                "constraint {name} for relation {table} already exists"
            ));
        }
        match constr_type(c) {
            ConstrType::ConstrCheck => {
                let raw = c.raw_expr.as_deref().ok_or("CHECK without expression")?;
                let expr = self.table_expr(raw, table)?;
                let refs = column_refs(raw);
                let column = (refs.len() == 1)
                    .then(|| refs.iter().next().cloned())
                    .flatten();
                let name = explicit.unwrap_or_else(|| {
                    choose_name(&table.name, column.as_deref(), "check", |n| {
                        self.constraint_taken(&schema, n)
                    })
                });
                self.claim_constraint(&schema, &name);
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                t.checks.insert(
                    name.clone(),
                    Check {
                        name,
                        expr,
                        no_inherit: c.is_no_inherit,
                        not_valid: c.skip_validation,
                    },
                );
            }
            ConstrType::ConstrPrimary | ConstrType::ConstrUnique => {
                let primary = constr_type(c) == ConstrType::ConstrPrimary;
                let (mut columns, mut include) =
                    (nodes::strings(&c.keys), nodes::strings(&c.including));
                let mut nulls_not_distinct = c.nulls_not_distinct;
                let mut name = explicit;
                if !c.indexname.is_empty() {
                    let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                    let index = t.indexes.remove(&c.indexname).ok_or_else(|| {
                        format!("index {} does not exist on {table}", c.indexname)
                    })?;
                    columns = index
                        .keys
                        .iter()
                        .map(|k| match &k.target {
                            IndexTarget::Column(c) => Ok(c.clone()),
                            IndexTarget::Expression(_) => {
                                Err("index with expressions cannot back a constraint")
                            }
                        })
                        .collect::<Result<_, _>>()?;
                    include = index.include;
                    nulls_not_distinct = index.nulls_not_distinct;
                    name = Some(name.unwrap_or(index.name));
                }
                {
                    let t = &self.schema.tables[table];
                    for col in columns.iter().chain(&include) {
                        if t.column(col).is_none() {
                            return Err(format!(
                                "column {col} named in key does not exist in {table}"
                            ));
                        }
                    }
                    if primary && t.primary_key.is_some() {
                        return Err(format!("multiple primary keys for table {table}"));
                    }
                }
                let taken =
                    |n: &str| self.relation_taken(&schema, n) || self.constraint_taken(&schema, n);
                let name = match name {
                    Some(n) => n,
                    None if primary => choose_name(&table.name, None, "pkey", taken),
                    None => {
                        let all: Vec<String> = columns.iter().chain(&include).cloned().collect();
                        let addition = column_addition(&index_column_names(&all));
                        choose_name(&table.name, Some(&addition), "key", taken)
                    }
                };
                self.claim_relation(&schema, &name);
                self.claim_constraint(&schema, &name);
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                if primary {
                    for col in &columns {
                        if let Some(column) = t.column_mut(col) {
                            column.not_null = true;
                        }
                    }
                    t.primary_key = Some(PrimaryKey {
                        name,
                        columns,
                        include,
                        deferrable: deferrable(c),
                    });
                } else {
                    t.unique_constraints.insert(
                        name.clone(),
                        UniqueConstraint {
                            name,
                            columns,
                            include,
                            nulls_not_distinct,
                            deferrable: deferrable(c),
                        },
                    );
                }
            }
            ConstrType::ConstrForeign => {
                let fk = self.foreign_key(table, explicit, c)?;
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                t.foreign_keys.insert(fk.name.clone(), fk);
            }
            ConstrType::ConstrExclusion => {
                let method = if c.access_method.is_empty() {
                    "btree".to_string()
                } else {
                    c.access_method.to_ascii_lowercase()
                };
                let mut elements = Vec::new();
                let mut colnames = Vec::new();
                for pair in &c.exclusions {
                    let Some(NodeEnum::List(pair)) = pair.node.as_ref() else {
                        continue;
                    };
                    let (Some(NodeEnum::IndexElem(elem)), Some(NodeEnum::List(op))) = (
                        pair.items.first().and_then(|n| n.node.as_ref()),
                        pair.items.get(1).and_then(|n| n.node.as_ref()),
                    ) else {
                        return Err("invalid EXCLUDE element".into());
                    };
                    let (key, colname) = self.index_key(table, &method, elem)?;
                    let op = nodes::strings(&op.items);
                    let operator = match op.as_slice() {
                        [schema, op] if schema == "pg_catalog" => op.clone(),
                        _ => op.join("."),
                    };
                    elements.push(ExclusionElement { key, operator });
                    colnames.push(colname);
                }
                let include = nodes::strings(&c.including);
                colnames.extend(include.iter().cloned());
                let predicate = self.optional_table_expr(c.where_clause.as_deref(), table)?;
                let name = explicit.unwrap_or_else(|| {
                    let addition = column_addition(&index_column_names(&colnames));
                    choose_name(&table.name, Some(&addition), "excl", |n| {
                        self.constraint_taken(&schema, n) || self.relation_taken(&schema, n)
                    })
                });
                self.claim_relation(&schema, &name);
                self.claim_constraint(&schema, &name);
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                t.exclusions.insert(
                    name.clone(),
                    Exclusion {
                        name,
                        method,
                        elements,
                        include,
                        predicate,
                        deferrable: deferrable(c),
                    },
                );
            }
            ConstrType::ConstrNotnull => {
                for key in nodes::strings(&c.keys) {
                    if let Some(col) = self
                        .schema
                        .tables
                        .get_mut(table)
                        .and_then(|t| t.column_mut(&key))
                    {
                        col.not_null = true;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Drops a column and what PostgreSQL drops with it: constraints, indexes and owned
    /// sequences that use it, and foreign keys that reference it.
    pub(crate) fn remove_column(&mut self, table: &QualifiedName, column: &str) -> Res<()> {
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        let position = t
            .columns
            .iter()
            .position(|c| c.name == column)
            .ok_or_else(|| format!("column {column} of relation {table} does not exist"))?;
        t.columns.remove(position);
        let has = |cols: &[String]| cols.iter().any(|c| c == column);
        if t.primary_key
            .as_ref()
            .is_some_and(|pk| has(&pk.columns) || has(&pk.include))
        {
            t.primary_key = None;
        }
        t.unique_constraints
            .retain(|_, u| !has(&u.columns) && !has(&u.include));
        t.checks
            .retain(|_, c| !sql_column_refs(&c.expr.sql).contains(column));
        t.foreign_keys.retain(|_, fk| !has(&fk.columns));
        t.indexes.retain(|_, ix| {
            let in_keys = ix.keys.iter().any(|k| match &k.target {
                IndexTarget::Column(c) => c == column,
                IndexTarget::Expression(e) => sql_column_refs(&e.sql).contains(column),
            });
            let in_predicate = ix
                .predicate
                .as_ref()
                .is_some_and(|p| sql_column_refs(&p.sql).contains(column));
            !in_keys && !has(&ix.include) && !in_predicate
        });
        t.statistics.retain(|_, s| {
            !has(&s.columns)
                && !s
                    .expressions
                    .iter()
                    .any(|e| sql_column_refs(&e.sql).contains(column))
        });
        for other in self.schema.tables.values_mut() {
            other
                .foreign_keys
                .retain(|_, fk| !(fk.references == *table && has(&fk.referenced_columns)));
        }
        self.schema.sequences.retain(|_, s| {
            s.owned_by
                .as_ref()
                .is_none_or(|o| !(o.table == *table && o.column == column))
        });
        self.identity_sequences
            .retain(|_, (t, c)| !(t == table && c == column));
        Ok(())
    }

    pub(crate) fn rename_column(&mut self, table: &QualifiedName, old: &str, new: &str) -> Res<()> {
        self.retarget_grants(|t| match t {
            schema_ir::GrantTarget::Column(r, c) if r == table && c == old => {
                Some(schema_ir::GrantTarget::Column(r.clone(), new.to_string()))
            }
            _ => None,
        });
        let t = self.schema.tables.get(table).ok_or("table vanished")?;
        if t.column(old).is_none() {
            return Err(format!("column {old} of relation {table} does not exist"));
        }
        if t.column(new).is_some() {
            return Err(format!("column {new} of relation {table} already exists"));
        }
        let rename = |cols: &mut Vec<String>| {
            for c in cols.iter_mut() {
                if c == old {
                    *c = new.to_string();
                }
            }
        };
        let rewrite = |e: &schema_ir::Expr| -> Res<schema_ir::Expr> {
            let mut node = super::expr::parse_expr(&e.sql)?;
            rename_refs(&mut node, old, new);
            self.table_expr(&node, table)
        };
        let mut publications = self.schema.publications.clone();
        for published in publications
            .values_mut()
            .filter_map(|p| p.tables.get_mut(table))
        {
            if let Some(columns) = &mut published.columns {
                rename(columns);
            }
            if let Some(f) = &published.row_filter {
                published.row_filter = Some(rewrite(f)?);
            }
        }
        let mut t = self.schema.tables[table].clone();
        for c in &mut t.columns {
            if c.name == old {
                c.name = new.to_string();
            }
            if let Some(d) = &c.default {
                c.default = Some(rewrite(d)?);
            }
            if let Some(g) = &c.generated {
                c.generated = Some(rewrite(g)?);
            }
        }
        if let Some(pk) = &mut t.primary_key {
            rename(&mut pk.columns);
            rename(&mut pk.include);
        }
        for u in t.unique_constraints.values_mut() {
            rename(&mut u.columns);
            rename(&mut u.include);
        }
        for c in t.checks.values_mut() {
            c.expr = rewrite(&c.expr)?;
        }
        for fk in t.foreign_keys.values_mut() {
            rename(&mut fk.columns);
        }
        for ix in t.indexes.values_mut() {
            rename(&mut ix.include);
            for k in &mut ix.keys {
                match &mut k.target {
                    IndexTarget::Column(c) if c == old => *c = new.to_string(),
                    IndexTarget::Expression(e) => *e = rewrite(e)?,
                    _ => {}
                }
            }
            if let Some(p) = &ix.predicate {
                ix.predicate = Some(rewrite(p)?);
            }
        }
        for s in t.statistics.values_mut() {
            rename(&mut s.columns);
            for e in &mut s.expressions {
                *e = rewrite(e)?;
            }
        }
        self.schema.tables.insert(table.clone(), t);
        for other in self.schema.tables.values_mut() {
            for fk in other.foreign_keys.values_mut() {
                if fk.references == *table {
                    rename(&mut fk.referenced_columns);
                }
            }
        }
        self.schema.publications = publications;
        for s in self.schema.sequences.values_mut() {
            if let Some(o) = s
                .owned_by
                .as_mut()
                .filter(|o| o.table == *table && o.column == old)
            {
                o.column = new.to_string();
            }
        }
        for (t, c) in self.identity_sequences.values_mut() {
            if t == table && c == old {
                *c = new.to_string();
            }
        }
        Ok(())
    }

    pub(crate) fn rename_constraint(
        &mut self,
        table: &QualifiedName,
        old: &str,
        new: &str,
    ) -> Res<()> {
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        if t.constraint_names().any(|n| n == new) {
            return Err(format!(
                "constraint {new} for relation {table} already exists"
            ));
        }
        if let Some(pk) = t.primary_key.as_mut().filter(|pk| pk.name == old) {
            pk.name = new.to_string();
        } else if let Some(mut u) = t.unique_constraints.remove(old) {
            u.name = new.to_string();
            t.unique_constraints.insert(new.to_string(), u);
        } else if let Some(mut c) = t.checks.remove(old) {
            c.name = new.to_string();
            t.checks.insert(new.to_string(), c);
        } else if let Some(mut fk) = t.foreign_keys.remove(old) {
            fk.name = new.to_string();
            t.foreign_keys.insert(new.to_string(), fk);
        } else {
            return Err(format!("constraint {old} for table {table} does not exist"));
        }
        Ok(())
    }
}

fn string_node(text: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: text.to_string(),
        })),
    }
}

/// Adds a constraint to the pending list; `DEFERRABLE`/`INITIALLY …` attribute nodes modify
/// the constraint before them.
pub(crate) fn push_constraint(pending: &mut Vec<Constraint>, c: &Constraint) {
    let target = pending.last_mut();
    match (constr_type(c), target) {
        (ConstrType::ConstrAttrDeferrable, Some(last)) => last.deferrable = true,
        (ConstrType::ConstrAttrNotDeferrable, Some(last)) => last.deferrable = false,
        (ConstrType::ConstrAttrDeferred, Some(last)) => {
            last.initdeferred = true;
            last.deferrable = true;
        }
        (ConstrType::ConstrAttrImmediate, Some(last)) => last.initdeferred = false,
        (
            ConstrType::ConstrAttrDeferrable
            | ConstrType::ConstrAttrNotDeferrable
            | ConstrType::ConstrAttrDeferred
            | ConstrType::ConstrAttrImmediate
            | ConstrType::ConstrAttrEnforced
            | ConstrType::ConstrAttrNotEnforced,
            _,
        ) => {}
        _ => pending.push(c.clone()),
    }
}

/// Renames column references `old` to `new` inside an expression tree.
pub(crate) fn rename_refs(node: &mut Node, old: &str, new: &str) {
    nodes::walk_expr_mut(node, &mut |inner| {
        if let NodeEnum::ColumnRef(c) = inner
            && let Some(NodeEnum::String(s)) = c.fields.last_mut().and_then(|f| f.node.as_mut())
            && s.sval == old
        {
            s.sval = new.to_string();
        }
    });
}

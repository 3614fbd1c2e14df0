//! `ALTER TABLE`: columns (add, drop, type, default, NOT NULL, identity, generated
//! expression) and constraints (add, including `USING INDEX`; drop; alter deferrability),
//! applied to the table the way PostgreSQL applies them. Subcommands that change nothing the
//! tool manages (owner, storage, statistics, row security…) become warnings.

use super::{Reader, Res, display_rv, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{AlterTableCmd, AlterTableStmt, AlterTableType, DropBehavior, ObjectType};
use schema_ir::{Deferrable, Identity, IdentityGeneration, QualifiedName};

impl Reader<'_> {
    pub(crate) fn alter_table(&mut self, stmt: &AlterTableStmt) -> Res<()> {
        let Some(rv) = stmt.relation.as_ref() else {
            return Ok(());
        };
        let objtype = ObjectType::try_from(stmt.objtype).unwrap_or(ObjectType::Undefined);
        if matches!(objtype, ObjectType::ObjectView | ObjectType::ObjectMatview)
            && let Some(view) = self.resolve(&rv.schemaname, &rv.relname, |q| {
                self.schema
                    .views
                    .get(q)
                    .is_some_and(|v| v.materialized == (objtype == ObjectType::ObjectMatview))
            })
        {
            for cmd in &stmt.cmds {
                if let Some(NodeEnum::AlterTableCmd(cmd)) = cmd.node.as_ref() {
                    self.alter_view_cmd(&view, cmd);
                }
            }
            return Ok(());
        }
        if objtype == ObjectType::ObjectIndex && self.attach_index(&stmt.cmds) {
            return Ok(());
        }
        if objtype != ObjectType::ObjectTable {
            let what = match objtype {
                ObjectType::ObjectIndex => "ALTER INDEX",
                ObjectType::ObjectSequence => "ALTER SEQUENCE",
                ObjectType::ObjectView => "ALTER VIEW",
                ObjectType::ObjectMatview => "ALTER MATERIALIZED VIEW",
                ObjectType::ObjectForeignTable => "ALTER FOREIGN TABLE",
                ObjectType::ObjectType => "ALTER TYPE",
                _ => "ALTER",
            };
            self.warn(format!(
                "{what} with these options is not managed; statement ignored"
            ));
            return Ok(());
        }
        let Some(table) = self.find_table(rv) else {
            if stmt.missing_ok {
                return Ok(());
            }
            if let Some((table, partition)) = self.find_partition(&rv.schemaname, &rv.relname) {
                for cmd in &stmt.cmds {
                    if let Some(NodeEnum::AlterTableCmd(cmd)) = cmd.node.as_ref()
                        && !self.partition_cmd(&table, Some(&partition), cmd)?
                        && !self.partition_foreign_key(&partition, cmd)?
                    {
                        self.warn("ALTER TABLE of a partition is not managed; subcommand ignored");
                    }
                }
                return Ok(());
            }
            if self.is_unmanaged(rv) {
                self.warn("ALTER TABLE of a relation that is not managed; statement ignored");
                return Ok(());
            }
            if self.find_sequence(rv).is_some() {
                self.warn("ALTER TABLE of a sequence is not managed; statement ignored");
                return Ok(());
            }
            return Err(format!("relation {} does not exist", display_rv(rv)));
        };
        for cmd in &stmt.cmds {
            if let Some(NodeEnum::AlterTableCmd(cmd)) = cmd.node.as_ref() {
                self.alter_table_cmd(&table, cmd)?;
                if rv.inh {
                    self.recurse_to_children(&table, cmd)?;
                }
            }
        }
        Ok(())
    }

    /// What PostgreSQL applies to the tables inheriting from `table` (unless `ONLY`):
    /// added columns (merged where a child has one), dropped columns, type, default and
    /// NOT NULL changes, and added or dropped checks that are inherited.
    fn recurse_to_children(&mut self, table: &QualifiedName, cmd: &AlterTableCmd) -> Res<()> {
        let subtype = AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
        let def = cmd.def.as_deref().and_then(|d| d.node.as_ref());
        for child in self.children(table) {
            let Some(t) = self.schema.tables.get(&child) else {
                continue;
            };
            let applies = match (subtype, def) {
                (AlterTableType::AtAddColumn, Some(NodeEnum::ColumnDef(col))) => {
                    t.column(&col.colname).is_none()
                }
                (
                    AlterTableType::AtDropColumn
                    | AlterTableType::AtAlterColumnType
                    | AlterTableType::AtColumnDefault
                    | AlterTableType::AtSetNotNull
                    | AlterTableType::AtDropNotNull,
                    _,
                ) => t.column(&cmd.name).is_some(),
                (AlterTableType::AtAddConstraint, Some(NodeEnum::Constraint(c))) => {
                    c.contype == pg_query::protobuf::ConstrType::ConstrCheck as i32
                        && !c.is_no_inherit
                        && !t.checks.contains_key(&c.conname)
                }
                (AlterTableType::AtDropConstraint, _) => t.checks.contains_key(&cmd.name),
                _ => false,
            };
            if applies {
                self.alter_table_cmd(&child, cmd)?;
                self.recurse_to_children(&child, cmd)?;
            }
        }
        Ok(())
    }

    /// `ALTER [MATERIALIZED] VIEW … SET (…)` and `RESET (…)`; other subcommands (owner,
    /// column defaults of a view) are not managed.
    fn alter_view_cmd(&mut self, view: &QualifiedName, cmd: &AlterTableCmd) {
        let subtype = AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
        let options: &[pg_query::protobuf::Node] =
            match cmd.def.as_deref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::List(l)) => &l.items,
                _ => &[],
            };
        match subtype {
            AlterTableType::AtSetRelOptions => {
                let set = self.view_options(options);
                if let Some(v) = self.schema.views.get_mut(view) {
                    v.options.extend(set);
                }
            }
            AlterTableType::AtResetRelOptions => {
                let reset = super::policy::storage_parameters(options);
                if let Some(v) = self.schema.views.get_mut(view) {
                    for (name, namespace, _) in reset {
                        if namespace.is_none() {
                            v.options.remove(&name);
                        }
                    }
                }
            }
            _ => self.warn("ALTER VIEW with these options is not managed; ignored"),
        }
    }

    /// `ATTACH PARTITION` and `DETACH PARTITION` on `table` or on its partition `parent`:
    /// returns whether `cmd` was one of them.
    /// `ALTER INDEX … ATTACH PARTITION i`: index `i` of a partition becomes part of an index
    /// of the partitioned table, which the partition then has through its table. Whether
    /// every subcommand was one.
    fn attach_index(&mut self, cmds: &[pg_query::protobuf::Node]) -> bool {
        let mut attached = Vec::new();
        for cmd in cmds {
            let Some(NodeEnum::AlterTableCmd(cmd)) = cmd.node.as_ref() else {
                return false;
            };
            let subtype =
                AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
            let Some(NodeEnum::PartitionCmd(p)) = cmd.def.as_deref().and_then(|d| d.node.as_ref())
            else {
                return false;
            };
            match (subtype, p.name.as_ref()) {
                (AlterTableType::AtAttachPartition, Some(rv)) => attached.push(rv.clone()),
                _ => return false,
            }
        }
        for rv in attached {
            if let Some((owner, index)) = self.find_index(&rv.schemaname, &rv.relname)
                && !self.schema.tables.contains_key(&owner)
                && let Some(indexes) = self.indexes_mut(&owner)
            {
                indexes.remove(&index);
            }
        }
        true
    }

    /// A foreign key added to or dropped from partition `partition` alone. Whether `cmd` was
    /// one.
    fn partition_foreign_key(
        &mut self,
        partition: &QualifiedName,
        cmd: &AlterTableCmd,
    ) -> Res<bool> {
        let subtype = AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
        fn keys<'s>(
            schema: &'s mut schema_ir::Schema,
            partition: &QualifiedName,
        ) -> Option<&'s mut std::collections::BTreeMap<String, schema_ir::ForeignKey>> {
            schema
                .tables
                .values_mut()
                .find_map(|t| t.partitions.get_mut(partition))
                .map(|p| &mut p.foreign_keys)
        }
        match (subtype, cmd.def.as_deref().and_then(|d| d.node.as_ref())) {
            (AlterTableType::AtAddConstraint, Some(NodeEnum::Constraint(c)))
                if c.contype == pg_query::protobuf::ConstrType::ConstrForeign as i32 =>
            {
                let explicit = (!c.conname.is_empty()).then(|| c.conname.clone());
                let fk = self.foreign_key(partition, explicit, c)?;
                keys(self.schema, partition)
                    .ok_or("partition vanished")?
                    .insert(fk.name.clone(), fk);
                Ok(true)
            }
            (AlterTableType::AtDropConstraint, _) => {
                let removed = keys(self.schema, partition)
                    .and_then(|k| k.remove(&cmd.name))
                    .is_some();
                Ok(removed || cmd.missing_ok)
            }
            _ => Ok(false),
        }
    }

    fn partition_cmd(
        &mut self,
        table: &QualifiedName,
        parent: Option<&QualifiedName>,
        cmd: &AlterTableCmd,
    ) -> Res<bool> {
        let subtype = AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
        let Some(NodeEnum::PartitionCmd(partition)) =
            cmd.def.as_deref().and_then(|d| d.node.as_ref())
        else {
            return Ok(false);
        };
        match (subtype, partition.name.as_ref(), partition.bound.as_ref()) {
            (AlterTableType::AtAttachPartition, Some(rv), Some(bound)) => {
                self.attach_partition(table, parent, rv, bound)?
            }
            (
                AlterTableType::AtDetachPartition | AlterTableType::AtDetachPartitionFinalize,
                Some(rv),
                _,
            ) => self.detach_partition(table, parent, rv)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn alter_table_cmd(&mut self, table: &QualifiedName, cmd: &AlterTableCmd) -> Res<()> {
        let subtype = AlterTableType::try_from(cmd.subtype).unwrap_or(AlterTableType::Undefined);
        let def_node = cmd.def.as_deref();
        let def = def_node.and_then(|d| d.node.as_ref());
        let column_exists = self.schema.tables[table].column(&cmd.name).is_some();
        let missing_column = || format!("column {} of relation {table} does not exist", cmd.name);
        let needs_column = matches!(
            subtype,
            AlterTableType::AtAlterColumnType
                | AlterTableType::AtColumnDefault
                | AlterTableType::AtDropNotNull
                | AlterTableType::AtSetNotNull
                | AlterTableType::AtAddIdentity
                | AlterTableType::AtSetIdentity
                | AlterTableType::AtDropIdentity
                | AlterTableType::AtDropExpression
        );
        if needs_column && !column_exists {
            return Err(missing_column());
        }
        match subtype {
            AlterTableType::AtAddColumn => {
                let Some(NodeEnum::ColumnDef(col)) = def else {
                    return Ok(());
                };
                if cmd.missing_ok && self.schema.tables[table].column(&col.colname).is_some() {
                    return Ok(());
                }
                let mut pending = Vec::new();
                self.add_column_def(table, col, &mut pending)?;
                self.apply_constraints(table, pending, false)?;
            }
            AlterTableType::AtDropColumn => {
                if !column_exists {
                    if cmd.missing_ok {
                        return Ok(());
                    }
                    return Err(missing_column());
                }
                self.remove_column(table, &cmd.name)?;
            }
            AlterTableType::AtAlterColumnType => {
                let Some(NodeEnum::ColumnDef(col)) = def else {
                    return Ok(());
                };
                let type_name = col.type_name.as_ref().ok_or("ALTER TYPE without a type")?;
                let data_type = self.data_type(type_name)?;
                let collation = col
                    .coll_clause
                    .as_ref()
                    .and_then(|c| self.collation(&nodes::strings(&c.collname)));
                let column = self.column_mut(table, &cmd.name)?;
                column.data_type = data_type;
                column.collation = collation;
            }
            AlterTableType::AtColumnDefault => {
                let data_type = self.column_mut(table, &cmd.name)?.data_type.clone();
                let default = match cmd.def.as_deref() {
                    Some(e) => Some(self.default_expr(e, &data_type)?),
                    None => None,
                };
                self.column_mut(table, &cmd.name)?.default = default;
            }
            AlterTableType::AtDropNotNull => {
                let in_pk = self.schema.tables[table]
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns.contains(&cmd.name));
                if in_pk {
                    return Err(format!("column {} is in a primary key", cmd.name));
                }
                self.column_mut(table, &cmd.name)?.not_null = false;
            }
            AlterTableType::AtSetNotNull => self.column_mut(table, &cmd.name)?.not_null = true,
            AlterTableType::AtAddIdentity => {
                let Some(NodeEnum::Constraint(c)) = def else {
                    return Ok(());
                };
                let spec = self.sequence_spec(&c.options)?;
                let column = self.schema.tables[table]
                    .column(&cmd.name)
                    .ok_or_else(missing_column)?;
                if column.identity.is_some() {
                    return Err(format!("column {} is already an identity column", cmd.name));
                }
                let (_, options) = spec.resolve(None, &column.data_type);
                let seq_name = match &spec.sequence_name {
                    Some(parts) => {
                        let (schema, name) =
                            super::split_names(parts).ok_or("invalid sequence name")?;
                        let schema = if schema.is_empty() {
                            table.schema.as_str()
                        } else {
                            schema
                        };
                        QualifiedName::new(schema, name)
                    }
                    None => QualifiedName::new(
                        table.schema.as_str(),
                        super::names::choose_name(&table.name, Some(&cmd.name), "seq", |n| {
                            self.relation_taken(&table.schema, n)
                        })
                        .as_str(),
                    ),
                };
                self.identity_sequences
                    .insert(seq_name, (table.clone(), cmd.name.clone()));
                let column = self.column_mut(table, &cmd.name)?;
                column.identity = Some(Identity {
                    generation: if c.generated_when == "d" {
                        IdentityGeneration::ByDefault
                    } else {
                        IdentityGeneration::Always
                    },
                    sequence: options,
                });
                column.not_null = true;
            }
            AlterTableType::AtSetIdentity => {
                let items = match def {
                    Some(NodeEnum::List(list)) => list.items.clone(),
                    _ => Vec::new(),
                };
                let mut generation = None;
                let mut options = Vec::new();
                for item in items {
                    match item.node.as_ref() {
                        Some(NodeEnum::DefElem(d)) if d.defname == "generated" => {
                            let code = d.arg.as_deref().and_then(nodes::integer);
                            generation = Some(if code == Some(i64::from(b'd')) {
                                IdentityGeneration::ByDefault
                            } else {
                                IdentityGeneration::Always
                            });
                        }
                        _ => options.push(item),
                    }
                }
                let spec = self.sequence_spec(&options)?;
                let column = self.column_mut(table, &cmd.name)?;
                let data_type = column.data_type.clone();
                let identity = column
                    .identity
                    .as_mut()
                    .ok_or_else(|| format!("column {} is not an identity column", cmd.name))?;
                let (_, resolved) =
                    spec.resolve(Some((&identity.sequence, &data_type)), &data_type);
                identity.sequence = resolved;
                if let Some(generation) = generation {
                    identity.generation = generation;
                }
            }
            AlterTableType::AtDropIdentity => {
                let column = self.column_mut(table, &cmd.name)?;
                if column.identity.is_none() {
                    if cmd.missing_ok {
                        return Ok(());
                    }
                    return Err(format!("column {} is not an identity column", cmd.name));
                }
                column.identity = None;
                let (t, c) = (table.clone(), cmd.name.clone());
                self.identity_sequences
                    .retain(|_, (tt, cc)| !(*tt == t && *cc == c));
            }
            AlterTableType::AtDropExpression => {
                self.column_mut(table, &cmd.name)?.generated = None;
            }
            AlterTableType::AtAddConstraint => {
                if let Some(NodeEnum::Constraint(c)) = def {
                    self.add_constraint(table, c)?;
                }
            }
            AlterTableType::AtDropConstraint => {
                let cascade = cmd.behavior == DropBehavior::DropCascade as i32;
                self.drop_constraint(table, &cmd.name, cmd.missing_ok, cascade)?;
            }
            AlterTableType::AtAlterConstraint => {
                let Some(NodeEnum::Constraint(c)) = def else {
                    return Ok(());
                };
                let deferrable = match (c.deferrable, c.initdeferred) {
                    (_, true) => Deferrable::InitiallyDeferred,
                    (true, false) => Deferrable::InitiallyImmediate,
                    _ => Deferrable::NotDeferrable,
                };
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                let fk = t.foreign_keys.get_mut(&c.conname).ok_or_else(|| {
                    format!(
                        "constraint {} of relation {table} does not exist",
                        c.conname
                    )
                })?;
                fk.deferrable = deferrable;
            }
            AlterTableType::AtValidateConstraint => {
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                if let Some(c) = t.checks.get_mut(&cmd.name) {
                    c.not_valid = false;
                } else if let Some(fk) = t.foreign_keys.get_mut(&cmd.name) {
                    fk.not_valid = false;
                } else if !t.constraint_names().any(|n| n == cmd.name) {
                    return Err(format!(
                        "constraint \"{}\" of relation {table} does not exist",
                        cmd.name
                    ));
                }
            }

            AlterTableType::AtAddInherit | AlterTableType::AtDropInherit => {
                let Some(NodeEnum::RangeVar(rv)) = def else {
                    return Ok(());
                };
                let parent = self.table(rv)?;
                let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
                if subtype == AlterTableType::AtAddInherit {
                    if t.inherits.contains(&parent) {
                        return Err(format!(
                            "relation {parent} would be inherited more than once"
                        ));
                    }
                    t.inherits.push(parent);
                    self.inheritance.set(Some(true));
                } else {
                    let before = t.inherits.len();
                    t.inherits.retain(|p| *p != parent);
                    if t.inherits.len() == before {
                        return Err(format!(
                            "relation {parent} is not a parent of relation {table}"
                        ));
                    }
                }
            }
            AlterTableType::AtChangeOwner => self.warn("OWNER TO is not managed; ignored"),
            AlterTableType::AtAttachPartition
            | AlterTableType::AtDetachPartition
            | AlterTableType::AtDetachPartitionFinalize => {
                self.partition_cmd(table, None, cmd)?;
            }
            other => {
                if let Some(state) = super::trigger::enabled_state(other) {
                    return self.set_trigger_enabled(table, &cmd.name, state);
                }
                if let Some(state) = super::rule::enabled_state(other) {
                    return self.set_rule_enabled(table, &cmd.name, state);
                }
                if self.alter_table_option(table, other, def_node)? {
                    return Ok(());
                }
                let name = format!("{other:?}");
                let name = name.strip_prefix("At").unwrap_or(&name).to_string();
                self.warn(format!(
                    "ALTER TABLE subcommand {name} is not managed; ignored"
                ));
            }
        }
        Ok(())
    }

    fn column_mut(&mut self, table: &QualifiedName, column: &str) -> Res<&mut schema_ir::Column> {
        self.schema
            .tables
            .get_mut(table)
            .and_then(|t| t.column_mut(column))
            .ok_or_else(|| format!("column {column} of relation {table} does not exist"))
    }

    fn drop_constraint(
        &mut self,
        table: &QualifiedName,
        name: &str,
        missing_ok: bool,
        cascade: bool,
    ) -> Res<()> {
        let t = self.schema.tables.get(table).ok_or("table vanished")?;
        let key_columns = if t.primary_key.as_ref().is_some_and(|pk| pk.name == name) {
            t.primary_key.as_ref().map(|pk| pk.columns.clone())
        } else {
            t.unique_constraints.get(name).map(|u| u.columns.clone())
        };
        if let Some(columns) = key_columns {
            let dependents: Vec<(QualifiedName, String)> = self
                .schema
                .tables
                .values()
                .flat_map(|other| {
                    other
                        .foreign_keys
                        .values()
                        .filter(|fk| fk.references == *table && fk.referenced_columns == columns)
                        .map(|fk| (other.name.clone(), fk.name.clone()))
                })
                .collect();
            if !dependents.is_empty() && !cascade {
                return Err(format!(
                    "cannot drop constraint {name} on table {table} because constraint {} on table {} depends on it",
                    dependents[0].1, dependents[0].0
                ));
            }
            for (other, fk) in dependents {
                if let Some(o) = self.schema.tables.get_mut(&other) {
                    o.foreign_keys.remove(&fk);
                }
            }
        }
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        if t.primary_key.as_ref().is_some_and(|pk| pk.name == name) {
            // The columns stay NOT NULL (PostgreSQL before 18).
            t.primary_key = None;
        } else if t.unique_constraints.remove(name).is_none()
            && t.checks.remove(name).is_none()
            && t.foreign_keys.remove(name).is_none()
            && !missing_ok
        {
            return Err(format!(
                "constraint {name} of relation {table} does not exist"
            ));
        }
        Ok(())
    }
}

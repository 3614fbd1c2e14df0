//! Schemas, enum types and the statements that act on any managed object: `CREATE SCHEMA`,
//! `CREATE TYPE … AS ENUM`, `ALTER TYPE … ADD/RENAME VALUE`, `DROP …`, `ALTER … RENAME`,
//! `ALTER … SET SCHEMA` and `COMMENT ON …`, with the effects PostgreSQL gives them on the
//! objects that refer to the one changed (foreign keys, owned sequences, column types).

use super::{Reader, Res, display_rv, nodes, split_names};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterEnumStmt, AlterObjectSchemaStmt, CommentStmt, CreateEnumStmt, CreateSchemaStmt,
    DropBehavior, DropStmt, Node, ObjectType, RenameStmt,
};
use schema_ir::{DataType, EnumType, GrantTarget, Namespace, QualifiedName};

fn object_type(value: i32) -> ObjectType {
    ObjectType::try_from(value).unwrap_or(ObjectType::Undefined)
}

/// The name parts of a DROP/COMMENT object node (a list of strings, a type name or a string).
fn object_names(node: &Node) -> Vec<String> {
    match node.node.as_ref() {
        Some(NodeEnum::List(list)) => list
            .items
            .iter()
            .flat_map(|item| match item.node.as_ref() {
                Some(NodeEnum::TypeName(t)) => nodes::strings(&t.names),
                _ => nodes::string(item)
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
            })
            .collect(),
        Some(NodeEnum::TypeName(t)) => nodes::strings(&t.names),
        Some(NodeEnum::String(s)) => vec![s.sval.clone()],
        _ => Vec::new(),
    }
}

impl Reader<'_> {
    pub(crate) fn require_namespace(&self, schema: &str) -> Res<()> {
        if self.schema.namespaces.contains_key(schema) {
            Ok(())
        } else {
            Err(format!(
                "schema {} does not exist",
                schema_ir::quote_ident(schema)
            ))
        }
    }

    pub(crate) fn create_schema(&mut self, stmt: &CreateSchemaStmt) -> Res<()> {
        let name = if stmt.schemaname.is_empty() {
            match stmt.authrole.as_ref() {
                Some(role) if !role.rolename.is_empty() => role.rolename.clone(),
                _ => return Err("CREATE SCHEMA needs a name".into()),
            }
        } else {
            stmt.schemaname.clone()
        };
        if self.schema.namespaces.contains_key(&name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!(
                "schema {} already exists",
                schema_ir::quote_ident(&name)
            ));
        }
        self.schema.namespaces.insert(
            name.clone(),
            Namespace {
                name: name.clone(),
                comment: None,
            },
        );
        if !stmt.schema_elts.is_empty() {
            let saved = std::mem::replace(&mut self.search_path, vec![name]);
            let mut result = Ok(());
            for element in &stmt.schema_elts {
                if let Some(node) = element.node.as_ref() {
                    result = self.statement(node);
                    if result.is_err() {
                        break;
                    }
                }
            }
            self.search_path = saved;
            result?;
        }
        Ok(())
    }

    pub(crate) fn create_enum(&mut self, stmt: &CreateEnumStmt) -> Res<()> {
        let names = nodes::strings(&stmt.type_name);
        let (schema, name) = split_names(&names).ok_or("invalid type name")?;
        let schema = if schema.is_empty() {
            self.creation_schema()
        } else {
            schema.to_string()
        };
        self.require_namespace(&schema)?;
        let qualified = QualifiedName::new(schema, name);
        if self.schema.enums.contains_key(&qualified) {
            return Err(format!("type {qualified} already exists"));
        }
        let values = stmt.vals.iter().filter_map(nodes::constant_text).collect();
        self.schema.enums.insert(
            qualified.clone(),
            EnumType {
                name: qualified,
                values,
                comment: None,
            },
        );
        Ok(())
    }

    pub(crate) fn alter_enum(&mut self, stmt: &AlterEnumStmt) -> Res<()> {
        let names = nodes::strings(&stmt.type_name);
        let name = self
            .find_enum(&names)
            .ok_or_else(|| format!("type {} does not exist", names.join(".")))?;
        let values = &mut self
            .schema
            .enums
            .get_mut(&name)
            .ok_or("enum vanished")?
            .values;
        if !stmt.old_val.is_empty() {
            let position = values
                .iter()
                .position(|v| *v == stmt.old_val)
                .ok_or_else(|| format!("{} is not a value of {name}", stmt.old_val))?;
            values[position] = stmt.new_val.clone();
            return Ok(());
        }
        if values.contains(&stmt.new_val) {
            if stmt.skip_if_new_val_exists {
                return Ok(());
            }
            return Err(format!("enum label {} already exists", stmt.new_val));
        }
        if stmt.new_val_neighbor.is_empty() {
            values.push(stmt.new_val.clone());
        } else {
            let position = values
                .iter()
                .position(|v| *v == stmt.new_val_neighbor)
                .ok_or_else(|| format!("{} is not a value of {name}", stmt.new_val_neighbor))?;
            let at = if stmt.new_val_is_after {
                position + 1
            } else {
                position
            };
            values.insert(at, stmt.new_val.clone());
        }
        Ok(())
    }

    pub(crate) fn drop(&mut self, stmt: &DropStmt) -> Res<()> {
        let cascade = stmt.behavior == DropBehavior::DropCascade as i32;
        let kind = object_type(stmt.remove_type);
        if !matches!(
            kind,
            ObjectType::ObjectTable
                | ObjectType::ObjectSequence
                | ObjectType::ObjectIndex
                | ObjectType::ObjectType
                | ObjectType::ObjectDomain
                | ObjectType::ObjectSchema
        ) {
            self.warn("DROP of an object kind that is not managed; statement ignored");
            return Ok(());
        }
        for object in &stmt.objects {
            let names = object_names(object);
            let (schema, name) = split_names(&names).ok_or("invalid object name")?;
            let missing = |what: &str| -> Res<()> {
                if stmt.missing_ok {
                    Ok(())
                } else {
                    Err(format!("{what} {} does not exist", names.join(".")))
                }
            };
            match kind {
                ObjectType::ObjectTable => {
                    if let Some((parent, partition)) = self.find_partition(schema, name) {
                        if let Some(t) = self.schema.tables.get_mut(&parent) {
                            let mut gone: Vec<QualifiedName> = t
                                .sub_partitions(&partition)
                                .iter()
                                .map(|p| p.name.clone())
                                .collect();
                            gone.push(partition);
                            for name in gone {
                                t.partitions.remove(&name);
                                self.unmanaged.remove(&name);
                            }
                        }
                        continue;
                    }
                    match self.resolve(schema, name, |q| self.schema.tables.contains_key(q)) {
                        Some(q) => self.drop_table(&q, cascade)?,
                        None if self
                            .resolve(schema, name, |q| self.unmanaged.contains(q))
                            .is_some() =>
                        {
                            self.warn("DROP of a relation that is not managed; ignored");
                        }
                        None => missing("table")?,
                    }
                }
                ObjectType::ObjectSequence => {
                    match self.resolve(schema, name, |q| self.schema.sequences.contains_key(q)) {
                        Some(q) => self.drop_sequence(&q, cascade)?,
                        None => missing("sequence")?,
                    }
                }
                ObjectType::ObjectIndex => match self.find_index(schema, name) {
                    Some((table, index)) => {
                        if let Some(indexes) = self.indexes_mut(&table) {
                            indexes.remove(&index);
                        }
                    }
                    None => {
                        let constraint =
                            self.resolve(schema, name, |q| self.relation_taken(&q.schema, &q.name));
                        if constraint.is_some() {
                            return Err(format!(
                                "cannot drop index {name} because a constraint requires it"
                            ));
                        }
                        missing("index")?
                    }
                },
                ObjectType::ObjectType | ObjectType::ObjectDomain => match self.find_enum(&names) {
                    Some(q) => self.drop_enum(&q, cascade)?,
                    None if self.drop_user_type(&names) => {}
                    None => missing("type")?,
                },
                ObjectType::ObjectSchema => {
                    if self.schema.namespaces.contains_key(name) {
                        self.drop_namespace(name, cascade)?;
                    } else {
                        missing("schema")?;
                    }
                }
                _ => {
                    self.warn("DROP of an object kind that is not managed; statement ignored");
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    pub(crate) fn drop_table(&mut self, name: &QualifiedName, cascade: bool) -> Res<()> {
        let children = self.children(name);
        if let Some(child) = children.first()
            && !cascade
        {
            return Err(format!(
                "cannot drop table {name} because table {child} inherits from it"
            ));
        }
        for child in &children {
            if self.schema.tables.contains_key(child) {
                self.drop_table(child, true)?;
            }
        }
        let referencing: Vec<(QualifiedName, String)> = self
            .schema
            .tables
            .values()
            .filter(|t| t.name != *name)
            .flat_map(|t| {
                t.foreign_keys
                    .values()
                    .filter(|fk| fk.references == *name)
                    .map(|fk| (t.name.clone(), fk.name.clone()))
            })
            .collect();
        if !referencing.is_empty() && !cascade {
            return Err(format!(
                "cannot drop table {name} because constraint {} on table {} depends on it",
                referencing[0].1, referencing[0].0
            ));
        }
        for (table, fk) in referencing {
            if let Some(t) = self.schema.tables.get_mut(&table) {
                t.foreign_keys.remove(&fk);
            }
        }
        let partitions = self
            .schema
            .tables
            .values_mut()
            .filter(|t| t.name != *name)
            .flat_map(|t| t.partitions.values_mut());
        for p in partitions {
            if let Some(fk) = p.foreign_keys.values().find(|fk| fk.references == *name)
                && !cascade
            {
                return Err(format!(
                    "cannot drop table {name} because constraint {} on table {} depends on it",
                    fk.name, p.name
                ));
            }
            p.foreign_keys.retain(|_, fk| fk.references != *name);
        }
        self.schema.tables.remove(name);
        for p in self.schema.publications.values_mut() {
            p.tables.remove(name);
        }
        self.schema
            .sequences
            .retain(|_, s| s.owned_by.as_ref().is_none_or(|o| o.table != *name));
        self.identity_sequences.retain(|_, (t, _)| t != name);
        Ok(())
    }

    fn drop_sequence(&mut self, name: &QualifiedName, cascade: bool) -> Res<()> {
        let needle = format!("'{name}'");
        let mut users = Vec::new();
        for table in self.schema.tables.values() {
            for column in &table.columns {
                if column
                    .default
                    .as_ref()
                    .is_some_and(|d| d.key.contains(&needle))
                {
                    users.push((table.name.clone(), column.name.clone()));
                }
            }
        }
        if !users.is_empty() && !cascade {
            return Err(format!(
                "cannot drop sequence {name} because default value for column {} of table {} depends on it",
                users[0].1, users[0].0
            ));
        }
        for (table, column) in users {
            if let Some(c) = self
                .schema
                .tables
                .get_mut(&table)
                .and_then(|t| t.column_mut(&column))
            {
                c.default = None;
            }
        }
        self.schema.sequences.remove(name);
        Ok(())
    }

    fn drop_enum(&mut self, name: &QualifiedName, cascade: bool) -> Res<()> {
        let scalar = DataType::user(name, false);
        let array = DataType::user(name, true);
        let users: Vec<(QualifiedName, String)> = self
            .schema
            .tables
            .values()
            .flat_map(|t| {
                t.columns
                    .iter()
                    .filter(|c| c.data_type == scalar || c.data_type == array)
                    .map(|c| (t.name.clone(), c.name.clone()))
            })
            .collect();
        if !users.is_empty() && !cascade {
            return Err(format!(
                "cannot drop type {name} because column {} of table {} depends on it",
                users[0].1, users[0].0
            ));
        }
        for (table, column) in users {
            self.remove_column(&table, &column)?;
        }
        self.schema.enums.remove(name);
        Ok(())
    }

    fn drop_namespace(&mut self, name: &str, cascade: bool) -> Res<()> {
        let in_schema = |q: &QualifiedName| q.schema == name;
        let used = self.schema.tables.keys().any(in_schema)
            || self.schema.sequences.keys().any(in_schema)
            || self.schema.enums.keys().any(in_schema);
        if used && !cascade {
            return Err(format!(
                "cannot drop schema {name} because other objects depend on it"
            ));
        }
        let tables: Vec<QualifiedName> = self
            .schema
            .tables
            .keys()
            .filter(|q| in_schema(q))
            .cloned()
            .collect();
        for table in tables {
            self.drop_table(&table, true)?;
        }
        let enums: Vec<QualifiedName> = self
            .schema
            .enums
            .keys()
            .filter(|q| in_schema(q))
            .cloned()
            .collect();
        for e in enums {
            self.drop_enum(&e, true)?;
        }
        let sequences: Vec<QualifiedName> = self
            .schema
            .sequences
            .keys()
            .filter(|q| in_schema(q))
            .cloned()
            .collect();
        for s in sequences {
            self.drop_sequence(&s, true)?;
        }
        self.schema.namespaces.remove(name);
        Ok(())
    }

    pub(crate) fn rename(&mut self, stmt: &RenameStmt) -> Res<()> {
        let kind = object_type(stmt.rename_type);
        let new = stmt.newname.clone();
        match kind {
            ObjectType::ObjectSchema => {
                let old = stmt.subname.clone();
                let mut ns = self
                    .schema
                    .namespaces
                    .remove(&old)
                    .ok_or_else(|| format!("schema {old} does not exist"))?;
                ns.name = new.clone();
                self.schema.namespaces.insert(new.clone(), ns);
                self.move_namespace_objects(&old, &new);
                Ok(())
            }
            ObjectType::ObjectType => {
                let names = stmt.object.as_deref().map(object_names).unwrap_or_default();
                let Some(old) = self.find_enum(&names) else {
                    if stmt.missing_ok {
                        return Ok(());
                    }
                    return Err(format!("type {} does not exist", names.join(".")));
                };
                let to = QualifiedName::new(old.schema.as_str(), new.as_str());
                self.move_enum(&old, &to);
                Ok(())
            }
            ObjectType::ObjectTable
            | ObjectType::ObjectSequence
            | ObjectType::ObjectIndex
            | ObjectType::ObjectColumn
            | ObjectType::ObjectTabconstraint => {
                let Some(rv) = stmt.relation.as_ref() else {
                    return Ok(());
                };
                if kind == ObjectType::ObjectTable
                    && let Some((parent, partition)) =
                        self.find_partition(&rv.schemaname, &rv.relname)
                {
                    let to = QualifiedName::new(partition.schema.as_str(), new.as_str());
                    if self.relation_taken(&to.schema, &to.name) {
                        return Err(format!("relation {to} already exists"));
                    }
                    self.claim_relation(&to.schema, &to.name);
                    if let Some(t) = self.schema.tables.get_mut(&parent)
                        && let Some(mut p) = t.partitions.remove(&partition)
                    {
                        p.name = to.clone();
                        t.partitions.insert(to.clone(), p);
                        for p in t.partitions.values_mut() {
                            if p.parent.as_ref() == Some(&partition) {
                                p.parent = Some(to.clone());
                            }
                        }
                    }
                    self.unmanaged.remove(&partition);
                    self.unmanaged.insert(to);
                    return Ok(());
                }
                match kind {
                    ObjectType::ObjectColumn => {
                        let Some(table) = self.find_table(rv) else {
                            return self.missing_relation(rv, stmt.missing_ok);
                        };
                        self.rename_column(&table, &stmt.subname, &new)
                    }
                    ObjectType::ObjectTabconstraint => {
                        let Some(table) = self.find_table(rv) else {
                            return self.missing_relation(rv, stmt.missing_ok);
                        };
                        self.rename_constraint(&table, &stmt.subname, &new)
                    }
                    _ => self.rename_relation(rv, &new, stmt.missing_ok),
                }
            }
            _ => {
                self.warn("RENAME of an object kind that is not managed; statement ignored");
                Ok(())
            }
        }
    }

    fn missing_relation(&mut self, rv: &pg_query::protobuf::RangeVar, missing_ok: bool) -> Res<()> {
        if self.is_unmanaged(rv) {
            self.warn("statement on a relation that is not managed; ignored");
            return Ok(());
        }
        if missing_ok {
            Ok(())
        } else {
            Err(format!("relation {} does not exist", display_rv(rv)))
        }
    }

    /// `ALTER TABLE|SEQUENCE|INDEX … RENAME TO`: whatever relation the name resolves to.
    fn rename_relation(
        &mut self,
        rv: &pg_query::protobuf::RangeVar,
        new: &str,
        missing_ok: bool,
    ) -> Res<()> {
        if let Some(table) = self.find_table(rv) {
            let to = QualifiedName::new(table.schema.as_str(), new);
            if self.relation_taken(&to.schema, new) {
                return Err(format!("relation {to} already exists"));
            }
            self.move_table(&table, &to);
            return Ok(());
        }
        if let Some(seq) = self.find_sequence(rv) {
            let to = QualifiedName::new(seq.schema.as_str(), new);
            if self.relation_taken(&to.schema, new) {
                return Err(format!("relation {to} already exists"));
            }
            self.move_sequence(&seq, &to);
            return Ok(());
        }
        if let Some((table, index)) = self.find_index(&rv.schemaname, &rv.relname) {
            let indexes = self.indexes_mut(&table).ok_or("table vanished")?;
            if let Some(mut ix) = indexes.remove(&index) {
                ix.name = new.to_string();
                indexes.insert(new.to_string(), ix);
            }
            self.note_index(&table, new);
            return Ok(());
        }
        // An index backing a constraint: renaming it renames the constraint.
        let owner = self
            .schema
            .tables
            .values()
            .find(|t| {
                (rv.schemaname.is_empty() || t.name.schema == rv.schemaname)
                    && (t
                        .primary_key
                        .as_ref()
                        .is_some_and(|pk| pk.name == rv.relname)
                        || t.unique_constraints.contains_key(&rv.relname))
            })
            .map(|t| t.name.clone());
        if let Some(table) = owner {
            return self.rename_constraint(&table, &rv.relname, new);
        }
        if let Some(old) = self.resolve(&rv.schemaname, &rv.relname, |q| self.unmanaged.contains(q))
        {
            self.unmanaged
                .insert(QualifiedName::new(old.schema.as_str(), new));
        }
        self.missing_relation(rv, missing_ok)
    }

    pub(crate) fn set_schema(&mut self, stmt: &AlterObjectSchemaStmt) -> Res<()> {
        let new_schema = stmt.newschema.clone();
        self.require_namespace(&new_schema)?;
        match object_type(stmt.object_type) {
            ObjectType::ObjectTable => {
                let Some(rv) = stmt.relation.as_ref() else {
                    return Ok(());
                };
                let Some(table) = self.find_table(rv) else {
                    return self.missing_relation(rv, stmt.missing_ok);
                };
                let to = QualifiedName::new(new_schema.as_str(), table.name.as_str());
                let owned: Vec<QualifiedName> = self
                    .schema
                    .sequences
                    .values()
                    .filter(|s| s.owned_by.as_ref().is_some_and(|o| o.table == table))
                    .map(|s| s.name.clone())
                    .collect();
                self.move_table(&table, &to);
                for seq in owned {
                    let seq_to = QualifiedName::new(new_schema.as_str(), seq.name.as_str());
                    self.move_sequence(&seq, &seq_to);
                }
                Ok(())
            }
            ObjectType::ObjectSequence => {
                let Some(rv) = stmt.relation.as_ref() else {
                    return Ok(());
                };
                let Some(seq) = self.find_sequence(rv) else {
                    return self.missing_relation(rv, stmt.missing_ok);
                };
                let to = QualifiedName::new(new_schema.as_str(), seq.name.as_str());
                self.move_sequence(&seq, &to);
                Ok(())
            }
            ObjectType::ObjectType => {
                let names = stmt.object.as_deref().map(object_names).unwrap_or_default();
                let Some(old) = self.find_enum(&names) else {
                    if stmt.missing_ok {
                        return Ok(());
                    }
                    return Err(format!("type {} does not exist", names.join(".")));
                };
                let to = QualifiedName::new(new_schema.as_str(), old.name.as_str());
                self.move_enum(&old, &to);
                Ok(())
            }
            _ => {
                self.warn("SET SCHEMA of an object kind that is not managed; statement ignored");
                Ok(())
            }
        }
    }

    fn move_namespace_objects(&mut self, old: &str, new: &str) {
        let tables: Vec<QualifiedName> = self
            .schema
            .tables
            .keys()
            .filter(|q| q.schema == old)
            .cloned()
            .collect();
        for t in tables {
            let to = QualifiedName::new(new, t.name.as_str());
            self.move_table(&t, &to);
        }
        let sequences: Vec<QualifiedName> = self
            .schema
            .sequences
            .keys()
            .filter(|q| q.schema == old)
            .cloned()
            .collect();
        for s in sequences {
            let to = QualifiedName::new(new, s.name.as_str());
            self.move_sequence(&s, &to);
        }
        let enums: Vec<QualifiedName> = self
            .schema
            .enums
            .keys()
            .filter(|q| q.schema == old)
            .cloned()
            .collect();
        for e in enums {
            let to = QualifiedName::new(new, e.name.as_str());
            self.move_enum(&e, &to);
        }
    }

    /// Renames or moves a table, following every reference to it.
    fn move_table(&mut self, from: &QualifiedName, to: &QualifiedName) {
        let Some(mut table) = self.schema.tables.remove(from) else {
            return;
        };
        table.name = to.clone();
        self.schema.tables.insert(to.clone(), table);
        for p in self.schema.publications.values_mut() {
            if let Some(t) = p.tables.remove(from) {
                p.tables.insert(to.clone(), t);
            }
        }
        self.retarget_grants(|t| match t {
            GrantTarget::Relation(r) if r == from => Some(GrantTarget::Relation(to.clone())),
            GrantTarget::Column(r, c) if r == from => {
                Some(GrantTarget::Column(to.clone(), c.clone()))
            }
            _ => None,
        });
        for t in self.schema.tables.values_mut() {
            for fk in t.foreign_keys.values_mut() {
                if fk.references == *from {
                    fk.references = to.clone();
                }
            }
            for parent in &mut t.inherits {
                if parent == from {
                    *parent = to.clone();
                }
            }
        }
        for s in self.schema.sequences.values_mut() {
            if let Some(owner) = s.owned_by.as_mut().filter(|o| o.table == *from) {
                owner.table = to.clone();
            }
        }
        let moved: Vec<QualifiedName> = self
            .identity_sequences
            .iter()
            .filter(|(_, (t, _))| t == from)
            .map(|(q, _)| q.clone())
            .collect();
        for q in moved {
            if let Some((_, column)) = self.identity_sequences.remove(&q) {
                let q = QualifiedName::new(to.schema.as_str(), q.name.as_str());
                self.identity_sequences.insert(q, (to.clone(), column));
            }
        }
    }

    /// Renames or moves a sequence; `nextval('…')` defaults follow it.
    fn move_sequence(&mut self, from: &QualifiedName, to: &QualifiedName) {
        let Some(mut seq) = self.schema.sequences.remove(from) else {
            return;
        };
        seq.name = to.clone();
        self.schema.sequences.insert(to.clone(), seq);
        let needle = format!("'{from}'");
        let mut updates = Vec::new();
        for table in self.schema.tables.values() {
            for column in &table.columns {
                if let Some(default) = &column.default
                    && default.key.contains(&needle)
                {
                    updates.push((table.name.clone(), column.name.clone(), default.sql.clone()));
                }
            }
        }
        for (table, column, sql) in updates {
            let sql = replace_sequence_literal(&sql, from, to);
            if let Ok(node) = super::expr::parse_expr(&sql)
                && let Ok(expr) = self.expr(&node)
                && let Some(c) = self
                    .schema
                    .tables
                    .get_mut(&table)
                    .and_then(|t| t.column_mut(&column))
            {
                c.default = Some(expr);
            }
        }
    }

    /// Renames or moves an enum; column types follow it.
    fn move_enum(&mut self, from: &QualifiedName, to: &QualifiedName) {
        let Some(mut e) = self.schema.enums.remove(from) else {
            return;
        };
        e.name = to.clone();
        self.schema.enums.insert(to.clone(), e);
        for t in self.schema.tables.values_mut() {
            for c in &mut t.columns {
                if c.data_type.user_type().as_ref() == Some(from) {
                    c.data_type = DataType::user(to, c.data_type.is_array());
                }
            }
        }
    }

    pub(crate) fn comment(&mut self, stmt: &CommentStmt) -> Res<()> {
        let comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        let names = stmt.object.as_deref().map(object_names).unwrap_or_default();
        let kind = object_type(stmt.objtype);
        let relation = match kind {
            ObjectType::ObjectTable => split_names(&names),
            ObjectType::ObjectColumn => names.split_last().and_then(|(_, t)| split_names(t)),
            _ => None,
        };
        if kind == ObjectType::ObjectTable
            && let Some((schema, name)) = relation
            && let Some((parent, partition)) = self.find_partition(schema, name)
        {
            if let Some(p) = self
                .schema
                .tables
                .get_mut(&parent)
                .and_then(|t| t.partitions.get_mut(&partition))
            {
                p.comment = comment;
            }
            return Ok(());
        }
        if let Some((schema, name)) = relation
            && self
                .resolve(schema, name, |q| self.schema.tables.contains_key(q))
                .is_none()
            && self
                .resolve(schema, name, |q| self.unmanaged.contains(q))
                .is_some()
        {
            self.warn("COMMENT on a relation that is not managed; ignored");
            return Ok(());
        }
        let missing = || format!("object {} does not exist", names.join("."));
        match kind {
            ObjectType::ObjectSchema => {
                let name = names.first().ok_or_else(missing)?;
                self.schema
                    .namespaces
                    .get_mut(name)
                    .ok_or_else(missing)?
                    .comment = comment;
            }
            ObjectType::ObjectTable => {
                let (schema, name) = split_names(&names).ok_or_else(missing)?;
                let q = self
                    .resolve(schema, name, |q| self.schema.tables.contains_key(q))
                    .ok_or_else(missing)?;
                self.schema.tables.get_mut(&q).ok_or_else(missing)?.comment = comment;
            }
            ObjectType::ObjectColumn => {
                let (column, table) = names.split_last().ok_or_else(missing)?;
                let (schema, name) = split_names(table).ok_or_else(missing)?;
                let q = self
                    .resolve(schema, name, |q| self.schema.tables.contains_key(q))
                    .ok_or_else(missing)?;
                self.schema
                    .tables
                    .get_mut(&q)
                    .and_then(|t| t.column_mut(column))
                    .ok_or_else(missing)?
                    .comment = comment;
            }
            ObjectType::ObjectSequence => {
                let (schema, name) = split_names(&names).ok_or_else(missing)?;
                let q = self
                    .resolve(schema, name, |q| self.schema.sequences.contains_key(q))
                    .ok_or_else(missing)?;
                self.schema
                    .sequences
                    .get_mut(&q)
                    .ok_or_else(missing)?
                    .comment = comment;
            }
            ObjectType::ObjectIndex => {
                let (schema, name) = split_names(&names).ok_or_else(missing)?;
                match self.find_index(schema, name) {
                    Some((table, index)) => {
                        if let Some(ix) = self
                            .indexes_mut(&table)
                            .and_then(|indexes| indexes.get_mut(&index))
                        {
                            ix.comment = comment;
                        }
                    }
                    None => self
                        .warn("comments on indexes that back constraints are not managed; ignored"),
                }
            }
            ObjectType::ObjectType | ObjectType::ObjectDomain => match self.find_enum(&names) {
                Some(q) => self.schema.enums.get_mut(&q).ok_or_else(missing)?.comment = comment,
                None if self.comment_user_type(&names, comment) => {}
                None => return Err(missing()),
            },
            _ => self.warn("COMMENT on an object kind that is not managed; statement ignored"),
        }
        Ok(())
    }
}

/// Replaces the sequence literal of `from` in `nextval('…')` text by `to`.
fn replace_sequence_literal(sql: &str, from: &QualifiedName, to: &QualifiedName) -> String {
    let mut out = sql.to_string();
    let unqualified = schema_ir::quote_ident(&from.name);
    for candidate in [from.to_string(), unqualified] {
        let needle = format!("'{candidate}'");
        if out.contains(&needle) {
            out = out.replace(&needle, &format!("'{to}'"));
            break;
        }
    }
    out
}

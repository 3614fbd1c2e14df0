//! The PostgreSQL reader: parses source text with `pg_query` and applies each statement, in
//! order, to a [`Schema`] under construction. This module holds the [`Reader`] (search path,
//! name resolution, diagnostics) and the statement dispatch; the statements themselves live in
//! the submodules (tables, ALTER TABLE, indexes, sequences, views, functions,
//! schemas/types/comments). Anything
//! not managed becomes a warning at the statement's file:line:col.

mod alter;
mod define;
mod domain;
mod event_trigger;
mod expr;
mod extension;
mod function;

mod grant;
mod hints;
mod index;
mod literal;
mod names;
pub(crate) mod nodes;
mod objects;
mod partition;
mod policy;
mod printer;
mod publication;
mod qualifiers;
mod rule;
mod sequence;
mod statistics;
mod table;
mod text_search;
mod trigger;
mod types;
mod view;

use crate::source::Source;
use crate::{Diagnostic, ParseError, Severity};
use pg_query::NodeEnum;
use pg_query::protobuf::{Node, RangeVar, TypeName};
use schema_ir::{DataType, Expr, QualifiedName, Schema};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use expr::split_identifiers;
pub use view::{ViewKey, catalog_view_key};

/// A managed statement that cannot be applied, with the reason.
pub(crate) type Res<T> = Result<T, String>;

/// The comparison key of an expression (see the `expr` module for the normalizations).
pub fn canonical_expr(sql: &str) -> Result<String, ParseError> {
    expr::key_of_sql(sql, &expr::KeyContext::public()).map_err(|m| text_error(sql, m))
}

/// An expression with its canonical key: `Expr { sql: sql.trim(), key }`.
pub fn expr(sql: &str) -> Result<Expr, ParseError> {
    Ok(Expr::new(sql.trim(), canonical_expr(sql)?))
}

/// A column default of type `data_type` with its canonical key; see
/// [`Reader::default_expr`].
pub fn column_default(sql: &str, data_type: &DataType) -> Result<Expr, ParseError> {
    thread_local! {
        /// Keys already computed: catalogs repeat the same defaults on many columns.
        static KEYS: RefCell<HashMap<(String, String), String>> = RefCell::default();
    }
    let memo = (sql.to_string(), data_type.0.clone());
    if let Some(key) = KEYS.with_borrow(|keys| keys.get(&memo).cloned()) {
        return Ok(Expr::new(sql.trim(), key));
    }
    let node = expr::parse_expr(sql).map_err(|m| text_error(sql, m))?;
    let key = expr::key_of_default(&node, &data_type.0, &expr::KeyContext::public())
        .map_err(|m| text_error(sql, m))?;
    KEYS.with_borrow_mut(|keys| keys.insert(memo, key.clone()));
    Ok(Expr::new(sql.trim(), key))
}

/// The canonical type of a type written as text, e.g. as `format_type` prints it.
pub fn data_type(sql_type: &str) -> Result<DataType, ParseError> {
    thread_local! {
        /// Types already read: a catalog names the same few types on every table.
        static TYPES: RefCell<HashMap<String, DataType>> = RefCell::default();
    }
    if let Some(known) = TYPES.with_borrow(|types| types.get(sql_type).cloned()) {
        return Ok(known);
    }
    let data_type = types::parse_type(sql_type).map_err(|m| text_error(sql_type, m))?;
    TYPES.with_borrow_mut(|types| types.insert(sql_type.to_string(), data_type.clone()));
    Ok(data_type)
}

/// Applies one DDL statement (as the catalog prints it) to a schema under construction,
/// through the same code the file reader uses.
pub fn apply_statement(schema: &mut Schema, sql: &str) -> Result<(), ParseError> {
    let mut reader = Reader::new(schema);
    reader.search_path = Vec::new();
    reader.catalog = true;
    reader.read(sql, "<catalog>")
}

/// The partition key `pg_get_partkeydef` prints (`RANGE (created_at)`), canonical.
pub fn partition_key(
    schema: &mut Schema,
    text: &str,
) -> Result<schema_ir::PartitionKey, ParseError> {
    let sql = format!("CREATE TABLE partition_key () PARTITION BY {text}");
    let parsed = crate::tree::parse(&sql).map_err(|e| text_error(text, nodes::error_text(&e)))?;
    let spec = parsed
        .stmts
        .first()
        .and_then(|s| s.stmt.as_ref())
        .and_then(|s| match s.node.as_ref() {
            Some(NodeEnum::CreateStmt(c)) => c.partspec.clone(),
            _ => None,
        })
        .ok_or_else(|| text_error(text, "not a partition key".into()))?;
    let mut reader = Reader::new(schema);
    reader.search_path = Vec::new();
    reader.partition_key(&spec).map_err(|m| text_error(text, m))
}

/// Applies a `CREATE FUNCTION` statement as `pg_get_functiondef` prints it and returns the
/// signature of the routine it created.
pub fn apply_function(schema: &mut Schema, sql: &str) -> Result<Option<String>, ParseError> {
    let mut reader = Reader::new(schema);
    reader.search_path = Vec::new();
    reader.catalog = true;
    reader.read(sql, "<catalog>")?;
    Ok(reader.last_routine)
}

fn text_error(text: &str, message: String) -> ParseError {
    ParseError::Syntax(Diagnostic {
        severity: Severity::Error,
        message,
        file: "<expression>".into(),
        line: 1,
        col: 1,
        source_line: text.lines().next().unwrap_or("").to_string(),
    })
}

/// Reads statements into a schema, keeping the search path and diagnostics between sources.
/// What comments in the files ask of the differ and planner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// `-- schema:renamed-from`, in the form `--rename` takes (`public.a=public.b`).
    pub renames: Vec<String>,
    /// `-- schema:using`: (table, column, `USING` expression of a change of its type).
    pub casts: Vec<(QualifiedName, String, String)>,
}

pub struct Reader<'s> {
    pub(crate) schema: &'s mut Schema,
    /// The current `search_path` (default `public`).
    pub(crate) search_path: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    /// Warnings of the statement being applied.
    pub(crate) warnings: Vec<String>,
    /// Relation names taken by identity columns' internal sequences → (table, column).
    pub(crate) identity_sequences: BTreeMap<QualifiedName, (QualifiedName, String)>,
    /// Relations created by statements that are not managed (views, partitions, …).
    pub(crate) unmanaged: BTreeSet<QualifiedName>,
    /// Collations created by the files (column collations resolve to them).
    pub(crate) collations: BTreeSet<QualifiedName>,
    /// Types created by statements that are not managed (composite, domain, range, base
    /// types), so that names of them resolve on the search path.
    pub(crate) unmanaged_types: BTreeSet<QualifiedName>,
    /// The first statement seen that may change the schema in ways not read (a DO block, a
    /// procedure call): later failures to apply become warnings.
    opaque: Option<String>,
    /// The signature of the routine the last `CREATE FUNCTION` created.
    pub(crate) last_routine: Option<String>,
    /// Statements printed by the catalog: consistent by construction, so names are not
    /// checked for clashes.
    catalog: bool,
    /// Every relation name (schema, name) that may be taken: a superset, built on first use
    /// and extended wherever a relation is added, so that a name outside it is free without
    /// looking through every table. Rebuilt after renames.
    claimed_relations: RefCell<Option<HashSet<(String, String)>>>,
    /// The same for constraint names.
    claimed_constraints: RefCell<Option<HashSet<(String, String)>>>,
    /// The table of each index (schema, index name), built on first use and extended as
    /// indexes are created; an entry is checked against the schema before it is trusted, so
    /// a stale one only costs a scan.
    index_tables: RefCell<Option<HashMap<(String, String), QualifiedName>>>,
    /// Rename hints found in comments (`-- schema:renamed-from`), as `--rename` takes them.
    pub(crate) renames: Vec<String>,
    /// `USING` expressions of `-- schema:using` comments: (table, column, expression).
    pub(crate) casts: Vec<(QualifiedName, String, String)>,
    /// Whether any table inherits from another: found on first use, set when one is made to.
    pub(crate) inheritance: std::cell::Cell<Option<bool>>,
}

impl<'s> Reader<'s> {
    pub fn new(schema: &'s mut Schema) -> Reader<'s> {
        Reader {
            schema,
            search_path: vec!["public".to_string()],
            diagnostics: Vec::new(),
            warnings: Vec::new(),
            identity_sequences: BTreeMap::new(),
            unmanaged: BTreeSet::new(),
            collations: BTreeSet::new(),
            unmanaged_types: BTreeSet::new(),
            opaque: None,
            last_routine: None,
            catalog: false,
            renames: Vec::new(),
            casts: Vec::new(),
            claimed_relations: RefCell::new(None),
            claimed_constraints: RefCell::new(None),
            index_tables: RefCell::new(None),
            inheritance: std::cell::Cell::new(None),
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// The hints of the files read (renames, `USING` expressions), and their diagnostics.
    pub fn finish(self) -> (Hints, Vec<Diagnostic>) {
        (
            Hints {
                renames: self.renames,
                casts: self.casts,
            },
            self.diagnostics,
        )
    }

    /// Parses `text` and applies its statements in order.
    pub fn read(&mut self, text: &str, file: &str) -> Result<(), ParseError> {
        let source = Source::new(text, file);
        source.each_statement(
            |statement| {
                let Some(stmt) = statement.node.as_ref() else {
                    return Ok(());
                };
                let offset = statement.start;
                let result = self.statement(stmt);
                if result.is_ok() {
                    // Locations inside the statement count from its base.
                    let span = hints::Span {
                        text: &source.text[statement.base..],
                        start: statement.start - statement.base,
                        end: statement.end - statement.base,
                    };
                    self.hints(span, stmt);
                }
                if matches!(
                    stmt,
                    NodeEnum::RenameStmt(_) | NodeEnum::AlterObjectSchemaStmt(_)
                ) {
                    self.reclaim();
                }
                for message in std::mem::take(&mut self.warnings) {
                    self.diagnostics
                        .push(source.diagnostic(Severity::Warning, offset, message));
                }
                let Err(message) = result else {
                    return Ok(());
                };
                if let Some(opaque) = self.opaque.clone() {
                    self.diagnostics.push(source.diagnostic(
                        Severity::Warning,
                        offset,
                        format!(
                            "cannot apply: {message}; statement ignored ({opaque} may have changed the schema)"
                        ),
                    ));
                    return Ok(());
                }
                Err(ParseError::Unsupported(source.diagnostic(
                    Severity::Error,
                    offset,
                    message,
                )))
            },
            ParseError::Syntax,
        )?;
        self.forget_orphan_grants();
        Ok(())
    }

    pub(crate) fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    fn unmanaged(&mut self, what: &str) {
        self.warn(format!("{what} is not managed; statement ignored"));
    }

    /// Applies one parsed statement.
    fn statement(&mut self, stmt: &NodeEnum) -> Res<()> {
        match stmt {
            NodeEnum::VariableSetStmt(set) => {
                self.set_variable(set);
                Ok(())
            }
            NodeEnum::TransactionStmt(_) => Ok(()),
            NodeEnum::SelectStmt(select) => {
                if !self.set_config(select) {
                    self.unmanaged("SELECT");
                    self.opaque
                        .get_or_insert_with(|| "an earlier SELECT".to_string());
                }
                Ok(())
            }
            NodeEnum::DoStmt(_) | NodeEnum::CallStmt(_) => {
                self.unmanaged("DO/CALL");
                self.opaque
                    .get_or_insert_with(|| "an earlier DO block or CALL".to_string());
                Ok(())
            }
            NodeEnum::CreateSchemaStmt(s) => self.create_schema(s),
            NodeEnum::CreateEnumStmt(s) => self.create_enum(s),
            NodeEnum::CreateDomainStmt(s) => self.create_domain(s),
            NodeEnum::DefineStmt(s) if text_search::is_text_search_object(s.kind) => {
                self.define_text_search(s)
            }
            NodeEnum::AlterTsconfigurationStmt(s) => self.alter_text_search_configuration(s),
            NodeEnum::AlterTsdictionaryStmt(s) => self.alter_text_search_dictionary(s),
            NodeEnum::DropStmt(s) if text_search::is_text_search_object(s.remove_type) => {
                self.drop_text_search(s)
            }
            NodeEnum::CommentStmt(s) if text_search::is_text_search_object(s.objtype) => {
                self.comment_text_search(s)
            }
            NodeEnum::RenameStmt(s) if text_search::is_text_search_object(s.rename_type) => {
                self.rename_text_search(s)
            }
            NodeEnum::AlterObjectSchemaStmt(s)
                if text_search::is_text_search_object(s.object_type) =>
            {
                self.set_text_search_schema(s)
            }
            NodeEnum::DefineStmt(s) if define::is_managed(s.kind) => self.define(s),
            NodeEnum::CreatePublicationStmt(s) => self.create_publication(s),
            NodeEnum::AlterPublicationStmt(s) => self.alter_publication(s),
            NodeEnum::DropStmt(s) if publication::is_publication_object(s.remove_type) => {
                self.drop_publication(s)
            }
            NodeEnum::CommentStmt(s) if publication::is_publication_object(s.objtype) => {
                self.comment_publication(s)
            }
            NodeEnum::RenameStmt(s) if publication::is_publication_object(s.rename_type) => {
                self.rename_publication(s)
            }
            NodeEnum::CreateEventTrigStmt(s) => self.create_event_trigger(s),
            NodeEnum::AlterEventTrigStmt(s) => self.alter_event_trigger(s),
            NodeEnum::DropStmt(s) if event_trigger::is_event_trigger_object(s.remove_type) => {
                self.drop_event_trigger(s)
            }
            NodeEnum::CommentStmt(s) if event_trigger::is_event_trigger_object(s.objtype) => {
                self.comment_event_trigger(s)
            }
            NodeEnum::RenameStmt(s) if event_trigger::is_event_trigger_object(s.rename_type) => {
                self.rename_event_trigger(s)
            }
            NodeEnum::CreateStatsStmt(s) => self.create_statistics(s),
            NodeEnum::AlterStatsStmt(s) => self.alter_statistics(s),
            NodeEnum::DropStmt(s) if statistics::is_statistics_object(s.remove_type) => {
                self.drop_statistics(s)
            }
            NodeEnum::CommentStmt(s) if statistics::is_statistics_object(s.objtype) => {
                self.comment_statistics(s)
            }
            NodeEnum::RenameStmt(s) if statistics::is_statistics_object(s.rename_type) => {
                self.rename_statistics(s)
            }
            NodeEnum::AlterObjectSchemaStmt(s)
                if statistics::is_statistics_object(s.object_type) =>
            {
                self.set_statistics_schema(s)
            }
            NodeEnum::DropStmt(s) if define::is_aggregate_object(s.remove_type) => {
                self.drop_aggregate(&s.objects, s.missing_ok)
            }
            NodeEnum::DropStmt(s) if define::is_collation_object(s.remove_type) => {
                self.drop_collation(&s.objects, s.missing_ok)
            }
            NodeEnum::CommentStmt(s) if define::is_aggregate_object(s.objtype) => {
                self.comment_aggregate(s.object.as_deref(), &s.comment)
            }
            NodeEnum::CommentStmt(s) if define::is_collation_object(s.objtype) => {
                self.comment_collation(s.object.as_deref(), &s.comment)
            }
            NodeEnum::AlterDomainStmt(s) => self.alter_domain(s),
            NodeEnum::CompositeTypeStmt(s) => self.create_composite(s),
            NodeEnum::AlterEnumStmt(s) => self.alter_enum(s),
            NodeEnum::CreateSeqStmt(s) => self.create_sequence(s),
            NodeEnum::AlterSeqStmt(s) => self.alter_sequence(s),
            NodeEnum::CreateStmt(s) => self.create_table(s),
            NodeEnum::AlterTableStmt(s) => self.alter_table(s),
            NodeEnum::IndexStmt(s) => self.create_index(s),
            NodeEnum::CreateExtensionStmt(s) => self.create_extension(s),
            NodeEnum::AlterExtensionStmt(s) => self.alter_extension(s),
            NodeEnum::DropStmt(s) if extension::is_extension_object(s.remove_type) => {
                self.drop_extension(s)
            }
            NodeEnum::AlterObjectSchemaStmt(s) if extension::is_extension_object(s.object_type) => {
                self.set_extension_schema(s)
            }
            NodeEnum::CreateFunctionStmt(s) => self.create_function(s),
            NodeEnum::AlterFunctionStmt(s) => self.alter_routine(s),
            NodeEnum::DropStmt(s) if function::is_routine_object(s.remove_type) => {
                self.drop_routine(s)
            }
            NodeEnum::CommentStmt(s) if function::is_routine_object(s.objtype) => {
                self.comment_routine(s)
            }
            NodeEnum::RenameStmt(s) if function::is_routine_object(s.rename_type) => {
                self.move_routine(s.object.as_deref(), None, Some(&s.newname))
            }
            NodeEnum::AlterObjectSchemaStmt(s) if function::is_routine_object(s.object_type) => {
                self.move_routine(s.object.as_deref(), Some(&s.newschema), None)
            }
            NodeEnum::CreatePolicyStmt(s) => self.create_policy(s),
            NodeEnum::AlterPolicyStmt(s) => self.alter_policy(s),
            NodeEnum::DropStmt(s) if policy::is_policy_object(s.remove_type) => self.drop_policy(s),
            NodeEnum::CommentStmt(s) if policy::is_policy_object(s.objtype) => {
                self.comment_policy(s.object.as_deref(), &s.comment)
            }
            NodeEnum::RenameStmt(s) if policy::is_policy_object(s.rename_type) => {
                self.rename_policy(s)
            }
            NodeEnum::CreateTrigStmt(s) => self.create_trigger(s),
            NodeEnum::DropStmt(s) if trigger::is_trigger_object(s.remove_type) => {
                self.drop_trigger(s)
            }
            NodeEnum::CommentStmt(s) if trigger::is_trigger_object(s.objtype) => {
                self.comment_trigger(s)
            }
            NodeEnum::RenameStmt(s) if trigger::is_trigger_object(s.rename_type) => {
                self.rename_trigger(s)
            }
            NodeEnum::RuleStmt(s) => self.create_rule(s),
            NodeEnum::DropStmt(s) if rule::is_rule_object(s.remove_type) => self.drop_rule(s),
            NodeEnum::CommentStmt(s) if rule::is_rule_object(s.objtype) => self.comment_rule(s),
            NodeEnum::RenameStmt(s) if rule::is_rule_object(s.rename_type) => self.rename_rule(s),
            NodeEnum::DropStmt(s) if view::is_view_object(s.remove_type) => self.drop_view(s),
            NodeEnum::CommentStmt(s) if view::is_view_object(s.objtype) => self.comment_view(s),
            NodeEnum::ViewStmt(s) => self.create_view(s),
            NodeEnum::CreateTableAsStmt(s) => self.create_table_as(s),
            NodeEnum::DropStmt(s) => self.drop(s),
            NodeEnum::RenameStmt(s) => self.rename(s),
            NodeEnum::AlterObjectSchemaStmt(s) => self.set_schema(s),
            NodeEnum::CommentStmt(s) => self.comment(s),
            NodeEnum::GrantStmt(s) => self.grant(s),
            NodeEnum::AlterOwnerStmt(_) => {
                self.unmanaged("OWNER TO");
                Ok(())
            }
            other => {
                self.note_unmanaged_relation(other);
                let what = statement_kind(other);
                self.unmanaged(&what);
                Ok(())
            }
        }
    }

    /// Remembers the relation an unmanaged statement creates, so that later statements on it
    /// (indexes, ALTER, COMMENT) are warnings too.
    fn note_unmanaged_relation(&mut self, stmt: &NodeEnum) {
        let type_names = match stmt {
            NodeEnum::CreateDomainStmt(d) => nodes::strings(&d.domainname),
            NodeEnum::CreateRangeStmt(r) => nodes::strings(&r.type_name),
            NodeEnum::DefineStmt(d)
                if d.kind == pg_query::protobuf::ObjectType::ObjectType as i32 =>
            {
                nodes::strings(&d.defnames)
            }
            NodeEnum::CompositeTypeStmt(c) => c
                .typevar
                .as_ref()
                .map(|rv| vec![rv.schemaname.clone(), rv.relname.clone()])
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        match split_names(&type_names) {
            Some(("", name)) => {
                let q = QualifiedName::new(self.creation_schema(), name);
                self.unmanaged_types.insert(q);
            }
            Some((schema, name)) => {
                self.unmanaged_types
                    .insert(QualifiedName::new(schema, name));
            }
            None => {}
        }
        let rv = match stmt {
            NodeEnum::ViewStmt(v) => v.view.as_ref(),
            NodeEnum::CreateTableAsStmt(c) => c.into.as_ref().and_then(|i| i.rel.as_ref()),
            NodeEnum::CreateForeignTableStmt(f) => {
                f.base_stmt.as_ref().and_then(|b| b.relation.as_ref())
            }
            _ => None,
        };
        if let Some(rv) = rv {
            let name = self.new_name(rv);
            self.unmanaged.insert(name);
        }
    }

    /// The canonical collation of a `COLLATE` clause: an unqualified name that a file created
    /// with `CREATE COLLATION` resolves on the search path, anything else as written.
    pub(crate) fn collation(&self, names: &[String]) -> Option<String> {
        if let [name] = names
            && let Some(found) = self.resolve("", name, |q| self.collations.contains(q))
        {
            return Some(found.to_string());
        }
        table::collation_name(names)
    }

    /// The partition `rv` names → (its parent, its name).
    pub(crate) fn find_partition(
        &self,
        schema: &str,
        name: &str,
    ) -> Option<(QualifiedName, QualifiedName)> {
        // Partitions are unmanaged relations: the set answers quickly for every other name.
        // A catalog statement is read on its own, without the set.
        let found = self.resolve(schema, name, |q| {
            (self.catalog || self.unmanaged.contains(q))
                && self.schema.partition_parent(q).is_some()
        })?;
        let parent = self.schema.partition_parent(&found)?.name.clone();
        Some((parent, found))
    }

    /// The table and member name of `[schema.]table.member` (a trigger, a rule), when the
    /// table has such a member.
    pub(crate) fn table_member(
        &self,
        names: &[String],
        what: &str,
        has: impl Fn(&schema_ir::Table, &str) -> bool,
    ) -> Res<Option<(QualifiedName, String)>> {
        let Some((member, table)) = names.split_last() else {
            return Err(format!("invalid {what} name"));
        };
        let (schema, name) = split_names(table).ok_or_else(|| format!("invalid {what} name"))?;
        let Some(table) = self.resolve(schema, name, |q| self.schema.tables.contains_key(q)) else {
            return Ok(None);
        };
        let exists = has(&self.schema.tables[&table], member);
        Ok(exists.then(|| (table, member.clone())))
    }

    /// Whether `rv` names a relation created by an unmanaged statement.
    pub(crate) fn is_unmanaged(&self, rv: &RangeVar) -> bool {
        self.resolve(&rv.schemaname, &rv.relname, |q| self.unmanaged.contains(q))
            .is_some()
    }

    // ---- name resolution -------------------------------------------------------------

    /// The schema new unqualified objects are created in.
    pub(crate) fn creation_schema(&self) -> String {
        self.search_path
            .first()
            .cloned()
            .unwrap_or_else(|| "public".to_string())
    }

    /// Resolves `schema.name` (schema possibly empty) against the search path with `exists`.
    pub(crate) fn resolve(
        &self,
        schema: &str,
        name: &str,
        exists: impl Fn(&QualifiedName) -> bool,
    ) -> Option<QualifiedName> {
        if !schema.is_empty() {
            let q = QualifiedName::new(schema, name);
            return exists(&q).then_some(q);
        }
        self.search_path
            .iter()
            .map(|s| QualifiedName::new(s.as_str(), name))
            .find(|q| exists(q))
    }

    /// The name a new object named by `rv` gets.
    pub(crate) fn new_name(&self, rv: &RangeVar) -> QualifiedName {
        let schema = if rv.schemaname.is_empty() {
            self.creation_schema()
        } else {
            rv.schemaname.clone()
        };
        QualifiedName::new(schema, rv.relname.as_str())
    }

    /// An existing table.
    pub(crate) fn find_table(&self, rv: &RangeVar) -> Option<QualifiedName> {
        self.resolve(&rv.schemaname, &rv.relname, |q| {
            self.schema.tables.contains_key(q)
        })
    }

    /// The tables that inherit from `table` directly, by name.
    pub(crate) fn children(&self, table: &QualifiedName) -> Vec<QualifiedName> {
        let any = self.inheritance.get().unwrap_or_else(|| {
            let any = self.schema.tables.values().any(|t| !t.inherits.is_empty());
            self.inheritance.set(Some(any));
            any
        });
        if !any {
            return Vec::new();
        }
        self.schema
            .tables
            .values()
            .filter(|t| t.inherits.contains(table))
            .map(|t| t.name.clone())
            .collect()
    }

    /// An existing table or a clear error.
    pub(crate) fn table(&self, rv: &RangeVar) -> Res<QualifiedName> {
        self.find_table(rv)
            .ok_or_else(|| format!("relation {} does not exist", display_rv(rv)))
    }

    pub(crate) fn find_sequence(&self, rv: &RangeVar) -> Option<QualifiedName> {
        self.resolve(&rv.schemaname, &rv.relname, |q| {
            self.schema.sequences.contains_key(q)
        })
    }

    pub(crate) fn find_enum(&self, names: &[String]) -> Option<QualifiedName> {
        let (schema, name) = split_names(names)?;
        if schema == "pg_catalog" {
            return None;
        }
        self.resolve(schema, name, |q| self.schema.enums.contains_key(q))
    }

    /// The table or materialized view owning index `name` (schema possibly empty) →
    /// (owner, index name).
    pub(crate) fn find_index(&self, schema: &str, name: &str) -> Option<(QualifiedName, String)> {
        let view_owner = |q: &QualifiedName| {
            self.schema
                .views
                .values()
                .find(|v| v.name.schema == q.schema && v.indexes.contains_key(&q.name))
                .map(|v| v.name.clone())
        };
        let partition_owner = |q: &QualifiedName| {
            self.schema
                .tables
                .values()
                .flat_map(|t| t.partitions.values())
                .find(|p| p.name.schema == q.schema && p.indexes.contains_key(&q.name))
                .map(|p| p.name.clone())
        };
        let found = self.resolve(schema, name, |q| {
            self.index_table(&q.schema, &q.name).is_some()
                || view_owner(q).is_some()
                || partition_owner(q).is_some()
        })?;
        let owner = self
            .index_table(&found.schema, &found.name)
            .or_else(|| view_owner(&found))
            .or_else(|| partition_owner(&found))?;
        Some((owner, found.name))
    }

    /// The indexes of `owner`, a table or a materialized view.
    pub(crate) fn indexes_mut(
        &mut self,
        owner: &QualifiedName,
    ) -> Option<&mut BTreeMap<String, schema_ir::Index>> {
        if self.schema.tables.contains_key(owner) {
            return self.schema.tables.get_mut(owner).map(|t| &mut t.indexes);
        }
        if self.schema.views.contains_key(owner) {
            return self.schema.views.get_mut(owner).map(|v| &mut v.indexes);
        }
        self.schema
            .tables
            .values_mut()
            .find_map(|t| t.partitions.get_mut(owner))
            .map(|p| &mut p.indexes)
    }

    /// The table that has index `schema.name` (see `index_tables`).
    fn index_table(&self, schema: &str, name: &str) -> Option<QualifiedName> {
        let has = |table: &QualifiedName| {
            self.schema
                .tables
                .get(table)
                .is_some_and(|t| t.indexes.contains_key(name))
        };
        let mut map = self.index_tables.borrow_mut();
        let map = map.get_or_insert_with(|| {
            self.schema
                .tables
                .values()
                .flat_map(|t| {
                    t.indexes
                        .keys()
                        .map(|i| ((t.name.schema.clone(), i.clone()), t.name.clone()))
                })
                .collect()
        });
        let key = (schema.to_string(), name.to_string());
        if let Some(table) = map.get(&key).filter(|t| has(t)) {
            return Some(table.clone());
        }
        let owner = self.schema.index_owner(schema, name)?.name.clone();
        map.insert(key, owner.clone());
        Some(owner)
    }

    /// Records that `table` has index `name` (for [`Reader::find_index`]).
    pub(crate) fn note_index(&self, table: &QualifiedName, name: &str) {
        if let Some(map) = self.index_tables.borrow_mut().as_mut() {
            map.insert((table.schema.clone(), name.to_string()), table.clone());
        }
    }

    /// Whether a relation (table, sequence, index, constraint index) named `name` exists in
    /// namespace `schema`.
    pub(crate) fn relation_taken(&self, schema: &str, name: &str) -> bool {
        let q = QualifiedName::new(schema, name);
        if self.identity_sequences.contains_key(&q) {
            return true;
        }
        if self.catalog
            || !self.maybe_claimed(&self.claimed_relations, schema, name, relation_names)
        {
            return false;
        }
        self.schema.tables.contains_key(&q)
            || self.schema.views.contains_key(&q)
            || self.schema.partition_parent(&q).is_some()
            || self.schema.sequences.contains_key(&q)
            || self.identity_sequences.contains_key(&q)
            || self.schema.tables.values().any(|t| {
                t.name.schema == schema
                    && (t.indexes.contains_key(name)
                        || t.primary_key.as_ref().is_some_and(|pk| pk.name == name)
                        || t.unique_constraints.contains_key(name)
                        || t.exclusions.contains_key(name))
            })
            || self
                .schema
                .views
                .values()
                .any(|v| v.name.schema == schema && v.indexes.contains_key(name))
    }

    /// Whether `(schema, name)` is in a claimed-name set, building the set on first use.
    fn maybe_claimed(
        &self,
        set: &RefCell<Option<HashSet<(String, String)>>>,
        schema: &str,
        name: &str,
        build: impl Fn(&Schema) -> HashSet<(String, String)>,
    ) -> bool {
        let mut set = set.borrow_mut();
        let set = set.get_or_insert_with(|| build(self.schema));
        set.contains(&(schema.to_string(), name.to_string()))
    }

    /// Records a relation name being taken.
    pub(crate) fn claim_relation(&self, schema: &str, name: &str) {
        if let Some(set) = self.claimed_relations.borrow_mut().as_mut() {
            set.insert((schema.to_string(), name.to_string()));
        }
    }

    /// Records a constraint name being taken.
    pub(crate) fn claim_constraint(&self, schema: &str, name: &str) {
        if let Some(set) = self.claimed_constraints.borrow_mut().as_mut() {
            set.insert((schema.to_string(), name.to_string()));
        }
    }

    /// Forgets the claimed names (after statements that rename or move objects).
    fn reclaim(&self) {
        *self.claimed_relations.borrow_mut() = None;
        *self.claimed_constraints.borrow_mut() = None;
    }

    /// Whether any table of namespace `schema` has a constraint named `name`.
    pub(crate) fn constraint_taken(&self, schema: &str, name: &str) -> bool {
        if self.catalog
            || !self.maybe_claimed(&self.claimed_constraints, schema, name, constraint_names)
        {
            return false;
        }
        self.schema
            .tables
            .values()
            .any(|t| t.name.schema == schema && t.constraint_names().any(|c| c == name))
    }

    /// The canonical type of a parsed type name, user types resolved on the search path.
    pub(crate) fn data_type(&self, type_name: &TypeName) -> Res<DataType> {
        // A type name is looked up the way PostgreSQL does: on the search path, among the
        // types (enums, types of extensions, types created by the files) and the row types
        // of tables and views.
        let lookup = |name: &str| {
            self.find_enum(&[name.to_string()])
                .or_else(|| self.find_extension_type(name))
                .or_else(|| {
                    self.resolve("", name, |q| {
                        self.unmanaged_types.contains(q)
                            || self.schema.domains.contains_key(q)
                            || self.schema.composite_types.contains_key(q)
                            || self.schema.tables.contains_key(q)
                            || self.schema.views.contains_key(q)
                    })
                })
        };
        // A type the files do not define (one from an extension not created by the files,
        // say) is taken to live in `public` when that is on the search path, where
        // extensions are usually installed.
        let default_schema = if self.search_path.iter().any(|s| s == "public") {
            "public".to_string()
        } else {
            self.creation_schema()
        };
        types::data_type(
            type_name,
            &types::Unqualified::Resolve {
                lookup: &lookup,
                default_schema: &default_schema,
            },
        )
    }

    /// An expression node as an IR expression (text from the deparser, canonical key).
    pub(crate) fn expr(&self, node: &Node) -> Res<Expr> {
        self.typed_expr(node, &|_| None)
    }

    /// An expression over the columns of `table` (a check, an index predicate, a policy, a
    /// trigger's `WHEN`): literals compared with its columns are keyed by their types.
    pub(crate) fn table_expr(&self, node: &Node, table: &QualifiedName) -> Res<Expr> {
        let column_type = |c: &pg_query::protobuf::ColumnRef| {
            let fields: Vec<&str> = c.fields.iter().filter_map(nodes::string).collect();
            let column = match fields.as_slice() {
                [column] => *column,
                [relation, column]
                    if *relation == table.name || ["old", "new"].contains(relation) =>
                {
                    *column
                }
                _ => return None,
            };
            let t = self.schema.tables.get(table)?;
            Some(self.base_type(&t.column(column)?.data_type))
        };
        self.typed_expr(node, &column_type)
    }

    /// An optional expression node (`USING`, `WHEN`, `WHERE`) over the columns of `table`.
    pub(crate) fn optional_table_expr(
        &self,
        node: Option<&Node>,
        table: &QualifiedName,
    ) -> Res<Option<Expr>> {
        node.map(|n| self.table_expr(n, table)).transpose()
    }

    /// The type a value of `data_type` is compared as: a domain's base type (at any depth),
    /// canonical type name.
    pub(crate) fn base_type(&self, data_type: &DataType) -> String {
        let mut current = data_type.clone();
        for _ in 0..8 {
            let Some(d) = current
                .user_type()
                .filter(|_| !current.is_array())
                .and_then(|q| self.schema.domains.get(&q))
            else {
                break;
            };
            current = d.data_type.clone();
        }
        current.0
    }

    pub(crate) fn typed_expr(&self, node: &Node, column_type: expr::ColumnTypes<'_>) -> Res<Expr> {
        let relation_schema = |name: &str| {
            self.resolve("", name, |q| {
                self.schema.sequences.contains_key(q)
                    || self.schema.tables.contains_key(q)
                    || self.schema.text_search_configurations.contains_key(q)
            })
            .map_or_else(|| self.creation_schema(), |q| q.schema)
        };
        let ctx = expr::KeyContext {
            relation_schema: &relation_schema,
            qualified_columns: false,
            column_type,
        };
        if self.search_path.first().is_none_or(|s| s == "public") {
            let (sql, key) = expr::text_and_key(node, &ctx)?;
            return Ok(Expr::new(sql, key));
        }
        // Under another search path, what the files create there is named with its
        // schema, so the plan runs the same in any session.
        let outside_public = |q: QualifiedName| (q.schema != "public").then_some(q.schema);
        let routine = |name: &str| {
            self.resolve("", name, |q| {
                self.schema.functions.values().any(|f| f.name == *q)
            })
            .and_then(outside_public)
        };
        let user_type = |name: &str| {
            self.resolve("", name, |q| {
                self.schema.enums.contains_key(q)
                    || self.schema.domains.contains_key(q)
                    || self.schema.composite_types.contains_key(q)
            })
            .and_then(outside_public)
        };
        let mut qualified = node.clone();
        expr::qualify(&mut qualified, &routine, &user_type);
        let sql = expr::deparse(&qualified)?;
        Ok(Expr::new(sql, expr::key_of(node, &ctx)?))
    }

    /// A column default of type `data_type`: a bare constant is keyed as a constant of
    /// that type (see [`expr::key_of_default`]).
    pub(crate) fn default_expr(&self, node: &Node, data_type: &DataType) -> Res<Expr> {
        if !matches!(node.node.as_ref(), Some(pg_query::NodeEnum::AConst(_))) {
            return self.expr(node);
        }
        let key = expr::key_of_default(node, &data_type.0, &expr::KeyContext::public())?;
        Ok(Expr::new(expr::deparse(node)?, key))
    }

    // ---- SET search_path ---------------------------------------------------------------

    fn set_variable(&mut self, set: &pg_query::protobuf::VariableSetStmt) {
        use pg_query::protobuf::VariableSetKind;
        if set.name != "search_path" {
            return;
        }
        let kind = VariableSetKind::try_from(set.kind).unwrap_or(VariableSetKind::Undefined);
        match kind {
            VariableSetKind::VarSetValue => {
                self.search_path = set
                    .args
                    .iter()
                    .filter_map(nodes::constant_text)
                    .filter(|s| !s.is_empty() && s != "$user")
                    .collect();
            }
            VariableSetKind::VarSetDefault | VariableSetKind::VarReset => {
                self.search_path = vec!["public".to_string()];
            }
            _ => {}
        }
    }

    /// `SELECT pg_catalog.set_config('search_path', '…', false)`: returns whether it was one.
    fn set_config(&mut self, select: &pg_query::protobuf::SelectStmt) -> bool {
        let [target] = select.target_list.as_slice() else {
            return false;
        };
        let Some(NodeEnum::ResTarget(target)) = target.node.as_ref() else {
            return false;
        };
        let Some(NodeEnum::FuncCall(call)) = target.val.as_ref().and_then(|v| v.node.as_ref())
        else {
            return false;
        };
        if call.funcname.last().and_then(nodes::string) != Some("set_config") {
            return false;
        }
        let args: Vec<Option<String>> = call.args.iter().map(nodes::constant_text).collect();
        if let [Some(name), Some(value), ..] = args.as_slice() {
            if name == "search_path" {
                self.search_path = value
                    .split(',')
                    .map(|part| {
                        split_identifiers(part)
                            .pop()
                            .unwrap_or_default()
                            .trim()
                            .to_string()
                    })
                    .filter(|s| !s.is_empty() && s != "$user")
                    .collect();
            }
            return true;
        }
        false
    }
}

/// Every relation name of `schema`: tables and their partitions, keys and indexes, sequences.
fn relation_names(schema: &Schema) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    let mut add = |q: &QualifiedName, name: &str| {
        out.insert((q.schema.clone(), name.to_string()));
    };
    for t in schema.tables.values() {
        add(&t.name, &t.name.name);
        for p in t.partitions.keys() {
            add(p, &p.name);
        }
        for name in t
            .indexes
            .keys()
            .chain(t.unique_constraints.keys())
            .chain(t.exclusions.keys())
            .chain(t.primary_key.iter().map(|pk| &pk.name))
        {
            add(&t.name, name);
        }
    }
    for q in schema.sequences.keys() {
        add(q, &q.name);
    }
    for v in schema.views.values() {
        add(&v.name, &v.name.name);
        for name in v.indexes.keys() {
            add(&v.name, name);
        }
    }
    out
}

/// Every constraint name of `schema`, by namespace.
fn constraint_names(schema: &Schema) -> HashSet<(String, String)> {
    schema
        .tables
        .values()
        .flat_map(|t| {
            t.constraint_names()
                .map(|c| (t.name.schema.clone(), c.to_string()))
        })
        .collect()
}

/// `schema.name` or `name` from a list of name parts.
pub(crate) fn split_names(names: &[String]) -> Option<(&str, &str)> {
    match names {
        [name] => Some(("", name.as_str())),
        [schema, name] => Some((schema.as_str(), name.as_str())),
        [_, schema, name] => Some((schema.as_str(), name.as_str())),
        _ => None,
    }
}

pub(crate) fn display_rv(rv: &RangeVar) -> String {
    if rv.schemaname.is_empty() {
        schema_ir::quote_ident(&rv.relname)
    } else {
        QualifiedName::new(rv.schemaname.as_str(), rv.relname.as_str()).to_string()
    }
}

/// A short description of a statement for warnings (`CREATE FUNCTION`).
fn statement_kind(stmt: &NodeEnum) -> String {
    let text = match stmt {
        NodeEnum::CreateFunctionStmt(f) if f.is_procedure => "CREATE PROCEDURE",
        NodeEnum::CreateFunctionStmt(_) => "CREATE FUNCTION",
        NodeEnum::ViewStmt(_) => "CREATE VIEW",
        NodeEnum::CreateTableAsStmt(_) => "CREATE MATERIALIZED VIEW / CREATE TABLE AS",
        NodeEnum::CreateTrigStmt(_) => "CREATE TRIGGER",
        NodeEnum::CreateExtensionStmt(_) => "CREATE EXTENSION",
        NodeEnum::CreateDomainStmt(_) => "CREATE DOMAIN",
        NodeEnum::CompositeTypeStmt(_) => "CREATE TYPE AS (composite)",
        NodeEnum::CreateRangeStmt(_) => "CREATE TYPE AS RANGE",
        NodeEnum::DefineStmt(d) => {
            use pg_query::protobuf::ObjectType;
            match ObjectType::try_from(d.kind) {
                Ok(ObjectType::ObjectAggregate) => "CREATE AGGREGATE",
                Ok(ObjectType::ObjectOperator) => "CREATE OPERATOR",
                Ok(ObjectType::ObjectTsconfiguration) => "CREATE TEXT SEARCH CONFIGURATION",
                Ok(ObjectType::ObjectTsdictionary) => "CREATE TEXT SEARCH DICTIONARY",
                Ok(ObjectType::ObjectTsparser) => "CREATE TEXT SEARCH PARSER",
                Ok(ObjectType::ObjectTstemplate) => "CREATE TEXT SEARCH TEMPLATE",
                _ => "CREATE TYPE",
            }
        }
        NodeEnum::CreatePolicyStmt(_) => "CREATE POLICY",
        NodeEnum::GrantStmt(_) => "GRANT/REVOKE",
        NodeEnum::GrantRoleStmt(_) => "GRANT/REVOKE role",
        NodeEnum::AlterDefaultPrivilegesStmt(_) => "ALTER DEFAULT PRIVILEGES",
        NodeEnum::InsertStmt(_) => "INSERT",
        NodeEnum::UpdateStmt(_) => "UPDATE",
        NodeEnum::DeleteStmt(_) => "DELETE",
        NodeEnum::DoStmt(_) => "DO",
        NodeEnum::RuleStmt(_) => "CREATE RULE",
        NodeEnum::CreateEventTrigStmt(_) => "CREATE EVENT TRIGGER",
        NodeEnum::CreatePublicationStmt(_) => "CREATE PUBLICATION",
        NodeEnum::CreateStatsStmt(_) => "CREATE STATISTICS",
        NodeEnum::CreateCastStmt(_) => "CREATE CAST",
        NodeEnum::CreateOpClassStmt(_) => "CREATE OPERATOR CLASS",
        NodeEnum::CreateForeignTableStmt(_) => "CREATE FOREIGN TABLE",
        NodeEnum::AlterFunctionStmt(_) => "ALTER FUNCTION",
        NodeEnum::AlterExtensionStmt(_) => "ALTER EXTENSION",
        NodeEnum::AlterDomainStmt(_) => "ALTER DOMAIN",
        NodeEnum::CreateRoleStmt(_) => "CREATE ROLE",
        NodeEnum::AlterRoleStmt(_) => "ALTER ROLE",
        NodeEnum::CreatedbStmt(_) => "CREATE DATABASE",
        NodeEnum::TruncateStmt(_) => "TRUNCATE",
        NodeEnum::CopyStmt(_) => "COPY",
        NodeEnum::CreateConversionStmt(_) => "CREATE CONVERSION",
        NodeEnum::AlterOpFamilyStmt(_) => "ALTER OPERATOR FAMILY",
        _ => "",
    };
    if text.is_empty() {
        let debug = format!("{stmt:?}");
        let name = debug.split('(').next().unwrap_or("statement").to_string();
        return format!("statement {name}");
    }
    text.to_string()
}

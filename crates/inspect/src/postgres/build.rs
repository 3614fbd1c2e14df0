//! Catalog rows to IR. Tables and columns are built first, then constraints and indexes
//! are applied as the DDL statements the catalog prints for them, through the parser's own
//! statement code, so both readers canonicalize them the same way. A definition the parser
//! rejects is an error naming the object and the statement, never silently dropped.

use super::queries::{
    CatalogRows, ColumnRow, ConstraintRow, EnumRow, IdentityRow, IndexRow, SequenceRow,
};
use crate::InspectError;
use schema_ir::{
    Column, DataType, EnumType, Expr, Identity, IdentityGeneration, Namespace, QualifiedName,
    Schema, Sequence, SequenceOptions, SequenceOwner, Table, quote_ident,
};
use schema_parse::postgres as pg;

/// The comment every new database gives `public`: part of the empty state
/// ([`Schema::postgres`]), not something a user wrote.
const PUBLIC_COMMENT: &str = "standard public schema";

/// The schema described by the catalog rows.
pub fn build(rows: &CatalogRows) -> Result<Schema, InspectError> {
    let mut schema = Schema::default();
    for row in &rows.namespaces {
        let comment = row
            .comment
            .clone()
            .filter(|c| !(row.name == "public" && c == PUBLIC_COMMENT));
        schema.namespaces.insert(
            row.name.clone(),
            Namespace {
                name: row.name.clone(),
                comment,
            },
        );
    }
    for row in &rows.enums {
        let enum_type = enum_type(row);
        schema.enums.insert(enum_type.name.clone(), enum_type);
    }
    // Objects read through the parser need their namespace; one excluded by a glob stands
    // in while they are read (the file side keeps such objects too).
    let namespace_stand_ins: Vec<String> = rows
        .domains
        .iter()
        .map(|r| &r.schema)
        .chain(rows.composites.iter().map(|r| &r.schema))
        .chain(rows.functions.iter().map(|r| &r.schema))
        .chain(rows.aggregates.iter().map(|r| &r.schema))
        .chain(rows.collations.iter().map(|r| &r.schema))
        .chain(rows.text_search.iter().map(|r| &r.schema))
        .chain(rows.statistics.iter().map(|r| &r.schema))
        .filter(|s| !schema.namespaces.contains_key(*s))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for name in &namespace_stand_ins {
        schema.namespaces.insert(
            name.clone(),
            Namespace {
                name: name.clone(),
                comment: None,
            },
        );
    }
    super::collations::build(&rows.collations, &mut schema);
    super::domains::build(&rows.domains, &rows.composites, &mut schema)?;
    for row in &rows.sequences {
        let sequence = sequence(row)?;
        schema.sequences.insert(sequence.name.clone(), sequence);
    }
    for row in &rows.columns {
        let name = QualifiedName::new(&row.schema, &row.table_name);
        let table = schema.tables.entry(name.clone()).or_insert_with(|| {
            let mut table = Table::new(name.clone());
            table.comment = row.table_comment.clone();
            table
        });
        if let Some(column) = column(&name, row)? {
            table.columns.push(column);
        }
    }
    // A foreign key may reference a table outside the selection; the parser needs the
    // table to exist, so it stands in while constraints are applied.
    let stand_ins: Vec<QualifiedName> = rows
        .constraints
        .iter()
        .filter_map(
            |row| match (&row.referenced_schema, &row.referenced_table) {
                (Some(schema), Some(table)) => Some(QualifiedName::new(schema, table)),
                _ => None,
            },
        )
        .filter(|name| !schema.tables.contains_key(name))
        .collect();
    for name in &stand_ins {
        schema.tables.insert(name.clone(), Table::new(name.clone()));
    }
    // Foreign keys of partitions alone are read once the partitions are.
    let (partition_keys, table_constraints): (Vec<&ConstraintRow>, Vec<&ConstraintRow>) =
        rows.constraints.iter().partition(|row| row.on_partition);
    let constraint_sql = |row: &ConstraintRow| {
        let table = QualifiedName::new(&row.schema, &row.table_name);
        let name = quote_ident(&row.name);
        (
            format!("constraint {name} on {table}"),
            format!(
                "ALTER TABLE ONLY {table} ADD CONSTRAINT {name} {}",
                row.definition
            ),
        )
    };
    let constraints: Vec<(String, String)> = table_constraints
        .iter()
        .map(|r| constraint_sql(r))
        .collect();
    apply_all(&mut schema, &constraints)?;
    for (row, (object, sql)) in table_constraints.iter().zip(&constraints) {
        let created = schema
            .tables
            .get(&QualifiedName::new(&row.schema, &row.table_name))
            .is_some_and(|t| t.constraint_names().any(|n| n == row.name));
        if !created {
            return Err(not_created(object, sql));
        }
    }
    // Indexes of partitions alone are read once the partitions are.
    let (partition_indexes, relation_indexes): (Vec<&IndexRow>, Vec<&IndexRow>) =
        rows.indexes.iter().partition(|row| row.on_partition);
    let indexes: Vec<(String, String)> = relation_indexes
        .iter()
        .map(|row| {
            (
                format!("index {}", QualifiedName::new(&row.schema, &row.name)),
                row.definition.clone(),
            )
        })
        .collect();
    // Materialized views have indexes too.
    super::views::build(&rows.views, &mut schema)?;
    apply_all(&mut schema, &indexes)?;
    for (row, (object, sql)) in relation_indexes.iter().zip(&indexes) {
        let owner = QualifiedName::new(&row.schema, &row.table_name);
        let index = match schema.tables.get_mut(&owner) {
            Some(t) => t.indexes.get_mut(&row.name),
            None => schema
                .views
                .get_mut(&owner)
                .and_then(|v| v.indexes.get_mut(&row.name)),
        }
        .ok_or_else(|| not_created(object, sql))?;
        index.comment = row.comment.clone();
    }
    for name in &stand_ins {
        schema.tables.remove(name);
    }
    super::extensions::build(&rows.extensions, &mut schema);
    super::text_search::build(&rows.text_search, &mut schema)?;
    let routines = super::functions::build(&rows.functions, &mut schema)?;
    super::aggregates::build(&rows.aggregates, &mut schema)?;
    super::triggers::build(&rows.triggers, &mut schema)?;
    super::rules::build(&rows.rules, &mut schema)?;
    super::event_triggers::build(&rows.event_triggers, &mut schema);
    super::publications::build(&rows.publications, &mut schema)?;
    super::statistics::build(&rows.statistics, &mut schema)?;
    super::policies::build(
        &rows.table_options,
        &rows.partitions,
        &rows.policies,
        &mut schema,
    )?;
    partition_indexes_build(&partition_indexes, &mut schema)?;
    // A partition's foreign key to a table outside the selection is left out.
    let partition_keys: Vec<(String, String)> = partition_keys
        .iter()
        .filter(|row| {
            schema
                .partition_parent(&QualifiedName::new(&row.schema, &row.table_name))
                .is_some()
                && match (&row.referenced_schema, &row.referenced_table) {
                    (Some(s), Some(t)) => schema.tables.contains_key(&QualifiedName::new(s, t)),
                    _ => false,
                }
        })
        .map(|r| constraint_sql(r))
        .collect();
    apply_all(&mut schema, &partition_keys)?;
    // The parser gives every routine it reads PostgreSQL's default grant; the catalog's
    // access lists are what counts.
    schema.grants.clear();
    super::grants::build(&rows.grants, &routines, &mut schema);
    for name in &namespace_stand_ins {
        schema.namespaces.remove(name);
    }
    Ok(schema)
}

/// Adds the indexes of partitions alone to the partitions of `schema` (those of a managed
/// table).
fn partition_indexes_build(rows: &[&IndexRow], schema: &mut Schema) -> Result<(), InspectError> {
    for row in rows {
        let partition = QualifiedName::new(&row.schema, &row.table_name);
        if schema.partition_parent(&partition).is_none() {
            continue;
        }
        let object = format!("index {}", QualifiedName::new(&row.schema, &row.name));
        apply_all(schema, &[(object.clone(), row.definition.clone())])?;
        let index = schema
            .tables
            .values_mut()
            .find_map(|t| t.partitions.get_mut(&partition))
            .and_then(|p| p.indexes.get_mut(&row.name))
            .ok_or_else(|| not_created(&object, &row.definition))?;
        index.comment = row.comment.clone();
    }
    Ok(())
}

/// The parser accepted a statement without creating the object it defines.
fn not_created(object: &str, sql: &str) -> InspectError {
    InspectError::Catalog(format!(
        "{object}: the statement did not create it\n    statement: {sql}"
    ))
}

/// Applies the statements of `(object, statement)` pairs in one read (the parser parses the
/// statements ahead on a second thread); an error names the object whose statement failed.
pub(super) fn apply_all(
    schema: &mut Schema,
    statements: &[(String, String)],
) -> Result<(), InspectError> {
    let mut text = String::new();
    let mut first_lines = Vec::with_capacity(statements.len());
    let mut line = 1;
    for (_, sql) in statements {
        first_lines.push(line);
        text.push_str(sql);
        text.push_str(";\n");
        line += 1 + sql.matches('\n').count();
    }
    pg::apply_statement(schema, &text).map_err(|e| {
        let at = e.diagnostic().map_or(1, |d| d.line);
        let index = first_lines.partition_point(|first| *first <= at).max(1) - 1;
        let (object, sql) = &statements[index];
        InspectError::Catalog(format!("{object}: {e}\n    statement: {sql}"))
    })
}

fn enum_type(row: &EnumRow) -> EnumType {
    EnumType {
        name: QualifiedName::new(&row.schema, &row.name),
        values: row.labels.clone(),
        comment: row.comment.clone(),
    }
}

fn data_type(object: &str, text: &str) -> Result<DataType, InspectError> {
    pg::data_type(text)
        .map_err(|e| InspectError::Catalog(format!("type of {object}: {e}\n    type: {text}")))
}

fn expr(object: &str, text: &str) -> Result<Expr, InspectError> {
    pg::expr(text)
        .map_err(|e| InspectError::Catalog(format!("{object}: {e}\n    expression: {text}")))
}

fn sequence(row: &SequenceRow) -> Result<Sequence, InspectError> {
    let name = QualifiedName::new(&row.schema, &row.name);
    let owned_by = match (&row.owner_schema, &row.owner_table, &row.owner_column) {
        (Some(schema), Some(table), Some(column)) => Some(SequenceOwner {
            table: QualifiedName::new(schema, table),
            column: column.clone(),
        }),
        _ => None,
    };
    Ok(Sequence {
        data_type: data_type(&format!("sequence {name}"), &row.data_type)?,
        name,
        options: SequenceOptions {
            start: row.start,
            increment: row.increment,
            min_value: row.min_value,
            max_value: row.max_value,
            cache: row.cache,
            cycle: row.cycle,
        },
        owned_by,
        comment: row.comment.clone(),
    })
}

/// The column of `row`, or `None` for the row of a table without columns.
fn column(table: &QualifiedName, row: &ColumnRow) -> Result<Option<Column>, InspectError> {
    let (Some(name), Some(type_text)) = (&row.name, &row.data_type) else {
        return Ok(None);
    };
    let object = format!("column {table}.{}", quote_ident(name));
    let mut column = Column::new(name.clone(), data_type(&object, type_text)?);
    column.not_null = row.not_null;
    if let Some(text) = &row.default_expr {
        let value = if row.generated.is_empty() {
            pg::column_default(text, &column.data_type)
                .map_err(|e| InspectError::Catalog(format!("default of {object}: {e}: {text}")))?
        } else {
            expr(&format!("generated expression of {object}"), text)?
        };
        match row.generated.as_str() {
            // `DEFAULT NULL` of a type with a length coercion is stored as `NULL::type`.
            "" if value.key == "NULL" => {}
            "" => column.default = Some(value),
            "s" => column.generated = Some(value),
            other => {
                return Err(InspectError::Unsupported(format!(
                    "{object}: generated column kind '{other}' (only STORED is managed)"
                )));
            }
        }
    }
    column.identity = identity(&object, &row.identity, row.identity_options.as_ref())?;
    column.collation = match (&row.collation_schema, &row.collation_name) {
        (Some(schema), Some(name)) if schema == "pg_catalog" => Some(name.clone()),
        (Some(schema), Some(name)) => Some(QualifiedName::new(schema, name).to_string()),
        _ => None,
    };
    column.comment = row.comment.clone();
    Ok(Some(column))
}

fn identity(
    object: &str,
    kind: &str,
    options: Option<&IdentityRow>,
) -> Result<Option<Identity>, InspectError> {
    let generation = match kind {
        "" => return Ok(None),
        "a" => IdentityGeneration::Always,
        "d" => IdentityGeneration::ByDefault,
        other => {
            return Err(InspectError::Unsupported(format!(
                "{object}: identity kind '{other}'"
            )));
        }
    };
    let options = options.ok_or_else(|| {
        InspectError::Catalog(format!("{object}: identity column without its sequence"))
    })?;
    Ok(Some(Identity {
        generation,
        sequence: SequenceOptions {
            start: options.start,
            increment: options.increment,
            min_value: options.min_value,
            max_value: options.max_value,
            cache: options.cache,
            cycle: options.cycle,
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postgres::queries::{ConstraintRow, IndexRow, NamespaceRow};

    fn column_row(name: &str, data_type: &str) -> ColumnRow {
        ColumnRow {
            schema: "public".into(),
            table_name: "t".into(),
            table_comment: Some("a table".into()),
            name: Some(name.into()),
            data_type: Some(data_type.into()),
            not_null: false,
            identity: String::new(),
            generated: String::new(),
            default_expr: None,
            collation_schema: None,
            collation_name: None,
            identity_options: None,
            comment: None,
        }
    }

    fn table_t(schema: &Schema) -> &Table {
        &schema.tables[&QualifiedName::new("public", "t")]
    }

    #[test]
    fn columns_keep_their_attributes() {
        let mut id = column_row("id", "integer");
        id.not_null = true;
        id.identity = "d".into();
        id.identity_options = Some(IdentityRow {
            start: 10,
            increment: 5,
            min_value: 1,
            max_value: 1000,
            cache: 2,
            cycle: true,
        });
        let mut name = column_row("name", "text");
        name.collation_schema = Some("pg_catalog".into());
        name.collation_name = Some("C".into());
        name.comment = Some("the name".into());
        let mut other = column_row("other", "text");
        other.collation_schema = Some("app".into());
        other.collation_name = Some("My Coll".into());
        let mut doubled = column_row("doubled", "integer");
        doubled.generated = "s".into();
        doubled.default_expr = Some("(id * 2)".into());
        let rows = CatalogRows {
            columns: vec![id, name, other, doubled],
            ..CatalogRows::default()
        };
        let schema = build(&rows).unwrap();
        let table = table_t(&schema);
        assert_eq!(table.comment.as_deref(), Some("a table"));
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["id", "name", "other", "doubled"]);
        let identity = table.columns[0].identity.as_ref().unwrap();
        assert_eq!(identity.generation, IdentityGeneration::ByDefault);
        assert_eq!(identity.sequence.start, 10);
        assert!(identity.sequence.cycle);
        assert!(table.columns[0].not_null);
        assert_eq!(table.columns[1].collation.as_deref(), Some("C"));
        assert_eq!(table.columns[1].comment.as_deref(), Some("the name"));
        assert_eq!(
            table.columns[2].collation.as_deref(),
            Some("app.\"My Coll\"")
        );
        assert!(table.columns[3].default.is_none());
        assert_eq!(table.columns[3].generated.as_ref().unwrap().sql, "(id * 2)");
    }

    #[test]
    fn a_table_without_columns_is_kept() {
        let mut row = column_row("x", "integer");
        row.name = None;
        row.data_type = None;
        let schema = build(&CatalogRows {
            columns: vec![row],
            ..CatalogRows::default()
        })
        .unwrap();
        assert!(table_t(&schema).columns.is_empty());
    }

    #[test]
    fn virtual_generated_columns_are_reported() {
        let mut row = column_row("v", "integer");
        row.generated = "v".into();
        row.default_expr = Some("1".into());
        let error = build(&CatalogRows {
            columns: vec![row],
            ..CatalogRows::default()
        })
        .unwrap_err();
        assert!(matches!(error, InspectError::Unsupported(_)), "{error}");
    }

    #[test]
    fn identity_without_its_sequence_is_an_error() {
        let mut row = column_row("id", "integer");
        row.identity = "a".into();
        let error = build(&CatalogRows {
            columns: vec![row],
            ..CatalogRows::default()
        })
        .unwrap_err();
        assert!(matches!(error, InspectError::Catalog(_)), "{error}");
    }

    #[test]
    fn the_default_comment_of_public_is_not_a_comment() {
        let rows = CatalogRows {
            namespaces: vec![
                NamespaceRow {
                    name: "public".into(),
                    comment: Some(PUBLIC_COMMENT.into()),
                },
                NamespaceRow {
                    name: "app".into(),
                    comment: Some(PUBLIC_COMMENT.into()),
                },
            ],
            ..CatalogRows::default()
        };
        let schema = build(&rows).unwrap();
        assert_eq!(schema.namespaces["public"].comment, None);
        assert_eq!(
            schema.namespaces["app"].comment.as_deref(),
            Some(PUBLIC_COMMENT)
        );
    }

    #[test]
    fn sequences_keep_options_and_owner() {
        let rows = CatalogRows {
            sequences: vec![SequenceRow {
                schema: "public".into(),
                name: "t_id_seq".into(),
                data_type: "integer".into(),
                start: 1,
                increment: 1,
                min_value: 1,
                max_value: 2147483647,
                cache: 1,
                cycle: false,
                owner_schema: Some("public".into()),
                owner_table: Some("t".into()),
                owner_column: Some("id".into()),
                comment: Some("ids".into()),
            }],
            ..CatalogRows::default()
        };
        let schema = build(&rows).unwrap();
        let sequence = &schema.sequences[&QualifiedName::new("public", "t_id_seq")];
        assert_eq!(sequence.data_type.0, "integer");
        assert_eq!(
            sequence.options,
            SequenceOptions::defaults(&sequence.data_type, 1)
        );
        let owner = sequence.owned_by.as_ref().unwrap();
        assert_eq!(owner.table, QualifiedName::new("public", "t"));
        assert_eq!(owner.column, "id");
        assert_eq!(sequence.comment.as_deref(), Some("ids"));
    }

    #[test]
    fn constraints_and_indexes_go_through_the_parser() {
        let rows = CatalogRows {
            columns: vec![column_row("id", "integer"), column_row("name", "text")],
            constraints: vec![ConstraintRow {
                on_partition: false,
                schema: "public".into(),
                table_name: "t".into(),
                name: "t_pkey".into(),
                definition: "PRIMARY KEY (id)".into(),
                referenced_schema: None,
                referenced_table: None,
            }],
            indexes: vec![IndexRow {
                on_partition: false,
                schema: "public".into(),
                table_name: "t".into(),
                name: "t_name".into(),
                definition: "CREATE INDEX t_name ON public.t USING btree (name DESC)".into(),
                comment: Some("by name".into()),
            }],
            ..CatalogRows::default()
        };
        let schema = build(&rows).unwrap();
        let table = table_t(&schema);
        assert_eq!(table.primary_key.as_ref().unwrap().columns, ["id"]);
        let index = &table.indexes["t_name"];
        assert!(index.keys[0].descending);
        assert!(index.keys[0].nulls_first);
        assert_eq!(index.comment.as_deref(), Some("by name"));
    }

    #[test]
    fn a_rejected_definition_names_the_object_and_statement() {
        let rows = CatalogRows {
            columns: vec![column_row("id", "integer")],
            constraints: vec![ConstraintRow {
                on_partition: false,
                schema: "public".into(),
                table_name: "t".into(),
                name: "broken".into(),
                definition: "CHECK ((id >".into(),
                referenced_schema: None,
                referenced_table: None,
            }],
            ..CatalogRows::default()
        };
        let error = build(&rows).unwrap_err().to_string();
        assert!(error.contains("constraint broken on public.t"), "{error}");
        assert!(
            error.contains("ALTER TABLE ONLY public.t ADD CONSTRAINT broken CHECK ((id >"),
            "{error}"
        );
    }
}

//! `CREATE INDEX` (and the catalog's `pg_get_indexdef` text, which is the same statement):
//! keys as columns or expressions, access method, collation, operator class (omitted when it
//! is the default for the column's type, as `pg_get_indexdef` does), ordering with
//! `NULLS FIRST/LAST` always explicit, `INCLUDE`, `NULLS NOT DISTINCT`, partial predicates,
//! and PostgreSQL's generated index names (`t_a_b_idx`, `t_lower_idx`, `t_expr_idx`).

use super::names::{choose_name, column_addition, index_column_names};
use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{IndexElem, IndexStmt, Node, SortByDir, SortByNulls};
use schema_ir::{DataType, Index, IndexKey, IndexTarget, QualifiedName};

/// Default operator classes: `method:type=opclass` (from `pg_opclass` where `opcdefault`).
const DEFAULT_OPCLASSES: &[(&str, &str, &str)] = &[
    ("btree", "anyarray", "array_ops"),
    ("btree", "bit", "bit_ops"),
    ("btree", "boolean", "bool_ops"),
    ("btree", "character", "bpchar_ops"),
    ("btree", "bytea", "bytea_ops"),
    ("btree", "\"char\"", "char_ops"),
    ("btree", "date", "date_ops"),
    ("btree", "anyenum", "enum_ops"),
    ("btree", "real", "float4_ops"),
    ("btree", "double precision", "float8_ops"),
    ("btree", "inet", "inet_ops"),
    ("btree", "smallint", "int2_ops"),
    ("btree", "integer", "int4_ops"),
    ("btree", "bigint", "int8_ops"),
    ("btree", "interval", "interval_ops"),
    ("btree", "jsonb", "jsonb_ops"),
    ("btree", "macaddr", "macaddr_ops"),
    ("btree", "money", "money_ops"),
    ("btree", "name", "name_ops"),
    ("btree", "numeric", "numeric_ops"),
    ("btree", "oid", "oid_ops"),
    ("btree", "text", "text_ops"),
    ("btree", "character varying", "text_ops"),
    ("btree", "time without time zone", "time_ops"),
    ("btree", "timestamp without time zone", "timestamp_ops"),
    ("btree", "timestamp with time zone", "timestamptz_ops"),
    ("btree", "time with time zone", "timetz_ops"),
    ("btree", "tsvector", "tsvector_ops"),
    ("btree", "uuid", "uuid_ops"),
    ("btree", "bit varying", "varbit_ops"),
    ("hash", "anyarray", "array_ops"),
    ("hash", "boolean", "bool_ops"),
    ("hash", "character", "bpchar_ops"),
    ("hash", "date", "date_ops"),
    ("hash", "anyenum", "enum_ops"),
    ("hash", "smallint", "int2_ops"),
    ("hash", "integer", "int4_ops"),
    ("hash", "bigint", "int8_ops"),
    ("hash", "jsonb", "jsonb_ops"),
    ("hash", "numeric", "numeric_ops"),
    ("hash", "text", "text_ops"),
    ("hash", "character varying", "text_ops"),
    ("hash", "timestamp without time zone", "timestamp_ops"),
    ("hash", "timestamp with time zone", "timestamptz_ops"),
    ("hash", "uuid", "uuid_ops"),
    ("gin", "anyarray", "array_ops"),
    ("gin", "jsonb", "jsonb_ops"),
    ("gin", "tsvector", "tsvector_ops"),
    ("gist", "box", "box_ops"),
    ("gist", "circle", "circle_ops"),
    ("gist", "point", "point_ops"),
    ("gist", "polygon", "poly_ops"),
    ("gist", "tsquery", "tsquery_ops"),
    ("gist", "tsvector", "tsvector_ops"),
    ("spgist", "text", "text_ops"),
    ("spgist", "inet", "inet_ops"),
    ("spgist", "point", "quad_point_ops"),
    ("brin", "integer", "int4_minmax_ops"),
    ("brin", "bigint", "int8_minmax_ops"),
    (
        "brin",
        "timestamp without time zone",
        "timestamp_minmax_ops",
    ),
    ("brin", "timestamp with time zone", "timestamptz_minmax_ops"),
    ("brin", "date", "date_minmax_ops"),
];

/// Whether `opclass` is the default operator class of `method` for a column of `data_type`.
fn is_default_opclass(method: &str, data_type: &DataType, is_enum: bool, opclass: &str) -> bool {
    let type_key = if data_type.is_array() {
        "anyarray".to_string()
    } else if is_enum {
        "anyenum".to_string()
    } else {
        data_type.base_name().to_string()
    };
    DEFAULT_OPCLASSES
        .iter()
        .any(|(m, t, o)| *m == method && *t == type_key && *o == opclass)
}

/// `FigureColname` for an index expression: the name PostgreSQL gives its column, if any.
fn figure_colname(node: &Node) -> Option<String> {
    match node.node.as_ref()? {
        NodeEnum::ColumnRef(c) => c.fields.last().and_then(nodes::string).map(str::to_string),
        NodeEnum::FuncCall(f) => f
            .funcname
            .last()
            .and_then(nodes::string)
            .map(str::to_string),
        NodeEnum::TypeCast(t) => {
            let arg = t.arg.as_deref().and_then(|a| match a.node.as_ref() {
                Some(NodeEnum::ColumnRef(_)) | Some(NodeEnum::FuncCall(_)) => figure_colname(a),
                Some(NodeEnum::TypeCast(_)) => figure_colname(a),
                _ => None,
            });
            arg.or_else(|| {
                t.type_name
                    .as_ref()
                    .and_then(|n| n.names.last())
                    .and_then(nodes::string)
                    .map(str::to_string)
            })
        }
        NodeEnum::CaseExpr(_) => Some("case".into()),
        NodeEnum::AArrayExpr(_) => Some("array".into()),
        NodeEnum::RowExpr(_) => Some("row".into()),
        NodeEnum::CoalesceExpr(_) => Some("coalesce".into()),
        NodeEnum::MinMaxExpr(m) => Some(if m.op == 0 || m.op == 1 {
            "greatest".into()
        } else {
            "least".into()
        }),
        NodeEnum::AExpr(e) if e.kind == pg_query::protobuf::AExprKind::AexprNullif as i32 => {
            Some("nullif".into())
        }
        NodeEnum::CollateClause(c) => c.arg.as_deref().and_then(figure_colname),
        NodeEnum::AIndirection(i) => i
            .indirection
            .last()
            .and_then(nodes::string)
            .map(str::to_string)
            .or_else(|| i.arg.as_deref().and_then(figure_colname)),
        _ => None,
    }
}

impl Reader<'_> {
    pub(crate) fn create_index(&mut self, stmt: &IndexStmt) -> Res<()> {
        let Some(rv) = stmt.relation.as_ref() else {
            return Ok(());
        };
        let matview = || {
            self.resolve(&rv.schemaname, &rv.relname, |q| {
                self.schema.views.get(q).is_some_and(|v| v.materialized)
            })
        };
        // An index of one partition alone: typed by the partitioned table, named and kept
        // by the partition.
        let partition = || self.find_partition(&rv.schemaname, &rv.relname);
        let found = self
            .find_table(rv)
            .or_else(matview)
            .map(|t| (t.clone(), t))
            .or_else(partition);
        let Some((table, owner)) = found else {
            if self.is_unmanaged(rv) {
                self.warn("index on a relation that is not managed; statement ignored");
                return Ok(());
            }
            return Err(format!("relation {} does not exist", super::display_rv(rv)));
        };
        let method = if stmt.access_method.is_empty() {
            "btree".to_string()
        } else {
            stmt.access_method.to_ascii_lowercase()
        };
        let mut keys = Vec::new();
        let mut colnames = Vec::new();
        for param in &stmt.index_params {
            let Some(NodeEnum::IndexElem(elem)) = param.node.as_ref() else {
                continue;
            };
            let (key, colname) = self.index_key(&table, &method, elem)?;
            keys.push(key);
            colnames.push(colname);
        }
        let mut include = Vec::new();
        for param in &stmt.index_including_params {
            if let Some(NodeEnum::IndexElem(elem)) = param.node.as_ref() {
                include.push(elem.name.clone());
                colnames.push(elem.name.clone());
            }
        }
        let predicate = self.optional_table_expr(stmt.where_clause.as_deref(), &table)?;
        let schema = owner.schema.clone();
        let name = if stmt.idxname.is_empty() {
            let addition = column_addition(&index_column_names(&colnames));
            choose_name(&owner.name, Some(&addition), "idx", |n| {
                self.relation_taken(&schema, n)
            })
        } else {
            stmt.idxname.clone()
        };
        if self.relation_taken(&schema, &name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!(
                "relation {} already exists",
                QualifiedName::new(schema.as_str(), name.as_str())
            ));
        }
        let index = Index {
            name: name.clone(),
            unique: stmt.unique,
            method,
            keys,
            include,
            predicate,
            nulls_not_distinct: stmt.nulls_not_distinct,
            comment: None,
        };
        self.claim_relation(&schema, &name);
        if owner == table {
            self.note_index(&table, &name);
        }
        self.indexes_mut(&owner)
            .ok_or("table vanished")?
            .insert(name, index);
        Ok(())
    }

    /// One index key and the name its index column gets.
    pub(crate) fn index_key(
        &self,
        table: &QualifiedName,
        method: &str,
        elem: &IndexElem,
    ) -> Res<(IndexKey, String)> {
        let column_name = if !elem.name.is_empty() {
            Some(elem.name.clone())
        } else {
            match elem.expr.as_deref().and_then(|e| e.node.as_ref()) {
                Some(NodeEnum::ColumnRef(c)) if c.fields.len() == 1 => {
                    c.fields.first().and_then(nodes::string).map(str::to_string)
                }
                _ => None,
            }
        };
        let (target, colname, column) = match column_name {
            Some(name) => {
                // A materialized view's columns have no types here: no default operator
                // class or collation to compare with.
                let column = match self.schema.tables.get(table) {
                    Some(t) => t.column(&name).map(Some),
                    None => self
                        .schema
                        .views
                        .get(table)
                        .and_then(|v| v.columns.contains(&name).then_some(None)),
                }
                .ok_or_else(|| format!("column {name} does not exist in {table}"))?;
                (IndexTarget::Column(name.clone()), name, column)
            }
            None => {
                let e = elem.expr.as_deref().ok_or("index key without column")?;
                let colname = if elem.indexcolname.is_empty() {
                    figure_colname(e).unwrap_or_else(|| "expr".to_string())
                } else {
                    elem.indexcolname.clone()
                };
                (IndexTarget::Expression(self.expr(e)?), colname, None)
            }
        };
        let mut collation = self.collation(&nodes::strings(&elem.collation));
        if let Some(column) = column
            && collation == column.collation
        {
            collation = None;
        }
        let opclass_names = nodes::strings(&elem.opclass);
        let opclass = match opclass_names.as_slice() {
            [] => None,
            // Operator classes of extensions usually live in `public`, which files leave
            // unqualified and the catalog qualifies: both are kept bare.
            [.., name]
                if opclass_names.len() == 1
                    || opclass_names[0] == "pg_catalog"
                    || opclass_names[0] == "public" =>
            {
                let is_default = column.is_some_and(|c| {
                    let is_enum = c
                        .data_type
                        .user_type()
                        .is_some_and(|q| self.schema.enums.contains_key(&q));
                    is_default_opclass(method, &c.data_type, is_enum, name)
                });
                (!is_default).then(|| name.clone())
            }
            [schema, name] => Some(QualifiedName::new(schema.as_str(), name.as_str()).to_string()),
            _ => None,
        };
        if !elem.opclassopts.is_empty() {
            return Err("operator class options are not supported".into());
        }
        let descending = elem.ordering == SortByDir::SortbyDesc as i32;
        let nulls_first = match SortByNulls::try_from(elem.nulls_ordering) {
            Ok(SortByNulls::SortbyNullsFirst) => true,
            Ok(SortByNulls::SortbyNullsLast) => false,
            _ => descending,
        };
        Ok((
            IndexKey {
                target,
                collation,
                opclass,
                descending,
                nulls_first,
            },
            colname,
        ))
    }
}

//! The PostgreSQL catalog queries (13 to 18), one per object kind, and the rows they return.
//! Every query takes the same two parameters: `$1` the schemas to read (empty = all) and
//! `$2` the exclusion regexes, matched against schema names for namespaces and against
//! qualified names (`schema.name`, unquoted) for everything else, as
//! [`schema_ir::ObjectFilter`] does for schemas read from files. System schemas and objects that belong to an extension are
//! never returned. The queries run with an empty `search_path`, so the catalog functions
//! (`format_type`, `pg_get_expr`, `pg_get_constraintdef`, `pg_get_indexdef`) print fully
//! qualified names.

use sqlx::postgres::PgRow;
use sqlx::{FromRow, PgConnection, Row};

/// The schemas selected by `$1`: not a system schema, not created by an extension.
macro_rules! selected_namespaces {
    () => {
        "WITH ns AS (
            SELECT n.oid, n.nspname::text AS nspname
            FROM pg_catalog.pg_namespace n
            WHERE n.nspname !~ '^pg_'
              AND n.nspname <> 'information_schema'
              AND (pg_catalog.cardinality($1::text[]) = 0 OR n.nspname = ANY ($1::text[]))
              AND NOT EXISTS (
                  SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                    AND e.objid = n.oid AND e.deptype = 'e')
        ) "
    };
}

/// Conditions on the object `$alias` (a row of catalog `$catalog` whose name is column
/// `$name`, in schema `ns`) that select it: not excluded by `$2`, not created by an
/// extension.
macro_rules! selected_object {
    ($catalog:literal, $alias:literal, $name:literal) => {
        concat!(
            " NOT ((ns.nspname || '.' || ",
            $alias,
            ".",
            $name,
            ") ~ ANY ($2::text[]))
              AND NOT EXISTS (
                  SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.",
            $catalog,
            "'::pg_catalog.regclass
                    AND e.objid = ",
            $alias,
            ".oid AND e.deptype = 'e') "
        )
    };
}

/// Conditions on `c` (a `pg_class` row in schema `ns`) that select the managed tables:
/// ordinary and partitioned tables that are not partitions, not excluded by `$2`, and not
/// created by an extension.
macro_rules! selected_tables {
    () => {
        concat!(
            " c.relkind IN ('r', 'p') AND NOT c.relispartition AND",
            selected_object!("pg_class", "c", "relname")
        )
    };
}

pub const NAMESPACES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS name,
            pg_catalog.obj_description(ns.oid, 'pg_namespace') AS comment
     FROM ns
     WHERE NOT (ns.nspname ~ ANY ($2::text[]))
     ORDER BY ns.nspname"
);

pub const ENUMS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            t.typname::text AS name,
            ARRAY(SELECT l.enumlabel::text FROM pg_catalog.pg_enum l
                  WHERE l.enumtypid = t.oid ORDER BY l.enumsortorder) AS labels,
            pg_catalog.obj_description(t.oid, 'pg_type') AS comment
     FROM pg_catalog.pg_type t
     JOIN ns ON ns.oid = t.typnamespace
     WHERE t.typtype = 'e'
       AND",
    selected_object!("pg_type", "t", "typname"),
    "
     ORDER BY 1, 2"
);

pub const SEQUENCES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS name,
            pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
            s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value,
            s.seqmax AS max_value, s.seqcache AS cache, s.seqcycle AS cycle,
            owner_ns.nspname::text AS owner_schema,
            owner.relname::text AS owner_table,
            owner_column.attname::text AS owner_column,
            pg_catalog.obj_description(c.oid, 'pg_class') AS comment
     FROM pg_catalog.pg_class c
     JOIN ns ON ns.oid = c.relnamespace
     JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
     LEFT JOIN pg_catalog.pg_depend owned
            ON owned.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
           AND owned.objid = c.oid
           AND owned.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
           AND owned.refobjsubid > 0
           AND owned.deptype = 'a'
     LEFT JOIN pg_catalog.pg_class owner ON owner.oid = owned.refobjid
     LEFT JOIN pg_catalog.pg_namespace owner_ns ON owner_ns.oid = owner.relnamespace
     LEFT JOIN pg_catalog.pg_attribute owner_column
            ON owner_column.attrelid = owned.refobjid AND owner_column.attnum = owned.refobjsubid
     WHERE c.relkind = 'S'
       AND NOT ((ns.nspname || '.' || c.relname) ~ ANY ($2::text[]))
       AND NOT EXISTS (
           SELECT 1 FROM pg_catalog.pg_depend e
           WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
     ORDER BY 1, 2"
);

/// One row per column (and one row with no column for a table without columns), the rows of
/// a table together in `attnum` order (comments are joined, not looked up per row: on large
/// schemas the lookup functions cost more than the rest of the query); identity options come
/// from the column's internal sequence. A default that reads no column (no `Var` node in its
/// stored tree: most of them) is printed without its table, which spares the server opening
/// every table to name its columns; the text is the same.
pub const COLUMNS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            table_comment.description AS table_comment,
            a.attname::text AS name,
            pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
            a.attnotnull AS not_null,
            a.attidentity::text AS identity,
            a.attgenerated::text AS generated,
            CASE WHEN d.adbin::text LIKE '%{VAR %'
                 THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid)
                 ELSE pg_catalog.pg_get_expr(d.adbin, 0) END AS default_expr,
            CASE WHEN a.attcollation <> t.typcollation THEN coll_ns.nspname::text END
                AS collation_schema,
            CASE WHEN a.attcollation <> t.typcollation THEN coll.collname::text END
                AS collation_name,
            ident.seqstart AS identity_start, ident.seqincrement AS identity_increment,
            ident.seqmin AS identity_min, ident.seqmax AS identity_max,
            ident.seqcache AS identity_cache, ident.seqcycle AS identity_cycle,
            column_comment.description AS comment
     FROM pg_catalog.pg_class c
     JOIN ns ON ns.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_attribute a
            ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_catalog.pg_description table_comment
            ON table_comment.objoid = c.oid AND table_comment.objsubid = 0
           AND table_comment.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
     LEFT JOIN pg_catalog.pg_description column_comment
            ON column_comment.objoid = c.oid AND column_comment.objsubid = a.attnum
           AND column_comment.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
     LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
     LEFT JOIN pg_catalog.pg_namespace coll_ns ON coll_ns.oid = coll.collnamespace
     LEFT JOIN (
         SELECT dep.refobjid, dep.refobjsubid, s.*
         FROM pg_catalog.pg_depend dep
         JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
         WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
           AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
           AND dep.deptype = 'i'
     ) ident ON a.attidentity <> '' AND ident.refobjid = c.oid AND ident.refobjsubid = a.attnum
     WHERE",
    selected_tables!(),
    "ORDER BY c.oid, a.attnum"
);

/// Primary key, unique, check and foreign-key constraints of the selected tables, in the
/// order they can be applied (keys before the foreign keys that may reference them).
pub const CONSTRAINTS: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            k.conname::text AS name,
            pg_catalog.pg_get_constraintdef(k.oid) AS definition,
            ref_ns.nspname::text AS referenced_schema,
            ref.relname::text AS referenced_table,
            c.relispartition AS on_partition
     FROM pg_catalog.pg_constraint k
     JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
     JOIN ns ON ns.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_class ref ON ref.oid = k.confrelid
     LEFT JOIN pg_catalog.pg_namespace ref_ns ON ref_ns.oid = ref.relnamespace
     WHERE k.contype IN ('p', 'u', 'c', 'f', 'x')
       AND k.conparentid = 0
       AND c.relkind IN ('r', 'p')
       AND (NOT c.relispartition OR k.contype = 'f')
       AND",
    selected_object!("pg_class", "c", "relname"),
    "ORDER BY ns.nspname, c.relname,
              CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 WHEN 'x' THEN 3 ELSE 4 END,
              k.conname"
);

/// Indexes of the selected tables that do not back a primary key, unique or exclusion
/// constraint. The comment is looked up per index: on a freshly loaded catalog, whose
/// statistics still say `pg_description` is nearly empty, a join with it became a scan of
/// it per index (10 s at 10,000 tables). `NOT IN` reads the constraints' indexes as one
/// hashed set.
pub const INDEXES: &str = concat!(
    selected_namespaces!(),
    "SELECT ns.nspname AS schema,
            c.relname::text AS table_name,
            i.relname::text AS name,
            pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,
            (SELECT d.description FROM pg_catalog.pg_description d
             WHERE d.objoid = i.oid AND d.objsubid = 0
               AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass) AS comment,
            c.relispartition AS on_partition
     FROM pg_catalog.pg_index x
     JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
     JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
     JOIN ns ON ns.oid = c.relnamespace
     WHERE x.indexrelid NOT IN (
           SELECT k.conindid FROM pg_catalog.pg_constraint k
           WHERE k.contype IN ('p', 'u', 'x'))
       AND c.relkind IN ('r', 'p', 'm')
       AND (NOT c.relispartition OR NOT EXISTS (
           SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = x.indexrelid))
       AND",
    selected_object!("pg_class", "c", "relname"),
    "ORDER BY ns.nspname, c.relname, i.relname"
);

#[derive(Debug, Clone)]
pub struct NamespaceRow {
    pub name: String,
    pub comment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EnumRow {
    pub schema: String,
    pub name: String,
    pub labels: Vec<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SequenceRow {
    pub schema: String,
    pub name: String,
    pub data_type: String,
    pub start: i64,
    pub increment: i64,
    pub min_value: i64,
    pub max_value: i64,
    pub cache: i64,
    pub cycle: bool,
    pub owner_schema: Option<String>,
    pub owner_table: Option<String>,
    pub owner_column: Option<String>,
    pub comment: Option<String>,
}

/// Options of an identity column's internal sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityRow {
    pub start: i64,
    pub increment: i64,
    pub min_value: i64,
    pub max_value: i64,
    pub cache: i64,
    pub cycle: bool,
}

/// One column of a table; `name` is `None` on the single row of a table without columns.
#[derive(Debug, Clone)]
pub struct ColumnRow {
    pub schema: String,
    pub table_name: String,
    pub table_comment: Option<String>,
    pub name: Option<String>,
    pub data_type: Option<String>,
    pub not_null: bool,
    /// `attidentity`: `a` (always), `d` (by default) or empty.
    pub identity: String,
    /// `attgenerated`: `s` (stored), `v` (virtual, PostgreSQL 18) or empty.
    pub generated: String,
    pub default_expr: Option<String>,
    pub collation_schema: Option<String>,
    pub collation_name: Option<String>,
    pub identity_options: Option<IdentityRow>,
    pub comment: Option<String>,
}

impl<'r> FromRow<'r, PgRow> for ColumnRow {
    fn from_row(row: &'r PgRow) -> Result<Self, sqlx::Error> {
        let identity_start: Option<i64> = row.try_get("identity_start")?;
        let identity_options = match identity_start {
            Some(start) => Some(IdentityRow {
                start,
                increment: row.try_get("identity_increment")?,
                min_value: row.try_get("identity_min")?,
                max_value: row.try_get("identity_max")?,
                cache: row.try_get("identity_cache")?,
                cycle: row.try_get("identity_cycle")?,
            }),
            None => None,
        };
        Ok(ColumnRow {
            schema: row.try_get("schema")?,
            table_name: row.try_get("table_name")?,
            table_comment: row.try_get("table_comment")?,
            name: row.try_get("name")?,
            data_type: row.try_get("data_type")?,
            not_null: row.try_get::<Option<bool>, _>("not_null")?.unwrap_or(false),
            identity: row
                .try_get::<Option<String>, _>("identity")?
                .unwrap_or_default(),
            generated: row
                .try_get::<Option<String>, _>("generated")?
                .unwrap_or_default(),
            default_expr: row.try_get("default_expr")?,
            collation_schema: row.try_get("collation_schema")?,
            collation_name: row.try_get("collation_name")?,
            identity_options,
            comment: row.try_get("comment")?,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ConstraintRow {
    pub schema: String,
    pub table_name: String,
    pub name: String,
    pub definition: String,
    /// The table a foreign key references.
    pub referenced_schema: Option<String>,
    pub referenced_table: Option<String>,
    /// A foreign key of one partition alone.
    pub on_partition: bool,
}

#[derive(Debug, Clone)]
pub struct IndexRow {
    pub schema: String,
    pub table_name: String,
    pub name: String,
    pub definition: String,
    pub comment: Option<String>,
    /// An index of one partition alone (not part of an index of its partitioned table).
    pub on_partition: bool,
}

/// Reads one row into its struct, column by column (the struct's fields are the query's
/// column names).
macro_rules! from_row {
    ($row:ty { $($field:ident),* $(,)? }) => {
        impl<'r> FromRow<'r, PgRow> for $row {
            fn from_row(row: &'r PgRow) -> Result<Self, sqlx::Error> {
                Ok(Self { $($field: row.try_get(stringify!($field))?),* })
            }
        }
    };
}

from_row!(NamespaceRow { name, comment });
from_row!(EnumRow {
    schema,
    name,
    labels,
    comment
});
from_row!(SequenceRow {
    schema,
    name,
    data_type,
    start,
    increment,
    min_value,
    max_value,
    cache,
    cycle,
    owner_schema,
    owner_table,
    owner_column,
    comment,
});
from_row!(ConstraintRow {
    schema,
    table_name,
    name,
    definition,
    referenced_schema,
    referenced_table,
    on_partition
});
from_row!(IndexRow {
    schema,
    table_name,
    name,
    definition,
    comment,
    on_partition
});

/// Everything the catalog queries returned, before it becomes IR.
#[derive(Debug, Clone, Default)]
pub struct CatalogRows {
    pub namespaces: Vec<NamespaceRow>,
    pub enums: Vec<EnumRow>,
    pub sequences: Vec<SequenceRow>,
    pub columns: Vec<ColumnRow>,
    pub constraints: Vec<ConstraintRow>,
    pub indexes: Vec<IndexRow>,
    pub extensions: Vec<super::extensions::ExtensionRow>,
    pub views: Vec<super::views::ViewRow>,
    pub functions: Vec<super::functions::FunctionRow>,
    pub triggers: Vec<super::triggers::TriggerRow>,
    pub rules: Vec<super::rules::RuleRow>,
    pub event_triggers: Vec<super::event_triggers::EventTriggerRow>,
    pub publications: Vec<super::publications::PublicationRow>,
    pub statistics: Vec<super::statistics::StatisticsRow>,
    pub domains: Vec<super::domains::DomainRow>,
    pub composites: Vec<super::domains::CompositeRow>,
    pub collations: Vec<super::collations::CollationRow>,
    pub text_search: Vec<super::text_search::TextSearchRow>,
    pub aggregates: Vec<super::aggregates::AggregateRow>,
    pub table_options: Vec<super::policies::TableOptionsRow>,
    pub policies: Vec<super::policies::PolicyRow>,
    pub partitions: Vec<super::policies::PartitionRow>,
    pub grants: Vec<super::grants::GrantRow>,
}

/// The parameters every query takes.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub schemas: Vec<String>,
    pub excluded: Vec<String>,
}

/// Runs the catalog queries on `conn` (already inside the read-only transaction), and about
/// half of them on `helper` meanwhile when there is one (in a transaction of the same
/// snapshot); also returns how many queries ran.
pub async fn fetch_all(
    conn: &mut PgConnection,
    helper: Option<&mut PgConnection>,
    filters: &Filters,
) -> Result<(CatalogRows, usize), sqlx::Error> {
    let mut first = 0;
    let mut second = 0;
    let (mut rows, tables) = match helper {
        Some(helper) => tokio::try_join!(
            fetch_first(conn, filters, &mut first),
            fetch_second(helper, filters, &mut second)
        )?,
        None => (
            fetch_first(conn, filters, &mut first).await?,
            fetch_second(conn, filters, &mut second).await?,
        ),
    };
    rows.columns = tables.columns;
    rows.constraints = tables.constraints;
    rows.triggers = tables.triggers;
    rows.partitions = tables.partitions;
    rows.grants = tables.grants;
    Ok((rows, first + second))
}

/// The queries of everything but the ones [`fetch_second`] runs.
async fn fetch_first(
    conn: &mut PgConnection,
    filters: &Filters,
    queries: &mut usize,
) -> Result<CatalogRows, sqlx::Error> {
    Ok(CatalogRows {
        namespaces: fetch(conn, NAMESPACES, filters, queries).await?,
        enums: fetch(conn, ENUMS, filters, queries).await?,
        sequences: fetch(conn, SEQUENCES, filters, queries).await?,
        indexes: fetch(conn, INDEXES, filters, queries).await?,
        extensions: fetch(conn, super::extensions::EXTENSIONS, filters, queries).await?,
        views: fetch(conn, super::views::VIEWS, filters, queries).await?,
        functions: fetch(conn, super::functions::FUNCTIONS, filters, queries).await?,
        rules: fetch(conn, super::rules::RULES, filters, queries).await?,
        event_triggers: fetch(
            conn,
            super::event_triggers::EVENT_TRIGGERS,
            filters,
            queries,
        )
        .await?,
        publications: fetch(conn, super::publications::PUBLICATIONS, filters, queries).await?,
        statistics: fetch(conn, super::statistics::STATISTICS, filters, queries).await?,
        domains: fetch(conn, super::domains::DOMAINS, filters, queries).await?,
        composites: fetch(conn, super::domains::COMPOSITES, filters, queries).await?,
        collations: fetch(conn, super::collations::COLLATIONS, filters, queries).await?,
        text_search: fetch(conn, super::text_search::TEXT_SEARCH, filters, queries).await?,
        aggregates: fetch(conn, super::aggregates::AGGREGATES, filters, queries).await?,
        table_options: fetch(conn, super::policies::TABLE_OPTIONS, filters, queries).await?,
        policies: fetch(conn, super::policies::POLICIES, filters, queries).await?,
        ..CatalogRows::default()
    })
}

/// Columns, constraints, triggers, partitions and grants: on a large schema, about half of
/// the server's work.
async fn fetch_second(
    conn: &mut PgConnection,
    filters: &Filters,
    queries: &mut usize,
) -> Result<CatalogRows, sqlx::Error> {
    Ok(CatalogRows {
        columns: fetch(conn, COLUMNS, filters, queries).await?,
        constraints: fetch(conn, CONSTRAINTS, filters, queries).await?,
        triggers: fetch(conn, super::triggers::TRIGGERS, filters, queries).await?,
        partitions: fetch(conn, super::policies::PARTITIONS, filters, queries).await?,
        grants: fetch(conn, super::grants::GRANTS, filters, queries).await?,
        ..CatalogRows::default()
    })
}

pub(crate) async fn fetch<T>(
    conn: &mut PgConnection,
    sql: &'static str,
    filters: &Filters,
    queries: &mut usize,
) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> FromRow<'r, PgRow> + Send + Unpin,
{
    *queries += 1;
    sqlx::query_as::<_, T>(sql)
        .bind(&filters.schemas)
        .bind(&filters.excluded)
        .fetch_all(conn)
        .await
}

//! Reads a live database into the schema IR of `schema`. [`inspect`] runs a fixed number of
//! catalog queries (one per object kind, whatever the size of the schema) inside one read-only
//! transaction and builds a [`schema_ir::Schema`] that equals what the SQL-file reader produces
//! for the SQL that created the database. Catalog text (types, defaults, constraint and index
//! definitions) goes through the parser's own canonicalization, so both readers agree.
//! Errors never carry the password of a connection URL.

mod postgres;
mod redact;

use sqlx::ConnectOptions;
pub use sqlx::PgConnection;
use std::str::FromStr;

/// What to read: which schemas, and which objects to leave out.
#[derive(Debug, Clone, Default)]
pub struct InspectOptions {
    /// Schemas (namespaces) to read; empty means every schema that is not a system schema.
    pub schemas: Vec<String>,
    /// Globs of objects to leave out, matched against unquoted qualified names
    /// (`public.tmp_*`, `*.audit_log`) and against schema names for the schemas themselves;
    /// `*` matches any run of characters and `?` one character. The same selection as
    /// [`schema_ir::ObjectFilter`] makes of a schema read from files.
    pub exclude: Vec<String>,
}

/// Why a database could not be inspected.
#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    /// The URL is not a valid connection string (its password, if any, is not shown).
    #[error("invalid database URL: {0}")]
    Url(String),
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    /// A catalog query failed.
    #[error("catalog query failed: {}", describe(.0))]
    Query(#[from] sqlx::Error),
    /// A definition printed by the catalog that the parser rejected.
    #[error("cannot read catalog definition: {0}")]
    Catalog(String),
    /// An object the IR cannot represent yet.
    #[error("unsupported object in the database: {0}")]
    Unsupported(String),
}

/// A database error as users read it: the server's message with its detail, hint and
/// SQLSTATE. (sqlx's own text ends with the line of PostgreSQL's C source that raised the
/// error, "at line 629", which reads like a line of the user's SQL.)
pub fn describe(error: &sqlx::Error) -> String {
    let sqlx::Error::Database(db) = error else {
        return error.to_string();
    };
    let mut text = db.message().to_string();
    if let Some(code) = db.code() {
        text.push_str(&format!(" (SQLSTATE {code})"));
    }
    if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
        for (label, value) in [("detail", pg.detail()), ("hint", pg.hint())] {
            if let Some(value) = value {
                text.push_str(&format!("\n  {label}: {value}"));
            }
        }
    }
    text
}

/// Opens a connection. The URL's `sslmode` and the usual `PG*` environment variables apply.
pub async fn connect(url: &str) -> Result<PgConnection, InspectError> {
    let options = sqlx::postgres::PgConnectOptions::from_str(url)
        .map_err(|e| InspectError::Url(redact::redact(url, &e.to_string())))?;
    options
        .connect()
        .await
        .map_err(|e| InspectError::Connect(redact::redact(url, &describe(&e))))
}

/// Reads the managed objects of the database behind `conn` into a schema.
pub async fn inspect(
    conn: &mut PgConnection,
    options: &InspectOptions,
) -> Result<schema_ir::Schema, InspectError> {
    inspect_counting_queries(conn, None, options)
        .await
        .map(|(schema, _)| schema)
}

/// [`inspect`], with an optional second connection to the same database that runs half of
/// the catalog queries meanwhile, in the same snapshot (not used when `conn` is inside a
/// transaction, whose changes only it sees); also returns how many catalog queries ran: a
/// fixed number, whatever the size of the schema.
pub async fn inspect_counting_queries(
    conn: &mut PgConnection,
    helper: Option<&mut PgConnection>,
    options: &InspectOptions,
) -> Result<(schema_ir::Schema, usize), InspectError> {
    postgres::inspect(conn, helper, options).await
}

/// Two connections to `url`, opened at the same time: one to inspect on, and a helper for
/// [`inspect_counting_queries`] if the server lets it be opened (a server at its connection
/// limit is inspected over one).
pub async fn connect_with_helper(
    url: &str,
) -> Result<(PgConnection, Option<PgConnection>), InspectError> {
    let (conn, helper) = tokio::join!(connect(url), connect(url));
    Ok((conn?, helper.ok()))
}

/// Connects to `url` (with a helper connection), inspects it and closes the connections.
pub async fn inspect_url(
    url: &str,
    options: &InspectOptions,
) -> Result<schema_ir::Schema, InspectError> {
    let (mut conn, mut helper) = connect_with_helper(url).await?;
    let (schema, _) = inspect_counting_queries(&mut conn, helper.as_mut(), options).await?;
    close(conn).await;
    close_helper(helper).await;
    Ok(schema)
}

/// Closes a connection politely; when that fails, the connection is gone all the same.
pub async fn close(conn: PgConnection) {
    use sqlx::Connection;
    let _ = conn.close().await;
}

/// Closes the helper of [`connect_with_helper`], if there is one.
pub async fn close_helper(helper: Option<PgConnection>) {
    if let Some(helper) = helper {
        close(helper).await;
    }
}

/// PostgreSQL's estimate of the rows of each of `tables` and their sizes (table, indexes
/// and TOAST); for hazards, not for comparison. Measuring a table reads the size of each of
/// its files, so only the tables a plan's hazards cite are asked for.
pub async fn table_sizes(
    conn: &mut PgConnection,
    tables: &[schema_ir::QualifiedName],
) -> Result<schema_ir::TableSizes, InspectError> {
    if tables.is_empty() {
        return Ok(schema_ir::TableSizes::new());
    }
    let (schemas, names): (Vec<&str>, Vec<&str>) = tables
        .iter()
        .map(|t| (t.schema.as_str(), t.name.as_str()))
        .unzip();
    let rows: Vec<(String, String, f32, i64)> = sqlx::query_as(
        "SELECT n.nspname::text, c.relname::text, c.reltuples, pg_catalog.pg_total_relation_size(c.oid)
         FROM ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::text[])) AS t (schema, name)
         JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema
         JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.name
         WHERE c.relkind IN ('r', 'm')",
    )
    .bind(&schemas)
    .bind(&names)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(schema, name, rows, bytes)| {
            let stats = schema_ir::TableStats {
                rows: (rows >= 0.0).then_some(f64::from(rows)),
                bytes,
            };
            (schema_ir::QualifiedName::new(schema, name), stats)
        })
        .collect())
}

/// The server's `server_version_num` (e.g. `150004` for 15.4).
pub async fn server_version(conn: &mut PgConnection) -> Result<u32, InspectError> {
    postgres::server_version(conn).await
}

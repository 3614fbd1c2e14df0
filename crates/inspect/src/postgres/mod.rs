//! Inspection of PostgreSQL (13 to 18): the catalog queries run in one read-only transaction
//! with an empty `search_path` (so every name the catalog prints is schema-qualified), and
//! their rows become a [`Schema`]. The number of queries is fixed whatever the schema size.

mod build;
#[macro_use]
mod queries;
mod aggregates;
mod collations;
mod domains;
mod event_triggers;
mod extensions;
mod functions;
mod grants;
mod policies;
mod publications;
mod rules;
mod statistics;
mod text_search;
mod triggers;
mod views;

use crate::{InspectError, InspectOptions};
use queries::Filters;
use schema_ir::Schema;
use sqlx::{Connection, PgConnection};

/// Reads the schema selected by `options`; also returns how many catalog queries it ran.
/// With a `helper` connection to the same database, half of the queries run on it, at the
/// same time and in the same snapshot (the server executes the catalog queries one at a
/// time per connection, and on a large schema they are most of the time of inspection).
pub async fn inspect(
    conn: &mut PgConnection,
    helper: Option<&mut PgConnection>,
    options: &InspectOptions,
) -> Result<(Schema, usize), InspectError> {
    let filters = filters(options);
    // Inside a caller's transaction (`schema apply`), only this connection sees its changes.
    let helper = helper.filter(|_| !conn.is_in_transaction());
    let mut tx = if conn.is_in_transaction() {
        conn.begin().await?
    } else {
        conn.begin_with(BEGIN).await?
    };
    sqlx::raw_sql(SETTINGS).execute(&mut *tx).await?;
    let mut helper_tx = match helper {
        Some(helper) => share_snapshot(&mut tx, helper).await?,
        None => None,
    };
    let (rows, queries) = queries::fetch_all(&mut tx, helper_tx.as_deref_mut(), &filters).await?;
    // Nothing was written; rolling back also restores the caller's search_path.
    if let Some(helper_tx) = helper_tx {
        let _ = helper_tx.rollback().await;
    }
    tx.rollback().await?;
    // Building is CPU work: on a blocking thread, so that a second inspection (the other
    // side of a diff) builds at the same time.
    let schema = tokio::task::spawn_blocking(move || build::build(&rows))
        .await
        .map_err(|e| InspectError::Catalog(format!("building the schema failed: {e}")))??;
    Ok((schema, queries))
}

const BEGIN: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

/// Constants print through their types' output functions: pin the settings those read, so
/// the same schema prints the same on every server and session. The catalog of a large
/// schema is sorted in memory, not on disk. Parallel workers would each start with cold
/// catalog caches and spare no time (at 10,000 tables: the same wall time, 4–8% more CPU).
const SETTINGS: &str = "SET LOCAL search_path = ''; SET LOCAL TimeZone = 'UTC'; \
     SET LOCAL DateStyle = 'ISO, MDY'; SET LOCAL IntervalStyle = 'postgres'; \
     SET LOCAL extra_float_digits = 1; SET LOCAL work_mem = '64MB'; \
     SET LOCAL max_parallel_workers_per_gather = 0";

/// Opens a transaction on `helper` that sees exactly what `tx` sees (an exported snapshot);
/// `None` when it cannot (on a standby, which exports none; the queries then all run on
/// `tx`).
async fn share_snapshot<'c>(
    tx: &mut PgConnection,
    helper: &'c mut PgConnection,
) -> Result<Option<sqlx::Transaction<'c, sqlx::Postgres>>, InspectError> {
    let snapshot: Option<String> = sqlx::query_scalar(
        "SELECT CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL \
         ELSE pg_catalog.pg_export_snapshot() END",
    )
    .fetch_one(&mut *tx)
    .await?;
    // A snapshot id is hexadecimal digits and dashes; anything else is not sent.
    let Some(id) = snapshot.filter(|id| id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
    else {
        return Ok(None);
    };
    // A helper that cannot take the snapshot (a pooler that does not keep it a session of
    // its own, say) leaves all the queries to `tx`.
    let Ok(mut helper_tx) = helper.begin_with(BEGIN).await else {
        return Ok(None);
    };
    let shared = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "SET TRANSACTION SNAPSHOT '{id}'; {SETTINGS}"
    )))
    .execute(&mut *helper_tx)
    .await;
    Ok(shared.ok().map(|_| helper_tx))
}

/// The server's `server_version_num`.
pub async fn server_version(conn: &mut PgConnection) -> Result<u32, InspectError> {
    let version: i32 =
        sqlx::query_scalar("SELECT pg_catalog.current_setting('server_version_num')::int4")
            .fetch_one(conn)
            .await?;
    u32::try_from(version)
        .map_err(|_| InspectError::Unsupported(format!("server_version_num {version}")))
}

/// The query parameters for `options`.
fn filters(options: &InspectOptions) -> Filters {
    Filters {
        schemas: options.schemas.clone(),
        excluded: options.exclude.iter().map(|g| glob_regex(g)).collect(),
    }
}

/// An anchored PostgreSQL regular expression matching what the glob matches: `*` any run
/// of characters, `?` one character, everything else literally.
fn glob_regex(glob: &str) -> String {
    let mut regex = String::from("^");
    for c in glob.chars() {
        match c {
            '*' => regex.push_str(".*"),
            '?' => regex.push('.'),
            c if c.is_alphanumeric() || c == '_' || c == ' ' => regex.push(c),
            c => {
                regex.push('\\');
                regex.push(c);
            }
        }
    }
    regex.push('$');
    regex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_become_anchored_regexes() {
        assert_eq!(glob_regex("public.tmp_*"), "^public\\.tmp_.*$");
        assert_eq!(glob_regex("*.audit_log"), "^.*\\.audit_log$");
        assert_eq!(glob_regex("a?c"), "^a.c$");
        assert_eq!(glob_regex("x$(y)"), "^x\\$\\(y\\)$");
    }

    #[test]
    fn options_become_parameters() {
        let options = InspectOptions {
            schemas: vec!["app".into()],
            exclude: vec!["audit*".into(), "public.tmp_*".into()],
        };
        let filters = filters(&options);
        assert_eq!(filters.schemas, ["app"]);
        assert_eq!(filters.excluded, ["^audit.*$", "^public\\.tmp_.*$"]);
    }

    /// `n` tables with a key, a foreign key, a check, an index, a serial column and comments.
    fn tables(n: usize) -> String {
        let mut sql = String::from("CREATE TYPE kind AS ENUM ('a', 'b');");
        for i in 0..n {
            sql.push_str(&format!(
                "CREATE TABLE t{i} (id serial PRIMARY KEY, k kind, v text CHECK (v <> ''),
                     parent int REFERENCES t{i} (id));
                 CREATE INDEX t{i}_v ON t{i} (v);
                 COMMENT ON TABLE t{i} IS 'table {i}';
                 COMMENT ON COLUMN t{i}.v IS 'value';"
            ));
        }
        sql
    }

    async fn count_queries(n: usize) -> Option<usize> {
        let db = schema_testkit::TestDatabase::create().await?;
        db.execute(&tables(n)).await.expect("test schema runs");
        let mut conn = db.connect().await;
        let (schema, queries) = inspect(&mut conn, None, &InspectOptions::default())
            .await
            .expect("inspects");
        assert_eq!(schema.tables.len(), n);
        assert_eq!(schema.sequences.len(), n);
        // Over two connections: the same queries, the same schema.
        let mut helper = db.connect().await;
        let (shared, shared_queries) =
            inspect(&mut conn, Some(&mut helper), &InspectOptions::default())
                .await
                .expect("inspects over two connections");
        assert_eq!(shared, schema);
        assert_eq!(shared_queries, queries);
        Some(queries)
    }

    #[tokio::test]
    async fn the_helper_sees_the_snapshot_of_the_inspection_not_later_changes() {
        let Some(db) = schema_testkit::TestDatabase::create().await else {
            return;
        };
        db.execute("CREATE TABLE before (id int)")
            .await
            .expect("runs");
        let mut conn = db.connect().await;
        let mut helper = db.connect().await;
        let mut tx = conn.begin_with(BEGIN).await.expect("begins");
        let shared = share_snapshot(&mut tx, &mut helper).await.expect("exports");
        let mut helper_tx = shared.expect("a primary shares its snapshot");
        // Committed after the export: invisible to both transactions.
        db.execute("CREATE TABLE after (id int)")
            .await
            .expect("runs");
        let count = "SELECT count(*) FROM pg_catalog.pg_class \
                     WHERE relname IN ('before', 'after') AND relkind = 'r'";
        let seen: i64 = sqlx::query_scalar(count)
            .fetch_one(&mut *helper_tx)
            .await
            .expect("counts");
        assert_eq!(seen, 1);
        let setting: String =
            sqlx::query_scalar("SELECT pg_catalog.current_setting('search_path')")
                .fetch_one(&mut *helper_tx)
                .await
                .expect("reads the setting");
        assert_eq!(setting, "\"\"");
    }

    #[tokio::test]
    async fn the_number_of_queries_does_not_grow_with_the_schema() {
        let (Some(small), Some(large)) = (count_queries(5).await, count_queries(50).await) else {
            return;
        };
        assert_eq!(small, large);
        assert_eq!(small, 23);
    }
}

//! Invalid indexes (`pg_index.indisvalid = false`), which a failed or interrupted
//! `CREATE INDEX CONCURRENTLY` leaves behind. The inspector reads them like any index, so a
//! re-run would believe the index exists; instead they are found before planning, left out
//! of the live schema (so the plan rebuilds those the desired schema has) and dropped.
//! Indexes whose build is still in progress in another session are left alone.

use schema_ir::{ObjectFilter, QualifiedName, Schema, quote_ident};
use sqlx::{AssertSqlSafe, Executor, PgConnection, raw_sql};

/// An invalid index and the table it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidIndex {
    pub table: QualifiedName,
    pub index: QualifiedName,
}

const QUERY: &str = "
SELECT tn.nspname::text, t.relname::text, n.nspname::text, c.relname::text
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
 WHERE NOT i.indisvalid
   AND tn.nspname !~ '^pg_' AND tn.nspname <> 'information_schema'
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_progress_create_index p
                    WHERE p.index_relid = i.indexrelid)
 ORDER BY 3, 4";

/// The invalid indexes of the tables `filter` manages.
pub async fn find(
    conn: &mut PgConnection,
    filter: &ObjectFilter,
) -> Result<Vec<InvalidIndex>, sqlx::Error> {
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as(QUERY).fetch_all(&mut *conn).await?;
    Ok(rows
        .into_iter()
        .map(|(ts, t, s, i)| InvalidIndex {
            table: QualifiedName::new(&ts, &t),
            index: QualifiedName::new(&s, &i),
        })
        .filter(|found| filter.includes(&found.table))
        .collect())
}

/// `schema` without the `invalid` indexes.
pub fn without(schema: &Schema, invalid: &[InvalidIndex]) -> Schema {
    let mut kept = schema.clone();
    for found in invalid {
        if let Some(table) = kept.tables.get_mut(&found.table) {
            table.indexes.remove(&found.index.name);
        }
    }
    kept
}

/// Drops one invalid index without blocking the table.
pub async fn drop(conn: &mut PgConnection, found: &InvalidIndex) -> Result<(), sqlx::Error> {
    let sql = format!(
        "DROP INDEX CONCURRENTLY IF EXISTS {}.{}",
        quote_ident(&found.index.schema),
        quote_ident(&found.index.name)
    );
    conn.execute(raw_sql(AssertSqlSafe(sql))).await.map(|_| ())
}

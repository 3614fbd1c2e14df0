//! The history of runs: one row per run that had something to do, in
//! `<history schema>.history` (created on first use), written on a connection of its own
//! and committed at once, so a run killed half way still leaves its `running` row, which the
//! next run marks `abandoned`. The history schema is left out of every inspection.

use schema_ir::quote_ident;
use schema_plan::Plan;
use sqlx::{AssertSqlSafe, Executor, PgConnection, raw_sql};

/// The history schema used unless another is configured.
pub const DEFAULT_SCHEMA: &str = "schema_meta";

/// The history table name inside the history schema.
pub const TABLE: &str = "history";

/// How a run ended, as stored in the `status` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Applied,
    Failed,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Applied => "applied",
            Status::Failed => "failed",
        }
    }
}

/// The history table of one database, on its own connection.
pub struct History {
    conn: PgConnection,
    table: String,
}

impl History {
    /// Creates the history schema and table when they do not exist yet.
    pub async fn open(mut conn: PgConnection, schema: &str) -> Result<History, sqlx::Error> {
        let table = format!("{}.{}", quote_ident(schema), quote_ident(TABLE));
        let ddl = format!(
            "CREATE SCHEMA IF NOT EXISTS {schema};
             CREATE TABLE IF NOT EXISTS {table} (
                 id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 started_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
                 finished_at timestamptz,
                 status text NOT NULL,
                 from_fingerprint text NOT NULL,
                 to_fingerprint text NOT NULL,
                 steps jsonb NOT NULL,
                 executed_steps integer NOT NULL DEFAULT 0,
                 error text,
                 tool_version text NOT NULL,
                 applied_by text NOT NULL DEFAULT current_user
             )",
            schema = quote_ident(schema),
        );
        conn.execute(raw_sql(AssertSqlSafe(ddl))).await?;
        Ok(History { conn, table })
    }

    /// Records the start of a run of `plan`; runs still marked `running` were cut short
    /// (the caller holds the advisory lock, so none is still going) and become `abandoned`.
    pub async fn start(&mut self, plan: &Plan, tool_version: &str) -> Result<i64, sqlx::Error> {
        let abandon = format!(
            "UPDATE {} SET status = 'abandoned', finished_at = pg_catalog.clock_timestamp() \
             WHERE status = 'running'",
            self.table
        );
        sqlx::query(AssertSqlSafe(abandon))
            .execute(&mut self.conn)
            .await?;
        let steps = serde_json::to_string(&plan.steps).expect("steps always serialize");
        let insert = format!(
            "INSERT INTO {} (status, from_fingerprint, to_fingerprint, steps, tool_version) \
             VALUES ('running', $1, $2, $3::jsonb, $4) RETURNING id",
            self.table
        );
        sqlx::query_scalar(AssertSqlSafe(insert))
            .bind(&plan.from_fingerprint)
            .bind(&plan.to_fingerprint)
            .bind(steps)
            .bind(tool_version)
            .fetch_one(&mut self.conn)
            .await
    }

    /// Records the end of run `id`.
    pub async fn finish(
        &mut self,
        id: i64,
        status: Status,
        executed_steps: usize,
        error: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        let update = format!(
            "UPDATE {} SET status = $2, finished_at = pg_catalog.clock_timestamp(), \
             executed_steps = $3, error = $4 WHERE id = $1",
            self.table
        );
        sqlx::query(AssertSqlSafe(update))
            .bind(id)
            .bind(status.as_str())
            .bind(i32::try_from(executed_steps).unwrap_or(i32::MAX))
            .bind(error)
            .execute(&mut self.conn)
            .await
            .map(|_| ())
    }
}

impl History {
    /// Closes the history connection.
    pub async fn close(self) -> Result<(), sqlx::Error> {
        use sqlx::Connection;
        self.conn.close().await
    }
}

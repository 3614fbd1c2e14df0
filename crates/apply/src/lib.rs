//! Applies a desired schema to a live PostgreSQL database safely, for deploy pipelines and
//! clusters where many runners may start at once. [`apply`] takes an advisory lock (polled
//! with backoff, bounded), re-inspects and re-plans under it (so a runner that comes second
//! finds nothing to do), refuses hazards the [`HazardPolicy`] does not allow, drops invalid
//! indexes left by interrupted concurrent builds, runs the steps (transactional groups,
//! per-step timeouts, retries on lock timeouts), verifies that a fresh inspection equals the
//! desired schema, and records the run in a history table that inspection never sees.
//! [`pending`] answers "what would still have to change?" for drift checks.

mod execute;
pub mod history;
mod invalid;
mod lock;
mod policy;
mod reviewed;

pub use execute::{Event, Settings, StepError};
pub use invalid::InvalidIndex;
pub use policy::{Blocked, HazardPolicy, Refusal};

use schema_diff::DiffOptions;
use schema_inspect::{InspectError, InspectOptions};
use schema_ir::{ObjectFilter, Schema};
use schema_plan::{Plan, PlanOptions};
use serde::Serialize;
use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection, raw_sql};
use std::time::Duration;

/// How a run is carried out.
#[derive(Debug, Clone)]
pub struct ApplyOptions {
    /// The managed objects (the history schema is always left out as well).
    pub filter: ObjectFilter,
    pub policy: HazardPolicy,
    /// The name the advisory lock key is derived from.
    pub lock_name: String,
    /// How long to wait for the advisory lock.
    pub lock_wait: Duration,
    pub settings: Settings,
    /// How plans are made (online forms, timeouts); the server version is the target's.
    pub planning: PlanOptions,
    /// Rename hints (`--rename`, `-- schema:renamed-from`).
    pub renames: Vec<schema_diff::Rename>,
    /// Plan and report only, in read-only transactions, without taking the lock.
    pub dry_run: bool,
    /// A plan reviewed earlier, to be applied exactly.
    pub reviewed: Option<Plan>,
    /// The schema of the history table.
    pub history_schema: String,
    /// Recorded in the history.
    pub tool_version: String,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            filter: ObjectFilter::default(),
            policy: HazardPolicy::default(),
            lock_name: "schema apply".to_string(),
            lock_wait: Duration::from_secs(300),
            settings: Settings::default(),
            planning: PlanOptions::default(),
            renames: Vec::new(),
            dry_run: false,
            reviewed: None,
            history_schema: history::DEFAULT_SCHEMA.to_string(),
            tool_version: String::new(),
        }
    }
}

/// How a run ended without error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The database already was in the desired state.
    Unchanged,
    /// The plan ran and the database now is in the desired state.
    Applied,
    /// `dry_run`: the plan was computed and nothing was written.
    DryRun,
    /// The confirmation was declined; nothing was written.
    Declined,
}

/// The result of a run, for people and for `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub status: Status,
    pub plan: Plan,
    /// Invalid indexes dropped (or, in a dry run, that would be dropped) before the steps.
    pub invalid_indexes: Vec<String>,
    /// Hazards the policy refuses (reported by dry runs; other runs fail instead).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked: Vec<Blocked>,
    /// Milliseconds spent waiting for the advisory lock.
    pub lock_wait_ms: u64,
    /// Steps that ran.
    pub executed_steps: usize,
    /// The id of the history row of this run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_id: Option<i64>,
}

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Inspect(#[from] InspectError),
    #[error("{}", schema_inspect::describe(.0))]
    Database(#[from] sqlx::Error),
    #[error(
        "another run holds the migration lock; gave up after waiting {}s (raise --lock-wait)",
        .0.as_secs()
    )]
    LockWait(Duration),
    #[error("{0}")]
    Refused(Refusal),
    #[error(
        "the plan was made for another desired schema (its to-fingerprint {plan} is not the desired schema's {desired}); plan again with the same --to"
    )]
    OtherTarget { plan: String, desired: String },
    #[error("refusing the reviewed plan: {0}")]
    Drifted(String),
    #[error("not applied: {0}")]
    NotConfirmed(String),
    #[error("{0}")]
    Step(#[from] StepError),
    #[error(
        "cannot record the run in the history table: {}",
        schema_inspect::describe(.0)
    )]
    History(#[source] sqlx::Error),
    #[error(
        "the database is not in the desired state after applying; still to do:\n{}",
        .0.to_text()
    )]
    Verify(Plan),
}

impl ApplyError {
    /// Whether the hazard policy refused the plan (exit code 3).
    pub fn is_refusal(&self) -> bool {
        matches!(self, ApplyError::Refused(_))
    }
}

/// Asked once there is a plan to run; `Ok(false)` declines, `Err(why)` refuses.
pub type Confirm<'a> = &'a mut dyn FnMut(&Plan) -> Result<bool, String>;

/// Brings the database at `url` to `desired`.
pub async fn apply(
    url: &str,
    desired: &Schema,
    options: &ApplyOptions,
    confirm: Confirm<'_>,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<Outcome, ApplyError> {
    // Concurrent index builds are watched from a second connection.
    let options = &ApplyOptions {
        settings: Settings {
            progress_url: Some(url.to_string()),
            ..options.settings.clone()
        },
        ..options.clone()
    };
    let mut conn = connect(url, "schema apply").await?;
    if options.dry_run {
        conn.execute("SET default_transaction_read_only = on")
            .await?;
        let result = locked(&mut conn, url, desired, options, 0, confirm, report).await;
        let _ = conn.close().await;
        return result;
    }
    let key = lock::key(&options.lock_name);
    let waited = match lock::acquire(&mut conn, key, options.lock_wait).await? {
        Some(waited) => waited,
        None => return Err(ApplyError::LockWait(options.lock_wait)),
    };
    let waited_ms = u64::try_from(waited.as_millis()).unwrap_or(u64::MAX);
    let result = locked(&mut conn, url, desired, options, waited_ms, confirm, report).await;
    // Closing the session releases the lock too; unlocking first keeps it short.
    let _ = lock::release(&mut conn, key).await;
    let _ = conn.close().await;
    result
}

/// The filter of a run: `filter` without the history schema.
pub fn managed(filter: &ObjectFilter, history_schema: &str) -> ObjectFilter {
    let mut managed = filter.clone();
    managed.exclude.push(history_schema.to_string());
    managed.exclude.push(format!("{history_schema}.*"));
    managed
}

/// The plan that would bring the database behind `conn` to `desired` (an empty plan when
/// it is there), with invalid indexes counted as missing.
pub async fn pending_on(
    conn: &mut PgConnection,
    desired: &Schema,
    filter: &ObjectFilter,
    planning: &PlanOptions,
    renames: &[schema_diff::Rename],
) -> Result<(Plan, Schema, Vec<InvalidIndex>), ApplyError> {
    let invalid = invalid::find(conn, filter).await?;
    let options = InspectOptions {
        schemas: filter.schemas.clone(),
        exclude: filter.exclude.clone(),
    };
    let planning = PlanOptions {
        server_version: schema_inspect::server_version(conn).await? / 10000,
        ..planning.clone()
    };
    // Unmanaged privileges are kept as the database has them, so they are read.
    let current = ObjectFilter {
        privileges: true,
        ..filter.clone()
    };
    let mut live = current.apply(invalid::without(
        &schema_inspect::inspect(conn, &options).await?,
        &invalid,
    ));
    let desired = filter.apply(desired.clone());
    let diff = DiffOptions {
        renames: renames.to_vec(),
        keep_privileges: !filter.privileges,
    };
    let changes = schema_diff::diff(&live, &desired, &diff);
    // Kept privileges served the diff; the plan and its fingerprints are of what is managed.
    live = filter.apply(live);
    let draft = schema_plan::draft(&live, &desired, &changes, &planning);
    let sizes = schema_inspect::table_sizes(conn, &draft.sized_tables()).await?;
    Ok((draft.finish(&sizes, &planning), live, invalid))
}

/// Connects to `url` and returns [`pending_on`]'s plan; the history schema is left out.
pub async fn pending(
    url: &str,
    desired: &Schema,
    filter: &ObjectFilter,
    history_schema: &str,
) -> Result<Plan, ApplyError> {
    let mut conn = connect(url, "schema drift").await?;
    conn.execute("SET default_transaction_read_only = on")
        .await?;
    let result = pending_on(
        &mut conn,
        desired,
        &managed(filter, history_schema),
        &PlanOptions::default(),
        &[],
    )
    .await;
    let _ = conn.close().await;
    Ok(result?.0)
}

async fn connect(url: &str, application: &str) -> Result<PgConnection, ApplyError> {
    let mut conn = schema_inspect::connect(url).await?;
    let mut setup = format!("SET application_name = '{application}'");
    if schema_inspect::server_version(&mut conn).await? >= 140000 {
        // A server notices a vanished client within a second instead of finishing its
        // statement first, so a killed runner releases its lock and its half-built index.
        setup.push_str("; SET client_connection_check_interval = '1s'");
    }
    conn.execute(raw_sql(AssertSqlSafe(setup))).await?;
    Ok(conn)
}

#[allow(clippy::too_many_arguments)]
async fn locked(
    conn: &mut PgConnection,
    url: &str,
    desired: &Schema,
    options: &ApplyOptions,
    lock_wait_ms: u64,
    confirm: Confirm<'_>,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<Outcome, ApplyError> {
    let filter = managed(&options.filter, &options.history_schema);
    let (fresh, live, invalid) =
        pending_on(conn, desired, &filter, &options.planning, &options.renames).await?;
    let desired = filter.apply(desired.clone());
    let plan = match &options.reviewed {
        None => fresh,
        Some(reviewed) => {
            let live_print = live.fingerprint();
            let desired_print = desired.fingerprint();
            match reviewed::decide(reviewed, &live_print, &desired_print) {
                reviewed::Decision::Run => reviewed.clone(),
                reviewed::Decision::Done => fresh,
                reviewed::Decision::OtherTarget => {
                    return Err(ApplyError::OtherTarget {
                        plan: reviewed.to_fingerprint.clone(),
                        desired: desired_print,
                    });
                }
                reviewed::Decision::Drifted => {
                    return Err(ApplyError::Drifted(reviewed::drift_summary(
                        reviewed,
                        &fresh,
                        &live_print,
                    )));
                }
            }
        }
    };
    let mut outcome = Outcome {
        status: Status::Unchanged,
        invalid_indexes: invalid.iter().map(|i| i.index.to_string()).collect(),
        blocked: Vec::new(),
        lock_wait_ms,
        executed_steps: 0,
        history_id: None,
        plan,
    };
    if outcome.plan.is_empty() && invalid.is_empty() {
        return Ok(outcome);
    }
    let refusal = options.policy.check(&outcome.plan);
    if options.dry_run {
        outcome.status = Status::DryRun;
        outcome.blocked = refusal.map(|r| r.0).unwrap_or_default();
        return Ok(outcome);
    }
    if let Some(refusal) = refusal {
        return Err(ApplyError::Refused(refusal));
    }
    if !outcome.plan.is_empty() && !confirm(&outcome.plan).map_err(ApplyError::NotConfirmed)? {
        outcome.status = Status::Declined;
        return Ok(outcome);
    }

    let history_conn = connect(url, "schema apply history").await?;
    let mut history = history::History::open(history_conn, &options.history_schema)
        .await
        .map_err(ApplyError::History)?;
    let id = history
        .start(&outcome.plan, &options.tool_version)
        .await
        .map_err(ApplyError::History)?;
    outcome.history_id = Some(id);
    let result = run_and_verify(
        conn,
        &desired,
        &filter,
        &invalid,
        options,
        &outcome.plan,
        report,
    )
    .await;
    let (status, executed, error) = match &result {
        Ok(executed) => (history::Status::Applied, *executed, None),
        Err(e) => (
            history::Status::Failed,
            match e {
                ApplyError::Step(step) => step.executed,
                _ => 0,
            },
            Some(e.to_string()),
        ),
    };
    let recorded = history.finish(id, status, executed, error.as_deref()).await;
    let _ = history.close().await;
    outcome.executed_steps = result?;
    recorded.map_err(ApplyError::History)?;
    outcome.status = Status::Applied;
    Ok(outcome)
}

async fn run_and_verify(
    conn: &mut PgConnection,
    desired: &Schema,
    filter: &ObjectFilter,
    invalid: &[InvalidIndex],
    options: &ApplyOptions,
    plan: &Plan,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<usize, ApplyError> {
    for index in invalid {
        invalid::drop(conn, index).await?;
    }
    let executed = execute::run(conn, plan, &options.settings, filter, report).await?;
    let (remaining, live, _) =
        pending_on(conn, desired, filter, &options.planning, &options.renames).await?;
    if live.fingerprint() != desired.fingerprint() {
        return Err(ApplyError::Verify(remaining));
    }
    Ok(executed)
}

/// Executes every step of `plan`, in order, on `conn`, without retries.
pub async fn execute_plan(conn: &mut PgConnection, plan: &Plan) -> Result<(), ApplyError> {
    let settings = Settings {
        retries: 0,
        ..Settings::default()
    };
    execute::run(conn, plan, &settings, &ObjectFilter::default(), &mut |_| {}).await?;
    Ok(())
}

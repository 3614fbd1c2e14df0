//! Running the steps of a plan in the plan's transactions ([`Plan::transactions`]):
//! consecutive transactional steps run together, a validation in a transaction of its own,
//! steps that cannot run in a transaction (such as concurrent index builds) on their own.
//! Before each step its own `lock_timeout` and `statement_timeout` are set; a group that failed on a lock timeout (or a deadlock) is
//! rolled back and retried with exponential backoff, up to a limit. Any other failure stops
//! the run and names the step; the transaction it was part of is rolled back.

use crate::invalid;
use schema_ir::ObjectFilter;
use schema_plan::{Plan, Step};
use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection, raw_sql};
use std::time::{Duration, Instant};

/// How steps are run (their timeouts come with the plan).
#[derive(Debug, Clone)]
pub struct Settings {
    /// How many times a group that hit a lock timeout is retried.
    pub retries: u32,
    /// The first pause before a retry; it doubles with every attempt.
    pub backoff: Duration,
    /// Where to watch concurrent index builds from (a second connection to the same
    /// database), reporting [`Event::Progress`] every `progress_every`; `None`: no reports.
    pub progress_url: Option<String>,
    pub progress_every: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            retries: 5,
            backoff: Duration::from_millis(500),
            progress_url: None,
            progress_every: Duration::from_secs(2),
        }
    }
}

/// What happens while steps run, for progress reports.
#[derive(Debug, Clone)]
pub enum Event<'a> {
    /// Step `number` of `total` starts.
    Started {
        number: usize,
        total: usize,
        step: &'a Step,
    },
    /// Step `number` finished (in a transaction: its statement finished).
    Finished { number: usize, elapsed: Duration },
    /// Step `number`, a concurrent index build, is in `phase` (`pg_stat_progress_create_index`)
    /// with `done` of `total` blocks (or tuples) processed.
    Progress {
        number: usize,
        phase: String,
        done: i64,
        total: i64,
    },
    /// The group starting at step `number` hit a lock timeout; it is retried after `pause`.
    Retrying {
        number: usize,
        attempt: u32,
        pause: Duration,
    },
}

/// A step that failed, and how many steps were committed before it.
#[derive(Debug, thiserror::Error)]
#[error(
    "step {number} ({kind} {object}) failed{attempts}: {error}\n  {sql}",
    attempts = attempts_note(*.attempts),
    error = schema_inspect::describe(.source)
)]
pub struct StepError {
    pub number: usize,
    pub kind: String,
    pub object: String,
    pub sql: String,
    pub attempts: u32,
    /// Steps committed before the failure.
    pub executed: usize,
    #[source]
    pub source: sqlx::Error,
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

/// Runs every step of `plan` on `conn`. Returns how many steps ran.
pub async fn run(
    conn: &mut PgConnection,
    plan: &Plan,
    settings: &Settings,
    filter: &ObjectFilter,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<usize, StepError> {
    let total = plan.steps.len();
    let mut executed = 0;
    for transaction in plan.transactions() {
        let group: Vec<(usize, &Step)> = transaction
            .iter()
            .enumerate()
            .map(|(i, s)| (executed + i + 1, s))
            .collect();
        let group = group.as_slice();
        let mut attempt = 1;
        loop {
            match run_group(conn, group, total, settings, report).await {
                Ok(()) => break,
                Err((number, step, source)) => {
                    if attempt <= settings.retries && is_lock_timeout(&source) {
                        let pause = settings.backoff * 2u32.saturating_pow(attempt - 1);
                        report(Event::Retrying {
                            number: group[0].0,
                            attempt,
                            pause,
                        });
                        tokio::time::sleep(pause).await;
                        if !step.transactional {
                            // An interrupted concurrent build leaves an invalid index behind.
                            drop_invalid(conn, filter).await;
                        }
                        attempt += 1;
                        continue;
                    }
                    return Err(StepError {
                        number,
                        kind: step.kind.clone(),
                        object: step.object.clone(),
                        sql: step.sql.clone(),
                        attempts: attempt,
                        executed,
                        source,
                    });
                }
            }
        }
        executed += group.len();
    }
    Ok(executed)
}

type Failed<'a> = (usize, &'a Step, sqlx::Error);

async fn run_group<'a>(
    conn: &mut PgConnection,
    group: &[(usize, &'a Step)],
    total: usize,
    settings: &Settings,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<(), Failed<'a>> {
    let (first, first_step) = group[0];
    if group.len() == 1 && !first_step.transactional {
        if let (Some(url), true) = (&settings.progress_url, builds_index(first_step)) {
            let every = settings.progress_every;
            return watched_step(conn, (url, every), first, first_step, total, report).await;
        }
        return run_step(conn, first, first_step, total, report).await;
    }
    let mut tx = conn.begin().await.map_err(|e| (first, first_step, e))?;
    for &(number, step) in group {
        run_step(&mut tx, number, step, total, report).await?;
    }
    tx.commit().await.map_err(|e| (first, first_step, e))
}

async fn run_step<'a>(
    conn: &mut PgConnection,
    number: usize,
    step: &'a Step,
    total: usize,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<(), Failed<'a>> {
    report(Event::Started {
        number,
        total,
        step,
    });
    let start = Instant::now();
    let mut timeouts = format!(
        "SET lock_timeout = {}; SET statement_timeout = {}",
        step.lock_timeout_ms, step.statement_timeout_ms
    );
    if step.creates_routine() {
        timeouts.push_str("; SET check_function_bodies = false");
    }
    conn.execute(raw_sql(AssertSqlSafe(timeouts)))
        .await
        .map_err(|e| (number, step, e))?;
    conn.execute(raw_sql(AssertSqlSafe(step.sql.clone())))
        .await
        .map_err(|e| (number, step, e))?;
    report(Event::Finished {
        number,
        elapsed: start.elapsed(),
    });
    Ok(())
}

fn builds_index(step: &Step) -> bool {
    step.sql.starts_with("CREATE") && step.sql.contains(" INDEX CONCURRENTLY ")
}

/// A concurrent index build, watched from a second connection that reports its progress.
/// Watching is best effort: without a second connection the step runs unwatched.
async fn watched_step<'a>(
    conn: &mut PgConnection,
    (url, every): (&str, Duration),
    number: usize,
    step: &'a Step,
    total: usize,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<(), Failed<'a>> {
    let (Ok(pid), Ok(mut watcher)) = (
        sqlx::query_scalar::<_, i32>("SELECT pg_catalog.pg_backend_pid()")
            .fetch_one(&mut *conn)
            .await,
        crate::connect(url, "schema apply progress").await,
    ) else {
        return run_step(conn, number, step, total, report).await;
    };
    report(Event::Started {
        number,
        total,
        step,
    });
    let start = Instant::now();
    let mut silent = |_: Event<'_>| {};
    let run = run_step(conn, number, step, total, &mut silent);
    tokio::pin!(run);
    let mut ticker = tokio::time::interval(every);
    ticker.tick().await;
    let result = loop {
        tokio::select! {
            result = &mut run => break result,
            _ = ticker.tick() => {
                if let Some((phase, done, of)) = progress(&mut watcher, pid).await {
                    report(Event::Progress { number, phase, done, total: of });
                }
            }
        }
    };
    let _ = watcher.close().await;
    result?;
    report(Event::Finished {
        number,
        elapsed: start.elapsed(),
    });
    Ok(())
}

/// The phase of the index build of backend `pid`, and its blocks (or tuples) done of total.
async fn progress(watcher: &mut PgConnection, pid: i32) -> Option<(String, i64, i64)> {
    let (phase, blocks, blocks_total, tuples, tuples_total): (String, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total
             FROM pg_catalog.pg_stat_progress_create_index WHERE pid = $1",
        )
        .bind(pid)
        .fetch_optional(watcher)
        .await
        .ok()
        .flatten()?;
    Some(if blocks_total > 0 {
        (phase, blocks, blocks_total)
    } else {
        (phase, tuples, tuples_total)
    })
}

async fn drop_invalid(conn: &mut PgConnection, filter: &ObjectFilter) {
    // Best effort: the retry itself reports any failure that matters.
    if let Ok(found) = invalid::find(conn, filter).await {
        for index in &found {
            let _ = invalid::drop(conn, index).await;
        }
    }
}

/// Whether `error` is a lock timeout (`55P03`) or a deadlock (`40P01`), which a retry may
/// get past.
pub fn is_lock_timeout(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if matches!(db.code().as_deref(), Some("55P03" | "40P01")))
}

//! `schema drift` (is the database what the files say? exit 0 yes, 2 no, with the steps that
//! would bring it there) and `schema wait` (poll until it is, for init containers; non-zero
//! on timeout). Both leave the history schema of `schema apply` out of the comparison.

use crate::apply::{ResultFormat, url};
use crate::cli::Filter;
use crate::source::Source;
use crate::{Failure, duration, print, redact};
use clap::Args;
use schema_plan::Plan;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct DriftArgs {
    /// Database URL (postgres://user@host:port/db)
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub url: Option<String>,
    /// The desired schema: .sql file, directory, database URL, or -
    #[arg(long, value_name = "SRC")]
    pub to: String,
    /// The schema of the history table of `schema apply` (left out of the comparison).
    #[arg(long, value_name = "NAME", default_value = schema_apply::history::DEFAULT_SCHEMA)]
    pub history_schema: String,
    #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
    #[command(flatten)]
    pub filter: Filter,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Database URL (postgres://user@host:port/db)
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub url: Option<String>,
    /// The desired schema: .sql file, directory, database URL, or -
    #[arg(long, value_name = "SRC")]
    pub to: String,
    /// Give up after this long.
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = duration::parse)]
    pub timeout: Duration,
    /// Pause between checks.
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = duration::parse)]
    pub interval: Duration,
    /// The schema of the history table of `schema apply` (left out of the comparison).
    #[arg(long, value_name = "NAME", default_value = schema_apply::history::DEFAULT_SCHEMA)]
    pub history_schema: String,
    #[command(flatten)]
    pub filter: Filter,
}

pub async fn drift(args: DriftArgs) -> Result<ExitCode, Failure> {
    let url = url(&args.url)?;
    let filter = args.filter.options();
    let desired = Source::parse(&args.to)?.load(&filter).await?;
    let plan = schema_apply::pending(&url, &desired, &filter, &args.history_schema).await?;
    if args.format == ResultFormat::Json {
        let value = serde_json::json!({ "drift": !plan.is_empty(), "plan": plan });
        print(&(serde_json::to_string_pretty(&value)? + "\n"))?;
    } else if plan.is_empty() {
        print("No drift: the database matches the desired schema.\n")?;
    } else {
        print(&format!(
            "Drift: the database differs from the desired schema; {} would bring it there:\n\n{}",
            steps(&plan),
            plan.to_text()
        ))?;
    }
    Ok(if plan.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

pub async fn wait(args: WaitArgs) -> Result<ExitCode, Failure> {
    let url = url(&args.url)?;
    let filter = args.filter.options();
    let desired = Source::parse(&args.to)?.load(&filter).await?;
    let start = Instant::now();
    loop {
        let why = match schema_apply::pending(&url, &desired, &filter, &args.history_schema).await {
            Ok(plan) if plan.is_empty() => {
                print(&format!(
                    "The database matches the desired schema (waited {}).\n",
                    duration::show(start.elapsed())
                ))?;
                return Ok(ExitCode::SUCCESS);
            }
            Ok(plan) => format!("{} still to do", steps(&plan)),
            // The database may not be reachable yet; keep waiting, and say why at the end.
            Err(e) => redact::passwords(&e.to_string()),
        };
        let left = args.timeout.saturating_sub(start.elapsed());
        if left.is_zero() {
            return Err(Failure(format!(
                "timed out after {} waiting for the database to match the desired schema: {why}",
                duration::show(args.timeout)
            )));
        }
        tokio::time::sleep(args.interval.min(left)).await;
    }
}

fn steps(plan: &Plan) -> String {
    match plan.steps.len() {
        1 => "1 step".to_string(),
        n => format!("{n} steps"),
    }
}

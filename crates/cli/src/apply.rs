//! `schema apply`: brings a live database to the desired schema through `schema-apply`
//! (advisory lock, re-plan under the lock, hazard policy, history, verification), asking for
//! confirmation on a terminal, printing progress on stderr and the result as text or JSON.
//! Exit codes: 0 applied or nothing to do, 1 error, 3 blocked by the hazard policy.

use crate::cli::{Filter, Online};
use crate::source::Source;
use crate::{Failure, duration, print, redact};
use clap::{Args, ValueEnum};
use schema_apply::{ApplyError, ApplyOptions, Event, HazardPolicy, Outcome, Settings, Status};
use schema_plan::Plan;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Database URL (postgres://user@host:port/db)
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub url: Option<String>,
    /// The desired schema: .sql file, directory, database URL, or -
    #[arg(long, value_name = "SRC")]
    pub to: String,
    /// Apply exactly this reviewed plan (`schema plan --format json`); refused when the
    /// database is no longer the schema the plan was made from.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<String>,
    /// Print the plan and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking for confirmation (for CD).
    #[arg(long)]
    pub auto_approve: bool,
    /// Hazard codes or categories to allow (data-loss hazards are refused unless allowed).
    #[arg(long, value_name = "CODE,...", value_delimiter = ',')]
    pub allow_hazards: Vec<String>,
    /// How long to wait for another run to release the migration lock.
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = duration::parse)]
    pub lock_wait: Duration,
    /// How many times a step that hit the lock timeout is retried.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    /// The schema of the history table (left out of every comparison).
    #[arg(long, value_name = "NAME", default_value = schema_apply::history::DEFAULT_SCHEMA)]
    pub history_schema: String,
    #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
    #[command(flatten)]
    pub filter: Filter,
    /// Online forms and timeouts (a step that hits its lock timeout is retried with backoff).
    #[command(flatten)]
    pub online: Online,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    Text,
    Json,
}

/// The URL of `--url`, or a clear error.
pub fn url(url: &Option<String>) -> Result<String, Failure> {
    url.clone()
        .ok_or_else(|| Failure("no database: pass --url or set DATABASE_URL".into()))
}

pub async fn run(args: ApplyArgs) -> Result<ExitCode, Failure> {
    let url = url(&args.url)?;
    let filter = args.filter.options();
    let (desired, hints) = Source::parse(&args.to)?.load_with_hints(&filter).await?;
    let config = crate::config::Config::load(None)?;
    let policy =
        HazardPolicy::allowing(config.apply.allow_hazards.iter().chain(&args.allow_hazards));
    if let Some(unknown) = policy.unknown_entries().first() {
        return Err(Failure(format!(
            "--allow-hazards / [apply] allow_hazards: `{unknown}` is neither a hazard code nor a category (see docs/hazards.md)"
        )));
    }
    let reviewed = match &args.plan {
        Some(path) => Some(read_plan(path)?),
        None => None,
    };
    let options = ApplyOptions {
        filter,
        policy,
        lock_wait: args.lock_wait,
        settings: Settings {
            retries: args.retries,
            ..Settings::default()
        },
        planning: schema_plan::PlanOptions {
            casts: crate::casts(&hints),
            ..config.planning(&args.online)?
        },
        renames: crate::renames(&hints.renames)?,
        dry_run: args.dry_run,
        reviewed,
        history_schema: args.history_schema.clone(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        ..ApplyOptions::default()
    };
    let json = args.format == ResultFormat::Json;
    let auto_approve = args.auto_approve;
    let mut confirm = |plan: &Plan| confirm(plan, auto_approve, json);
    let mut report = |event: Event<'_>| progress(event);
    let result = schema_apply::apply(&url, &desired, &options, &mut confirm, &mut report).await;
    match result {
        Ok(outcome) => finish(&outcome, json),
        Err(error) => failed(&error, json),
    }
}

fn read_plan(path: &str) -> Result<Plan, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{path}: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure(format!(
            "{path}: not a plan of `schema plan --format json`: {e}"
        ))
    })
}

fn confirm(plan: &Plan, auto_approve: bool, json: bool) -> Result<bool, String> {
    if auto_approve {
        if !json {
            eprint!("{}", plan.to_text());
        }
        return Ok(true);
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(
            "confirmation needed, but standard input is not a terminal; review the plan with --dry-run and pass --auto-approve".into(),
        );
    }
    eprint!("{}", plan.to_text());
    eprint!(
        "Apply these {} steps? Type `yes` to continue: ",
        plan.steps.len()
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    Ok(matches!(answer.trim(), "yes" | "y"))
}

fn progress(event: Event<'_>) {
    match event {
        Event::Started {
            number,
            total,
            step,
        } => eprintln!("[{number}/{total}] {} {} ...", step.kind, step.object),
        Event::Finished { number, elapsed } => {
            eprintln!("[{number}] done in {}", duration::show(elapsed))
        }
        Event::Progress {
            number,
            phase,
            done,
            total,
        } => {
            if std::io::stderr().is_terminal() {
                let share = if total > 0 {
                    format!(" {}%", done * 100 / total)
                } else {
                    String::new()
                };
                eprintln!("[{number}] {phase}{share}");
            }
        }
        Event::Retrying {
            number,
            attempt,
            pause,
        } => eprintln!(
            "[{number}] lock timeout; retry {attempt} in {}",
            duration::show(pause)
        ),
    }
}

fn finish(outcome: &Outcome, json: bool) -> Result<ExitCode, Failure> {
    let blocked = !outcome.blocked.is_empty();
    if json {
        print(&(serde_json::to_string_pretty(outcome)? + "\n"))?;
    } else {
        let mut text = String::new();
        for index in &outcome.invalid_indexes {
            let verb = if outcome.status == Status::DryRun {
                "would drop"
            } else {
                "dropped"
            };
            text.push_str(&format!("{verb} invalid index {index}\n"));
        }
        match outcome.status {
            Status::Unchanged => {
                text.push_str("No changes: the database is in the desired state.\n")
            }
            Status::DryRun => {
                text.push_str(&outcome.plan.to_text());
                text.push_str("Dry run: nothing was applied.\n");
                if blocked {
                    let refusal = schema_apply::Refusal(outcome.blocked.clone());
                    text.push_str(&format!("{refusal}\n"));
                }
            }
            Status::Declined => text.push_str("Not confirmed: nothing was applied.\n"),
            Status::Applied => text.push_str(&format!(
                "Applied {} steps; the database is in the desired state{}.\n",
                outcome.executed_steps,
                outcome
                    .history_id
                    .map(|id| format!(" (history run {id})"))
                    .unwrap_or_default()
            )),
        }
        print(&text)?;
    }
    Ok(match outcome.status {
        Status::DryRun if blocked => ExitCode::from(3),
        Status::Declined => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

fn failed(error: &ApplyError, json: bool) -> Result<ExitCode, Failure> {
    let message = redact::passwords(&error.to_string());
    let code = if error.is_refusal() { 3 } else { 1 };
    if json {
        let status = if error.is_refusal() {
            "refused"
        } else {
            "failed"
        };
        let mut value = serde_json::json!({ "status": status, "error": message });
        if let ApplyError::Refused(refusal) = error {
            value["blocked"] = serde_json::to_value(&refusal.0)?;
        }
        print(&(serde_json::to_string_pretty(&value)? + "\n"))?;
    }
    eprintln!("error: {message}");
    Ok(ExitCode::from(code))
}

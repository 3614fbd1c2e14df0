//! The `schema` command: reads schemas from SQL files and live databases, and prints the
//! live schema, the SQL that turns one schema into another, or a reviewed migration plan.
//! Exit codes: 0 done or no changes, 1 error, 2 changes found (`diff --exit-code`, `drift`),
//! 3 blocked by the hazard policy (`lint`, `apply`).

mod apply;
mod cli;
mod config;
mod drift;
mod duration;
mod lint;
mod redact;
mod render;
mod source;

use clap::Parser;
use cli::{Cli, Command, InspectFormat};
use schema_diff::DiffOptions;
use schema_plan::PlanOptions;
use source::Source;
use std::io::Write;
use std::process::ExitCode;

/// A failure reported to the user on stderr, exit code 1.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(Failure(format!("cannot start the runtime: {e}"))),
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(failure) => fail(failure),
    }
}

fn fail(failure: Failure) -> ExitCode {
    eprintln!("error: {}", redact::passwords(&failure.0));
    ExitCode::from(1)
}

async fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Inspect(args) => {
            let url = args
                .url
                .ok_or_else(|| Failure("no database: pass --url or set DATABASE_URL".into()))?;
            let filter = args.filter.options();
            let schema = Source::parse(&url)?.load(&filter).await?;
            let text = match args.format {
                InspectFormat::Sql => schema_plan::schema_sql(&schema),
                InspectFormat::Json => schema.to_json() + "\n",
            };
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff(args) => {
            let plan = args.pair.plan().await?;
            print(&plan.to_sql())?;
            Ok(if args.exit_code && !plan.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Plan(args) => {
            let config = config::Config::load(None)?;
            let policy = config.policy(&[], &[])?;
            let plan = args
                .pair
                .plan_filtered(&config.filter(&args.pair.filter.options()))
                .await?;
            print(&render::plan(&plan, args.format, &policy))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Apply(args) => apply::run(args).await,
        Command::Drift(args) => drift::drift(args).await,
        Command::Wait(args) => drift::wait(args).await,
        Command::Lint(args) => lint::run(args).await,
    }
}

impl cli::Pair {
    /// Loads both sides and plans the migration from `--from` to `--to`.
    async fn plan(&self) -> Result<schema_plan::Plan, Failure> {
        self.plan_filtered(&self.filter.options()).await
    }

    /// Like `plan`, with the given filter instead of the command line's.
    async fn plan_filtered(
        &self,
        filter: &schema_ir::ObjectFilter,
    ) -> Result<schema_plan::Plan, Failure> {
        let filter = filter.clone();
        let from = Source::parse(&self.from)?.load(&filter).await?;
        let to = Source::parse(&self.to)?.load(&filter).await?;
        let options = DiffOptions {
            renames: self
                .renames
                .iter()
                .map(|r| schema_diff::Rename::parse(r))
                .collect::<Result<_, _>>()?,
        };
        let changes = schema_diff::diff(&from, &to, &options);
        Ok(schema_plan::plan(
            &from,
            &to,
            &changes,
            &PlanOptions::default(),
        ))
    }
}

pub(crate) fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

//! Command-line arguments of `schema` (clap derive): the commands, their flags, and the
//! formats each command can print.

use crate::duration;
use clap::{Args, Parser, Subcommand, ValueEnum};
use schema_ir::ObjectFilter;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "schema",
    version,
    about = "Declarative database schemas: diff SQL files against live databases and plan safe migrations"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the schema of a live database as canonical SQL or as the JSON IR.
    Inspect(InspectArgs),
    /// Print the SQL that turns FROM into TO.
    Diff(DiffArgs),
    /// Print the migration plan from FROM to TO, with the hazards of each step.
    Plan(PlanArgs),
    /// Bring a live database to the desired schema: locked, re-planned, policy-checked, verified.
    Apply(crate::apply::ApplyArgs),
    /// Exit 0 when the database matches the desired schema, 2 (with the steps) when not.
    Drift(crate::drift::DriftArgs),
    /// Wait until the database matches the desired schema (for init containers).
    Wait(crate::drift::WaitArgs),
    /// Plan FROM → TO and exit 3 when policy denies any hazard of the plan (a CI gate).
    Lint(LintArgs),
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Database URL (postgres://user@host:port/db)
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub url: Option<String>,
    #[arg(long, value_enum, default_value_t = InspectFormat::Sql)]
    pub format: InspectFormat,
    #[command(flatten)]
    pub filter: Filter,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub pair: Pair,
    /// Exit with status 2 when there are changes.
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub pair: Pair,
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub pair: Pair,
    /// Deny hazards of this category (data-loss, rewrite, …) or code (DROP_COLUMN); repeatable.
    /// Data loss is always denied unless allowed.
    #[arg(long, value_name = "CATEGORY|CODE")]
    pub deny: Vec<String>,
    /// Allow hazards of this code or category; a code beats a category. Repeatable.
    #[arg(long, value_name = "CODE|CATEGORY")]
    pub allow: Vec<String>,
    /// Configuration file (default: schema.toml in the current directory, if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
}

/// The two sides of a comparison. A SRC is a database URL, a .sql file, a directory of
/// .sql files (read in lexical order) or `-` for standard input.
#[derive(Debug, Args)]
pub struct Pair {
    /// The current schema: URL, .sql file, directory, or -
    #[arg(long, value_name = "SRC")]
    pub from: String,
    /// The desired schema: URL, .sql file, directory, or -
    #[arg(long, value_name = "SRC")]
    pub to: String,
    /// Rename instead of drop + add (repeatable): schema:old=new, schema.table=schema.new,
    /// schema.table.col=schema.table.new, index:schema.idx=schema.new,
    /// constraint:schema.table.con=schema.table.new, enum:schema.type.value=schema.type.new.
    #[arg(long = "rename", value_name = "OLD=NEW")]
    pub renames: Vec<String>,
    /// The PostgreSQL major version to plan for (default: the server's when FROM is a
    /// database, else the newest supported).
    #[arg(long, value_name = "N")]
    pub pg_version: Option<u32>,
    #[command(flatten)]
    pub filter: Filter,
    #[command(flatten)]
    pub online: Online,
}

/// How plans treat existing tables, and the timeouts their steps run with. Flags override
/// `[online]` in schema.toml.
#[derive(Debug, Args, Default)]
pub struct Online {
    /// Plan the blocking forms (plain CREATE/DROP INDEX, constraints checked as they are
    /// added, SET NOT NULL with a scan) instead of the online ones.
    #[arg(long)]
    pub no_online: bool,
    /// `lock_timeout` of every step [default: 5s]
    #[arg(long, value_name = "DURATION", value_parser = duration::parse)]
    pub lock_timeout: Option<Duration>,
    /// `statement_timeout` of steps that only change the catalog; 0 for none [default: 1m]
    #[arg(long, value_name = "DURATION", value_parser = duration::parse)]
    pub statement_timeout: Option<Duration>,
    /// `statement_timeout` of steps that work through rows: concurrent index builds,
    /// validations, rewrites, scans; 0 for none [default: none]
    #[arg(long, value_name = "DURATION", value_parser = duration::parse)]
    pub long_statement_timeout: Option<Duration>,
}

/// Which schemas and objects of a database are managed.
#[derive(Debug, Args)]
pub struct Filter {
    /// Manage only this schema (repeatable).
    #[arg(long = "schema", value_name = "NAME")]
    pub schemas: Vec<String>,
    /// Leave objects matching this glob alone, e.g. 'public.tmp_*' (repeatable).
    #[arg(long = "exclude", value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Manage privileges (GRANT/REVOKE) too; off by default because roles differ between
    /// environments.
    #[arg(long = "with-privileges")]
    pub with_privileges: bool,
}

impl Filter {
    pub fn options(&self) -> ObjectFilter {
        ObjectFilter {
            schemas: self.schemas.clone(),
            exclude: self.exclude.clone(),
            privileges: self.with_privileges,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InspectFormat {
    Sql,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PlanFormat {
    Text,
    Sql,
    Json,
    Markdown,
    Github,
}

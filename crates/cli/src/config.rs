//! `schema.toml`, the project's configuration: which schemas and objects are managed and the
//! lint policy. Read from `--config FILE` or, when that is not given, from `schema.toml` in
//! the current directory if there is one.
//!
//! ```toml
//! schemas = ["public"]            # manage only these schemas
//! exclude = ["public.tmp_*"]      # leave matching objects alone
//!
//! [online]
//! enabled = true                  # false: plan the blocking forms (as --no-online)
//! lock_timeout = "5s"
//! statement_timeout = "1m"        # steps that only change the catalog
//! long_statement_timeout = "2h"   # concurrent builds, validations, rewrites; "0": none
//!
//! [apply]
//! allow_hazards = ["DROP_INDEX"]  # added to --allow-hazards
//!
//! [lint]
//! deny = ["data-loss", "TYPE_CHANGE_REWRITE"]   # categories or codes
//! allow = ["DROP_INDEX"]
//!
//! [[lint.allow_object]]
//! object = "public.legacy_*"
//! codes = ["DROP_COLUMN", "DROP_TABLE"]
//! ```

use crate::cli::Online;
use crate::{Failure, duration};
use schema_ir::ObjectFilter;
use schema_plan::policy::{ObjectAllowance, Selector};
use schema_plan::{PlanOptions, Policy};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file looked for in the current directory.
pub const DEFAULT_FILE: &str = "schema.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Manage privileges (as `--with-privileges`).
    #[serde(default)]
    pub privileges: bool,
    #[serde(default)]
    pub online: OnlineConfig,
    #[serde(default)]
    pub apply: ApplyConfig,
    #[serde(default)]
    pub lint: LintConfig,
}

/// `[apply]`: hazard codes or categories `schema apply` carries out besides the default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplyConfig {
    #[serde(default)]
    pub allow_hazards: Vec<String>,
}

/// `[online]`: whether plans take their online forms, and the timeouts of steps.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnlineConfig {
    pub enabled: Option<bool>,
    pub lock_timeout: Option<String>,
    pub statement_timeout: Option<String>,
    pub long_statement_timeout: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    #[serde(default)]
    pub deny: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub allow_object: Vec<AllowObject>,
}

/// `[[lint.allow_object]]`: hazard codes (or categories) allowed on objects matching a glob.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowObject {
    pub object: String,
    pub codes: Vec<String>,
}

impl Config {
    /// `explicit` when given (it must exist), else `./schema.toml` when present, else the
    /// defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, Failure> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None => {
                let path = PathBuf::from(DEFAULT_FILE);
                if !path.is_file() {
                    return Ok(Config::default());
                }
                path
            }
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        toml::from_str(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))
    }

    /// The object filter: the command line's schemas and exclusions added to the file's.
    pub fn filter(&self, cli: &ObjectFilter) -> ObjectFilter {
        let mut filter = ObjectFilter {
            schemas: self.schemas.clone(),
            exclude: self.exclude.clone(),
            privileges: self.privileges || cli.privileges,
        };
        filter.schemas.extend(cli.schemas.iter().cloned());
        filter.exclude.extend(cli.exclude.iter().cloned());
        filter
    }

    /// The default policy (deny data loss) extended by the file's `[lint]` and then by the
    /// command line's `--deny` / `--allow`.
    pub fn policy(&self, deny: &[String], allow: &[String]) -> Result<Policy, Failure> {
        let mut policy = Policy::default();
        for s in self.lint.deny.iter().chain(deny) {
            policy.deny.push(selector(s)?);
        }
        for s in self.lint.allow.iter().chain(allow) {
            policy.allow.push(selector(s)?);
        }
        for a in &self.lint.allow_object {
            policy.allow_objects.push(ObjectAllowance {
                object: a.object.clone(),
                hazards: a
                    .codes
                    .iter()
                    .map(|s| selector(s))
                    .collect::<Result<_, _>>()?,
            });
        }
        Ok(policy)
    }
}

impl Config {
    /// Planner options: the defaults, then `[online]`, then the command line.
    pub fn planning(&self, cli: &Online) -> Result<PlanOptions, Failure> {
        let mut options = PlanOptions::default();
        let online = &self.online;
        let parse = |key: &str, value: &Option<String>| -> Result<Option<Duration>, Failure> {
            value
                .as_deref()
                .map(|v| duration::parse(v).map_err(|e| Failure(format!("[online] {key}: {e}"))))
                .transpose()
        };
        let limit = |d: Duration| (!d.is_zero()).then_some(d);
        options.online = online.enabled.unwrap_or(true) && !cli.no_online;
        let t = &mut options.timeouts;
        if let Some(d) = cli
            .lock_timeout
            .or(parse("lock_timeout", &online.lock_timeout)?)
        {
            t.lock = d;
        }
        if let Some(d) = cli
            .statement_timeout
            .or(parse("statement_timeout", &online.statement_timeout)?)
        {
            t.statement = limit(d);
        }
        if let Some(d) = cli.long_statement_timeout.or(parse(
            "long_statement_timeout",
            &online.long_statement_timeout,
        )?) {
            t.long_statement = limit(d);
        }
        Ok(options)
    }
}

fn selector(s: &str) -> Result<Selector, Failure> {
    s.parse()
        .map_err(|e: schema_plan::policy::UnknownSelector| Failure(e.to_string()))
}

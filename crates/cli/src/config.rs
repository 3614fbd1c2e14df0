//! `schema.toml`, the project's configuration: which schemas and objects are managed and the
//! lint policy. Read from `--config FILE` or, when that is not given, from `schema.toml` in
//! the current directory if there is one.
//!
//! ```toml
//! schemas = ["public"]            # manage only these schemas
//! exclude = ["public.tmp_*"]      # leave matching objects alone
//!
//! [lint]
//! deny = ["data-loss", "TYPE_CHANGE_REWRITE"]   # categories or codes
//! allow = ["DROP_INDEX"]
//!
//! [[lint.allow_object]]
//! object = "public.legacy_*"
//! codes = ["DROP_COLUMN", "DROP_TABLE"]
//! ```

use crate::Failure;
use schema_ir::ObjectFilter;
use schema_plan::Policy;
use schema_plan::policy::{ObjectAllowance, Selector};
use serde::Deserialize;
use std::path::{Path, PathBuf};

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
    pub lint: LintConfig,
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

fn selector(s: &str) -> Result<Selector, Failure> {
    s.parse()
        .map_err(|e: schema_plan::policy::UnknownSelector| Failure(e.to_string()))
}

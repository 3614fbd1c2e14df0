//! `schema lint`: plans the migration from FROM to TO (offline from two SQL sources, or
//! against a database), prints it, and fails with exit code 3 when policy denies any of its
//! hazards, saying for each denied hazard how to allow it.

use crate::cli::LintArgs;
use crate::config::Config;
use crate::{Failure, print, render};
use schema_plan::policy::Denied;
use std::process::ExitCode;

/// Exit code of a plan blocked by hazard policy.
pub const BLOCKED: u8 = 3;

pub async fn run(args: LintArgs) -> Result<ExitCode, Failure> {
    let config = Config::load(args.config.as_deref())?;
    let policy = config.policy(&args.deny, &args.allow)?;
    let filter = config.filter(&args.pair.filter.options());
    let plan = args
        .pair
        .plan_filtered(&filter, config.planning(&args.pair.online)?)
        .await?;
    print(&render::plan(&plan, args.format, &policy))?;
    let denied = policy.denied(&plan);
    if denied.is_empty() {
        let hazards = plan.summary().hazards;
        eprintln!(
            "lint: {} checked, none denied by policy",
            if hazards == 1 {
                "1 hazard".to_string()
            } else {
                format!("{hazards} hazards")
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    eprint!("{}", report(&denied));
    Ok(ExitCode::from(BLOCKED))
}

/// The denied hazards, each with the ways to allow it.
pub fn report(denied: &[Denied<'_>]) -> String {
    let mut out = format!(
        "lint: policy denies {} of this plan:\n",
        if denied.len() == 1 {
            "1 hazard".to_string()
        } else {
            format!("{} hazards", denied.len())
        }
    );
    for d in denied {
        out.push_str(&format!(
            "\n  step {} {} {}\n    {} ({}), denied by `{}`: {}\n    allow it with `--allow {}`, `allow = [\"{}\"]` under [lint] in schema.toml,\n    or for this object only:\n      [[lint.allow_object]]\n      object = \"{}\"\n      codes = [\"{}\"]\n",
            d.step_number,
            d.step.kind,
            d.step.object,
            d.hazard.code,
            d.hazard.category,
            d.rule,
            d.hazard.message,
            d.hazard.code,
            d.hazard.code,
            d.step.object.replace('\\', "\\\\").replace('"', "\\\""),
            d.hazard.code,
        ));
    }
    out
}

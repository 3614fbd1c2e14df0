//! Applying a plan reviewed earlier (`schema plan --format json`): it is carried out only
//! when the live schema is exactly the one it was made from. Otherwise the refusal says what
//! drifted, by comparing the reviewed steps with the steps planned now from the live schema
//! to the same desired schema.

use schema_plan::{Plan, Step};
use std::fmt::Write;

/// What to do with a reviewed plan, given the live and desired fingerprints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The live schema is the plan's from-schema: run the reviewed steps.
    Run,
    /// The live schema already is the plan's to-schema: nothing to do.
    Done,
    /// The plan was made for another desired schema than the one given.
    OtherTarget,
    /// The live schema is neither: refuse.
    Drifted,
}

/// Decides about `reviewed` for a database whose schema has fingerprint `live`, when the
/// desired schema has fingerprint `desired`.
pub fn decide(reviewed: &Plan, live: &str, desired: &str) -> Decision {
    if reviewed.to_fingerprint != desired {
        Decision::OtherTarget
    } else if reviewed.from_fingerprint == live {
        Decision::Run
    } else if reviewed.to_fingerprint == live {
        Decision::Done
    } else {
        Decision::Drifted
    }
}

/// A short summary of how the live schema drifted from the reviewed plan's from-schema:
/// the reviewed steps no longer needed and the steps needed now that were not reviewed.
pub fn drift_summary(reviewed: &Plan, fresh: &Plan, live: &str) -> String {
    let mut out = format!(
        "the live schema (fingerprint {}) is not the one the plan was made from ({})",
        short(live),
        short(&reviewed.from_fingerprint)
    );
    let missing: Vec<&Step> = reviewed
        .steps
        .iter()
        .filter(|s| !fresh.steps.iter().any(|f| f.sql == s.sql))
        .collect();
    let extra: Vec<&Step> = fresh
        .steps
        .iter()
        .filter(|s| !reviewed.steps.iter().any(|r| r.sql == s.sql))
        .collect();
    for step in &missing {
        let _ = write!(
            out,
            "\n  - reviewed step no longer matches the database: {} {}",
            step.kind, step.object
        );
    }
    for step in &extra {
        let _ = write!(
            out,
            "\n  + needed now but not in the reviewed plan: {} {}",
            step.kind, step.object
        );
    }
    out.push_str("\nplan again against the live database and review the new plan");
    out
}

fn short(fingerprint: &str) -> &str {
    &fingerprint[..fingerprint.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(kind: &str, object: &str) -> Step {
        Step::new(format!("{kind} {object}"), object, kind)
    }

    fn plan(from: &str, to: &str, steps: Vec<Step>) -> Plan {
        Plan {
            steps,
            from_fingerprint: from.into(),
            to_fingerprint: to.into(),
        }
    }

    #[test]
    fn decides_by_fingerprints() {
        let p = plan("a", "b", vec![]);
        assert_eq!(decide(&p, "a", "b"), Decision::Run);
        assert_eq!(decide(&p, "b", "b"), Decision::Done);
        assert_eq!(decide(&p, "c", "b"), Decision::Drifted);
        assert_eq!(decide(&p, "a", "c"), Decision::OtherTarget);
    }

    #[test]
    fn summarizes_the_drift() {
        let reviewed = plan(
            "aaaaaaaaaaaaaaaa",
            "b",
            vec![
                step("add_column", "public.t.x"),
                step("create_table", "public.u"),
            ],
        );
        let fresh = plan("c", "b", vec![step("create_table", "public.u")]);
        let text = drift_summary(&reviewed, &fresh, "cccccccccccccccc");
        assert_eq!(
            text,
            "the live schema (fingerprint cccccccccccc) is not the one the plan was made from (aaaaaaaaaaaa)\n  - reviewed step no longer matches the database: add_column public.t.x\nplan again against the live database and review the new plan"
        );
    }
}

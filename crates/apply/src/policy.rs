//! Which hazards a run may carry out. By default every hazard is allowed except those of the
//! data-loss category; `allow` names further hazard codes (`DROP_COLUMN`) or whole
//! categories (`data-loss`) that are allowed. A plan with any other hazard is refused.

use schema_plan::{Category, Plan};
use std::collections::BTreeSet;
use std::fmt;

/// The hazard policy of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HazardPolicy {
    /// Hazard codes or category names allowed on top of the default.
    pub allow: BTreeSet<String>,
}

/// A hazard the policy does not allow, with the step that carries it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Blocked {
    /// 1-based number of the step in the plan.
    pub step: usize,
    pub object: String,
    pub code: &'static str,
    pub category: Category,
    pub message: String,
}

/// The refusal of a plan: every hazard that is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub Vec<Blocked>);

impl HazardPolicy {
    /// A policy allowing these codes or categories (a comma-separated list is split).
    pub fn allowing<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> HazardPolicy {
        let allow = items
            .into_iter()
            .flat_map(|s| {
                s.as_ref()
                    .split(',')
                    .map(|p| p.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        HazardPolicy { allow }
    }

    /// Entries that are neither a known hazard code nor a category name.
    pub fn unknown_entries(&self) -> Vec<String> {
        self.allow
            .iter()
            .filter(|a| {
                schema_plan::hazards::kind(a).is_none()
                    && !CATEGORIES.iter().any(|c| c.as_str() == a.as_str())
            })
            .cloned()
            .collect()
    }

    fn allows(&self, code: &str, category: Category) -> bool {
        category != Category::DataLoss
            || self.allow.contains(code)
            || self.allow.contains(category.as_str())
    }

    /// The hazards of `plan` this policy refuses, if any.
    pub fn check(&self, plan: &Plan) -> Option<Refusal> {
        let blocked: Vec<Blocked> = plan
            .steps
            .iter()
            .enumerate()
            .flat_map(|(i, step)| {
                step.hazards
                    .iter()
                    .filter(|h| !self.allows(h.code, h.category))
                    .map(move |h| Blocked {
                        step: i + 1,
                        object: step.object.clone(),
                        code: h.code,
                        category: h.category,
                        message: h.message.clone(),
                    })
            })
            .collect();
        (!blocked.is_empty()).then_some(Refusal(blocked))
    }
}

const CATEGORIES: [Category; 7] = [
    Category::DataLoss,
    Category::BackwardIncompatible,
    Category::Locking,
    Category::Rewrite,
    Category::MayFail,
    Category::Authz,
    Category::Performance,
];

impl Refusal {
    /// The distinct codes refused, in order of first appearance.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::new();
        for b in &self.0 {
            if !codes.contains(&b.code) {
                codes.push(b.code);
            }
        }
        codes
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the plan has hazards that the policy does not allow:")?;
        for b in &self.0 {
            writeln!(
                f,
                "  step {} ({}): {} ({}): {}",
                b.step, b.object, b.code, b.category, b.message
            )?;
        }
        write!(
            f,
            "to carry them out anyway, pass --allow-hazards {}",
            self.codes().join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use schema_plan::{Step, hazards};

    fn plan(hazards: Vec<schema_plan::Hazard>) -> Plan {
        Plan {
            steps: vec![Step {
                hazards,
                ..Step::new(
                    "ALTER TABLE public.t DROP COLUMN c",
                    "public.t.c",
                    "drop_column",
                )
            }],
            from_fingerprint: String::new(),
            to_fingerprint: String::new(),
        }
    }

    #[test]
    fn data_loss_is_refused_by_default() {
        let p = plan(vec![
            hazards::DROP_COLUMN.at("public.t.c"),
            hazards::SET_NOT_NULL.at("public.t.c"),
        ]);
        let refusal = HazardPolicy::default().check(&p).unwrap();
        assert_eq!(refusal.codes(), ["DROP_COLUMN"]);
        let text = refusal.to_string();
        assert!(
            text.contains("step 1 (public.t.c): DROP_COLUMN (data-loss)"),
            "{text}"
        );
        assert!(text.ends_with("pass --allow-hazards DROP_COLUMN"), "{text}");
    }

    #[test]
    fn codes_and_categories_can_be_allowed() {
        let p = plan(vec![hazards::DROP_COLUMN.at("public.t.c")]);
        assert!(HazardPolicy::allowing(["DROP_COLUMN"]).check(&p).is_none());
        assert!(HazardPolicy::allowing(["data-loss"]).check(&p).is_none());
        assert!(
            HazardPolicy::allowing(["DROP_TABLE, x"])
                .check(&p)
                .is_some()
        );
        assert_eq!(
            HazardPolicy::allowing(["DROP_TABLE,x"]).unknown_entries(),
            ["x"]
        );
    }
}

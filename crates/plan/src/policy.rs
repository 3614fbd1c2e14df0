//! Hazard policy: which hazards of a plan block it. A [`Policy`] denies hazards by category
//! or code and allows them back by code, category or object glob; `schema lint` exits 3 and
//! `schema apply` refuses when [`Policy::denied`] is not empty. The default policy denies
//! data loss.
//!
//! Precedence, most specific first: an object allowance that names the hazard's code or
//! category allows it; then a code listed in `allow` allows and one listed in `deny` denies;
//! then the hazard's category in `allow` allows and in `deny` denies; anything else passes.

use crate::{Category, Hazard, Plan, Step, hazards};
use schema_ir::glob_matches;
use std::fmt;
use std::str::FromStr;

/// A hazard category (`data-loss`) or code (`DROP_COLUMN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Selector {
    Category(Category),
    Code(&'static str),
}

/// A selector that names no category and no hazard code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is neither a hazard category (data-loss, backward-incompatible, locking, rewrite, may-fail, authz, performance) nor a hazard code (see docs/hazards.md)"
)]
pub struct UnknownSelector(pub String);

impl FromStr for Selector {
    type Err = UnknownSelector;

    /// Categories are matched case-insensitively, with `_` for `-`; codes likewise.
    fn from_str(s: &str) -> Result<Selector, UnknownSelector> {
        let trimmed = s.trim();
        if let Some(c) = Category::parse(&trimmed.to_ascii_lowercase().replace('_', "-")) {
            return Ok(Selector::Category(c));
        }
        hazards::kind(&trimmed.to_ascii_uppercase().replace('-', "_"))
            .map(|k| Selector::Code(k.code))
            .ok_or_else(|| UnknownSelector(s.to_string()))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Category(c) => f.write_str(c.as_str()),
            Selector::Code(code) => f.write_str(code),
        }
    }
}

impl Selector {
    /// Whether the selector names this hazard's code or category.
    pub fn matches(&self, hazard: &Hazard) -> bool {
        match self {
            Selector::Category(c) => *c == hazard.category,
            Selector::Code(code) => *code == hazard.code,
        }
    }
}

/// Hazards allowed on the objects matching a glob (`public.legacy_*`); the glob is matched
/// against the step's object, e.g. `public.users` or `public.users.email`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectAllowance {
    pub object: String,
    pub hazards: Vec<Selector>,
}

/// Which hazards block a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub deny: Vec<Selector>,
    pub allow: Vec<Selector>,
    pub allow_objects: Vec<ObjectAllowance>,
}

impl Default for Policy {
    /// Denies data loss, allows everything else.
    fn default() -> Policy {
        Policy {
            deny: vec![Selector::Category(Category::DataLoss)],
            allow: Vec::new(),
            allow_objects: Vec::new(),
        }
    }
}

/// A hazard the policy denies, with where it is in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Denied<'p> {
    /// 1-based position of the step in the plan.
    pub step_number: usize,
    pub step: &'p Step,
    pub hazard: &'p Hazard,
    /// The `deny` entry that matched.
    pub rule: Selector,
}

impl Policy {
    /// A policy that denies nothing.
    pub fn allow_all() -> Policy {
        Policy {
            deny: Vec::new(),
            allow: Vec::new(),
            allow_objects: Vec::new(),
        }
    }

    /// The `deny` entry that blocks `hazard` of `step`, or `None` when it may go ahead.
    pub fn denies(&self, step: &Step, hazard: &Hazard) -> Option<Selector> {
        let allowed_on_object = self.allow_objects.iter().any(|a| {
            glob_matches(&a.object, &step.object) && a.hazards.iter().any(|s| s.matches(hazard))
        });
        if allowed_on_object {
            return None;
        }
        let code = Selector::Code(hazard.code);
        if self.allow.contains(&code) {
            return None;
        }
        if self.deny.contains(&code) {
            return Some(code);
        }
        let category = Selector::Category(hazard.category);
        if self.allow.contains(&category) {
            return None;
        }
        self.deny.contains(&category).then_some(category)
    }

    /// Every hazard of `plan` the policy denies, in plan order.
    pub fn denied<'p>(&self, plan: &'p Plan) -> Vec<Denied<'p>> {
        let mut out = Vec::new();
        for (i, step) in plan.steps.iter().enumerate() {
            for hazard in &step.hazards {
                if let Some(rule) = self.denies(step, hazard) {
                    out.push(Denied {
                        step_number: i + 1,
                        step,
                        hazard,
                        rule,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(object: &str, hazard: Hazard) -> Step {
        Step {
            hazards: vec![hazard],
            ..Step::new("SELECT 1", object, "test")
        }
    }

    fn sel(s: &str) -> Selector {
        s.parse().unwrap()
    }

    #[test]
    fn selectors_parse_categories_and_codes_and_reject_others() {
        assert_eq!(sel("data-loss"), Selector::Category(Category::DataLoss));
        assert_eq!(sel("DATA_LOSS"), Selector::Category(Category::DataLoss));
        assert_eq!(sel("drop_column"), Selector::Code("DROP_COLUMN"));
        assert_eq!(sel("DROP_COLUMN").to_string(), "DROP_COLUMN");
        let err = "DROP_COLUM".parse::<Selector>().unwrap_err();
        assert!(err.to_string().contains("`DROP_COLUM` is neither"), "{err}");
    }

    #[test]
    fn default_policy_denies_data_loss_only() {
        let p = Policy::default();
        let drop = step("public.t.c", hazards::DROP_COLUMN.at("public.t.c"));
        let scan = step("public.t.c", hazards::SET_NOT_NULL.at("public.t.c"));
        assert_eq!(
            p.denies(&drop, &drop.hazards[0]),
            Some(Selector::Category(Category::DataLoss))
        );
        assert_eq!(p.denies(&scan, &scan.hazards[0]), None);
        assert_eq!(Policy::allow_all().denies(&drop, &drop.hazards[0]), None);
    }

    #[test]
    fn codes_beat_categories_and_object_allowances_beat_both() {
        let drop_col = step("public.legacy_users.c", hazards::DROP_COLUMN.at("x"));
        let drop_table = step("public.users", hazards::DROP_TABLE.at("x"));
        let p = Policy {
            deny: vec![sel("data-loss")],
            allow: vec![sel("DROP_COLUMN")],
            allow_objects: vec![],
        };
        assert_eq!(p.denies(&drop_col, &drop_col.hazards[0]), None);
        assert!(p.denies(&drop_table, &drop_table.hazards[0]).is_some());

        let p = Policy {
            deny: vec![sel("DROP_TABLE")],
            allow: vec![sel("data-loss")],
            allow_objects: vec![],
        };
        assert_eq!(p.denies(&drop_col, &drop_col.hazards[0]), None);
        assert_eq!(
            p.denies(&drop_table, &drop_table.hazards[0]),
            Some(Selector::Code("DROP_TABLE"))
        );

        let p = Policy {
            deny: vec![sel("DROP_COLUMN")],
            allow: vec![],
            allow_objects: vec![ObjectAllowance {
                object: "public.legacy_*".into(),
                hazards: vec![sel("DROP_COLUMN")],
            }],
        };
        assert_eq!(p.denies(&drop_col, &drop_col.hazards[0]), None);
        let other = step("public.users.c", hazards::DROP_COLUMN.at("x"));
        assert!(p.denies(&other, &other.hazards[0]).is_some());
    }

    #[test]
    fn denied_lists_hazards_in_plan_order_with_step_numbers() {
        let plan = Plan {
            steps: vec![
                step("public.a", hazards::INDEX_BUILD_BLOCKING.at("public.a")),
                step("public.b", hazards::DROP_TABLE.at("public.b")),
            ],
            from_fingerprint: "f".into(),
            to_fingerprint: "t".into(),
        };
        let denied = Policy::default().denied(&plan);
        assert_eq!(denied.len(), 1);
        assert_eq!(denied[0].step_number, 2);
        assert_eq!(denied[0].hazard.code, "DROP_TABLE");
    }
}

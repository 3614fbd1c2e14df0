//! Rendering a plan: the runnable SQL script (`sql`), the listing for people (`text`), the
//! versioned JSON document (`json`), the pull-request comment (`markdown`) and GitHub
//! workflow annotations (`github`). The [`Summary`] counts shared by those lives here.

mod github;
mod json;
mod markdown;
mod sql;
mod text;

pub use json::{FORMAT_VERSION, PlanReadError};

use crate::model::{Category, Plan};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Counts over a whole plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub steps: usize,
    /// Steps that must run outside a transaction block.
    pub non_transactional: usize,
    pub hazards: usize,
    /// The distinct hazard codes, sorted.
    pub codes: Vec<String>,
    /// Hazards per category, in category order; categories without hazards are left out.
    pub categories: BTreeMap<Category, usize>,
}

impl Plan {
    /// Whether the plan has nothing to do.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Counts of steps and hazards.
    pub fn summary(&self) -> Summary {
        let mut codes = BTreeSet::new();
        let mut categories = BTreeMap::new();
        let mut hazards = 0;
        for hazard in self.steps.iter().flat_map(|s| &s.hazards) {
            hazards += 1;
            codes.insert(hazard.code.to_string());
            *categories.entry(hazard.category).or_insert(0) += 1;
        }
        Summary {
            steps: self.steps.len(),
            non_transactional: self.steps.iter().filter(|s| !s.transactional).count(),
            hazards,
            codes: codes.into_iter().collect(),
            categories,
        }
    }
}

impl Summary {
    /// `3 steps, 2 hazards (DROP_COLUMN, SET_NOT_NULL)` or `1 step, no hazards`.
    pub fn line(&self) -> String {
        let steps = plural(self.steps, "step");
        if self.hazards == 0 {
            format!("{steps}, no hazards")
        } else {
            format!(
                "{steps}, {} ({})",
                plural(self.hazards, "hazard"),
                self.codes.join(", ")
            )
        }
    }
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests;

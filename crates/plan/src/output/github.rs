//! GitHub Actions workflow annotations: one `::error` line for each hazard the policy denies
//! and one `::warning` line for each other hazard, titled with the hazard code, plus a
//! `::notice` with the summary. Values are escaped as the workflow command syntax requires.

use crate::hazards;
use crate::model::Plan;
use crate::policy::Policy;

impl Plan {
    /// The annotations; an empty plan gives a single notice.
    pub fn to_github(&self, policy: &Policy) -> String {
        let mut out = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            for hazard in &step.hazards {
                let level = if policy.denies(step, hazard).is_some() {
                    "error"
                } else {
                    "warning"
                };
                let mut message = format!("step {} ({}): {}", i + 1, step.kind, hazard.message);
                if let Some(kind) = hazards::kind(hazard.code) {
                    message.push_str(&format!(" Safer: {}", kind.alternative));
                }
                out.push_str(&format!(
                    "::{level} title={}::{}\n",
                    property(&format!("{} ({})", hazard.code, hazard.category)),
                    data(&message)
                ));
            }
        }
        let summary = if self.steps.is_empty() {
            "no changes".to_string()
        } else {
            self.summary().line()
        };
        out.push_str(&format!(
            "::notice title=Migration plan::{}\n",
            data(&summary)
        ));
        out
    }
}

fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

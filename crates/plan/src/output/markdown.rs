//! The pull-request comment: a summary line, a table with every hazard (marked when the
//! policy denies it) with the reason and the safe alternative, and the SQL in a collapsible
//! `<details>` block.

use crate::hazards;
use crate::model::Plan;
use crate::policy::Policy;

impl Plan {
    /// The Markdown comment; hazards that `policy` denies are marked as blocking.
    pub fn to_markdown(&self, policy: &Policy) -> String {
        let mut out = String::from("### Migration plan\n\n");
        if self.steps.is_empty() {
            out.push_str("No changes.\n");
            return out;
        }
        let denied = policy.denied(self);
        let summary = self.summary();
        out.push_str(&summary.line());
        if !denied.is_empty() {
            out.push_str(&format!(
                "; **{} denied by policy**",
                super::plural(denied.len(), "hazard")
            ));
        }
        out.push_str(".\n\n");
        if summary.hazards > 0 {
            out.push_str("| | Hazard | Step | Why it is risky | Safe alternative |\n");
            out.push_str("|---|---|---|---|---|\n");
            for (i, step) in self.steps.iter().enumerate() {
                for hazard in &step.hazards {
                    let mark = if policy.denies(step, hazard).is_some() {
                        "⛔ denied"
                    } else {
                        "⚠️"
                    };
                    let (why, alternative) = hazards::kind(hazard.code)
                        .map(|k| (k.why, k.alternative))
                        .unwrap_or_default();
                    let lock = step
                        .lock
                        .as_deref()
                        .map(|l| format!(" Lock: {l}."))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "| {mark} | `{}` {} | {} `{}` | {} {why}{lock} | {alternative} |\n",
                        hazard.code,
                        hazard.category,
                        i + 1,
                        cell(&step.kind),
                        cell(&hazard.message),
                    ));
                }
            }
            out.push('\n');
        }
        let sql: String = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let outside = if step.transactional {
                    ""
                } else {
                    " (outside a transaction block)"
                };
                format!(
                    "-- {}. {} {}{outside}\n{};\n",
                    i + 1,
                    step.kind,
                    step.object,
                    step.sql
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let fence = fence(&sql);
        out.push_str(&format!(
            "<details>\n<summary>SQL ({})</summary>\n\n{fence}sql\n{sql}{fence}\n\n</details>\n",
            super::plural(self.steps.len(), "step")
        ));
        out
    }
}

/// Text safe inside a table cell: no pipes or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A code fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

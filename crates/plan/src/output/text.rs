//! The listing for people: steps numbered in plan order under a heading for the object they
//! touch (consecutive steps on one object share it), the SQL indented, the lock, each hazard
//! with its safe alternative, and a summary line. With colors, hazards stand out (data loss
//! in red, others in yellow); whether to use colors is the caller's decision (a TTY without
//! `NO_COLOR`).

use crate::hazards;
use crate::model::{Category, Plan};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";

impl Plan {
    /// The listing without colors.
    pub fn to_text(&self) -> String {
        self.to_text_styled(false)
    }

    /// The listing, with ANSI colors when `colors` is true.
    pub fn to_text_styled(&self, colors: bool) -> String {
        let paint = |code: &str, text: &str| {
            if colors {
                format!("{code}{text}{RESET}")
            } else {
                text.to_string()
            }
        };
        if self.steps.is_empty() {
            return "No changes.\n".to_string();
        }
        let mut out = String::new();
        let mut previous: Option<&str> = None;
        for (i, step) in self.steps.iter().enumerate() {
            if previous != Some(step.object.as_str()) {
                if previous.is_some() {
                    out.push('\n');
                }
                out.push_str(&paint(BOLD, &step.object));
                out.push('\n');
                previous = Some(&step.object);
            }
            out.push_str(&format!("  {}. {}\n", i + 1, step.kind));
            for line in step.sql.lines() {
                out.push_str("       ");
                out.push_str(line);
                out.push('\n');
            }
            if let Some(lock) = &step.lock {
                out.push_str(&format!("     {}\n", paint(DIM, &format!("lock: {lock}"))));
            }
            if !step.transactional {
                out.push_str(&format!(
                    "     {}\n",
                    paint(DIM, "runs outside a transaction block")
                ));
            } else if step.own_transaction {
                out.push_str(&format!(
                    "     {}\n",
                    paint(DIM, "runs in a transaction of its own")
                ));
            }
            for hazard in &step.hazards {
                let color = if hazard.category == Category::DataLoss {
                    RED
                } else {
                    YELLOW
                };
                out.push_str(&format!(
                    "     {} {}\n",
                    paint(
                        color,
                        &format!("hazard {} ({}):", hazard.code, hazard.category)
                    ),
                    hazard.message
                ));
                if let Some(kind) = hazards::kind(hazard.code) {
                    out.push_str(&format!("       safer: {}\n", kind.alternative));
                }
            }
        }
        out.push('\n');
        out.push_str(&paint(BOLD, &self.summary().line()));
        out.push('\n');
        out
    }
}

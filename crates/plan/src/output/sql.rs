//! The runnable SQL script: each statement terminated by `;`, hazards as comments above their
//! step, steps that cannot run in a transaction block marked.

use crate::model::Plan;

impl Plan {
    /// A runnable SQL script: each statement terminated by `;`, hazards as
    /// `-- hazard CODE (category): message` comments above their step. Empty plan: `""`.
    pub fn to_sql(&self) -> String {
        self.render_sql(true)
    }

    pub(crate) fn render_sql(&self, with_hazards: bool) -> String {
        let mut out = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if with_hazards {
                for hazard in &step.hazards {
                    out.push_str(&format!(
                        "-- hazard {} ({}): {}\n",
                        hazard.code, hazard.category, hazard.message
                    ));
                }
            }
            if !step.transactional {
                out.push_str("-- runs outside a transaction block\n");
            }
            out.push_str(&step.sql);
            out.push_str(";\n");
        }
        out
    }
}

//! The runnable SQL script: each statement terminated by `;`, hazards as comments above their
//! step, `SET lock_timeout` / `SET statement_timeout` wherever a step's timeout differs from
//! the previous step's, transactions of several steps between `BEGIN` and `COMMIT`, and steps
//! that cannot run in a transaction block marked.

use crate::model::{Plan, Step};

impl Plan {
    /// A runnable SQL script: each statement terminated by `;`, hazards as
    /// `-- hazard CODE (category): message` comments above their step, the timeouts of each
    /// step as `SET` statements, transactions as `BEGIN` … `COMMIT`. Empty plan: `""`.
    pub fn to_sql(&self) -> String {
        self.render_sql(true)
    }

    /// The script; without `annotated`, only the statements (no hazards, timeouts or
    /// transaction blocks), as in a schema dump.
    pub(crate) fn render_sql(&self, annotated: bool) -> String {
        let mut out = String::new();
        let (mut lock, mut statement): (Option<u64>, Option<u64>) = (None, None);
        let mut unchecked_bodies = false;
        for (i, transaction) in self.transactions().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let block = annotated && transaction.len() > 1;
            if block {
                out.push_str("BEGIN;\n");
            }
            for (j, step) in transaction.iter().enumerate() {
                if j > 0 {
                    out.push('\n');
                }
                if annotated {
                    for (name, current, wanted) in [
                        ("lock_timeout", &mut lock, step.lock_timeout_ms),
                        (
                            "statement_timeout",
                            &mut statement,
                            step.statement_timeout_ms,
                        ),
                    ] {
                        if *current != Some(wanted) {
                            out.push_str(&format!("SET {name} = {};\n", setting(wanted)));
                            *current = Some(wanted);
                        }
                    }
                    if step.creates_routine() && !unchecked_bodies {
                        out.push_str("SET check_function_bodies = false;\n");
                        unchecked_bodies = true;
                    }
                }
                step_sql(step, annotated, &mut out);
            }
            if block {
                out.push_str("COMMIT;\n");
            }
        }
        out
    }
}

fn step_sql(step: &Step, annotated: bool, out: &mut String) {
    if annotated {
        for hazard in &step.hazards {
            out.push_str(&format!(
                "-- hazard {} ({}): {}\n",
                hazard.code, hazard.category, hazard.message
            ));
        }
        if step.own_transaction {
            out.push_str("-- runs in a transaction of its own\n");
        }
    }
    if !step.transactional {
        out.push_str("-- runs outside a transaction block\n");
    }
    out.push_str(&step.sql);
    out.push_str(";\n");
}

/// A timeout in milliseconds as a setting value: `0` (no limit), `'5s'`, `'1500ms'`.
fn setting(ms: u64) -> String {
    match ms {
        0 => "0".into(),
        ms if ms % 1000 == 0 => format!("'{}s'", ms / 1000),
        ms => format!("'{ms}ms'"),
    }
}

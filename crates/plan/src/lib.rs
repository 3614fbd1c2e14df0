//! The planner of `schema`: turns the differ's [`schema_diff::Change`]s into an ordered
//! [`Plan`] of SQL steps with their locks and [`Hazard`]s, and renders plans as SQL, text,
//! JSON, Markdown or GitHub annotations. [`policy`] decides which hazards block a plan.
//! Order comes from a dependency graph of steps (see `graph`); SQL text is produced by the
//! dialect module (`postgres`); hazard codes and their documentation live in [`hazards`].

mod graph;
pub mod hazards;
mod model;
mod output;
pub mod policy;
mod postgres;

pub use model::{Category, Hazard, Plan, Step};
pub use output::{FORMAT_VERSION, PlanReadError, Summary};
pub use policy::Policy;

use schema_diff::{Change, DiffOptions};
use schema_ir::Schema;

/// Options of the planner.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {}

/// The plan that applies `changes` (the diff from `from` to `to`).
pub fn plan(from: &Schema, to: &Schema, changes: &[Change], _options: &PlanOptions) -> Plan {
    let context = postgres::Context::new(changes);
    let groups = changes
        .iter()
        .map(|change| postgres::steps(change, &context))
        .collect();
    Plan {
        steps: graph::order(groups),
        from_fingerprint: from.fingerprint(),
        to_fingerprint: to.fingerprint(),
    }
}

/// The canonical SQL of a whole schema: the plan from an empty PostgreSQL database to
/// `schema`, as runnable SQL without hazard comments.
pub fn schema_sql(schema: &Schema) -> String {
    let empty = Schema::postgres();
    let changes = schema_diff::diff(&empty, schema, &DiffOptions::default());
    plan(&empty, schema, &changes, &PlanOptions::default()).render_sql(false)
}

#[cfg(test)]
mod tests;

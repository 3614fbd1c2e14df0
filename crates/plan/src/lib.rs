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
use schema_ir::{QualifiedName, Schema, TableSizes};
use std::collections::BTreeSet;
use std::time::Duration;

/// The newest PostgreSQL major version the planner knows; the default of `--pg-version`.
pub const NEWEST_POSTGRES: u32 = 18;

/// Options of the planner.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Plan changes to existing tables so that they do not block writers: indexes built and
    /// dropped concurrently, constraints added `NOT VALID` and validated separately, …
    pub online: bool,
    /// The PostgreSQL major version the plan is for (features and fast paths depend on it).
    pub server_version: u32,
    pub timeouts: Timeouts,
    /// `USING` expressions for type changes of columns (`-- schema:using`).
    pub casts: Casts,
}

/// `USING` expressions by (table, column).
pub type Casts = std::collections::BTreeMap<(schema_ir::QualifiedName, String), String>;

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            online: true,
            server_version: NEWEST_POSTGRES,
            timeouts: Timeouts::default(),
            casts: Casts::new(),
        }
    }
}

/// The `lock_timeout` and `statement_timeout` given to steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// How long any step waits for its lock.
    pub lock: Duration,
    /// How long a step that only changes the catalog may run (`None`: no limit).
    pub statement: Option<Duration>,
    /// How long a step that works through a table's rows may run: concurrent index builds,
    /// validations, rewrites and scans (`None`: no limit).
    pub long_statement: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            lock: Duration::from_secs(5),
            statement: Some(Duration::from_secs(60)),
            long_statement: None,
        }
    }
}

impl Timeouts {
    fn set(&self, step: &mut Step) {
        // A materialized view is filled by running its query over the tables it reads.
        let long = !step.transactional
            || step.own_transaction
            || step.sql.starts_with("CREATE MATERIALIZED VIEW")
            || step.hazards.iter().any(|h| {
                matches!(
                    h.category,
                    Category::Rewrite | Category::Locking | Category::MayFail
                )
            });
        let millis = |d: Option<Duration>| d.map_or(0, |d| d.as_millis() as u64);
        step.lock_timeout_ms = self.lock.as_millis() as u64;
        step.statement_timeout_ms = millis(if long {
            self.long_statement
        } else {
            self.statement
        });
    }
}

/// The plan that applies `changes` (the diff from `from` to `to`).
pub fn plan(from: &Schema, to: &Schema, changes: &[Change], options: &PlanOptions) -> Plan {
    draft(from, to, changes, options).finish(&TableSizes::new(), options)
}

/// The steps of a plan, not yet ordered: the caller planning from a live database looks up
/// the sizes of the tables its hazards are about ([`Draft::sized_tables`]) and gives them to
/// [`Draft::finish`], so only those tables are measured.
pub struct Draft {
    groups: Vec<Vec<graph::Planned>>,
    /// For each planned step (in `groups` order), the existing tables it works on, by their
    /// names in the live database.
    tables: Vec<Vec<QualifiedName>>,
    from_fingerprint: String,
    to_fingerprint: String,
}

/// Plans the steps of `changes` (the diff from `from` to `to`).
pub fn draft(from: &Schema, to: &Schema, changes: &[Change], options: &PlanOptions) -> Draft {
    std::thread::scope(|scope| {
        // The fingerprints of large schemas take a while: two more threads compute them
        // while the steps are planned (when nothing changed, they are all the work).
        let from_fingerprint = scope.spawn(|| from.fingerprint());
        let to_fingerprint = scope.spawn(|| to.fingerprint());
        let renamed = renamed(from, changes);
        let from = renamed.as_ref().unwrap_or(from);
        let context = postgres::Context::new(from, to, changes, options);
        let mut groups: Vec<Vec<graph::Planned>> = changes
            .iter()
            .map(|change| postgres::steps(change, &context))
            .collect();
        postgres::after_added_enum_values(&mut groups);
        let renames: Vec<&Change> = changes
            .iter()
            .filter(|c| matches!(c, Change::RenameSchema { .. } | Change::RenameTable { .. }))
            .collect();
        let tables = groups
            .iter()
            .flatten()
            .map(|planned| {
                let mut tables = existing_tables(planned, from);
                for table in &mut tables {
                    *table = live_name(table, &renames);
                }
                tables
            })
            .collect();
        let joined = |fingerprint: std::thread::ScopedJoinHandle<'_, String>| {
            fingerprint
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let (from_fingerprint, to_fingerprint) = (joined(from_fingerprint), joined(to_fingerprint));
        Draft {
            groups,
            tables,
            from_fingerprint,
            to_fingerprint,
        }
    })
}

impl Draft {
    /// The existing tables whose sizes the hazards of the plan would cite.
    pub fn sized_tables(&self) -> Vec<QualifiedName> {
        let tables: BTreeSet<&QualifiedName> = self
            .groups
            .iter()
            .flatten()
            .zip(&self.tables)
            .filter(|(planned, _)| planned.step.hazards.iter().any(cites_size))
            .flat_map(|(_, tables)| tables)
            .collect();
        tables.into_iter().cloned().collect()
    }

    /// Orders the steps, adding to their hazards the sizes of the tables they work on.
    pub fn finish(mut self, sizes: &TableSizes, options: &PlanOptions) -> Plan {
        if !sizes.is_empty() {
            for (planned, tables) in self.groups.iter_mut().flatten().zip(&self.tables) {
                cite_size(planned, tables, sizes);
            }
        }
        let mut steps = graph::order(self.groups);
        for step in &mut steps {
            options.timeouts.set(step);
        }
        Plan {
            steps,
            from_fingerprint: self.from_fingerprint,
            to_fingerprint: self.to_fingerprint,
        }
    }
}

/// `from` as the plan's schema and table renames leave it, which every later step sees
/// (`None` when the changes rename neither): what the planner looks up about existing
/// objects, such as the index a changed index replaces, is found under the new names.
fn renamed(from: &Schema, changes: &[Change]) -> Option<Schema> {
    let mut renamed: Option<Schema> = None;
    for change in changes {
        match change {
            Change::RenameSchema { from: old, to: new } => renamed
                .get_or_insert_with(|| from.clone())
                .rename_namespace(old, new),
            Change::RenameTable { from: old, to: new } => {
                let schema = renamed.get_or_insert_with(|| from.clone());
                if let Some(mut table) = schema.tables.remove(old) {
                    table.name = new.clone();
                    schema.tables.insert(new.clone(), table);
                }
            }
            _ => {}
        }
    }
    renamed
}

/// The name the table `name` (of the renamed schema) has in the live database.
fn live_name(name: &QualifiedName, renames: &[&Change]) -> QualifiedName {
    let mut live = name.clone();
    for change in renames.iter().rev() {
        match change {
            Change::RenameTable { from, to } if live == *to => live = from.clone(),
            Change::RenameSchema { from, to } if live.schema == *to => live.schema = from.clone(),
            _ => {}
        }
    }
    live
}

/// The tables of `from` a step works on, in the order of its resources.
fn existing_tables(planned: &graph::Planned, from: &Schema) -> Vec<QualifiedName> {
    let mut tables: Vec<QualifiedName> = Vec::new();
    for resource in planned
        .uses_old
        .iter()
        .chain(&planned.requires)
        .chain(&planned.removes)
    {
        if let graph::Resource::Table(t) | graph::Resource::Column(t, _) = resource
            && from.tables.contains_key(t)
            && !tables.contains(t)
        {
            tables.push(t.clone());
        }
    }
    tables
}

/// Whether a hazard is about rows, locks or rewrites, which the table's size tells more of.
fn cites_size(hazard: &Hazard) -> bool {
    !matches!(
        hazard.category,
        Category::Authz | Category::BackwardIncompatible
    )
}

/// Adds the size of the existing table a step works on to its hazards about rows, locks and
/// rewrites: "… (public.orders: ≈ 41 M rows, 12 GB)".
fn cite_size(planned: &mut graph::Planned, tables: &[QualifiedName], sizes: &TableSizes) {
    let Some((table, size)) = tables.iter().find_map(|t| sizes.get(t).map(|s| (t, s))) else {
        return;
    };
    for hazard in &mut planned.step.hazards {
        if cites_size(hazard) {
            hazard.message = format!("{} ({table}: {})", hazard.message, size.describe());
        }
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

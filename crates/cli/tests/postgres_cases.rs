//! The data-driven PostgreSQL case runner. Every directory under `testdata/postgres/` holds
//! `from.sql`, `to.sql` and optionally `case.toml`; adding a case needs no Rust code. For
//! each case: (1) offline, both sides are parsed, diffed and planned, and the plan's SQL is
//! compared with the `plan.snap` snapshot beside it (and with the expected hazard codes of
//! `case.toml`); (2) live, on throwaway databases, the equivalence oracle
//! `parse(sql) == inspect(database after running sql)` must hold for both sides, the plan
//! from the live `from` database to `to.sql` is applied, the result must equal
//! `parse(to.sql)`, and planning again must find nothing to do; (3) in reverse, the same
//! from the live `to` database back to `from.sql` (cases without rename or cast hints,
//! unless `reversible = false`).

use libtest_mimic::{Arguments, Failed, Trial};
use schema_diff::DiffOptions;
use schema_inspect::InspectOptions;
use schema_ir::Schema;
use schema_plan::{Plan, PlanOptions};
use schema_testkit::TestDatabase;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// `case.toml`: what a case expects beyond the round trip.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseConfig {
    /// What the case is about.
    #[allow(dead_code)]
    description: Option<String>,
    /// Exactly the hazard codes the offline plan must carry (when given).
    hazards: Option<Vec<String>>,
    /// Rename hints, as the CLI's `--rename OLD=NEW` takes them.
    #[serde(default)]
    renames: Vec<String>,
    /// `false` plans the blocking forms, as `--no-online` does (default: online).
    online: Option<bool>,
    /// `false` when the way back cannot run (an extension has no downgrade script).
    reversible: Option<bool>,
    /// `-- schema:using` hints of to.sql.
    #[serde(skip)]
    casts: Vec<(schema_ir::QualifiedName, String, String)>,
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/postgres");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("to.sql").is_file() || path.join("from.sql").is_file())
        .collect();
    cases.sort();
    let mut trials = Vec::new();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let offline = case.clone();
        trials.push(Trial::test(format!("offline::{name}"), move || {
            catch(|| run_offline(&offline))
        }));
        let reversible = config(&case).is_ok_and(|c| {
            c.reversible != Some(false) && c.renames.is_empty() && c.casts.is_empty()
        });
        if reversible {
            let back = case.clone();
            trials.push(Trial::test(format!("reverse::{name}"), move || {
                catch(|| run_reverse(&back))
            }));
        }
        trials.push(Trial::test(format!("live::{name}"), move || {
            catch(|| run_live(&case))
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn catch(test: impl FnOnce() -> Result<(), Failed> + std::panic::UnwindSafe) -> Result<(), Failed> {
    match std::panic::catch_unwind(test) {
        Ok(result) => result,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panicked".to_string())
            .into()),
    }
}

fn read(case: &Path, file: &str) -> String {
    std::fs::read_to_string(case.join(file)).unwrap_or_default()
}

fn parse(case: &Path, file: &str) -> Result<Schema, Failed> {
    let sql = read(case, file);
    schema_parse::parse_sql(&sql, &case.join(file).display().to_string())
        .map(|parsed| parsed.schema)
        .map_err(|e| format!("parse {file}: {e}").into())
}

fn plan(from: &Schema, to: &Schema, config: &CaseConfig) -> Plan {
    let options = DiffOptions {
        keep_privileges: false,
        renames: config
            .renames
            .iter()
            .map(|r| schema_diff::Rename::parse(r).unwrap_or_else(|e| panic!("case.toml: {e}")))
            .collect(),
    };
    let changes = schema_diff::diff(from, to, &options);
    let planning = PlanOptions {
        online: config.online.unwrap_or(true),
        casts: config
            .casts
            .iter()
            .map(|(t, c, e)| ((t.clone(), c.clone()), e.clone()))
            .collect(),
        ..PlanOptions::default()
    };
    schema_plan::plan(from, to, &changes, &planning)
}

/// `case.toml`, with the `-- schema:renamed-from` hints of to.sql added to its renames.
fn config(case: &Path) -> Result<CaseConfig, Failed> {
    let text = read(case, "case.toml");
    let mut config: CaseConfig = toml::from_str(&text).map_err(|e| format!("case.toml: {e}"))?;
    if let Ok(parsed) = schema_parse::parse_sql(&read(case, "to.sql"), "to.sql") {
        config.renames.extend(parsed.hints.renames);
        config.casts = parsed.hints.casts;
    }
    Ok(config)
}

fn run_offline(case: &Path) -> Result<(), Failed> {
    let from = parse(case, "from.sql")?;
    let to = parse(case, "to.sql")?;
    let config = config(case)?;
    let plan = plan(&from, &to, &config);
    if let Some(expected) = config.hazards {
        let expected: BTreeSet<String> = expected.into_iter().collect();
        let actual: BTreeSet<String> = plan
            .steps
            .iter()
            .flat_map(|s| s.hazards.iter().map(|h| h.code.to_string()))
            .collect();
        if expected != actual {
            return Err(format!(
                "hazards: expected {expected:?}, planned {actual:?}\n{}",
                plan.to_sql()
            )
            .into());
        }
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(case.canonicalize()?);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("plan", plan.to_sql()));
    Ok(())
}

fn run_live(case: &Path) -> Result<(), Failed> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let from = parse(case, "from.sql")?;
        let to = parse(case, "to.sql")?;
        let Some(db) = TestDatabase::create().await else {
            return Ok(());
        };
        let live_from = load(&db, &read(case, "from.sql"), "from.sql").await?;
        same("equivalence oracle for from.sql", &from, &live_from)?;

        let config = config(case)?;
        let steps = plan(&live_from, &to, &config);
        let mut conn = db.connect().await;
        schema_apply::execute_plan(&mut conn, &steps)
            .await
            .map_err(|e| format!("applying the plan failed: {e}\nplan:\n{}", steps.to_sql()))?;
        let after = inspect(&db).await?;
        same("inspect after apply vs parse(to.sql)", &to, &after).map_err(|e| {
            format!(
                "{}\nplan:\n{}",
                e.message().unwrap_or_default(),
                steps.to_sql()
            )
        })?;
        let again = plan(&after, &to, &config);
        if !again.is_empty() {
            return Err(format!("planning again is not empty:\n{}", again.to_sql()).into());
        }

        let Some(db_to) = TestDatabase::create().await else {
            return Ok(());
        };
        let live_to = load(&db_to, &read(case, "to.sql"), "to.sql").await?;
        same("equivalence oracle for to.sql", &to, &live_to)
    })
}

/// The way back: from the live database of `to.sql` to `from.sql`.
fn run_reverse(case: &Path) -> Result<(), Failed> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let back = parse(case, "from.sql")?;
        let Some(db) = TestDatabase::create().await else {
            return Ok(());
        };
        let live = load(&db, &read(case, "to.sql"), "to.sql").await?;
        let config = CaseConfig {
            online: config(case)?.online,
            ..CaseConfig::default()
        };
        let steps = plan(&live, &back, &config);
        let mut conn = db.connect().await;
        schema_apply::execute_plan(&mut conn, &steps)
            .await
            .map_err(|e| {
                format!(
                    "applying the plan back failed: {e}\nplan:\n{}",
                    steps.to_sql()
                )
            })?;
        let after = inspect(&db).await?;
        same(
            "inspect after the plan back vs parse(from.sql)",
            &back,
            &after,
        )
        .map_err(|e| {
            format!(
                "{}\nplan:\n{}",
                e.message().unwrap_or_default(),
                steps.to_sql()
            )
        })?;
        let again = plan(&after, &back, &config);
        if !again.is_empty() {
            return Err(format!("planning back again is not empty:\n{}", again.to_sql()).into());
        }
        Ok(())
    })
}

async fn load(db: &TestDatabase, sql: &str, file: &str) -> Result<Schema, Failed> {
    // psql meta-commands (`\restrict`, `\connect`) are for psql, not for the server.
    let sql: String = sql
        .lines()
        .map(|line| if line.starts_with('\\') { "" } else { line })
        .collect::<Vec<_>>()
        .join("\n");
    db.execute(&sql)
        .await
        .map_err(|e| format!("running {file} on PostgreSQL failed: {e}"))?;
    inspect(db).await
}

async fn inspect(db: &TestDatabase) -> Result<Schema, Failed> {
    schema_inspect::inspect_url(db.url(), &InspectOptions::default())
        .await
        .map_err(|e| format!("inspect: {e}").into())
}

/// Compares two schemas, showing where their comparison forms differ.
fn same(what: &str, expected: &Schema, actual: &Schema) -> Result<(), Failed> {
    if expected == actual {
        return Ok(());
    }
    let expected = expected.normalized().to_json();
    let actual = actual.normalized().to_json();
    Err(format!("{what}: schemas differ\n{}", line_diff(&expected, &actual)).into())
}

/// The lines around the first difference of two texts (`-` expected, `+` actual).
fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let common_tail = e
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(e.len().min(a.len()) - first);
    let start = first.saturating_sub(6);
    let mut out = String::new();
    for line in &e[start..first] {
        out.push_str(&format!("  {line}\n"));
    }
    for line in &e[first..e.len() - common_tail] {
        out.push_str(&format!("- {line}\n"));
    }
    for line in &a[first..a.len() - common_tail] {
        out.push_str(&format!("+ {line}\n"));
    }
    for line in e[e.len() - common_tail..].iter().take(6) {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

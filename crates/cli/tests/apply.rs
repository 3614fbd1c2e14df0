//! Reliability of `schema apply`, `schema drift` and `schema wait` against a real server,
//! running the binary as a deploy job would: concurrent runners, a runner killed during a
//! concurrent index build, a connection terminated mid-apply, reviewed plans on a drifted
//! database, the hazard policy, dry runs, and passwords kept out of every output.

use schema_testkit::TestDatabase;
use sqlx::{AssertSqlSafe, Connection, Executor, raw_sql};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_schema"));
    command
        .args(args)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn schema(args: &[&str]) -> Output {
    command(args).output().expect("the schema binary runs")
}

fn spawn(args: &[&str]) -> Child {
    command(args).spawn().expect("the schema binary runs")
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

async fn scalar_i64(db: &TestDatabase, sql: &str) -> i64 {
    let mut conn = db.connect().await;
    let value: i64 = sqlx::query_scalar(AssertSqlSafe(sql.to_string()))
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    value
}

async fn strings(db: &TestDatabase, sql: &str) -> Vec<String> {
    let mut conn = db.connect().await;
    let values: Vec<String> = sqlx::query_scalar(AssertSqlSafe(sql.to_string()))
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    values
}

async fn wait_for(db: &TestDatabase, sql: &str, what: &str) {
    let start = Instant::now();
    while scalar_i64(db, sql).await == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out: {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const FROM: &str = "CREATE TABLE public.t (id integer NOT NULL, note text);";
const TO: &str =
    "CREATE TABLE public.t (id integer NOT NULL, note text, flag boolean DEFAULT false);
CREATE INDEX t_id_idx ON public.t (id);
CREATE TABLE public.u (id bigint PRIMARY KEY, name text NOT NULL);";

/// The statuses of the runs in the history, oldest first (none before the first run).
const HISTORY: &str = "SELECT status FROM schema_meta.history ORDER BY id";

async fn history(db: &TestDatabase) -> Vec<String> {
    let exists = "SELECT count(*) FROM pg_class WHERE oid = to_regclass('schema_meta.history')";
    if scalar_i64(db, exists).await == 0 {
        return Vec::new();
    }
    strings(db, HISTORY).await
}

#[tokio::test(flavor = "multi_thread")]
async fn sixteen_concurrent_runners_apply_once() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let args = ["apply", "--url", db.url(), "--to", &to, "--auto-approve"];
    let children: Vec<Child> = (0..16).map(|_| spawn(&args)).collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for output in &outputs {
        assert_eq!(code(output), 0, "{}{}", out(output), err(output));
    }
    let applied = outputs
        .iter()
        .filter(|o| out(o).starts_with("Applied 3 steps"))
        .count();
    let unchanged = outputs
        .iter()
        .filter(|o| out(o).starts_with("No changes"))
        .count();
    assert_eq!((applied, unchanged), (1, 15));
    assert_eq!(history(&db).await, ["applied"]);
    let drift = schema(&["drift", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&drift), 0, "{}{}", out(&drift), err(&drift));
    // The history schema never shows up in plans.
    let plan = schema(&["plan", "--from", db.url(), "--to", &to]);
    assert_eq!(out(&plan), "No changes.\n");
}

#[tokio::test]
async fn dry_run_writes_nothing_and_reports_blocked_hazards() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let output = schema(&["apply", "--url", db.url(), "--to", &to, "--dry-run"]);
    assert_eq!(code(&output), 0, "{}", err(&output));
    assert!(
        out(&output).contains("public.t.flag\n  2. add_column"),
        "{}",
        out(&output)
    );
    assert!(out(&output).ends_with("Dry run: nothing was applied.\n"));
    let tables = "SELECT count(*) FROM pg_class WHERE relname IN ('u', 't_id_idx')";
    assert_eq!(scalar_i64(&db, tables).await, 0);
    let meta = "SELECT count(*) FROM pg_namespace WHERE nspname = 'schema_meta'";
    assert_eq!(scalar_i64(&db, meta).await, 0);

    let empty = file(dir.path(), "empty.sql", "");
    let output = schema(&["apply", "--url", db.url(), "--to", &empty, "--dry-run"]);
    assert_eq!(code(&output), 3, "{}", out(&output));
    assert!(out(&output).contains("pass --allow-hazards DROP_TABLE"));
    assert_eq!(
        scalar_i64(&db, "SELECT count(*) FROM pg_class WHERE relname = 't'").await,
        1
    );
}

#[tokio::test]
async fn hazard_policy_refuses_data_loss_unless_allowed() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(
        dir.path(),
        "to.sql",
        "CREATE TABLE public.t (id integer NOT NULL);",
    );
    let args = ["apply", "--url", db.url(), "--to", &to, "--auto-approve"];
    let refused = schema(&args);
    assert_eq!(code(&refused), 3, "{}", err(&refused));
    assert!(
        err(&refused).contains("step 1 (public.t.note): DROP_COLUMN (data-loss)"),
        "{}",
        err(&refused)
    );
    assert!(err(&refused).contains("pass --allow-hazards DROP_COLUMN"));
    let note = "SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.t'::regclass AND attname = 'note'";
    assert_eq!(scalar_i64(&db, note).await, 1);

    let json = schema(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code(&json), 3);
    let value: serde_json::Value = serde_json::from_str(&out(&json)).unwrap();
    assert_eq!(value["status"], "refused");
    assert_eq!(value["blocked"][0]["code"], "DROP_COLUMN");

    let allowed = schema(
        &[
            &args[..],
            &["--allow-hazards", "DROP_COLUMN", "--format", "json"],
        ]
        .concat(),
    );
    assert_eq!(code(&allowed), 0, "{}", err(&allowed));
    let value: serde_json::Value = serde_json::from_str(&out(&allowed)).unwrap();
    assert_eq!(value["status"], "applied");
    assert_eq!(value["executed_steps"], 1);
    assert_eq!(scalar_i64(&db, note).await, 0);

    // schema.toml in the working directory allows as the flag does.
    db.execute("ALTER TABLE public.t ADD COLUMN note text")
        .await
        .unwrap();
    let project = tempfile::tempdir().unwrap();
    std::fs::write(
        project.path().join("schema.toml"),
        "[apply]\nallow_hazards = [\"data-loss\"]\n",
    )
    .unwrap();
    let configured = command(&args).current_dir(project.path()).output().unwrap();
    assert_eq!(code(&configured), 0, "{}", err(&configured));
    assert_eq!(scalar_i64(&db, note).await, 0);

    let unknown = schema(&[&args[..], &["--allow-hazards", "DROP_EVERYTHING"]].concat());
    assert_eq!(code(&unknown), 1);
    assert!(err(&unknown).contains("`DROP_EVERYTHING` is neither a hazard code nor a category"));
}

#[tokio::test]
async fn without_a_terminal_confirmation_is_required() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let output = schema(&["apply", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&output), 1);
    assert!(
        err(&output).contains("standard input is not a terminal"),
        "{}",
        err(&output)
    );
    assert!(err(&output).contains("--auto-approve"));
    assert_eq!(
        scalar_i64(&db, "SELECT count(*) FROM pg_class WHERE relname = 'u'").await,
        0
    );
    assert_eq!(history(&db).await.len(), 0);
}

#[tokio::test]
async fn reviewed_plan_is_refused_on_a_drifted_database() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let planned = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "json"]);
    assert_eq!(code(&planned), 0, "{}", err(&planned));
    let plan = file(dir.path(), "plan.json", &out(&planned));

    db.execute("ALTER TABLE public.t ADD COLUMN flag boolean")
        .await
        .unwrap();
    let before = schema(&["inspect", "--url", db.url(), "--format", "json"]);
    let args = [
        "apply",
        "--url",
        db.url(),
        "--to",
        &to,
        "--plan",
        &plan,
        "--auto-approve",
    ];
    let refused = schema(&args);
    assert_eq!(code(&refused), 1);
    let message = err(&refused);
    assert!(
        message.contains("refusing the reviewed plan: the live schema"),
        "{message}"
    );
    assert!(
        message
            .contains("- reviewed step no longer matches the database: add_column public.t.flag"),
        "{message}"
    );
    assert!(
        message.contains("+ needed now but not in the reviewed plan: set_default public.t.flag"),
        "{message}"
    );
    let after = schema(&["inspect", "--url", db.url(), "--format", "json"]);
    assert_eq!(out(&before), out(&after));
    assert_eq!(history(&db).await.len(), 0);

    // Planned again against the live database, the reviewed plan applies.
    db.execute("ALTER TABLE public.t DROP COLUMN flag")
        .await
        .unwrap();
    let applied = schema(&args);
    assert_eq!(code(&applied), 0, "{}", err(&applied));
    assert!(out(&applied).starts_with("Applied 3 steps"));
    // Applying it again finds the database already at the plan's target.
    let again = schema(&args);
    assert_eq!(code(&again), 0, "{}", err(&again));
    assert!(out(&again).starts_with("No changes"));
}

const INVALID: &str = "SELECT count(*) FROM pg_index WHERE NOT indisvalid";

#[tokio::test(flavor = "multi_thread")]
async fn runner_killed_during_a_concurrent_index_build_converges() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute("CREATE TABLE public.t (id integer NOT NULL, note text); INSERT INTO public.t SELECT g, 'n' FROM generate_series(1, 10000) g;").await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(
        dir.path(),
        "to.sql",
        "CREATE TABLE public.t (id integer NOT NULL, note text);\nCREATE INDEX t_id_idx ON public.t (id);",
    );
    let planned = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "json"]);
    assert!(
        out(&planned).contains("CREATE INDEX CONCURRENTLY t_id_idx"),
        "{}",
        out(&planned)
    );
    let plan = file(dir.path(), "plan.json", &out(&planned));

    // An open writing transaction makes the concurrent build wait after it has created the
    // (still invalid) index in the catalog.
    let mut writer = db.connect().await;
    writer
        .execute("BEGIN; INSERT INTO public.t VALUES (0, 'w')")
        .await
        .unwrap();
    let mut runner = spawn(&[
        "apply",
        "--url",
        db.url(),
        "--to",
        &to,
        "--plan",
        &plan,
        "--auto-approve",
        "--lock-timeout",
        "60s",
    ]);
    wait_for(&db, INVALID, "the concurrent build to start").await;
    runner.kill().unwrap();
    let killed = runner.wait_with_output().unwrap();
    assert!(!killed.status.success());
    wait_for(&db, "SELECT (count(*) = 0)::int::int8 FROM pg_stat_activity WHERE application_name = 'schema apply' AND datname = current_database()", "the killed runner's session to end").await;
    writer.execute("ROLLBACK").await.unwrap();
    writer.close().await.unwrap();
    assert_eq!(
        scalar_i64(&db, INVALID).await,
        1,
        "the interrupted build left an invalid index"
    );

    let rerun = schema(&["apply", "--url", db.url(), "--to", &to, "--auto-approve"]);
    assert_eq!(code(&rerun), 0, "{}{}", out(&rerun), err(&rerun));
    assert!(
        out(&rerun).contains("dropped invalid index public.t_id_idx"),
        "{}",
        out(&rerun)
    );
    assert_eq!(scalar_i64(&db, INVALID).await, 0);
    assert_eq!(
        scalar_i64(
            &db,
            "SELECT count(*) FROM pg_indexes WHERE indexname = 't_id_idx'"
        )
        .await,
        1
    );
    assert_eq!(history(&db).await, ["abandoned", "applied"]);
    let drift = schema(&["drift", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&drift), 0, "{}", out(&drift));
}

#[tokio::test(flavor = "multi_thread")]
async fn terminated_connection_is_a_clear_error_and_a_rerun_converges() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let mut blocker = db.connect().await;
    blocker
        .execute("BEGIN; LOCK TABLE public.t IN ACCESS SHARE MODE")
        .await
        .unwrap();
    let runner = spawn(&[
        "apply",
        "--url",
        db.url(),
        "--to",
        &to,
        "--auto-approve",
        "--lock-timeout",
        "60s",
    ]);
    let waiting = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'schema apply' AND wait_event_type = 'Lock' AND datname = current_database()";
    wait_for(&db, waiting, "the runner to wait for its lock").await;
    let mut admin = db.connect().await;
    admin
        .execute(raw_sql(AssertSqlSafe("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'schema apply' AND datname = current_database()".to_string())))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let failed = runner.wait_with_output().unwrap();
    assert_eq!(code(&failed), 1, "{}", err(&failed));
    let message = err(&failed);
    assert!(
        message.contains("error: step 2 (add_column public.t.flag) failed"),
        "{message}"
    );
    assert!(
        message.contains("terminating connection due to administrator command"),
        "{message}"
    );
    blocker.execute("ROLLBACK").await.unwrap();
    blocker.close().await.unwrap();
    assert_eq!(history(&db).await, ["failed"]);

    let rerun = schema(&["apply", "--url", db.url(), "--to", &to, "--auto-approve"]);
    assert_eq!(code(&rerun), 0, "{}{}", out(&rerun), err(&rerun));
    assert_eq!(history(&db).await, ["failed", "applied"]);
    let drift = schema(&["drift", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&drift), 0, "{}", out(&drift));
}

#[tokio::test(flavor = "multi_thread")]
async fn drift_and_wait_report_the_state() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let drift = schema(&["drift", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&drift), 2);
    assert!(
        out(&drift).starts_with(
            "Drift: the database differs from the desired schema; 3 steps would bring it there:"
        ),
        "{}",
        out(&drift)
    );
    let json = schema(&["drift", "--url", db.url(), "--to", &to, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&out(&json)).unwrap();
    assert_eq!(value["drift"], true);

    let timeout = schema(&[
        "wait",
        "--url",
        db.url(),
        "--to",
        &to,
        "--timeout",
        "1s",
        "--interval",
        "200ms",
    ]);
    assert_eq!(code(&timeout), 1);
    assert!(err(&timeout).contains("timed out after 1.0s waiting for the database to match the desired schema: 3 steps still to do"), "{}", err(&timeout));

    let waiter = spawn(&[
        "wait",
        "--url",
        db.url(),
        "--to",
        &to,
        "--timeout",
        "60s",
        "--interval",
        "100ms",
    ]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let applied = schema(&["apply", "--url", db.url(), "--to", &to, "--auto-approve"]);
    assert_eq!(code(&applied), 0, "{}", err(&applied));
    let waited = waiter.wait_with_output().unwrap();
    assert_eq!(code(&waited), 0, "{}", err(&waited));
    assert!(out(&waited).starts_with("The database matches the desired schema"));
    assert_eq!(code(&schema(&["drift", "--url", db.url(), "--to", &to])), 0);
}

/// `url` with `password` in its user info (the test server trusts local connections).
fn with_password(url: &str, password: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (userinfo, host) = rest.split_once('@').unwrap();
    let user = userinfo.split(':').next().unwrap();
    format!("{scheme}://{user}:{password}@{host}")
}

#[tokio::test]
async fn passwords_never_reach_the_output() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(FROM).await.unwrap();
    let secret = "Sup3rS3cretPw";
    let url = with_password(db.url(), secret);
    let bad = with_password(
        &db.url().replace(db.name(), "no_such_database_here"),
        secret,
    );
    let dir = tempfile::tempdir().unwrap();
    let to = file(dir.path(), "to.sql", TO);
    let empty = file(dir.path(), "empty.sql", "");
    let runs: Vec<Vec<&str>> = vec![
        vec!["apply", "--url", &url, "--to", &to, "--dry-run"],
        vec![
            "apply",
            "--url",
            &url,
            "--to",
            &to,
            "--dry-run",
            "--format",
            "json",
        ],
        vec!["apply", "--url", &url, "--to", &empty, "--auto-approve"],
        vec!["apply", "--url", &url, "--to", &to],
        vec!["drift", "--url", &url, "--to", &to],
        vec![
            "apply",
            "--url",
            &url,
            "--to",
            &to,
            "--auto-approve",
            "--format",
            "json",
        ],
        vec!["drift", "--url", &url, "--to", &to, "--format", "json"],
        vec!["wait", "--url", &url, "--to", &to, "--timeout", "1s"],
        vec!["apply", "--url", &bad, "--to", &to, "--auto-approve"],
        vec![
            "apply",
            "--url",
            &bad,
            "--to",
            &to,
            "--auto-approve",
            "--format",
            "json",
        ],
        vec!["drift", "--url", &bad, "--to", &to],
        vec![
            "wait",
            "--url",
            &bad,
            "--to",
            &to,
            "--timeout",
            "500ms",
            "--interval",
            "100ms",
        ],
    ];
    for args in runs {
        let output = schema(&args);
        let text = format!("{}{}", out(&output), err(&output));
        assert!(
            !text.contains(secret),
            "{args:?} printed the password:\n{text}"
        );
    }
}

#[tokio::test]
async fn a_failed_validation_is_validated_again_by_the_next_run() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute("CREATE TABLE public.t (id integer NOT NULL, qty integer); INSERT INTO public.t VALUES (1, 5), (2, -1);")
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let to = file(
        dir.path(),
        "to.sql",
        "CREATE TABLE public.t (id integer NOT NULL, qty integer, CONSTRAINT qty_positive CHECK (qty > 0));",
    );
    let args = ["apply", "--url", db.url(), "--to", &to, "--auto-approve"];
    let failed = schema(&args);
    assert_eq!(code(&failed), 1, "{}{}", out(&failed), err(&failed));
    assert!(
        err(&failed).contains("validate_constraint") && err(&failed).contains("qty_positive"),
        "{}",
        err(&failed)
    );
    // The server's words and SQLSTATE, not the line of PostgreSQL's source that raised it.
    assert!(
        err(&failed).contains("is violated by some row (SQLSTATE 23514)")
            && !err(&failed).contains(" at line "),
        "{}",
        err(&failed)
    );
    // The constraint is in place, NOT VALID: new rows are checked already.
    assert_eq!(
        strings(
            &db,
            "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conname = 'qty_positive'"
        )
        .await,
        ["qty_positive false"]
    );
    let plan = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "sql"]);
    assert!(
        out(&plan).contains("ALTER TABLE public.t VALIDATE CONSTRAINT qty_positive;")
            && !out(&plan).contains("ADD CONSTRAINT"),
        "{}",
        out(&plan)
    );
    db.execute("UPDATE public.t SET qty = 1 WHERE qty <= 0")
        .await
        .unwrap();
    let rerun = schema(&args);
    assert_eq!(code(&rerun), 0, "{}{}", out(&rerun), err(&rerun));
    assert_eq!(
        strings(
            &db,
            "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conname = 'qty_positive'"
        )
        .await,
        ["qty_positive true"]
    );
    let drift = schema(&["drift", "--url", db.url(), "--to", &to]);
    assert_eq!(code(&drift), 0, "{}", out(&drift));
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_index_builds_report_their_progress() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(
        "CREATE TABLE public.t (id integer NOT NULL, s text);
         INSERT INTO public.t SELECT g, md5(g::text) FROM generate_series(1, 300000) g;",
    )
    .await
    .unwrap();
    let desired = schema_parse::parse_sql(
        "CREATE TABLE public.t (id integer NOT NULL, s text);
         CREATE INDEX t_lower_s_idx ON public.t (lower(s));",
        "to.sql",
    )
    .unwrap()
    .schema;
    let options = schema_apply::ApplyOptions {
        settings: schema_apply::Settings {
            progress_every: Duration::from_millis(20),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut phases: Vec<String> = Vec::new();
    let outcome = schema_apply::apply(
        db.url(),
        &desired,
        &options,
        &mut |_| Ok(true),
        &mut |event| {
            if let schema_apply::Event::Progress {
                phase, done, total, ..
            } = event
            {
                assert!(done <= total || total == 0, "{phase}: {done} of {total}");
                phases.push(phase);
            }
        },
    )
    .await
    .unwrap();
    assert_eq!(outcome.executed_steps, 1);
    assert!(
        phases.iter().any(|p| p.starts_with("building index")),
        "{phases:?}"
    );
}

#[tokio::test]
async fn unmanaged_privileges_are_kept_and_given_back_to_a_rebuilt_view() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(
        "CREATE TABLE public.t (id integer, v text);
         CREATE VIEW public.tv AS SELECT id, v FROM public.t;
         GRANT SELECT ON public.t TO pg_monitor;
         GRANT SELECT ON public.tv TO pg_monitor;
         CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
         REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;",
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The view loses a column (drop and create); the files say nothing of privileges; a new
    // function comes with PostgreSQL's default privileges.
    let to = file(
        dir.path(),
        "to.sql",
        "CREATE TABLE public.t (id integer, v text);
         CREATE VIEW public.tv AS SELECT id FROM public.t;
         CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
         CREATE FUNCTION public.g() RETURNS integer LANGUAGE sql AS 'SELECT 2';",
    );
    let plan = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "sql"]);
    let sql = out(&plan);
    assert!(
        sql.contains("DROP VIEW public.tv")
            && sql.contains("GRANT SELECT ON TABLE public.tv TO pg_monitor")
            && !sql.contains("REVOKE")
            && !sql.contains("public.t TO"),
        "{sql}{}",
        err(&plan)
    );
    // The reviewed plan runs, and running it again finds it done: the unmanaged grants are
    // not part of the fingerprints.
    let json = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "json"]);
    let reviewed = file(dir.path(), "plan.json", &out(&json));
    let args = [
        "apply",
        "--url",
        db.url(),
        "--to",
        &to,
        "--plan",
        &reviewed,
        "--auto-approve",
    ];
    let applied = schema(&args);
    assert_eq!(code(&applied), 0, "{}{}", out(&applied), err(&applied));
    let again = schema(&args);
    assert_eq!(code(&again), 0, "{}{}", out(&again), err(&again));
    assert_eq!(
        strings(
            &db,
            "SELECT table_name::text FROM information_schema.role_table_grants \
             WHERE grantee = 'pg_monitor' ORDER BY 1"
        )
        .await,
        ["t", "tv"]
    );
    assert_eq!(
        strings(
            &db,
            "SELECT p.proname || ' ' || has_function_privilege('public', p.oid, 'EXECUTE') \
             FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1"
        )
        .await,
        ["f false", "g true"]
    );
    // Nothing left to do, and with --with-privileges the files' (absent) grants are wanted.
    let again = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "sql"]);
    assert!(
        !out(&again).contains("GRANT") && !out(&again).contains("DROP"),
        "{}",
        out(&again)
    );
    let managed = schema(&[
        "plan",
        "--from",
        db.url(),
        "--to",
        &to,
        "--format",
        "sql",
        "--with-privileges",
    ]);
    assert!(
        out(&managed).contains("REVOKE SELECT ON TABLE public.tv FROM pg_monitor"),
        "{}",
        out(&managed)
    );
}

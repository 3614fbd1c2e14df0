//! Runs the `schema` binary the way users do: offline plans between files, exit codes,
//! error reports for bad input, live inspection and diffs against a real database, and the
//! promise that passwords never reach the output.

use schema_testkit::TestDatabase;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn schema(args: &[&str]) -> Output {
    schema_with_stdin(args, "")
}

fn schema_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schema"))
        .args(args)
        .current_dir(repo())
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the schema binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn scratch(sql: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(&path, sql).unwrap();
    (dir, path.display().to_string())
}

#[test]
fn plans_the_readme_example_without_a_database() {
    let output = schema(&[
        "plan",
        "--from",
        "examples/v1.sql",
        "--to",
        "examples/v2.sql",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!("readme_plan_text", stdout(&output));
    let sql = schema(&[
        "plan",
        "--from",
        "examples/v1.sql",
        "--to",
        "examples/v2.sql",
        "--format",
        "sql",
    ]);
    assert!(sql.status.success());
    insta::assert_snapshot!("readme_plan_sql", stdout(&sql));
}

#[test]
fn plans_are_byte_identical_across_runs() {
    let args = [
        "plan",
        "--from",
        "examples/v1.sql",
        "--to",
        "examples/v2.sql",
        "--format",
        "json",
    ];
    let first = stdout(&schema(&args));
    assert!(first.contains("\"steps\""));
    for _ in 0..3 {
        assert_eq!(stdout(&schema(&args)), first);
    }
}

#[test]
fn diff_exit_codes() {
    let changed = schema(&[
        "diff",
        "--from",
        "examples/v1.sql",
        "--to",
        "examples/v2.sql",
        "--exit-code",
    ]);
    assert_eq!(changed.status.code(), Some(2), "{}", stderr(&changed));
    assert!(stdout(&changed).contains("CREATE TYPE"));
    let same = schema(&[
        "diff",
        "--from",
        "examples/v2.sql",
        "--to",
        "examples/v2.sql",
        "--exit-code",
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "");
    let without_flag = schema(&[
        "diff",
        "--from",
        "examples/v1.sql",
        "--to",
        "examples/v2.sql",
    ]);
    assert_eq!(without_flag.status.code(), Some(0));
}

#[test]
fn reads_stdin_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("01_tables.sql"), "CREATE TABLE t (a int);").unwrap();
    std::fs::write(
        dir.path().join("02_more.sql"),
        "ALTER TABLE t ADD COLUMN b text;",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not sql").unwrap();
    let output = schema_with_stdin(
        &[
            "diff",
            "--from",
            "-",
            "--to",
            &dir.path().display().to_string(),
        ],
        "CREATE TABLE t (a int);",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let sql = stdout(&output);
    assert!(sql.contains("ADD COLUMN b text"), "{sql}");
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let (_dir, path) =
        scratch("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int,, name text);\n");
    let output = schema(&["plan", "--from", "examples/v1.sql", "--to", &path]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains(&format!("{path}:3:")), "{err}");
    assert!(
        err.contains("CREATE TABLE b (id int,, name text);"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unmanaged_statements_are_warnings() {
    let (_dir, path) = scratch(
        "CREATE TABLE a (id int);\nCREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);\n",
    );
    let output = schema(&["diff", "--from", &path, "--to", &path, "--exit-code"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("{path}:2:1")), "{err}");
    assert!(err.contains("warning"), "{err}");
}

#[test]
fn missing_files_and_unknown_schemes_are_clear_errors() {
    let output = schema(&["diff", "--from", "nope.sql", "--to", "examples/v1.sql"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nope.sql"), "{}", stderr(&output));
    let output = schema(&["diff", "--from", "oracle://x", "--to", "examples/v1.sql"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("oracle://"));
}

#[test]
fn passwords_never_appear() {
    let url = "postgres://app:SuperSecret123@127.0.0.1:1/app";
    for args in [
        vec!["inspect", "--url", url],
        vec!["diff", "--from", url, "--to", "examples/v1.sql"],
        vec!["plan", "--from", "examples/v1.sql", "--to", url],
    ] {
        let output = schema(&args);
        assert_eq!(output.status.code(), Some(1));
        let all = stdout(&output) + &stderr(&output);
        assert!(!all.contains("SuperSecret123"), "{all}");
        assert!(all.contains("error"), "{all}");
    }
}

#[tokio::test]
async fn inspect_and_diff_a_live_database() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(&std::fs::read_to_string(repo().join("examples/v1.sql")).unwrap())
        .await
        .unwrap();
    let sql = schema(&["inspect", "--url", db.url()]);
    assert!(sql.status.success(), "{}", stderr(&sql));
    assert!(
        stdout(&sql).contains("CREATE TABLE public.posts"),
        "{}",
        stdout(&sql)
    );
    let json = schema(&["inspect", "--url", db.url(), "--format", "json"]);
    let ir: schema_ir::Schema =
        serde_json::from_str(&stdout(&json)).expect("inspect JSON is the IR");
    assert!(
        ir.tables
            .contains_key(&schema_ir::QualifiedName::new("public", "authors"))
    );

    // The database equals the file it was made from, and the canonical SQL reproduces it.
    let same = schema(&[
        "diff",
        "--from",
        db.url(),
        "--to",
        "examples/v1.sql",
        "--exit-code",
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}{}",
        stdout(&same),
        stderr(&same)
    );
    let (_dir, canonical) = scratch(&stdout(&sql));
    let round = schema(&[
        "diff",
        "--from",
        db.url(),
        "--to",
        &canonical,
        "--exit-code",
    ]);
    assert_eq!(
        round.status.code(),
        Some(0),
        "{}{}",
        stdout(&round),
        stderr(&round)
    );

    // Running the diff to v2 through psql (one statement at a time, as its script is meant
    // to be run: concurrent index builds cannot run in a multi-statement query) converges.
    let diff = schema(&[
        "diff",
        "--from",
        db.url(),
        "--to",
        "examples/v2.sql",
        "--exit-code",
    ]);
    assert_eq!(diff.status.code(), Some(2));
    let mut psql = std::process::Command::new("psql")
        .args([db.url(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("psql runs");
    use std::io::Write as _;
    psql.stdin
        .take()
        .unwrap()
        .write_all(stdout(&diff).as_bytes())
        .unwrap();
    assert!(psql.wait().unwrap().success(), "{}", stdout(&diff));
    let after = schema(&[
        "diff",
        "--from",
        db.url(),
        "--to",
        "examples/v2.sql",
        "--exit-code",
    ]);
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
}

#[test]
fn privileges_are_compared_only_with_the_flag() {
    let (_dir, from) = scratch("CREATE TABLE a (id int);\n");
    let (_dir2, to) = scratch("CREATE TABLE a (id int);\nGRANT SELECT ON a TO reporting;\n");
    let without = schema(&["diff", "--from", &from, "--to", &to, "--exit-code"]);
    assert_eq!(without.status.code(), Some(0), "{}", stderr(&without));
    let with = schema(&[
        "diff",
        "--from",
        &from,
        "--to",
        &to,
        "--exit-code",
        "--with-privileges",
    ]);
    assert_eq!(with.status.code(), Some(2), "{}", stderr(&with));
    let out = String::from_utf8_lossy(&with.stdout);
    assert!(
        out.contains("GRANT SELECT ON TABLE public.a TO reporting"),
        "{out}"
    );
}

#[tokio::test]
async fn hazards_cite_the_size_of_live_tables_and_the_version_is_the_servers() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(
        "CREATE TABLE public.orders (id integer NOT NULL, note text);
         INSERT INTO public.orders SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g;
         ANALYZE public.orders;",
    )
    .await
    .unwrap();
    let (_dir, to) = scratch("CREATE TABLE public.orders (id bigint NOT NULL, note text);\n");
    let plan = schema(&["plan", "--from", db.url(), "--to", &to, "--format", "sql"]);
    let text = stdout(&plan);
    assert!(
        text.contains(
            "-- hazard TYPE_CHANGE_REWRITE (rewrite): public.orders.id: integer to bigint"
        ) && text.contains("(public.orders: ≈ 20 k rows, "),
        "{text}{}",
        stderr(&plan)
    );
    // Offline, there is nothing to cite.
    let (_dir2, from) = scratch("CREATE TABLE public.orders (id integer NOT NULL, note text);\n");
    let offline = stdout(&schema(&[
        "plan", "--from", &from, "--to", &to, "--format", "sql",
    ]));
    assert!(!offline.contains("rows, "), "{offline}");
    let refused = schema(&["plan", "--from", &from, "--to", &to, "--pg-version", "9"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--pg-version 9: PostgreSQL 13 to"));
}

//! `schema lint` as CI runs it: exit 3 exactly when policy denies a hazard of the plan, with
//! policy from flags, from `schema.toml` in the working directory or from `--config`, and
//! the plan printed in the requested format.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs `schema lint --from examples/v1.sql --to examples/v2.sql ARGS` in `dir`.
fn lint_in(dir: &Path, args: &[&str]) -> Output {
    let e = examples();
    Command::new(env!("CARGO_BIN_EXE_schema"))
        .arg("lint")
        .arg("--from")
        .arg(e.join("v1.sql"))
        .arg("--to")
        .arg(e.join("v2.sql"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("NO_COLOR")
        .output()
        .expect("the schema binary runs")
}

fn lint(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    lint_in(dir.path(), args)
}

/// Writes `from` and `to` to files and returns a runner of `schema lint --format sql` on
/// them with extra arguments (the directory lives as long as the guard).
fn lint_sql_files(from: &str, to: &str) -> (tempfile::TempDir, impl Fn(&[&str]) -> Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("from.sql"), from).unwrap();
    std::fs::write(dir.path().join("to.sql"), to).unwrap();
    let path = dir.path().to_path_buf();
    let run = move |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_schema"))
            .args([
                "lint", "--format", "sql", "--from", "from.sql", "--to", "to.sql",
            ])
            .args(extra)
            .current_dir(&path)
            .output()
            .unwrap()
    };
    (dir, run)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn default_policy_denies_data_loss_with_exit_3_and_says_how_to_allow_it() {
    let out = lint(&[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("policy denies 1 hazard"), "{err}");
    assert!(
        err.contains("step 2 drop_column public.posts.legacy_slug"),
        "{err}"
    );
    assert!(err.contains("--allow DROP_COLUMN"), "{err}");
    assert!(
        err.contains("object = \"public.posts.legacy_slug\""),
        "{err}"
    );
    // The plan itself is on stdout, without colors when not on a terminal.
    let plan = text(&out.stdout);
    assert!(plan.contains("hazard DROP_COLUMN (data-loss)"), "{plan}");
    assert!(!plan.contains('\x1b'));
}

#[test]
fn flags_allow_and_deny_by_code_and_category() {
    let out = lint(&["--allow", "DROP_COLUMN"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("3 hazards checked, none denied"));

    // The online plan takes no blocking lock; the blocking one (--no-online) does.
    let out = lint(&["--allow", "data-loss", "--deny", "locking"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lint(&["--allow", "data-loss", "--deny", "locking", "--no-online"]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(err.contains("policy denies 2 hazards"), "{err}");
    assert!(
        err.contains("ADD_FOREIGN_KEY (locking), denied by `locking`"),
        "{err}"
    );
    assert!(err.contains("INDEX_BUILD_BLOCKING (locking)"), "{err}");

    let out = lint(&["--deny", "NOT_A_CODE"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("`NOT_A_CODE` is neither a hazard category"));
}

#[test]
fn schema_toml_in_the_working_directory_sets_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("schema.toml"),
        "[online]\nenabled = false\n\n[lint]\ndeny = [\"SET_NOT_NULL\"]\n\n[[lint.allow_object]]\nobject = \"public.posts.legacy_*\"\ncodes = [\"DROP_COLUMN\"]\n",
    )
    .unwrap();
    let out = lint_in(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(err.contains("policy denies 1 hazard"), "{err}");
    assert!(
        err.contains("SET_NOT_NULL (may-fail), denied by `SET_NOT_NULL`"),
        "{err}"
    );
    // A flag adds to the file.
    let out = lint_in(dir.path(), &["--allow", "SET_NOT_NULL"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn config_flag_reads_another_file_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ci.toml");
    std::fs::write(&path, "exclude = [\"public.posts\"]\n").unwrap();
    // With public.posts left alone, nothing denied remains.
    let out = lint(&["--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("public.posts"));

    std::fs::write(&path, "[lint]\ndenny = [\"data-loss\"]\n").unwrap();
    let out = lint(&["--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("ci.toml") && err.contains("denny"), "{err}");

    let out = lint(&["--config", "/nonexistent/schema.toml"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn formats_mark_denied_hazards() {
    let out = lint(&["--format", "github"]);
    assert_eq!(out.status.code(), Some(3));
    let annotations = text(&out.stdout);
    assert!(annotations.contains("::error title=DROP_COLUMN (data-loss)::step 2"));
    assert!(annotations.contains("::warning title=VALIDATE_CONSTRAINT (may-fail)::"));

    let out = lint(&["--format", "markdown"]);
    let md = text(&out.stdout);
    assert!(
        md.contains("| ⛔ denied | `DROP_COLUMN` data-loss |"),
        "{md}"
    );
    assert!(md.contains("<details>"));

    let out = lint(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["summary"]["hazards"], 3);
}

#[test]
fn rename_flag_turns_drop_and_add_into_a_rename() {
    let (_dir, run) = lint_sql_files("CREATE TABLE t (a integer);", "CREATE TABLE t (b integer);");
    assert_eq!(run(&[]).status.code(), Some(3), "drop + add loses data");
    let out = run(&["--rename", "public.t.a=public.t.b"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "SET lock_timeout = '5s';\nSET statement_timeout = '60s';\n-- hazard RENAME_COLUMN (backward-incompatible): public.t.a renamed to b: Renaming a column breaks every query that uses the old name.\nALTER TABLE public.t RENAME COLUMN a TO b;\n"
    );
    let out = run(&["--rename", "public.t.a=b"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad rename `public.t.a=b`"), "{stderr}");
    // The message lists every accepted form.
    for form in ["schema:", "index:", "constraint:", "enum:"] {
        assert!(stderr.contains(form), "{stderr}");
    }
}

#[test]
fn rename_flag_takes_indexes_constraints_and_enum_values() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from.sql");
    let to = dir.path().join("to.sql");
    std::fs::write(
        &from,
        "CREATE TYPE mood AS ENUM ('sad');\n\
         CREATE TABLE t (a integer CONSTRAINT t_a_uq UNIQUE, m mood);\n\
         CREATE INDEX t_m_index ON t (m);\n",
    )
    .unwrap();
    std::fs::write(
        &to,
        "CREATE TYPE mood AS ENUM ('blue');\n\
         CREATE TABLE t (a integer CONSTRAINT t_a_key UNIQUE, m mood);\n\
         CREATE INDEX t_m_idx ON t (m);\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_schema"))
        .args(["plan", "--format", "sql", "--from"])
        .arg(&from)
        .arg("--to")
        .arg(&to)
        .args([
            "--rename",
            "index:public.t_m_index=public.t_m_idx",
            "--rename",
            "constraint:public.t.t_a_uq=public.t.t_a_key",
            "--rename",
            "enum:public.mood.sad=public.mood.blue",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sql = text(&out.stdout);
    for statement in [
        "ALTER TABLE public.t RENAME CONSTRAINT t_a_uq TO t_a_key;",
        "ALTER INDEX public.t_m_index RENAME TO t_m_idx;",
        "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'blue';",
    ] {
        assert!(sql.contains(statement), "{sql}");
    }
    assert!(!sql.contains("DROP"), "{sql}");
}

#[test]
fn rename_flag_takes_a_schema() {
    let (_dir, run) = lint_sql_files(
        "CREATE SCHEMA app; CREATE TABLE app.t (a integer);",
        "CREATE SCHEMA core; CREATE TABLE core.t (a integer);",
    );
    assert_eq!(run(&[]).status.code(), Some(3), "drop + create loses data");
    let out = run(&["--rename", "schema:app=core"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "SET lock_timeout = '5s';\nSET statement_timeout = '60s';\n-- hazard RENAME_SCHEMA (backward-incompatible): schema app renamed to core: Renaming a schema breaks every query, search_path and function body that names the old schema.\nALTER SCHEMA app RENAME TO core;\n"
    );
    // Denied like any backward-incompatible hazard when policy says so.
    let out = run(&["--rename", "schema:app=core", "--deny", "RENAME_SCHEMA"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
}

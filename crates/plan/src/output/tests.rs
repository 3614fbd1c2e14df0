//! Snapshots of every output format on one plan with hazards of several categories, and the
//! JSON round trip.

use crate::policy::{Policy, Selector};
use crate::{Plan, PlanOptions, PlanReadError};
use schema_diff::DiffOptions;

fn parsed(sql: &str) -> schema_ir::Schema {
    schema_parse::parse_sql(sql, "test.sql")
        .unwrap_or_else(|e| panic!("{e}"))
        .schema
}

fn sample() -> Plan {
    let from = parsed(
        "CREATE TABLE users (id bigint PRIMARY KEY, name text, mood text, legacy_flag boolean);
         CREATE TABLE audit (id bigint);",
    );
    let to = parsed(
        "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, mood text, email text);
         CREATE INDEX users_name_idx ON users (name);
         CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users, body text);",
    );
    let changes = schema_diff::diff(&from, &to, &DiffOptions::default());
    crate::plan(&from, &to, &changes, &PlanOptions::default())
}

#[test]
fn text() {
    insta::assert_snapshot!(sample().to_text());
}

#[test]
fn text_with_colors_highlights_hazards() {
    let text = sample().to_text_styled(true);
    assert!(text.contains("\x1b[1;31mhazard DROP_TABLE (data-loss):\x1b[0m"));
    assert!(text.contains("\x1b[1;33mhazard VALIDATE_CONSTRAINT (may-fail):\x1b[0m"));
    assert_eq!(
        strip_ansi(&text),
        sample().to_text(),
        "colors change nothing else"
    );
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn json() {
    insta::assert_snapshot!(sample().to_json());
}

#[test]
fn markdown() {
    insta::assert_snapshot!(sample().to_markdown(&Policy::default()));
}

#[test]
fn github() {
    insta::assert_snapshot!(sample().to_github(&Policy::default()));
}

#[test]
fn github_denies_per_policy_and_escapes() {
    let policy = Policy {
        deny: vec![Selector::Code("VALIDATE_CONSTRAINT")],
        allow: vec!["data-loss".parse().unwrap()],
        allow_objects: vec![],
    };
    let out = sample().to_github(&policy);
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("::error")).collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert!(errors[0].starts_with("::error title=VALIDATE_CONSTRAINT (may-fail)::step "));
    let mut plan = sample();
    plan.steps[0].hazards[0].message = "a: b, 100%\nnext".into();
    let out = plan.to_github(&Policy::default());
    assert!(out.contains("a: b, 100%25%0Anext"), "{out}");
}

#[test]
fn empty_plan_in_every_format() {
    let empty = Plan {
        steps: vec![],
        from_fingerprint: "0".repeat(64),
        to_fingerprint: "0".repeat(64),
    };
    assert_eq!(empty.to_text(), "No changes.\n");
    assert_eq!(empty.to_sql(), "");
    assert_eq!(
        empty.to_markdown(&Policy::default()),
        "### Migration plan\n\nNo changes.\n"
    );
    assert_eq!(
        empty.to_github(&Policy::default()),
        "::notice title=Migration plan::no changes\n"
    );
    assert_eq!(Plan::from_json(&empty.to_json()).unwrap(), empty);
}

#[test]
fn json_round_trips_and_checks_its_version() {
    let plan = sample();
    assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
    let old = plan
        .to_json()
        .replace("\"format_version\": 1", "\"format_version\": 7");
    assert!(matches!(
        Plan::from_json(&old),
        Err(PlanReadError::Version(7))
    ));
    let bare = serde_json::to_string(&plan).unwrap();
    assert!(matches!(
        Plan::from_json(&bare),
        Err(PlanReadError::NoVersion)
    ));
    let unknown = plan.to_json().replace("\"DROP_TABLE\"", "\"NO_SUCH_CODE\"");
    let err = Plan::from_json(&unknown).unwrap_err().to_string();
    assert!(err.contains("unknown hazard code `NO_SUCH_CODE`"), "{err}");
    assert!(Plan::from_json("[]").is_err());
}

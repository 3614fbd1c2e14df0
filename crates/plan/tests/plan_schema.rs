//! `docs/plan.schema.json` describes what `Plan::to_json` writes: the JSON plan of every
//! PostgreSQL test case (from.sql → to.sql, and the reverse) is validated against it.

use schema_diff::DiffOptions;
use schema_plan::{Plan, PlanOptions};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read_schema(case: &Path, file: &str) -> schema_ir::Schema {
    let sql = std::fs::read_to_string(case.join(file)).unwrap_or_default();
    schema_parse::parse_sql(&sql, file)
        .unwrap_or_else(|e| panic!("{}: {e}", case.display()))
        .schema
}

fn plan(from: &schema_ir::Schema, to: &schema_ir::Schema) -> Plan {
    let changes = schema_diff::diff(from, to, &DiffOptions::default());
    schema_plan::plan(from, to, &changes, &PlanOptions::default())
}

#[test]
fn every_case_plan_matches_the_json_schema() {
    let text = std::fs::read_to_string(root().join("docs/plan.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut cases: Vec<_> = std::fs::read_dir(root().join("testdata/postgres"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() > 50, "found only {} cases", cases.len());
    let mut checked = 0;
    let mut hazards = 0;
    for case in &cases {
        let from = read_schema(case, "from.sql");
        let to = read_schema(case, "to.sql");
        for p in [plan(&from, &to), plan(&to, &from)] {
            let json = p.to_json();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}: {}\n{json}",
                case.display(),
                errors.join("\n")
            );
            assert_eq!(Plan::from_json(&json).unwrap(), p);
            checked += 1;
            hazards += p.summary().hazards;
        }
    }
    assert!(
        checked > 100 && hazards > 50,
        "{checked} plans, {hazards} hazards"
    );
}

#[test]
fn the_schema_rejects_what_is_not_a_plan() {
    let text = std::fs::read_to_string(root().join("docs/plan.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let empty = Plan {
        steps: vec![],
        from_fingerprint: "a".repeat(64),
        to_fingerprint: "b".repeat(64),
    };
    let good: serde_json::Value = serde_json::from_str(&empty.to_json()).unwrap();
    assert!(validator.is_valid(&good));
    for broken in [
        serde_json::json!({"steps": []}),
        {
            let mut v = good.clone();
            v["format_version"] = 2.into();
            v
        },
        {
            let mut v = good.clone();
            v["steps"] = serde_json::json!([{"sql": "DROP TABLE t", "object": "public.t"}]);
            v
        },
    ] {
        assert!(!validator.is_valid(&broken), "{broken}");
    }
}

//! The equivalence oracle: for each schema in `tests/schemas/`, the database created by the
//! SQL, inspected, must equal what the parser reads from the same SQL. On a mismatch the
//! test prints a line diff of the two comparison forms (JSON).

use schema_inspect::{InspectOptions, inspect};
use schema_ir::Schema;
use schema_testkit::TestDatabase;

/// Runs `sql` in a fresh database and checks that inspecting it gives the parser's schema.
async fn assert_oracle(file: &str) {
    let path = format!("{}/tests/schemas/{file}", env!("CARGO_MANIFEST_DIR"));
    let sql = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(&sql)
        .await
        .unwrap_or_else(|e| panic!("{file} does not run: {e}"));
    let mut conn = db.connect().await;
    let live = inspect(&mut conn, &InspectOptions::default())
        .await
        .unwrap_or_else(|e| panic!("inspecting {file}: {e}"));
    let parsed = schema_parse::parse_sql(&sql, file)
        .unwrap_or_else(|e| panic!("parsing {file}: {e}"))
        .schema;
    if live != parsed {
        panic!(
            "{file}: inspected (-) and parsed (+) schemas differ:\n{}",
            line_diff(&live, &parsed)
        );
    }
}

/// A diff of the comparison forms of two schemas, with a little context around changes.
fn line_diff(left: &Schema, right: &Schema) -> String {
    let left = left.normalized().to_json();
    let right = right.normalized().to_json();
    let a: Vec<&str> = left.lines().collect();
    let b: Vec<&str> = right.lines().collect();
    // Longest common subsequence table, from the end.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            lines.push(('+', b[j]));
            j += 1;
        } else {
            lines.push(('-', a[i]));
            i += 1;
        }
    }
    let near_change = |k: usize| {
        let lo = k.saturating_sub(4);
        let hi = (k + 5).min(lines.len());
        lines[lo..hi].iter().any(|(mark, _)| *mark != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (mark, line)) in lines.iter().enumerate() {
        if near_change(k) {
            out.push_str(&format!("{mark} {line}\n"));
            skipped = false;
        } else if !skipped {
            out.push_str("  ...\n");
            skipped = true;
        }
    }
    out
}

#[tokio::test]
async fn built_in_types() {
    assert_oracle("types.sql").await;
}

#[tokio::test]
async fn defaults_identity_serial_generated_collation() {
    assert_oracle("defaults.sql").await;
}

#[tokio::test]
async fn constraints() {
    assert_oracle("constraints.sql").await;
}

#[tokio::test]
async fn indexes() {
    assert_oracle("indexes.sql").await;
}

#[tokio::test]
async fn quoted_names_comments_and_schemas() {
    assert_oracle("names.sql").await;
}

#[tokio::test]
async fn default_and_check_expressions() {
    assert_oracle("expressions.sql").await;
}

#[tokio::test]
async fn more_index_shapes() {
    assert_oracle("more_indexes.sql").await;
}

#[tokio::test]
async fn a_history_of_alter_statements() {
    assert_oracle("history.sql").await;
}

#[tokio::test]
async fn partitioned_tables() {
    assert_oracle("partitions.sql").await;
}

/// Literal spellings that the catalog stores in their output form (`'t'` becomes `true`,
/// `B'101'` becomes `'101'::"bit"`, `'2 hours'` becomes `'02:00:00'::interval`, `1e10` on a
/// double precision column becomes `'10000000000'::numeric`, ...). jsonb constants are not
/// canonicalized offline (key order and spacing): `--dev-url` is the exact route there.
#[tokio::test]
async fn literals_rewritten_by_input_functions() {
    assert_oracle("literals.sql").await;
}

#[tokio::test]
async fn assorted_objects_and_names() {
    assert_oracle("objects.sql").await;
}

#[tokio::test]
async fn domain_and_composite_column_types() {
    assert_oracle("domains.sql").await;
}

#[tokio::test]
async fn without_the_public_schema() {
    assert_oracle("no_public.sql").await;
}

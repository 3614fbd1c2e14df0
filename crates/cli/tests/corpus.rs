//! Real schemas from `../shared/corpus` (outside the repository; their licenses differ):
//! each is loaded into a fresh database the way its project loads it, and then (1) the
//! equivalence oracle must hold: parsing the same files gives exactly what inspecting the
//! database gives; (2) the plan from an empty database to the files, applied, must end in
//! exactly the parsed schema, with nothing left to plan. Without the corpus folder the test
//! prints a notice and passes, as the corpus README asks.

use schema_diff::DiffOptions;
use schema_inspect::InspectOptions;
use schema_ir::Schema;
use schema_plan::PlanOptions;
use schema_testkit::TestDatabase;
use std::path::{Path, PathBuf};

/// One corpus schema: its files in load order and what is run before them.
struct Corpus {
    name: &'static str,
    prelude: &'static str,
    files: Vec<PathBuf>,
    /// Migrations that change the schema inside DO blocks cannot be read statically: their
    /// desired state is the database they produce, so only the round trip is checked.
    migrations_in_do_blocks: bool,
    /// Routines created inside DO blocks (by signature): the database has them, the files
    /// cannot show them statically.
    functions_in_do_blocks: &'static [&'static str],
}

fn corpus_root() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    root.is_dir().then_some(root)
}

fn corpora(root: &Path) -> Vec<Corpus> {
    let sorted = |dir: PathBuf, suffix: &str| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(suffix))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    };
    let musicbrainz = root.join("musicbrainz");
    let mb_files = std::fs::read_to_string(musicbrainz.join("load_order.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| musicbrainz.join("admin/sql").join(l.trim()))
        .collect();
    let synapse = ["common", "main", "state"]
        .iter()
        .map(|s| root.join(format!("synapse/{s}/full_schemas/72/full.sql.postgres")))
        .collect();
    let mut supabase = vec![root.join("supabase-auth/prelude.sql")];
    supabase.extend(sorted(root.join("supabase-auth/rendered"), ".up.sql"));
    vec![
        Corpus {
            name: "chinook",
            prelude: "",
            files: vec![root.join("chinook/Chinook_PostgreSql.schema-only.sql")],
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "pagila",
            prelude: "",
            files: vec![root.join("pagila/pagila-schema.sql")],
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "sakila",
            prelude: "",
            files: vec![root.join("sakila/postgres/postgres-sakila-schema.sql")],
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "temporal",
            prelude: "",
            files: vec![root.join("temporal/schema/postgresql/v12/temporal/schema.sql")],
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "synapse",
            prelude: "",
            files: synapse,
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "lakefs",
            prelude: "",
            files: sorted(root.join("lakefs/pkg_ddl"), ".up.sql"),
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "supabase-auth",
            prelude: "",
            files: supabase,
            migrations_in_do_blocks: true,
            functions_in_do_blocks: &[],
        },
        Corpus {
            name: "musicbrainz",
            prelude: "CREATE SCHEMA musicbrainz; CREATE SCHEMA cover_art_archive; \
                      CREATE SCHEMA documentation; CREATE SCHEMA event_art_archive; \
                      CREATE SCHEMA json_dump; CREATE SCHEMA report; CREATE SCHEMA sitemaps; \
                      CREATE SCHEMA statistics; CREATE SCHEMA wikidocs; CREATE SCHEMA dbmirror2;",
            files: mb_files,
            migrations_in_do_blocks: false,
            functions_in_do_blocks: &[
                "public.immutable_unaccent(regdictionary, text)",
                "musicbrainz.musicbrainz_unaccent(text)",
            ],
        },
    ]
}

/// What psql would send to the server: meta-commands and the chinook script's own
/// database switching removed.
fn server_sql(text: &str) -> String {
    text.lines()
        .filter(|line| {
            let upper = line.trim_start().to_ascii_uppercase();
            !line.trim_start().starts_with('\\')
                && !upper.starts_with("CREATE DATABASE")
                && !upper.starts_with("DROP DATABASE")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The SQL of every file, each prefixed with the search path its loader uses.
fn scripts(corpus: &Corpus) -> Vec<(String, String)> {
    let search_path = if corpus.name == "musicbrainz" {
        "SET search_path = musicbrainz, public;\n"
    } else {
        ""
    };
    corpus
        .files
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (
                path.display().to_string(),
                format!("{search_path}{}", server_sql(&text)),
            )
        })
        .collect()
}

fn parse(corpus: &Corpus, scripts: &[(String, String)]) -> Schema {
    let mut schema = Schema::postgres();
    let mut reader = schema_parse::postgres::Reader::new(&mut schema);
    reader
        .read(corpus.prelude, "<prelude>")
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.name));
    for (file, sql) in scripts {
        reader
            .read(sql, file)
            .unwrap_or_else(|e| panic!("{}: {e}", corpus.name));
    }
    drop(reader);
    schema
}

async fn inspect(db: &TestDatabase) -> Schema {
    schema_inspect::inspect_url(db.url(), &InspectOptions::default())
        .await
        .unwrap_or_else(|e| panic!("inspect: {e}"))
}

fn differences(expected: &Schema, actual: &Schema) -> String {
    let changes = schema_diff::diff(actual, expected, &DiffOptions::default());
    let plan = schema_plan::plan(actual, expected, &changes, &PlanOptions::default());
    plan.to_sql()
}

#[tokio::test]
async fn corpus_schemas_read_alike_and_round_trip() {
    let Some(root) = corpus_root() else {
        eprintln!("notice: ../shared/corpus is absent; the corpus test checks nothing here");
        return;
    };
    let mut failures = Vec::new();
    for corpus in corpora(&root) {
        let scripts = scripts(&corpus);
        let parsed = parse(&corpus, &scripts);

        let Some(loaded) = TestDatabase::create().await else {
            return;
        };
        let mut all = corpus.prelude.to_string();
        for (_, sql) in &scripts {
            all.push_str(";\n");
            all.push_str(sql);
        }
        if let Err(e) = loaded.execute(&all).await {
            failures.push(format!("{}: loading the corpus failed: {e}", corpus.name));
            continue;
        }
        let live = inspect(&loaded).await;
        let mut readable = live.clone();
        for signature in corpus.functions_in_do_blocks {
            readable.functions.remove(*signature);
            readable
                .grants
                .retain(|g| g.target != schema_ir::GrantTarget::Function(signature.to_string()));
        }
        let expected = if corpus.migrations_in_do_blocks {
            readable.clone()
        } else {
            parsed
        };
        if readable != expected {
            failures.push(format!(
                "{}: equivalence oracle: the plan from the database to the files is not empty:\n{}",
                corpus.name,
                differences(&expected, &readable)
            ));
            continue;
        }
        // The round trip aims at everything the database has, DO blocks included.
        let desired = live;

        let Some(empty) = TestDatabase::create().await else {
            return;
        };
        let before = inspect(&empty).await;
        let changes = schema_diff::diff(&before, &desired, &DiffOptions::default());
        let plan = schema_plan::plan(&before, &desired, &changes, &PlanOptions::default());
        let mut conn = empty.connect().await;
        if let Err(e) = schema_apply::execute_plan(&mut conn, &plan).await {
            failures.push(format!(
                "{}: applying the plan from empty failed: {e}",
                corpus.name
            ));
            continue;
        }
        let after = inspect(&empty).await;
        if after != desired {
            failures.push(format!(
                "{}: after the round trip, still to do:\n{}",
                corpus.name,
                differences(&desired, &after)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

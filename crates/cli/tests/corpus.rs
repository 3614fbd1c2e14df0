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

/// One version of a corpus schema with a history: the files that load it, in order.
struct Version {
    label: String,
    files: Vec<PathBuf>,
}

/// The histories of the corpus: lakeFS and supabase auth by migration (sampled), temporal
/// by schema version, synapse by full schema (54 and 72).
fn histories(root: &Path) -> Vec<(&'static str, Vec<Version>)> {
    let prefixes = |files: Vec<PathBuf>, every: usize| -> Vec<Version> {
        let n = files.len();
        (1..=n)
            .filter(|k| *k == 1 || *k == n || k % every == 0)
            .map(|k| Version {
                label: files[k - 1]
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                files: files[..k].to_vec(),
            })
            .collect()
    };
    let migrations = |dir: &str| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(".up.sql"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    };
    let mut supabase = vec![root.join("supabase-auth/prelude.sql")];
    supabase.extend(migrations("supabase-auth/rendered"));

    let temporal_dir = root.join("temporal/schema/postgresql/v12/temporal/versioned");
    let mut versions: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir(&temporal_dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter_map(|p| {
                    let name = p.file_name()?.to_string_lossy().into_owned();
                    let number = name
                        .trim_start_matches('v')
                        .split('.')
                        .map(|n| n.parse().ok())
                        .collect::<Option<Vec<u32>>>()?;
                    Some((number, p))
                })
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    let mut temporal = Vec::new();
    for (_, dir) in &versions {
        let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap_or_default();
        let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
        for file in manifest["SchemaUpdateCqlFiles"]
            .as_array()
            .into_iter()
            .flatten()
        {
            temporal.push(dir.join(file.as_str().unwrap_or_default()));
        }
    }

    // A full schema is `full.sql.postgres`, or `full.sql` where the dialects share it, and
    // the state database's sequence.
    let synapse = |version: &str| Version {
        label: version.to_string(),
        files: ["common", "main", "state"]
            .iter()
            .flat_map(|s| {
                let dir = root.join(format!("synapse/{s}/full_schemas/{version}"));
                let full = ["full.sql.postgres", "full.sql"]
                    .into_iter()
                    .map(|f| dir.join(f))
                    .find(|p| p.is_file());
                full.into_iter()
                    .chain(Some(dir.join("sequence.sql.postgres")).filter(|p| p.is_file()))
            })
            .collect(),
    };
    vec![
        ("lakefs", prefixes(migrations("lakefs/pkg_ddl"), 6)),
        ("supabase-auth", prefixes(supabase, 12)),
        ("temporal", prefixes(temporal, 4)),
        ("synapse", vec![synapse("54"), synapse("72")]),
    ]
}

async fn load(version: &Version) -> Result<TestDatabase, String> {
    let db = TestDatabase::create()
        .await
        .ok_or("no PostgreSQL server to load into")?;
    let mut all = String::new();
    for path in &version.files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        all.push_str(&server_sql(&text));
        all.push_str(";\n");
    }
    db.execute(&all)
        .await
        .map_err(|e| format!("loading {} failed: {e}", version.label))?;
    Ok(db)
}

/// From each sampled version of a history to the next and back, and from the first to the
/// last and back: the plan between the two loaded databases, applied to the first, must
/// leave exactly the second's schema.
#[tokio::test]
async fn corpus_versions_migrate_to_each_other() {
    let Some(root) = corpus_root() else {
        eprintln!("notice: ../shared/corpus is absent; the corpus test checks nothing here");
        return;
    };
    if TestDatabase::create().await.is_none() {
        return;
    }
    let mut failures = Vec::new();
    for (name, versions) in histories(&root) {
        let mut states = Vec::new();
        for version in &versions {
            match load(version).await {
                Ok(db) => states.push(inspect(&db).await),
                Err(e) => {
                    failures.push(format!("{name}: {e}"));
                    break;
                }
            }
        }
        if states.len() != versions.len() {
            continue;
        }
        let last = versions.len() - 1;
        let mut pairs: Vec<(usize, usize)> =
            (0..last).flat_map(|i| [(i, i + 1), (i + 1, i)]).collect();
        if last > 1 {
            pairs.extend([(0, last), (last, 0)]);
        }
        for (a, b) in pairs {
            let what = format!("{name}: {} to {}", versions[a].label, versions[b].label);
            let db = match load(&versions[a]).await {
                Ok(db) => db,
                Err(e) => {
                    failures.push(format!("{what}: {e}"));
                    continue;
                }
            };
            let (before, desired) = (&states[a], &states[b]);
            let changes = schema_diff::diff(before, desired, &DiffOptions::default());
            let plan = schema_plan::plan(before, desired, &changes, &PlanOptions::default());
            let mut conn = db.connect().await;
            if let Err(e) = schema_apply::execute_plan(&mut conn, &plan).await {
                failures.push(format!("{what}: applying the plan failed: {e}"));
                continue;
            }
            let after = inspect(&db).await;
            if after != *desired {
                failures.push(format!(
                    "{what}: after the plan, still to do:\n{}",
                    differences(desired, &after)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

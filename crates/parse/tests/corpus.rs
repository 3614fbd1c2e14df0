//! Reads every PostgreSQL schema of the shared real-world corpus (`../shared/corpus`, next to
//! the repository) the way it loads into PostgreSQL, and checks that none fails. The corpus
//! may be absent: the test then prints a notice and passes.

use schema_ir::Schema;
use schema_parse::postgres::Reader;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "notice: corpus folder {} is absent; corpus test skipped",
            dir.display()
        );
        None
    }
}

fn sorted(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

/// Reads `files` in order into one schema, each preceded by `prelude` (as psql options would).
fn read(name: &str, prelude: &str, files: &[PathBuf]) -> Schema {
    let mut schema = Schema::postgres();
    let mut reader = Reader::new(&mut schema);
    for file in files {
        if !prelude.is_empty() {
            reader.read(prelude, "<prelude>").unwrap();
        }
        let text = std::fs::read_to_string(file).unwrap();
        if let Err(e) = reader.read(&text, &file.display().to_string()) {
            panic!("{name}: {e}");
        }
    }
    let warnings = reader.into_diagnostics().len();
    eprintln!(
        "{name}: {} tables, {} sequences, {} enums, {warnings} warnings",
        schema.tables.len(),
        schema.sequences.len(),
        schema.enums.len()
    );
    assert!(!schema.tables.is_empty(), "{name}: no tables read");
    schema
}

#[test]
fn every_postgres_corpus_schema_reads() {
    let Some(dir) = corpus() else { return };
    read("pagila", "", &[dir.join("pagila/pagila-schema.sql")]);
    read(
        "chinook",
        "",
        &[dir.join("chinook/Chinook_PostgreSql.schema-only.sql")],
    );
    read(
        "sakila",
        "",
        &[dir.join("sakila/postgres/postgres-sakila-schema.sql")],
    );
    read(
        "temporal",
        "",
        &[dir.join("temporal/schema/postgresql/v12/temporal/schema.sql")],
    );
    let synapse: Vec<PathBuf> = ["common", "main", "state"]
        .iter()
        .map(|part| dir.join(format!("synapse/{part}/full_schemas/72/full.sql.postgres")))
        .collect();
    read("synapse", "", &synapse);
    let mut supabase = vec![dir.join("supabase-auth/prelude.sql")];
    supabase.extend(sorted(&dir.join("supabase-auth/rendered"), ".up.sql"));
    read("supabase-auth", "", &supabase);
    read(
        "lakefs",
        "",
        &sorted(&dir.join("lakefs/pkg_ddl"), ".up.sql"),
    );
    let order = std::fs::read_to_string(dir.join("musicbrainz/load_order.txt")).unwrap();
    let files: Vec<PathBuf> = order
        .split_whitespace()
        .map(|f| dir.join("musicbrainz/admin/sql").join(f))
        .collect();
    let schemas = [
        "musicbrainz",
        "cover_art_archive",
        "documentation",
        "event_art_archive",
        "json_dump",
        "report",
        "sitemaps",
        "statistics",
        "wikidocs",
        "dbmirror2",
    ];
    let mut all = vec![];
    let create: String = schemas
        .iter()
        .map(|s| format!("CREATE SCHEMA IF NOT EXISTS {s};\n"))
        .collect();
    let prelude_file = std::env::temp_dir().join(format!("mb_prelude_{}.sql", std::process::id()));
    std::fs::write(&prelude_file, create).unwrap();
    all.push(prelude_file.clone());
    all.extend(files);
    read(
        "musicbrainz",
        "SET search_path = musicbrainz, public;",
        &all,
    );
    let _ = std::fs::remove_file(prelude_file);
}

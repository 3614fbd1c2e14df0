//! Selection and connection behaviour on a live server: the `schemas` list and `exclude`
//! globs select the same objects as `ObjectFilter` does for files, objects that belong to an
//! extension are never read, connection errors do not reveal passwords, and inspecting
//! leaves the caller's session as it was.

use schema_inspect::{InspectError, InspectOptions, connect, inspect, inspect_url, server_version};
use schema_ir::{ObjectFilter, QualifiedName};
use schema_testkit::TestDatabase;
use sqlx::{Connection, Executor};

const SETUP: &str = "
    CREATE SCHEMA app;
    CREATE SCHEMA audit;
    CREATE TABLE public.keep (id serial PRIMARY KEY);
    CREATE TABLE public.tmp_one (id int);
    CREATE TABLE public.tmp_two (id int);
    CREATE INDEX tmp_two_id ON public.tmp_two (id);
    CREATE TABLE app.users (id bigint PRIMARY KEY, keep_id int REFERENCES public.keep);
    CREATE TABLE app.audit_log (at timestamptz);
    CREATE TABLE audit.audit_log (at timestamptz);
    CREATE TYPE app.tmp_kind AS ENUM ('a');
    CREATE SEQUENCE audit.seq;
    CREATE FUNCTION app.tmp_f() RETURNS int LANGUAGE sql AS 'select 1';
    CREATE FUNCTION public.tmp_g(int) RETURNS int LANGUAGE sql AS 'select $1';
    CREATE FUNCTION public.keep_h() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';
    CREATE TRIGGER keep_t BEFORE INSERT ON public.keep FOR EACH ROW EXECUTE FUNCTION public.keep_h();
    CREATE DOMAIN audit.amount AS int;
    CREATE TYPE public.tmp_pair AS (a int);
    CREATE COLLATION app.c_order (locale = 'C');
    CREATE AGGREGATE public.tmp_sum(int) (sfunc = int4pl, stype = int);
";

fn names(schema: &schema_ir::Schema) -> Vec<String> {
    let mut names: Vec<String> = schema
        .namespaces
        .keys()
        .map(|n| format!("schema {n}"))
        .collect();
    names.extend(schema.enums.keys().map(|n| format!("enum {n}")));
    names.extend(schema.sequences.keys().map(|n| format!("sequence {n}")));
    names.extend(schema.tables.keys().map(|n| format!("table {n}")));
    names.extend(schema.functions.keys().map(|n| format!("function {n}")));
    names.extend(schema.aggregates.keys().map(|n| format!("aggregate {n}")));
    names.extend(schema.domains.keys().map(|n| format!("domain {n}")));
    names.extend(schema.composite_types.keys().map(|n| format!("type {n}")));
    names.extend(schema.collations.keys().map(|n| format!("collation {n}")));
    names
}

#[tokio::test]
async fn schemas_and_exclusions_select_like_the_file_filter() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(SETUP).await.unwrap();
    let mut conn = db.connect().await;
    let everything = inspect(&mut conn, &InspectOptions::default())
        .await
        .unwrap();
    assert!(
        everything
            .tables
            .contains_key(&QualifiedName::new("public", "tmp_one"))
    );

    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec!["app"], vec![]),
        (vec!["app", "audit"], vec![]),
        (vec![], vec!["public.tmp_*"]),
        (vec![], vec!["*.audit_log"]),
        (vec![], vec!["audit", "*.tmp_?ne"]),
        (vec!["public", "app"], vec!["*tmp*"]),
        (vec!["nothing_here"], vec![]),
    ];
    for (schemas, exclude) in cases {
        let options = InspectOptions {
            schemas: schemas.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        };
        let filter = ObjectFilter {
            schemas: options.schemas.clone(),
            exclude: options.exclude.clone(),
            privileges: true,
        };
        let selected = inspect(&mut conn, &options).await.unwrap();
        assert_eq!(
            names(&selected),
            names(&filter.apply(everything.clone())),
            "schemas {schemas:?} exclude {exclude:?}"
        );
    }

    let only_app = InspectOptions {
        schemas: vec!["app".into()],
        exclude: vec![],
    };
    let app = inspect(&mut conn, &only_app).await.unwrap();
    assert_eq!(
        names(&app),
        [
            "schema app",
            "enum app.tmp_kind",
            "table app.audit_log",
            "table app.users",
            "function app.tmp_f()",
            "collation app.c_order",
        ]
    );
    let users = &app.tables[&QualifiedName::new("app", "users")];
    assert_eq!(
        users.foreign_keys["users_keep_id_fkey"].references,
        QualifiedName::new("public", "keep")
    );

    let no_tmp = InspectOptions {
        schemas: vec![],
        exclude: vec!["public.tmp_*".into()],
    };
    let public = inspect(&mut conn, &no_tmp).await.unwrap();
    assert!(!public.tables.keys().any(|t| t.name.starts_with("tmp_")));
    assert!(
        !public
            .functions
            .values()
            .any(|f| f.name.schema == "public" && f.name.name.starts_with("tmp_"))
    );
    assert!(public.aggregates.is_empty() && public.composite_types.is_empty());
    assert!(public.index_owner("public", "tmp_two_id").is_none());
    assert!(
        public
            .tables
            .contains_key(&QualifiedName::new("public", "keep"))
    );
}

#[tokio::test]
async fn extension_objects_are_not_read() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    let mut conn = db.connect().await;
    let available: Vec<String> = sqlx::query_scalar(
        "SELECT name::text FROM pg_available_extensions
         WHERE name IN ('citext', 'pg_trgm', 'hstore') ORDER BY 1",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let Some(extension) = available.first() else {
        panic!("no contrib extension (citext, pg_trgm, hstore) is available on the test server");
    };
    db.execute("CREATE TABLE mine (id int)").await.unwrap();
    let before = inspect(&mut conn, &InspectOptions::default())
        .await
        .unwrap();
    // Objects become members of an extension with ALTER EXTENSION ... ADD, exactly as an
    // extension's own script makes them.
    db.execute(&format!(
        "CREATE EXTENSION \"{extension}\" SCHEMA public;
         CREATE SCHEMA ext_schema;
         CREATE TABLE ext_schema.inside (id int PRIMARY KEY);
         CREATE TABLE public.ext_table (id int PRIMARY KEY, label text);
         CREATE INDEX ext_table_label ON public.ext_table (label);
         CREATE SEQUENCE public.ext_seq;
         CREATE TYPE public.ext_enum AS ENUM ('x');
         ALTER EXTENSION \"{extension}\" ADD SCHEMA ext_schema;
         ALTER EXTENSION \"{extension}\" ADD TABLE ext_schema.inside;
         ALTER EXTENSION \"{extension}\" ADD TABLE public.ext_table;
         ALTER EXTENSION \"{extension}\" ADD SEQUENCE public.ext_seq;
         ALTER EXTENSION \"{extension}\" ADD TYPE public.ext_enum;"
    ))
    .await
    .unwrap();
    let mut after = inspect(&mut conn, &InspectOptions::default())
        .await
        .unwrap();
    // The extension itself is managed; its member objects are not.
    let installed = after.extensions.remove(extension.as_str());
    assert_eq!(
        installed.map(|e| e.schema),
        Some("public".to_string()),
        "{}",
        after.to_json()
    );
    assert_eq!(after, before, "{}", after.to_json());

    // A table of ours that uses an extension's type is read, with the type qualified.
    if extension == "citext" {
        db.execute("CREATE TABLE people (email public.citext)")
            .await
            .unwrap();
        let with_table = inspect(&mut conn, &InspectOptions::default())
            .await
            .unwrap();
        let people = &with_table.tables[&QualifiedName::new("public", "people")];
        assert_eq!(people.columns[0].data_type.0, "public.citext");
    }
}

#[tokio::test]
async fn connection_errors_do_not_reveal_the_password() {
    for url in [
        "postgres://postgres:s3cret@127.0.0.1:1/x",
        "postgres://postgres:s3cret@127.0.0.1:1/x?sslmode=require",
        "postgres://postgres:s3cret@127.0.0.1:notaport/x",
    ] {
        let error = match connect(url).await {
            Ok(_) => panic!("connected to {url}"),
            Err(error) => error,
        };
        assert!(
            matches!(error, InspectError::Connect(_) | InspectError::Url(_)),
            "{error:?}"
        );
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        let via_url = inspect_url(url, &InspectOptions::default())
            .await
            .unwrap_err();
        let shown = format!("{via_url} {via_url:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}

#[tokio::test]
async fn inspecting_leaves_the_session_alone() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute("CREATE TABLE t (id int)").await.unwrap();
    let mut conn = connect(db.url()).await.unwrap();
    let version = server_version(&mut conn).await.unwrap();
    assert!(version >= 130000, "{version}");

    conn.execute("SET search_path = public").await.unwrap();
    let first = inspect(&mut conn, &InspectOptions::default())
        .await
        .unwrap();
    let path: String = sqlx::query_scalar("SHOW search_path")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(path, "public");

    // Inside the caller's own transaction too.
    let mut tx = conn.begin().await.unwrap();
    let second = inspect(&mut tx, &InspectOptions::default()).await.unwrap();
    let path: String = sqlx::query_scalar("SHOW search_path")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(path, "public");
    tx.commit().await.unwrap();
    assert_eq!(first, second);

    let by_url = inspect_url(db.url(), &InspectOptions::default())
        .await
        .unwrap();
    assert_eq!(first, by_url);
    conn.close().await.unwrap();
}

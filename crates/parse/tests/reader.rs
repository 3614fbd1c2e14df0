//! Behaviour of the file reader on small inputs: pg_dump idioms, search_path, generated
//! names, ALTER sequences, diagnostics with positions, and a JSON snapshot of a rich input.

use schema_ir::{IndexTarget, QualifiedName};
use schema_parse::{ParseError, Severity, parse_sql};

fn q(s: &str, n: &str) -> QualifiedName {
    QualifiedName::new(s, n)
}

#[test]
fn pg_dump_idioms_are_read() {
    let sql = r#"
\restrict abc
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.t (id integer NOT NULL, name text);
ALTER TABLE public.t OWNER TO postgres;
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.t_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1
);
CREATE SEQUENCE public.s_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.u (id integer NOT NULL, t_id integer);
ALTER SEQUENCE public.s_seq OWNED BY public.u.id;
ALTER TABLE ONLY public.u ALTER COLUMN id SET DEFAULT nextval('public.s_seq'::regclass);
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.u ADD CONSTRAINT u_t_id_fkey FOREIGN KEY (t_id) REFERENCES public.t(id);
CREATE OPERATOR public.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);
\unrestrict abc
"#;
    let parsed = parse_sql(sql, "dump.sql").unwrap();
    let t = &parsed.schema.tables[&q("public", "t")];
    let id = t.column("id").unwrap();
    assert!(id.identity.is_some() && id.not_null);
    assert!(
        !parsed
            .schema
            .sequences
            .contains_key(&q("public", "t_id_seq"))
    );
    let u = &parsed.schema.tables[&q("public", "u")];
    assert_eq!(
        u.column("id").unwrap().default.as_ref().unwrap().key,
        schema_parse::postgres::canonical_expr("nextval('s_seq')").unwrap()
    );
    let seq = &parsed.schema.sequences[&q("public", "s_seq")];
    assert_eq!(seq.data_type.0, "integer");
    assert_eq!(seq.options.max_value, i32::MAX as i64);
    assert_eq!(seq.owned_by.as_ref().unwrap().column, "id");
    assert_eq!(u.foreign_keys["u_t_id_fkey"].references, q("public", "t"));
    let warnings: Vec<&str> = parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let function = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.contains("CREATE OPERATOR"))
        .unwrap();
    assert_eq!((function.line, function.col), (16, 1));
    assert_eq!(function.severity, Severity::Warning);
}

#[test]
fn search_path_decides_where_names_go() {
    let sql = "CREATE SCHEMA a; SET search_path TO a, public;
        CREATE TYPE mood AS ENUM ('x');
        CREATE TABLE t (m mood, n public.other_type);
        SET search_path = public;
        CREATE TABLE t (id bigserial);";
    let schema = parse_sql(sql, "f.sql").unwrap().schema;
    let at = &schema.tables[&q("a", "t")];
    assert_eq!(at.column("m").unwrap().data_type.0, "a.mood");
    assert_eq!(at.column("n").unwrap().data_type.0, "public.other_type");
    let pt = &schema.tables[&q("public", "t")];
    let id = pt.column("id").unwrap();
    assert_eq!(id.data_type.0, "bigint");
    assert!(id.not_null);
    assert_eq!(
        id.default.as_ref().unwrap().sql,
        "nextval('public.t_id_seq'::regclass)"
    );
    assert!(schema.sequences.contains_key(&q("public", "t_id_seq")));
}

#[test]
fn generated_names_follow_postgres() {
    let sql = "CREATE TABLE t (a int CHECK (b > 0), b int CHECK (a > b), c int,
            CHECK (true), UNIQUE (a, b), UNIQUE (a, b), d int UNIQUE);
        CREATE TABLE t_a_b_key1 ();
        ALTER TABLE t ADD UNIQUE (a, b);
        CREATE INDEX ON t (lower(c::text));
        CREATE INDEX ON t ((a + b));
        CREATE INDEX ON t (a, a);
        CREATE INDEX ON t ((a::text));";
    let schema = parse_sql(sql, "f.sql").unwrap().schema;
    let t = &schema.tables[&q("public", "t")];
    let checks: Vec<&str> = t.checks.keys().map(String::as_str).collect();
    assert_eq!(checks, ["t_b_check", "t_check", "t_check1"]);
    let uniques: Vec<&str> = t.unique_constraints.keys().map(String::as_str).collect();
    assert_eq!(uniques, ["t_a_b_key", "t_a_b_key2", "t_d_key"]);
    let indexes: Vec<&str> = t.indexes.keys().map(String::as_str).collect();
    assert_eq!(
        indexes,
        ["t_a_a1_idx", "t_a_idx", "t_expr_idx", "t_lower_idx"]
    );
    assert!(matches!(
        t.indexes["t_lower_idx"].keys[0].target,
        IndexTarget::Expression(_)
    ));
}

#[test]
fn drop_column_takes_its_dependents() {
    let sql = "CREATE TABLE t (a int PRIMARY KEY, b int CHECK (b > 0), c int, UNIQUE (b, c));
        CREATE INDEX ON t (c) WHERE b > 1;
        CREATE INDEX ON t (c);
        ALTER TABLE t DROP COLUMN b;
        ALTER TABLE t DROP CONSTRAINT t_pkey;";
    let schema = parse_sql(sql, "f.sql").unwrap().schema;
    let t = &schema.tables[&q("public", "t")];
    assert!(t.checks.is_empty() && t.unique_constraints.is_empty());
    assert_eq!(t.indexes.keys().collect::<Vec<_>>(), ["t_c_idx1"]);
    assert!(t.primary_key.is_none());
    assert!(
        t.column("a").unwrap().not_null,
        "a dropped PK leaves NOT NULL"
    );
}

#[test]
fn syntax_errors_point_at_the_token() {
    let err = parse_sql("CREATE TABLE a (id int);\n\nCREATE TABL b ();\n", "bad.sql").unwrap_err();
    let ParseError::Syntax(d) = err else {
        panic!("not a syntax error: {err}")
    };
    assert_eq!((d.file.as_str(), d.line, d.col), ("bad.sql", 3, 8));
    assert!(d.message.contains("TABL"), "{}", d.message);
    let shown = d.to_string();
    assert!(
        shown.starts_with("bad.sql:3:8: error: syntax error"),
        "{shown}"
    );
    assert!(
        shown.contains("    | CREATE TABL b ();\n    |        ^"),
        "{shown}"
    );
}

#[test]
fn altering_missing_objects_is_unsupported_not_a_panic() {
    for sql in [
        "ALTER TABLE nope ADD COLUMN a int",
        "CREATE INDEX ON nope (a)",
        "DROP TABLE nope",
        "CREATE TABLE t (a int); ALTER TABLE t DROP COLUMN b",
        "COMMENT ON TABLE nope IS 'x'",
        "ALTER SEQUENCE nope RESTART",
    ] {
        match parse_sql(sql, "f.sql") {
            Err(ParseError::Unsupported(d)) => assert!(!d.message.is_empty()),
            other => panic!("{sql}: {other:?}"),
        }
    }
    assert!(
        parse_sql(
            "DROP TABLE IF EXISTS nope; ALTER TABLE IF EXISTS nope ADD COLUMN a int",
            "f.sql"
        )
        .is_ok()
    );
}

#[test]
fn enum_values_and_sequences_alter_in_place() {
    let sql = "CREATE TYPE m AS ENUM ('a', 'c');
        ALTER TYPE m ADD VALUE 'b' BEFORE 'c';
        ALTER TYPE m RENAME VALUE 'a' TO 'z';
        CREATE SEQUENCE s;
        ALTER SEQUENCE s AS integer INCREMENT BY 2 CYCLE;";
    let schema = parse_sql(sql, "f.sql").unwrap().schema;
    assert_eq!(schema.enums[&q("public", "m")].values, ["z", "b", "c"]);
    let s = &schema.sequences[&q("public", "s")];
    assert_eq!(
        (
            s.data_type.0.as_str(),
            s.options.max_value,
            s.options.increment,
            s.options.cycle
        ),
        ("integer", i32::MAX as i64, 2, true)
    );
}

#[test]
fn rich_sample_snapshot() {
    let parsed = parse_sql(include_str!("../testdata/rich.sql"), "rich.sql").unwrap();
    insta::assert_snapshot!(parsed.schema.to_json());
}

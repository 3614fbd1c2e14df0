//! The equivalence oracle for the reader: `testdata/rich.sql` is run in a fresh database,
//! the catalog is read back as the statements PostgreSQL prints (`format_type`, `pg_get_expr`,
//! `pg_get_constraintdef`, `pg_get_indexdef`) and applied with `apply_statement`, and the
//! result must equal what the file reader makes of the same SQL.

use schema_ir::{QualifiedName, Schema, quote_ident, quote_literal};
use schema_parse::postgres::apply_statement;
use sqlx::{AssertSqlSafe, Executor, PgConnection, Row};

async fn rows(conn: &mut PgConnection, sql: &str) -> Vec<sqlx::postgres::PgRow> {
    sqlx::query(AssertSqlSafe(sql.to_string()))
        .fetch_all(conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn apply(schema: &mut Schema, sql: &str) {
    apply_statement(schema, sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
}

const USER_NAMESPACES: &str = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

/// A minimal catalog reader built on `apply_statement`.
async fn catalog_schema(conn: &mut PgConnection) -> Schema {
    conn.execute("SET search_path = ''").await.unwrap();
    let mut schema = Schema::postgres();
    for row in rows(conn, &format!("SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE {USER_NAMESPACES} ORDER BY 1")).await {
        let name: String = row.get(0);
        let comment: Option<String> = row.get(1);
        if name != "public" {
            apply(&mut schema, &format!("CREATE SCHEMA {}", quote_ident(&name)));
        }
        if let Some(c) = comment.filter(|c| c != "standard public schema") {
            apply(&mut schema, &format!("COMMENT ON SCHEMA {} IS {}", quote_ident(&name), quote_literal(&c)));
        }
    }
    for row in rows(conn, &format!("SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid WHERE {USER_NAMESPACES} GROUP BY 1, 2 ORDER BY 1, 2")).await {
        let name = QualifiedName::new(row.get::<String, _>(0), row.get::<String, _>(1));
        let labels: Vec<String> = row.get(2);
        let labels: Vec<String> = labels.iter().map(|l| quote_literal(l)).collect();
        apply(&mut schema, &format!("CREATE TYPE {name} AS ENUM ({})", labels.join(", ")));
    }
    for row in rows(conn, &format!("SELECT c.oid::regclass::text, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {USER_NAMESPACES} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i') ORDER BY 1")).await {
        let (name, ty): (String, String) = (row.get(0), row.get(1));
        let (start, inc, min, max, cache, cycle): (i64, i64, i64, i64, i64, bool) =
            (row.get(2), row.get(3), row.get(4), row.get(5), row.get(6), row.get(7));
        let cycle = if cycle { "CYCLE" } else { "NO CYCLE" };
        apply(&mut schema, &format!("CREATE SEQUENCE {name} AS {ty} START WITH {start} INCREMENT BY {inc} MINVALUE {min} MAXVALUE {max} CACHE {cache} {cycle}"));
    }
    let tables = rows(conn, &format!("SELECT c.oid::regclass::text, c.oid::int8 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND {USER_NAMESPACES} ORDER BY 1")).await;
    for table in &tables {
        let (name, oid): (String, i64) = (table.get(0), table.get(1));
        let mut columns = Vec::new();
        for col in rows(conn, &format!("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text, CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_sequence s ON s.seqrelid = pg_get_serial_sequence('{name}', a.attname)::regclass AND a.attidentity <> '' WHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")).await {
            let (cname, ty, not_null): (String, String, bool) = (col.get(0), col.get(1), col.get(2));
            let (default, identity, generated, collation): (Option<String>, String, String, Option<String>) =
                (col.get(3), col.get(4), col.get(5), col.get(6));
            let mut text = format!("{} {ty}", quote_ident(&cname));
            if let Some(c) = collation {
                text.push_str(&format!(" COLLATE {}", quote_ident(&c)));
            }
            if not_null {
                text.push_str(" NOT NULL");
            }
            match (default, generated.as_str(), identity.as_str()) {
                (Some(expr), "s", _) => text.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED")),
                (Some(expr), _, _) => text.push_str(&format!(" DEFAULT {expr}")),
                (None, _, "a" | "d") => {
                    let (start, inc, min, max, cache, cycle): (i64, i64, i64, i64, i64, bool) =
                        (col.get(7), col.get(8), col.get(9), col.get(10), col.get(11), col.get(12));
                    let when = if identity == "a" { "ALWAYS" } else { "BY DEFAULT" };
                    let cycle = if cycle { "CYCLE" } else { "NO CYCLE" };
                    text.push_str(&format!(" GENERATED {when} AS IDENTITY (START WITH {start} INCREMENT BY {inc} MINVALUE {min} MAXVALUE {max} CACHE {cache} {cycle})"));
                }
                _ => {}
            }
            columns.push(text);
        }
        apply(
            &mut schema,
            &format!("CREATE TABLE {name} ({})", columns.join(", ")),
        );
    }
    for row in rows(conn, &format!("SELECT s.oid::regclass::text, t.oid::regclass::text, a.attname FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid JOIN pg_namespace n ON n.oid = s.relnamespace WHERE d.deptype = 'a' AND {USER_NAMESPACES}")).await {
        let (seq, table, column): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        apply(&mut schema, &format!("ALTER SEQUENCE {seq} OWNED BY {table}.{}", quote_ident(&column)));
    }
    for row in rows(conn, &format!("SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype IN ('p', 'u', 'c', 'f') AND c.conrelid <> 0 AND {USER_NAMESPACES} ORDER BY CASE c.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 ELSE 3 END, 1, 2")).await {
        let (table, name, def): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        apply(&mut schema, &format!("ALTER TABLE ONLY {table} ADD CONSTRAINT {} {def}", quote_ident(&name)));
    }
    for row in rows(conn, &format!("SELECT pg_get_indexdef(i.indexrelid), obj_description(i.indexrelid, 'pg_class'), i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {USER_NAMESPACES} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1")).await {
        let (def, comment, name): (String, Option<String>, String) = (row.get(0), row.get(1), row.get(2));
        apply(&mut schema, &def);
        if let Some(c) = comment {
            apply(&mut schema, &format!("COMMENT ON INDEX {name} IS {}", quote_literal(&c)));
        }
    }
    for row in rows(conn, &format!("SELECT c.oid::regclass::text, c.relkind::text, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'S') AND {USER_NAMESPACES} AND obj_description(c.oid, 'pg_class') IS NOT NULL")).await {
        let (name, kind, comment): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        let what = if kind == "S" { "SEQUENCE" } else { "TABLE" };
        apply(&mut schema, &format!("COMMENT ON {what} {name} IS {}", quote_literal(&comment)));
    }
    for row in rows(conn, &format!("SELECT c.oid::regclass::text, a.attname, col_description(c.oid, a.attnum) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 WHERE c.relkind = 'r' AND {USER_NAMESPACES} AND col_description(c.oid, a.attnum) IS NOT NULL")).await {
        let (table, column, comment): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        apply(&mut schema, &format!("COMMENT ON COLUMN {table}.{} IS {}", quote_ident(&column), quote_literal(&comment)));
    }
    schema
}

#[tokio::test]
async fn reading_the_file_equals_reading_the_catalog() {
    let Some(db) = schema_testkit::TestDatabase::create().await else {
        return;
    };
    let sql = include_str!("../testdata/rich.sql");
    db.execute(sql).await.expect("the sample runs");
    let mut conn = db.connect().await;
    let from_catalog = catalog_schema(&mut conn).await;
    let from_file = schema_parse::parse_sql(sql, "rich.sql").unwrap().schema;
    assert_eq!(from_catalog.tables.len(), 3);
    assert_eq!(from_catalog.sequences.len(), 3);
    let indexes: usize = from_catalog.tables.values().map(|t| t.indexes.len()).sum();
    let checks: usize = from_catalog.tables.values().map(|t| t.checks.len()).sum();
    assert_eq!((indexes, checks), (4, 6));
    if from_file != from_catalog {
        let file_json = from_file.to_json();
        let catalog_json = from_catalog.to_json();
        for (i, (a, b)) in file_json.lines().zip(catalog_json.lines()).enumerate() {
            if a != b {
                panic!(
                    "first difference at JSON line {}:\n file:    {a}\n catalog: {b}\n\nfile:\n{file_json}\n\ncatalog:\n{catalog_json}",
                    i + 1
                );
            }
        }
        panic!("schemas differ:\nfile:\n{file_json}\n\ncatalog:\n{catalog_json}");
    }
}

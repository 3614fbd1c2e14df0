//! Checks the expression keys against a live PostgreSQL: every written expression of
//! `testdata/exprs.txt` is stored in a table (as a CHECK when boolean, a generated column when
//! it reads columns, a column default otherwise), and the key of what the catalog prints
//! (`pg_get_constraintdef` / `pg_get_expr` with an empty search_path) must equal the key of
//! what was written.

use schema_parse::postgres::canonical_expr;
use sqlx::{AssertSqlSafe, Executor, Row};

const CONTEXT: &str = "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA public;
CREATE SEQUENCE public.t_id_seq;
CREATE TABLE public.t (a integer, b integer, n numeric, s character varying(20), x text,
  flag boolean, ts timestamp with time zone, d date, arr text[], id bigint)";

#[tokio::test]
async fn written_expressions_match_what_the_catalog_prints() {
    let Some(db) = schema_testkit::TestDatabase::create().await else {
        return;
    };
    db.execute(CONTEXT).await.expect("context");
    let mut conn = db.connect().await;
    let text = include_str!("../testdata/exprs.txt");
    let mut checked = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let written = line.split_once(" | ").map_or(line, |(w, _)| w);
        let typ: String = match sqlx::query(AssertSqlSafe(format!(
            "SELECT pg_typeof({written})::text FROM (SELECT NULL::integer AS a, NULL::integer AS b, NULL::numeric AS n, NULL::varchar(20) AS s, NULL::text AS x, NULL::boolean AS flag, now() AS ts, current_date AS d, NULL::text[] AS arr, NULL::bigint AS id) t"
        )))
        .fetch_one(&mut conn)
        .await
        {
            Ok(row) => row.get(0),
            Err(e) => panic!("line {}: {written}: {e}", n + 1),
        };
        let typ = if typ == "unknown" {
            "text".to_string()
        } else {
            typ
        };
        let reads_columns = sqlx::query(AssertSqlSafe(format!("SELECT {written}")))
            .fetch_one(&mut conn)
            .await
            .is_err();
        let catalog: String = if typ == "boolean" && reads_columns {
            let name = format!("c{n}");
            conn.execute(AssertSqlSafe(format!(
                "ALTER TABLE public.t ADD CONSTRAINT {name} CHECK ({written}) NOT VALID"
            )))
            .await
            .unwrap_or_else(|e| panic!("line {}: {written}: {e}", n + 1));
            conn.execute("SET search_path = ''").await.unwrap();
            let def: String = sqlx::query(AssertSqlSafe(format!(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '{name}'"
            )))
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get(0);
            conn.execute("SET search_path = public").await.unwrap();
            def.trim_start_matches("CHECK ")
                .trim_end_matches(" NOT VALID")
                .to_string()
        } else {
            let column = format!("v{n}");
            let clause = if reads_columns {
                format!("GENERATED ALWAYS AS ({written}) STORED")
            } else {
                format!("DEFAULT {written}")
            };
            if let Err(e) = conn
                .execute(AssertSqlSafe(format!(
                    "ALTER TABLE public.t ADD COLUMN {column} {typ} {clause}"
                )))
                .await
            {
                eprintln!("notice: line {}: {written} cannot be stored: {e}", n + 1);
                continue;
            }
            conn.execute("SET search_path = ''").await.unwrap();
            let expr: String = sqlx::query(AssertSqlSafe(format!(
                "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum WHERE attname = '{column}'"
            )))
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get(0);
            conn.execute("SET search_path = public").await.unwrap();
            expr
        };
        assert_eq!(
            canonical_expr(written).unwrap(),
            canonical_expr(&catalog).unwrap(),
            "line {}: written `{written}`, catalog prints `{catalog}`",
            n + 1
        );
        checked += 1;
    }
    assert!(checked > 40, "only {checked} expressions checked");
}

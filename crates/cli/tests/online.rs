//! Lock behaviour of online plans, measured on a real server. A table of two million rows
//! gets each change the planner rewrites (index build and drop, unique key, check, foreign
//! key, SET NOT NULL, a volatile default) while a second connection inserts into it in a
//! loop with `lock_timeout` set to [`BOUND`], so the server itself tells when an insert waited
//! that long for a lock (a slow disk or a busy CPU does not count). The online plan must never
//! keep a writer waiting that long; the same change planned with `--no-online` must, which
//! shows that the measurement can fail. Scenarios run one after the other in one test so that
//! nothing else loads the server meanwhile.

use schema_inspect::InspectOptions;
use schema_ir::Schema;
use schema_plan::{Plan, PlanOptions};
use schema_testkit::TestDatabase;
use sqlx::{Connection, Executor, PgConnection};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const ROWS: i64 = 2_000_000;

/// The longest an insert may wait for a lock while an online plan runs.
const BOUND: Duration = Duration::from_millis(300);
const SET_BOUND: &str = "SET lock_timeout = '300ms'";

const BASE: &str = "
CREATE TABLE public.t (
    id integer NOT NULL,
    a integer, b integer, c integer, d integer, e integer,
    s text, u text, r text, w integer
);
ALTER TABLE public.t ADD CONSTRAINT t_s_key UNIQUE (s);
CREATE INDEX t_w_idx ON public.t (w);
";

struct Scenario {
    name: &'static str,
    /// Statements added to [`BASE`] for the desired schema.
    change: &'static str,
    /// A reader holds its transaction open on the table while the plan starts, as a long
    /// report query would.
    reader: bool,
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "index build",
        change: "CREATE INDEX t_lower_u_idx ON public.t (lower(u));",
        reader: false,
    },
    Scenario {
        name: "index drop",
        change: "DROP INDEX public.t_w_idx;",
        reader: true,
    },
    Scenario {
        name: "unique key",
        change: "ALTER TABLE public.t ADD CONSTRAINT t_u_key UNIQUE (u);",
        reader: false,
    },
    Scenario {
        name: "check",
        change: "ALTER TABLE public.t ADD CONSTRAINT t_s_hex CHECK (s ~ '^[0-9a-f]{32}$');",
        reader: false,
    },
    Scenario {
        name: "foreign key",
        change: "ALTER TABLE public.t ADD CONSTRAINT t_r_fkey FOREIGN KEY (r) REFERENCES public.t (s);",
        reader: false,
    },
    Scenario {
        name: "set not null",
        change: "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL,
                 ALTER COLUMN c SET NOT NULL, ALTER COLUMN d SET NOT NULL, ALTER COLUMN e SET NOT NULL;",
        reader: false,
    },
    Scenario {
        name: "volatile default",
        change: "ALTER TABLE public.t ADD COLUMN noise double precision DEFAULT random();",
        reader: false,
    },
];

fn parse(sql: &str) -> Schema {
    schema_parse::parse_sql(sql, "online.sql").unwrap().schema
}

async fn inspect(db: &TestDatabase) -> Schema {
    schema_inspect::inspect_url(db.url(), &InspectOptions::default())
        .await
        .unwrap()
}

fn plan(from: &Schema, to: &Schema, online: bool) -> Plan {
    let changes = schema_diff::diff(from, to, &Default::default());
    let options = PlanOptions {
        online,
        ..PlanOptions::default()
    };
    schema_plan::plan(from, to, &changes, &options)
}

/// What the writer saw.
struct Writes {
    /// The longest insert, lock waits and everything else included.
    longest: Duration,
    count: u32,
    /// Inserts that gave up after waiting [`BOUND`] for a lock.
    blocked: u32,
}

/// Inserts rows until stopped, each waiting at most [`BOUND`] for a lock.
async fn write_until(mut conn: PgConnection, stop: Arc<AtomicBool>, first: i32) -> Writes {
    conn.execute(SET_BOUND).await.unwrap();
    let mut writes = Writes {
        longest: Duration::ZERO,
        count: 0,
        blocked: 0,
    };
    let mut id = first;
    while !stop.load(Ordering::Relaxed) {
        id -= 1;
        let start = Instant::now();
        let done = sqlx::query(
            "INSERT INTO public.t (id, a, b, c, d, e, s, u, w)
             VALUES ($1, $1, $1, $1, $1, $1, md5($1::text), md5($1::text), $1)",
        )
        .bind(id)
        .execute(&mut conn)
        .await;
        match done {
            Ok(_) => {}
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {
                writes.blocked += 1;
            }
            Err(e) => panic!("insert failed: {e}"),
        }
        writes.longest = writes.longest.max(start.elapsed());
        writes.count += 1;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    writes
}

/// Runs `plan` while a writer inserts; returns what the writer saw.
async fn writes_during(db: &TestDatabase, plan: &Plan, reader: bool, first: i32) -> Writes {
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn(write_until(db.connect().await, stop.clone(), first));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let held = if reader {
        let mut conn = db.connect().await;
        conn.execute("BEGIN; SELECT count(*) FROM public.t WHERE id = 1")
            .await
            .unwrap();
        Some(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            conn.execute("COMMIT").await.unwrap();
        }))
    } else {
        None
    };
    let mut conn = db.connect().await;
    schema_apply::execute_plan(&mut conn, plan)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", plan.to_sql()));
    conn.close().await.unwrap();
    if let Some(held) = held {
        held.await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.store(true, Ordering::Relaxed);
    let writes = writer.await.unwrap();
    assert!(
        writes.count > 10,
        "the writer ran only {} inserts",
        writes.count
    );
    writes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn online_plans_never_keep_writers_waiting() {
    let Some(db) = TestDatabase::create().await else {
        return;
    };
    db.execute(BASE).await.unwrap();
    db.execute(&format!(
        "INSERT INTO public.t
         SELECT g, g, g, g, g, g, md5(g::text), md5(g::text), md5(g::text), g
         FROM generate_series(1, {ROWS}) g;
         ANALYZE public.t;"
    ))
    .await
    .unwrap();
    let base = parse(BASE);
    let mut report = Vec::new();
    let mut failures = Vec::new();
    let mut first = 0;
    for scenario in SCENARIOS {
        let desired = parse(&format!("{BASE}\n{}", scenario.change));
        for online in [true, false] {
            let live = inspect(&db).await;
            let forward = plan(&live, &desired, online);
            assert!(!forward.is_empty(), "{}: nothing to do", scenario.name);
            let writes = writes_during(&db, &forward, scenario.reader, first).await;
            first -= 1_000_000;
            let mode = if online { "online" } else { "--no-online" };
            let seen = format!(
                "{} of {} inserts waited {BOUND:?} for a lock, longest insert {:?}",
                writes.blocked, writes.count, writes.longest
            );
            report.push(format!("{:>16} {mode:>11}: {seen}", scenario.name));
            if (writes.blocked > 0) == online {
                failures.push(format!(
                    "{} {mode}: {seen}\n{}",
                    scenario.name,
                    forward.to_sql()
                ));
            }
            let after = inspect(&db).await;
            assert!(
                plan(&after, &desired, online).is_empty(),
                "{}: not converged",
                scenario.name
            );
            let back = plan(&after, &base, false);
            let mut conn = db.connect().await;
            schema_apply::execute_plan(&mut conn, &back).await.unwrap();
            conn.close().await.unwrap();
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        report.join("\n"),
        failures.join("\n\n")
    );
}

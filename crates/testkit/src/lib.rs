//! Throwaway PostgreSQL databases for the tests of `schema`. A server is found from
//! `SCHEMA_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`); when
//! none answers but PostgreSQL server binaries are installed, a private cluster is started in a
//! temporary directory for the life of the test process. Every [`TestDatabase`] has a unique
//! name and is dropped when it goes out of scope. Under `CI=true` a missing server is a
//! failure; elsewhere the caller gets `None` and a notice is printed, never a silent pass.

mod cluster;

use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection, raw_sql};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database created for one test and dropped afterwards.
pub struct TestDatabase {
    name: String,
    url: String,
    admin_url: String,
}

impl TestDatabase {
    /// Creates a fresh, empty database, or returns `None` (after printing why) when no
    /// PostgreSQL server can be found outside CI. Under `CI=true` it panics instead.
    pub async fn create() -> Option<TestDatabase> {
        TestDatabase::create_from(None).await
    }

    /// A new database with the same contents as this one (`CREATE DATABASE … TEMPLATE`;
    /// nobody may be connected to this one meanwhile).
    pub async fn copy(&self) -> Option<TestDatabase> {
        TestDatabase::create_from(Some(&self.name)).await
    }

    async fn create_from(template: Option<&str>) -> Option<TestDatabase> {
        let Some(admin_url) = server_url().await else {
            let why = "no PostgreSQL server answers (set SCHEMA_TEST_POSTGRES_URL) and no server binaries were found to start one";
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("live test cannot run under CI=true: {why}");
            }
            eprintln!("notice: skipping live test: {why}");
            return None;
        };
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "schema_test_{}_{}_{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to the test server: {e}"));
        admin
            .execute(raw_sql(AssertSqlSafe(format!(
                "CREATE DATABASE \"{name}\"{}",
                template.map_or(String::new(), |t| format!(" TEMPLATE \"{t}\""))
            ))))
            .await
            .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
        let _ = admin.close().await;
        let url = with_database(&admin_url, &name);
        Some(TestDatabase {
            name,
            url,
            admin_url,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The connection URL of this database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A new connection to this database.
    pub async fn connect(&self) -> PgConnection {
        PgConnection::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {}: {e}", self.name))
    }

    /// Runs a SQL script (several statements, simple query protocol).
    pub async fn execute(&self, sql: &str) -> Result<(), sqlx::Error> {
        let mut conn = self.connect().await;
        conn.execute(raw_sql(AssertSqlSafe(sql.to_string())))
            .await?;
        conn.close().await
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        // A separate thread with its own runtime works whether or not the caller is async.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&admin_url).await.ok()?;
                admin.execute(raw_sql(AssertSqlSafe(sql))).await.ok()?;
                admin.close().await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(()))) {
            eprintln!("warning: could not drop test database {}", self.name);
        }
    }
}

/// The maintenance URL of the server tests use, found once per process.
async fn server_url() -> Option<String> {
    static URL: OnceLock<Option<String>> = OnceLock::new();
    if let Some(found) = URL.get() {
        return found.clone();
    }
    let configured =
        std::env::var("SCHEMA_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_URL.to_string());
    let found = if answers(&configured).await {
        Some(configured)
    } else {
        match cluster::start() {
            Ok(url) if answers(&url).await => Some(url),
            Ok(_) => None,
            Err(why) => {
                eprintln!("notice: no throwaway cluster: {why}");
                None
            }
        }
    };
    URL.get_or_init(|| found).clone()
}

async fn answers(url: &str) -> bool {
    match PgConnection::connect(url).await {
        Ok(conn) => {
            let _ = conn.close().await;
            true
        }
        Err(_) => false,
    }
}

/// `url` with its database path replaced by `database`.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{database}?{query}"),
        None => format!("{base}/{database}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_of_a_url() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }

    #[tokio::test]
    async fn creates_and_drops_a_database() {
        let Some(db) = TestDatabase::create().await else {
            return;
        };
        db.execute("CREATE TABLE t (a int); INSERT INTO t VALUES (1);")
            .await
            .unwrap();
        let name = db.name().to_string();
        let admin_url = db.admin_url.clone();
        drop(db);
        let mut admin = PgConnection::connect(&admin_url).await.unwrap();
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_database WHERE datname = $1")
            .bind(&name)
            .fetch_one(&mut admin)
            .await
            .unwrap();
        assert_eq!(left, 0);
    }
}

//! The advisory lock that lets one runner at a time migrate a database: a session-level
//! `pg_try_advisory_lock` on a key derived from a name, polled with exponential backoff
//! until it is granted or the wait limit is reached.

use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use std::time::{Duration, Instant};

/// The advisory lock key of `name`: the first eight bytes of its sha256, as a signed integer.
pub fn key(name: &str) -> i64 {
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

/// Takes the lock `key` on `conn`, waiting at most `wait`. Returns how long it waited, or
/// `None` when the lock was still held by another session at the end of the wait.
pub async fn acquire(
    conn: &mut PgConnection,
    key: i64,
    wait: Duration,
) -> Result<Option<Duration>, sqlx::Error> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(25);
    loop {
        let granted: bool = sqlx::query_scalar("SELECT pg_catalog.pg_try_advisory_lock($1)")
            .bind(key)
            .fetch_one(&mut *conn)
            .await?;
        if granted {
            return Ok(Some(start.elapsed()));
        }
        let left = wait.saturating_sub(start.elapsed());
        if left.is_zero() {
            return Ok(None);
        }
        tokio::time::sleep(pause.min(left)).await;
        pause = (pause * 2).min(Duration::from_secs(1));
    }
}

/// Releases the lock `key` held by `conn`.
pub async fn release(conn: &mut PgConnection, key: i64) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_catalog.pg_advisory_unlock($1)")
        .bind(key)
        .execute(conn)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(key("schema apply"), key("schema apply"));
        assert_ne!(key("schema apply"), key("other"));
    }
}

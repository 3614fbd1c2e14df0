//! SQL expressions (defaults, CHECK bodies, index expressions and predicates, generated
//! columns). An [`Expr`] keeps the text to render (`sql`, as written in the file or as the
//! catalog prints it) and a comparison key (`key`) computed by the parser's canonicalizer,
//! so `'a'::text` from the catalog and `'a'` from a file compare equal while the SQL that is
//! rendered stays exactly what somebody wrote.

use serde::Deserialize;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// An expression with its canonical comparison key; equality and ordering use the key only.
#[derive(Debug, Clone, Deserialize)]
pub struct Expr {
    /// Runnable SQL text of the expression.
    pub sql: String,
    /// Canonical form used for comparison (see `schema_parse::postgres::canonical_expr`).
    pub key: String,
}

impl Expr {
    pub fn new(sql: impl Into<String>, key: impl Into<String>) -> Self {
        Expr {
            sql: sql.into(),
            key: key.into(),
        }
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Expr {}

impl Hash for Expr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl PartialOrd for Expr {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Expr {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

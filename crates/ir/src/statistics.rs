//! Extended statistics (`CREATE STATISTICS`) of a table: which statistics kinds are built
//! over which columns and expressions, and the statistics target. Columns are kept in the
//! table's column order, as PostgreSQL stores them; expressions in the order written.

use crate::expr::Expr;
use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};

/// The kinds PostgreSQL builds over several targets, in its order; expression statistics are
/// built whenever a target is an expression and are not listed.
pub const STATISTICS_KINDS: [&str; 3] = ["ndistinct", "dependencies", "mcv"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtendedStatistics {
    pub name: QualifiedName,
    /// Of [`STATISTICS_KINDS`], in that order; empty for statistics on one expression.
    pub kinds: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expressions: Vec<Expr>,
    /// `ALTER STATISTICS … SET STATISTICS`; `None` is the default target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl ExtendedStatistics {
    /// Whether `other` is built differently (so the object is dropped and created again);
    /// target and comment change in place.
    pub fn redefined(&self, other: &ExtendedStatistics) -> bool {
        self.kinds != other.kinds
            || self.columns != other.columns
            || self.expressions != other.expressions
    }
}

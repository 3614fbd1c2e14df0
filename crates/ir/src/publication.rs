//! Publications (`CREATE PUBLICATION`, logical replication): database-wide, named without a
//! schema; for all tables, or for tables (each with an optional column list and row filter)
//! and whole schemas; what they publish, and whether partitions publish as their root.

use crate::expr::Expr;
use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a publication can publish, in PostgreSQL's order; all four by default.
pub const PUBLISHED_ACTIONS: [&str; 4] = ["insert", "update", "delete", "truncate"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub name: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_tables: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tables: BTreeMap<QualifiedName, PublishedTable>,
    /// `TABLES IN SCHEMA`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub schemas: BTreeSet<String>,
    /// Of [`PUBLISHED_ACTIONS`], in that order.
    pub publish: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub via_partition_root: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A table of a publication.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PublishedTable {
    /// The published columns in the table's column order; `None` for all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// `WHERE (…)`: the rows published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_filter: Option<Expr>,
}

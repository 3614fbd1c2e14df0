//! Declarative partitioning. A partitioned table has a partition key; each of its partitions
//! is named and has a bound (`FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)`, `FOR VALUES IN
//! ('a', 'b')`, `FOR VALUES WITH (modulus 4, remainder 0)`, `DEFAULT`) whose key spells every
//! value as the key column's type prints it, so a file and the catalog agree.
//! A partition can be partitioned in turn (`CREATE TABLE … PARTITION OF … PARTITION BY …`):
//! every partition, at any depth, is kept flat in the table's map and names the partition it
//! belongs to, so a name is looked up in one place. A partition's columns, keys and indexes
//! are those of the table; what a partition adds on its own is not managed.

use crate::expr::Expr;
use crate::name::QualifiedName;
use crate::table::IndexKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionKey {
    pub strategy: PartitionStrategy,
    pub keys: Vec<IndexKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartitionStrategy {
    Range,
    List,
    Hash,
}

impl PartitionStrategy {
    pub fn as_sql(&self) -> &'static str {
        match self {
            PartitionStrategy::Range => "RANGE",
            PartitionStrategy::List => "LIST",
            PartitionStrategy::Hash => "HASH",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partition {
    pub name: QualifiedName,
    /// The bound as written or printed; its key is canonical (see the module documentation).
    pub bound: Expr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The partition this one is a partition of; none when it is a partition of the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<QualifiedName>,
    /// `PARTITION BY …` of a partition that is partitioned in turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<PartitionKey>,
    /// Indexes of this partition alone: not part of an index of the partitioned table.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub indexes: BTreeMap<String, crate::Index>,
    /// Foreign keys of this partition alone: not the partitioned table's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub foreign_keys: BTreeMap<String, crate::ForeignKey>,
}

impl Partition {
    pub fn new(name: QualifiedName, bound: Expr) -> Partition {
        Partition {
            name,
            bound,
            comment: None,
            parent: None,
            partition_by: None,
            indexes: BTreeMap::new(),
            foreign_keys: BTreeMap::new(),
        }
    }
}

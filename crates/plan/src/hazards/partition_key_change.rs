//! The `PARTITION_KEY_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const PARTITION_KEY_CHANGE: HazardKind = HazardKind {
    code: "PARTITION_KEY_CHANGE",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the table and its partitions",
    summary: "A new partition key means dropping the table and creating it again.",
    why: "PostgreSQL cannot change how a table is partitioned; the rebuild deletes every row of the table and all its partitions.",
    alternative: "Create a new partitioned table beside the old one, copy the rows over, then switch names in a later migration.",
};

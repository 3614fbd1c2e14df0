//! The `TABLE_PERSISTENCE_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const TABLE_PERSISTENCE_CHANGE: HazardKind = HazardKind {
    code: "TABLE_PERSISTENCE_CHANGE",
    category: Category::Rewrite,
    lock: "ACCESS EXCLUSIVE on the table while it is rewritten",
    summary: "SET LOGGED or SET UNLOGGED rewrites the whole table.",
    why: "The table is copied under an ACCESS EXCLUSIVE lock, blocking reads and writes; an unlogged table is also emptied after a crash and not replicated.",
    alternative: "Run it in a maintenance window, or create a new table and copy the rows in batches.",
};

//! The `DROP_INDEX` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_INDEX: HazardKind = HazardKind {
    code: "DROP_INDEX",
    category: Category::Performance,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Dropping an index can slow down the queries that used it.",
    why: "DROP INDEX also takes an ACCESS EXCLUSIVE lock on the table.",
    alternative: "Check that no query needs the index; use DROP INDEX CONCURRENTLY outside a transaction.",
};

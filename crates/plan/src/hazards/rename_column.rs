//! The `RENAME_COLUMN` hazard.

use super::HazardKind;
use crate::Category;

pub const RENAME_COLUMN: HazardKind = HazardKind {
    code: "RENAME_COLUMN",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Renaming a column breaks every query that uses the old name.",
    why: "Code still selecting or writing the old name fails as soon as the rename commits, so a rolling deploy breaks.",
    alternative: "Add the new column, write both, backfill, switch reads, then drop the old column; or expose the old name through a view meanwhile.",
};

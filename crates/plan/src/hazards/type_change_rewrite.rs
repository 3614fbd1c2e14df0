//! The `TYPE_CHANGE_REWRITE` hazard.

use super::HazardKind;
use crate::Category;

pub const TYPE_CHANGE_REWRITE: HazardKind = HazardKind {
    code: "TYPE_CHANGE_REWRITE",
    category: Category::Rewrite,
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite",
    summary: "Changing the column type rewrites the whole table and its indexes.",
    why: "The table is locked ACCESS EXCLUSIVE (no reads or writes) for as long as the rewrite takes.",
    alternative: "Add a new column of the new type, backfill it in batches, switch code over, then drop the old column.",
};

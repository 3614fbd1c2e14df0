//! The `ADD_COLUMN_GENERATED` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_COLUMN_GENERATED: HazardKind = HazardKind {
    code: "ADD_COLUMN_GENERATED",
    category: Category::Rewrite,
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite",
    summary: "Adding a stored generated column computes it for every row, rewriting the table.",
    why: "The table is locked ACCESS EXCLUSIVE while every row is rewritten with the computed value.",
    alternative: "Add a plain column filled by a trigger and backfill it in batches, or compute the value in a view or query.",
};

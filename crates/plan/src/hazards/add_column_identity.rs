//! The `ADD_COLUMN_IDENTITY` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_COLUMN_IDENTITY: HazardKind = HazardKind {
    code: "ADD_COLUMN_IDENTITY",
    category: Category::Rewrite,
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite",
    summary: "Adding an identity or serial column draws a sequence value for every row, rewriting the table.",
    why: "Every existing row gets a value from the sequence while the table is locked ACCESS EXCLUSIVE, for as long as the rewrite takes.",
    alternative: "Add a nullable column, backfill it in batches from a sequence, then attach the default or identity and SET NOT NULL through a validated CHECK.",
};

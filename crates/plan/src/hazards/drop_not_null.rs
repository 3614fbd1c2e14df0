//! The `DROP_NOT_NULL` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_NOT_NULL: HazardKind = HazardKind {
    code: "DROP_NOT_NULL",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the table (brief; no scan)",
    summary: "Dropping NOT NULL lets the column hold NULL.",
    why: "Code that reads the column and assumes a value is always there breaks on the first NULL written by new code.",
    alternative: "Make every reader handle NULL first, then drop the constraint in a later release.",
};

//! The `ADD_COLUMN_NOT_NULL_NO_DEFAULT` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_COLUMN_NOT_NULL_NO_DEFAULT: HazardKind = HazardKind {
    code: "ADD_COLUMN_NOT_NULL_NO_DEFAULT",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table (brief; the statement fails at once on a non-empty table)",
    summary: "Adding a NOT NULL column without a default fails on a non-empty table.",
    why: "Existing rows would get NULL in the new column, which the constraint forbids.",
    alternative: "Add the column with a default, or add it nullable, backfill it, then set NOT NULL.",
};

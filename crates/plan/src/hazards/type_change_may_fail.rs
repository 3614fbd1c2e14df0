//! The `TYPE_CHANGE_MAY_FAIL` hazard.

use super::HazardKind;
use crate::Category;

pub const TYPE_CHANGE_MAY_FAIL: HazardKind = HazardKind {
    code: "TYPE_CHANGE_MAY_FAIL",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table while every value is converted",
    summary: "Existing values may not convert to the new type.",
    why: "A single value that cannot be cast (or no longer fits) aborts the migration.",
    alternative: "Check existing data with a query using the same cast first, or convert in a new column.",
};

//! The `ADD_CHECK` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_CHECK: HazardKind = HazardKind {
    code: "ADD_CHECK",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table while every row is checked",
    summary: "Adding a check constraint fails if any existing row violates it.",
    why: "Validation scans the whole table under an ACCESS EXCLUSIVE lock.",
    alternative: "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate step.",
};

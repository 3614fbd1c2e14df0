//! The `ADD_FOREIGN_KEY` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_FOREIGN_KEY: HazardKind = HazardKind {
    code: "ADD_FOREIGN_KEY",
    category: Category::Locking,
    lock: "SHARE ROW EXCLUSIVE on the table and the referenced table while every row is checked",
    summary: "Adding a foreign key checks every existing row and blocks writes on both tables meanwhile.",
    why: "Validation takes a SHARE ROW EXCLUSIVE lock on both tables and fails if any row has no match.",
    alternative: "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate step (a lighter lock).",
};

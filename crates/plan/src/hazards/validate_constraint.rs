//! The `VALIDATE_CONSTRAINT` hazard.

use super::HazardKind;
use crate::Category;

pub const VALIDATE_CONSTRAINT: HazardKind = HazardKind {
    code: "VALIDATE_CONSTRAINT",
    category: Category::MayFail,
    lock: "SHARE UPDATE EXCLUSIVE on the table (ROW SHARE on a referenced table) during a full scan; reads and writes go on",
    summary: "Validating a constraint checks every existing row and fails if one violates it.",
    why: "The step scans the whole table; a row that breaks the constraint stops the migration, leaving the constraint NOT VALID (a re-run validates it again).",
    alternative: "Find and fix violating rows before applying; the scan itself does not block writers.",
};

//! The `SET_NOT_NULL` hazard.

use super::HazardKind;
use crate::Category;

pub const SET_NOT_NULL: HazardKind = HazardKind {
    code: "SET_NOT_NULL",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table during a full scan",
    summary: "Setting NOT NULL fails if any row holds NULL, and scans the whole table.",
    why: "The full-table scan runs under an ACCESS EXCLUSIVE lock, blocking reads and writes.",
    alternative: "Add a CHECK (col IS NOT NULL) NOT VALID constraint, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan).",
};

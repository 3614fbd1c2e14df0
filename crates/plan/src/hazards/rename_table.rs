//! The `RENAME_TABLE` hazard.

use super::HazardKind;
use crate::Category;

pub const RENAME_TABLE: HazardKind = HazardKind {
    code: "RENAME_TABLE",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Renaming a table breaks every query that uses the old name.",
    why: "Application code, views and functions that name the table fail as soon as the rename commits; running old and new code side by side is impossible.",
    alternative: "Create a view under the old name (or the new one) during the transition, switch code over, then drop the view.",
};

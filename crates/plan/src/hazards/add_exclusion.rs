//! The `ADD_EXCLUSION` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_EXCLUSION: HazardKind = HazardKind {
    code: "ADD_EXCLUSION",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table while its index is built",
    summary: "Adding an exclusion constraint fails if existing rows conflict, and blocks the table while its index is built.",
    why: "PostgreSQL builds the constraint's index and checks every row under an ACCESS EXCLUSIVE lock; there is no concurrent or NOT VALID form.",
    alternative: "Find and fix conflicting rows first, and add the constraint in a maintenance window or while the table is small.",
};

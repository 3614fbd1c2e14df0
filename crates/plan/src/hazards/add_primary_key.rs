//! The `ADD_PRIMARY_KEY` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_PRIMARY_KEY: HazardKind = HazardKind {
    code: "ADD_PRIMARY_KEY",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the table while the unique index is built",
    summary: "Adding a primary key builds a unique index and fails on duplicates or NULLs.",
    why: "The index build holds an ACCESS EXCLUSIVE lock on the table for its whole duration.",
    alternative: "Build a unique index CONCURRENTLY first, then ADD CONSTRAINT … PRIMARY KEY USING INDEX.",
};

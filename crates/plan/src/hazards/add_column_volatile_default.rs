//! The `ADD_COLUMN_VOLATILE_DEFAULT` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_COLUMN_VOLATILE_DEFAULT: HazardKind = HazardKind {
    code: "ADD_COLUMN_VOLATILE_DEFAULT",
    category: Category::Rewrite,
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite",
    summary: "Adding a column whose default is volatile computes a value for every row, rewriting the table.",
    why: "Only a constant default is stored in the catalog; a volatile one (random(), clock_timestamp(), gen_random_uuid(), …) is evaluated per row under ACCESS EXCLUSIVE.",
    alternative: "Add the column without a default, set the default afterwards, and backfill existing rows in batches.",
};

//! The `BACKFILL_REQUIRED` hazard.

use super::HazardKind;
use crate::Category;

pub const BACKFILL_REQUIRED: HazardKind = HazardKind {
    code: "BACKFILL_REQUIRED",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the table, briefly (no rewrite)",
    summary: "The column is added without its volatile default, which is set afterwards: existing rows hold NULL until they are backfilled.",
    why: "Adding a column with a volatile default (random(), clock_timestamp(), gen_random_uuid(), …) rewrites the whole table under an ACCESS EXCLUSIVE lock; the online plan avoids the rewrite, so only new rows get the default.",
    alternative: "Backfill existing rows in batches (UPDATE … SET col = DEFAULT WHERE col IS NULL AND id BETWEEN …), or plan with --no-online to rewrite the table.",
};

//! The `INDEX_BUILD_BLOCKING` hazard.

use super::HazardKind;
use crate::Category;

pub const INDEX_BUILD_BLOCKING: HazardKind = HazardKind {
    code: "INDEX_BUILD_BLOCKING",
    category: Category::Locking,
    lock: "SHARE on the table for the whole build (reads go on, writes wait)",
    summary: "Creating an index without CONCURRENTLY blocks writes to the table until it is built.",
    why: "The SHARE lock stops INSERT, UPDATE and DELETE for the whole build, which can take long on a big table.",
    alternative: "Use CREATE INDEX CONCURRENTLY outside a transaction.",
};

//! The `TEXT_SEARCH_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const TEXT_SEARCH_CHANGE: HazardKind = HazardKind {
    code: "TEXT_SEARCH_CHANGE",
    category: Category::BackwardIncompatible,
    lock: "none on tables; the change applies to every session at once",
    summary: "Changing a text search configuration or dictionary changes what `to_tsvector` and `to_tsquery` produce with it.",
    why: "`tsvector` values already stored and indexes over `to_tsvector(…)` expressions were computed with the old mappings or options and are not recomputed: searches then miss rows or find different ones until they are, and the running application sees the new behavior at once.",
    alternative: "Create a configuration under a new name, recompute the stored vectors and build new indexes with it, switch the application over, then drop the old one; or follow the change with `REINDEX` and an `UPDATE` of the stored vectors.",
};

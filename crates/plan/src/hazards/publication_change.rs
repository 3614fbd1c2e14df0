//! The `PUBLICATION_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const PUBLICATION_CHANGE: HazardKind = HazardKind {
    code: "PUBLICATION_CHANGE",
    category: Category::BackwardIncompatible,
    lock: "SHARE UPDATE EXCLUSIVE on the publication's tables, briefly",
    summary: "Dropping a publication or publishing less from it changes what its subscribers receive.",
    why: "Logical replication subscribers and change-data-capture consumers stop receiving the rows, columns or actions no longer published (a dropped publication breaks their replication slots), and do not learn about it: their copies silently drift from the source.",
    alternative: "Change the subscribers first (`ALTER SUBSCRIPTION … REFRESH PUBLICATION`, or move consumers to a new publication), then narrow or drop the old publication.",
};

//! The `PARTITION_BOUND_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const PARTITION_BOUND_CHANGE: HazardKind = HazardKind {
    code: "PARTITION_BOUND_CHANGE",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on the parent while detaching; SHARE UPDATE EXCLUSIVE while attaching, with a scan of the partition",
    summary: "A partition with a new bound is detached and attached again, which scans it and fails if any row falls outside.",
    why: "While detached, its rows are invisible through the parent; attaching checks every row, and a DEFAULT partition is scanned for rows that now belong to it.",
    alternative: "Add a CHECK constraint matching the new bound first (it lets ATTACH skip the scan), and move rows that fall outside before the change.",
};

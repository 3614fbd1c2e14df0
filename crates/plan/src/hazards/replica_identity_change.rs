//! The `REPLICA_IDENTITY_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const REPLICA_IDENTITY_CHANGE: HazardKind = HazardKind {
    code: "REPLICA_IDENTITY_CHANGE",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Changing the replica identity changes what logical replication records for updates and deletes.",
    why: "Subscribers and change-data-capture consumers may stop receiving the old row values they rely on, or fail to apply updates and deletes (REPLICA IDENTITY NOTHING).",
    alternative: "Coordinate with the consumers of the table's changes before switching, and prefer FULL or a unique index over NOTHING.",
};

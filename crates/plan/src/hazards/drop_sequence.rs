//! The `DROP_SEQUENCE` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_SEQUENCE: HazardKind = HazardKind {
    code: "DROP_SEQUENCE",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the sequence (brief)",
    summary: "Dropping a sequence loses its current value.",
    why: "Recreating it later restarts numbering and may hand out identifiers already in use.",
    alternative: "Make sure no default or code still calls nextval on it before dropping it.",
};

//! The `DROP_TYPE` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_TYPE: HazardKind = HazardKind {
    code: "DROP_TYPE",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the type (brief)",
    summary: "Dropping a type removes it for good.",
    why: "Anything still using the type stops working; its definition must be recreated by hand.",
    alternative: "Move every column and function off the type first, then drop it.",
};

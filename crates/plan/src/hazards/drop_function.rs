//! The `DROP_FUNCTION` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_FUNCTION: HazardKind = HazardKind {
    code: "DROP_FUNCTION",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the function (brief)",
    summary: "Dropping a function or procedure breaks every caller still using it.",
    why: "The running version of the application, other services, triggers created by hand \
          and scheduled jobs may still call it; their calls fail until it is back.",
    alternative: "Deploy the application version that no longer calls it first, then drop it \
                  in a later migration.",
};

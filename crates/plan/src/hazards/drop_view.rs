//! The `DROP_VIEW` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_VIEW: HazardKind = HazardKind {
    code: "DROP_VIEW",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the view (brief)",
    summary: "Dropping a view or materialized view breaks every query that reads it.",
    why: "A view holds no data of its own, but the running version of the application, reports and other services still select from it and fail until it is back; a materialized view's rows are gone until it is created and refreshed again, which runs its whole query. A view dropped and created again in the same plan (around a change of what it reads) is not flagged.",
    alternative: "Deploy the code that no longer reads the view first, then drop it in a later migration.",
};

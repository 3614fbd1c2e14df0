//! The `ADD_UNIQUE_MAY_FAIL` hazard.

use super::HazardKind;
use crate::Category;

pub const ADD_UNIQUE_MAY_FAIL: HazardKind = HazardKind {
    code: "ADD_UNIQUE_MAY_FAIL",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE (constraint) or SHARE (index) on the table while the index is built",
    summary: "Adding a unique constraint or index fails if existing rows hold duplicates.",
    why: "The index build also blocks writes to the table while it runs.",
    alternative: "Check for duplicates first; build the unique index CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX.",
};

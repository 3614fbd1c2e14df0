//! The `RENAME_ENUM_VALUE` hazard.

use super::HazardKind;
use crate::Category;

pub const RENAME_ENUM_VALUE: HazardKind = HazardKind {
    code: "RENAME_ENUM_VALUE",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the type (brief)",
    summary: "Renaming an enum value breaks every query that writes or compares the old label.",
    why: "Stored rows, defaults, checks and views follow the rename, but code still sending the old label gets `invalid input value for enum` as soon as the rename commits, so a rolling deploy breaks.",
    alternative: "Add the new value, deploy code that writes it and accepts both, update the rows, then remove the old value in a later migration.",
};

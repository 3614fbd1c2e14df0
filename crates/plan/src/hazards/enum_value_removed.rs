//! The `ENUM_VALUE_REMOVED` hazard.

use super::HazardKind;
use crate::Category;

pub const ENUM_VALUE_REMOVED: HazardKind = HazardKind {
    code: "ENUM_VALUE_REMOVED",
    category: Category::MayFail,
    lock: "ACCESS EXCLUSIVE on every table with a column of the type, for the rewrite",
    summary: "Enum values are removed or reordered: the type is rebuilt and every column using it is converted.",
    why: "Rows holding a removed value make the conversion fail, and each converted table is rewritten under an ACCESS EXCLUSIVE lock.",
    alternative: "Update rows that hold removed values first; only add values (ALTER TYPE … ADD VALUE) when possible.",
};

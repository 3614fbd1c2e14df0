//! The `DROP_COLUMN` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_COLUMN: HazardKind = HazardKind {
    code: "DROP_COLUMN",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Dropping a column deletes its values in every row.",
    why: "The values cannot be recovered without a backup, and code still selecting the column fails.",
    alternative: "Stop reading and writing the column in code first, then drop it in a later release.",
};

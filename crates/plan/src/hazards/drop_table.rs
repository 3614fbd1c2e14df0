//! The `DROP_TABLE` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_TABLE: HazardKind = HazardKind {
    code: "DROP_TABLE",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Dropping a table deletes all of its rows.",
    why: "The rows cannot be recovered without a backup, and code still reading the table fails.",
    alternative: "Stop using the table in code first, keep a backup or rename it aside, and drop it in a later release.",
};

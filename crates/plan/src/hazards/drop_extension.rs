//! The `DROP_EXTENSION` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_EXTENSION: HazardKind = HazardKind {
    code: "DROP_EXTENSION",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on each object of the extension (brief)",
    summary: "Dropping an extension removes every type, function, operator and table it installed.",
    why: "Code calling its functions or using its types fails, and the rows of its own configuration tables (scheduled jobs, spatial reference systems, partition settings, …) are lost with it.",
    alternative: "Move every column, index and function off the extension's objects and deploy code that no longer uses them first; back up its configuration tables; then drop it.",
};

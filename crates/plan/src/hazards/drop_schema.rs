//! The `DROP_SCHEMA` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_SCHEMA: HazardKind = HazardKind {
    code: "DROP_SCHEMA",
    category: Category::DataLoss,
    lock: "ACCESS EXCLUSIVE on the schema's objects (brief)",
    summary: "Dropping a schema removes it for good; anything still in it is gone.",
    why: "Every object in the schema and every privilege granted on it is lost.",
    alternative: "Drop the objects first in earlier releases, keep a backup, and drop the schema once nothing uses it.",
};

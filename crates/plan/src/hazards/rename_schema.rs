//! The `RENAME_SCHEMA` hazard.

use super::HazardKind;
use crate::Category;

pub const RENAME_SCHEMA: HazardKind = HazardKind {
    code: "RENAME_SCHEMA",
    category: Category::BackwardIncompatible,
    lock: "ACCESS EXCLUSIVE on the schema object (brief; it waits for DDL creating objects in the schema, not for queries on its tables)",
    summary: "Renaming a schema breaks every query, search_path and function body that names the old schema.",
    why: "Application code that qualifies names with the old schema, roles and functions whose search_path lists it, and routine bodies kept as text (`AS $$…$$`) that name it fail as soon as the rename commits; PostgreSQL rewrites only what it stores parsed (views, defaults, constraints, SQL-standard bodies).",
    alternative: "Create the new schema and move objects into it with `ALTER … SET SCHEMA` while code reads both, or rename during a deploy that switches every client, search_path and routine body at once.",
};

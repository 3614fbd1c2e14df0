//! The `POLICY_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const POLICY_CHANGE: HazardKind = HazardKind {
    code: "POLICY_CHANGE",
    category: Category::Authz,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "A policy on an existing table is added or changed, which changes who can see or change which rows.",
    why: "Permissive policies widen access, restrictive ones narrow it; a mistake exposes or hides rows in production at once.",
    alternative: "Review the policy's roles and expressions against each role the application uses, and test them on a copy.",
};

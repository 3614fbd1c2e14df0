//! The `DISABLE_ROW_SECURITY` hazard.

use super::HazardKind;
use crate::Category;

pub const DISABLE_ROW_SECURITY: HazardKind = HazardKind {
    code: "DISABLE_ROW_SECURITY",
    category: Category::Authz,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Disabling row-level security makes every row visible to anyone with table privileges.",
    why: "Tenants or users separated by policies can read and change each other's rows from the moment it runs.",
    alternative: "Keep row-level security on and change the policies instead; disable it only for a table that no longer needs separation.",
};

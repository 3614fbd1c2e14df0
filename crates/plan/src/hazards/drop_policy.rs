//! The `DROP_POLICY` hazard.

use super::HazardKind;
use crate::Category;

pub const DROP_POLICY: HazardKind = HazardKind {
    code: "DROP_POLICY",
    category: Category::Authz,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Dropping a policy changes who can see or change which rows.",
    why: "A dropped permissive policy takes access away from the roles it admitted; a dropped restrictive one widens access for everyone.",
    alternative: "Create the replacement policy first, then drop the old one, and review the effect on each role.",
};

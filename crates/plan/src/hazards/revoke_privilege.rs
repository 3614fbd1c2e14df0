//! The `REVOKE_PRIVILEGE` hazard.

use super::HazardKind;
use crate::Category;

pub const REVOKE_PRIVILEGE: HazardKind = HazardKind {
    code: "REVOKE_PRIVILEGE",
    category: Category::Authz,
    lock: "none beyond a brief lock on the object's catalog row",
    summary: "Revoking a privilege takes access away from a role.",
    why: "The running application, reports or other services using that role fail with permission errors from the moment it runs.",
    alternative: "Check which clients use the role first; revoke after they no longer need the access.",
};

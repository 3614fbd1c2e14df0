//! The `ENABLE_ROW_SECURITY` hazard.

use super::HazardKind;
use crate::Category;

pub const ENABLE_ROW_SECURITY: HazardKind = HazardKind {
    code: "ENABLE_ROW_SECURITY",
    category: Category::Authz,
    lock: "ACCESS EXCLUSIVE on the table (brief)",
    summary: "Enabling row-level security hides every row no policy admits.",
    why: "Roles that read or write the table without a matching policy (the running application, reports, jobs) suddenly see no rows and cannot write; only the owner and superusers are exempt unless it is forced.",
    alternative: "Create and test the policies first, check that every role the application uses is admitted, then enable it.",
};

//! The `EXTENSION_VERSION_CHANGE` hazard.

use super::HazardKind;
use crate::Category;

pub const EXTENSION_VERSION_CHANGE: HazardKind = HazardKind {
    code: "EXTENSION_VERSION_CHANGE",
    category: Category::MayFail,
    lock: "whatever the extension's update scripts take, often ACCESS EXCLUSIVE on its objects",
    summary: "Updating an extension to another version runs its update scripts.",
    why: "The update fails when the server has no script path between the two versions (downgrades usually have none, and the new version's files must be installed on the server); the scripts may redefine functions and types the application relies on, and may lock or rewrite the objects that use them.",
    alternative: "Check `pg_available_extension_versions` and the extension's release notes, try the update on a copy of the database, and run it in a quiet period of its own.",
};

//! Privileges (`GRANT`/`REVOKE`) on schemas, tables and views, columns, sequences and
//! routines: one [`Grant`] per object, grantee and privilege. What the object's owner holds
//! is not recorded (owners differ between environments), and neither is `MAINTAIN`, which
//! only some server versions have. Defaults count as granted: a new routine is executable by
//! `PUBLIC` until that is revoked, exactly as in the catalog. Privileges are compared only
//! when a run opts in (`--with-privileges`), since roles differ between environments.

use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Grant {
    pub target: GrantTarget,
    /// A role name, or `public`.
    pub grantee: String,
    /// `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`, `REFERENCES`, `TRIGGER`, `USAGE`,
    /// `CREATE`, `EXECUTE`.
    pub privilege: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub with_grant_option: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantTarget {
    Schema(String),
    /// A table, view or materialized view.
    Relation(QualifiedName),
    Column(QualifiedName, String),
    Sequence(QualifiedName),
    /// A function or procedure, by signature.
    Function(String),
}

impl Grant {
    /// The grant without its grant option: what identifies it.
    pub fn identity(&self) -> (&GrantTarget, &str, &str) {
        (&self.target, &self.grantee, &self.privilege)
    }
}

/// The privileges `ALL` stands for on an object kind (without `MAINTAIN`).
pub fn all_privileges(target: &GrantTarget) -> &'static [&'static str] {
    match target {
        GrantTarget::Schema(_) => &["CREATE", "USAGE"],
        GrantTarget::Relation(_) => &[
            "DELETE",
            "INSERT",
            "REFERENCES",
            "SELECT",
            "TRIGGER",
            "TRUNCATE",
            "UPDATE",
        ],
        GrantTarget::Column(..) => &["INSERT", "REFERENCES", "SELECT", "UPDATE"],
        GrantTarget::Sequence(_) => &["SELECT", "UPDATE", "USAGE"],
        GrantTarget::Function(_) => &["EXECUTE"],
    }
}

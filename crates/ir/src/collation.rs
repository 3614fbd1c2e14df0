//! Collations (`CREATE COLLATION`). A libc collation is its `LC_COLLATE` and `LC_CTYPE`;
//! an ICU or builtin one is its locale (and ICU tailoring rules). `LOCALE = 'x'` of a libc
//! collation sets both categories, so it is stored as them.

use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collation {
    pub name: QualifiedName,
    pub provider: CollationProvider,
    /// The ICU or builtin locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lc_collate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lc_ctype: Option<String>,
    pub deterministic: bool,
    /// ICU tailoring rules (PostgreSQL 16 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollationProvider {
    Libc,
    Icu,
    Builtin,
}

impl CollationProvider {
    /// The provider named in SQL or by `pg_collation.collprovider` (`c`, `i`, `b`).
    pub fn parse(name: &str) -> Option<CollationProvider> {
        match name.to_ascii_lowercase().as_str() {
            "libc" | "c" => Some(CollationProvider::Libc),
            "icu" | "i" => Some(CollationProvider::Icu),
            "builtin" | "b" => Some(CollationProvider::Builtin),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            CollationProvider::Libc => "libc",
            CollationProvider::Icu => "icu",
            CollationProvider::Builtin => "builtin",
        }
    }
}

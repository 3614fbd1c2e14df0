//! Extensions (`CREATE EXTENSION`). An extension is named database-wide and installed into
//! one schema; the objects it creates are never managed one by one. The version is compared
//! only when both sides state one: a file that does not pin a version accepts whatever the
//! database has installed.

use serde::{Deserialize, Serialize};

/// An installed (or wanted) extension.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub name: String,
    /// The schema the extension's objects live in.
    pub schema: String,
    /// The pinned version (`VERSION '1.6'`), or `None` for "whatever is installed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl PartialEq for Extension {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.schema == other.schema
            && match (&self.version, &other.version) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

impl Extension {
    /// The types a well-known extension creates in its schema, so that a column of such a
    /// type written without a schema resolves to the extension's schema, and the planner
    /// creates the extension before the tables using them.
    pub fn known_types(name: &str) -> &'static [&'static str] {
        match name {
            "citext" => &["citext"],
            "hstore" => &["hstore"],
            "ltree" => &["ltree", "lquery", "ltxtquery"],
            "cube" => &["cube"],
            "earthdistance" => &["earth"],
            "seg" => &["seg"],
            "isn" => &[
                "ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc",
            ],
            "pg_trgm" => &["gtrgm"],
            "intarray" => &["intbig_gkey", "query_int"],
            "lo" => &["lo"],
            "vector" => &["vector", "halfvec", "sparsevec"],
            "postgis" => &["geometry", "geography", "box2d", "box3d"],
            _ => &[],
        }
    }

    /// The text search dictionaries a well-known extension creates in its schema.
    pub fn known_dictionaries(name: &str) -> &'static [&'static str] {
        match name {
            "unaccent" => &["unaccent"],
            "dict_int" => &["intdict"],
            "dict_xsyn" => &["xsyn"],
            _ => &[],
        }
    }

    /// The text search templates a well-known extension creates in its schema.
    pub fn known_templates(name: &str) -> &'static [&'static str] {
        match name {
            "unaccent" => &["unaccent"],
            "dict_int" => &["intdict_template"],
            "dict_xsyn" => &["xsyn_template"],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(version: Option<&str>) -> Extension {
        Extension {
            name: "citext".into(),
            schema: "public".into(),
            version: version.map(str::to_string),
        }
    }

    #[test]
    fn an_unpinned_version_matches_any_installed_one() {
        assert_eq!(ext(None), ext(Some("1.6")));
        assert_eq!(ext(Some("1.6")), ext(Some("1.6")));
        assert_ne!(ext(Some("1.5")), ext(Some("1.6")));
        let mut other = ext(None);
        other.schema = "ext".into();
        assert_ne!(ext(None), other);
    }
}

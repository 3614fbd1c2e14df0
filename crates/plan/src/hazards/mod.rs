//! Hazard codes: one file per code, each with its category, a summary, why the step is
//! risky and the safer alternative. `ALL` lists every code (the source of `docs/hazards.md`).

mod add_check;
mod add_column_generated;
mod add_column_identity;
mod add_column_not_null_no_default;
mod add_column_volatile_default;
mod add_exclusion;
mod add_foreign_key;
mod add_primary_key;
mod add_unique_may_fail;
mod backfill_required;
mod disable_row_security;
mod drop_column;
mod drop_extension;
mod drop_function;
mod drop_index;
mod drop_not_null;
mod drop_policy;
mod drop_schema;
mod drop_sequence;
mod drop_table;
mod drop_type;
mod drop_view;
mod enable_row_security;
mod enum_value_removed;
mod extension_version_change;
mod index_build_blocking;
mod partition_bound_change;
mod partition_key_change;
mod policy_change;
mod publication_change;
mod rename_column;
mod rename_enum_value;
mod rename_schema;
mod rename_table;
mod replica_identity_change;
mod revoke_privilege;
mod set_not_null;
mod table_persistence_change;
mod text_search_change;
mod type_change_may_fail;
mod type_change_rewrite;
mod validate_constraint;

pub use add_check::ADD_CHECK;
pub use add_column_generated::ADD_COLUMN_GENERATED;
pub use add_column_identity::ADD_COLUMN_IDENTITY;
pub use add_column_not_null_no_default::ADD_COLUMN_NOT_NULL_NO_DEFAULT;
pub use add_column_volatile_default::ADD_COLUMN_VOLATILE_DEFAULT;
pub use add_exclusion::ADD_EXCLUSION;
pub use add_foreign_key::ADD_FOREIGN_KEY;
pub use add_primary_key::ADD_PRIMARY_KEY;
pub use add_unique_may_fail::ADD_UNIQUE_MAY_FAIL;
pub use backfill_required::BACKFILL_REQUIRED;
pub use disable_row_security::DISABLE_ROW_SECURITY;
pub use drop_column::DROP_COLUMN;
pub use drop_extension::DROP_EXTENSION;
pub use drop_function::DROP_FUNCTION;
pub use drop_index::DROP_INDEX;
pub use drop_not_null::DROP_NOT_NULL;
pub use drop_policy::DROP_POLICY;
pub use drop_schema::DROP_SCHEMA;
pub use drop_sequence::DROP_SEQUENCE;
pub use drop_table::DROP_TABLE;
pub use drop_type::DROP_TYPE;
pub use drop_view::DROP_VIEW;
pub use enable_row_security::ENABLE_ROW_SECURITY;
pub use enum_value_removed::ENUM_VALUE_REMOVED;
pub use extension_version_change::EXTENSION_VERSION_CHANGE;
pub use index_build_blocking::INDEX_BUILD_BLOCKING;
pub use partition_bound_change::PARTITION_BOUND_CHANGE;
pub use partition_key_change::PARTITION_KEY_CHANGE;
pub use policy_change::POLICY_CHANGE;
pub use publication_change::PUBLICATION_CHANGE;
pub use rename_column::RENAME_COLUMN;
pub use rename_enum_value::RENAME_ENUM_VALUE;
pub use rename_schema::RENAME_SCHEMA;
pub use rename_table::RENAME_TABLE;
pub use replica_identity_change::REPLICA_IDENTITY_CHANGE;
pub use revoke_privilege::REVOKE_PRIVILEGE;
pub use set_not_null::SET_NOT_NULL;
pub use table_persistence_change::TABLE_PERSISTENCE_CHANGE;
pub use text_search_change::TEXT_SEARCH_CHANGE;
pub use type_change_may_fail::TYPE_CHANGE_MAY_FAIL;
pub use type_change_rewrite::TYPE_CHANGE_REWRITE;
pub use validate_constraint::VALIDATE_CONSTRAINT;

use crate::{Category, Hazard};

/// A kind of hazard: the stable code and its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HazardKind {
    pub code: &'static str,
    pub category: Category,
    /// The PostgreSQL lock the step takes, and for how long.
    pub lock: &'static str,
    /// What happens, in one sentence.
    pub summary: &'static str,
    /// Why it is risky.
    pub why: &'static str,
    /// The safer way to reach the same schema.
    pub alternative: &'static str,
}

impl HazardKind {
    /// A hazard of this kind about a particular object.
    pub fn at(&self, object: &str) -> Hazard {
        Hazard {
            code: self.code,
            category: self.category,
            message: format!("{}: {}", object, self.summary),
        }
    }

    /// A hazard of this kind with a specific message.
    pub fn with_message(&self, message: String) -> Hazard {
        Hazard {
            code: self.code,
            category: self.category,
            message,
        }
    }
}

/// Every hazard kind, by code.
pub const ALL: &[HazardKind] = &[
    DROP_SCHEMA,
    DROP_TABLE,
    DROP_COLUMN,
    DROP_SEQUENCE,
    DROP_TYPE,
    DROP_FUNCTION,
    DROP_VIEW,
    DROP_EXTENSION,
    RENAME_SCHEMA,
    RENAME_TABLE,
    RENAME_COLUMN,
    RENAME_ENUM_VALUE,
    ENUM_VALUE_REMOVED,
    EXTENSION_VERSION_CHANGE,
    TEXT_SEARCH_CHANGE,
    TYPE_CHANGE_REWRITE,
    TYPE_CHANGE_MAY_FAIL,
    SET_NOT_NULL,
    DROP_NOT_NULL,
    ADD_COLUMN_NOT_NULL_NO_DEFAULT,
    ADD_COLUMN_VOLATILE_DEFAULT,
    BACKFILL_REQUIRED,
    ADD_COLUMN_IDENTITY,
    ADD_COLUMN_GENERATED,
    ADD_PRIMARY_KEY,
    ADD_UNIQUE_MAY_FAIL,
    ADD_FOREIGN_KEY,
    ADD_CHECK,
    ADD_EXCLUSION,
    VALIDATE_CONSTRAINT,
    INDEX_BUILD_BLOCKING,
    DROP_INDEX,
    TABLE_PERSISTENCE_CHANGE,
    PARTITION_KEY_CHANGE,
    PARTITION_BOUND_CHANGE,
    REPLICA_IDENTITY_CHANGE,
    ENABLE_ROW_SECURITY,
    DISABLE_ROW_SECURITY,
    POLICY_CHANGE,
    DROP_POLICY,
    PUBLICATION_CHANGE,
    REVOKE_PRIVILEGE,
];

/// `docs/hazards.md`: every code of [`ALL`] with its category, lock, risk and alternative.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Hazard codes\n\n\
         Every risky step of a plan carries one or more hazards. Each has a stable code and a \
         category; `schema lint` and `schema apply` deny or allow hazards by code or category \
         (`--deny data-loss`, `--allow DROP_COLUMN`, or `[lint]` in `schema.toml`).\n\n\
         This file is generated from the hazard catalog of `crates/plan/src/hazards/`; \
         regenerate it with `UPDATE_DOCS=1 cargo test -p schema-plan hazards_doc`.\n\n\
         | code | category | summary |\n|---|---|---|\n",
    );
    for k in ALL {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} |\n",
            k.code,
            k.code.to_ascii_lowercase(),
            k.category,
            k.summary
        ));
    }
    for k in ALL {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n- **Category:** {}\n- **Lock:** {}\n- **Why it is risky:** {}\n- **Safe alternative:** {}\n",
            k.code, k.summary, k.category, k.lock, k.why, k.alternative
        ));
    }
    out
}

/// The kind of a hazard code, if it is one.
pub fn kind(code: &str) -> Option<&'static HazardKind> {
    ALL.iter().find(|k| k.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazards_doc() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/hazards.md");
        let rendered = reference_markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &rendered).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == rendered,
            "docs/hazards.md is out of date; regenerate it with \
             `UPDATE_DOCS=1 cargo test -p schema-plan hazards_doc`"
        );
    }

    #[test]
    fn every_kind_is_documented() {
        for k in ALL {
            for text in [k.summary, k.why, k.alternative, k.lock] {
                assert!(!text.is_empty() && !text.contains('|'), "{}", k.code);
            }
        }
    }

    #[test]
    fn codes_are_unique_and_upper_snake_case() {
        let mut codes: Vec<&str> = ALL.iter().map(|k| k.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ALL.len());
        for code in codes {
            assert!(
                code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{code}"
            );
            assert_eq!(kind(code).map(|k| k.code), Some(code));
        }
    }
}

//! Extensions: `CREATE EXTENSION` early in a plan (before the types and tables that may use
//! what it installs), `DROP EXTENSION` late (after everything using it is gone), and
//! `ALTER EXTENSION … SET SCHEMA` / `UPDATE TO` for a moved or re-pinned extension. A drop is
//! `DROP_EXTENSION`, a version update `EXTENSION_VERSION_CHANGE`.

use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{Extension, QualifiedName, quote_ident, quote_literal};

/// The types, text search templates and dictionaries a well-known extension installs, as
/// resources.
fn types(e: &Extension) -> Vec<Resource> {
    let named = |n: &str| QualifiedName::new(e.schema.as_str(), n);
    let types = Extension::known_types(&e.name)
        .iter()
        .map(|t| Resource::Type(named(t)));
    let templates = Extension::known_templates(&e.name)
        .iter()
        .map(|t| Resource::TextSearchTemplate(named(t)));
    let dictionaries = Extension::known_dictionaries(&e.name)
        .iter()
        .map(|d| Resource::TextSearchDictionary(named(d)));
    types.chain(templates).chain(dictionaries).collect()
}

pub(crate) fn create_extension(e: &Extension) -> Vec<Planned> {
    let mut sql = format!(
        "CREATE EXTENSION {} WITH SCHEMA {}",
        quote_ident(&e.name),
        quote_ident(&e.schema)
    );
    if let Some(v) = &e.version {
        sql.push_str(&format!(" VERSION {}", quote_literal(v)));
    }
    vec![
        Planned::new(
            Phase::CreateExtension,
            "create_extension",
            quote_ident(&e.name),
            sql,
        )
        .requires([Resource::Namespace(e.schema.clone())])
        .provides(types(e)),
    ]
}

pub(crate) fn drop_extension(e: &Extension) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropExtension,
            "drop_extension",
            quote_ident(&e.name),
            format!("DROP EXTENSION {}", quote_ident(&e.name)),
        )
        .uses_old([Resource::Namespace(e.schema.clone())])
        .removes(types(e))
        .hazard(hazards::DROP_EXTENSION.at(&quote_ident(&e.name))),
    ]
}

pub(crate) fn alter_extension(from: &Extension, to: &Extension) -> Vec<Planned> {
    let mut out = Vec::new();
    if from.schema != to.schema {
        out.push(
            Planned::new(
                Phase::CreateExtension,
                "alter_extension",
                quote_ident(&to.name),
                format!(
                    "ALTER EXTENSION {} SET SCHEMA {}",
                    quote_ident(&to.name),
                    quote_ident(&to.schema)
                ),
            )
            .requires([Resource::Namespace(to.schema.clone())])
            .uses_old([Resource::Namespace(from.schema.clone())])
            .removes(types(from))
            .provides(types(to)),
        );
    }
    if let Some(version) = &to.version
        && from.version.as_ref() != Some(version)
    {
        let mut step = Planned::new(
            Phase::CreateExtension,
            "alter_extension",
            quote_ident(&to.name),
            format!(
                "ALTER EXTENSION {} UPDATE TO {}",
                quote_ident(&to.name),
                quote_literal(version)
            ),
        )
        .hazard(hazards::EXTENSION_VERSION_CHANGE.with_message(format!(
            "{}: {} to {}: {}",
            quote_ident(&to.name),
            from.version.as_deref().map_or_else(
                || "updated from the installed version".to_string(),
                |v| format!("updated from {v}")
            ),
            version,
            hazards::EXTENSION_VERSION_CHANGE.summary
        )));
        step.after_previous = true;
        out.push(step);
    }
    out
}

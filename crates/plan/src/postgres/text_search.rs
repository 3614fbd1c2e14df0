//! Text search dictionaries and configurations. Both are created early (with the types, so
//! before the routines and indexes whose text names them: a SQL body's
//! `to_tsvector('app.cfg', …)` is resolved when the routine is created) and dropped late. A
//! configuration is created with its parser and then one `ADD MAPPING` per set of token
//! types sharing a dictionary list; changed mappings and dictionary options are altered in
//! place and flagged `TEXT_SEARCH_CHANGE`.

use super::comment_step;
use crate::graph::{Phase, Planned, Resource};
use crate::hazards::{self, HazardKind};
use schema_diff::CommentTarget;
use schema_ir::{
    DEFAULT_PARSER_TOKENS, QualifiedName, TextSearchConfiguration, TextSearchDictionary,
    quote_ident, quote_literal,
};
use std::collections::BTreeMap;

fn hazard(kind: &HazardKind, object: &QualifiedName, what: &str) -> crate::model::Hazard {
    kind.with_message(format!("{object}: {what}: {}", kind.summary))
}

fn template_needs(d: &TextSearchDictionary) -> Vec<Resource> {
    vec![
        Resource::Namespace(d.name.schema.clone()),
        Resource::TextSearchTemplate(d.template.clone()),
    ]
}

pub(crate) fn create_dictionary(d: &TextSearchDictionary, ctx: &super::Context) -> Vec<Planned> {
    let mut options = vec![format!("TEMPLATE = {}", d.template)];
    options.extend(
        d.options
            .iter()
            .map(|(k, v)| format!("{} = {}", quote_ident(k), quote_literal(v))),
    );
    let mut out = vec![
        Planned::new(
            Phase::Type,
            "create_text_search_dictionary",
            d.name.to_string(),
            format!(
                "CREATE TEXT SEARCH DICTIONARY {} ({})",
                d.name,
                options.join(", ")
            ),
        )
        .requires(template_needs(d))
        .provides([Resource::TextSearchDictionary(d.name.clone())])
        .hazards(
            ctx.from
                .text_search_dictionaries
                .contains_key(&d.name)
                .then(|| hazard(&hazards::TEXT_SEARCH_CHANGE, &d.name, "created again")),
        ),
    ];
    if let Some(c) = &d.comment {
        out.push(comment_step(
            &CommentTarget::TextSearchDictionary {
                name: d.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_dictionary(d: &TextSearchDictionary) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_text_search_dictionary",
            d.name.to_string(),
            format!("DROP TEXT SEARCH DICTIONARY {}", d.name),
        )
        .uses_old(template_needs(d))
        .removes([Resource::TextSearchDictionary(d.name.clone())]),
    ]
}

pub(crate) fn alter_dictionary(
    from: &TextSearchDictionary,
    to: &TextSearchDictionary,
) -> Vec<Planned> {
    let mut options: Vec<String> = to
        .options
        .iter()
        .filter(|(k, v)| from.options.get(*k) != Some(*v))
        .map(|(k, v)| format!("{} = {}", quote_ident(k), quote_literal(v)))
        .collect();
    options.extend(
        from.options
            .keys()
            .filter(|k| !to.options.contains_key(*k))
            .map(|k| quote_ident(k)),
    );
    vec![
        Planned::new(
            Phase::Type,
            "alter_text_search_dictionary",
            to.name.to_string(),
            format!(
                "ALTER TEXT SEARCH DICTIONARY {} ({})",
                to.name,
                options.join(", ")
            ),
        )
        .requires([Resource::TextSearchDictionary(to.name.clone())])
        .hazard(hazard(
            &hazards::TEXT_SEARCH_CHANGE,
            &to.name,
            "options change",
        )),
    ]
}

/// Token types grouped by the dictionary list they map to, each group in token order.
fn groups<'a>(
    tokens: impl Iterator<Item = (&'a String, &'a Vec<QualifiedName>)>,
) -> Vec<(Vec<&'a str>, &'a [QualifiedName])> {
    let position = |t: &str| {
        DEFAULT_PARSER_TOKENS
            .iter()
            .position(|d| *d == t)
            .unwrap_or(DEFAULT_PARSER_TOKENS.len())
    };
    let mut by_list: BTreeMap<&[QualifiedName], Vec<&str>> = BTreeMap::new();
    for (token, dictionaries) in tokens {
        by_list
            .entry(dictionaries.as_slice())
            .or_default()
            .push(token.as_str());
    }
    let mut out: Vec<(Vec<&str>, &[QualifiedName])> = by_list
        .into_iter()
        .map(|(list, mut tokens)| {
            tokens.sort_by_key(|t| (position(t), *t));
            (tokens, list)
        })
        .collect();
    out.sort_by_key(|(tokens, _)| (position(tokens[0]), tokens[0]));
    out
}

fn token_list(tokens: &[&str]) -> String {
    tokens
        .iter()
        .map(|t| quote_ident(t))
        .collect::<Vec<_>>()
        .join(", ")
}

fn dictionary_list(dictionaries: &[QualifiedName]) -> String {
    dictionaries
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn dictionaries(c: &TextSearchConfiguration) -> impl Iterator<Item = Resource> + '_ {
    c.mappings
        .values()
        .flatten()
        .map(|d| Resource::TextSearchDictionary(d.clone()))
}

pub(crate) fn create_configuration(
    c: &TextSearchConfiguration,
    ctx: &super::Context,
) -> Vec<Planned> {
    let mut out = vec![
        Planned::new(
            Phase::Type,
            "create_text_search_configuration",
            c.name.to_string(),
            format!(
                "CREATE TEXT SEARCH CONFIGURATION {} (PARSER = {})",
                c.name, c.parser
            ),
        )
        .requires([Resource::Namespace(c.name.schema.clone())])
        .provides([Resource::TextSearchConfiguration(c.name.clone())])
        .hazards(
            ctx.from
                .text_search_configurations
                .contains_key(&c.name)
                .then(|| hazard(&hazards::TEXT_SEARCH_CHANGE, &c.name, "created again")),
        ),
    ];
    for (tokens, list) in groups(c.mappings.iter()) {
        out.push(
            Planned::new(
                Phase::Type,
                "add_text_search_mapping",
                c.name.to_string(),
                format!(
                    "ALTER TEXT SEARCH CONFIGURATION {} ADD MAPPING FOR {} WITH {}",
                    c.name,
                    token_list(&tokens),
                    dictionary_list(list)
                ),
            )
            .requires(list.iter().cloned().map(Resource::TextSearchDictionary))
            .after_previous(),
        );
    }
    if let Some(comment) = &c.comment {
        out.push(comment_step(
            &CommentTarget::TextSearchConfiguration {
                name: c.name.clone(),
            },
            Some(comment),
        ));
    }
    out
}

pub(crate) fn drop_configuration(c: &TextSearchConfiguration) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropType,
            "drop_text_search_configuration",
            c.name.to_string(),
            format!("DROP TEXT SEARCH CONFIGURATION {}", c.name),
        )
        .uses_old([Resource::Namespace(c.name.schema.clone())])
        .uses_old(dictionaries(c))
        .removes([Resource::TextSearchConfiguration(c.name.clone())]),
    ]
}

pub(crate) fn alter_mappings(
    from: &TextSearchConfiguration,
    to: &TextSearchConfiguration,
) -> Vec<Planned> {
    let name = &to.name;
    let mut out = Vec::new();
    let dropped: Vec<&str> = groups(
        from.mappings
            .iter()
            .filter(|(t, _)| !to.mappings.contains_key(*t)),
    )
    .into_iter()
    .flat_map(|(tokens, _)| tokens)
    .collect();
    if !dropped.is_empty() {
        out.push(
            Planned::new(
                Phase::Type,
                "drop_text_search_mapping",
                name.to_string(),
                format!(
                    "ALTER TEXT SEARCH CONFIGURATION {name} DROP MAPPING FOR {}",
                    token_list(&dropped)
                ),
            )
            .requires([Resource::TextSearchConfiguration(name.clone())])
            .uses_old(dictionaries(from)),
        );
    }
    let changed = groups(
        to.mappings
            .iter()
            .filter(|(t, d)| from.mappings.get(*t).is_some_and(|old| old != *d)),
    );
    let added = groups(
        to.mappings
            .iter()
            .filter(|(t, _)| !from.mappings.contains_key(*t)),
    );
    for (verb, groups) in [("ALTER", changed), ("ADD", added)] {
        for (tokens, list) in groups {
            out.push(
                Planned::new(
                    Phase::Type,
                    if verb == "ADD" {
                        "add_text_search_mapping"
                    } else {
                        "alter_text_search_mapping"
                    },
                    name.to_string(),
                    format!(
                        "ALTER TEXT SEARCH CONFIGURATION {name} {verb} MAPPING FOR {} WITH {}",
                        token_list(&tokens),
                        dictionary_list(list)
                    ),
                )
                .requires([Resource::TextSearchConfiguration(name.clone())])
                .requires(list.iter().cloned().map(Resource::TextSearchDictionary))
                .uses_old(dictionaries(from)),
            );
        }
    }
    for (i, step) in out.iter_mut().enumerate() {
        step.after_previous = i > 0;
    }
    if let Some(first) = out.first_mut() {
        first.step.hazards.push(hazard(
            &hazards::TEXT_SEARCH_CHANGE,
            name,
            "mappings change",
        ));
    }
    out
}

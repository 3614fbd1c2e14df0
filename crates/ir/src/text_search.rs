//! Text search configurations and dictionaries (`CREATE TEXT SEARCH CONFIGURATION`,
//! `CREATE TEXT SEARCH DICTIONARY`). A configuration is its parser and, per token type of
//! that parser, the dictionaries consulted in order; a dictionary is its template and its
//! options. Built-in parsers, templates and dictionaries live in `pg_catalog` and are named
//! with their schema like any other. Parsers and templates themselves (C code) are not
//! managed.

use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSearchConfiguration {
    pub name: QualifiedName,
    pub parser: QualifiedName,
    /// Token type (its alias, as `ts_token_type` names it) to the dictionaries consulted
    /// for it, in order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mappings: BTreeMap<String, Vec<QualifiedName>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSearchDictionary {
    pub name: QualifiedName,
    pub template: QualifiedName,
    /// Options by their lower-case name; values as PostgreSQL keeps them (text).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The token types of PostgreSQL's `default` parser, in token number order.
pub const DEFAULT_PARSER_TOKENS: [&str; 23] = [
    "asciiword",
    "word",
    "numword",
    "email",
    "url",
    "host",
    "sfloat",
    "version",
    "hword_numpart",
    "hword_part",
    "hword_asciipart",
    "blank",
    "tag",
    "protocol",
    "numhword",
    "asciihword",
    "hword",
    "url_path",
    "file",
    "float",
    "int",
    "uint",
    "entity",
];

/// The languages PostgreSQL creates a snowball dictionary (`<language>_stem`) and a
/// configuration (`<language>`) for, with the language whose stemmer its configuration uses
/// for all-ASCII words where that is another one.
const BUILT_IN_LANGUAGES: [(&str, Option<&str>); 28] = [
    ("arabic", None),
    ("armenian", None),
    ("basque", None),
    ("catalan", None),
    ("danish", None),
    ("dutch", None),
    ("english", None),
    ("finnish", None),
    ("french", None),
    ("german", None),
    ("greek", None),
    ("hindi", Some("english")),
    ("hungarian", None),
    ("indonesian", None),
    ("irish", None),
    ("italian", None),
    ("lithuanian", None),
    ("nepali", None),
    ("norwegian", None),
    ("portuguese", None),
    ("romanian", None),
    ("russian", Some("english")),
    ("serbian", None),
    ("spanish", None),
    ("swedish", None),
    ("tamil", None),
    ("turkish", None),
    ("yiddish", None),
];

/// Whether `name` is a dictionary every database has in `pg_catalog`.
pub fn is_built_in_dictionary(name: &str) -> bool {
    name == "simple"
        || name
            .strip_suffix("_stem")
            .is_some_and(|l| BUILT_IN_LANGUAGES.iter().any(|(b, _)| *b == l))
}

/// The mappings of a configuration every database has in `pg_catalog` (`simple` and one
/// per language), as `COPY =` copies them.
pub fn built_in_configuration(name: &str) -> Option<BTreeMap<String, Vec<QualifiedName>>> {
    let dictionary = |d: &str| vec![QualifiedName::new("pg_catalog", d)];
    let (word, ascii) = if name == "simple" {
        ("simple".to_string(), "simple".to_string())
    } else {
        let (_, ascii) = BUILT_IN_LANGUAGES.iter().find(|(l, _)| *l == name)?;
        (
            format!("{name}_stem"),
            format!("{}_stem", ascii.unwrap_or(name)),
        )
    };
    let mut out = BTreeMap::new();
    for token in DEFAULT_PARSER_TOKENS {
        let d = match token {
            "blank" | "tag" | "protocol" | "entity" => continue,
            "asciiword" | "asciihword" | "hword_asciipart" => dictionary(&ascii),
            "word" | "hword" | "hword_part" => dictionary(&word),
            _ => dictionary("simple"),
        };
        out.insert(token.to_string(), d);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_configurations_map_words_to_their_stemmer() {
        let russian = built_in_configuration("russian").unwrap();
        assert_eq!(russian.len(), 19);
        assert_eq!(russian["word"][0].name, "russian_stem");
        assert_eq!(russian["asciiword"][0].name, "english_stem");
        assert_eq!(russian["int"][0].name, "simple");
        assert!(built_in_configuration("klingon").is_none());
        assert!(is_built_in_dictionary("english_stem"));
        assert!(!is_built_in_dictionary("unaccent"));
    }
}

//! Names: identifiers, schema-qualified names, and the one quoting function that every
//! piece of generated SQL goes through. An identifier is quoted exactly when PostgreSQL
//! would not read it back unchanged: upper case, unusual characters, a leading digit, or a
//! keyword that cannot be used as a bare column name.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Keywords that PostgreSQL (13 to 18) does not accept as bare identifiers everywhere:
/// reserved, type/function-name and column-name keywords (`pg_get_keywords()` with
/// `catcode <> 'U'`).
const NON_BARE_KEYWORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "json",
    "json_array",
    "json_arrayagg",
    "json_exists",
    "json_object",
    "json_objectagg",
    "json_query",
    "json_scalar",
    "json_serialize",
    "json_table",
    "json_value",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "merge_action",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

/// Quotes an identifier for PostgreSQL when, and only when, it needs quoting.
pub fn quote_ident(ident: &str) -> String {
    if is_bare(ident) {
        ident.to_string()
    } else {
        format!("\"{}\"", ident.replace('"', "\"\""))
    }
}

/// Whether `ident` reads as itself unquoted.
fn is_bare(ident: &str) -> bool {
    ident
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && ident
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$')
        && NON_BARE_KEYWORDS.binary_search(&ident).is_err()
}

/// Writes `ident` as [`quote_ident`] prints it, without building the string first.
fn write_ident(f: &mut fmt::Formatter<'_>, ident: &str) -> fmt::Result {
    if is_bare(ident) {
        f.write_str(ident)
    } else {
        f.write_str(&quote_ident(ident))
    }
}

/// Quotes a string as a SQL literal (`'it''s'`), using the `E''` form when it holds a backslash.
pub fn quote_literal(text: &str) -> String {
    let body = text.replace('\'', "''");
    if text.contains('\\') {
        format!("E'{}'", body.replace('\\', "\\\\"))
    } else {
        format!("'{body}'")
    }
}

/// The dot-separated name at the start of `text` (`a."b.c".d`), its parts unquoted, and the
/// text after it. A part is bare or quoted with `"` or `'` (a doubled quote inside is one
/// quote); a bare part ends at whitespace, a dot, a quote or one of `stops`. `None` when a
/// part is empty or a quote is not closed.
pub fn split_name<'t>(text: &'t str, stops: &[char]) -> Option<(Vec<String>, &'t str)> {
    let mut parts = Vec::new();
    let mut chars = text.char_indices().peekable();
    loop {
        let mut part = String::new();
        match chars.peek().map(|(_, c)| *c) {
            Some(q @ ('"' | '\'')) => {
                chars.next();
                loop {
                    match chars.next()?.1 {
                        c if c == q && chars.next_if(|(_, n)| *n == q).is_some() => part.push(q),
                        c if c == q => break,
                        c => part.push(c),
                    }
                }
            }
            _ => {
                while let Some((_, c)) = chars.next_if(|(_, c)| {
                    !c.is_whitespace() && !matches!(c, '.' | '"' | '\'') && !stops.contains(c)
                }) {
                    part.push(c);
                }
            }
        }
        if part.is_empty() {
            return None;
        }
        parts.push(part);
        match chars.peek() {
            Some((_, '.')) => {
                chars.next();
            }
            Some((at, _)) => return Some((parts, &text[*at..])),
            None => return Some((parts, "")),
        }
    }
}

/// A schema-qualified object name such as `public.users`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifiedName {
    pub schema: String,
    pub name: String,
}

impl QualifiedName {
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> Self {
        QualifiedName {
            schema: schema.into(),
            name: name.into(),
        }
    }

    /// Parses the form printed by `Display`: `schema.name`, either part possibly double-quoted.
    pub fn parse(text: &str) -> Option<QualifiedName> {
        let parts = split_quoted(text, '.')?;
        match parts.as_slice() {
            [schema, name] => Some(QualifiedName::new(schema.clone(), name.clone())),
            _ => None,
        }
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ident(f, &self.schema)?;
        f.write_str(".")?;
        write_ident(f, &self.name)
    }
}

impl Serialize for QualifiedName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QualifiedName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        QualifiedName::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a qualified name: {text}")))
    }
}

/// Splits `a."b.c".d` on unquoted separators, unquoting each part (bare parts are taken as
/// written, since they were printed by `quote_ident`).
fn split_quoted(text: &str, separator: char) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted_part = false;
    while let Some(c) = chars.next() {
        if c == '"' {
            quoted_part = true;
            loop {
                match chars.next()? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        current.push('"');
                    }
                    '"' => break,
                    other => current.push(other),
                }
            }
        } else if c == separator {
            if current.is_empty() && !quoted_part {
                return None;
            }
            parts.push(std::mem::take(&mut current));
            quoted_part = false;
        } else {
            current.push(c);
        }
    }
    if current.is_empty() && !quoted_part {
        return None;
    }
    parts.push(current);
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_unquoted_parts() {
        assert_eq!(
            split_name("a.\"b.c\".'it''s' rest", &[]),
            Some((vec!["a".into(), "b.c".into(), "it's".into()], " rest"))
        );
        assert_eq!(split_name("old,", &[',']), Some((vec!["old".into()], ",")));
        assert_eq!(split_name("a..b", &[]), None);
        assert_eq!(split_name("\"open", &[]), None);
        assert_eq!(split_name("", &[]), None);
    }

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        let mut sorted = NON_BARE_KEYWORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, NON_BARE_KEYWORDS);
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote_ident("users"), "users");
        assert_eq!(quote_ident("user"), "\"user\"");
        assert_eq!(quote_ident("Users"), "\"Users\"");
        assert_eq!(quote_ident("1a"), "\"1a\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_ident("name"), "name");
        assert_eq!(quote_ident(""), "\"\"");
    }

    #[test]
    fn qualified_names_round_trip() {
        for (schema, name) in [("public", "t"), ("My.Schema", "a\"b"), ("s", "select")] {
            let q = QualifiedName::new(schema, name);
            assert_eq!(QualifiedName::parse(&q.to_string()), Some(q));
        }
        assert_eq!(QualifiedName::parse("nodot"), None);
        assert_eq!(QualifiedName::parse("a.b.c"), None);
    }

    #[test]
    fn literals() {
        assert_eq!(quote_literal("it's"), "'it''s'");
        assert_eq!(quote_literal("a\\b"), "E'a\\\\b'");
    }
}

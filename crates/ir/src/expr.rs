//! SQL expressions (defaults, CHECK bodies, index expressions and predicates, generated
//! columns). An [`Expr`] keeps the text to render (`sql`, as written in the file or as the
//! catalog prints it) and a comparison key (`key`) computed by the parser's canonicalizer,
//! so `'a'::text` from the catalog and `'a'` from a file compare equal while the SQL that is
//! rendered stays exactly what somebody wrote.

use serde::Deserialize;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// An expression with its canonical comparison key; equality and ordering use the key only.
#[derive(Debug, Clone, Deserialize)]
pub struct Expr {
    /// Runnable SQL text of the expression.
    pub sql: String,
    /// Canonical form used for comparison (see `schema_parse::postgres::canonical_expr`).
    pub key: String,
}

impl Expr {
    pub fn new(sql: impl Into<String>, key: impl Into<String>) -> Self {
        Expr {
            sql: sql.into(),
            key: key.into(),
        }
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Expr {}

impl Hash for Expr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl PartialOrd for Expr {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Expr {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// The identifiers an expression's text may name: bare words (folded to lower case, as
/// PostgreSQL reads them) and double-quoted names; string literals are skipped.
pub fn identifiers(expr: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = expr.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, found: &mut Vec<String>| {
        if !word.is_empty() && !word.starts_with(|c: char| c.is_ascii_digit()) {
            found.push(word.to_ascii_lowercase());
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                flush(&mut word, &mut found);
                let mut text = String::new();
                while let Some(n) = chars.next() {
                    if n == c {
                        if chars.peek() == Some(&c) {
                            chars.next();
                            text.push(c);
                            continue;
                        }
                        break;
                    }
                    text.push(n);
                }
                if c == '"' {
                    found.push(text);
                }
            }
            c if c.is_alphanumeric() || c == '_' || c == '$' => word.push(c),
            _ => flush(&mut word, &mut found),
        }
    }
    flush(&mut word, &mut found);
    found.sort();
    found.dedup();
    found
}

impl Expr {
    /// Whether the expression may name `name` (see [`identifiers`]).
    pub fn mentions(&self, name: &str) -> bool {
        identifiers(&self.key).iter().any(|i| i == name)
    }
}

#[cfg(test)]
mod identifier_tests {
    use super::identifiers;

    #[test]
    fn finds_bare_and_quoted_names_but_not_literals() {
        assert_eq!(
            identifiers("(qty)::numeric * \"Unit Price\" + coalesce(x, 'y z')"),
            ["Unit Price", "coalesce", "numeric", "qty", "x"]
        );
    }
}

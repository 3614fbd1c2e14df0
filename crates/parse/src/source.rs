//! One source text being read: psql meta-command lines (`\connect`, `\restrict …`) blanked
//! so that the SQL parser never sees them while byte offsets and line numbers stay those of
//! the file, and byte offsets turned into file:line:col diagnostics. Syntax errors, which
//! `pg_query` reports without a position, are located here: the failing statement is found by
//! splitting with the scanner, then the token PostgreSQL names (`at or near "TABL"`).

use crate::{Diagnostic, Severity};

pub(crate) struct Source {
    pub file: String,
    /// The text with meta-command lines replaced by spaces (same byte length).
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(text: &str, file: &str) -> Source {
        let mut blanked = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            if line.starts_with('\\') {
                let body = line.trim_end_matches(['\n', '\r']);
                blanked.extend(std::iter::repeat_n(' ', body.len()));
                blanked.push_str(&line[body.len()..]);
            } else {
                blanked.push_str(line);
            }
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            file: file.to_string(),
            text: blanked,
            line_starts,
        }
    }

    /// A diagnostic pointing at byte `offset`.
    pub fn diagnostic(&self, severity: Severity, offset: usize, message: String) -> Diagnostic {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_index];
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let mut boundary = offset;
        while !self.text.is_char_boundary(boundary) {
            boundary -= 1;
        }
        let col = self.text[start..boundary].chars().count() + 1;
        Diagnostic {
            severity,
            message,
            file: self.file.clone(),
            line: line_index + 1,
            col,
            source_line: self.text[start..end].trim_end_matches('\r').to_string(),
        }
    }

    /// The offset of the first token at or after `offset` (skipping blanks and comments).
    pub fn first_token(&self, offset: usize) -> usize {
        skip_trivia(&self.text, offset)
    }

    /// Locates a parse error reported as `message`: the statement that fails on its own, and
    /// within it the token the message names.
    pub fn syntax_error(&self, message: &str) -> Diagnostic {
        let offset = self.error_offset(message).unwrap_or(0);
        self.diagnostic(Severity::Error, offset, message.to_string())
    }

    fn error_offset(&self, message: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let pieces = pg_query::split_with_scanner(&self.text).ok()?;
        let failing = pieces
            .iter()
            .find(|piece| pg_query::parse(piece, 0).is_err())
            .copied();
        let Some(statement) = failing else {
            // The scanner dropped the bad part: point at the first gap it skipped.
            let mut expected = 0;
            for piece in &pieces {
                let start = piece.as_ptr() as usize - base;
                if self.text[expected..start]
                    .trim_matches([';', ' ', '\n', '\t', '\r'])
                    .is_empty()
                {
                    expected = start + piece.len();
                    continue;
                }
                return Some(skip_trivia(&self.text, expected));
            }
            return Some(skip_trivia(&self.text, expected));
        };
        let start = statement.as_ptr() as usize - base;
        let first = skip_trivia(&self.text, start);
        if message.contains("at end of input") {
            return Some(start + statement.trim_end().len());
        }
        let Some(token) = message
            .split_once("at or near \"")
            .and_then(|(_, rest)| rest.rsplit_once('"'))
            .map(|(token, _)| token)
        else {
            return Some(first);
        };
        let tokens = pg_query::scan(statement).ok()?;
        for t in tokens.tokens {
            let (s, e) = (t.start as usize, t.end as usize);
            if statement.get(s..e) == Some(token) {
                return Some(start + s);
            }
        }
        Some(first)
    }
}

/// Skips whitespace, `-- …` and `/* … */` comments from `offset`.
pub(crate) fn skip_trivia(text: &str, mut offset: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while offset < bytes.len() && bytes[offset].is_ascii_whitespace() {
            offset += 1;
        }
        if bytes[offset..].starts_with(b"--") {
            offset = text[offset..]
                .find('\n')
                .map_or(bytes.len(), |i| offset + i + 1);
        } else if bytes[offset..].starts_with(b"/*") {
            offset = text[offset + 2..]
                .find("*/")
                .map_or(bytes.len(), |i| offset + 2 + i + 2);
        } else {
            return offset;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_commands_are_blanked_keeping_offsets() {
        let src = Source::new("\\connect db\nCREATE TABLE t ();\n", "f.sql");
        assert_eq!(src.text.len(), "\\connect db\nCREATE TABLE t ();\n".len());
        assert!(src.text.starts_with("           \nCREATE"));
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let src = Source::new("a\nbé c\n", "f.sql");
        let d = src.diagnostic(Severity::Warning, 6, "m".into());
        assert_eq!((d.line, d.col, d.source_line.as_str()), (2, 4, "bé c"));
    }

    #[test]
    fn trivia_is_skipped() {
        let text = "  -- c\n /* x */ SELECT";
        assert_eq!(&text[skip_trivia(text, 0)..], "SELECT");
    }

    #[test]
    fn syntax_errors_point_at_the_named_token() {
        let src = Source::new("CREATE TABLE a ();\n\nCREATE TABL b ();\n", "f.sql");
        let message = pg_query::parse(&src.text, 0).unwrap_err().to_string();
        let d = src.syntax_error(&message);
        assert_eq!((d.line, d.col), (3, 8), "{d}");
        assert_eq!(d.source_line, "CREATE TABL b ();");
    }
}

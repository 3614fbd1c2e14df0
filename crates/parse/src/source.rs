//! One source text being read: psql meta-command lines (`\connect`, `\restrict …`) blanked
//! so that the SQL parser never sees them while byte offsets and line numbers stay those of
//! the file, and byte offsets turned into file:line:col diagnostics. Syntax errors, which
//! `pg_query` reports without a position, are located here: the failing statement is found by
//! splitting with the scanner, then the token PostgreSQL names (`at or near "TABL"`).
//! Statements are parsed a few kilobytes at a time (a parse tree of a whole dump at once costs
//! far more memory and time than its pieces), falling back to parsing the whole text when the scanner's
//! split does not parse piece by piece (`BEGIN ATOMIC` bodies hold semicolons).

use crate::postgres::nodes;
use crate::{Diagnostic, Severity};

/// One parsed statement of a [`Source`].
pub(crate) struct Statement {
    /// The offset in the text that the locations inside `node` count from.
    pub base: usize,
    /// Where the statement's first token is.
    pub start: usize,
    /// Where the next statement's first token is (or the end of the text).
    pub end: usize,
    pub node: Option<pg_query::NodeEnum>,
}

/// From how many batches a text is parsed ahead on a second thread.
const PARSE_AHEAD_FROM: usize = 4;

/// How many bytes of statements are parsed at once, at least.
const BATCH_BYTES: usize = 16 * 1024;

/// The statements of a parse result of `text[base..end]`.
fn statements(
    result: pg_query::protobuf::ParseResult,
    text: &str,
    base: usize,
    end: usize,
) -> Vec<Statement> {
    let starts: Vec<usize> = result
        .stmts
        .iter()
        .map(|raw| skip_trivia(text, base + usize::try_from(raw.stmt_location).unwrap_or(0)))
        .collect();
    // The scanner's pieces end before their semicolon.
    let mut last = skip_trivia(text, end);
    while text[last..].starts_with(';') {
        last = skip_trivia(text, last + 1);
    }
    result
        .stmts
        .into_iter()
        .enumerate()
        .map(|(i, raw)| Statement {
            base,
            start: starts[i],
            end: starts.get(i + 1).copied().unwrap_or(last),
            node: raw.stmt.and_then(|s| s.node),
        })
        .collect()
}

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

    /// Parses the statements and hands each to `apply`, in order, stopping at the first
    /// error `apply` returns. A second thread parses the statements ahead while `apply` runs
    /// (`pg_query` is thread-safe). When a piece of the scanner's split does not parse on its
    /// own, the rest of the text is parsed whole.
    pub fn each_statement<E>(
        &self,
        mut apply: impl FnMut(Statement) -> Result<(), E>,
        syntax: impl Fn(Diagnostic) -> E,
    ) -> Result<(), E> {
        let pieces = pg_query::split_with_scanner(&self.text).unwrap_or_default();
        let base = self.text.as_ptr() as usize;
        // Pieces are parsed a few kilobytes at a time: each call into the parser sets up
        // and frees its memory, which for short statements costs as much as parsing them.
        let mut ends: Vec<usize> = Vec::new();
        let mut batch_start = 0;
        for piece in &pieces {
            let end = piece.as_ptr() as usize - base + piece.len();
            if end - batch_start >= BATCH_BYTES {
                ends.push(end);
                batch_start = end;
            }
        }
        if batch_start < self.text.len() && !pieces.is_empty() {
            ends.push(self.text.len());
        }
        // A thread is worth starting for a file, not for one catalog statement.
        let ahead = ends.len() > PARSE_AHEAD_FROM;
        let capacity = if ahead { 8 } else { ends.len() + 1 };
        std::thread::scope(|scope| {
            let (parsed, received) = std::sync::mpsc::sync_channel(capacity);
            let parse_ahead = move || {
                let mut start = 0;
                for end in ends {
                    let batch = match crate::tree::parse(&self.text[start..end]) {
                        Ok(result) => Ok(statements(result, &self.text, start, end)),
                        Err(_) => Err(start),
                    };
                    let failed = batch.is_err();
                    if parsed.send((batch, end)).is_err() || failed {
                        return;
                    }
                    start = end;
                }
            };
            if ahead {
                scope.spawn(parse_ahead);
            } else {
                parse_ahead();
            }
            let mut rest = 0;
            for (batch, end) in received {
                match batch {
                    Ok(batch) => batch.into_iter().try_for_each(&mut apply)?,
                    Err(start) => {
                        rest = start;
                        break;
                    }
                }
                rest = end;
            }
            if self.text[rest..].trim().is_empty() {
                return Ok(());
            }
            match crate::tree::parse(&self.text[rest..]) {
                Ok(result) => statements(result, &self.text, rest, self.text.len())
                    .into_iter()
                    .try_for_each(&mut apply),
                Err(e) => Err(syntax(self.syntax_error(&nodes::error_text(&e)))),
            }
        })
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

    /// Locates a parse error reported as `message`: the statement that fails on its own, and
    /// within it the token the message names.
    pub fn syntax_error(&self, message: &str) -> Diagnostic {
        let offset = self.error_offset(message).unwrap_or(0);
        self.diagnostic(Severity::Error, offset, message.to_string())
    }

    fn error_offset(&self, message: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let pieces = pg_query::split_with_scanner(&self.text).ok()?;
        // The piece that fails the same way; a piece that fails only because the scanner
        // cut it (a `BEGIN ATOMIC` body) fails differently.
        let failures: Vec<(&str, String)> = pieces
            .iter()
            .filter_map(|piece| {
                let error = crate::tree::parse(piece).err()?;
                Some((*piece, nodes::error_text(&error)))
            })
            .collect();
        let failing = failures
            .iter()
            .find(|(_, error)| error == message)
            .or(failures.first())
            .map(|(piece, _)| *piece);
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

    /// Enough statements that they are parsed ahead on the second thread.
    fn many_tables() -> String {
        (0..2 * PARSE_AHEAD_FROM)
            .map(|i| format!("CREATE TABLE t{i} (id int);\n"))
            .collect()
    }

    #[test]
    fn errors_of_statements_parsed_ahead_point_at_their_line() {
        let lines = 2 * PARSE_AHEAD_FROM;
        let syntax = format!("{}CREATE TABL broken ();\n", many_tables());
        let err = crate::parse_sql(&syntax, "f.sql").unwrap_err();
        let d = err.diagnostic().expect("located");
        assert_eq!((d.line, d.col), (lines + 1, 8), "{err}");

        let unsupported = format!("{}ALTER TABLE missing ADD COLUMN x int;\n", many_tables());
        let err = crate::parse_sql(&unsupported, "f.sql").unwrap_err();
        assert!(matches!(err, crate::ParseError::Unsupported(_)), "{err}");
        assert_eq!(err.diagnostic().map(|d| d.line), Some(lines + 1), "{err}");

        let parsed = crate::parse_sql(&many_tables(), "f.sql").unwrap();
        assert_eq!(parsed.schema.tables.len(), lines);
    }

    #[test]
    fn syntax_errors_after_an_atomic_body_point_at_their_statement() {
        let text = "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;\nCREATE TABLEX b ();\n";
        let src = Source::new(text, "f.sql");
        let message = nodes::error_text(&crate::tree::parse(&src.text).unwrap_err());
        let d = src.syntax_error(&message);
        assert_eq!((d.line, d.col), (5, 8), "{d}");
    }

    #[test]
    fn syntax_errors_point_at_the_named_token() {
        let src = Source::new("CREATE TABLE a ();\n\nCREATE TABL b ();\n", "f.sql");
        let message = crate::tree::parse(&src.text).unwrap_err().to_string();
        let d = src.syntax_error(&message);
        assert_eq!((d.line, d.col), (3, 8), "{d}");
        assert_eq!(d.source_line, "CREATE TABL b ();");
    }
}

//! SQL text to the schema IR. [`parse_sql`] reads one source text, [`parse_path`] a `.sql`
//! file or a directory of them (lexical order, applied in order into one schema). PostgreSQL
//! is read with `pg_query` (the real PostgreSQL parser); statements the tool does not manage
//! become [`Diagnostic`] warnings, invalid SQL a [`ParseError`] that points at file:line:col.

pub mod postgres;

pub use postgres::Hints;
mod source;
mod tree;

use std::fmt;
use std::path::Path;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A message about a place in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The text of the line the diagnostic points at.
    pub source_line: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.col, self.severity, self.message
        )?;
        writeln!(f, "    | {}", self.source_line)?;
        let pad: String = self
            .source_line
            .chars()
            .take(self.col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        write!(f, "    | {pad}^")
    }
}

/// Why a source could not be read into a schema.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The text is not valid SQL.
    #[error("{0}")]
    Syntax(Diagnostic),
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// A managed statement that cannot be applied (e.g. ALTER of a missing table).
    #[error("{0}")]
    Unsupported(Diagnostic),
}

impl ParseError {
    /// Where in the source the error is, when it is in the source.
    pub fn diagnostic(&self) -> Option<&Diagnostic> {
        match self {
            ParseError::Syntax(d) | ParseError::Unsupported(d) => Some(d),
            ParseError::Io { .. } => None,
        }
    }
}

/// The schema read from a source, with the warnings found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub schema: schema_ir::Schema,
    pub diagnostics: Vec<Diagnostic>,
    /// What `-- schema:` comments ask for.
    pub hints: Hints,
}

/// Reads one PostgreSQL source text; `file` names it in diagnostics.
pub fn parse_sql(sql: &str, file: &str) -> Result<Parsed, ParseError> {
    let mut schema = schema_ir::Schema::postgres();
    let mut reader = postgres::Reader::new(&mut schema);
    reader.read(sql, file)?;
    let (hints, diagnostics) = reader.finish();
    Ok(Parsed {
        schema,
        diagnostics,
        hints,
    })
}

/// Reads a `.sql` file, or every `.sql` file of a directory (recursively, in lexical order of
/// their paths), into one schema.
pub fn parse_path(path: &Path) -> Result<Parsed, ParseError> {
    let files = if path.is_dir() {
        let mut files = Vec::new();
        collect_sql_files(path, &mut files)?;
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut schema = schema_ir::Schema::postgres();
    let mut reader = postgres::Reader::new(&mut schema);
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|source| ParseError::Io {
            path: file.display().to_string(),
            source,
        })?;
        reader.read(&text, &file.display().to_string())?;
    }
    let (hints, diagnostics) = reader.finish();
    Ok(Parsed {
        schema,
        diagnostics,
        hints,
    })
}

fn collect_sql_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), ParseError> {
    let io = |source| ParseError::Io {
        path: dir.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            collect_sql_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
    Ok(())
}

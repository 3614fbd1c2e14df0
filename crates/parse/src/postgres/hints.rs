//! Hints written in the desired SQL as comments. `-- schema:renamed-from OLD` at the end of the
//! line where an object starts, or alone on the line before it, becomes a rename the differ
//! takes, as `--rename` does: on a schema (in `CREATE SCHEMA`; OLD a bare or quoted name), a
//! table (in `CREATE TABLE`; OLD may be schema-qualified in the same schema), a column, a
//! named constraint (`CONSTRAINT name …` in `CREATE TABLE`, inline on a column or as a table
//! constraint, or in `ALTER TABLE … ADD CONSTRAINT`), an index (in `CREATE INDEX`) or an enum
//! value (a label of `CREATE TYPE … AS ENUM`; OLD bare or quoted).
//! A hint belongs to the last object that starts on its line before it; a hint alone on a line
//! to the first object of the next line. `-- schema:using EXPR` on a column is the `USING`
//! expression of a change of its type (the rest of the line, e.g. `amount::numeric / 100`).

use super::Reader;
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterTableStmt, AlterTableType, ConstrType, Constraint, CreateEnumStmt, CreateStmt, IndexStmt,
    Node, Token,
};
use schema_ir::{QualifiedName, quote_ident};

const RENAMED: &str = "-- schema:renamed-from";
const USING: &str = "-- schema:using";

/// What a rename hint next to it renames.
enum Target {
    Schema(String),
    Table(QualifiedName),
    Column(QualifiedName, String),
    Constraint(QualifiedName, String),
    Index(QualifiedName),
    EnumValue(QualifiedName, String),
    /// Something that takes no hint: why, for the warning.
    Nothing(&'static str),
}

/// Where an object starts in the text, and what a hint there renames.
struct Anchor {
    at: usize,
    target: Target,
}

/// A statement being read for hints: the text of the file, where the statement starts and
/// where the next one does.
#[derive(Clone, Copy)]
pub(crate) struct Span<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
}

impl Reader<'_> {
    /// Collects the hints of `stmt`, applied without error, at `span`.
    pub(crate) fn hints(&mut self, span: Span, stmt: &NodeEnum) {
        let anchors = match stmt {
            NodeEnum::CreateStmt(s) => {
                self.using_hints(span, s);
                self.create_table_anchors(s)
            }
            NodeEnum::IndexStmt(s) => self.index_anchors(span, s),
            NodeEnum::AlterTableStmt(s) => self.alter_table_anchors(s),
            NodeEnum::CreateEnumStmt(s) => self.enum_anchors(span, s),
            NodeEnum::CreateSchemaStmt(s) if self.schema.namespaces.contains_key(&s.schemaname) => {
                vec![Anchor {
                    at: span.start,
                    target: Target::Schema(s.schemaname.clone()),
                }]
            }
            _ => Vec::new(),
        };
        self.rename_hints(span, anchors);
    }

    fn create_table_anchors(&self, stmt: &CreateStmt) -> Vec<Anchor> {
        let Some(rv) = stmt.relation.as_ref() else {
            return Vec::new();
        };
        let table = self.new_name(rv);
        if !self.schema.tables.contains_key(&table) {
            return Vec::new();
        }
        let mut anchors = Vec::new();
        anchors.extend(at(rv.location).map(|at| Anchor {
            at,
            target: Target::Table(table.clone()),
        }));
        for element in &stmt.table_elts {
            match element.node.as_ref() {
                Some(NodeEnum::ColumnDef(c)) => {
                    anchors.extend(at(c.location).map(|at| Anchor {
                        at,
                        target: Target::Column(table.clone(), c.colname.clone()),
                    }));
                    // Only a named constraint on a column line takes the hint there.
                    anchors.extend(
                        c.constraints
                            .iter()
                            .filter_map(constraint)
                            .filter(|k| !k.conname.is_empty())
                            .filter_map(|k| constraint_anchor(&table, k)),
                    );
                }
                Some(NodeEnum::Constraint(k)) => anchors.extend(constraint_anchor(&table, k)),
                _ => {}
            }
        }
        anchors
    }

    fn index_anchors(&self, span: Span, stmt: &IndexStmt) -> Vec<Anchor> {
        let Some(table) = stmt.relation.as_ref().and_then(|rv| self.find_table(rv)) else {
            return Vec::new();
        };
        let target = if stmt.idxname.is_empty() {
            Target::Nothing("an index without a name (name it to rename it)")
        } else {
            Target::Index(QualifiedName::new(table.schema, stmt.idxname.as_str()))
        };
        vec![Anchor {
            at: span.start,
            target,
        }]
    }

    fn alter_table_anchors(&self, stmt: &AlterTableStmt) -> Vec<Anchor> {
        let Some(table) = stmt.relation.as_ref().and_then(|rv| self.find_table(rv)) else {
            return Vec::new();
        };
        stmt.cmds
            .iter()
            .filter_map(|cmd| match cmd.node.as_ref() {
                Some(NodeEnum::AlterTableCmd(cmd))
                    if cmd.subtype() == AlterTableType::AtAddConstraint =>
                {
                    cmd.def.as_deref().and_then(constraint)
                }
                _ => None,
            })
            .filter_map(|k| constraint_anchor(&table, k))
            .collect()
    }

    /// The statement, then each label: found by scanning the statement for its string
    /// constants, which are the labels in order.
    fn enum_anchors(&self, span: Span, stmt: &CreateEnumStmt) -> Vec<Anchor> {
        let names = super::nodes::strings(&stmt.type_name);
        let Some(enum_type) = self.find_enum(&names) else {
            return Vec::new();
        };
        let mut anchors = vec![Anchor {
            at: span.start,
            target: Target::Nothing("a type (its values take rename hints)"),
        }];
        let Ok(tokens) = pg_query::scan_tokens(&span.text[span.start..span.end]) else {
            return anchors;
        };
        let labels: Vec<usize> = tokens
            .iter()
            .skip_while(|t| t.token != Token::EnumP as i32)
            .filter(|t| t.token == Token::Sconst as i32 || t.token == Token::Usconst as i32)
            .filter_map(|t| Some(span.start + usize::try_from(t.start).ok()?))
            .collect();
        let values: Vec<String> = stmt
            .vals
            .iter()
            .filter_map(super::nodes::constant_text)
            .collect();
        if labels.len() == values.len() {
            anchors.extend(labels.into_iter().zip(values).map(|(at, value)| Anchor {
                at,
                target: Target::EnumValue(enum_type.clone(), value),
            }));
        }
        anchors
    }

    /// Turns the `-- schema:renamed-from` hints next to `anchors` into renames, or warnings.
    fn rename_hints(&mut self, span: Span, mut anchors: Vec<Anchor>) {
        anchors.sort_by_key(|a| a.at);
        for (i, anchor) in anchors.iter().enumerate() {
            let next = anchors.get(i + 1).map_or(span.end, |a| a.at);
            let first_on_line = i == 0
                || line_start(span.text, anchors[i - 1].at) < line_start(span.text, anchor.at);
            let Some(rest) = hint(span.text, anchor.at, Some(next), first_on_line, RENAMED) else {
                continue;
            };
            let old = old_name(rest);
            match (&anchor.target, old.as_deref()) {
                (Target::Schema(new), Some([old])) => self.renames.push(format!(
                    "schema:{}={}",
                    quote_ident(old),
                    quote_ident(new)
                )),
                (Target::Schema(new), _) => self.warn(format!(
                    "schema:renamed-from on schema {}: expected the schema's old name; hint ignored",
                    quote_ident(new)
                )),
                (Target::Table(new), Some([old])) => self.renames.push(format!(
                    "{}={new}",
                    QualifiedName::new(new.schema.as_str(), old.as_str())
                )),
                (Target::Table(new), Some([schema, old])) if *schema == new.schema => self
                    .renames
                    .push(format!("{}={new}", QualifiedName::new(schema.as_str(), old.as_str()))),
                (Target::Table(new), _) => self.warn(format!(
                    "schema:renamed-from on table {new}: expected its old name; a table is renamed within its schema ({}); hint ignored",
                    new.schema
                )),
                (Target::Index(new), Some([old])) => self.renames.push(format!(
                    "index:{}={new}",
                    QualifiedName::new(new.schema.as_str(), old.as_str())
                )),
                (Target::Index(new), Some([schema, old])) if *schema == new.schema => {
                    self.renames.push(format!(
                        "index:{}={new}",
                        QualifiedName::new(schema.as_str(), old.as_str())
                    ))
                }
                (Target::Index(new), _) => self.warn(format!(
                    "schema:renamed-from on index {new}: expected its old name; an index is renamed within its schema ({}); hint ignored",
                    new.schema
                )),
                (Target::Column(table, column), Some([old])) => self.renames.push(format!(
                    "{table}.{}={table}.{}",
                    quote_ident(old),
                    quote_ident(column)
                )),
                (Target::Column(_, column), _) => self.warn(format!(
                    "schema:renamed-from on column {column}: expected the column's old name; hint ignored"
                )),
                (Target::Constraint(table, name), Some([old])) => self.renames.push(format!(
                    "constraint:{table}.{}={table}.{}",
                    quote_ident(old),
                    quote_ident(name)
                )),
                (Target::Constraint(_, name), _) => self.warn(format!(
                    "schema:renamed-from on constraint {name}: expected the constraint's old name; hint ignored"
                )),
                (Target::EnumValue(enum_type, value), Some([old])) => self.renames.push(format!(
                    "enum:{enum_type}.{}={enum_type}.{}",
                    quote_ident(old),
                    quote_ident(value)
                )),
                (Target::EnumValue(enum_type, value), _) => self.warn(format!(
                    "schema:renamed-from on value {value} of {enum_type}: expected the value's old label; hint ignored"
                )),
                (Target::Nothing(what), _) => self.warn(format!(
                    "schema:renamed-from on {what}: nothing to rename; hint ignored"
                )),
            }
        }
    }

    /// The `-- schema:using` hints of the columns of `stmt`.
    fn using_hints(&mut self, span: Span, stmt: &CreateStmt) {
        let Some(table) = stmt.relation.as_ref().map(|rv| self.new_name(rv)) else {
            return;
        };
        if !self.schema.tables.contains_key(&table) {
            return;
        }
        let columns: Vec<(&str, usize)> = stmt
            .table_elts
            .iter()
            .filter_map(|n| match n.node.as_ref() {
                Some(NodeEnum::ColumnDef(c)) => Some((c.colname.as_str(), at(c.location)?)),
                _ => None,
            })
            .collect();
        for (i, (column, location)) in columns.iter().enumerate() {
            let next = columns.get(i + 1).map(|c| c.1);
            match hint(span.text, *location, next, true, USING) {
                Some("") => self.warn(format!(
                    "schema:using on column {column}: expected an expression; hint ignored"
                )),
                Some(expr) => {
                    self.casts
                        .push((table.clone(), column.to_string(), expr.to_string()));
                }
                None => {}
            }
        }
    }
}

fn at(location: i32) -> Option<usize> {
    usize::try_from(location).ok()
}

fn constraint(node: &Node) -> Option<&Constraint> {
    match node.node.as_ref()? {
        NodeEnum::Constraint(c) => Some(c),
        _ => None,
    }
}

/// The anchor of a primary key, unique, check, foreign key or exclusion constraint.
fn constraint_anchor(table: &QualifiedName, c: &Constraint) -> Option<Anchor> {
    let managed = matches!(
        super::table::constr_type(c),
        ConstrType::ConstrPrimary
            | ConstrType::ConstrUnique
            | ConstrType::ConstrCheck
            | ConstrType::ConstrForeign
            | ConstrType::ConstrExclusion
    );
    if !managed {
        return None;
    }
    let target = if c.conname.is_empty() {
        Target::Nothing("a constraint without a name (name it to rename it)")
    } else {
        Target::Constraint(table.clone(), c.conname.clone())
    };
    Some(Anchor {
        at: at(c.location)?,
        target,
    })
}

fn line_start(text: &str, location: usize) -> usize {
    text.get(..location)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// What follows `mark` in a comment at the end of the line from `location` (up to `next`,
/// where the next object starts), or, for the first object of its line, on a line of its
/// own just before.
fn hint<'t>(
    text: &'t str,
    location: usize,
    next: Option<usize>,
    first_on_line: bool,
    mark: &str,
) -> Option<&'t str> {
    let start = line_start(text, location);
    let end = text
        .get(location..)?
        .find('\n')
        .map_or(text.len(), |i| location + i);
    let end = next.filter(|n| *n > location && *n < end).unwrap_or(end);
    if let Some(at) = text[location..end].find(mark) {
        return Some(text[location + at + mark.len()..end].trim());
    }
    if !first_on_line {
        return None;
    }
    let before = text.get(..start.checked_sub(1)?)?;
    let line = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim();
    line.strip_prefix(mark).map(str::trim)
}

/// The old name a hint gives: dot-separated parts, each bare or quoted (`"Old"`, `'so so'`,
/// a doubled quote inside being one quote), ending the hint or followed by blanks or the
/// punctuation of the line (`,`, `;`, `)`); `None` when there is none or it is malformed.
fn old_name(rest: &str) -> Option<Vec<String>> {
    let (parts, after) = schema_ir::split_name(rest, &[',', ';', ')'])?;
    let after = after.trim_start_matches([',', ';', ')']);
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(parts)
}

#[cfg(test)]
mod tests {
    use crate::parse_sql;

    #[test]
    fn hints_name_the_old_table_and_columns() {
        let sql = "-- schema:renamed-from users\nCREATE TABLE people (\n    id bigint,\n    -- schema:renamed-from mail\n    email text,\n    nick text -- schema:renamed-from handle\n);\nCREATE TABLE app.t ( -- schema:renamed-from app.old_t\n  a int, b int -- schema:renamed-from c\n);\nCREATE TABLE plain (x int); -- not a hint\n";
        let sql = format!("CREATE SCHEMA app;\n{sql}");
        let parsed = parse_sql(&sql, "t.sql").unwrap();
        assert_eq!(
            parsed.hints.renames,
            [
                "public.users=public.people",
                "public.people.mail=public.people.email",
                "public.people.handle=public.people.nick",
                "app.old_t=app.t",
                "app.t.c=app.t.b",
            ]
        );
        let casts = parse_sql(
            "CREATE TABLE t (\n  -- schema:using (amount * 100)::bigint\n  amount bigint,\n  code int -- schema:using code::text::int\n);",
            "t.sql",
        )
        .unwrap()
        .hints
        .casts;
        assert_eq!(
            casts
                .iter()
                .map(|(t, c, e)| format!("{t}.{c}: {e}"))
                .collect::<Vec<_>>(),
            [
                "public.t.amount: (amount * 100)::bigint",
                "public.t.code: code::text::int"
            ]
        );
    }

    #[test]
    fn hints_name_the_old_schema() {
        let sql = "-- schema:renamed-from app\nCREATE SCHEMA core;\nCREATE SCHEMA \"New\"; -- schema:renamed-from \"Old One\"\nCREATE SCHEMA plain;\nCREATE SCHEMA bad; -- schema:renamed-from a.b\n";
        let parsed = parse_sql(sql, "t.sql").unwrap();
        assert_eq!(
            parsed.hints.renames,
            ["schema:app=core", "schema:\"Old One\"=\"New\""]
        );
        let warnings: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("t.sql:5:") && warnings[0].contains("hint ignored"),
            "{warnings:?}"
        );
    }

    #[test]
    fn hints_that_cannot_be_followed_are_warnings_with_their_line() {
        let parsed = parse_sql(
            "CREATE TABLE t ( -- schema:renamed-from other.t\n  a int -- schema:renamed-from x.y\n, b int -- schema:using\n);",
            "t.sql",
        )
        .unwrap();
        assert!(parsed.hints.renames.is_empty() && parsed.hints.casts.is_empty());
        let warnings: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .all(|w| w.contains("t.sql:1:1") && w.contains("hint ignored")),
            "{warnings:?}"
        );
    }

    #[test]
    fn hints_name_old_indexes_constraints_and_enum_values() {
        let sql = "CREATE TYPE mood AS ENUM (
    'happy', -- schema:renamed-from glad
    -- schema:renamed-from 'so so'
    'meh',
    'sad'
);
CREATE TABLE t (
    id int CONSTRAINT t_pkey PRIMARY KEY, -- schema:renamed-from t_pk
    a int CONSTRAINT t_a_key UNIQUE -- schema:renamed-from t_a_uq
    , b int, -- schema:renamed-from c
    -- schema:renamed-from t_b_positive
    CONSTRAINT t_b_check CHECK (b > 0)
);
CREATE INDEX t_b_idx ON t (b); -- schema:renamed-from public.t_b_index
-- schema:renamed-from t_a_index
CREATE INDEX t_a_idx ON t (a);
-- schema:renamed-from t_ref
ALTER TABLE t ADD CONSTRAINT t_id_fkey FOREIGN KEY (id) REFERENCES t (id);
ALTER TABLE t
    ADD CONSTRAINT t_a_check CHECK (a > 0); -- schema:renamed-from \"Old Check\"
";
        let parsed = parse_sql(sql, "t.sql").unwrap();
        assert_eq!(
            parsed.hints.renames,
            [
                "enum:public.mood.glad=public.mood.happy",
                "enum:public.mood.\"so so\"=public.mood.meh",
                "constraint:public.t.t_pk=public.t.t_pkey",
                "constraint:public.t.t_a_uq=public.t.t_a_key",
                "public.t.c=public.t.b",
                "constraint:public.t.t_b_positive=public.t.t_b_check",
                "index:public.t_b_index=public.t_b_idx",
                "index:public.t_a_index=public.t_a_idx",
                "constraint:public.t.t_ref=public.t.t_id_fkey",
                "constraint:public.t.\"Old Check\"=public.t.t_a_check",
            ]
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    }

    #[test]
    fn hints_on_objects_that_take_none_are_warnings() {
        let parsed = parse_sql(
            "CREATE SCHEMA app;
-- schema:renamed-from old_mood
CREATE TYPE mood AS ENUM ('a');
CREATE TABLE t (a int, b int, UNIQUE (a) -- schema:renamed-from t_old_key
);
CREATE INDEX ON t (b); -- schema:renamed-from t_b_index
CREATE INDEX t_a_idx ON t (a); -- schema:renamed-from app.t_a_index
ALTER TABLE t ADD CONSTRAINT t_b_check CHECK (b > 0); -- schema:renamed-from x.y
",
            "t.sql",
        )
        .unwrap();
        assert!(
            parsed.hints.renames.is_empty(),
            "{:?}",
            parsed.hints.renames
        );
        let warnings: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
        let lines: Vec<&str> =
            ["t.sql:3:", "t.sql:4:", "t.sql:6:", "t.sql:7:", "t.sql:8:"].to_vec();
        assert_eq!(warnings.len(), lines.len(), "{warnings:?}");
        for (warning, line) in warnings.iter().zip(lines) {
            assert!(
                warning.contains(line) && warning.contains("hint ignored"),
                "{warning}"
            );
        }
    }
}

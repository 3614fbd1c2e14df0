//! Hints written in the desired SQL as comments at the end of the line that names a table
//! (in `CREATE TABLE`) or a column, or alone on the line before it:
//! `-- schema:renamed-from OLD` becomes a rename the differ takes, as `--rename` does
//! (`schema.old=schema.new` for a table, OLD may be schema-qualified in the same schema;
//! `schema.table.old=schema.table.new` for a column); `-- schema:using EXPR` on a column is the
//! `USING` expression of a change of its type (the rest of the line, e.g. `amount::numeric / 100`).

use super::Reader;
use pg_query::NodeEnum;
use pg_query::protobuf::CreateStmt;

const RENAMED: &str = "-- schema:renamed-from";
const USING: &str = "-- schema:using";

impl Reader<'_> {
    /// Collects the hints on the table and columns of `stmt`, a `CREATE TABLE` of `text`.
    pub(crate) fn rename_hints(&mut self, text: &str, stmt: &CreateStmt) {
        let Some(rv) = stmt.relation.as_ref() else {
            return;
        };
        let table = self.new_name(rv);
        if !self.schema.tables.contains_key(&table) {
            return;
        }
        let columns: Vec<(&str, usize)> = stmt
            .table_elts
            .iter()
            .filter_map(|n| match n.node.as_ref() {
                Some(NodeEnum::ColumnDef(c)) => {
                    Some((c.colname.as_str(), usize::try_from(c.location).ok()?))
                }
                _ => None,
            })
            .collect();
        let at = |i: i32| usize::try_from(i).ok();
        if let Some(old) = at(rv.location)
            .and_then(|l| hint(text, l, columns.first().map(|c| c.1), RENAMED))
            .and_then(name)
        {
            let old = old
                .strip_prefix(&format!("{}.", table.schema))
                .unwrap_or(&old)
                .to_string();
            if old.contains('.') {
                self.warn(format!(
                    "schema:renamed-from {old}: a table is renamed within its schema ({}); hint ignored",
                    table.schema
                ));
            } else {
                self.renames
                    .push(format!("{0}.{old}={0}.{1}", table.schema, table.name));
            }
        }
        for (i, (column, location)) in columns.iter().enumerate() {
            let next = columns.get(i + 1).map(|c| c.1);
            match hint(text, *location, next, RENAMED).map(name) {
                Some(Some(old)) if !old.contains('.') => {
                    self.renames.push(format!("{table}.{old}={table}.{column}"));
                }
                Some(_) => self.warn(format!(
                    "schema:renamed-from on column {column}: expected the column's old name; hint ignored"
                )),
                None => {}
            }
            match hint(text, *location, next, USING) {
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

/// What follows `mark` in a comment at the end of the line from `location` (up to `next`,
/// where the next object starts), or on a line of its own just before.
fn hint<'t>(text: &'t str, location: usize, next: Option<usize>, mark: &str) -> Option<&'t str> {
    let start = text.get(..location)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text[location..]
        .find('\n')
        .map_or(text.len(), |i| location + i);
    let end = next.filter(|n| *n > location && *n < end).unwrap_or(end);
    if let Some(at) = text[location..end].find(mark) {
        return Some(text[location + at + mark.len()..end].trim());
    }
    let before = text.get(..start.checked_sub(1)?)?;
    let line = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim();
    line.strip_prefix(mark).map(str::trim)
}

fn name(rest: &str) -> Option<String> {
    let word = rest.split_whitespace().next()?;
    let word = word.trim_end_matches([',', ';', ')']);
    let unquoted = word
        .strip_prefix('"')
        .and_then(|w| w.strip_suffix('"'))
        .unwrap_or(word);
    (!unquoted.is_empty()).then(|| unquoted.to_string())
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
}

//! Rename hints: a table or column the desired schema names differently is renamed instead of
//! dropped and re-created. The differ applies the hints to a copy of the current schema
//! (the object, and every key, index and foreign key that names it, take the new name),
//! diffs that copy against the desired schema, and puts the rename changes first. A hint
//! whose old object does not exist, whose new object is not desired, or whose new name is
//! already taken is ignored.

use crate::Change;
use schema_ir::{IndexTarget, QualifiedName, Schema};
use std::fmt;

/// A rename hint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rename {
    /// A table renamed within its schema.
    Table {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A column of `table` (the table's name in the desired schema) renamed.
    Column {
        table: QualifiedName,
        from: String,
        to: String,
    },
}

/// A rename hint that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRename(pub String);

impl fmt::Display for BadRename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad rename `{}`: expected schema.table=schema.new_table or schema.table.column=schema.table.new_column",
            self.0
        )
    }
}

impl std::error::Error for BadRename {}

impl Rename {
    /// Reads `OLD=NEW`: `public.users=public.people` (a table, within one schema) or
    /// `public.users.email=public.users.mail` (a column). Names are taken as written, without
    /// quotes.
    pub fn parse(spec: &str) -> Result<Rename, BadRename> {
        let bad = || BadRename(spec.to_string());
        let (old, new) = spec.split_once('=').ok_or_else(bad)?;
        let old: Vec<&str> = old.trim().split('.').collect();
        let new: Vec<&str> = new.trim().split('.').collect();
        if old.iter().chain(&new).any(|part| part.is_empty()) {
            return Err(bad());
        }
        match (old.as_slice(), new.as_slice()) {
            ([s1, t1], [s2, t2]) if s1 == s2 => Ok(Rename::Table {
                from: QualifiedName::new(*s1, *t1),
                to: QualifiedName::new(*s2, *t2),
            }),
            ([s1, t1, c1], [s2, t2, c2]) if s1 == s2 && t1 == t2 => Ok(Rename::Column {
                table: QualifiedName::new(*s2, *t2),
                from: c1.to_string(),
                to: c2.to_string(),
            }),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Rename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rename::Table { from, to } => write!(f, "{from}={to}"),
            Rename::Column { table, from, to } => write!(f, "{table}.{from}={table}.{to}"),
        }
    }
}

/// `from` with the applicable renames done, and the rename changes. Table renames come
/// first, so a column hint names the table by its new name.
pub(crate) fn apply(from: &Schema, to: &Schema, renames: &[Rename]) -> (Schema, Vec<Change>) {
    let mut renamed = from.clone();
    let mut changes = Vec::new();
    let mut sorted = renames.to_vec();
    sorted.sort();
    for rename in &sorted {
        if let Rename::Table { from: old, to: new } = rename {
            let applies = renamed.tables.contains_key(old)
                && !renamed.tables.contains_key(new)
                && to.tables.contains_key(new)
                && !to.tables.contains_key(old);
            if !applies {
                continue;
            }
            let mut table = renamed.tables.remove(old).expect("checked above");
            table.name = new.clone();
            renamed.tables.insert(new.clone(), table);
            for t in renamed.tables.values_mut() {
                for fk in t.foreign_keys.values_mut() {
                    if fk.references == *old {
                        fk.references = new.clone();
                    }
                }
            }
            for s in renamed.sequences.values_mut() {
                if let Some(owner) = &mut s.owned_by
                    && owner.table == *old
                {
                    owner.table = new.clone();
                }
            }
            changes.push(Change::RenameTable {
                from: old.clone(),
                to: new.clone(),
            });
        }
    }
    for rename in &sorted {
        if let Rename::Column {
            table,
            from: old,
            to: new,
        } = rename
        {
            let desired = to.tables.get(table);
            let applies = renamed
                .tables
                .get(table)
                .is_some_and(|t| t.column(old).is_some() && t.column(new).is_none())
                && desired.is_some_and(|t| t.column(new).is_some() && t.column(old).is_none());
            if !applies {
                continue;
            }
            rename_column(&mut renamed, table, old, new);
            changes.push(Change::RenameColumn {
                table: table.clone(),
                from: old.clone(),
                to: new.clone(),
            });
        }
    }
    (renamed, changes)
}

fn rename_column(schema: &mut Schema, table: &QualifiedName, old: &str, new: &str) {
    let swap = |names: &mut Vec<String>| {
        for n in names.iter_mut() {
            if n == old {
                *n = new.to_string();
            }
        }
    };
    for t in schema.tables.values_mut() {
        for fk in t.foreign_keys.values_mut() {
            if fk.references == *table {
                swap(&mut fk.referenced_columns);
            }
        }
    }
    let t = schema.tables.get_mut(table).expect("checked by the caller");
    for c in &mut t.columns {
        if c.name == old {
            c.name = new.to_string();
        }
    }
    if let Some(pk) = &mut t.primary_key {
        swap(&mut pk.columns);
        swap(&mut pk.include);
    }
    for u in t.unique_constraints.values_mut() {
        swap(&mut u.columns);
        swap(&mut u.include);
    }
    for fk in t.foreign_keys.values_mut() {
        swap(&mut fk.columns);
    }
    for index in t.indexes.values_mut() {
        for key in &mut index.keys {
            if let IndexTarget::Column(c) = &mut key.target
                && c == old
            {
                *c = new.to_string();
            }
        }
        swap(&mut index.include);
    }
    for s in schema.sequences.values_mut() {
        if let Some(owner) = &mut s.owned_by
            && owner.table == *table
            && owner.column == old
        {
            owner.column = new.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_table_and_column_hints_and_rejects_others() {
        assert_eq!(
            Rename::parse("public.users=public.people").unwrap(),
            Rename::Table {
                from: QualifiedName::new("public", "users"),
                to: QualifiedName::new("public", "people"),
            }
        );
        assert_eq!(
            Rename::parse("app.users.email=app.users.mail").unwrap(),
            Rename::Column {
                table: QualifiedName::new("app", "users"),
                from: "email".into(),
                to: "mail".into(),
            }
        );
        for bad in [
            "users=people",
            "a.users=b.users",
            "public.t.a=public.u.b",
            "public.t",
            "public.t=",
            "public..x=public..y",
        ] {
            let err = Rename::parse(bad).unwrap_err();
            assert!(err.to_string().starts_with(&format!("bad rename `{bad}`")));
        }
    }
}

//! Rename hints: a schema (namespace), table, column, index, constraint or enum value the
//! desired schema names differently is renamed instead of dropped and re-created. The differ
//! applies the hints to a copy of the current schema (the object, and everything that names
//! it, take the new name), diffs that copy against the desired schema, and puts the rename
//! changes first. A hint whose old object does not exist or is still desired, whose new
//! object is not desired or already exists, or whose new name is taken, is ignored.

use crate::Change;
use schema_ir::{
    Expr, IndexTarget, QualifiedName, ReplicaIdentity, Schema, Table, quote_ident, quote_literal,
};
use std::fmt;

/// A rename hint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rename {
    /// A schema (namespace) renamed, with everything in it. Sorted first: the other renames
    /// name their objects by the new schema.
    Schema { from: String, to: String },
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
    /// An index (one that backs no constraint) renamed within its schema.
    Index {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A constraint of `table` (the table's name in the desired schema) renamed: a primary
    /// key, unique, check, foreign key or exclusion constraint; the index of a key or
    /// exclusion constraint takes the new name with it.
    Constraint {
        table: QualifiedName,
        from: String,
        to: String,
    },
    /// A value (label) of an enum type renamed.
    EnumValue {
        enum_type: QualifiedName,
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
            "bad rename `{}`: expected one of\n  \
             schema:schema=new_schema\n  \
             schema.table=schema.new_table (or table:…)\n  \
             schema.table.column=schema.table.new_column (or column:…)\n  \
             index:schema.index=schema.new_index\n  \
             constraint:schema.table.constraint=schema.table.new_constraint\n  \
             enum:schema.type.value=schema.type.new_value\n\
             (a name with `.`, `=`, quotes or spaces in it is double-quoted)",
            self.0
        )
    }
}

impl std::error::Error for BadRename {}

impl Rename {
    /// Reads `[KIND:]OLD=NEW`: `schema:app=core` (a schema), `public.users=public.people` (a
    /// table, within one schema),
    /// `public.users.email=public.users.mail` (a column),
    /// `index:public.users_x=public.users_y`, `constraint:public.users.a_key=public.users.b_key`,
    /// `enum:public.mood.sad=public.mood.blue`; `table:` and `column:` may be written too. Bare
    /// names are taken as written; a name may be double- (or single-) quoted, with the quote
    /// doubled inside.
    pub fn parse(spec: &str) -> Result<Rename, BadRename> {
        let bad = || BadRename(spec.to_string());
        let (kind, body) = match spec.split_once(':') {
            Some((kind, body))
                if !kind.is_empty() && kind.chars().all(|c| c.is_ascii_lowercase()) =>
            {
                (Some(kind), body)
            }
            _ => (None, spec),
        };
        let (old, new) = split_spec(body.trim()).ok_or_else(bad)?;
        let same_prefix =
            |n: usize| old.len() == n + 1 && new.len() == n + 1 && old[..n] == new[..n];
        let qn = |parts: &[String]| QualifiedName::new(parts[0].as_str(), parts[1].as_str());
        match (kind, old.len()) {
            (Some("schema"), 1) if new.len() == 1 => Ok(Rename::Schema {
                from: old[0].clone(),
                to: new[0].clone(),
            }),
            (None | Some("table"), 2) if same_prefix(1) => Ok(Rename::Table {
                from: qn(&old),
                to: qn(&new),
            }),
            (Some("index"), 2) if same_prefix(1) => Ok(Rename::Index {
                from: qn(&old),
                to: qn(&new),
            }),
            (None | Some("column"), 3) if same_prefix(2) => Ok(Rename::Column {
                table: qn(&new),
                from: old[2].clone(),
                to: new[2].clone(),
            }),
            (Some("constraint"), 3) if same_prefix(2) => Ok(Rename::Constraint {
                table: qn(&new),
                from: old[2].clone(),
                to: new[2].clone(),
            }),
            (Some("enum"), 3) if same_prefix(2) => Ok(Rename::EnumValue {
                enum_type: qn(&new),
                from: old[2].clone(),
                to: new[2].clone(),
            }),
            _ => Err(bad()),
        }
    }
}

/// `OLD=NEW`, each side a `.`-separated list of non-empty parts, bare or quoted.
fn split_spec(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let mut quote = None;
    let mut equals = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '=') if equals.is_none() => equals = Some(i),
            (None, '=') => return None,
            _ => {}
        }
    }
    let at = equals?;
    Some((
        split_parts(text[..at].trim())?,
        split_parts(text[at + 1..].trim())?,
    ))
}

/// A whole `a."b.c".d` as its parts, unquoted.
fn split_parts(text: &str) -> Option<Vec<String>> {
    match schema_ir::split_name(text, &[])? {
        (parts, "") => Some(parts),
        _ => None,
    }
}

impl fmt::Display for Rename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rename::Schema { from, to } => {
                write!(f, "schema:{}={}", quote_ident(from), quote_ident(to))
            }
            Rename::Table { from, to } => write!(f, "{from}={to}"),
            Rename::Column { table, from, to } => write!(
                f,
                "{table}.{}={table}.{}",
                quote_ident(from),
                quote_ident(to)
            ),
            Rename::Index { from, to } => write!(f, "index:{from}={to}"),
            Rename::Constraint { table, from, to } => write!(
                f,
                "constraint:{table}.{}={table}.{}",
                quote_ident(from),
                quote_ident(to)
            ),
            Rename::EnumValue {
                enum_type,
                from,
                to,
            } => write!(
                f,
                "enum:{enum_type}.{}={enum_type}.{}",
                quote_ident(from),
                quote_ident(to)
            ),
        }
    }
}

/// `from` with the applicable renames done, and the rename changes. Schema renames come
/// first, then table renames, then column, index and constraint renames, so each names its
/// schema and table by their new names. `None` instead of the schema when no rename
/// applies: the current schema is then compared as it is.
pub(crate) fn apply(
    from: &Schema,
    to: &Schema,
    renames: &[Rename],
) -> (Option<Schema>, Vec<Change>) {
    if renames.is_empty() {
        return (None, Vec::new());
    }
    let mut renamed = from.clone();
    let mut changes = Vec::new();
    let mut sorted = renames.to_vec();
    sorted.sort();
    sorted.dedup();
    for rename in &sorted {
        if let Some(change) = apply_one(&mut renamed, to, rename) {
            changes.push(change);
        }
    }
    let renamed = (!changes.is_empty()).then_some(renamed);
    (renamed, changes)
}

/// Does one rename on `schema` if it applies, and returns its change.
fn apply_one(schema: &mut Schema, to: &Schema, rename: &Rename) -> Option<Change> {
    match rename {
        Rename::Schema { from: old, to: new } => {
            let applies = schema.namespaces.contains_key(old)
                && !schema.namespaces.contains_key(new)
                && to.namespaces.contains_key(new)
                && !to.namespaces.contains_key(old);
            if !applies {
                return None;
            }
            schema.rename_namespace(old, new);
            Some(Change::RenameSchema {
                from: old.clone(),
                to: new.clone(),
            })
        }
        Rename::Table { from: old, to: new } => {
            let applies = schema.tables.contains_key(old)
                && !relation_taken(schema, &new.schema, &new.name)
                && to.tables.contains_key(new)
                && !to.tables.contains_key(old);
            if !applies {
                return None;
            }
            rename_table(schema, old, new);
            Some(Change::RenameTable {
                from: old.clone(),
                to: new.clone(),
            })
        }
        Rename::Column {
            table,
            from: old,
            to: new,
        } => {
            let desired = to.tables.get(table);
            let applies = schema
                .tables
                .get(table)
                .is_some_and(|t| t.column(old).is_some() && t.column(new).is_none())
                && desired.is_some_and(|t| t.column(new).is_some() && t.column(old).is_none());
            if !applies {
                return None;
            }
            rename_column(schema, table, old, new);
            Some(Change::RenameColumn {
                table: table.clone(),
                from: old.clone(),
                to: new.clone(),
            })
        }
        Rename::Index { from: old, to: new } => {
            let table = index_table(schema, old)?;
            let applies = index_table(to, new).as_ref() == Some(&table)
                && index_table(to, old).is_none()
                && !relation_taken(schema, &new.schema, &new.name);
            if !applies {
                return None;
            }
            let t = schema.tables.get_mut(&table)?;
            let mut index = t.indexes.remove(&old.name)?;
            index.name = new.name.clone();
            t.indexes.insert(new.name.clone(), index);
            rename_replica_index(t, &old.name, &new.name);
            Some(Change::RenameIndex {
                table,
                from: old.name.clone(),
                to: new.name.clone(),
            })
        }
        Rename::Constraint {
            table,
            from: old,
            to: new,
        } => {
            let current = schema.tables.get(table)?;
            let kind = constraint_kind(current, old)?;
            let desired = to.tables.get(table)?;
            let applies = constraint_kind(desired, new) == Some(kind)
                && constraint_kind(desired, old).is_none()
                && constraint_kind(current, new).is_none()
                && !(kind.has_index() && relation_taken(schema, &table.schema, new));
            if !applies {
                return None;
            }
            let t = schema.tables.get_mut(table)?;
            rename_constraint(t, kind, old, new);
            Some(Change::RenameConstraint {
                table: table.clone(),
                from: old.clone(),
                to: new.clone(),
                with_index: kind.has_index(),
            })
        }
        Rename::EnumValue {
            enum_type,
            from: old,
            to: new,
        } => {
            let current = schema.enums.get(enum_type)?;
            let desired = to.enums.get(enum_type)?;
            let applies = current.values.contains(old)
                && !current.values.contains(new)
                && desired.values.contains(new)
                && !desired.values.contains(old);
            if !applies {
                return None;
            }
            rename_enum_value(schema, enum_type, old, new);
            Some(Change::RenameEnumValue {
                enum_type: enum_type.clone(),
                from: old.clone(),
                to: new.clone(),
            })
        }
    }
}

/// Whether `name` is a relation (table, view, sequence, composite type, or an index,
/// including the index of a key or exclusion constraint) in namespace `ns`.
fn relation_taken(schema: &Schema, ns: &str, name: &str) -> bool {
    let here = QualifiedName::new(ns, name);
    schema.tables.contains_key(&here)
        || schema.views.contains_key(&here)
        || schema.sequences.contains_key(&here)
        || schema.composite_types.contains_key(&here)
        || schema.tables.values().any(|t| {
            t.name.schema == ns
                && (t.indexes.contains_key(name)
                    || t.primary_key.as_ref().is_some_and(|pk| pk.name == name)
                    || t.unique_constraints.contains_key(name)
                    || t.exclusions.contains_key(name))
        })
}

/// The table of the index `name` (an index backing no constraint), if there is one.
fn index_table(schema: &Schema, name: &QualifiedName) -> Option<QualifiedName> {
    schema
        .tables
        .values()
        .find(|t| t.name.schema == name.schema && t.indexes.contains_key(&name.name))
        .map(|t| t.name.clone())
}

/// The kinds of constraint a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConstraintKind {
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Exclusion,
}

impl ConstraintKind {
    /// Whether the constraint has an index of its own name.
    fn has_index(self) -> bool {
        matches!(
            self,
            ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclusion
        )
    }
}

fn constraint_kind(table: &Table, name: &str) -> Option<ConstraintKind> {
    if table.primary_key.as_ref().is_some_and(|pk| pk.name == name) {
        Some(ConstraintKind::PrimaryKey)
    } else if table.unique_constraints.contains_key(name) {
        Some(ConstraintKind::Unique)
    } else if table.checks.contains_key(name) {
        Some(ConstraintKind::Check)
    } else if table.foreign_keys.contains_key(name) {
        Some(ConstraintKind::ForeignKey)
    } else if table.exclusions.contains_key(name) {
        Some(ConstraintKind::Exclusion)
    } else {
        None
    }
}

fn rename_constraint(t: &mut Table, kind: ConstraintKind, old: &str, new: &str) {
    fn rekey<V>(
        map: &mut std::collections::BTreeMap<String, V>,
        old: &str,
        new: &str,
        name: impl FnOnce(&mut V) -> &mut String,
    ) {
        if let Some(mut value) = map.remove(old) {
            *name(&mut value) = new.to_string();
            map.insert(new.to_string(), value);
        }
    }
    match kind {
        ConstraintKind::PrimaryKey => {
            if let Some(pk) = &mut t.primary_key {
                pk.name = new.to_string();
            }
        }
        ConstraintKind::Unique => rekey(&mut t.unique_constraints, old, new, |u| &mut u.name),
        ConstraintKind::Check => rekey(&mut t.checks, old, new, |c| &mut c.name),
        ConstraintKind::ForeignKey => rekey(&mut t.foreign_keys, old, new, |f| &mut f.name),
        ConstraintKind::Exclusion => rekey(&mut t.exclusions, old, new, |e| &mut e.name),
    }
    if kind.has_index() {
        rename_replica_index(t, old, new);
    }
}

/// A replica identity `USING INDEX old` follows its index to the new name.
fn rename_replica_index(t: &mut Table, old: &str, new: &str) {
    if t.replica_identity == ReplicaIdentity::Index(old.to_string()) {
        t.replica_identity = ReplicaIdentity::Index(new.to_string());
    }
}

/// Renames the value in the type, and in the expressions that may name it: PostgreSQL
/// stores an enum constant as the value itself, so defaults, checks, index predicates and
/// views follow the rename. A literal `'old'` is taken for the value in the defaults of the
/// type's columns and in the checks, indexes and views over a table with such a column
/// (anything missed is only rebuilt by the diff).
fn rename_enum_value(schema: &mut Schema, enum_type: &QualifiedName, old: &str, new: &str) {
    if let Some(e) = schema.enums.get_mut(enum_type) {
        for v in &mut e.values {
            if v == old {
                *v = new.to_string();
            }
        }
    }
    let literal = Literal {
        old: quote_literal(old),
        new: quote_literal(new),
        casts: if enum_type.schema == "public" {
            vec![
                format!("::{enum_type}"),
                format!("::{}", quote_ident(&enum_type.name)),
            ]
        } else {
            vec![format!("::{enum_type}")]
        },
    };
    let uses = |t: &Table| {
        t.columns
            .iter()
            .any(|c| c.data_type.user_type().as_ref() == Some(enum_type))
    };
    let using: Vec<QualifiedName> = schema
        .tables
        .values()
        .filter(|t| uses(t))
        .map(|t| t.name.clone())
        .collect();
    for name in &using {
        let Some(t) = schema.tables.get_mut(name) else {
            continue;
        };
        for c in &mut t.columns {
            if c.data_type.user_type().as_ref() == Some(enum_type) {
                c.default.iter_mut().for_each(|e| literal.swap(e));
                c.generated.iter_mut().for_each(|e| literal.swap(e));
            }
        }
        t.checks
            .values_mut()
            .for_each(|c| literal.swap(&mut c.expr));
        for index in t.indexes.values_mut() {
            index.predicate.iter_mut().for_each(|e| literal.swap(e));
            for key in &mut index.keys {
                if let IndexTarget::Expression(e) = &mut key.target {
                    literal.swap(e);
                }
            }
        }
    }
    for view in schema.views.values_mut() {
        if view.references.iter().any(|r| using.contains(r)) {
            literal.swap(&mut view.definition);
        }
    }
}

/// An enum value's literal being renamed in expression text.
struct Literal {
    old: String,
    new: String,
    /// The casts to the enum type that may follow the literal (`::public.mood`).
    casts: Vec<String>,
}

impl Literal {
    fn swap(&self, e: &mut Expr) {
        e.sql = self.replace(&e.sql);
        e.key = self.replace(&e.key);
    }

    /// `text` with the old literal replaced where it stands alone (not inside another
    /// literal or after `E`) and is not cast to another type.
    fn replace(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(&self.old) {
            let before = if at > 0 {
                rest[..at].chars().last()
            } else {
                out.chars().last()
            };
            let after = &rest[at + self.old.len()..];
            let alone = !before.is_some_and(|c| c == '\'' || c.is_alphanumeric() || c == '_');
            let cast_elsewhere = after.starts_with("::")
                && !self.casts.iter().any(|cast| {
                    after.strip_prefix(cast.as_str()).is_some_and(|tail| {
                        !tail
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    })
                });
            let continues = after.starts_with('\'');
            out.push_str(&rest[..at]);
            out.push_str(if alone && !cast_elsewhere && !continues {
                &self.new
            } else {
                &self.old
            });
            rest = after;
        }
        out.push_str(rest);
        out
    }
}

fn rename_table(schema: &mut Schema, old: &QualifiedName, new: &QualifiedName) {
    let Some(mut table) = schema.tables.remove(old) else {
        return;
    };
    table.name = new.clone();
    schema.tables.insert(new.clone(), table);
    for t in schema.tables.values_mut() {
        for fk in t.foreign_keys.values_mut() {
            if fk.references == *old {
                fk.references = new.clone();
            }
        }
    }
    for s in schema.sequences.values_mut() {
        if let Some(owner) = &mut s.owned_by
            && owner.table == *old
        {
            owner.table = new.clone();
        }
    }
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
            "index:public.a=other.b",
            "constraint:public.t.a=public.u.b",
            "enum:public.mood.a=public.mood",
            "schema:app.x=core.x",
            "schema:app=",
            "view:public.a=public.b",
            "public.a=public.b=public.c",
            "public.\"a=public.b",
            "public.a b=public.c",
        ] {
            let err = Rename::parse(bad).unwrap_err();
            assert!(err.to_string().starts_with(&format!("bad rename `{bad}`")));
        }
    }

    #[test]
    fn parses_the_kinds_and_quoted_names() {
        let cases = [
            (
                "schema:app=core",
                Rename::Schema {
                    from: "app".into(),
                    to: "core".into(),
                },
            ),
            (
                "schema:\"Old App\"=\"new.app\"",
                Rename::Schema {
                    from: "Old App".into(),
                    to: "new.app".into(),
                },
            ),
            (
                "table:public.a=public.b",
                Rename::Table {
                    from: QualifiedName::new("public", "a"),
                    to: QualifiedName::new("public", "b"),
                },
            ),
            (
                "index:public.t_a_idx=public.t_b_idx",
                Rename::Index {
                    from: QualifiedName::new("public", "t_a_idx"),
                    to: QualifiedName::new("public", "t_b_idx"),
                },
            ),
            (
                "constraint:public.t.t_a_key=public.t.t_b_key",
                Rename::Constraint {
                    table: QualifiedName::new("public", "t"),
                    from: "t_a_key".into(),
                    to: "t_b_key".into(),
                },
            ),
            (
                "enum:public.mood.\"so so\"=public.mood.'it''s ok'",
                Rename::EnumValue {
                    enum_type: QualifiedName::new("public", "mood"),
                    from: "so so".into(),
                    to: "it's ok".into(),
                },
            ),
            (
                "public.\"My.Table\" = public.\"Other\"",
                Rename::Table {
                    from: QualifiedName::new("public", "My.Table"),
                    to: QualifiedName::new("public", "Other"),
                },
            ),
        ];
        for (spec, expected) in cases {
            let parsed = Rename::parse(spec).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed, expected, "{spec}");
            // What Display prints reads back as the same rename.
            assert_eq!(Rename::parse(&parsed.to_string()).unwrap(), expected);
        }
        let err = Rename::parse("index:a=b").unwrap_err().to_string();
        assert!(err.contains("index:schema.index=schema.new_index"), "{err}");
        assert!(err.contains("schema:schema=new_schema"), "{err}");
        assert!(
            err.contains("enum:schema.type.value=schema.type.new_value"),
            "{err}"
        );
    }

    #[test]
    fn an_enum_literal_is_renamed_where_it_stands_alone() {
        let literal = Literal {
            old: "'sad'".into(),
            new: "'blue'".into(),
            casts: vec!["::public.mood".into(), "::mood".into()],
        };
        for (text, expected) in [
            ("'sad'", "'blue'"),
            ("m <> 'sad'::mood", "m <> 'blue'::mood"),
            (
                "m = ANY (ARRAY['happy', 'sad'])",
                "m = ANY (ARRAY['happy', 'blue'])",
            ),
            ("note <> 'sad'::text", "note <> 'sad'::text"),
            ("'sad'::moods", "'sad'::moods"),
            ("'it''sad'", "'it''sad'"),
            ("E'sad'", "E'sad'"),
        ] {
            assert_eq!(literal.replace(text), expected, "{text}");
        }
    }
}

//! Renaming a namespace inside a [`Schema`]: the keys and names of the objects living in it and
//! every reference to them (foreign keys, types, sequence owners, partitions, trigger
//! functions, grants, extensions) take the new name, and expression text (defaults, checks,
//! index expressions, view queries, SQL-standard routine bodies, policies) is rewritten token
//! by token, the way PostgreSQL prints them after `ALTER SCHEMA … RENAME TO`. Routine bodies
//! kept as strings (`AS $$…$$`) are not rewritten, since PostgreSQL stores them as text.

use crate::{
    DataType, Expr, FunctionBody, GrantTarget, IndexKey, IndexTarget, QualifiedName, Schema,
    quote_ident,
};
use std::collections::{BTreeMap, BTreeSet};

impl Schema {
    /// Renames namespace `from` to `to` everywhere: see the module documentation.
    pub fn rename_namespace(&mut self, from: &str, to: &str) {
        let r = Renamer {
            from,
            to,
            relation_named_like_it: self
                .tables
                .keys()
                .chain(self.views.keys())
                .any(|n| n.name == from),
            members: self.member_names(from),
        };
        if let Some(mut ns) = self.namespaces.remove(from) {
            ns.name = to.to_string();
            self.namespaces.insert(to.to_string(), ns);
        }
        for e in self.extensions.values_mut() {
            if e.schema == from {
                e.schema = to.to_string();
            }
        }
        self.enums = rekey(std::mem::take(&mut self.enums), &r, |e| &mut e.name);
        self.collations = rekey(std::mem::take(&mut self.collations), &r, |c| &mut c.name);
        for e in self.event_triggers.values_mut() {
            r.name(&mut e.function);
        }
        for p in self.publications.values_mut() {
            p.tables = std::mem::take(&mut p.tables)
                .into_iter()
                .map(|(mut name, mut t)| {
                    r.name(&mut name);
                    r.opt_expr(&mut t.row_filter);
                    (name, t)
                })
                .collect();
            p.schemas = std::mem::take(&mut p.schemas)
                .into_iter()
                .map(|s| if s == from { to.to_string() } else { s })
                .collect();
        }
        self.text_search_dictionaries = rekey(
            std::mem::take(&mut self.text_search_dictionaries),
            &r,
            |d| &mut d.name,
        );
        for d in self.text_search_dictionaries.values_mut() {
            r.name(&mut d.template);
        }
        self.text_search_configurations = rekey(
            std::mem::take(&mut self.text_search_configurations),
            &r,
            |c| &mut c.name,
        );
        for c in self.text_search_configurations.values_mut() {
            r.name(&mut c.parser);
            c.mappings.values_mut().flatten().for_each(|d| r.name(d));
        }
        self.sequences = rekey(std::mem::take(&mut self.sequences), &r, |s| &mut s.name);
        for s in self.sequences.values_mut() {
            r.data_type(&mut s.data_type);
            if let Some(owner) = &mut s.owned_by {
                r.name(&mut owner.table);
            }
        }
        self.domains = rekey(std::mem::take(&mut self.domains), &r, |d| &mut d.name);
        for d in self.domains.values_mut() {
            r.data_type(&mut d.data_type);
            r.opt_text(&mut d.collation);
            r.opt_expr(&mut d.default);
            for c in d.checks.values_mut() {
                r.expr(&mut c.expr);
            }
        }
        self.composite_types = rekey(std::mem::take(&mut self.composite_types), &r, |c| {
            &mut c.name
        });
        for c in self.composite_types.values_mut() {
            for a in &mut c.attributes {
                r.data_type(&mut a.data_type);
                r.opt_text(&mut a.collation);
            }
        }
        self.tables = rekey(std::mem::take(&mut self.tables), &r, |t| &mut t.name);
        for t in self.tables.values_mut() {
            for c in &mut t.columns {
                r.data_type(&mut c.data_type);
                r.opt_expr(&mut c.default);
                r.opt_expr(&mut c.generated);
                r.opt_text(&mut c.collation);
            }
            for c in t.checks.values_mut() {
                r.expr(&mut c.expr);
            }
            for fk in t.foreign_keys.values_mut() {
                r.name(&mut fk.references);
            }
            for parent in &mut t.inherits {
                r.name(parent);
            }
            for x in t.exclusions.values_mut() {
                r.opt_expr(&mut x.predicate);
                for element in &mut x.elements {
                    r.index_key(&mut element.key);
                    element.operator = rewrite_schema_qualifiers(&element.operator, from, to);
                }
            }
            for index in t.indexes.values_mut() {
                r.index(index);
            }
            for trigger in t.triggers.values_mut() {
                r.name(&mut trigger.function);
                if let Some(c) = &mut trigger.constraint
                    && let Some(referenced) = &mut c.referenced_table
                {
                    r.name(referenced);
                }
                // In a trigger's WHEN, `old.x` and `new.x` are the rows, never a schema.
                if !["old", "new"].contains(&from) {
                    r.opt_expr(&mut trigger.when);
                }
            }
            t.statistics = rekey(std::mem::take(&mut t.statistics), &r, |s| &mut s.name);
            for s in t.statistics.values_mut() {
                s.expressions.iter_mut().for_each(|e| r.expr(e));
            }
            for rule in t.rules.values_mut() {
                // As in a trigger's WHEN, `old.x` and `new.x` are the rows, never a schema.
                if !["old", "new"].contains(&from) {
                    r.opt_expr(&mut rule.condition);
                    for action in &mut rule.actions {
                        r.expr(action);
                    }
                }
                rule.references = std::mem::take(&mut rule.references)
                    .into_iter()
                    .map(|mut n| {
                        r.name(&mut n);
                        n
                    })
                    .collect();
            }
            for p in t.policies.values_mut() {
                r.opt_expr(&mut p.using);
                r.opt_expr(&mut p.with_check);
            }
            t.partitions = rekey(std::mem::take(&mut t.partitions), &r, |p| &mut p.name);
            let keys = t.partitions.values_mut().map(|p| {
                r.expr(&mut p.bound);
                if let Some(parent) = &mut p.parent {
                    r.name(parent);
                }
                p.indexes.values_mut().for_each(|i| r.index(i));
                &mut p.partition_by
            });
            for key in keys.chain([&mut t.partition_by]).flatten() {
                for k in &mut key.keys {
                    r.index_key(k);
                }
            }
        }
        self.views = rekey(std::mem::take(&mut self.views), &r, |v| &mut v.name);
        for v in self.views.values_mut() {
            r.expr(&mut v.definition);
            for key in &mut v.column_keys {
                *key = rewrite_schema_qualifiers(key, from, to);
            }
            v.references = std::mem::take(&mut v.references)
                .into_iter()
                .map(|mut n| {
                    r.name(&mut n);
                    n
                })
                .collect();
            for index in v.indexes.values_mut() {
                r.index(index);
            }
        }
        let functions = std::mem::take(&mut self.functions);
        for (_, mut f) in functions {
            r.name(&mut f.name);
            for a in &mut f.arguments {
                r.data_type(&mut a.data_type);
                r.opt_expr(&mut a.default);
            }
            if let Some(returns) = &mut f.returns {
                r.data_type(&mut returns.data_type);
            }
            // A body in a string keeps its text, and what it reads is read from that text.
            if let FunctionBody::Standard(body) = &mut f.body {
                r.expr(body);
                f.references = std::mem::take(&mut f.references)
                    .into_iter()
                    .map(|mut n| {
                        r.name(&mut n);
                        n
                    })
                    .collect();
                f.calls = std::mem::take(&mut f.calls)
                    .into_iter()
                    .map(|mut n| {
                        r.name(&mut n);
                        n
                    })
                    .collect();
            }
            self.functions.insert(f.signature(), f);
        }
        let aggregates = std::mem::take(&mut self.aggregates);
        for (_, mut a) in aggregates {
            r.name(&mut a.name);
            a.arguments.iter_mut().for_each(|t| r.data_type(t));
            r.data_type(&mut a.state_type);
            r.name(&mut a.state_function);
            for f in [
                &mut a.final_function,
                &mut a.combine_function,
                &mut a.serial_function,
                &mut a.deserial_function,
            ]
            .into_iter()
            .flatten()
            {
                r.name(f);
            }
            r.opt_text(&mut a.sort_operator);
            self.aggregates.insert(a.signature(), a);
        }
        self.grants = std::mem::take(&mut self.grants)
            .into_iter()
            .map(|mut g| {
                match &mut g.target {
                    GrantTarget::Schema(s) => {
                        if s == from {
                            *s = to.to_string();
                        }
                    }
                    GrantTarget::Relation(n)
                    | GrantTarget::Column(n, _)
                    | GrantTarget::Sequence(n) => r.name(n),
                    GrantTarget::Function(signature) => {
                        *signature = rewrite_schema_qualifiers(signature, from, to);
                    }
                }
                g
            })
            .collect();
    }
}

impl Schema {
    /// The names of the objects in namespace `ns` that expressions can name (relations,
    /// types, routines, collations, and the types of extensions installed there).
    fn member_names(&self, ns: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for n in self
            .tables
            .keys()
            .chain(self.views.keys())
            .chain(self.sequences.keys())
            .chain(self.enums.keys())
            .chain(self.domains.keys())
            .chain(self.composite_types.keys())
            .chain(self.collations.keys())
            .chain(self.functions.values().map(|f| &f.name))
            .chain(self.aggregates.values().map(|a| &a.name))
        {
            if n.schema == ns {
                names.insert(n.name.clone());
            }
        }
        for e in self.extensions.values().filter(|e| e.schema == ns) {
            names.extend(
                crate::Extension::known_types(&e.name)
                    .iter()
                    .map(|t| t.to_string()),
            );
        }
        names
    }
}

/// The namespace being renamed.
struct Renamer<'a> {
    from: &'a str,
    to: &'a str,
    /// A table or view has the namespace's name, so in an expression `from.x` may be its
    /// column `x` rather than the object `x` of the namespace.
    relation_named_like_it: bool,
    /// What the namespace holds, by name (see [`Schema::member_names`]).
    members: BTreeSet<String>,
}

impl Renamer<'_> {
    /// Whether `from.part` in an expression is a column of a relation named `from` (`None`
    /// for `from.*`): only when such a relation exists and the namespace holds no `part`.
    fn column(&self, part: Option<&str>) -> bool {
        self.relation_named_like_it && !part.is_some_and(|p| self.members.contains(p))
    }

    fn name(&self, name: &mut QualifiedName) {
        if name.schema == self.from {
            name.schema = self.to.to_string();
        }
    }

    fn data_type(&self, t: &mut DataType) {
        t.0 = rewrite_schema_qualifiers(&t.0, self.from, self.to);
    }

    fn opt_text(&self, text: &mut Option<String>) {
        if let Some(t) = text {
            *t = rewrite_schema_qualifiers(t, self.from, self.to);
        }
    }

    fn expr(&self, e: &mut Expr) {
        let column = |part: Option<&str>| self.column(part);
        e.sql = rewrite_qualifiers(&e.sql, self.from, self.to, &column);
        e.key = rewrite_qualifiers(&e.key, self.from, self.to, &column);
    }

    fn opt_expr(&self, e: &mut Option<Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn index_key(&self, key: &mut IndexKey) {
        if let IndexTarget::Expression(e) = &mut key.target {
            self.expr(e);
        }
        self.opt_text(&mut key.collation);
        self.opt_text(&mut key.opclass);
    }

    fn index(&self, index: &mut crate::Index) {
        self.opt_expr(&mut index.predicate);
        for key in &mut index.keys {
            self.index_key(key);
        }
    }
}

/// `map` with every value renamed (through `name`) and keyed by its new name.
fn rekey<V>(
    map: BTreeMap<QualifiedName, V>,
    r: &Renamer,
    name: impl Fn(&mut V) -> &mut QualifiedName,
) -> BTreeMap<QualifiedName, V> {
    map.into_iter()
        .map(|(mut key, mut value)| {
            r.name(&mut key);
            r.name(name(&mut value));
            (key, value)
        })
        .collect()
}

/// The casts whose string operand is an object name PostgreSQL resolves when the expression
/// is stored, and prints by its current name (`nextval('app.s'::regclass)`).
const NAME_CASTS: &[&str] = &[
    "regclass",
    "regcollation",
    "regconfig",
    "regdictionary",
    "regnamespace",
    "regoper",
    "regoperator",
    "regproc",
    "regprocedure",
    "regtype",
];

/// `sql` with every schema qualifier `from` (a bare identifier spelling `from` in lower case,
/// or a quoted one spelling it exactly, followed by `.` and not itself preceded by `.`)
/// replaced by `to`, quoted as needed. String literals, quoted identifiers, dollar-quoted
/// strings and comments are left alone, except a literal cast to an object-name type
/// (`'app.s'::regclass`) or given to `nextval`, `currval` or `setval`, whose name is
/// rewritten the same way (or replaced whole for `::regnamespace`).
pub fn rewrite_schema_qualifiers(sql: &str, from: &str, to: &str) -> String {
    rewrite_qualifiers(sql, from, to, &|_| false)
}

/// [`rewrite_schema_qualifiers`], leaving a two-part `from.part` (not followed by `.` or `(`)
/// alone where `column(Some(part))` (`column(None)` for `from.*`) says it is a column
/// reference.
fn rewrite_qualifiers(
    sql: &str,
    from: &str,
    to: &str,
    column: &dyn Fn(Option<&str>) -> bool,
) -> String {
    let bytes = sql.as_bytes();
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    // Whether the last token seen was a `.` (so an identifier now is not a schema).
    let mut after_dot = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' => {
                let escapes = i > 0
                    && matches!(bytes[i - 1], b'e' | b'E')
                    && !(i > 1 && is_ident_byte(bytes[i - 2]));
                let end = literal_end(bytes, i, escapes);
                let literal = &sql[i..end];
                let cast = name_cast(&sql[end..]).or_else(|| sequence_argument(&out));
                match cast {
                    Some(cast) if !escapes => {
                        let inner = literal[1..literal.len() - 1].replace("''", "'");
                        let renamed = if cast == "regnamespace" {
                            if split_ident(&inner).is_some_and(|n| n == from) {
                                quote_ident(to)
                            } else {
                                inner.clone()
                            }
                        } else {
                            rewrite_schema_qualifiers(&inner, from, to)
                        };
                        if renamed == inner {
                            out.push_str(literal);
                        } else {
                            out.push('\'');
                            out.push_str(&renamed.replace('\'', "''"));
                            out.push('\'');
                        }
                    }
                    _ => out.push_str(literal),
                }
                i = end;
                after_dot = false;
            }
            b'"' => {
                let end = quoted_end(bytes, i);
                let ident = sql[i + 1..end.saturating_sub(1).max(i + 1)].replace("\"\"", "\"");
                if !after_dot && ident == from && qualifies(sql, end, column) {
                    out.push_str(&quote_ident(to));
                } else {
                    out.push_str(&sql[i..end]);
                }
                i = end;
                after_dot = false;
            }
            b'$' if dollar_tag(bytes, i).is_some() => {
                let tag_len = dollar_tag(bytes, i).unwrap_or(0);
                let tag = &sql[i..i + tag_len];
                let end = sql[i + tag_len..]
                    .find(tag)
                    .map_or(sql.len(), |at| i + tag_len + at + tag_len);
                out.push_str(&sql[i..end]);
                i = end;
                after_dot = false;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                let end = sql[i..].find('\n').map_or(sql.len(), |at| i + at);
                out.push_str(&sql[i..end]);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = sql[i + 2..]
                    .find("*/")
                    .map_or(sql.len(), |at| i + 2 + at + 2);
                out.push_str(&sql[i..end]);
                i = end;
            }
            _ if is_ident_start(c) => {
                let mut end = i + 1;
                while end < bytes.len() && is_ident_byte(bytes[end]) {
                    end += 1;
                }
                let word = &sql[i..end];
                // `E'…'` is a literal: its prefix is handled with the quote.
                let prefix = matches!(word, "e" | "E") && bytes.get(end) == Some(&b'\'');
                if !prefix
                    && !after_dot
                    && word.to_lowercase() == from
                    && qualifies(sql, end, column)
                {
                    out.push_str(&quote_ident(to));
                } else {
                    out.push_str(word);
                }
                i = end;
                after_dot = false;
            }
            _ if c.is_ascii_digit() => {
                let mut end = i + 1;
                while end < bytes.len() && (is_ident_byte(bytes[end]) || bytes[end] == b'.') {
                    end += 1;
                }
                out.push_str(&sql[i..end]);
                i = end;
                after_dot = false;
            }
            _ => {
                let ch = sql[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
                if !ch.is_whitespace() {
                    after_dot = ch == '.';
                }
            }
        }
    }
    out
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

/// Whether the identifier ending at `at` qualifies what follows it as a schema: it is
/// followed by `.` and a name that is not, by `column`, a column reference.
fn qualifies(sql: &str, at: usize, column: &dyn Fn(Option<&str>) -> bool) -> bool {
    let bytes = sql.as_bytes();
    let skip = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let at = skip(at);
    if bytes.get(at) != Some(&b'.') {
        return false;
    }
    let start = skip(at + 1);
    let (part, end) = match bytes.get(start) {
        Some(b'*') => (None, start + 1),
        Some(b'"') => {
            let end = quoted_end(bytes, start);
            let inner = sql[start + 1..end.saturating_sub(1).max(start + 1)].replace("\"\"", "\"");
            (Some(inner), end)
        }
        Some(&c) if is_ident_start(c) => {
            let mut end = start + 1;
            while end < bytes.len() && is_ident_byte(bytes[end]) {
                end += 1;
            }
            (Some(sql[start..end].to_lowercase()), end)
        }
        _ => return true,
    };
    let next = bytes.get(skip(end));
    matches!(next, Some(b'.' | b'(')) || !column(part.as_deref())
}

/// The end (exclusive) of the string literal opening at `start`.
fn literal_end(bytes: &[u8], start: usize, escapes: bool) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if escapes => i += 2,
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end (exclusive) of the quoted identifier opening at `start`.
fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if bytes.get(i + 1) == Some(&b'"') => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The length of the dollar-quote tag (`$$`, `$body$`) opening at `start`, if one does
/// (`$1` is a parameter).
fn dollar_tag(bytes: &[u8], start: usize) -> Option<usize> {
    if start > 0 && is_ident_byte(bytes[start - 1]) {
        return None;
    }
    let mut i = start + 1;
    if bytes.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    while i < bytes.len() && is_ident_byte(bytes[i]) && bytes[i] != b'$' {
        i += 1;
    }
    (bytes.get(i) == Some(&b'$')).then_some(i + 1 - start)
}

/// The object-name type `rest` casts to (`::regclass`), if it starts with such a cast.
fn name_cast(rest: &str) -> Option<&'static str> {
    let rest = rest.strip_prefix("::")?.trim_start();
    let rest = rest.strip_prefix("pg_catalog.").unwrap_or(rest);
    NAME_CASTS.iter().copied().find(|cast| {
        rest.strip_prefix(cast)
            .is_some_and(|tail| !tail.bytes().next().is_some_and(is_ident_byte))
    })
}

/// `regclass` when `before` (the text up to a literal) ends in `nextval(`, `currval(` or
/// `setval(`, whose first argument is a sequence name even where no cast is written.
fn sequence_argument(before: &str) -> Option<&'static str> {
    let call = before.trim_end().strip_suffix('(')?.trim_end();
    let name_start = call
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = call[name_start..].to_ascii_lowercase();
    ["nextval", "currval", "setval"]
        .contains(&name.as_str())
        .then_some("regclass")
}

/// A single identifier, bare (folded to lower case) or quoted.
fn split_ident(text: &str) -> Option<String> {
    match crate::split_name(text.trim(), &[])? {
        (parts, "") if parts.len() == 1 => parts.into_iter().next(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Column, DataType, EnumType, ForeignKey, Function, Namespace, Parallel, Returns, Sequence,
        SequenceOwner, Table, View, Volatility,
    };

    #[test]
    fn qualifiers_are_rewritten_token_by_token() {
        let r = |s: &str| rewrite_schema_qualifiers(s, "old", "new_ns");
        for (text, expected) in [
            ("old.t", "new_ns.t"),
            ("OLD.t", "new_ns.t"),
            ("\"old\".t", "new_ns.t"),
            ("\"Old\".t", "\"Old\".t"),
            ("old . t", "new_ns . t"),
            ("old_count + 1", "old_count + 1"),
            ("old_count.x", "old_count.x"),
            ("x.old.t", "x.old.t"),
            ("'old.x'", "'old.x'"),
            ("E'it\\'s old.x'", "E'it\\'s old.x'"),
            ("'it''s old.x'", "'it''s old.x'"),
            ("$$ old.t $$", "$$ old.t $$"),
            ("$f$ old.t $f$ || old.t", "$f$ old.t $f$ || new_ns.t"),
            ("$1 + old.f($2)", "$1 + new_ns.f($2)"),
            ("'a'::old.mood", "'a'::new_ns.mood"),
            ("old", "old"),
            ("-- old.t\nold.t", "-- old.t\nnew_ns.t"),
            ("/* old.t */ old.t", "/* old.t */ new_ns.t"),
            (
                "nextval('old.t_id_seq'::regclass)",
                "nextval('new_ns.t_id_seq'::regclass)",
            ),
            ("'old.t'::text", "'old.t'::text"),
            ("nextval('old.s')", "nextval('new_ns.s')"),
            ("setval( 'old.s', 1)", "setval( 'new_ns.s', 1)"),
            ("mynextval('old.s')", "mynextval('old.s')"),
            ("lower('old.s')", "lower('old.s')"),
            ("'old'::regnamespace", "'new_ns'::regnamespace"),
            (
                "SELECT t.old_count FROM old.t WHERE (t.note <> 'old.x')",
                "SELECT t.old_count FROM new_ns.t WHERE (t.note <> 'old.x')",
            ),
            ("1.5 + old.f(2.0)", "1.5 + new_ns.f(2.0)"),
        ] {
            assert_eq!(r(text), expected, "{text}");
        }
        assert_eq!(
            rewrite_schema_qualifiers("app.t", "app", "New App"),
            "\"New App\".t"
        );
        assert_eq!(
            rewrite_schema_qualifiers("\"My App\".t, my app.t", "My App", "x"),
            "x.t, my app.t"
        );
    }

    #[test]
    fn columns_of_a_relation_named_like_the_namespace_stay() {
        let members: BTreeSet<String> = ["app".to_string(), "mood".to_string()].into();
        let r = Renamer {
            from: "app",
            to: "core",
            relation_named_like_it: true,
            members,
        };
        let column = |part: Option<&str>| r.column(part);
        let text = "SELECT app.id, app.*, app.f(app.id), app.app.id FROM app.app WHERE app.m <> 'a'::app.mood";
        assert_eq!(
            rewrite_qualifiers(text, "app", "core", &column),
            "SELECT app.id, app.*, core.f(app.id), core.app.id FROM core.app WHERE app.m <> 'a'::core.mood"
        );
    }

    #[test]
    fn a_namespace_rename_reaches_objects_and_references() {
        let mut schema = Schema::postgres();
        schema.namespaces.insert(
            "old".into(),
            Namespace {
                name: "old".into(),
                comment: Some("c".into()),
            },
        );
        let mood = QualifiedName::new("old", "mood");
        schema.enums.insert(
            mood.clone(),
            EnumType {
                name: mood.clone(),
                values: vec!["a".into()],
                comment: None,
            },
        );
        let t = QualifiedName::new("old", "t");
        let mut table = Table::new(t.clone());
        let mut id = Column::new("id", DataType::builtin("int4", &[], false));
        id.default = Some(Expr::new(
            "nextval('old.t_id_seq'::regclass)",
            "nextval('old.t_id_seq'::regclass)",
        ));
        table.columns.push(id);
        table.columns.push(Column::new(
            "old_count",
            DataType::builtin("int4", &[], false),
        ));
        table
            .columns
            .push(Column::new("m", DataType::user(&mood, true)));
        schema.tables.insert(t.clone(), table);
        let mut other = Table::new(QualifiedName::new("public", "u"));
        other.foreign_keys.insert(
            "u_t_fkey".into(),
            ForeignKey {
                name: "u_t_fkey".into(),
                columns: vec!["t".into()],
                references: t.clone(),
                referenced_columns: vec!["id".into()],
                on_delete: Default::default(),
                on_update: Default::default(),
                match_type: Default::default(),
                deferrable: Default::default(),
                not_valid: false,
            },
        );
        schema.tables.insert(other.name.clone(), other);
        let seq = QualifiedName::new("old", "t_id_seq");
        schema.sequences.insert(
            seq.clone(),
            Sequence {
                name: seq.clone(),
                data_type: DataType::builtin("int4", &[], false),
                options: crate::SequenceOptions::defaults(
                    &DataType::builtin("int4", &[], false),
                    1,
                ),
                owned_by: Some(SequenceOwner {
                    table: t.clone(),
                    column: "id".into(),
                }),
                comment: None,
            },
        );
        let view = QualifiedName::new("public", "v");
        let query = "SELECT t.old_count FROM old.t WHERE (t.m <> '{}'::old.mood[])";
        schema.views.insert(
            view.clone(),
            View {
                name: view.clone(),
                materialized: false,
                definition: Expr::new(query, query),
                columns: vec!["old_count".into()],
                column_keys: Vec::new(),
                references: [t.clone()].into(),
                options: Default::default(),
                indexes: Default::default(),
                with_no_data: false,
                comment: None,
            },
        );
        let function = |body: FunctionBody| Function {
            name: QualifiedName::new("old", "f"),
            procedure: false,
            arguments: vec![crate::Argument {
                mode: crate::ArgumentMode::In,
                name: None,
                data_type: DataType::user(&mood, false),
                default: None,
            }],
            returns: Some(Returns {
                setof: false,
                data_type: DataType::builtin("int8", &[], false),
            }),
            language: "sql".into(),
            body,
            volatility: Volatility::Volatile,
            strict: false,
            security_definer: false,
            leakproof: false,
            window: false,
            parallel: Parallel::Unsafe,
            cost: "100".into(),
            rows: "0".into(),
            config: Default::default(),
            references: [t.clone()].into(),
            calls: Default::default(),
            comment: None,
        };
        let text = function(FunctionBody::Source("SELECT count(*) FROM old.t".into()));
        schema.functions.insert(text.signature(), text);

        let grant = |target: GrantTarget| crate::Grant {
            target,
            grantee: "reader".into(),
            privilege: "USAGE".into(),
            with_grant_option: false,
        };
        schema
            .grants
            .insert(grant(GrantTarget::Schema("old".into())));
        schema
            .grants
            .insert(grant(GrantTarget::Relation(t.clone())));
        schema
            .grants
            .insert(grant(GrantTarget::Function("old.f(old.mood)".into())));
        schema.extensions.insert(
            "citext".into(),
            crate::Extension {
                name: "citext".into(),
                schema: "old".into(),
                version: None,
            },
        );

        schema.rename_namespace("old", "new");

        let targets: Vec<GrantTarget> = schema.grants.iter().map(|g| g.target.clone()).collect();
        assert_eq!(
            targets,
            [
                GrantTarget::Schema("new".into()),
                GrantTarget::Relation(QualifiedName::new("new", "t")),
                GrantTarget::Function("new.f(new.mood)".into()),
            ]
        );
        assert_eq!(schema.extensions["citext"].schema, "new");
        assert!(schema.namespaces.contains_key("new") && !schema.namespaces.contains_key("old"));
        assert_eq!(schema.namespaces["new"].comment.as_deref(), Some("c"));
        let new_t = QualifiedName::new("new", "t");
        let table = &schema.tables[&new_t];
        assert_eq!(table.name, new_t);
        assert_eq!(
            table.columns[0].default.as_ref().unwrap().sql,
            "nextval('new.t_id_seq'::regclass)"
        );
        assert_eq!(table.columns[1].name, "old_count");
        assert_eq!(table.columns[2].data_type.0, "new.mood[]");
        assert!(
            schema
                .enums
                .contains_key(&QualifiedName::new("new", "mood"))
        );
        let u = &schema.tables[&QualifiedName::new("public", "u")];
        assert_eq!(u.foreign_keys["u_t_fkey"].references, new_t);
        let s = &schema.sequences[&QualifiedName::new("new", "t_id_seq")];
        assert_eq!(s.owned_by.as_ref().unwrap().table, new_t);
        let v = &schema.views[&view];
        assert_eq!(
            v.definition.sql,
            "SELECT t.old_count FROM new.t WHERE (t.m <> '{}'::new.mood[])"
        );
        assert_eq!(v.references, [new_t.clone()].into());
        // A body kept as text is what PostgreSQL keeps: the old name stays in it.
        let f = &schema.functions["new.f(new.mood)"];
        assert_eq!(
            f.body,
            FunctionBody::Source("SELECT count(*) FROM old.t".into())
        );
        assert_eq!(f.references, [t.clone()].into());
        assert_eq!(schema.functions.len(), 1);
    }

    #[test]
    fn a_standard_routine_body_follows_the_rename() {
        let mut schema = Schema::postgres();
        let body = "BEGIN ATOMIC SELECT old.t.old_count FROM old.t WHERE note = 'old.x'; END";
        schema.functions.insert(
            "old.g()".into(),
            Function {
                name: QualifiedName::new("old", "g"),
                procedure: true,
                arguments: Vec::new(),
                returns: None,
                language: "sql".into(),
                body: FunctionBody::Standard(Expr::new(body, body)),
                volatility: Volatility::Volatile,
                strict: false,
                security_definer: false,
                leakproof: false,
                window: false,
                parallel: Parallel::Unsafe,
                cost: "100".into(),
                rows: "0".into(),
                config: Default::default(),
                references: [QualifiedName::new("old", "t")].into(),
                calls: Default::default(),
                comment: None,
            },
        );
        schema.rename_namespace("old", "new");
        let g = &schema.functions["new.g()"];
        let FunctionBody::Standard(e) = &g.body else {
            unreachable!()
        };
        assert_eq!(
            e.sql,
            "BEGIN ATOMIC SELECT new.t.old_count FROM new.t WHERE note = 'old.x'; END"
        );
        assert_eq!(g.references, [QualifiedName::new("new", "t")].into());
    }
}

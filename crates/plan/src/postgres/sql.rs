//! PostgreSQL text of definitions: column definitions, identity and sequence options,
//! constraint clauses, index definitions, collations. Identifiers go through
//! `schema_ir::quote_ident` (or `QualifiedName`'s `Display`), literals through
//! `schema_ir::quote_literal`.

pub(crate) use schema_ir::identifiers;
use schema_ir::{
    Check, Column, DataType, Deferrable, Exclusion, ForeignKey, ForeignKeyMatch, Identity,
    IdentityGeneration, Index, IndexKey, IndexTarget, PrimaryKey, QualifiedName, SequenceOptions,
    UniqueConstraint, quote_ident,
};

/// A comma-separated list of quoted column names.
pub(crate) fn column_list(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| quote_ident(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A collation name as SQL: schema-qualified names keep their qualification, `pg_catalog`
/// collations (which may contain dots, like `en_US.utf8`) are quoted as one identifier.
pub(crate) fn collation(name: &str) -> String {
    if let Some(q) = QualifiedName::parse(name) {
        let lower_ident = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        if (name.starts_with('"') || lower_ident(&q.schema)) && q.to_string() == name {
            return name.to_string();
        }
    }
    quote_ident(name)
}

/// A default as a column definition accepts it: the grammar takes only a restricted
/// expression there (`b_expr`: no `AT TIME ZONE`, `AND`, `IS NULL`, `LIKE`, …), so an
/// expression using any of those words outside string literals is parenthesized.
fn default_in_definition(sql: &str) -> String {
    const NOT_IN_B_EXPR: [&str; 14] = [
        "and", "or", "not", "is", "isnull", "notnull", "like", "ilike", "similar", "in", "between",
        "at", "collate", "overlaps",
    ];
    let mut outside = String::new();
    let mut quoted = false;
    for c in sql.chars() {
        if c == '\'' || c == '"' {
            quoted = !quoted;
        } else if !quoted {
            outside.push(c.to_ascii_lowercase());
        }
    }
    let restricted = outside
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| NOT_IN_B_EXPR.contains(&word));
    if restricted {
        format!("({sql})")
    } else {
        sql.to_string()
    }
}

/// `name type [COLLATE c] [DEFAULT e | GENERATED ALWAYS AS (e) STORED] [identity] [NOT NULL]`.
pub(crate) fn column_definition(column: &Column) -> String {
    let mut out = format!("{} {}", quote_ident(&column.name), column.data_type);
    if let Some(c) = &column.collation {
        out.push_str(&format!(" COLLATE {}", collation(c)));
    }
    if let Some(g) = &column.generated {
        out.push_str(&format!(" GENERATED ALWAYS AS ({}) STORED", g.sql));
    } else if let Some(d) = &column.default {
        out.push_str(&format!(" DEFAULT {}", default_in_definition(&d.sql)));
    }
    if let Some(identity) = &column.identity {
        out.push(' ');
        out.push_str(&identity_clause(identity, &column.data_type));
    }
    if column.not_null {
        out.push_str(" NOT NULL");
    }
    out
}

pub(crate) fn generation(g: IdentityGeneration) -> &'static str {
    match g {
        IdentityGeneration::Always => "ALWAYS",
        IdentityGeneration::ByDefault => "BY DEFAULT",
    }
}

/// `GENERATED … AS IDENTITY [(options)]`, listing only options that differ from the defaults
/// for the column's type.
pub(crate) fn identity_clause(identity: &Identity, data_type: &DataType) -> String {
    let options = sequence_options(
        &identity.sequence,
        &implied_options(data_type, identity.sequence.increment),
    );
    let mut out = format!("GENERATED {} AS IDENTITY", generation(identity.generation));
    if !options.is_empty() {
        out.push_str(&format!(" ({})", options.join(" ")));
    }
    out
}

/// The options PostgreSQL implies when only the increment is given: bounds and start follow
/// the direction, while an increment other than 1 must itself be spelled out.
pub(crate) fn implied_options(data_type: &DataType, increment: i64) -> SequenceOptions {
    SequenceOptions {
        increment: 1,
        ..SequenceOptions::defaults(data_type, increment)
    }
}

/// The option clauses of `options` that differ from `base`, in PostgreSQL's documented order.
pub(crate) fn sequence_options(options: &SequenceOptions, base: &SequenceOptions) -> Vec<String> {
    let mut out = Vec::new();
    if options.increment != base.increment {
        out.push(format!("INCREMENT BY {}", options.increment));
    }
    if options.min_value != base.min_value {
        out.push(format!("MINVALUE {}", options.min_value));
    }
    if options.max_value != base.max_value {
        out.push(format!("MAXVALUE {}", options.max_value));
    }
    if options.start != base.start {
        out.push(format!("START WITH {}", options.start));
    }
    if options.cache != base.cache {
        out.push(format!("CACHE {}", options.cache));
    }
    if options.cycle != base.cycle {
        out.push(if options.cycle { "CYCLE" } else { "NO CYCLE" }.to_string());
    }
    out
}

pub(crate) fn deferrable(d: Deferrable) -> &'static str {
    match d {
        Deferrable::NotDeferrable => "",
        Deferrable::InitiallyImmediate => " DEFERRABLE",
        Deferrable::InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
    }
}

fn include(columns: &[String]) -> String {
    if columns.is_empty() {
        String::new()
    } else {
        format!(" INCLUDE ({})", column_list(columns))
    }
}

pub(crate) fn primary_key(pk: &PrimaryKey) -> String {
    format!(
        "CONSTRAINT {} PRIMARY KEY ({}){}{}",
        quote_ident(&pk.name),
        column_list(&pk.columns),
        include(&pk.include),
        deferrable(pk.deferrable)
    )
}

pub(crate) fn unique(u: &UniqueConstraint) -> String {
    format!(
        "CONSTRAINT {} UNIQUE{} ({}){}{}",
        quote_ident(&u.name),
        if u.nulls_not_distinct {
            " NULLS NOT DISTINCT"
        } else {
            ""
        },
        column_list(&u.columns),
        include(&u.include),
        deferrable(u.deferrable)
    )
}

pub(crate) fn check(c: &Check) -> String {
    format!(
        "CONSTRAINT {} CHECK ({}){}",
        quote_ident(&c.name),
        c.expr.sql,
        if c.no_inherit { " NO INHERIT" } else { "" }
    )
}

/// The clause of a constraint added to an existing table, `NOT VALID` or not.
pub(crate) fn not_valid(clause: String, not_valid: bool) -> String {
    if not_valid {
        clause + " NOT VALID"
    } else {
        clause
    }
}

pub(crate) fn foreign_key(fk: &ForeignKey) -> String {
    let mut out = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({})",
        quote_ident(&fk.name),
        column_list(&fk.columns),
        fk.references,
        column_list(&fk.referenced_columns)
    );
    match fk.match_type {
        ForeignKeyMatch::Simple => {}
        ForeignKeyMatch::Full => out.push_str(" MATCH FULL"),
        ForeignKeyMatch::Partial => out.push_str(" MATCH PARTIAL"),
    }
    if fk.on_update != Default::default() {
        out.push_str(&format!(" ON UPDATE {}", fk.on_update.sql()));
    }
    if fk.on_delete != Default::default() {
        out.push_str(&format!(" ON DELETE {}", fk.on_delete.sql()));
    }
    out.push_str(deferrable(fk.deferrable));
    out
}

/// `CREATE [UNIQUE] INDEX name ON table USING method (keys) …`.
/// One key of an index or exclusion constraint: column or expression, collation, operator
/// class, ordering.
pub(crate) fn index_key(k: &IndexKey) -> String {
    let mut key = match &k.target {
        IndexTarget::Column(c) => quote_ident(c),
        IndexTarget::Expression(e) => format!("({})", e.sql),
    };
    if let Some(c) = &k.collation {
        key.push_str(&format!(" COLLATE {}", collation(c)));
    }
    if let Some(op) = &k.opclass {
        key.push(' ');
        key.push_str(op);
    }
    if k.descending {
        key.push_str(" DESC");
    }
    if k.nulls_first != k.descending {
        key.push_str(if k.nulls_first {
            " NULLS FIRST"
        } else {
            " NULLS LAST"
        });
    }
    key
}

/// `CONSTRAINT name EXCLUDE USING method (key WITH op, …) [INCLUDE …] [WHERE …]`.
pub(crate) fn exclusion(x: &Exclusion) -> String {
    let elements: Vec<String> = x
        .elements
        .iter()
        .map(|e| {
            let op = if e.operator.contains('.') {
                format!("OPERATOR({})", e.operator)
            } else {
                e.operator.clone()
            };
            format!("{} WITH {op}", index_key(&e.key))
        })
        .collect();
    let mut out = format!(
        "CONSTRAINT {} EXCLUDE USING {} ({}){}",
        quote_ident(&x.name),
        x.method,
        elements.join(", "),
        include(&x.include)
    );
    if let Some(p) = &x.predicate {
        out.push_str(&format!(" WHERE ({})", p.sql));
    }
    out.push_str(deferrable(x.deferrable));
    out
}

pub(crate) fn create_index(table: &QualifiedName, index: &Index) -> String {
    create_index_as(table, index, &index.name, false)
}

/// `CREATE INDEX` of `index` under the name `name`, `CONCURRENTLY` or not.
pub(crate) fn create_index_as(
    table: &QualifiedName,
    index: &Index,
    name: &str,
    concurrently: bool,
) -> String {
    let keys: Vec<String> = index.keys.iter().map(index_key).collect();
    let mut out = format!(
        "CREATE {}INDEX {}{} ON {} USING {} ({}){}",
        if index.unique { "UNIQUE " } else { "" },
        if concurrently { "CONCURRENTLY " } else { "" },
        quote_ident(name),
        table,
        index.method,
        keys.join(", "),
        include(&index.include)
    );
    if index.nulls_not_distinct {
        out.push_str(" NULLS NOT DISTINCT");
    }
    if let Some(p) = &index.predicate {
        out.push_str(&format!(" WHERE {}", p.sql));
    }
    out
}

/// The sequences a default expression draws from (`nextval('public.s'::regclass)`).
pub(crate) fn nextval_sequences(sql: &str, default_schema: &str) -> Vec<QualifiedName> {
    let mut out = Vec::new();
    let lower = sql.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("nextval(") {
        let start = from + at + "nextval(".len();
        from = start;
        let rest = sql[start..].trim_start();
        let Some(body) = rest.strip_prefix('\'') else {
            continue;
        };
        let mut literal = String::new();
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    literal.push('\'');
                } else {
                    break;
                }
            } else {
                literal.push(c);
            }
        }
        let name = QualifiedName::parse(&literal).or_else(|| {
            let bare = literal.trim_matches('"');
            let bare = if literal.starts_with('"') {
                bare.to_string()
            } else {
                bare.to_ascii_lowercase()
            };
            (!bare.is_empty()).then(|| QualifiedName::new(default_schema, bare))
        });
        out.extend(name);
    }
    out
}

/// The routines an expression's text calls (`name(`, `schema.name(`; string literals are
/// skipped), unqualified ones taken to be in `default_schema`. Keywords written like calls
/// (`coalesce(`) come out too: nothing creates them, so they order nothing.
pub(crate) fn called_routines(expr: &str, default_schema: &str) -> Vec<QualifiedName> {
    let mut found = Vec::new();
    let mut chain: Vec<String> = Vec::new();
    let mut word = String::new();
    // Whether the chain may still grow (it ended in a name or a dot).
    let mut dotted = false;
    let mut chars = expr.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                chain.clear();
                while let Some(n) = chars.next() {
                    if n == '\'' && chars.next_if_eq(&'\'').is_none() {
                        break;
                    }
                }
            }
            '"' => {
                let mut name = String::new();
                while let Some(n) = chars.next() {
                    if n == '"' && chars.next_if_eq(&'"').is_none() {
                        break;
                    }
                    name.push(n);
                }
                if !dotted {
                    chain.clear();
                }
                chain.push(name);
                dotted = false;
            }
            c if c.is_alphanumeric() || c == '_' || c == '$' => {
                word.push(c);
                if !chars
                    .peek()
                    .is_some_and(|n| n.is_alphanumeric() || *n == '_' || *n == '$')
                {
                    if !dotted {
                        chain.clear();
                    }
                    chain.push(word.to_ascii_lowercase());
                    word.clear();
                    dotted = false;
                }
            }
            '.' if !chain.is_empty() => dotted = true,
            c if c.is_whitespace() => {}
            '(' => {
                let name = match chain.as_slice() {
                    [name] if !name.starts_with(|c: char| c.is_ascii_digit()) => {
                        Some(QualifiedName::new(default_schema, name.clone()))
                    }
                    [schema, name] => Some(QualifiedName::new(schema.clone(), name.clone())),
                    _ => None,
                };
                found.extend(name);
                chain.clear();
            }
            _ => {
                chain.clear();
                dotted = false;
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nextval_names() {
        assert_eq!(
            nextval_sequences("nextval('public.t_id_seq'::regclass)", "public"),
            vec![QualifiedName::new("public", "t_id_seq")]
        );
        assert_eq!(
            nextval_sequences("nextval('s'::regclass)", "app"),
            vec![QualifiedName::new("app", "s")]
        );
        assert_eq!(
            nextval_sequences("NEXTVAL('\"A\".\"B\"')", "public"),
            vec![QualifiedName::new("A", "B")]
        );
        assert!(nextval_sequences("now()", "public").is_empty());
    }

    #[test]
    fn called_routines_are_found_outside_literals() {
        let found = called_routines(
            "app.next_code('a(b)') || \"Mixed\"(x) + lower (y)::text || 1.5",
            "public",
        );
        assert_eq!(
            found,
            [
                QualifiedName::new("app", "next_code"),
                QualifiedName::new("public", "Mixed"),
                QualifiedName::new("public", "lower"),
            ]
        );
    }

    #[test]
    fn collations() {
        assert_eq!(collation("C"), "\"C\"");
        assert_eq!(collation("en_US.utf8"), "\"en_US.utf8\"");
        assert_eq!(collation("public.mycoll"), "public.mycoll");
        assert_eq!(collation("ucs_basic"), "ucs_basic");
    }
}

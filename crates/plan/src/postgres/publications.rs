//! Publications: created once their tables and the columns they publish exist, dropped (or
//! narrowed) before those go. Tables and schemas are added and dropped in place; a table
//! whose column list or row filter changes is dropped from the publication and added again
//! in the same transaction. Dropping a publication or publishing less from it is
//! `PUBLICATION_CHANGE`.

use super::{comment_step, sql};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::{Publication, PublishedTable, QualifiedName, quote_ident, quote_literal};

fn hazard(p: &Publication, what: &str) -> crate::model::Hazard {
    hazards::PUBLICATION_CHANGE.with_message(format!(
        "{}: {what}: {}",
        quote_ident(&p.name),
        hazards::PUBLICATION_CHANGE.summary
    ))
}

/// The table, its published columns and the columns its row filter names.
fn table_needs(name: &QualifiedName, t: &PublishedTable) -> Vec<Resource> {
    let mut out = vec![Resource::Table(name.clone())];
    let filtered = t.row_filter.iter().flat_map(|f| sql::identifiers(&f.key));
    let listed = t.columns.iter().flatten().cloned();
    out.extend(
        listed
            .chain(filtered)
            .map(|c| Resource::Column(name.clone(), c)),
    );
    out
}

fn needs(p: &Publication) -> Vec<Resource> {
    let mut out: Vec<Resource> = p
        .tables
        .iter()
        .flat_map(|(name, t)| table_needs(name, t))
        .collect();
    out.extend(p.schemas.iter().cloned().map(Resource::Namespace));
    out
}

/// `TABLE t (a, b) WHERE (…)`.
fn table_sql(name: &QualifiedName, t: &PublishedTable) -> String {
    let mut out = format!("TABLE {name}");
    if let Some(columns) = &t.columns {
        let columns: Vec<String> = columns.iter().map(|c| quote_ident(c)).collect();
        out.push_str(&format!(" ({})", columns.join(", ")));
    }
    if let Some(f) = &t.row_filter {
        out.push_str(&format!(" WHERE ({})", f.sql));
    }
    out
}

fn options_sql(p: &Publication) -> String {
    format!(
        "publish = {}, publish_via_partition_root = {}",
        quote_literal(&p.publish.join(", ")),
        p.via_partition_root
    )
}

pub(crate) fn create_publication(p: &Publication) -> Vec<Planned> {
    let mut objects: Vec<String> = p
        .tables
        .iter()
        .map(|(name, t)| table_sql(name, t))
        .collect();
    objects.extend(
        p.schemas
            .iter()
            .map(|s| format!("TABLES IN SCHEMA {}", quote_ident(s))),
    );
    let mut sql = format!("CREATE PUBLICATION {}", quote_ident(&p.name));
    if p.all_tables {
        sql.push_str(" FOR ALL TABLES");
    } else if !objects.is_empty() {
        sql.push_str(&format!(" FOR {}", objects.join(", ")));
    }
    let defaults = Publication {
        name: p.name.clone(),
        all_tables: p.all_tables,
        tables: p.tables.clone(),
        schemas: p.schemas.clone(),
        publish: schema_ir::PUBLISHED_ACTIONS
            .iter()
            .map(|a| a.to_string())
            .collect(),
        via_partition_root: false,
        comment: p.comment.clone(),
    };
    if *p != defaults {
        sql.push_str(&format!(" WITH ({})", options_sql(p)));
    }
    let mut out = vec![
        Planned::new(
            Phase::CreateView,
            "create_publication",
            quote_ident(&p.name),
            sql,
        )
        .requires(needs(p))
        .provides([Resource::Publication(p.name.clone())]),
    ];
    if let Some(c) = &p.comment {
        out.push(comment_step(
            &CommentTarget::Publication {
                name: p.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_publication(p: &Publication) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropView,
            "drop_publication",
            quote_ident(&p.name),
            format!("DROP PUBLICATION {}", quote_ident(&p.name)),
        )
        .uses_old(needs(p))
        .removes([Resource::Publication(p.name.clone())])
        .hazard(hazard(p, "dropped")),
    ]
}

pub(crate) fn alter_publication(from: &Publication, to: &Publication) -> Vec<Planned> {
    let name = quote_ident(&to.name);
    let step = |kind: &str, phase: Phase, sql: String| {
        Planned::new(phase, kind, name.clone(), sql)
            .requires([Resource::Publication(to.name.clone())])
    };
    let mut out = Vec::new();
    let removed: Vec<&QualifiedName> = from
        .tables
        .keys()
        .filter(|t| !to.tables.contains_key(*t))
        .collect();
    if !removed.is_empty() {
        let tables: Vec<String> = removed.iter().map(ToString::to_string).collect();
        out.push(
            step(
                "drop_publication_table",
                Phase::DropView,
                format!("ALTER PUBLICATION {name} DROP TABLE {}", tables.join(", ")),
            )
            .uses_old(
                removed
                    .iter()
                    .flat_map(|t| table_needs(t, &from.tables[*t])),
            )
            .hazard(hazard(
                to,
                &format!("{} no longer published", tables.join(", ")),
            )),
        );
    }
    for (table, new) in &to.tables {
        match from.tables.get(table) {
            Some(old) if old != new => {
                out.push(
                    step(
                        "drop_publication_table",
                        Phase::CreateView,
                        format!("ALTER PUBLICATION {name} DROP TABLE {table}"),
                    )
                    .uses_old(table_needs(table, old))
                    .hazard(hazard(
                        to,
                        &format!("{table}: published columns or rows change"),
                    )),
                );
                out.push(
                    step(
                        "add_publication_table",
                        Phase::CreateView,
                        format!("ALTER PUBLICATION {name} ADD {}", table_sql(table, new)),
                    )
                    .requires(table_needs(table, new))
                    .after_previous(),
                );
            }
            Some(_) => {}
            None => out.push(
                step(
                    "add_publication_table",
                    Phase::CreateView,
                    format!("ALTER PUBLICATION {name} ADD {}", table_sql(table, new)),
                )
                .requires(table_needs(table, new)),
            ),
        }
    }
    let gone: Vec<String> = from
        .schemas
        .difference(&to.schemas)
        .map(|s| quote_ident(s))
        .collect();
    if !gone.is_empty() {
        out.push(
            step(
                "drop_publication_schema",
                Phase::DropView,
                format!(
                    "ALTER PUBLICATION {name} DROP TABLES IN SCHEMA {}",
                    gone.join(", ")
                ),
            )
            .uses_old(
                from.schemas
                    .difference(&to.schemas)
                    .cloned()
                    .map(Resource::Namespace),
            )
            .hazard(hazard(
                to,
                &format!("tables in schema {} no longer published", gone.join(", ")),
            )),
        );
    }
    let added: Vec<String> = to
        .schemas
        .difference(&from.schemas)
        .map(|s| quote_ident(s))
        .collect();
    if !added.is_empty() {
        out.push(
            step(
                "add_publication_schema",
                Phase::CreateView,
                format!(
                    "ALTER PUBLICATION {name} ADD TABLES IN SCHEMA {}",
                    added.join(", ")
                ),
            )
            .requires(
                to.schemas
                    .difference(&from.schemas)
                    .cloned()
                    .map(Resource::Namespace),
            ),
        );
    }
    if from.publish != to.publish || from.via_partition_root != to.via_partition_root {
        let mut options = step(
            "alter_publication",
            Phase::CreateView,
            format!("ALTER PUBLICATION {name} SET ({})", options_sql(to)),
        );
        let narrowed: Vec<&String> = from
            .publish
            .iter()
            .filter(|a| !to.publish.contains(a))
            .collect();
        if !narrowed.is_empty() {
            let narrowed: Vec<&str> = narrowed.iter().map(|a| a.as_str()).collect();
            options = options.hazard(hazard(
                to,
                &format!("{} no longer published", narrowed.join(", ")),
            ));
        }
        out.push(options);
    }
    out
}

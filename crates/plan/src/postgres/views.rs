//! Views and materialized views: created late in a plan (after the tables and columns they
//! read), dropped first (before the columns, tables and views they read change or go away).
//! A changed view is replaced in place when the differ found it compatible, otherwise
//! dropped and created again (the differ adds the views depending on it); a materialized
//! view is created with its options, `WITH NO DATA` when so written, and its indexes.

use super::comment_step;
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::{QualifiedName, View};
use std::collections::BTreeMap;

fn kind(view: &View) -> &'static str {
    if view.materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    }
}

/// The columns the view may read: each word of its query as a column of each relation it
/// reads (words that are no such column match nothing), so that it is created after a
/// column it reads is added, retyped or converted.
fn columns_read(view: &View) -> Vec<Resource> {
    let words = super::sql::identifiers(&view.definition.key);
    view.references
        .iter()
        .flat_map(|r| {
            words
                .iter()
                .map(move |w| Resource::Column(r.clone(), w.clone()))
        })
        .collect()
}

pub(crate) fn create_view(view: &View) -> Vec<Planned> {
    let options = if view.options.is_empty() {
        String::new()
    } else {
        format!(" WITH ({})", super::policies::storage_sql(&view.options))
    };
    let no_data = if view.materialized && view.with_no_data {
        "\nWITH NO DATA"
    } else {
        ""
    };
    let mut step = Planned::new(
        Phase::CreateView,
        "create_view",
        view.name.to_string(),
        format!(
            "CREATE {} {}{options} AS\n{}{no_data}",
            kind(view),
            view.name,
            view.definition.sql
        ),
    )
    .requires([Resource::Namespace(view.name.schema.clone())])
    .requires(view.references.iter().cloned().map(Resource::Relation))
    .requires(columns_read(view))
    .requires(routines(view))
    .provides([Resource::Relation(view.name.clone())]);
    if view.materialized {
        // What the materialized view's indexes are built on.
        step = step
            .provides([Resource::Table(view.name.clone())])
            .provides(
                view.columns
                    .iter()
                    .map(|c| Resource::Column(view.name.clone(), c.clone())),
            );
    }
    let mut out = vec![step];
    if let Some(c) = &view.comment {
        out.push(comment_step(
            &CommentTarget::View {
                name: view.name.clone(),
                materialized: view.materialized,
            },
            Some(c),
        ));
    }
    for index in view.indexes.values() {
        out.extend(super::create_index(&view.name, index, None));
    }
    out
}

/// `CREATE OR REPLACE VIEW`: the view's readers keep working (its old columns stay, with
/// their types), its grants and comment stay; its options become the new ones.
pub(crate) fn replace_view(from: &View, to: &View) -> Vec<Planned> {
    let options = if to.options.is_empty() {
        String::new()
    } else {
        format!(" WITH ({})", super::policies::storage_sql(&to.options))
    };
    vec![
        Planned::new(
            Phase::CreateView,
            "replace_view",
            to.name.to_string(),
            format!(
                "CREATE OR REPLACE VIEW {}{options} AS\n{}",
                to.name, to.definition.sql
            ),
        )
        .requires([Resource::Namespace(to.name.schema.clone())])
        .requires(to.references.iter().cloned().map(Resource::Relation))
        .uses_old(from.references.iter().cloned().map(Resource::Relation))
        .provides([Resource::Relation(to.name.clone())])
        .lock(format!("ACCESS EXCLUSIVE on {}", to.name)),
    ]
}

/// `ALTER [MATERIALIZED] VIEW … RESET (…)` and `SET (…)`.
pub(crate) fn set_view_options(
    view: &QualifiedName,
    materialized: bool,
    from: &BTreeMap<String, String>,
    to: &BTreeMap<String, String>,
) -> Vec<Planned> {
    let kind = if materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    super::policies::set_options(
        &format!("{kind} {view}"),
        view,
        ("reset_view_options", "set_view_options"),
        from,
        to,
    )
    .into_iter()
    .map(|step| {
        step.requires([Resource::Relation(view.clone())])
            .lock(format!("ACCESS EXCLUSIVE on {view}"))
    })
    .collect()
}

/// `recreated`: the plan creates the view again (around a change of what it reads), so
/// nothing is lost for its readers beyond the plan's own run.
/// The routines a view's query calls: created before it, dropped after it.
fn routines(view: &View) -> impl Iterator<Item = Resource> {
    super::sql::called_routines(&view.definition.sql, "public")
        .into_iter()
        .map(Resource::FunctionName)
}

pub(crate) fn drop_view(view: &View, recreated: bool) -> Vec<Planned> {
    let hazard = (!recreated).then(|| hazards::DROP_VIEW.at(&view.name.to_string()));
    vec![
        Planned::new(
            Phase::DropView,
            "drop_view",
            view.name.to_string(),
            format!("DROP {} {}", kind(view), view.name),
        )
        .uses_old([Resource::Namespace(view.name.schema.clone())])
        .uses_old(view.references.iter().cloned().map(Resource::Relation))
        .uses_old(routines(view))
        .removes([Resource::Relation(view.name.clone())])
        .hazards(hazard),
    ]
}

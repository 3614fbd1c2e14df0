//! Views and materialized views: created late in a plan (after the tables and columns they
//! read), dropped first (before the columns, tables and views they read change or go away).
//! A changed view is dropped and created again; the differ adds the views depending on it.

use super::comment_step;
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_diff::CommentTarget;
use schema_ir::View;

fn kind(view: &View) -> &'static str {
    if view.materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    }
}

pub(crate) fn create_view(view: &View) -> Vec<Planned> {
    let mut out = vec![
        Planned::new(
            Phase::CreateView,
            "create_view",
            view.name.to_string(),
            format!(
                "CREATE {} {} AS\n{}",
                kind(view),
                view.name,
                view.definition.sql
            ),
        )
        .requires([Resource::Namespace(view.name.schema.clone())])
        .requires(view.references.iter().cloned().map(Resource::Relation))
        .provides([Resource::Relation(view.name.clone())]),
    ];
    if let Some(c) = &view.comment {
        out.push(comment_step(
            &CommentTarget::View {
                name: view.name.clone(),
                materialized: view.materialized,
            },
            Some(c),
        ));
    }
    out
}

/// `recreated`: the plan creates the view again (around a change of what it reads), so
/// nothing is lost for its readers beyond the plan's own run.
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
        .removes([Resource::Relation(view.name.clone())])
        .hazards(hazard),
    ]
}

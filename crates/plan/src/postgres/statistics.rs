//! Extended statistics: created after their table and the columns they name (taking a
//! SHARE UPDATE EXCLUSIVE lock; the statistics are gathered by the next `ANALYZE`), dropped
//! before those columns go; the statistics target changes in place.

use super::online::share_update_exclusive;
use super::{comment_step, sql};
use crate::graph::{Phase, Planned, Resource};
use schema_diff::CommentTarget;
use schema_ir::{ExtendedStatistics, QualifiedName, quote_ident};

/// The columns the statistics name, as resources.
fn columns(table: &QualifiedName, s: &ExtendedStatistics) -> Vec<Resource> {
    let named = s
        .expressions
        .iter()
        .flat_map(|e| sql::identifiers(&e.key))
        .chain(s.columns.iter().cloned());
    let mut out = vec![Resource::Table(table.clone())];
    out.extend(named.map(|c| Resource::Column(table.clone(), c)));
    out
}

/// `CREATE STATISTICS …` as `pg_get_statisticsobjdef` prints it.
pub(crate) fn create_sql(table: &QualifiedName, s: &ExtendedStatistics) -> String {
    let kinds = if s.kinds.is_empty() || s.kinds.len() == schema_ir::STATISTICS_KINDS.len() {
        String::new()
    } else {
        format!(" ({})", s.kinds.join(", "))
    };
    let targets: Vec<String> = s
        .columns
        .iter()
        .map(|c| quote_ident(c))
        .chain(s.expressions.iter().map(|e| format!("({})", e.sql)))
        .collect();
    format!(
        "CREATE STATISTICS {}{kinds} ON {} FROM {table}",
        s.name,
        targets.join(", ")
    )
}

pub(crate) fn create_statistics(
    table: &QualifiedName,
    s: &ExtendedStatistics,
    existing: bool,
) -> Vec<Planned> {
    let mut create = Planned::new(
        Phase::CreateIndex,
        "create_statistics",
        s.name.to_string(),
        create_sql(table, s),
    )
    .requires([Resource::Namespace(s.name.schema.clone())])
    .requires(columns(table, s))
    .provides([Resource::Statistics(s.name.clone())]);
    if existing {
        create = create.lock(share_update_exclusive(table));
    }
    let mut out = vec![create];
    if let Some(target) = s.target {
        out.push(set_target(&s.name, Some(target)).after_previous());
    }
    if let Some(c) = &s.comment {
        out.push(comment_step(
            &CommentTarget::Statistics {
                name: s.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

pub(crate) fn drop_statistics(table: &QualifiedName, s: &ExtendedStatistics) -> Vec<Planned> {
    vec![
        Planned::new(
            Phase::DropIndex,
            "drop_statistics",
            s.name.to_string(),
            format!("DROP STATISTICS {}", s.name),
        )
        .uses_old(columns(table, s))
        .removes([Resource::Statistics(s.name.clone())])
        .lock(share_update_exclusive(table)),
    ]
}

/// `ALTER STATISTICS … SET STATISTICS`, `-1` for the default.
pub(crate) fn set_target(name: &QualifiedName, target: Option<i32>) -> Planned {
    Planned::new(
        Phase::CreateIndex,
        "set_statistics_target",
        name.to_string(),
        format!(
            "ALTER STATISTICS {name} SET STATISTICS {}",
            target.unwrap_or(-1)
        ),
    )
    .requires([Resource::Statistics(name.clone())])
}

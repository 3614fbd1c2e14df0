//! Partitioned tables: the `PARTITION BY` clause of `CREATE TABLE`, partitions created after
//! their parent (`CREATE TABLE … PARTITION OF`), dropped with `DROP TABLE`, and moved to a
//! new bound by detaching and attaching again. Online on PostgreSQL 14+, a partition is
//! detached `CONCURRENTLY` first (not possible beside a DEFAULT partition), so that the
//! parent is never locked against writers.

use super::{Context, access_exclusive, sql};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{Partition, PartitionKey, QualifiedName};

/// ` PARTITION BY RANGE (…)`.
pub(crate) fn partition_by_sql(key: &PartitionKey) -> String {
    let keys: Vec<String> = key.keys.iter().map(sql::index_key).collect();
    format!(
        " PARTITION BY {} ({})",
        key.strategy.as_sql(),
        keys.join(", ")
    )
}

pub(crate) fn create_partition(
    parent: &QualifiedName,
    p: &Partition,
    existing: bool,
) -> Vec<Planned> {
    let mut step = Planned::new(
        Phase::CreateTable,
        "create_partition",
        p.name.to_string(),
        format!(
            "CREATE TABLE {} PARTITION OF {parent} {}",
            p.name, p.bound.sql
        ),
    )
    .requires([
        Resource::Namespace(p.name.schema.clone()),
        Resource::Table(parent.clone()),
    ])
    .provides([
        Resource::Table(p.name.clone()),
        Resource::Relation(p.name.clone()),
    ]);
    if existing {
        step = step.lock(access_exclusive(parent));
    }
    let mut out = vec![step];
    if let Some(c) = &p.comment {
        out.push(super::comment_step(
            &schema_diff::CommentTarget::Table {
                name: p.name.clone(),
            },
            Some(c),
        ));
    }
    out
}

/// Whether partitions of `parent` are detached `CONCURRENTLY`.
fn detach_concurrently(parent: &QualifiedName, ctx: &Context) -> bool {
    let beside_default = |s: &schema_ir::Schema| {
        s.tables.get(parent).is_some_and(|t| {
            t.partitions
                .values()
                .any(|p| p.bound.sql.eq_ignore_ascii_case("DEFAULT"))
        })
    };
    ctx.online && ctx.version >= 14 && !beside_default(ctx.from) && !beside_default(ctx.to)
}

/// `DETACH PARTITION … CONCURRENTLY`, outside a transaction.
fn detach(parent: &QualifiedName, p: &Partition) -> Planned {
    Planned::new(
        Phase::DropTable,
        "detach_partition",
        p.name.to_string(),
        format!(
            "ALTER TABLE {parent} DETACH PARTITION {} CONCURRENTLY",
            p.name
        ),
    )
    .requires([Resource::Table(parent.clone())])
    .lock(format!("SHARE UPDATE EXCLUSIVE on {parent}"))
    .non_transactional()
}

pub(crate) fn drop_partition(parent: &QualifiedName, p: &Partition, ctx: &Context) -> Vec<Planned> {
    if detach_concurrently(parent, ctx) {
        let drop = Planned::new(
            Phase::DropTable,
            "drop_partition",
            p.name.to_string(),
            format!("DROP TABLE {}", p.name),
        )
        .removes([
            Resource::Table(p.name.clone()),
            Resource::Relation(p.name.clone()),
        ])
        .lock(access_exclusive(&p.name))
        .hazard(hazards::DROP_TABLE.at(&p.name.to_string()))
        .after_previous();
        return vec![
            detach(parent, p).uses_old([Resource::Table(parent.clone())]),
            drop,
        ];
    }
    vec![
        Planned::new(
            Phase::DropTable,
            "drop_partition",
            p.name.to_string(),
            format!("DROP TABLE {}", p.name),
        )
        .uses_old([Resource::Table(parent.clone())])
        .removes([
            Resource::Table(p.name.clone()),
            Resource::Relation(p.name.clone()),
        ])
        .lock(access_exclusive(parent))
        .hazard(hazards::DROP_TABLE.at(&p.name.to_string())),
    ]
}

pub(crate) fn set_partition_bound(
    parent: &QualifiedName,
    to: &Partition,
    ctx: &Context,
) -> Vec<Planned> {
    let mut attach = Planned::new(
        Phase::AlterColumn,
        "attach_partition",
        to.name.to_string(),
        format!(
            "ALTER TABLE {parent} ATTACH PARTITION {} {}",
            to.name, to.bound.sql
        ),
    )
    .lock(format!("SHARE UPDATE EXCLUSIVE on {parent}"))
    .hazard(hazards::PARTITION_BOUND_CHANGE.at(&to.name.to_string()));
    attach.after_previous = true;
    if detach_concurrently(parent, ctx) {
        let mut first = detach(parent, to);
        first.phase = Phase::AlterColumn;
        return vec![first, attach];
    }
    vec![
        Planned::new(
            Phase::AlterColumn,
            "detach_partition",
            to.name.to_string(),
            format!("ALTER TABLE {parent} DETACH PARTITION {}", to.name),
        )
        .requires([Resource::Table(parent.clone())])
        .lock(access_exclusive(parent)),
        attach,
    ]
}

//! Partitioned tables: the `PARTITION BY` clause of `CREATE TABLE`, partitions created after
//! their parent (`CREATE TABLE … PARTITION OF`, itself partitioned in turn with `PARTITION
//! BY`), dropped with `DROP TABLE` before their parent, and moved to a new bound or parent by
//! detaching and attaching again. Online on PostgreSQL 14+, a partition is
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
    table: &QualifiedName,
    p: &Partition,
    existing: bool,
) -> Vec<Planned> {
    let parent = p.parent.as_ref().unwrap_or(table);
    let mut step = Planned::new(
        Phase::CreateTable,
        "create_partition",
        p.name.to_string(),
        format!(
            "CREATE TABLE {} PARTITION OF {parent} {}{}",
            p.name,
            p.bound.sql,
            p.partition_by
                .as_ref()
                .map(partition_by_sql)
                .unwrap_or_default()
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
    for index in p.indexes.values() {
        out.extend(super::create_index(&p.name, index, None));
    }
    for fk in p.foreign_keys.values() {
        out.extend(super::add_foreign_key(&p.name, fk, false, false));
    }
    out
}

/// Whether partitions of `parent` (`table` or one of its partitions) are detached
/// `CONCURRENTLY`.
fn detach_concurrently(table: &QualifiedName, parent: &QualifiedName, ctx: &Context) -> bool {
    let beside_default = |s: &schema_ir::Schema| {
        s.tables.get(table).is_some_and(|t| {
            t.partitions.values().any(|p| {
                t.partition_parent(p) == parent && p.bound.sql.eq_ignore_ascii_case("DEFAULT")
            })
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
    .uses_old([Resource::Table(parent.clone())])
    .lock(format!("SHARE UPDATE EXCLUSIVE on {parent}"))
    .non_transactional()
}

/// `DROP TABLE` of partition `p`, which drops the partitions `under` it too.
pub(crate) fn drop_partition(
    table: &QualifiedName,
    p: &Partition,
    under: &[QualifiedName],
    ctx: &Context,
) -> Vec<Planned> {
    let parent = p.parent.as_ref().unwrap_or(table);
    // Still there afterwards: its partition key changes (or one above it does).
    let rebuilt = ctx
        .to
        .tables
        .get(table)
        .is_some_and(|t| t.partitions.contains_key(&p.name))
        .then(|| hazards::PARTITION_KEY_CHANGE.at(&p.name.to_string()));
    let gone = || std::iter::once(&p.name).chain(under);
    let drop = Planned::new(
        Phase::DropTable,
        "drop_partition",
        p.name.to_string(),
        format!("DROP TABLE {}", p.name),
    )
    .removes(gone().flat_map(|n| [Resource::Table(n.clone()), Resource::Relation(n.clone())]))
    .hazards(gone().map(|n| hazards::DROP_TABLE.at(&n.to_string())))
    .hazards(rebuilt);
    if detach_concurrently(table, parent, ctx) {
        return vec![
            detach(parent, p),
            drop.lock(access_exclusive(&p.name)).after_previous(),
        ];
    }
    vec![
        drop.uses_old([Resource::Table(parent.clone())])
            .lock(access_exclusive(parent)),
    ]
}

/// A partition moved to a new bound, or to a new parent: detached and attached again.
pub(crate) fn set_partition_bound(
    table: &QualifiedName,
    from: &Partition,
    to: &Partition,
    ctx: &Context,
) -> Vec<Planned> {
    let old_parent = from.parent.as_ref().unwrap_or(table);
    let parent = to.parent.as_ref().unwrap_or(table);
    let mut attach = Planned::new(
        Phase::AlterColumn,
        "attach_partition",
        to.name.to_string(),
        format!(
            "ALTER TABLE {parent} ATTACH PARTITION {} {}",
            to.name, to.bound.sql
        ),
    )
    .requires([Resource::Table(parent.clone())])
    .lock(format!("SHARE UPDATE EXCLUSIVE on {parent}"))
    .hazard(hazards::PARTITION_BOUND_CHANGE.at(&to.name.to_string()));
    attach.after_previous = true;
    if detach_concurrently(table, old_parent, ctx) {
        let mut first = detach(old_parent, from);
        first.phase = Phase::AlterColumn;
        return vec![first, attach];
    }
    vec![
        Planned::new(
            Phase::AlterColumn,
            "detach_partition",
            to.name.to_string(),
            format!("ALTER TABLE {old_parent} DETACH PARTITION {}", to.name),
        )
        .uses_old([Resource::Table(old_parent.clone())])
        .lock(access_exclusive(old_parent)),
        attach,
    ]
}

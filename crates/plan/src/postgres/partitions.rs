//! Partitioned tables: the `PARTITION BY` clause of `CREATE TABLE`, partitions created after
//! their parent (`CREATE TABLE … PARTITION OF`), dropped with `DROP TABLE`, and moved to a
//! new bound by detaching and attaching again.

use super::{access_exclusive, sql};
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

pub(crate) fn drop_partition(parent: &QualifiedName, p: &Partition) -> Vec<Planned> {
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

pub(crate) fn set_partition_bound(parent: &QualifiedName, to: &Partition) -> Vec<Planned> {
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

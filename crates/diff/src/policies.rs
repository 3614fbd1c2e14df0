//! Table options, partitions and row-level security of a table that exists on both sides:
//! partitions (a new bound or parent detaches and attaches again, a new key of a partitioned
//! partition drops and creates it again with its partitions), persistence,
//! storage parameters, replica identity, whether row-level security is enabled and forced,
//! and the policies (matched by name; altered in place when `ALTER POLICY` can, otherwise
//! dropped and created again).

use crate::change::{Change, CommentTarget};
use schema_ir::{QualifiedName, Table};
use std::collections::BTreeSet;

/// Changes of the options, partitions and policies of `new`, given the columns whose type
/// changes or which go away (a policy naming one is dropped and created again around it:
/// PostgreSQL refuses to change a column a policy uses).
pub(crate) fn diff_options(
    old: &Table,
    new: &Table,
    touched: &std::collections::BTreeSet<&str>,
    out: &mut Vec<Change>,
) {
    let table = &new.name;
    if old.unlogged != new.unlogged {
        out.push(Change::SetUnlogged {
            table: table.clone(),
            unlogged: new.unlogged,
        });
    }
    if old.inherits != new.inherits {
        out.push(Change::SetInherits {
            table: table.clone(),
            from: old.inherits.clone(),
            to: new.inherits.clone(),
        });
    }
    if old.storage != new.storage {
        out.push(Change::SetStorage {
            table: table.clone(),
            from: old.storage.clone(),
            to: new.storage.clone(),
        });
    }
    if old.replica_identity != new.replica_identity {
        out.push(Change::SetReplicaIdentity {
            table: table.clone(),
            from: old.replica_identity.clone(),
            to: new.replica_identity.clone(),
        });
    }
    diff_partitions(old, new, out);
    for (name, policy) in &new.policies {
        match old.policies.get(name) {
            None => out.push(Change::CreatePolicy {
                table: table.clone(),
                policy: policy.clone(),
            }),
            Some(before) => {
                let reads_touched = [&before.using, &before.with_check]
                    .into_iter()
                    .flatten()
                    .any(|e| touched.iter().any(|c| crate::table::mentions(&e.key, c)));
                if before.redefined(policy) || reads_touched {
                    if before.alterable_to(policy) && !reads_touched {
                        out.push(Change::AlterPolicy {
                            table: table.clone(),
                            from: before.clone(),
                            to: policy.clone(),
                        });
                    } else {
                        out.push(Change::DropPolicy {
                            table: table.clone(),
                            policy: before.clone(),
                        });
                        out.push(Change::CreatePolicy {
                            table: table.clone(),
                            policy: policy.clone(),
                        });
                        continue;
                    }
                }
                if before.comment != policy.comment {
                    out.push(Change::SetComment {
                        target: CommentTarget::Policy {
                            table: table.clone(),
                            name: name.clone(),
                        },
                        from: before.comment.clone(),
                        to: policy.comment.clone(),
                    });
                }
            }
        }
    }
    for (name, policy) in &old.policies {
        if !new.policies.contains_key(name) {
            out.push(Change::DropPolicy {
                table: table.clone(),
                policy: policy.clone(),
            });
        }
    }
    if (old.row_security, old.force_row_security) != (new.row_security, new.force_row_security) {
        out.push(Change::SetRowSecurity {
            table: table.clone(),
            from: (old.row_security, old.force_row_security),
            to: (new.row_security, new.force_row_security),
            policies: new.policies.keys().cloned().collect(),
        });
    }
}

/// Partitions at any depth, matched by name.
fn diff_partitions(old: &Table, new: &Table, out: &mut Vec<Change>) {
    let table = &new.name;
    // PostgreSQL cannot change how a partition is partitioned: it is created again, and so
    // is every partition under it.
    let mut rebuilt: BTreeSet<&QualifiedName> = BTreeSet::new();
    for (name, partition) in &new.partitions {
        if let Some(before) = old.partitions.get(name)
            && before.partition_by != partition.partition_by
        {
            rebuilt.insert(name);
            rebuilt.extend(old.sub_partitions(name).iter().map(|p| &p.name));
            rebuilt.extend(new.sub_partitions(name).iter().map(|p| &p.name));
        }
    }
    for (name, partition) in &new.partitions {
        match old.partitions.get(name) {
            Some(before) if !rebuilt.contains(name) => {
                if before.bound != partition.bound || before.parent != partition.parent {
                    out.push(Change::SetPartitionBound {
                        table: table.clone(),
                        from: before.clone(),
                        to: partition.clone(),
                    });
                }
                if before.comment != partition.comment {
                    out.push(Change::SetComment {
                        target: CommentTarget::Table { name: name.clone() },
                        from: before.comment.clone(),
                        to: partition.comment.clone(),
                    });
                }
                crate::table::diff_indexes(
                    name,
                    &before.indexes,
                    &partition.indexes,
                    &BTreeSet::new(),
                    out,
                );
                for (key, fk) in &before.foreign_keys {
                    if partition.foreign_keys.get(key) != Some(fk) {
                        out.push(Change::DropForeignKey {
                            table: name.clone(),
                            foreign_key: fk.clone(),
                        });
                    }
                }
                for (key, fk) in &partition.foreign_keys {
                    if before.foreign_keys.get(key) != Some(fk) {
                        out.push(Change::AddForeignKey {
                            table: name.clone(),
                            foreign_key: fk.clone(),
                        });
                    }
                }
            }
            _ => {
                let parent = new.partition_parent(partition);
                out.push(Change::CreatePartition {
                    table: table.clone(),
                    partition: partition.clone(),
                    beside_default: !rebuilt.contains(parent)
                        && old
                            .partitions
                            .values()
                            .any(|p| p.bound.key == "DEFAULT" && old.partition_parent(p) == parent),
                });
            }
        }
    }
    // A partition dropped under a dropped partition goes with it.
    let dropped: BTreeSet<&QualifiedName> = old
        .partitions
        .keys()
        .filter(|name| !new.partitions.contains_key(*name) || rebuilt.contains(name))
        .collect();
    for name in &dropped {
        let partition = &old.partitions[*name];
        if partition
            .parent
            .as_ref()
            .is_some_and(|p| dropped.contains(p))
        {
            continue;
        }
        let mut under = Vec::new();
        let mut next = vec![*name];
        while let Some(parent) = next.pop() {
            for p in old.partitions.values() {
                if p.parent.as_ref() == Some(parent) && dropped.contains(&p.name) {
                    under.push(p.name.clone());
                    next.push(&p.name);
                }
            }
        }
        under.sort();
        out.push(Change::DropPartition {
            table: table.clone(),
            partition: partition.clone(),
            under,
        });
    }
}

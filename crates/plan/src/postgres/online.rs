//! Online forms of changes to tables that already exist, so that writers are never blocked
//! for longer than the lock timeout: indexes built and dropped `CONCURRENTLY` outside
//! transactions (a changed index is built under a spare name, the old one dropped and the
//! new one renamed, so an index is in place the whole time), unique and primary keys added
//! `USING INDEX` over a concurrently built unique index, checks and foreign keys added
//! `NOT VALID` and validated in a transaction of their own, and `SET NOT NULL` proved by a
//! validated helper check (PostgreSQL 12+ then skips the scan). Partitioned tables have no
//! concurrent or `NOT VALID` forms for most of these and keep the blocking ones.

use super::{Context, access_exclusive, constraint_object, index_name, index_resources, sorted};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{Index, IndexKey, IndexTarget, QualifiedName, quote_ident};

pub(crate) fn share_update_exclusive(table: &QualifiedName) -> String {
    format!("SHARE UPDATE EXCLUSIVE on {table}")
}

/// `CREATE INDEX CONCURRENTLY` of a new index on an existing table.
pub(crate) fn create_index(table: &QualifiedName, index: &Index) -> Planned {
    let (columns, made) = index_resources(table, index);
    let name = index_name(table, &index.name);
    let step = Planned::new(
        Phase::CreateIndex,
        "create_index",
        name.to_string(),
        super::sql::create_index_as(table, index, &index.name, true),
    )
    .requires(columns)
    .requires([Resource::Table(table.clone())])
    .provides(made)
    .lock(share_update_exclusive(table))
    .non_transactional();
    if index.unique {
        step.hazard(hazards::ADD_UNIQUE_MAY_FAIL.at(&name.to_string()))
    } else {
        step
    }
}

/// `DROP INDEX` of an index of an existing table, `CONCURRENTLY` (outside a transaction,
/// without blocking writers) or not.
pub(crate) fn drop_index(table: &QualifiedName, index: &Index, concurrently: bool) -> Planned {
    let (columns, made) = index_resources(table, index);
    let name = index_name(table, &index.name);
    let step = Planned::new(
        Phase::DropIndex,
        "drop_index",
        name.to_string(),
        if concurrently {
            format!("DROP INDEX CONCURRENTLY {name}")
        } else {
            format!("DROP INDEX {name}")
        },
    )
    .uses_old(columns)
    .uses_old([Resource::Table(table.clone())])
    .removes(made)
    .hazard(hazards::DROP_INDEX.at(&name.to_string()));
    if concurrently {
        step.lock(share_update_exclusive(table)).non_transactional()
    } else {
        step.lock(access_exclusive(table))
    }
}

/// A changed index, replaced without a moment without it: the new definition is built
/// concurrently under a spare name, the old index dropped concurrently, the new one renamed.
pub(crate) fn replace_index(
    table: &QualifiedName,
    old: &Index,
    new: &Index,
    ctx: &Context,
) -> Vec<Planned> {
    let spare = ctx.free_name(&table.schema, &new.name, "new");
    let (columns, made) = index_resources(table, new);
    let name = index_name(table, &new.name);
    let mut build = Planned::new(
        Phase::CreateIndex,
        "create_index",
        name.to_string(),
        super::sql::create_index_as(table, new, &spare, true),
    )
    .requires(columns)
    .requires([Resource::Table(table.clone())])
    .provides([Resource::Relation(index_name(table, &spare))])
    .lock(share_update_exclusive(table))
    .non_transactional();
    if new.unique {
        build = build.hazard(hazards::ADD_UNIQUE_MAY_FAIL.at(&name.to_string()));
    }
    let rename = Planned::new(
        Phase::CreateIndex,
        "rename_index",
        name.to_string(),
        format!(
            "ALTER INDEX {} RENAME TO {}",
            index_name(table, &spare),
            quote_ident(&new.name)
        ),
    )
    .requires([Resource::Relation(index_name(table, &spare))])
    .provides(made)
    .lock(share_update_exclusive(table))
    .after_previous();
    let mut drop = drop_index(table, old, true).after_previous();
    drop.step.hazards.clear();
    vec![build, drop, rename]
}

/// The unique index a unique or primary key constraint is built over.
fn key_index(
    name: &str,
    columns: &[String],
    include: &[String],
    nulls_not_distinct: bool,
) -> Index {
    Index {
        name: name.to_string(),
        unique: true,
        method: "btree".into(),
        keys: columns
            .iter()
            .map(|c| IndexKey {
                target: IndexTarget::Column(c.clone()),
                collation: None,
                opclass: None,
                descending: false,
                nulls_first: false,
            })
            .collect(),
        include: include.to_vec(),
        predicate: None,
        nulls_not_distinct,
        comment: None,
    }
}

/// A unique or primary key on an existing table: its index built concurrently, then
/// `ADD CONSTRAINT … USING INDEX` (a brief lock, no scan), which gives the index the
/// constraint's name. When the name is still taken (the key replaces one of that name), the
/// index is built under a spare name first, so the old key stays until the new one is ready.
pub(crate) fn add_key(
    table: &QualifiedName,
    constraint: &str,
    kind: &str,
    key: (&[String], &[String], bool),
    deferrable: schema_ir::Deferrable,
    ctx: &Context,
) -> Vec<Planned> {
    let (columns, include, nulls_not_distinct) = key;
    let built = if ctx.taken_before(&table.schema, constraint) {
        ctx.free_name(&table.schema, constraint, "new")
    } else {
        constraint.to_string()
    };
    let index = key_index(&built, columns, include, nulls_not_distinct);
    let object = constraint_object(table, constraint);
    let primary = kind == "add_primary_key";
    let build = Planned::new(
        Phase::AddConstraint,
        "create_index",
        object.clone(),
        super::sql::create_index_as(table, &index, &built, true),
    )
    .requires([Resource::Table(table.clone())])
    .requires(
        columns
            .iter()
            .chain(include)
            .map(|c| Resource::Column(table.clone(), c.clone())),
    )
    .provides([Resource::Relation(index_name(table, &built))])
    .lock(share_update_exclusive(table))
    .non_transactional()
    .hazard(if primary {
        hazards::ADD_PRIMARY_KEY.with_message(format!(
            "{object}: building the primary key's index fails on duplicates; adding the key fails on NULLs"
        ))
    } else {
        hazards::ADD_UNIQUE_MAY_FAIL.at(&object)
    });
    let attach = Planned::new(
        Phase::AddConstraint,
        kind,
        object,
        format!(
            "ALTER TABLE {table} ADD CONSTRAINT {} {} USING INDEX {}{}",
            quote_ident(constraint),
            if primary { "PRIMARY KEY" } else { "UNIQUE" },
            quote_ident(&built),
            super::sql::deferrable(deferrable)
        ),
    )
    .requires(
        columns
            .iter()
            .map(|c| Resource::NotNull(table.clone(), c.clone())),
    )
    .requires([Resource::Relation(index_name(table, &built))])
    .provides([
        Resource::Key(table.clone(), sorted(columns)),
        Resource::Constraint(table.clone(), constraint.to_string()),
        Resource::Relation(index_name(table, constraint)),
    ])
    .lock(access_exclusive(table))
    .after_previous();
    vec![build, attach]
}

/// `VALIDATE CONSTRAINT`, in a transaction of its own.
pub(crate) fn validate(table: &QualifiedName, name: &str, message: String) -> Planned {
    Planned::new(
        Phase::AddForeignKey,
        "validate_constraint",
        constraint_object(table, name),
        format!(
            "ALTER TABLE {table} VALIDATE CONSTRAINT {}",
            quote_ident(name)
        ),
    )
    .requires([Resource::Constraint(table.clone(), name.to_string())])
    .lock(share_update_exclusive(table))
    .own_transaction()
    .hazard(hazards::VALIDATE_CONSTRAINT.with_message(message))
}

/// `SET NOT NULL` on an existing column without a scan under an exclusive lock: a helper
/// `CHECK (col IS NOT NULL) NOT VALID`, validated on its own, proves the column has no NULL;
/// `SET NOT NULL` then uses it, and the helper is dropped.
pub(crate) fn set_not_null(
    table: &QualifiedName,
    column: &str,
    ctx: &Context,
    step: impl Fn(&str, String) -> Planned,
) -> Vec<Planned> {
    let helper = ctx.free_constraint_name(table, column);
    let object = super::column_object(table, column);
    let quoted = quote_ident(&helper);
    let add = Planned::new(
        Phase::AlterColumn,
        "add_check",
        object.clone(),
        format!(
            "ALTER TABLE {table} ADD CONSTRAINT {quoted} CHECK ({} IS NOT NULL) NOT VALID",
            quote_ident(column)
        ),
    )
    .requires([Resource::Table(table.clone())])
    .lock(access_exclusive(table));
    let mut check = validate(
        table,
        &helper,
        format!(
            "{object}: SET NOT NULL is proved by validating {quoted} first, which fails if any row holds NULL"
        ),
    );
    check.phase = Phase::AlterColumn;
    check.requires.clear();
    check.step.object = object.clone();
    let set = step("set_not_null", "SET NOT NULL".into())
        .provides([Resource::NotNull(table.clone(), column.to_string())]);
    let drop = Planned::new(
        Phase::AlterColumn,
        "drop_check",
        object,
        format!("ALTER TABLE {table} DROP CONSTRAINT {quoted}"),
    )
    .lock(access_exclusive(table));
    vec![add, check, set, drop]
}

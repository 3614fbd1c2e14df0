//! Column steps: adding a column (everything in one `ADD COLUMN`), dropping one, and altering
//! one in place. An alteration is a chain of statements in an order PostgreSQL accepts:
//! drop the generation expression or identity, drop the default around a type change, change
//! type and collation (always `USING col::newtype`), set the new default, change
//! nullability, then add or alter the identity.

use super::sql::{self, column_definition, generation, identity_clause, sequence_options};
use super::{Context, access_exclusive, column_needs, column_object, online, type_needs, types};
use crate::graph::{Phase, Planned, Resource};
use crate::hazards;
use schema_ir::{Column, QualifiedName, SequenceOptions, quote_ident};

const VOLATILE: &[&str] = &[
    "nextval(",
    "random(",
    "gen_random_uuid(",
    "uuid_generate_",
    "clock_timestamp(",
    "timeofday(",
];

pub(crate) fn add_column(table: &QualifiedName, column: &Column, ctx: &Context) -> Vec<Planned> {
    let object = column_object(table, &column.name);
    let volatile_default = column.default.as_ref().is_some_and(|d| {
        let lower = d.sql.to_ascii_lowercase();
        VOLATILE.iter().any(|v| lower.contains(v))
    });
    let serial = column
        .default
        .as_ref()
        .is_some_and(|d| d.sql.to_ascii_lowercase().contains("nextval("));
    // Online, a nullable column with a volatile default is added without it (no rewrite)
    // and the default set afterwards: only new rows get it.
    let backfill = ctx.online
        && volatile_default
        && !serial
        && !column.not_null
        && column.identity.is_none()
        && column.generated.is_none();
    let added = if backfill {
        Column {
            default: None,
            ..column.clone()
        }
    } else {
        column.clone()
    };
    let mut step = Planned::new(
        Phase::AddColumn,
        "add_column",
        object.clone(),
        format!(
            "ALTER TABLE {table} ADD COLUMN {}",
            column_definition(&added)
        ),
    )
    .requires([Resource::Table(table.clone())])
    .requires(column_needs(table, column))
    .provides([Resource::Column(table.clone(), column.name.clone())])
    .lock(access_exclusive(table));
    if backfill {
        let default = column.default.as_ref().map_or("", |d| d.sql.as_str());
        step = step.hazard(hazards::BACKFILL_REQUIRED.with_message(format!(
            "{object}: added without its volatile default {default} (no rewrite); existing rows hold NULL until backfilled"
        )));
        let set = Planned::new(
            Phase::AddColumn,
            "set_default",
            object.clone(),
            format!(
                "ALTER TABLE {table} ALTER COLUMN {} SET DEFAULT {default}",
                quote_ident(&column.name)
            ),
        )
        .requires([Resource::Column(table.clone(), column.name.clone())])
        .lock(access_exclusive(table))
        .after_previous();
        let mut out = vec![step, set];
        out.extend(column_comment(table, column));
        return out;
    }
    if column.identity.is_some() || serial {
        step = step.hazard(hazards::ADD_COLUMN_IDENTITY.at(&object));
    } else if column.generated.is_some() {
        step = step.hazard(hazards::ADD_COLUMN_GENERATED.at(&object));
    } else if volatile_default {
        step = step.hazard(hazards::ADD_COLUMN_VOLATILE_DEFAULT.at(&object));
    } else if column.not_null && column.default.is_none() {
        step = step.hazard(hazards::ADD_COLUMN_NOT_NULL_NO_DEFAULT.at(&object));
    }
    let mut out = vec![step];
    out.extend(column_comment(table, column));
    out
}

fn column_comment(table: &QualifiedName, column: &Column) -> Option<Planned> {
    column.comment.as_ref().map(|c| {
        super::comment_step(
            &schema_diff::CommentTarget::Column {
                table: table.clone(),
                column: column.name.clone(),
            },
            Some(c),
        )
    })
}

pub(crate) fn drop_column(table: &QualifiedName, column: &Column) -> Vec<Planned> {
    let object = column_object(table, &column.name);
    let step = Planned::new(
        Phase::DropColumn,
        "drop_column",
        object.clone(),
        format!(
            "ALTER TABLE {table} DROP COLUMN {}",
            quote_ident(&column.name)
        ),
    )
    .uses_old([Resource::Table(table.clone())])
    .uses_old(column_needs(table, column))
    .removes([Resource::Column(table.clone(), column.name.clone())])
    .lock(access_exclusive(table));
    // A generated column's values are computed from the others: dropping it loses nothing.
    if column.generated.is_some() {
        vec![step]
    } else {
        vec![step.hazard(hazards::DROP_COLUMN.at(&object))]
    }
}

pub(crate) fn alter_column(
    table: &QualifiedName,
    from: &Column,
    to: &Column,
    ctx: &Context,
) -> Vec<Planned> {
    let object = column_object(table, &from.name);
    let prefix = format!(
        "ALTER TABLE {table} ALTER COLUMN {}",
        quote_ident(&from.name)
    );
    let lock = access_exclusive(table);
    let step = |kind: &str, action: String| {
        Planned::new(
            Phase::AlterColumn,
            kind,
            object.clone(),
            format!("{prefix} {action}"),
        )
        .requires([Resource::Table(table.clone())])
        .lock(lock.clone())
    };
    let old_sequences = || {
        column_needs(
            table,
            &Column {
                data_type: schema_ir::DataType(String::new()),
                ..from.clone()
            },
        )
    };
    let new_sequences = || {
        column_needs(
            table,
            &Column {
                data_type: schema_ir::DataType(String::new()),
                ..to.clone()
            },
        )
    };

    let type_changed = from.data_type != to.data_type;
    let collation_changed = from.collation != to.collation;
    let default_changed = from.default != to.default;
    let mut out = Vec::new();

    if from.generated.is_some() && to.generated.is_none() {
        out.push(step("drop_expression", "DROP EXPRESSION".into()));
    }
    if from.identity.is_some() && to.identity.is_none() {
        out.push(step("drop_identity", "DROP IDENTITY".into()));
    }
    let default_dropped_first =
        from.default.is_some() && (type_changed || (default_changed && to.default.is_none()));
    if default_dropped_first {
        // Before any change of the column's type, even one planned as another change.
        out.push(
            step("drop_default", "DROP DEFAULT".into())
                .uses_old(old_sequences())
                .uses_old([Resource::Column(table.clone(), from.name.clone())]),
        );
    }
    if type_changed || collation_changed {
        let mut action = format!("TYPE {}", to.data_type);
        if collation_changed || to.collation.is_some() {
            let name = to.collation.as_deref().unwrap_or("default");
            action.push_str(&format!(" COLLATE {}", sql::collation(name)));
        }
        let mut s;
        if type_changed {
            match ctx.casts.get(&(table.clone(), to.name.clone())) {
                Some(using) => action.push_str(&format!(" USING {using}")),
                None => action.push_str(&format!(
                    " USING {}::{}",
                    quote_ident(&from.name),
                    to.data_type
                )),
            }
            let cost = types::classify(&from.data_type, &to.data_type);
            s = step("alter_column_type", action)
                .requires(type_needs(&to.data_type))
                .uses_old(type_needs(&from.data_type))
                .removes([Resource::Column(table.clone(), from.name.clone())])
                .provides([Resource::Column(table.clone(), from.name.clone())]);
            let change = format!("{object}: {} to {}", from.data_type, to.data_type);
            if cost.rewrite {
                s = s.hazard(hazards::TYPE_CHANGE_REWRITE.with_message(format!(
                    "{change}: {}",
                    hazards::TYPE_CHANGE_REWRITE.summary
                )));
            }
            if cost.may_fail {
                s = s.hazard(hazards::TYPE_CHANGE_MAY_FAIL.with_message(format!(
                    "{change}: {}",
                    hazards::TYPE_CHANGE_MAY_FAIL.summary
                )));
            }
        } else {
            s = step("alter_column_collation", action);
        }
        out.push(s);
    }
    if let (Some(d), true) = (&to.default, default_changed || default_dropped_first) {
        out.push(
            step("set_default", format!("SET DEFAULT {}", d.sql))
                .requires(new_sequences())
                .uses_old(old_sequences()),
        );
    }
    if from.not_null != to.not_null {
        if to.not_null && ctx.version >= 12 && ctx.online_for(table) {
            out.extend(online::set_not_null(table, &from.name, ctx, step));
        } else if to.not_null {
            out.push(
                step("set_not_null", "SET NOT NULL".into())
                    .provides([Resource::NotNull(table.clone(), from.name.clone())])
                    .hazard(hazards::SET_NOT_NULL.at(&object)),
            );
        } else {
            out.push(
                step("drop_not_null", "DROP NOT NULL".into())
                    .hazard(hazards::DROP_NOT_NULL.at(&object)),
            );
        }
    }
    match (&from.identity, &to.identity) {
        (None, Some(identity)) => {
            out.push(step(
                "add_identity",
                format!("ADD {}", identity_clause(identity, &to.data_type)),
            ));
        }
        (Some(old), Some(new)) if old != new => {
            let mut actions = Vec::new();
            if old.generation != new.generation {
                actions.push(format!("SET GENERATED {}", generation(new.generation)));
            }
            // A type change carries the identity sequence along, resetting bounds that were
            // the old type's defaults to the new type's.
            let mut base = old.sequence.clone();
            if type_changed {
                let old_defaults = SequenceOptions::defaults(&from.data_type, base.increment);
                let new_defaults = SequenceOptions::defaults(&to.data_type, base.increment);
                if base.max_value == old_defaults.max_value {
                    base.max_value = new_defaults.max_value;
                }
                if base.min_value == old_defaults.min_value {
                    base.min_value = new_defaults.min_value;
                }
            }
            actions.extend(
                sequence_options(&new.sequence, &base)
                    .into_iter()
                    .map(|o| format!("SET {o}")),
            );
            if !actions.is_empty() {
                out.push(step("alter_identity", actions.join(" ")));
            }
        }
        _ => {}
    }
    for (i, s) in out.iter_mut().enumerate() {
        if i > 0 {
            s.after_previous = true;
        }
    }
    out
}

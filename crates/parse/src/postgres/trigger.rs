//! Triggers: `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER`, `DROP TRIGGER`, `ALTER TRIGGER …
//! RENAME`, `COMMENT ON TRIGGER` and `ALTER TABLE … ENABLE|DISABLE TRIGGER`. The catalog
//! side reads `pg_get_triggerdef` through the same code. Triggers on views and other
//! relations that are not managed are warnings. The function resolves to one the files
//! create, or else to a built-in one (`tsvector_update_trigger`).

use super::{Reader, Res, display_rv, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterTableType, CommentStmt, CreateTrigStmt, DropStmt, Node, ObjectType, RenameStmt,
};
use schema_ir::{
    ConstraintTrigger, QualifiedName, Trigger, TriggerEnabled, TriggerEvent, TriggerTiming,
};

const TRIGGER_TYPE_BEFORE: i32 = 1 << 1;
const TRIGGER_TYPE_INSERT: i32 = 1 << 2;
const TRIGGER_TYPE_DELETE: i32 = 1 << 3;
const TRIGGER_TYPE_UPDATE: i32 = 1 << 4;
const TRIGGER_TYPE_TRUNCATE: i32 = 1 << 5;
const TRIGGER_TYPE_INSTEAD: i32 = 1 << 6;

/// Whether a DROP/COMMENT/RENAME object type is a trigger.
pub(crate) fn is_trigger_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectTrigger)
}

/// The state an `ALTER TABLE … ENABLE|DISABLE TRIGGER name` subcommand sets, if it is one
/// about a single trigger.
pub(crate) fn enabled_state(subtype: AlterTableType) -> Option<TriggerEnabled> {
    match subtype {
        AlterTableType::AtEnableTrig => Some(TriggerEnabled::Origin),
        AlterTableType::AtDisableTrig => Some(TriggerEnabled::Disabled),
        AlterTableType::AtEnableReplicaTrig => Some(TriggerEnabled::Replica),
        AlterTableType::AtEnableAlwaysTrig => Some(TriggerEnabled::Always),
        _ => None,
    }
}

/// `[schema.]table.trigger` parts of a DROP/COMMENT object.
fn object_names(object: Option<&Node>) -> Vec<String> {
    match object.and_then(|o| o.node.as_ref()) {
        Some(NodeEnum::List(list)) => nodes::strings(&list.items),
        _ => Vec::new(),
    }
}

impl Reader<'_> {
    pub(crate) fn create_trigger(&mut self, stmt: &CreateTrigStmt) -> Res<()> {
        let rv = stmt
            .relation
            .as_ref()
            .ok_or("CREATE TRIGGER without a table")?;
        let Some(table) = self.find_table(rv) else {
            if self.is_unmanaged(rv)
                || self
                    .resolve(&rv.schemaname, &rv.relname, |q| {
                        self.schema.views.contains_key(q)
                    })
                    .is_some()
            {
                self.warn(
                    "triggers on views and unmanaged relations are not managed; statement ignored",
                );
                return Ok(());
            }
            return Err(format!("relation {} does not exist", display_rv(rv)));
        };
        let timing = if stmt.timing & TRIGGER_TYPE_INSTEAD != 0 {
            TriggerTiming::InsteadOf
        } else if stmt.timing & TRIGGER_TYPE_BEFORE != 0 {
            TriggerTiming::Before
        } else {
            TriggerTiming::After
        };
        let mut events = Vec::new();
        for (bit, event) in [
            (TRIGGER_TYPE_INSERT, TriggerEvent::Insert),
            (TRIGGER_TYPE_DELETE, TriggerEvent::Delete),
            (TRIGGER_TYPE_UPDATE, TriggerEvent::Update),
            (TRIGGER_TYPE_TRUNCATE, TriggerEvent::Truncate),
        ] {
            if stmt.events & bit != 0 {
                events.push(event);
            }
        }
        let function = self
            .support_routine(&nodes::strings(&stmt.funcname))
            .ok_or("CREATE TRIGGER without a function")?;
        let when = self.optional_table_expr(stmt.when_clause.as_deref(), &table)?;
        let constraint = if stmt.isconstraint {
            let referenced_table = match stmt.constrrel.as_ref() {
                Some(rv) => Some(self.table(rv)?),
                None => None,
            };
            Some(ConstraintTrigger {
                deferrable: stmt.deferrable,
                initially_deferred: stmt.initdeferred,
                referenced_table,
            })
        } else {
            None
        };
        let mut old_table = None;
        let mut new_table = None;
        for t in &stmt.transition_rels {
            if let Some(NodeEnum::TriggerTransition(t)) = t.node.as_ref() {
                if t.is_new {
                    new_table = Some(t.name.clone());
                } else {
                    old_table = Some(t.name.clone());
                }
            }
        }
        let trigger = Trigger {
            name: stmt.trigname.clone(),
            timing,
            events,
            update_columns: nodes::strings(&stmt.columns),
            for_each_row: stmt.row,
            when,
            function,
            arguments: stmt.args.iter().filter_map(nodes::constant_text).collect(),
            constraint,
            old_table,
            new_table,
            enabled: TriggerEnabled::Origin,
            comment: None,
        };
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        if let Some(old) = t.triggers.get(&trigger.name) {
            if !stmt.replace {
                return Err(format!(
                    "trigger \"{}\" for relation {table} already exists",
                    trigger.name
                ));
            }
            let mut trigger = trigger;
            trigger.comment = old.comment.clone();
            trigger.enabled = old.enabled;
            t.triggers.insert(trigger.name.clone(), trigger);
        } else {
            t.triggers.insert(trigger.name.clone(), trigger);
        }
        Ok(())
    }

    /// The table and trigger name of `[schema.]table.trigger`.
    fn trigger_of(&self, names: &[String]) -> Res<Option<(QualifiedName, String)>> {
        self.table_member(names, "trigger", |t, n| t.triggers.contains_key(n))
    }

    pub(crate) fn drop_trigger(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let names = object_names(Some(object));
            match self.trigger_of(&names)? {
                Some((table, name)) => {
                    if let Some(t) = self.schema.tables.get_mut(&table) {
                        t.triggers.remove(&name);
                    }
                }
                None if stmt.missing_ok => {}
                None => return Err(format!("trigger {} does not exist", names.join("."))),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_trigger(&mut self, stmt: &CommentStmt) -> Res<()> {
        let names = object_names(stmt.object.as_deref());
        let (table, name) = self
            .trigger_of(&names)?
            .ok_or_else(|| format!("trigger {} does not exist", names.join(".")))?;
        if let Some(t) = self
            .schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.triggers.get_mut(&name))
        {
            t.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        }
        Ok(())
    }

    pub(crate) fn rename_trigger(&mut self, stmt: &RenameStmt) -> Res<()> {
        let rv = stmt
            .relation
            .as_ref()
            .ok_or("ALTER TRIGGER without a table")?;
        let table = self.table(rv)?;
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        let mut trigger = t.triggers.remove(&stmt.subname).ok_or_else(|| {
            format!(
                "trigger \"{}\" for table {table} does not exist",
                stmt.subname
            )
        })?;
        trigger.name = stmt.newname.clone();
        t.triggers.insert(trigger.name.clone(), trigger);
        Ok(())
    }

    /// `ALTER TABLE … ENABLE|DISABLE [REPLICA|ALWAYS] TRIGGER name`.
    pub(crate) fn set_trigger_enabled(
        &mut self,
        table: &QualifiedName,
        name: &str,
        state: TriggerEnabled,
    ) -> Res<()> {
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        let trigger = t
            .triggers
            .get_mut(name)
            .ok_or_else(|| format!("trigger \"{name}\" for table {table} does not exist"))?;
        trigger.enabled = state;
        Ok(())
    }
}

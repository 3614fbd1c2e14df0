//! Event triggers: `CREATE EVENT TRIGGER` (event, `WHEN TAG IN`, function), `ALTER EVENT
//! TRIGGER … ENABLE/DISABLE` and `RENAME`, `DROP` and `COMMENT`. Tags are upper-cased as
//! PostgreSQL stores them, and sorted: they are a set.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterEventTrigStmt, CommentStmt, CreateEventTrigStmt, DropStmt, Node, ObjectType, RenameStmt,
};
use schema_ir::{EventTrigger, TriggerEnabled};

const EVENTS: [&str; 5] = [
    "ddl_command_start",
    "ddl_command_end",
    "sql_drop",
    "table_rewrite",
    "login",
];

pub(crate) fn is_event_trigger_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectEventTrigger)
}

fn name_of(node: Option<&Node>) -> String {
    node.and_then(nodes::string).unwrap_or_default().to_string()
}

impl Reader<'_> {
    pub(crate) fn create_event_trigger(&mut self, stmt: &CreateEventTrigStmt) -> Res<()> {
        if self.schema.event_triggers.contains_key(&stmt.trigname) {
            return Err(format!(
                "event trigger \"{}\" already exists",
                stmt.trigname
            ));
        }
        if !EVENTS.contains(&stmt.eventname.as_str()) {
            return Err(format!("unrecognized event name \"{}\"", stmt.eventname));
        }
        let mut tags = Vec::new();
        for d in &stmt.whenclause {
            let Some(NodeEnum::DefElem(d)) = d.node.as_ref() else {
                continue;
            };
            if d.defname != "tag" {
                return Err(format!("unrecognized filter variable \"{}\"", d.defname));
            }
            if let Some(NodeEnum::List(l)) = d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                tags.extend(nodes::strings(&l.items).iter().map(|t| t.to_uppercase()));
            }
        }
        tags.sort();
        tags.dedup();
        let function = self
            .support_routine(&nodes::strings(&stmt.funcname))
            .ok_or("CREATE EVENT TRIGGER without a function")?;
        self.schema.event_triggers.insert(
            stmt.trigname.clone(),
            EventTrigger {
                name: stmt.trigname.clone(),
                event: stmt.eventname.clone(),
                tags,
                function,
                enabled: TriggerEnabled::Origin,
                comment: None,
            },
        );
        Ok(())
    }

    fn event_trigger_mut(&mut self, name: &str) -> Res<&mut EventTrigger> {
        self.schema
            .event_triggers
            .get_mut(name)
            .ok_or_else(|| format!("event trigger \"{name}\" does not exist"))
    }

    pub(crate) fn alter_event_trigger(&mut self, stmt: &AlterEventTrigStmt) -> Res<()> {
        self.event_trigger_mut(&stmt.trigname)?.enabled =
            TriggerEnabled::from_catalog(&stmt.tgenabled);
        Ok(())
    }

    pub(crate) fn drop_event_trigger(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let name = name_of(Some(object));
            if self.schema.event_triggers.remove(&name).is_none() && !stmt.missing_ok {
                return Err(format!("event trigger \"{name}\" does not exist"));
            }
        }
        Ok(())
    }

    pub(crate) fn comment_event_trigger(&mut self, stmt: &CommentStmt) -> Res<()> {
        let name = name_of(stmt.object.as_deref());
        self.event_trigger_mut(&name)?.comment =
            (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        Ok(())
    }

    pub(crate) fn rename_event_trigger(&mut self, stmt: &RenameStmt) -> Res<()> {
        let name = name_of(stmt.object.as_deref());
        if self.schema.event_triggers.contains_key(&stmt.newname) {
            return Err(format!("event trigger \"{}\" already exists", stmt.newname));
        }
        let mut trigger = self
            .schema
            .event_triggers
            .remove(&name)
            .ok_or_else(|| format!("event trigger \"{name}\" does not exist"))?;
        trigger.name = stmt.newname.clone();
        self.schema
            .event_triggers
            .insert(stmt.newname.clone(), trigger);
        Ok(())
    }
}

//! Event triggers (`CREATE EVENT TRIGGER`): database-wide, named without a schema, firing a
//! function on a DDL event, optionally only for some command tags.

use crate::name::QualifiedName;
use crate::trigger::TriggerEnabled;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTrigger {
    pub name: String,
    /// `ddl_command_start`, `ddl_command_end`, `sql_drop`, `table_rewrite` or `login`.
    pub event: String,
    /// `WHEN TAG IN (…)`: command tags in upper case, sorted; empty for every command.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The function (taking no arguments, returning `event_trigger`).
    pub function: QualifiedName,
    #[serde(default, skip_serializing_if = "TriggerEnabled::is_default")]
    pub enabled: TriggerEnabled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl EventTrigger {
    /// Whether `other` fires differently (so it is dropped and created again); the enabled
    /// state and the comment change in place.
    pub fn redefined(&self, other: &EventTrigger) -> bool {
        self.event != other.event || self.tags != other.tags || self.function != other.function
    }
}

//! Triggers on tables. A trigger belongs to its table (names are unique per table) and calls
//! a trigger function, named by its qualified name (trigger functions take no arguments).
//! Events are kept in the order PostgreSQL prints them (INSERT, DELETE, UPDATE, TRUNCATE), so
//! `UPDATE OR INSERT` and `INSERT OR UPDATE` are one value. Whether the trigger fires
//! (`ENABLE`/`DISABLE`, `REPLICA`, `ALWAYS`) is a separate attribute changed in place.

use crate::expr::Expr;
use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub name: String,
    pub timing: TriggerTiming,
    /// The events, in canonical order, without duplicates.
    pub events: Vec<TriggerEvent>,
    /// `UPDATE OF` columns, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub update_columns: Vec<String>,
    pub for_each_row: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Expr>,
    pub function: QualifiedName,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<String>,
    /// A `CONSTRAINT TRIGGER`, with its deferral and the table of `FROM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<ConstraintTrigger>,
    /// `REFERENCING OLD TABLE AS …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_table: Option<String>,
    /// `REFERENCING NEW TABLE AS …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_table: Option<String>,
    #[serde(default, skip_serializing_if = "TriggerEnabled::is_default")]
    pub enabled: TriggerEnabled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Trigger {
    /// Whether two versions differ in more than their comment and enabled state.
    pub fn redefined(&self, new: &Trigger) -> bool {
        let mut a = self.clone();
        a.comment = new.comment.clone();
        a.enabled = new.enabled;
        a != *new
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerTiming {
    Before,
    After,
    InsteadOf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEvent {
    Insert,
    Delete,
    Update,
    Truncate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConstraintTrigger {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deferrable: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub initially_deferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referenced_table: Option<QualifiedName>,
}

/// When a trigger fires, as `pg_trigger.tgenabled` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEnabled {
    /// Fires in origin and local sessions (`ENABLE TRIGGER`, the default).
    #[default]
    Origin,
    /// Never fires (`DISABLE TRIGGER`).
    Disabled,
    /// Fires only in replica sessions (`ENABLE REPLICA TRIGGER`).
    Replica,
    /// Always fires (`ENABLE ALWAYS TRIGGER`).
    Always,
}

impl TriggerEnabled {
    pub fn is_default(&self) -> bool {
        *self == TriggerEnabled::Origin
    }

    /// The state of a `pg_trigger.tgenabled` character.
    pub fn from_catalog(c: &str) -> TriggerEnabled {
        match c {
            "D" => TriggerEnabled::Disabled,
            "R" => TriggerEnabled::Replica,
            "A" => TriggerEnabled::Always,
            _ => TriggerEnabled::Origin,
        }
    }
}

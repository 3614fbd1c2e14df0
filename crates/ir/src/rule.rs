//! Rewrite rules on tables (`CREATE RULE … AS ON INSERT TO t … DO INSTEAD …`). A rule
//! belongs to its table (names are unique per table); its condition and each of its actions
//! are expressions with a canonical key, so what a file writes and what `pg_get_ruledef`
//! prints compare equal. The `_RETURN` rule of a view is the view itself and is not a rule
//! here. Whether a rule fires (`ENABLE`/`DISABLE RULE`, `REPLICA`, `ALWAYS`) is changed in
//! place.

use crate::expr::Expr;
use crate::name::QualifiedName;
use crate::trigger::TriggerEnabled;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub name: String,
    pub event: RuleEvent,
    /// `DO INSTEAD` (otherwise `DO ALSO`).
    pub instead: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Expr>,
    /// The actions in order; none is `DO … NOTHING`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Expr>,
    /// The relations the actions write or read, other than the rule's table.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub references: BTreeSet<QualifiedName>,
    #[serde(default, skip_serializing_if = "TriggerEnabled::is_default")]
    pub enabled: TriggerEnabled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Rule {
    /// Whether two versions differ in more than their comment and enabled state.
    pub fn redefined(&self, new: &Rule) -> bool {
        let mut a = self.clone();
        a.comment = new.comment.clone();
        a.enabled = new.enabled;
        a != *new
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleEvent {
    Select,
    Insert,
    Update,
    Delete,
}

impl RuleEvent {
    pub fn as_sql(&self) -> &'static str {
        match self {
            RuleEvent::Select => "SELECT",
            RuleEvent::Insert => "INSERT",
            RuleEvent::Update => "UPDATE",
            RuleEvent::Delete => "DELETE",
        }
    }
}

//! Row-level security policies of a table. Roles are kept sorted (PostgreSQL keeps them as a
//! set), `PUBLIC` as `public`; a policy without `TO` applies to `public`.

use crate::expr::Expr;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub name: String,
    /// `AS PERMISSIVE` (the default) or `AS RESTRICTIVE`.
    pub permissive: bool,
    pub command: PolicyCommand,
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_check: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyCommand {
    All,
    Select,
    Insert,
    Update,
    Delete,
}

impl PolicyCommand {
    pub fn parse(name: &str) -> Option<PolicyCommand> {
        match name.to_ascii_lowercase().as_str() {
            "all" | "*" => Some(PolicyCommand::All),
            "select" | "r" => Some(PolicyCommand::Select),
            "insert" | "a" => Some(PolicyCommand::Insert),
            "update" | "w" => Some(PolicyCommand::Update),
            "delete" | "d" => Some(PolicyCommand::Delete),
            _ => None,
        }
    }

    pub fn as_sql(&self) -> &'static str {
        match self {
            PolicyCommand::All => "ALL",
            PolicyCommand::Select => "SELECT",
            PolicyCommand::Insert => "INSERT",
            PolicyCommand::Update => "UPDATE",
            PolicyCommand::Delete => "DELETE",
        }
    }
}

impl Policy {
    /// Whether `ALTER POLICY` can turn `self` into `new`: it cannot change the command or
    /// whether the policy is permissive, nor remove an expression.
    pub fn alterable_to(&self, new: &Policy) -> bool {
        self.permissive == new.permissive
            && self.command == new.command
            && (self.using.is_none() || new.using.is_some())
            && (self.with_check.is_none() || new.with_check.is_some())
    }

    /// Whether two versions differ in more than their comment.
    pub fn redefined(&self, new: &Policy) -> bool {
        let mut a = self.clone();
        a.comment = new.comment.clone();
        a != *new
    }
}

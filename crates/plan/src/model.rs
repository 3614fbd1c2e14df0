//! The plan and its parts: ordered [`Step`]s, each one SQL statement with the object it
//! touches, the lock it takes and the [`Hazard`]s it carries.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ordered migration plan from one schema state to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// Fingerprint of the schema the plan starts from.
    pub from_fingerprint: String,
    /// Fingerprint of the schema the plan produces.
    pub to_fingerprint: String,
}

/// One statement of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// One SQL statement, without a trailing semicolon.
    pub sql: String,
    /// The object the step is about, e.g. `public.users` or `public.users.email`.
    pub object: String,
    /// What the step does, e.g. `add_column`.
    pub kind: String,
    /// Whether the step may run inside a transaction block together with others.
    pub transactional: bool,
    /// Runs in a transaction of its own (a validation that scans the table): locks taken by
    /// earlier steps are released before it starts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_transaction: bool,
    /// `lock_timeout` of the step in milliseconds (0: no limit).
    #[serde(default)]
    pub lock_timeout_ms: u64,
    /// `statement_timeout` of the step in milliseconds (0: no limit).
    #[serde(default)]
    pub statement_timeout_ms: u64,
    /// The lock the step takes on an existing object, e.g. `ACCESS EXCLUSIVE on public.users`.
    pub lock: Option<String>,
    pub hazards: Vec<Hazard>,
}

impl Plan {
    /// The steps in the transactions they run in: consecutive transactional steps share one,
    /// a step that cannot run in a transaction block or needs one of its own stands alone.
    pub fn transactions(&self) -> impl Iterator<Item = &[Step]> {
        self.steps
            .chunk_by(|a, b| a.shares_transaction() && b.shares_transaction())
    }
}

impl Step {
    /// Whether the step creates or replaces a routine. Such steps run with
    /// `check_function_bodies` off, as `pg_dump` restores them: a body is then not resolved
    /// against the session's search path, which the plan does not set (a SQL body written
    /// for `SET search_path = app` names `app`'s tables without their schema).
    pub fn creates_routine(&self) -> bool {
        matches!(self.kind.as_str(), "create_function" | "replace_function")
    }

    /// A transactional step without lock, hazards or timeouts.
    pub fn new(sql: impl Into<String>, object: impl Into<String>, kind: impl Into<String>) -> Step {
        Step {
            sql: sql.into(),
            object: object.into(),
            kind: kind.into(),
            transactional: true,
            own_transaction: false,
            lock_timeout_ms: 0,
            statement_timeout_ms: 0,
            lock: None,
            hazards: Vec::new(),
        }
    }

    fn shares_transaction(&self) -> bool {
        self.transactional && !self.own_transaction
    }
}

/// A risk of a step, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hazard {
    /// A code of [`crate::hazards::ALL`]; reading a plan with an unknown code fails.
    pub code: &'static str,
    pub category: Category,
    pub message: String,
}

/// The kind of risk a hazard is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    DataLoss,
    BackwardIncompatible,
    Locking,
    Rewrite,
    MayFail,
    Authz,
    Performance,
}

impl Category {
    /// Every category, in the order outputs list them.
    pub const ALL: [Category; 7] = [
        Category::DataLoss,
        Category::BackwardIncompatible,
        Category::Locking,
        Category::Rewrite,
        Category::MayFail,
        Category::Authz,
        Category::Performance,
    ];

    /// The category named `name` (`data-loss`, `rewrite`, …), if there is one.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The name used in every output format (`data-loss`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Category::DataLoss => "data-loss",
            Category::BackwardIncompatible => "backward-incompatible",
            Category::Locking => "locking",
            Category::Rewrite => "rewrite",
            Category::MayFail => "may-fail",
            Category::Authz => "authz",
            Category::Performance => "performance",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A hazard as read from JSON, before its code is checked against the catalog.
#[derive(Deserialize)]
struct HazardRecord {
    code: String,
    category: Category,
    message: String,
}

impl<'de> Deserialize<'de> for Hazard {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Hazard, D::Error> {
        let record = HazardRecord::deserialize(deserializer)?;
        let kind = crate::hazards::kind(&record.code).ok_or_else(|| {
            serde::de::Error::custom(format!("unknown hazard code `{}`", record.code))
        })?;
        Ok(Hazard {
            code: kind.code,
            category: record.category,
            message: record.message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_round_trip_through_json() {
        let plan = Plan {
            steps: vec![Step {
                sql: "DROP TABLE public.t".into(),
                object: "public.t".into(),
                kind: "drop_table".into(),
                transactional: true,
                own_transaction: false,
                lock_timeout_ms: 5000,
                statement_timeout_ms: 0,
                lock: Some("ACCESS EXCLUSIVE on public.t".into()),
                hazards: vec![crate::hazards::DROP_TABLE.at("public.t")],
            }],
            from_fingerprint: "a".into(),
            to_fingerprint: "b".into(),
        };
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<Plan>(&json).unwrap(), plan);
        let unknown = json.replace("DROP_TABLE", "NO_SUCH_CODE");
        let error = serde_json::from_str::<Plan>(&unknown).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("unknown hazard code `NO_SUCH_CODE`")
        );
    }
}

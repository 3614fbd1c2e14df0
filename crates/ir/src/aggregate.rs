//! Aggregate functions (`CREATE AGGREGATE`), identified like routines by their signature
//! (`public.group_concat(text)`). Support functions are qualified names as the catalog's
//! `regproc` output gives them: built-in ones in `pg_catalog`. Moving-aggregate and
//! ordered-set forms are not managed.

use crate::function::Parallel;
use crate::name::QualifiedName;
use crate::types::DataType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    pub name: QualifiedName,
    /// Argument types (`*` is an empty list).
    pub arguments: Vec<DataType>,
    pub state_function: QualifiedName,
    pub state_type: DataType,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub state_space: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_function: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub final_extra: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combine_function: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_function: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deserial_function: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_condition: Option<String>,
    /// The sort operator (`SORTOP`), as `regoperator` prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_operator: Option<String>,
    pub parallel: Parallel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl Aggregate {
    /// `schema.name(type, …)`, or `schema.name(*)` for an aggregate without arguments.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name, self.argument_list())
    }

    /// The argument types as `DROP AGGREGATE` takes them.
    pub fn argument_list(&self) -> String {
        if self.arguments.is_empty() {
            "*".to_string()
        } else {
            self.arguments
                .iter()
                .map(|t| t.0.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

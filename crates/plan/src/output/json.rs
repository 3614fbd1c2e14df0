//! The JSON document of a plan (`format_version` 1): the fingerprints of both states, a
//! [`super::Summary`] and every step with its SQL, object, kind, transactional flag, lock and
//! hazards. `docs/plan.schema.json` describes it; [`Plan::from_json`] reads it back (what
//! `schema apply --plan` needs).

use super::Summary;
use crate::model::{Plan, Step};
use serde::{Deserialize, Serialize};

/// The version of the JSON document; bumped when a field changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    from_fingerprint: &'a str,
    to_fingerprint: &'a str,
    summary: Summary,
    steps: &'a [Step],
}

#[derive(Deserialize)]
struct Version {
    format_version: Option<u32>,
}

/// A JSON plan that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PlanReadError {
    #[error("not a plan: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the plan has no format_version; write it with `schema plan --format json`")]
    NoVersion,
    #[error("plan format_version {0} is not supported (this version reads {FORMAT_VERSION})")]
    Version(u32),
}

impl Plan {
    /// The JSON document, pretty-printed, ending in a newline.
    pub fn to_json(&self) -> String {
        let document = Document {
            format_version: FORMAT_VERSION,
            from_fingerprint: &self.from_fingerprint,
            to_fingerprint: &self.to_fingerprint,
            summary: self.summary(),
            steps: &self.steps,
        };
        serde_json::to_string_pretty(&document).expect("a plan always serializes") + "\n"
    }

    /// Reads a document written by [`Plan::to_json`]; the summary is recomputed, not read.
    pub fn from_json(text: &str) -> Result<Plan, PlanReadError> {
        match serde_json::from_str::<Version>(text)?.format_version {
            None => Err(PlanReadError::NoVersion),
            Some(FORMAT_VERSION) => Ok(serde_json::from_str(text)?),
            Some(other) => Err(PlanReadError::Version(other)),
        }
    }
}

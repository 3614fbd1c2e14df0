//! Views and materialized views. The definition is an [`Expr`] whose text is the query as
//! written (or as `pg_get_viewdef` prints it) and whose key is the parser's canonical form of
//! the query, so both readers agree. `columns` are the output column names in order and
//! `references` the relations the query reads (tables and views, schema-qualified), which
//! order creation and dropping.

use crate::expr::Expr;
use crate::name::QualifiedName;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub name: QualifiedName,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub materialized: bool,
    pub definition: Expr,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub references: BTreeSet<QualifiedName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

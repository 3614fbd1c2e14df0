//! Views and materialized views. The definition is an [`Expr`] whose text is the query as
//! written (or as `pg_get_viewdef` prints it) and whose key is the parser's canonical form of
//! the query, so both readers agree. `columns` are the output column names in order and
//! `references` the relations the query reads (tables and views, schema-qualified), which
//! order creation and dropping. `options` are the `WITH (…)` options (`check_option`,
//! `security_barrier`, `security_invoker` of a view; storage parameters of a materialized
//! view), and a materialized view has indexes of its own.

use crate::expr::Expr;
use crate::name::QualifiedName;
use crate::table::Index;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct View {
    pub name: QualifiedName,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub materialized: bool,
    pub definition: Expr,
    pub columns: Vec<String>,
    /// What each output column is made of, as far as its type goes (see the parser's
    /// `ViewKey::column_keys`): a view whose column keys begin with the old ones' can be
    /// replaced in place. Derived from the definition, so not serialized.
    #[serde(skip)]
    pub column_keys: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub references: BTreeSet<QualifiedName>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    /// Indexes of a materialized view, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub indexes: BTreeMap<String, Index>,
    /// A materialized view created `WITH NO DATA` (or not refreshed since): the state it is
    /// in, not part of its definition; a plan creates a new one the way the file says and
    /// fills one it re-creates when the old one was filled.
    #[serde(default, skip_serializing_if = "crate::comparison::skip_with_no_data")]
    pub with_no_data: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Views compare by what they are, not by the state they are in (`with_no_data`) or what is
/// derived from their definition (`column_keys`).
impl PartialEq for View {
    fn eq(&self, other: &View) -> bool {
        self.name == other.name
            && !self.redefined(other)
            && self.references == other.references
            && self.options == other.options
            && self.indexes == other.indexes
            && self.comment == other.comment
    }
}

impl Eq for View {}

impl View {
    /// Whether two versions differ in their definition: the query, the output columns or
    /// the kind (not the options, the comment, the indexes or whether it holds data).
    pub fn redefined(&self, new: &View) -> bool {
        self.materialized != new.materialized
            || self.definition != new.definition
            || self.columns != new.columns
    }

    /// Whether `CREATE OR REPLACE VIEW` can turn `self` into `new`: both plain views, and
    /// the old columns come first in the new query, each made of the same expression over
    /// the same relations (so of the same type).
    pub fn replaceable_by(&self, new: &View) -> bool {
        !self.materialized
            && !new.materialized
            && !self.column_keys.is_empty()
            && new.column_keys.starts_with(&self.column_keys)
    }
}

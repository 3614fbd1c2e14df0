//! Tables and everything that hangs on them: columns (with defaults, identity, generated
//! expressions, collation), primary keys, unique, check and foreign-key constraints, and
//! indexes, triggers, rules, row-level security and policies, and storage options. Constraints and indexes are kept in maps keyed by name so that comparison and
//! output never depend on the order in which a reader found them.

use crate::expr::Expr;
use crate::name::QualifiedName;
use crate::partition::{Partition, PartitionKey};
use crate::policy::Policy;
use crate::rule::Rule;
use crate::sequence::SequenceOptions;
use crate::trigger::Trigger;
use crate::types::DataType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A table. Column order is kept as declared, but two tables that differ only in the order
/// of their columns are equal: column order is not something a migration changes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    pub name: QualifiedName,
    #[serde(serialize_with = "crate::comparison::columns")]
    pub columns: Vec<Column>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unique_constraints: BTreeMap<String, UniqueConstraint>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, Check>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub foreign_keys: BTreeMap<String, ForeignKey>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exclusions: BTreeMap<String, Exclusion>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub indexes: BTreeMap<String, Index>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub triggers: BTreeMap<String, Trigger>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, Rule>,
    /// Extended statistics (`CREATE STATISTICS`) by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub statistics: BTreeMap<QualifiedName, crate::ExtendedStatistics>,
    /// `ENABLE ROW LEVEL SECURITY`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub row_security: bool,
    /// `FORCE ROW LEVEL SECURITY` (the owner is subject to the policies too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub force_row_security: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, Policy>,
    /// `PARTITION BY …` of a partitioned table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<PartitionKey>,
    /// The partitions of a partitioned table, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub partitions: BTreeMap<QualifiedName, Partition>,
    /// The tables it inherits from (`INHERITS (…)`), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inherits: Vec<QualifiedName>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlogged: bool,
    /// Storage parameters (`WITH (fillfactor = 70)`), by name, values as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub storage: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "ReplicaIdentity::is_default")]
    pub replica_identity: ReplicaIdentity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// What logical replication records of an updated or deleted row (`REPLICA IDENTITY`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplicaIdentity {
    /// The primary key, if any.
    #[default]
    Default,
    Nothing,
    Full,
    /// `USING INDEX name`.
    Index(String),
}

impl ReplicaIdentity {
    pub fn is_default(&self) -> bool {
        *self == ReplicaIdentity::Default
    }
}

impl Table {
    pub fn new(name: QualifiedName) -> Self {
        Table {
            name,
            columns: Vec::new(),
            primary_key: None,
            unique_constraints: BTreeMap::new(),
            checks: BTreeMap::new(),
            foreign_keys: BTreeMap::new(),
            exclusions: BTreeMap::new(),
            indexes: BTreeMap::new(),
            triggers: BTreeMap::new(),
            rules: BTreeMap::new(),
            statistics: BTreeMap::new(),
            row_security: false,
            force_row_security: false,
            policies: BTreeMap::new(),
            partition_by: None,
            partitions: BTreeMap::new(),
            inherits: Vec::new(),
            unlogged: false,
            storage: BTreeMap::new(),
            replica_identity: ReplicaIdentity::Default,
            comment: None,
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| c.name == name)
    }

    /// Names of every constraint on the table (primary key, unique, check, foreign key).
    pub fn constraint_names(&self) -> impl Iterator<Item = &str> {
        self.primary_key
            .iter()
            .map(|pk| pk.name.as_str())
            .chain(self.unique_constraints.keys().map(String::as_str))
            .chain(self.checks.keys().map(String::as_str))
            .chain(self.foreign_keys.keys().map(String::as_str))
            .chain(self.exclusions.keys().map(String::as_str))
    }

    /// The relation partition `p` of this table is attached to: the table or a partition.
    pub fn partition_parent<'a>(&'a self, p: &'a Partition) -> &'a QualifiedName {
        p.parent.as_ref().unwrap_or(&self.name)
    }

    /// The partition key of `parent`, the table itself or one of its partitions.
    pub fn partition_key_of(&self, parent: &QualifiedName) -> Option<&PartitionKey> {
        if *parent == self.name {
            self.partition_by.as_ref()
        } else {
            self.partitions.get(parent)?.partition_by.as_ref()
        }
    }

    /// The partitions under partition `name`, at any depth, parents before their children.
    pub fn sub_partitions(&self, name: &QualifiedName) -> Vec<&Partition> {
        let mut out: Vec<&Partition> = Vec::new();
        let mut next = vec![name];
        while let Some(parent) = next.pop() {
            for p in self.partitions.values() {
                if p.parent.as_ref() == Some(parent) {
                    out.push(p);
                    next.push(&p.name);
                }
            }
        }
        out
    }

    fn columns_by_name(&self) -> Vec<&Column> {
        let mut columns: Vec<&Column> = self.columns.iter().collect();
        columns.sort_by(|a, b| a.name.cmp(&b.name));
        columns
    }
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.columns_by_name() == other.columns_by_name()
            && self.primary_key == other.primary_key
            && self.unique_constraints == other.unique_constraints
            && self.checks == other.checks
            && self.foreign_keys == other.foreign_keys
            && self.exclusions == other.exclusions
            && self.indexes == other.indexes
            && self.triggers == other.triggers
            && self.rules == other.rules
            && self.statistics == other.statistics
            && self.row_security == other.row_security
            && self.force_row_security == other.force_row_security
            && self.policies == other.policies
            && self.partition_by == other.partition_by
            && self.partitions == other.partitions
            && self.inherits == other.inherits
            && self.unlogged == other.unlogged
            && self.storage == other.storage
            && self.replica_identity == other.replica_identity
            && self.comment == other.comment
    }
}

impl Eq for Table {}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub data_type: DataType,
    #[serde(default)]
    pub not_null: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// The expression of a stored generated column (`GENERATED ALWAYS AS (…) STORED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Expr>,
    /// A collation other than the type's default, as a canonical name: bare for
    /// `pg_catalog` collations (`C`, `en_US`), schema-qualified otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Column {
    pub fn new(name: impl Into<String>, data_type: DataType) -> Self {
        Column {
            name: name.into(),
            data_type,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            comment: None,
        }
    }
}

/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (…)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub generation: IdentityGeneration,
    pub sequence: SequenceOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityGeneration {
    Always,
    ByDefault,
}

/// Whether and when a constraint is checked (`DEFERRABLE INITIALLY DEFERRED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deferrable {
    #[default]
    NotDeferrable,
    InitiallyImmediate,
    InitiallyDeferred,
}

impl Deferrable {
    fn is_not_deferrable(&self) -> bool {
        *self == Deferrable::NotDeferrable
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    pub name: String,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "Deferrable::is_not_deferrable")]
    pub deferrable: Deferrable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    pub name: String,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
    #[serde(default, skip_serializing_if = "Deferrable::is_not_deferrable")]
    pub deferrable: Deferrable,
}

/// An `EXCLUDE` constraint: no two rows may have all of `elements` related by their
/// operators (`room WITH =, during WITH &&`). Its index has the constraint's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub name: String,
    pub method: String,
    pub elements: Vec<ExclusionElement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Expr>,
    #[serde(default, skip_serializing_if = "Deferrable::is_not_deferrable")]
    pub deferrable: Deferrable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExclusionElement {
    pub key: IndexKey,
    /// The operator, unqualified when it is a `pg_catalog` one (`=`, `&&`).
    pub operator: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub name: String,
    pub expr: Expr,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_inherit: bool,
    /// Added `NOT VALID` and not validated since: existing rows were never checked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_valid: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub references: QualifiedName,
    pub referenced_columns: Vec<String>,
    #[serde(default, skip_serializing_if = "ForeignKeyAction::is_no_action")]
    pub on_delete: ForeignKeyAction,
    #[serde(default, skip_serializing_if = "ForeignKeyAction::is_no_action")]
    pub on_update: ForeignKeyAction,
    #[serde(default, skip_serializing_if = "ForeignKeyMatch::is_simple")]
    pub match_type: ForeignKeyMatch,
    #[serde(default, skip_serializing_if = "Deferrable::is_not_deferrable")]
    pub deferrable: Deferrable,
    /// Added `NOT VALID` and not validated since: existing rows were never checked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_valid: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForeignKeyAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl ForeignKeyAction {
    fn is_no_action(&self) -> bool {
        *self == ForeignKeyAction::NoAction
    }

    /// The SQL words of the action (`SET NULL`).
    pub fn sql(&self) -> &'static str {
        match self {
            ForeignKeyAction::NoAction => "NO ACTION",
            ForeignKeyAction::Restrict => "RESTRICT",
            ForeignKeyAction::Cascade => "CASCADE",
            ForeignKeyAction::SetNull => "SET NULL",
            ForeignKeyAction::SetDefault => "SET DEFAULT",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForeignKeyMatch {
    #[default]
    Simple,
    Full,
    Partial,
}

impl ForeignKeyMatch {
    fn is_simple(&self) -> bool {
        *self == ForeignKeyMatch::Simple
    }
}

/// An index that does not back a constraint (those belong to the constraint).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    #[serde(default)]
    pub unique: bool,
    /// Access method: `btree`, `hash`, `gin`, `gist`, `brin`, `spgist`, …
    pub method: String,
    pub keys: Vec<IndexKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Expr>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// One key of an index: a column or an expression, with its ordering options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexKey {
    pub target: IndexTarget,
    /// Collation other than the column's, canonical as for [`Column::collation`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
    /// Operator class other than the type's default, canonical (`text_pattern_ops`,
    /// `public.my_ops`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opclass: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// Always explicit: PostgreSQL's default is NULLS FIRST for DESC, NULLS LAST for ASC.
    pub nulls_first: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexTarget {
    Column(String),
    Expression(Expr),
}

//! The schema IR of `schema`: one value, [`Schema`], describes a database's managed objects
//! (schemas, enum types, sequences, tables with their columns, constraints and indexes,
//! domains, composite types, views, functions, triggers) in a
//! canonical form, so that the SQL-file reader and the live-database reader produce equal
//! values for equal schemas and the differ can compare with `==`. Names, quoting and type
//! spellings are canonicalized here; expression text is canonicalized by the parser and
//! carried as [`Expr`]. The JSON form of [`Schema`] (serde) is the public IR format.

mod aggregate;
mod collation;
mod comparison;
mod domain;
mod event_trigger;
mod expr;
mod extension;
mod filter;
mod function;
mod name;
mod partition;
mod policy;
mod privilege;
mod publication;
mod rename;
mod rule;
mod sequence;
mod statistics;
mod stats;
mod table;
mod text_search;
mod trigger;
mod types;
mod view;

pub use aggregate::Aggregate;
pub use collation::{Collation, CollationProvider};
pub use domain::{Attribute, CompositeType, Domain, DomainCheck};
pub use event_trigger::EventTrigger;
pub use expr::{Expr, identifiers};
pub use extension::Extension;
pub use filter::{ObjectFilter, glob_matches};
pub use function::{
    Argument, ArgumentMode, Function, FunctionBody, Parallel, Returns, Volatility,
    without_modifiers,
};
pub use name::{QualifiedName, quote_ident, quote_literal, split_name};
pub use partition::{Partition, PartitionKey, PartitionStrategy};
pub use policy::{Policy, PolicyCommand};
pub use privilege::{Grant, GrantTarget, all_privileges};
pub use publication::{PUBLISHED_ACTIONS, Publication, PublishedTable};
pub use rename::rewrite_schema_qualifiers;
pub use rule::{Rule, RuleEvent};
pub use sequence::{Sequence, SequenceOptions, SequenceOwner};
pub use statistics::{ExtendedStatistics, STATISTICS_KINDS};
pub use stats::{TableSizes, TableStats};
pub use table::{
    Check, Column, Deferrable, Exclusion, ExclusionElement, ForeignKey, ForeignKeyAction,
    ForeignKeyMatch, Identity, IdentityGeneration, Index, IndexKey, IndexTarget, PrimaryKey,
    ReplicaIdentity, Table, UniqueConstraint,
};
pub use text_search::{
    DEFAULT_PARSER_TOKENS, TextSearchConfiguration, TextSearchDictionary, built_in_configuration,
    is_built_in_dictionary,
};
pub use trigger::{ConstraintTrigger, Trigger, TriggerEnabled, TriggerEvent, TriggerTiming};
pub use types::DataType;
pub use view::View;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The database engine a schema belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    #[default]
    Postgres,
}

/// A database schema (namespace), e.g. `public`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Namespace {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A user-defined enum type; `values` in their sort order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumType {
    pub name: QualifiedName,
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Everything the tool manages in one database.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Schema {
    pub dialect: Dialect,
    #[serde(default)]
    pub namespaces: BTreeMap<String, Namespace>,
    #[serde(default)]
    pub enums: BTreeMap<QualifiedName, EnumType>,
    #[serde(default)]
    pub sequences: BTreeMap<QualifiedName, Sequence>,
    #[serde(default)]
    pub tables: BTreeMap<QualifiedName, Table>,
    /// Extensions by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Extension>,
    /// Views and materialized views by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub views: BTreeMap<QualifiedName, View>,
    /// Domains by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<QualifiedName, Domain>,
    /// Composite types by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub composite_types: BTreeMap<QualifiedName, CompositeType>,
    /// Collations by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub collations: BTreeMap<QualifiedName, Collation>,
    /// Text search dictionaries by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text_search_dictionaries: BTreeMap<QualifiedName, TextSearchDictionary>,
    /// Text search configurations by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text_search_configurations: BTreeMap<QualifiedName, TextSearchConfiguration>,
    /// Aggregates by signature (see [`Aggregate::signature`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aggregates: BTreeMap<String, Aggregate>,
    /// Functions and procedures by signature (see [`Function::signature`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub functions: BTreeMap<String, Function>,
    /// Publications by name (database-wide).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub publications: BTreeMap<String, Publication>,
    /// Event triggers by name (database-wide).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub event_triggers: BTreeMap<String, EventTrigger>,
    /// Privileges granted on the objects above.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub grants: BTreeSet<Grant>,
}

impl Schema {
    /// An empty PostgreSQL schema holding only the `public` namespace that every new
    /// database has.
    pub fn postgres() -> Schema {
        let mut schema = Schema::default();
        schema.namespaces.insert(
            "public".to_string(),
            Namespace {
                name: "public".to_string(),
                comment: None,
            },
        );
        schema
    }

    /// The canonical JSON of the schema (pretty-printed, stable key order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the IR always serializes")
    }

    /// Identifies a schema state: sha256 of the canonical JSON of the comparison form
    /// (columns sorted by name, expressions by their keys), so equal schemas have equal
    /// fingerprints whichever reader produced them.
    pub fn fingerprint(&self) -> String {
        /// Feeds what is written straight into the digest.
        struct Hashing(Sha256);
        impl std::io::Write for Hashing {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.update(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut digest = Hashing(Sha256::new());
        comparison::comparing(|| serde_json::to_writer(&mut digest, self))
            .expect("the IR always serializes");
        digest
            .0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The comparison form: columns sorted by name and every expression's text replaced by
    /// its key. Two schemas are equal exactly when their comparison forms are identical.
    pub fn normalized(&self) -> Schema {
        let mut normal = self.clone();
        for publication in normal.publications.values_mut() {
            for t in publication.tables.values_mut() {
                if let Some(f) = &mut t.row_filter {
                    f.sql = f.key.clone();
                }
            }
        }
        for table in normal.tables.values_mut() {
            table.columns.sort_by(|a, b| a.name.cmp(&b.name));
            for column in &mut table.columns {
                for expr in [&mut column.default, &mut column.generated]
                    .into_iter()
                    .flatten()
                {
                    expr.sql = expr.key.clone();
                }
            }
            let keys = table.partitions.values_mut().map(|partition| {
                partition.bound.sql = partition.bound.key.clone();
                &mut partition.partition_by
            });
            for key in keys.chain([&mut table.partition_by]).flatten() {
                for k in &mut key.keys {
                    if let IndexTarget::Expression(e) = &mut k.target {
                        e.sql = e.key.clone();
                    }
                }
            }
            for policy in table.policies.values_mut() {
                for e in [&mut policy.using, &mut policy.with_check]
                    .into_iter()
                    .flatten()
                {
                    e.sql = e.key.clone();
                }
            }
            for trigger in table.triggers.values_mut() {
                if let Some(w) = &mut trigger.when {
                    w.sql = w.key.clone();
                }
            }
            for rule in table.rules.values_mut() {
                for e in rule.condition.iter_mut().chain(&mut rule.actions) {
                    e.sql = e.key.clone();
                }
            }
            for statistics in table.statistics.values_mut() {
                for e in &mut statistics.expressions {
                    e.sql = e.key.clone();
                }
            }
            for exclusion in table.exclusions.values_mut() {
                if let Some(p) = &mut exclusion.predicate {
                    p.sql = p.key.clone();
                }
                for element in &mut exclusion.elements {
                    if let IndexTarget::Expression(e) = &mut element.key.target {
                        e.sql = e.key.clone();
                    }
                }
            }
            for check in table.checks.values_mut() {
                check.expr.sql = check.expr.key.clone();
            }
            let partition_indexes = table
                .partitions
                .values_mut()
                .flat_map(|p| p.indexes.values_mut());
            for index in table.indexes.values_mut().chain(partition_indexes) {
                if let Some(p) = &mut index.predicate {
                    p.sql = p.key.clone();
                }
                for key in &mut index.keys {
                    if let IndexTarget::Expression(e) = &mut key.target {
                        e.sql = e.key.clone();
                    }
                }
            }
        }
        for view in normal.views.values_mut() {
            view.definition.sql = view.definition.key.clone();
            view.with_no_data = false;
            for index in view.indexes.values_mut() {
                if let Some(p) = &mut index.predicate {
                    p.sql = p.key.clone();
                }
                for key in &mut index.keys {
                    if let IndexTarget::Expression(e) = &mut key.target {
                        e.sql = e.key.clone();
                    }
                }
            }
        }
        for domain in normal.domains.values_mut() {
            if let Some(d) = &mut domain.default {
                d.sql = d.key.clone();
            }
            for check in domain.checks.values_mut() {
                check.expr.sql = check.expr.key.clone();
            }
        }
        for function in normal.functions.values_mut() {
            for default in function
                .arguments
                .iter_mut()
                .filter_map(|a| a.default.as_mut())
            {
                default.sql = default.key.clone();
            }
            if let FunctionBody::Standard(body) = &mut function.body {
                body.sql = body.key.clone();
            }
        }
        normal
    }

    /// The partitioned table `name` is a partition of, if it is one.
    pub fn partition_parent(&self, name: &QualifiedName) -> Option<&Table> {
        self.tables
            .values()
            .find(|t| t.partitions.contains_key(name))
    }

    /// The indexes of a table, materialized view or partition.
    pub fn relation_indexes(&self, relation: &QualifiedName) -> Option<&BTreeMap<String, Index>> {
        match self.tables.get(relation) {
            Some(t) => Some(&t.indexes),
            None => self
                .views
                .get(relation)
                .map(|v| &v.indexes)
                .or_else(|| self.partition(relation).map(|p| &p.indexes)),
        }
    }

    /// Partition `name` of a table.
    pub fn partition(&self, name: &QualifiedName) -> Option<&Partition> {
        self.partition_parent(name)
            .and_then(|t| t.partitions.get(name))
    }

    pub fn index_owner(&self, schema: &str, name: &str) -> Option<&Table> {
        self.tables
            .values()
            .find(|t| t.name.schema == schema && t.indexes.contains_key(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Schema {
        let mut schema = Schema::postgres();
        let name = QualifiedName::new("public", "t");
        let mut table = Table::new(name.clone());
        table
            .columns
            .push(Column::new("b", DataType::builtin("text", &[], false)));
        let mut a = Column::new("a", DataType::builtin("int4", &[], false));
        a.default = Some(Expr::new("0", "0"));
        table.columns.push(a);
        schema.tables.insert(name, table);
        schema
    }

    #[test]
    fn json_round_trips() {
        let schema = sample();
        let back: Schema = serde_json::from_str(&schema.to_json()).unwrap();
        assert_eq!(back, schema);
        assert_eq!(back.to_json(), schema.to_json());
    }

    #[test]
    fn column_order_and_expression_text_do_not_change_identity() {
        let one = sample();
        let mut two = sample();
        let table = two.tables.values_mut().next().unwrap();
        table.columns.reverse();
        table.columns[0].default = Some(Expr::new("(0)", "0"));
        assert_eq!(one, two);
        assert_eq!(one.fingerprint(), two.fingerprint());
        two.tables.values_mut().next().unwrap().columns[0].not_null = true;
        assert_ne!(one, two);
        assert_ne!(one.fingerprint(), two.fingerprint());
    }

    #[test]
    fn the_fingerprint_digests_the_comparison_form() {
        let mut schema = sample();
        let table = schema.tables.values_mut().next().unwrap();
        table.columns[1].default = Some(Expr::new("(0)::integer", "0"));
        let json = serde_json::to_vec(&schema.normalized()).unwrap();
        let digest: String = Sha256::digest(&json)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(schema.fingerprint(), digest);
        // The normal form is untouched by it.
        assert!(schema.to_json().contains("(0)::integer"));
        assert!(
            String::from_utf8(json)
                .unwrap()
                .find("(0)::integer")
                .is_none()
        );
    }
}

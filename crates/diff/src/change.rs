//! The typed changes the differ produces. Each variant carries the whole objects involved
//! (before and after), so the planner can render SQL, order steps and judge hazards from the
//! change alone without looking anything up in either schema.

use schema_ir::{
    Aggregate, Check, Collation, Column, CompositeType, Domain, EnumType, EventTrigger, Exclusion,
    ExtendedStatistics, Extension, ForeignKey, Function, Grant, Index, Namespace, Partition,
    Policy, PrimaryKey, Publication, QualifiedName, ReplicaIdentity, Rule, Sequence, SequenceOwner,
    Table, TextSearchConfiguration, TextSearchDictionary, Trigger, TriggerEnabled,
    UniqueConstraint, View,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// One difference between two schemas.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A schema (namespace) renamed (a rename hint), with every object in it.
    RenameSchema {
        from: String,
        to: String,
    },
    CreateNamespace(Namespace),
    DropNamespace(Namespace),
    CreateExtension(Extension),
    DropExtension(Extension),
    /// The schema or the pinned version of an extension changed.
    AlterExtension {
        from: Extension,
        to: Extension,
    },
    CreateEnum(EnumType),
    DropEnum(EnumType),
    /// A value added to an existing enum type, placed next to a value that already exists
    /// (or was added by an earlier `AddEnumValue` of the same diff).
    AddEnumValue {
        enum_type: QualifiedName,
        value: String,
        position: EnumValuePosition,
    },
    /// A value of an existing enum type renamed (a rename hint); stored values, defaults
    /// and expressions using it follow.
    RenameEnumValue {
        enum_type: QualifiedName,
        from: String,
        to: String,
    },
    /// Values removed or reordered: the type is rebuilt and every column using it converted.
    RecreateEnum {
        from: EnumType,
        to: EnumType,
        columns: Vec<ConvertedColumn>,
    },
    CreateCollation(Collation),
    DropCollation(Collation),
    CreatePublication(Publication),
    DropPublication(Publication),
    /// Tables, schemas or options of a publication changed.
    AlterPublication {
        from: Publication,
        to: Publication,
    },
    CreateEventTrigger(EventTrigger),
    DropEventTrigger(EventTrigger),
    /// `ALTER EVENT TRIGGER … ENABLE|DISABLE`.
    SetEventTriggerEnabled {
        name: String,
        from: TriggerEnabled,
        to: TriggerEnabled,
    },
    CreateStatistics {
        table: QualifiedName,
        statistics: ExtendedStatistics,
    },
    DropStatistics {
        table: QualifiedName,
        statistics: ExtendedStatistics,
    },
    /// `ALTER STATISTICS … SET STATISTICS`; `None` is the default target.
    SetStatisticsTarget {
        name: QualifiedName,
        from: Option<i32>,
        to: Option<i32>,
    },
    CreateTextSearchDictionary(TextSearchDictionary),
    DropTextSearchDictionary(TextSearchDictionary),
    /// Options set, changed or removed.
    AlterTextSearchDictionary {
        from: TextSearchDictionary,
        to: TextSearchDictionary,
    },
    CreateTextSearchConfiguration(TextSearchConfiguration),
    DropTextSearchConfiguration(TextSearchConfiguration),
    /// Token types mapped, mapped to other dictionaries, or no longer mapped.
    AlterTextSearchMappings {
        from: TextSearchConfiguration,
        to: TextSearchConfiguration,
    },
    CreateAggregate(Aggregate),
    DropAggregate(Aggregate),
    CreateDomain(Domain),
    DropDomain(Domain),
    /// The base type or collation of a domain that columns use changed: a new domain takes
    /// the name, the columns are converted to it and the old one is dropped.
    RecreateDomain {
        from: Domain,
        to: Domain,
        columns: Vec<ConvertedColumn>,
    },
    /// Default, NOT NULL or CHECK constraints of a domain changed.
    AlterDomain {
        from: Domain,
        to: Domain,
    },
    CreateComposite(CompositeType),
    DropComposite(CompositeType),
    /// A composite type that columns or other types use, rebuilt beside the old one: its
    /// attributes changed in a way `ALTER TYPE` cannot express, or a type an attribute uses
    /// is rebuilt. The columns are converted to the new type and the old one dropped.
    RecreateComposite {
        from: CompositeType,
        to: CompositeType,
        columns: Vec<ConvertedColumn>,
    },
    /// Attributes dropped, retyped or appended.
    AlterComposite {
        from: CompositeType,
        to: CompositeType,
    },
    CreateSequence(Sequence),
    DropSequence(Sequence),
    /// Type or options of a sequence changed (ownership and comment are separate changes).
    AlterSequence {
        from: Sequence,
        to: Sequence,
    },
    SetSequenceOwner {
        sequence: QualifiedName,
        from: Option<SequenceOwner>,
        to: Option<SequenceOwner>,
    },
    CreateTable(Table),
    DropTable(Table),
    /// A table renamed within its schema (a rename hint).
    RenameTable {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A column renamed (a rename hint); `table` is the table's new name.
    RenameColumn {
        table: QualifiedName,
        from: String,
        to: String,
    },
    /// An index (one that backs no constraint) of `table` renamed within its schema (a
    /// rename hint); `table` is the table's new name.
    RenameIndex {
        table: QualifiedName,
        from: String,
        to: String,
    },
    /// A constraint of `table` renamed (a rename hint); `table` is the table's new name.
    /// `with_index`: the constraint is a primary key, unique or exclusion constraint, whose
    /// index PostgreSQL renames with it.
    RenameConstraint {
        table: QualifiedName,
        from: String,
        to: String,
        with_index: bool,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Column,
    },
    /// Type, collation, nullability, default, identity or generated-ness changed (comments
    /// are `SetComment`).
    AlterColumn {
        table: QualifiedName,
        from: Column,
        to: Column,
    },
    AddPrimaryKey {
        table: QualifiedName,
        primary_key: PrimaryKey,
    },
    DropPrimaryKey {
        table: QualifiedName,
        primary_key: PrimaryKey,
    },
    AddUnique {
        table: QualifiedName,
        unique: UniqueConstraint,
    },
    DropUnique {
        table: QualifiedName,
        unique: UniqueConstraint,
    },
    AddCheck {
        table: QualifiedName,
        check: Check,
    },
    DropCheck {
        table: QualifiedName,
        check: Check,
    },
    AddExclusion {
        table: QualifiedName,
        exclusion: Exclusion,
    },
    DropExclusion {
        table: QualifiedName,
        exclusion: Exclusion,
    },
    AddForeignKey {
        table: QualifiedName,
        foreign_key: ForeignKey,
    },
    DropForeignKey {
        table: QualifiedName,
        foreign_key: ForeignKey,
    },
    /// `VALIDATE CONSTRAINT` of a check or foreign key that exists `NOT VALID`.
    ValidateConstraint {
        table: QualifiedName,
        name: String,
    },
    CreateIndex {
        table: QualifiedName,
        index: Index,
    },
    DropIndex {
        table: QualifiedName,
        index: Index,
    },
    /// A partition of an existing partitioned table; `table` is the parent.
    CreatePartition {
        table: QualifiedName,
        partition: Partition,
        /// The table has a DEFAULT partition, which is scanned for rows that now belong to
        /// the new one.
        beside_default: bool,
    },
    DropPartition {
        table: QualifiedName,
        partition: Partition,
        /// The partitions under a partitioned partition that `DROP TABLE` drops with it.
        under: Vec<QualifiedName>,
    },
    /// A partition's bound or parent changed: it is detached and attached again.
    SetPartitionBound {
        table: QualifiedName,
        from: Partition,
        to: Partition,
    },
    /// `SET LOGGED` / `SET UNLOGGED`.
    /// The parents a table inherits from changed (`INHERIT`, `NO INHERIT`).
    SetInherits {
        table: QualifiedName,
        from: Vec<QualifiedName>,
        to: Vec<QualifiedName>,
    },
    SetUnlogged {
        table: QualifiedName,
        unlogged: bool,
    },
    /// Storage parameters changed (`SET (…)` / `RESET (…)`).
    SetStorage {
        table: QualifiedName,
        from: BTreeMap<String, String>,
        to: BTreeMap<String, String>,
    },
    SetReplicaIdentity {
        table: QualifiedName,
        from: ReplicaIdentity,
        to: ReplicaIdentity,
    },
    /// Row-level security enabled / forced, as `(enabled, forced)`; `policies` are the
    /// table's policies afterwards (enabling waits for them).
    SetRowSecurity {
        table: QualifiedName,
        from: (bool, bool),
        to: (bool, bool),
        policies: Vec<String>,
    },
    CreatePolicy {
        table: QualifiedName,
        policy: Policy,
    },
    DropPolicy {
        table: QualifiedName,
        policy: Policy,
    },
    /// Roles, `USING` or `WITH CHECK` changed (`ALTER POLICY`).
    AlterPolicy {
        table: QualifiedName,
        from: Policy,
        to: Policy,
    },
    CreateTrigger {
        table: QualifiedName,
        trigger: Trigger,
    },
    DropTrigger {
        table: QualifiedName,
        trigger: Trigger,
    },
    /// `ALTER TABLE … ENABLE|DISABLE [REPLICA|ALWAYS] TRIGGER`.
    SetTriggerEnabled {
        table: QualifiedName,
        trigger: String,
        from: TriggerEnabled,
        to: TriggerEnabled,
    },
    CreateRule {
        table: QualifiedName,
        rule: Rule,
    },
    DropRule {
        table: QualifiedName,
        rule: Rule,
    },
    /// `ALTER TABLE … ENABLE|DISABLE [REPLICA|ALWAYS] RULE`.
    SetRuleEnabled {
        table: QualifiedName,
        rule: String,
        from: TriggerEnabled,
        to: TriggerEnabled,
    },
    CreateView(View),
    DropView(View),
    /// A view redefined in place (`CREATE OR REPLACE VIEW`): its old columns stay first,
    /// with the same types.
    ReplaceView {
        from: View,
        to: View,
    },
    /// `ALTER [MATERIALIZED] VIEW … SET (…)` / `RESET (…)`.
    SetViewOptions {
        view: QualifiedName,
        materialized: bool,
        from: BTreeMap<String, String>,
        to: BTreeMap<String, String>,
    },
    CreateFunction(Function),
    DropFunction(Function),
    /// A routine redefined in place (`CREATE OR REPLACE`).
    ReplaceFunction {
        from: Function,
        to: Function,
    },
    Grant(Grant),
    Revoke(Grant),
    /// The grantee keeps the privilege but may no longer grant it.
    RevokeGrantOption(Grant),
    /// The comment of an object that exists on both sides changed (objects created by the
    /// plan carry their comments themselves).
    SetComment {
        target: CommentTarget,
        from: Option<String>,
        to: Option<String>,
    },
}

/// Where a new enum value goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumValuePosition {
    Before(String),
    After(String),
    /// Last (the type had no values).
    End,
}

impl Change {
    /// The type this change rebuilds beside its old version (renamed `name__old` until its
    /// columns are converted).
    pub fn rebuilt_type(&self) -> Option<&QualifiedName> {
        match self {
            Change::RecreateEnum { from, .. } => Some(&from.name),
            Change::RecreateDomain { from, .. } => Some(&from.name),
            Change::RecreateComposite { from, .. } => Some(&from.name),
            _ => None,
        }
    }

    /// The columns this change converts to a rebuilt type.
    pub fn converted_columns(&self) -> &[ConvertedColumn] {
        match self {
            Change::RecreateEnum { columns, .. }
            | Change::RecreateDomain { columns, .. }
            | Change::RecreateComposite { columns, .. } => columns,
            _ => &[],
        }
    }
}

/// A column whose type is (an array of) an enum, domain or composite type being rebuilt: it
/// is converted to the new type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvertedColumn {
    pub table: QualifiedName,
    pub from: Column,
    pub to: Column,
}

/// The object a comment belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "object", rename_all = "snake_case")]
pub enum CommentTarget {
    Namespace {
        name: String,
    },
    Type {
        name: QualifiedName,
    },
    Sequence {
        name: QualifiedName,
    },
    Table {
        name: QualifiedName,
    },
    Column {
        table: QualifiedName,
        column: String,
    },
    /// An index, named in its table's namespace.
    Index {
        name: QualifiedName,
    },
    View {
        name: QualifiedName,
        materialized: bool,
    },
    Trigger {
        table: QualifiedName,
        name: String,
    },
    Rule {
        table: QualifiedName,
        name: String,
    },
    Policy {
        table: QualifiedName,
        name: String,
    },
    Collation {
        name: QualifiedName,
    },
    TextSearchDictionary {
        name: QualifiedName,
    },
    Statistics {
        name: QualifiedName,
    },
    EventTrigger {
        name: String,
    },
    Publication {
        name: String,
    },
    TextSearchConfiguration {
        name: QualifiedName,
    },
    /// An aggregate, by signature (`public.group_concat(text)`).
    Aggregate {
        signature: String,
    },
    /// A routine, by signature (`public.f(integer)`).
    Function {
        signature: String,
        procedure: bool,
    },
}

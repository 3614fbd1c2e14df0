//! Ordering of steps. Every planned step declares the objects (resources) it needs to exist
//! afterwards (`requires`), creates (`provides`), needs to still exist (`uses_old`) and
//! removes (`removes`). Edges follow from those: a creator runs before its users, users of
//! an old object run before its removal, and a removal runs before a re-creation under the
//! same name; steps of one change that must stay in sequence are chained. The steps are then
//! sorted topologically with ties broken by a stable key (phase, object, kind, …), so the
//! same changes always give the same plan.

use crate::model::Step;
use foldhash::fast::FixedState;
use petgraph::graph::{DiGraph, NodeIndex};
use schema_ir::QualifiedName;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Something a step creates, needs or removes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Resource {
    Namespace(String),
    Type(QualifiedName),
    EnumValue(QualifiedName, String),
    Sequence(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, String),
    /// A column is NOT NULL (a primary key added `USING INDEX` needs it).
    NotNull(QualifiedName, String),
    /// A unique key over these (sorted) columns, which foreign keys can reference.
    Key(QualifiedName, Vec<String>),
    Constraint(QualifiedName, String),
    Collation(QualifiedName),
    /// A publication, by name.
    Publication(String),
    /// An event trigger, by name.
    EventTrigger(String),
    /// An extended statistics object.
    Statistics(QualifiedName),
    TextSearchTemplate(QualifiedName),
    TextSearchDictionary(QualifiedName),
    TextSearchConfiguration(QualifiedName),
    Policy(QualifiedName, String),
    /// Row-level security of a table is off (policies are dropped after that).
    RowSecurityOff(QualifiedName),
    /// A trigger of a table.
    Trigger(QualifiedName, String),
    /// A rule of a table.
    Rule(QualifiedName, String),
    /// A function or procedure, by signature.
    Function(String),
    /// Every routine of a name (what a call in a body refers to).
    FunctionName(QualifiedName),
    /// A name in a namespace's relation namespace (tables, sequences, indexes).
    Relation(QualifiedName),
}

/// The default place of a step in a plan, used to break ties between independent steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Phase {
    /// Event triggers go before the plan's own DDL could fire them.
    DropEventTrigger,
    /// A schema rename comes before every step, which all name objects by the new schema.
    RenameSchema,
    DropView,
    DropTrigger,
    Rename,
    DropForeignKey,
    DropIndex,
    DropConstraint,
    DropColumn,
    DropTable,
    CreateNamespace,
    CreateExtension,
    Type,
    CreateSequence,
    CreateFunction,
    CreateTable,
    AddColumn,
    AlterColumn,
    AlterSequence,
    AddConstraint,
    AddForeignKey,
    CreateIndex,
    CreateTrigger,
    CreatePolicy,
    CreateView,
    Grant,
    Comment,
    DropFunction,
    DropSequence,
    DropType,
    DropExtension,
    DropNamespace,
    /// Event triggers come last, once the plan's own DDL is done, as `pg_dump` restores them.
    CreateEventTrigger,
}

/// A step with what the orderer needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub step: Step,
    pub phase: Phase,
    /// Must run after the previous step produced for the same change.
    pub after_previous: bool,
    pub provides: Vec<Resource>,
    pub requires: Vec<Resource>,
    pub uses_old: Vec<Resource>,
    pub removes: Vec<Resource>,
}

impl Planned {
    pub fn new(
        phase: Phase,
        kind: &str,
        object: impl Into<String>,
        sql: impl Into<String>,
    ) -> Self {
        Planned {
            step: Step::new(sql, object, kind),
            phase,
            after_previous: false,
            provides: Vec::new(),
            requires: Vec::new(),
            uses_old: Vec::new(),
            removes: Vec::new(),
        }
    }

    pub fn provides(mut self, r: impl IntoIterator<Item = Resource>) -> Self {
        self.provides.extend(r);
        self
    }

    pub fn requires(mut self, r: impl IntoIterator<Item = Resource>) -> Self {
        self.requires.extend(r);
        self
    }

    pub fn uses_old(mut self, r: impl IntoIterator<Item = Resource>) -> Self {
        self.uses_old.extend(r);
        self
    }

    pub fn removes(mut self, r: impl IntoIterator<Item = Resource>) -> Self {
        self.removes.extend(r);
        self
    }

    pub fn lock(mut self, lock: impl Into<String>) -> Self {
        self.step.lock = Some(lock.into());
        self
    }

    pub fn hazard(mut self, hazard: crate::model::Hazard) -> Self {
        self.step.hazards.push(hazard);
        self
    }

    pub fn hazards(mut self, hazards: impl IntoIterator<Item = crate::model::Hazard>) -> Self {
        self.step.hazards.extend(hazards);
        self
    }

    pub fn non_transactional(mut self) -> Self {
        self.step.transactional = false;
        self
    }

    /// Runs in a transaction of its own, holding no lock of an earlier step.
    pub fn own_transaction(mut self) -> Self {
        self.step.own_transaction = true;
        self
    }

    /// Must run after the previous step of the same change.
    pub fn after_previous(mut self) -> Self {
        self.after_previous = true;
        self
    }
}

#[derive(Default)]
struct Roles {
    providers: Vec<usize>,
    requirers: Vec<usize>,
    old_users: Vec<usize>,
    removers: Vec<usize>,
}

/// Sorts the steps of all changes (one inner vector per change) into a valid, deterministic
/// order.
pub(crate) fn order(groups: Vec<Vec<Planned>>) -> Vec<Step> {
    let mut steps: Vec<Planned> = Vec::new();
    // Edges are collected, then deduplicated at once: one step (the type a thousand tables
    // use) can have thousands of them, and adding each while checking for duplicates would
    // be quadratic.
    let mut edges: Vec<(u32, u32)> = Vec::new();
    for group in groups {
        let mut previous: Option<usize> = None;
        for planned in group {
            let index = steps.len();
            if let (true, Some(p)) = (planned.after_previous, previous) {
                edges.push((p as u32, index as u32));
            }
            previous = Some(index);
            steps.push(planned);
        }
    }

    // The roles of each resource; which resource is looked at first does not matter, the
    // edges are sorted below.
    // Sized for every mention at once: growing would hash every resource again.
    let mentions = steps
        .iter()
        .map(|s| s.provides.len() + s.requires.len() + s.uses_old.len() + s.removes.len())
        .sum();
    // A fast hash with a fixed seed; the order of the map does not reach the plan.
    let mut roles: HashMap<&Resource, Roles, FixedState> =
        HashMap::with_capacity_and_hasher(mentions, FixedState::default());
    for (i, s) in steps.iter().enumerate() {
        for r in &s.provides {
            roles.entry(r).or_default().providers.push(i);
        }
        for r in &s.requires {
            roles.entry(r).or_default().requirers.push(i);
        }
        for r in &s.uses_old {
            roles.entry(r).or_default().old_users.push(i);
        }
        for r in &s.removes {
            roles.entry(r).or_default().removers.push(i);
        }
    }
    let mut edge = |a: usize, b: usize| {
        if a != b {
            edges.push((a as u32, b as u32));
        }
    };
    for role in roles.values() {
        for &p in &role.providers {
            for &r in &role.requirers {
                edge(p, r);
            }
        }
        for &u in &role.old_users {
            for &d in &role.removers {
                edge(u, d);
            }
        }
        for &d in &role.removers {
            for &p in &role.providers {
                edge(d, p);
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(steps.len(), edges.len());
    for _ in 0..steps.len() {
        graph.add_node(());
    }
    graph.extend_with_edges(&edges);

    let keys: Vec<_> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.phase, s.step.object.as_str(), s.step.kind.as_str(), i))
        .collect();
    let mut indegree: Vec<usize> = graph
        .node_indices()
        .map(|n| {
            graph
                .neighbors_directed(n, petgraph::Direction::Incoming)
                .count()
        })
        .collect();
    let mut ready: BinaryHeap<Reverse<&(Phase, &str, &str, usize)>> = keys
        .iter()
        .filter(|k| indegree[k.3] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(steps.len());
    let mut done = vec![false; steps.len()];
    while let Some(Reverse(key)) = ready.pop() {
        let i = key.3;
        order.push(i);
        done[i] = true;
        for next in graph.neighbors_directed(NodeIndex::new(i), petgraph::Direction::Outgoing) {
            let n = next.index();
            indegree[n] -= 1;
            if indegree[n] == 0 {
                ready.push(Reverse(&keys[n]));
            }
        }
    }
    // A dependency cycle cannot come from a consistent pair of schemas; should one appear,
    // the remaining steps still come out, in key order, rather than being lost.
    let mut rest: Vec<&(Phase, &str, &str, usize)> = keys.iter().filter(|k| !done[k.3]).collect();
    rest.sort();
    order.extend(rest.into_iter().map(|k| k.3));
    // The keys and roles borrow the steps, which are taken apart now.
    drop(keys);
    drop(roles);

    let mut slots: Vec<Option<Planned>> = steps.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots[i].take().map(|p| p.step))
        .collect()
}

//! Declarative partitioning: `PARTITION BY` keys, `CREATE TABLE … PARTITION OF … FOR VALUES`,
//! `ALTER TABLE … ATTACH|DETACH PARTITION`, and the canonical key of a partition bound: each
//! value as the key column's type prints it (`'2024-1-1'` of a `date` key is
//! `'2024-01-01'`), `MINVALUE`/`MAXVALUE` as words.

use super::{Reader, Res, expr, literal, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    Node, PartitionBoundSpec, PartitionSpec, PartitionStrategy as Strategy, RangeVar,
};
use schema_ir::{
    DataType, Expr, IndexKey, IndexTarget, Partition, PartitionKey, PartitionStrategy,
    QualifiedName, Table, quote_literal,
};

impl Reader<'_> {
    pub(crate) fn partition_key(&self, spec: &PartitionSpec) -> Res<PartitionKey> {
        let strategy = match Strategy::try_from(spec.strategy) {
            Ok(Strategy::List) => PartitionStrategy::List,
            Ok(Strategy::Hash) => PartitionStrategy::Hash,
            _ => PartitionStrategy::Range,
        };
        let mut keys = Vec::new();
        for p in &spec.part_params {
            let Some(NodeEnum::PartitionElem(e)) = p.node.as_ref() else {
                continue;
            };
            let target = if !e.name.is_empty() {
                IndexTarget::Column(e.name.clone())
            } else {
                let node = e.expr.as_deref().ok_or("partition key without column")?;
                match node.node.as_ref() {
                    Some(NodeEnum::ColumnRef(c)) if c.fields.len() == 1 => IndexTarget::Column(
                        nodes::string(&c.fields[0]).unwrap_or_default().to_string(),
                    ),
                    _ => IndexTarget::Expression(self.expr(node)?),
                }
            };
            let opclass = nodes::strings(&e.opclass);
            keys.push(IndexKey {
                target,
                collation: self.collation(&nodes::strings(&e.collation)),
                opclass: (!opclass.is_empty()).then(|| opclass.join(".")),
                descending: false,
                nulls_first: false,
            });
        }
        Ok(PartitionKey { strategy, keys })
    }

    /// The canonical bound of a partition under `key`, a partition key of `table` or of one
    /// of its partitions (all have the table's columns).
    fn partition_bound(
        &self,
        table: &Table,
        key: &PartitionKey,
        bound: &PartitionBoundSpec,
    ) -> Res<Expr> {
        let types: Vec<Option<DataType>> = key
            .keys
            .iter()
            .map(|k| match &k.target {
                IndexTarget::Column(c) => table.column(c).map(|c| c.data_type.clone()),
                IndexTarget::Expression(_) => None,
            })
            .collect();
        let datum = |n: &Node, i: usize| -> Res<(String, String)> {
            if let Some(NodeEnum::ColumnRef(c)) = n.node.as_ref()
                && let [field] = c.fields.as_slice()
                && let Some(word @ ("minvalue" | "maxvalue")) = nodes::string(field)
            {
                let word = word.to_uppercase();
                return Ok((word.clone(), word));
            }
            let text = expr::deparse(n)?;
            let key = match (nodes::constant_text(n), types.get(i).cloned().flatten()) {
                (Some(value), Some(t)) if !matches!(n.node.as_ref(), Some(NodeEnum::AConst(c)) if c.isnull) => {
                    quote_literal(&literal::canonical(&t.0, &value))
                }
                _ => self.expr(n)?.key,
            };
            Ok((text, key))
        };
        let list = |items: &[Node], per_key: bool| -> Res<(String, String)> {
            let mut sql = Vec::new();
            let mut keys = Vec::new();
            for (i, n) in items.iter().enumerate() {
                let (s, k) = datum(n, if per_key { i } else { 0 })?;
                sql.push(s);
                keys.push(k);
            }
            Ok((sql.join(", "), keys.join(", ")))
        };
        let (sql, key) = if bound.is_default {
            ("DEFAULT".to_string(), "DEFAULT".to_string())
        } else {
            match bound.strategy.as_str() {
                "h" => {
                    let text = format!(
                        "FOR VALUES WITH (modulus {}, remainder {})",
                        bound.modulus, bound.remainder
                    );
                    (text.clone(), text)
                }
                "l" => {
                    let (sql, key) = list(&bound.listdatums, false)?;
                    (
                        format!("FOR VALUES IN ({sql})"),
                        format!("FOR VALUES IN ({key})"),
                    )
                }
                _ => {
                    let (lo_sql, lo_key) = list(&bound.lowerdatums, true)?;
                    let (hi_sql, hi_key) = list(&bound.upperdatums, true)?;
                    (
                        format!("FOR VALUES FROM ({lo_sql}) TO ({hi_sql})"),
                        format!("FOR VALUES FROM ({lo_key}) TO ({hi_key})"),
                    )
                }
            }
        };
        Ok(Expr::new(sql, key))
    }

    /// The partitioned relation `rv` names: a table (`None`) or one of its partitions.
    pub(crate) fn find_partitioned(
        &self,
        rv: &RangeVar,
    ) -> Option<(QualifiedName, Option<QualifiedName>)> {
        if let Some(table) = self.find_table(rv) {
            return Some((table, None));
        }
        let (table, partition) = self.find_partition(&rv.schemaname, &rv.relname)?;
        Some((table, Some(partition)))
    }

    /// The canonical bound of a new partition of `parent` (`None`: of `table` itself).
    fn bound_under(
        &self,
        table: &QualifiedName,
        parent: Option<&QualifiedName>,
        bound: &PartitionBoundSpec,
    ) -> Res<Expr> {
        let t = &self.schema.tables[table];
        let parent = parent.unwrap_or(table);
        let key = t
            .partition_key_of(parent)
            .ok_or_else(|| format!("table {parent} is not partitioned"))?;
        self.partition_bound(t, key, bound)
    }

    /// `CREATE TABLE child PARTITION OF parent …`: returns whether it was recorded.
    pub(crate) fn create_partition(
        &mut self,
        name: QualifiedName,
        parent: &RangeVar,
        bound: &PartitionBoundSpec,
        spec: Option<&PartitionSpec>,
    ) -> Res<bool> {
        let Some((table, parent)) = self.find_partitioned(parent) else {
            return Ok(false);
        };
        if self.relation_taken(&name.schema, &name.name) {
            return Err(format!("relation {name} already exists"));
        }
        let mut partition = Partition::new(name, self.bound_under(&table, parent.as_ref(), bound)?);
        partition.parent = parent;
        partition.partition_by = spec.map(|s| self.partition_key(s)).transpose()?;
        self.attach(&table, partition);
        Ok(true)
    }

    fn attach(&mut self, table: &QualifiedName, partition: Partition) {
        let name = partition.name.clone();
        self.claim_relation(&name.schema, &name.name);
        self.unmanaged.insert(name.clone());
        if let Some(t) = self.schema.tables.get_mut(table) {
            t.partitions.insert(name, partition);
        }
    }

    /// `ALTER TABLE parent ATTACH PARTITION child FOR VALUES …`, where `parent` is `table` or
    /// one of its partitions. A partitioned child brings its partitions along.
    pub(crate) fn attach_partition(
        &mut self,
        table: &QualifiedName,
        parent: Option<&QualifiedName>,
        child: &RangeVar,
        bound: &PartitionBoundSpec,
    ) -> Res<()> {
        let Some(name) = self.find_table(child) else {
            return Err(format!(
                "relation {} does not exist",
                super::display_rv(child)
            ));
        };
        if name == *table {
            return Err(format!("table {name} cannot be a partition of itself"));
        }
        let bound = self.bound_under(table, parent, bound)?;
        let Some(child) = self.schema.tables.remove(&name) else {
            return Ok(());
        };
        let mut partition = Partition::new(name.clone(), bound);
        partition.parent = parent.cloned();
        partition.comment = child.comment;
        partition.partition_by = child.partition_by;
        self.attach(table, partition);
        if let Some(t) = self.schema.tables.get_mut(table) {
            for (key, mut p) in child.partitions {
                p.parent.get_or_insert_with(|| name.clone());
                t.partitions.insert(key, p);
            }
        }
        Ok(())
    }

    /// `ALTER TABLE parent DETACH PARTITION child`, where `parent` is `table` or one of its
    /// partitions: the partition becomes a table of its own with the table's columns, and
    /// keeps its own partitions.
    pub(crate) fn detach_partition(
        &mut self,
        table: &QualifiedName,
        parent: Option<&QualifiedName>,
        child: &RangeVar,
    ) -> Res<()> {
        let t = &self.schema.tables[table];
        let parent_name = parent.unwrap_or(table);
        let found = t
            .partitions
            .values()
            .find(|p| {
                p.name.name == child.relname
                    && (child.schemaname.is_empty() || p.name.schema == child.schemaname)
                    && t.partition_parent(p) == parent_name
            })
            .map(|p| p.name.clone())
            .ok_or_else(|| {
                format!(
                    "relation {} is not a partition of {parent_name}",
                    super::display_rv(child)
                )
            })?;
        let mut detached = Table::new(found.clone());
        detached.columns = t.columns.clone();
        let moved: Vec<QualifiedName> = t
            .sub_partitions(&found)
            .iter()
            .map(|p| p.name.clone())
            .collect();
        let Some(t) = self.schema.tables.get_mut(table) else {
            return Ok(());
        };
        if let Some(p) = t.partitions.remove(&found) {
            detached.comment = p.comment;
            detached.partition_by = p.partition_by;
        }
        for name in moved {
            if let Some(mut p) = t.partitions.remove(&name) {
                if p.parent.as_ref() == Some(&found) {
                    p.parent = None;
                }
                detached.partitions.insert(name, p);
            }
        }
        self.unmanaged.remove(&found);
        self.claim_relation(&found.schema, &found.name);
        self.schema.tables.insert(found, detached);
        Ok(())
    }
}

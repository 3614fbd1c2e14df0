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

    /// The canonical bound of a partition of `parent`.
    fn partition_bound(&self, parent: &Table, bound: &PartitionBoundSpec) -> Res<Expr> {
        let key = parent
            .partition_by
            .as_ref()
            .ok_or_else(|| format!("table {} is not partitioned", parent.name))?;
        let types: Vec<Option<DataType>> = key
            .keys
            .iter()
            .map(|k| match &k.target {
                IndexTarget::Column(c) => parent.column(c).map(|c| c.data_type.clone()),
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

    /// `CREATE TABLE child PARTITION OF parent …`: returns whether it was recorded.
    pub(crate) fn create_partition(
        &mut self,
        name: QualifiedName,
        parent: &RangeVar,
        bound: &PartitionBoundSpec,
        sub_partitioned: bool,
    ) -> Res<bool> {
        let Some(parent) = self.find_table(parent) else {
            return Ok(false);
        };
        if self.relation_taken(&name.schema, &name.name) {
            return Err(format!("relation {name} already exists"));
        }
        if sub_partitioned {
            self.warn(
                "partitions of partitions are not managed; only this partition's bound is read",
            );
        }
        let bound = self.partition_bound(&self.schema.tables[&parent], bound)?;
        self.attach(&parent, name, bound);
        Ok(true)
    }

    fn attach(&mut self, parent: &QualifiedName, name: QualifiedName, bound: Expr) {
        self.claim_relation(&name.schema, &name.name);
        self.unmanaged.insert(name.clone());
        if let Some(t) = self.schema.tables.get_mut(parent) {
            t.partitions.insert(
                name.clone(),
                Partition {
                    name,
                    bound,
                    comment: None,
                },
            );
        }
    }

    /// `ALTER TABLE parent ATTACH PARTITION child FOR VALUES …`.
    pub(crate) fn attach_partition(
        &mut self,
        parent: &QualifiedName,
        child: &RangeVar,
        bound: &PartitionBoundSpec,
    ) -> Res<()> {
        let Some(name) = self.find_table(child) else {
            return Err(format!(
                "relation {} does not exist",
                super::display_rv(child)
            ));
        };
        let bound = self.partition_bound(&self.schema.tables[parent], bound)?;
        let comment = self.schema.tables.remove(&name).and_then(|t| t.comment);
        self.attach(parent, name.clone(), bound);
        if let Some(p) = self
            .schema
            .tables
            .get_mut(parent)
            .and_then(|t| t.partitions.get_mut(&name))
        {
            p.comment = comment;
        }
        Ok(())
    }

    /// `ALTER TABLE parent DETACH PARTITION child`: the partition becomes a table of its own
    /// with the parent's columns.
    pub(crate) fn detach_partition(&mut self, parent: &QualifiedName, child: &RangeVar) -> Res<()> {
        let t = &self.schema.tables[parent];
        let found = t
            .partitions
            .keys()
            .find(|p| {
                p.name == child.relname
                    && (child.schemaname.is_empty() || p.schema == child.schemaname)
            })
            .cloned()
            .ok_or_else(|| {
                format!(
                    "relation {} is not a partition of {parent}",
                    super::display_rv(child)
                )
            })?;
        let mut table = Table::new(found.clone());
        table.columns = t.columns.clone();
        let partition = self
            .schema
            .tables
            .get_mut(parent)
            .and_then(|t| t.partitions.remove(&found));
        table.comment = partition.and_then(|p| p.comment);
        self.unmanaged.remove(&found);
        self.claim_relation(&found.schema, &found.name);
        self.schema.tables.insert(found, table);
        Ok(())
    }
}

//! Sequences: `CREATE SEQUENCE` and `ALTER SEQUENCE` with options in any order, and the
//! option lists shared with identity columns (`GENERATED … AS IDENTITY (…)`,
//! `ALTER COLUMN … SET INCREMENT BY …`). Options are resolved completely: PostgreSQL's
//! defaults for the type and direction, then explicit bounds, then a start at the bound.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{AlterSeqStmt, CreateSeqStmt, Node};
use schema_ir::{DataType, QualifiedName, Sequence, SequenceOptions, SequenceOwner};

/// The options as written; `None` means not mentioned, `Some(None)` `NO MINVALUE`/`NO MAXVALUE`.
#[derive(Default)]
pub(crate) struct SequenceSpec {
    pub data_type: Option<DataType>,
    pub increment: Option<i64>,
    pub min: Option<Option<i64>>,
    pub max: Option<Option<i64>>,
    pub start: Option<i64>,
    pub cache: Option<i64>,
    pub cycle: Option<bool>,
    /// `OWNED BY t.c` (name parts) or `OWNED BY NONE` (empty).
    pub owned_by: Option<Vec<String>>,
    /// `SEQUENCE NAME s` of identity columns.
    pub sequence_name: Option<Vec<String>>,
}

impl SequenceSpec {
    /// Resolves the options on top of `base` (an existing sequence's options and type) or of
    /// the defaults.
    pub fn resolve(
        &self,
        base: Option<(&SequenceOptions, &DataType)>,
        default_type: &DataType,
    ) -> (DataType, SequenceOptions) {
        let old_type = base.map(|(_, t)| t.clone());
        let data_type = self
            .data_type
            .clone()
            .or_else(|| old_type.clone())
            .unwrap_or_else(|| default_type.clone());
        let increment = self
            .increment
            .or(base.map(|(o, _)| o.increment))
            .unwrap_or(1);
        let defaults = SequenceOptions::defaults(&data_type, increment);
        let mut options = match base {
            None => defaults.clone(),
            Some((old, old_type)) => {
                let mut options = old.clone();
                options.increment = increment;
                let old_defaults = SequenceOptions::defaults(old_type, old.increment);
                if *old_type != data_type {
                    if old.min_value == old_defaults.min_value {
                        options.min_value = defaults.min_value;
                    }
                    if old.max_value == old_defaults.max_value {
                        options.max_value = defaults.max_value;
                    }
                }
                options
            }
        };
        match self.min {
            Some(Some(v)) => options.min_value = v,
            Some(None) => options.min_value = defaults.min_value,
            None => {}
        }
        match self.max {
            Some(Some(v)) => options.max_value = v,
            Some(None) => options.max_value = defaults.max_value,
            None => {}
        }
        match self.start {
            Some(start) => options.start = start,
            None if base.is_none() => {
                options.start = if increment > 0 {
                    options.min_value
                } else {
                    options.max_value
                }
            }
            None => {}
        }
        if let Some(cache) = self.cache {
            options.cache = cache;
        }
        if let Some(cycle) = self.cycle {
            options.cycle = cycle;
        }
        (data_type, options)
    }
}

impl Reader<'_> {
    /// Reads a sequence option list.
    pub(crate) fn sequence_spec(&mut self, options: &[Node]) -> Res<SequenceSpec> {
        let mut spec = SequenceSpec::default();
        for option in options {
            let Some(NodeEnum::DefElem(def)) = option.node.as_ref() else {
                continue;
            };
            let arg = def.arg.as_deref();
            let number = || {
                arg.and_then(nodes::integer)
                    .ok_or_else(|| format!("sequence option {} needs a number", def.defname))
            };
            match def.defname.as_str() {
                "as" => {
                    let Some(NodeEnum::TypeName(t)) = arg.and_then(|a| a.node.as_ref()) else {
                        return Err("AS needs a type".into());
                    };
                    spec.data_type = Some(self.data_type(t)?);
                }
                "increment" => spec.increment = Some(number()?),
                "minvalue" => spec.min = Some(arg.and_then(nodes::integer)),
                "maxvalue" => spec.max = Some(arg.and_then(nodes::integer)),
                "start" => spec.start = Some(number()?),
                "cache" => spec.cache = Some(number()?),
                "cycle" => {
                    spec.cycle = Some(
                        arg.and_then(nodes::constant_text)
                            .is_none_or(|t| t == "true"),
                    )
                }
                "owned_by" => {
                    let parts = match arg.and_then(|a| a.node.as_ref()) {
                        Some(NodeEnum::List(list)) => nodes::strings(&list.items),
                        _ => Vec::new(),
                    };
                    spec.owned_by = Some(if parts.len() == 1 && parts[0] == "none" {
                        Vec::new()
                    } else {
                        parts
                    });
                }
                "sequence_name" => {
                    if let Some(NodeEnum::List(list)) = arg.and_then(|a| a.node.as_ref()) {
                        spec.sequence_name = Some(nodes::strings(&list.items));
                    }
                }
                "restart" | "logged" | "unlogged" => {}
                other => self.warn(format!("sequence option {other} is not managed; ignored")),
            }
        }
        Ok(spec)
    }

    /// The owner named by `OWNED BY` parts (`t.c`, `s.t.c`), or `None` for `NONE`.
    fn sequence_owner(&self, parts: &[String]) -> Res<Option<SequenceOwner>> {
        let (schema, table, column) = match parts {
            [] => return Ok(None),
            [t, c] => ("", t, c),
            [s, t, c] => (s.as_str(), t, c),
            _ => return Err(format!("invalid OWNED BY {}", parts.join("."))),
        };
        let table = self
            .resolve(schema, table, |q| self.schema.tables.contains_key(q))
            .ok_or_else(|| format!("OWNED BY: relation {table} does not exist"))?;
        if self.schema.tables[&table].column(column).is_none() {
            return Err(format!(
                "OWNED BY: column {column} of {table} does not exist"
            ));
        }
        Ok(Some(SequenceOwner {
            table,
            column: column.clone(),
        }))
    }

    pub(crate) fn create_sequence(&mut self, stmt: &CreateSeqStmt) -> Res<()> {
        let Some(rv) = stmt.sequence.as_ref() else {
            return Ok(());
        };
        if rv.relpersistence == "t" {
            self.warn("temporary sequences are not managed; statement ignored");
            return Ok(());
        }
        let name = self.new_name(rv);
        if self.relation_taken(&name.schema, &name.name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!("relation {name} already exists"));
        }
        self.require_namespace(&name.schema)?;
        let spec = self.sequence_spec(&stmt.options)?;
        let (data_type, options) = spec.resolve(None, &DataType("bigint".into()));
        let owned_by = match &spec.owned_by {
            Some(parts) => self.sequence_owner(parts)?,
            None => None,
        };
        self.claim_relation(&name.schema, &name.name);
        self.schema.sequences.insert(
            name.clone(),
            Sequence {
                name,
                data_type,
                options,
                owned_by,
                comment: None,
            },
        );
        Ok(())
    }

    pub(crate) fn alter_sequence(&mut self, stmt: &AlterSeqStmt) -> Res<()> {
        let Some(rv) = stmt.sequence.as_ref() else {
            return Ok(());
        };
        let Some(name) = self.find_sequence(rv) else {
            if stmt.missing_ok {
                return Ok(());
            }
            let identity = self.resolve(&rv.schemaname, &rv.relname, |q| {
                self.identity_sequences.contains_key(q)
            });
            if let Some(identity) = identity {
                return self.alter_identity_sequence(&identity, &stmt.options);
            }
            return Err(format!("sequence {} does not exist", super::display_rv(rv)));
        };
        let spec = self.sequence_spec(&stmt.options)?;
        let owned_by = match &spec.owned_by {
            Some(parts) => Some(self.sequence_owner(parts)?),
            None => None,
        };
        let sequence = self
            .schema
            .sequences
            .get_mut(&name)
            .ok_or("sequence vanished")?;
        let (data_type, options) = spec.resolve(
            Some((&sequence.options, &sequence.data_type)),
            &sequence.data_type,
        );
        sequence.data_type = data_type;
        sequence.options = options;
        if let Some(owned_by) = owned_by {
            sequence.owned_by = owned_by;
        }
        Ok(())
    }

    /// `ALTER SEQUENCE` of an identity column's internal sequence.
    fn alter_identity_sequence(&mut self, name: &QualifiedName, options: &[Node]) -> Res<()> {
        let (table, column) = self.identity_sequences[name].clone();
        let spec = self.sequence_spec(options)?;
        let col = self
            .schema
            .tables
            .get_mut(&table)
            .and_then(|t| t.column_mut(&column))
            .ok_or("identity column vanished")?;
        if let Some(identity) = col.identity.as_mut() {
            let (_, options) =
                spec.resolve(Some((&identity.sequence, &col.data_type)), &col.data_type);
            identity.sequence = options;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_defaults_to_the_bound_in_the_direction() {
        let spec = SequenceSpec {
            increment: Some(-1),
            ..Default::default()
        };
        let (t, o) = spec.resolve(None, &DataType("integer".into()));
        assert_eq!(t.0, "integer");
        assert_eq!(
            (o.min_value, o.max_value, o.start),
            (i32::MIN as i64, -1, -1)
        );
        let spec = SequenceSpec {
            min: Some(Some(10)),
            ..Default::default()
        };
        let (_, o) = spec.resolve(None, &DataType("bigint".into()));
        assert_eq!((o.min_value, o.start), (10, 10));
    }
}

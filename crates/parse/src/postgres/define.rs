//! `CREATE COLLATION` and `CREATE AGGREGATE` (both `DefineStmt`s), and `DROP`/`COMMENT` of
//! aggregates and collations. Names of support functions resolve like calls do: to a routine
//! the files create, or else to a built-in one in `pg_catalog`.

use super::{Reader, Res, nodes, split_names};
use pg_query::NodeEnum;
use pg_query::protobuf::{DefElem, DefineStmt, Node, ObjectType};
use schema_ir::{
    Aggregate, Collation, CollationProvider, Parallel, QualifiedName, without_modifiers,
};

/// Whether a `DefineStmt` kind is managed.
pub(crate) fn is_managed(kind: i32) -> bool {
    matches!(
        ObjectType::try_from(kind),
        Ok(ObjectType::ObjectCollation) | Ok(ObjectType::ObjectAggregate)
    )
}

pub(crate) fn is_aggregate_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectAggregate)
}

pub(crate) fn is_collation_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectCollation)
}

fn def_text(d: &DefElem) -> Option<String> {
    d.arg.as_deref().and_then(nodes::constant_text)
}

/// The name parts of a definition argument (`SFUNC = public.f`, `SORTOP = >`).
fn def_names(d: &DefElem) -> Vec<String> {
    match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::TypeName(t)) => nodes::strings(&t.names),
        Some(NodeEnum::List(l)) => nodes::strings(&l.items),
        Some(NodeEnum::String(s)) => vec![s.sval.clone()],
        _ => Vec::new(),
    }
}

fn def_bool(d: &DefElem) -> bool {
    match def_text(d) {
        None => true,
        Some(t) => matches!(t.to_ascii_lowercase().as_str(), "true" | "on" | "1" | "yes"),
    }
}

impl Reader<'_> {
    pub(crate) fn define(&mut self, stmt: &DefineStmt) -> Res<()> {
        match ObjectType::try_from(stmt.kind) {
            Ok(ObjectType::ObjectCollation) => self.create_collation(stmt),
            _ => self.create_aggregate(stmt),
        }
    }

    fn defined_name(&self, names: &[Node]) -> Res<QualifiedName> {
        let names = nodes::strings(names);
        match split_names(&names) {
            Some(("", name)) => Ok(QualifiedName::new(self.creation_schema(), name)),
            Some((schema, name)) => Ok(QualifiedName::new(schema, name)),
            None => Err("invalid name".into()),
        }
    }

    fn create_collation(&mut self, stmt: &DefineStmt) -> Res<()> {
        let name = self.defined_name(&stmt.defnames)?;
        self.require_namespace(&name.schema)?;
        if self.schema.collations.contains_key(&name) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!("collation {name} already exists"));
        }
        self.collations.insert(name.clone());
        let mut provider = CollationProvider::Libc;
        let (mut locale, mut lc_collate, mut lc_ctype, mut rules) = (None, None, None, None);
        let mut deterministic = true;
        for d in &stmt.definition {
            let Some(NodeEnum::DefElem(d)) = d.node.as_ref() else {
                continue;
            };
            match d.defname.as_str() {
                "provider" => {
                    provider = def_text(d)
                        .as_deref()
                        .and_then(CollationProvider::parse)
                        .ok_or("unknown collation provider")?;
                }
                "locale" => locale = def_text(d),
                "lc_collate" => lc_collate = def_text(d),
                "lc_ctype" => lc_ctype = def_text(d),
                "deterministic" => deterministic = def_bool(d),
                "rules" => rules = def_text(d),
                "version" => {}
                "from" => {
                    let from = def_names(d);
                    let found = match split_names(&from) {
                        Some((schema, n)) => {
                            self.resolve(schema, n, |q| self.schema.collations.contains_key(q))
                        }
                        None => None,
                    };
                    let Some(found) = found else {
                        self.warn("a collation copied from a built-in collation is not managed");
                        return Ok(());
                    };
                    let mut copy = self.schema.collations[&found].clone();
                    copy.name = name.clone();
                    copy.comment = None;
                    self.schema.collations.insert(name, copy);
                    return Ok(());
                }
                other => return Err(format!("collation attribute \"{other}\" not recognized")),
            }
        }
        let collation = match provider {
            CollationProvider::Libc => Collation {
                name: name.clone(),
                provider,
                locale: None,
                lc_collate: lc_collate.or_else(|| locale.clone()),
                lc_ctype: lc_ctype.or(locale),
                deterministic,
                rules,
                comment: None,
            },
            _ => Collation {
                name: name.clone(),
                provider,
                locale: locale.or(lc_collate),
                lc_collate: None,
                lc_ctype: None,
                deterministic,
                rules,
                comment: None,
            },
        };
        self.schema.collations.insert(name, collation);
        Ok(())
    }

    /// A support routine named in a definition: a routine of the files, or a built-in one.
    pub(crate) fn support_routine(&self, names: &[String]) -> Option<QualifiedName> {
        match split_names(names)? {
            ("", name) => Some(
                self.resolve("", name, |q| {
                    self.schema.functions.values().any(|f| f.name == *q)
                })
                .unwrap_or_else(|| QualifiedName::new("pg_catalog", name)),
            ),
            (schema, name) => Some(QualifiedName::new(schema, name)),
        }
    }

    fn aggregate_arguments(&self, args: &[Node]) -> Res<Option<Vec<schema_ir::DataType>>> {
        let (list, direct) = match args {
            [list, direct] => (list, nodes::integer(direct).unwrap_or(-1)),
            [] => return Ok(Some(Vec::new())),
            _ => return Err("invalid aggregate arguments".into()),
        };
        if direct >= 0 {
            return Ok(None);
        }
        let mut types = Vec::new();
        if let Some(NodeEnum::List(l)) = list.node.as_ref() {
            for p in &l.items {
                if let Some(NodeEnum::FunctionParameter(p)) = p.node.as_ref() {
                    let t = p.arg_type.as_ref().ok_or("argument without a type")?;
                    types.push(without_modifiers(self.data_type(t)?));
                }
            }
        }
        Ok(Some(types))
    }

    fn create_aggregate(&mut self, stmt: &DefineStmt) -> Res<()> {
        let name = self.defined_name(&stmt.defnames)?;
        self.require_namespace(&name.schema)?;
        if stmt.oldstyle {
            self.warn(
                "old-style CREATE AGGREGATE (BASETYPE = …) is not managed; statement ignored",
            );
            return Ok(());
        }
        let Some(arguments) = self.aggregate_arguments(&stmt.args)? else {
            self.warn("ordered-set aggregates are not managed; statement ignored");
            return Ok(());
        };
        let mut aggregate = Aggregate {
            name,
            arguments,
            state_function: QualifiedName::new("", ""),
            state_type: schema_ir::DataType(String::new()),
            state_space: 0,
            final_function: None,
            final_extra: false,
            combine_function: None,
            serial_function: None,
            deserial_function: None,
            initial_condition: None,
            sort_operator: None,
            parallel: Parallel::Unsafe,
            comment: None,
        };
        for d in &stmt.definition {
            let Some(NodeEnum::DefElem(d)) = d.node.as_ref() else {
                continue;
            };
            let routine = || self.support_routine(&def_names(d));
            match d.defname.as_str() {
                "sfunc" => {
                    aggregate.state_function = routine().ok_or("SFUNC needs a function")?;
                }
                "stype" => {
                    let Some(NodeEnum::TypeName(t)) =
                        d.arg.as_deref().and_then(|a| a.node.as_ref())
                    else {
                        return Err("STYPE needs a type".into());
                    };
                    aggregate.state_type = without_modifiers(self.data_type(t)?);
                }
                "sspace" => {
                    aggregate.state_space = d.arg.as_deref().and_then(nodes::integer).unwrap_or(0);
                }
                "finalfunc" => aggregate.final_function = routine(),
                "finalfunc_extra" => aggregate.final_extra = def_bool(d),
                "combinefunc" => aggregate.combine_function = routine(),
                "serialfunc" => aggregate.serial_function = routine(),
                "deserialfunc" => aggregate.deserial_function = routine(),
                "initcond" => aggregate.initial_condition = def_text(d),
                "sortop" => {
                    let names = def_names(d);
                    let names = match names.as_slice() {
                        [schema, op] if schema == "pg_catalog" => vec![op.clone()],
                        _ => names,
                    };
                    aggregate.sort_operator = Some(names.join("."));
                }
                "parallel" => {
                    aggregate.parallel =
                        match def_text(d).unwrap_or_default().to_lowercase().as_str() {
                            "safe" => Parallel::Safe,
                            "restricted" => Parallel::Restricted,
                            _ => Parallel::Unsafe,
                        }
                }
                "finalfunc_modify" => {}
                other => {
                    self.warn(format!(
                        "aggregate attribute {} is not managed; statement ignored",
                        other.to_uppercase()
                    ));
                    return Ok(());
                }
            }
        }
        if aggregate.state_type.0.is_empty() || aggregate.state_function.name.is_empty() {
            return Err("aggregate needs SFUNC and STYPE".into());
        }
        let signature = aggregate.signature();
        if let Some(old) = self.schema.aggregates.get(&signature) {
            if !stmt.replace {
                return Err(format!("function {signature} already exists"));
            }
            aggregate.comment = old.comment.clone();
        }
        self.schema.aggregates.insert(signature, aggregate);
        Ok(())
    }

    /// The aggregate an `ObjectWithArgs` node names, by signature.
    fn find_aggregate(&self, object: Option<&Node>) -> Res<Option<String>> {
        let Some(NodeEnum::ObjectWithArgs(owa)) = object.and_then(|o| o.node.as_ref()) else {
            return Err("invalid aggregate name".into());
        };
        let names = nodes::strings(&owa.objname);
        let (schema, name) = split_names(&names).ok_or("invalid aggregate name")?;
        let mut types = Vec::new();
        for a in &owa.objargs {
            if let Some(NodeEnum::TypeName(t)) = a.node.as_ref() {
                types.push(without_modifiers(self.data_type(t)?).0);
            }
        }
        let arguments = if types.is_empty() {
            "*".to_string()
        } else {
            types.join(", ")
        };
        let found = self.resolve(schema, name, |q| {
            self.schema
                .aggregates
                .contains_key(&format!("{q}({arguments})"))
        });
        Ok(found.map(|q| format!("{q}({arguments})")))
    }

    pub(crate) fn drop_aggregate(&mut self, objects: &[Node], missing_ok: bool) -> Res<()> {
        for object in objects {
            match self.find_aggregate(Some(object))? {
                Some(signature) => {
                    self.schema.aggregates.remove(&signature);
                }
                None if missing_ok => {}
                // Possibly one whose form is not managed (and was skipped with a warning).
                None => self.warn("DROP AGGREGATE of an aggregate that is not managed; ignored"),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_aggregate(&mut self, object: Option<&Node>, comment: &str) -> Res<()> {
        let Some(signature) = self.find_aggregate(object)? else {
            self.warn("COMMENT on an aggregate that is not managed; ignored");
            return Ok(());
        };
        if let Some(a) = self.schema.aggregates.get_mut(&signature) {
            a.comment = (!comment.is_empty()).then(|| comment.to_string());
        }
        Ok(())
    }

    fn find_collation(&self, object: Option<&Node>) -> Option<QualifiedName> {
        let names = match object.and_then(|o| o.node.as_ref()) {
            Some(NodeEnum::List(l)) => nodes::strings(&l.items),
            _ => Vec::new(),
        };
        let (schema, name) = split_names(&names)?;
        self.resolve(schema, name, |q| self.schema.collations.contains_key(q))
    }

    pub(crate) fn drop_collation(&mut self, objects: &[Node], missing_ok: bool) -> Res<()> {
        for object in objects {
            match self.find_collation(Some(object)) {
                Some(q) => {
                    self.schema.collations.remove(&q);
                    self.collations.remove(&q);
                }
                None if missing_ok => {}
                None => return Err("collation does not exist".into()),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_collation(&mut self, object: Option<&Node>, comment: &str) -> Res<()> {
        let q = self
            .find_collation(object)
            .ok_or("collation does not exist")?;
        if let Some(c) = self.schema.collations.get_mut(&q) {
            c.comment = (!comment.is_empty()).then(|| comment.to_string());
        }
        Ok(())
    }
}

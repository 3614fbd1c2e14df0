//! Domains and composite types: `CREATE DOMAIN`, `ALTER DOMAIN` (default, NOT NULL, ADD and
//! DROP CONSTRAINT), `CREATE TYPE … AS (…)`, and their drops and comments. CHECK constraints
//! without a name get PostgreSQL's (`<domain>_check`, `<domain>_check1`, …).

use super::names::choose_name;
use super::table::constr_type;
use super::{Reader, Res, nodes, split_names};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterDomainStmt, CompositeTypeStmt, ConstrType, Constraint, CreateDomainStmt,
};
use schema_ir::{Attribute, CompositeType, Domain, DomainCheck, QualifiedName};

impl Reader<'_> {
    /// The qualified name of a new type from its name parts.
    fn new_type_name(&self, names: &[String]) -> Res<QualifiedName> {
        let (schema, name) = split_names(names).ok_or("invalid type name")?;
        let schema = if schema.is_empty() {
            self.creation_schema()
        } else {
            schema.to_string()
        };
        self.require_namespace(&schema)?;
        let q = QualifiedName::new(schema, name);
        if self.type_exists(&q) {
            return Err(format!("type {q} already exists"));
        }
        Ok(q)
    }

    /// Whether a managed type (enum, domain, composite) or a table's row type has this name.
    pub(crate) fn type_exists(&self, q: &QualifiedName) -> bool {
        self.schema.enums.contains_key(q)
            || self.schema.domains.contains_key(q)
            || self.schema.composite_types.contains_key(q)
            || self.schema.tables.contains_key(q)
    }

    pub(crate) fn find_domain(&self, names: &[String]) -> Option<QualifiedName> {
        let (schema, name) = split_names(names)?;
        self.resolve(schema, name, |q| self.schema.domains.contains_key(q))
    }

    pub(crate) fn find_composite(&self, names: &[String]) -> Option<QualifiedName> {
        let (schema, name) = split_names(names)?;
        self.resolve(schema, name, |q| {
            self.schema.composite_types.contains_key(q)
        })
    }

    pub(crate) fn create_domain(&mut self, stmt: &CreateDomainStmt) -> Res<()> {
        let name = self.new_type_name(&nodes::strings(&stmt.domainname))?;
        let type_name = stmt
            .type_name
            .as_ref()
            .ok_or("CREATE DOMAIN without a type")?;
        let data_type = self.data_type(type_name)?;
        let collation = stmt
            .coll_clause
            .as_ref()
            .and_then(|c| self.collation(&nodes::strings(&c.collname)));
        // A domain over a domain inherits its default (PostgreSQL copies it).
        let inherited = data_type
            .user_type()
            .and_then(|base| self.schema.domains.get(&base))
            .and_then(|base| base.default.clone());
        let mut domain = Domain {
            name: name.clone(),
            data_type,
            collation,
            default: inherited,
            not_null: false,
            checks: Default::default(),
            comment: None,
        };
        self.schema.domains.insert(name.clone(), domain.clone());
        for c in &stmt.constraints {
            if let Some(NodeEnum::Constraint(c)) = c.node.as_ref() {
                self.domain_constraint(&mut domain, c)?;
            }
        }
        self.schema.domains.insert(name, domain);
        Ok(())
    }

    fn domain_constraint(&mut self, domain: &mut Domain, c: &Constraint) -> Res<()> {
        match constr_type(c) {
            ConstrType::ConstrNotnull => domain.not_null = true,
            ConstrType::ConstrNull => domain.not_null = false,
            ConstrType::ConstrDefault => {
                let raw = c.raw_expr.as_deref().ok_or("DEFAULT without expression")?;
                domain.default = Some(self.default_expr(raw, &domain.data_type)?);
            }
            ConstrType::ConstrCheck => {
                let raw = c.raw_expr.as_deref().ok_or("CHECK without expression")?;
                // `VALUE` is of the domain's base type.
                let base = self.base_type(&domain.data_type);
                let value = |c: &pg_query::protobuf::ColumnRef| {
                    matches!(c.fields.as_slice(), [f] if nodes::string(f) == Some("value"))
                        .then(|| base.clone())
                };
                let expr = self.typed_expr(raw, &value)?;
                let schema = domain.name.schema.clone();
                let name = if c.conname.is_empty() {
                    choose_name(&domain.name.name, None, "check", |n| {
                        domain.checks.contains_key(n) || self.constraint_taken(&schema, n)
                    })
                } else {
                    c.conname.clone()
                };
                if domain.checks.contains_key(&name) {
                    return Err(format!(
                        "constraint \"{name}\" for domain {} already exists",
                        domain.name
                    ));
                }
                domain
                    .checks
                    .insert(name.clone(), DomainCheck { name, expr });
            }
            _ => self.warn("this domain constraint is not managed; ignored"),
        }
        Ok(())
    }

    pub(crate) fn alter_domain(&mut self, stmt: &AlterDomainStmt) -> Res<()> {
        let names = nodes::strings(&stmt.type_name);
        let q = self
            .find_domain(&names)
            .ok_or_else(|| format!("domain {} does not exist", names.join(".")))?;
        let mut domain = self.schema.domains[&q].clone();
        match stmt.subtype.as_str() {
            "T" => {
                domain.default = match stmt.def.as_deref() {
                    Some(d) => Some(self.default_expr(d, &domain.data_type)?),
                    None => None,
                }
            }
            "N" => domain.not_null = false,
            "O" => domain.not_null = true,
            "C" => {
                if let Some(NodeEnum::Constraint(c)) =
                    stmt.def.as_deref().and_then(|d| d.node.as_ref())
                {
                    self.domain_constraint(&mut domain, c)?;
                }
            }
            "X" => {
                if domain.checks.remove(&stmt.name).is_none() && !stmt.missing_ok {
                    return Err(format!(
                        "constraint \"{}\" of domain {q} does not exist",
                        stmt.name
                    ));
                }
            }
            "V" => {}
            _ => self.warn("this ALTER DOMAIN is not managed; ignored"),
        }
        self.schema.domains.insert(q, domain);
        Ok(())
    }

    pub(crate) fn create_composite(&mut self, stmt: &CompositeTypeStmt) -> Res<()> {
        let rv = stmt.typevar.as_ref().ok_or("CREATE TYPE without a name")?;
        let name = self.new_type_name(&[rv.schemaname.clone(), rv.relname.clone()])?;
        let mut attributes = Vec::new();
        for def in &stmt.coldeflist {
            let Some(NodeEnum::ColumnDef(col)) = def.node.as_ref() else {
                continue;
            };
            let type_name = col.type_name.as_ref().ok_or("attribute without a type")?;
            attributes.push(Attribute {
                name: col.colname.clone(),
                data_type: self.data_type(type_name)?,
                collation: col
                    .coll_clause
                    .as_ref()
                    .and_then(|c| self.collation(&nodes::strings(&c.collname))),
            });
        }
        self.schema.composite_types.insert(
            name.clone(),
            CompositeType {
                name,
                attributes,
                comment: None,
            },
        );
        Ok(())
    }

    /// `DROP TYPE`/`DROP DOMAIN` of a domain or composite type; returns whether it was one.
    pub(crate) fn drop_user_type(&mut self, names: &[String]) -> bool {
        if let Some(q) = self.find_domain(names) {
            self.schema.domains.remove(&q);
            return true;
        }
        if let Some(q) = self.find_composite(names) {
            self.schema.composite_types.remove(&q);
            return true;
        }
        false
    }

    /// `COMMENT ON TYPE|DOMAIN` of a domain or composite type; returns whether it was one.
    pub(crate) fn comment_user_type(&mut self, names: &[String], comment: Option<String>) -> bool {
        if let Some(q) = self.find_domain(names) {
            if let Some(d) = self.schema.domains.get_mut(&q) {
                d.comment = comment;
            }
            return true;
        }
        if let Some(q) = self.find_composite(names) {
            if let Some(c) = self.schema.composite_types.get_mut(&q) {
                c.comment = comment;
            }
            return true;
        }
        false
    }
}

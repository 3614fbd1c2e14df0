//! Publications: `CREATE PUBLICATION` (`FOR ALL TABLES`, `FOR TABLE t (cols) WHERE (…)`,
//! `FOR TABLES IN SCHEMA`, `WITH (publish = …, publish_via_partition_root = …)`), `ALTER
//! PUBLICATION … ADD/DROP/SET` and `SET (…)`, `RENAME`, `DROP` and `COMMENT`. Column lists
//! are kept in the table's column order; the published actions in PostgreSQL's order.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterPublicationAction, AlterPublicationStmt, CommentStmt, CreatePublicationStmt, DefElem,
    DropStmt, Node, ObjectType, PublicationObjSpecType, RenameStmt,
};
use schema_ir::{PUBLISHED_ACTIONS, Publication, PublishedTable, QualifiedName};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn is_publication_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectPublication)
}

fn name_of(node: Option<&Node>) -> String {
    node.and_then(nodes::string).unwrap_or_default().to_string()
}

/// What the objects of a statement name: tables and schemas.
type Objects = (BTreeMap<QualifiedName, PublishedTable>, BTreeSet<String>);

impl Reader<'_> {
    fn publication_objects(&mut self, specs: &[Node]) -> Res<Objects> {
        let mut tables = BTreeMap::new();
        let mut schemas = BTreeSet::new();
        for spec in specs {
            let Some(NodeEnum::PublicationObjSpec(spec)) = spec.node.as_ref() else {
                continue;
            };
            match PublicationObjSpecType::try_from(spec.pubobjtype) {
                Ok(PublicationObjSpecType::PublicationobjTablesInSchema) => {
                    self.require_namespace(&spec.name)?;
                    schemas.insert(spec.name.clone());
                }
                Ok(PublicationObjSpecType::PublicationobjTablesInCurSchema) => {
                    schemas.insert(self.creation_schema());
                }
                _ => {
                    let Some(t) = spec.pubtable.as_deref() else {
                        continue;
                    };
                    let Some(rv) = t.relation.as_ref() else {
                        continue;
                    };
                    let Some(table) = self.find_table(rv) else {
                        if self.is_unmanaged(rv) {
                            self.warn("a publication's table that is not managed is left out");
                            continue;
                        }
                        return Err(format!("relation {} does not exist", super::display_rv(rv)));
                    };
                    let columns = if t.columns.is_empty() {
                        None
                    } else {
                        let named = nodes::strings(&t.columns);
                        let t = &self.schema.tables[&table];
                        if let Some(c) = named.iter().find(|c| t.column(c).is_none()) {
                            return Err(format!(
                                "column \"{c}\" of relation \"{}\" does not exist",
                                t.name
                            ));
                        }
                        let mut columns: Vec<String> = t
                            .columns
                            .iter()
                            .filter(|c| named.contains(&c.name))
                            .map(|c| c.name.clone())
                            .collect();
                        columns.dedup();
                        Some(columns)
                    };
                    let row_filter = self.optional_table_expr(t.where_clause.as_deref(), &table)?;
                    tables.insert(
                        table,
                        PublishedTable {
                            columns,
                            row_filter,
                        },
                    );
                }
            }
        }
        Ok((tables, schemas))
    }

    /// PostgreSQL refuses column lists beside `TABLES IN SCHEMA`.
    fn check_publication(p: &Publication) -> Res<()> {
        if let Some(t) = p.tables.iter().find(|(_, t)| t.columns.is_some())
            && !p.schemas.is_empty()
        {
            return Err(format!(
                "cannot use column list for relation \"{}\" in publication \"{}\": column lists cannot be specified in publications containing FOR TABLES IN SCHEMA elements",
                t.0, p.name
            ));
        }
        Ok(())
    }

    fn publication_options(&self, options: &[Node], p: &mut Publication) -> Res<()> {
        for d in options {
            let Some(NodeEnum::DefElem(d)) = d.node.as_ref() else {
                continue;
            };
            let d: &DefElem = d;
            let value = d.arg.as_deref().and_then(nodes::constant_text);
            match d.defname.as_str() {
                "publish" => {
                    let wanted: Vec<String> = value
                        .unwrap_or_default()
                        .split(',')
                        .map(|a| a.trim().to_ascii_lowercase())
                        .filter(|a| !a.is_empty())
                        .collect();
                    if let Some(a) = wanted
                        .iter()
                        .find(|a| !PUBLISHED_ACTIONS.contains(&a.as_str()))
                    {
                        return Err(format!(
                            "unrecognized value for publication option \"publish\": \"{a}\""
                        ));
                    }
                    p.publish = PUBLISHED_ACTIONS
                        .iter()
                        .filter(|a| wanted.iter().any(|w| w == *a))
                        .map(|a| a.to_string())
                        .collect();
                }
                "publish_via_partition_root" => {
                    p.via_partition_root = value.is_none_or(|v| {
                        matches!(v.to_ascii_lowercase().as_str(), "true" | "on" | "1" | "yes")
                    });
                }
                other => {
                    return Err(format!("unrecognized publication parameter: \"{other}\""));
                }
            }
        }
        Ok(())
    }

    pub(crate) fn create_publication(&mut self, stmt: &CreatePublicationStmt) -> Res<()> {
        if self.schema.publications.contains_key(&stmt.pubname) {
            return Err(format!("publication \"{}\" already exists", stmt.pubname));
        }
        let (tables, schemas) = self.publication_objects(&stmt.pubobjects)?;
        let mut publication = Publication {
            name: stmt.pubname.clone(),
            all_tables: stmt.for_all_tables,
            tables,
            schemas,
            publish: PUBLISHED_ACTIONS.iter().map(|a| a.to_string()).collect(),
            via_partition_root: false,
            comment: None,
        };
        self.publication_options(&stmt.options, &mut publication)?;
        Self::check_publication(&publication)?;
        self.schema
            .publications
            .insert(stmt.pubname.clone(), publication);
        Ok(())
    }

    pub(crate) fn alter_publication(&mut self, stmt: &AlterPublicationStmt) -> Res<()> {
        if !self.schema.publications.contains_key(&stmt.pubname) {
            return Err(format!("publication \"{}\" does not exist", stmt.pubname));
        }
        let (tables, schemas) = self.publication_objects(&stmt.pubobjects)?;
        let mut p = self.schema.publications[&stmt.pubname].clone();
        self.publication_options(&stmt.options, &mut p)?;
        if !stmt.pubobjects.is_empty() {
            match AlterPublicationAction::try_from(stmt.action) {
                Ok(AlterPublicationAction::ApAddObjects) => {
                    p.tables.extend(tables);
                    p.schemas.extend(schemas);
                }
                Ok(AlterPublicationAction::ApDropObjects) => {
                    for t in tables.keys() {
                        p.tables.remove(t);
                    }
                    for s in &schemas {
                        p.schemas.remove(s);
                    }
                }
                _ => {
                    p.tables = tables;
                    p.schemas = schemas;
                }
            }
        }
        Self::check_publication(&p)?;
        self.schema.publications.insert(stmt.pubname.clone(), p);
        Ok(())
    }

    pub(crate) fn drop_publication(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let name = name_of(Some(object));
            if self.schema.publications.remove(&name).is_none() && !stmt.missing_ok {
                return Err(format!("publication \"{name}\" does not exist"));
            }
        }
        Ok(())
    }

    pub(crate) fn comment_publication(&mut self, stmt: &CommentStmt) -> Res<()> {
        let name = name_of(stmt.object.as_deref());
        let p = self
            .schema
            .publications
            .get_mut(&name)
            .ok_or_else(|| format!("publication \"{name}\" does not exist"))?;
        p.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        Ok(())
    }

    pub(crate) fn rename_publication(&mut self, stmt: &RenameStmt) -> Res<()> {
        let name = name_of(stmt.object.as_deref());
        if self.schema.publications.contains_key(&stmt.newname) {
            return Err(format!("publication \"{}\" already exists", stmt.newname));
        }
        let mut p = self
            .schema
            .publications
            .remove(&name)
            .ok_or_else(|| format!("publication \"{name}\" does not exist"))?;
        p.name = stmt.newname.clone();
        self.schema.publications.insert(stmt.newname.clone(), p);
        Ok(())
    }
}

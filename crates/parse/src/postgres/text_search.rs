//! Text search configurations and dictionaries: `CREATE TEXT SEARCH CONFIGURATION` (with
//! `PARSER =` or `COPY =`, a built-in configuration copied with the mappings PostgreSQL
//! gives it), `ALTER … ADD/ALTER/DROP MAPPING` and `REPLACE`, `CREATE/ALTER TEXT SEARCH
//! DICTIONARY`, and their `DROP`, `COMMENT`, `RENAME` and `SET SCHEMA`. A dictionary or
//! template named without a schema resolves to one the files create, else to a built-in one
//! in `pg_catalog`, else to one a created extension provides. Parsers and templates are not
//! managed.

use super::{Reader, Res, nodes, split_names};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterObjectSchemaStmt, AlterTsConfigType, AlterTsConfigurationStmt, AlterTsDictionaryStmt,
    CommentStmt, DefElem, DefineStmt, DropStmt, Node, ObjectType, RenameStmt,
};
use schema_ir::{
    DEFAULT_PARSER_TOKENS, Extension, QualifiedName, TextSearchConfiguration, TextSearchDictionary,
    built_in_configuration, is_built_in_dictionary,
};
use std::collections::BTreeMap;

/// The templates every database has in `pg_catalog`.
const BUILT_IN_TEMPLATES: [&str; 5] = ["simple", "synonym", "ispell", "thesaurus", "snowball"];

pub(crate) fn is_text_search_object(value: i32) -> bool {
    matches!(
        ObjectType::try_from(value),
        Ok(ObjectType::ObjectTsconfiguration) | Ok(ObjectType::ObjectTsdictionary)
    )
}

fn is_configuration(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectTsconfiguration)
}

/// The name parts of an object node: a list of strings.
fn names_of(node: Option<&Node>) -> Vec<String> {
    match node.and_then(|n| n.node.as_ref()) {
        Some(NodeEnum::List(l)) => nodes::strings(&l.items),
        Some(NodeEnum::String(s)) => vec![s.sval.clone()],
        _ => Vec::new(),
    }
}

/// The text of an option's value as PostgreSQL keeps it (`defGetString`).
fn option_value(d: &DefElem) -> Option<String> {
    match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::List(l)) => Some(nodes::strings(&l.items).join(".")),
        _ => d.arg.as_deref().and_then(nodes::constant_text),
    }
}

fn option_names(d: &DefElem) -> Vec<String> {
    match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::TypeName(t)) => nodes::strings(&t.names),
        Some(NodeEnum::List(l)) => nodes::strings(&l.items),
        Some(NodeEnum::String(s)) => vec![s.sval.clone()],
        _ => Vec::new(),
    }
}

fn def_elems(list: &[Node]) -> impl Iterator<Item = &DefElem> {
    list.iter().filter_map(|n| match n.node.as_ref() {
        Some(NodeEnum::DefElem(d)) => Some(d.as_ref()),
        _ => None,
    })
}

fn display(names: &[String]) -> String {
    names.join(".")
}

impl Reader<'_> {
    fn ts_name(&self, names: &[String]) -> Res<QualifiedName> {
        match split_names(names) {
            Some(("", name)) => Ok(QualifiedName::new(self.creation_schema(), name)),
            Some((schema, name)) => Ok(QualifiedName::new(schema, name)),
            None => Err("invalid name".into()),
        }
    }

    fn find_configuration(&self, names: &[String]) -> Option<QualifiedName> {
        let (schema, name) = split_names(names)?;
        self.resolve(schema, name, |q| {
            self.schema.text_search_configurations.contains_key(q)
        })
    }

    fn find_dictionary(&self, names: &[String]) -> Option<QualifiedName> {
        let (schema, name) = split_names(names)?;
        self.resolve(schema, name, |q| {
            self.schema.text_search_dictionaries.contains_key(q)
        })
    }

    /// A dictionary a mapping names: one the files create, a built-in one, or one of a
    /// created extension.
    fn dictionary(&self, names: &[String]) -> Res<QualifiedName> {
        let (schema, name) = split_names(names).ok_or("invalid dictionary name")?;
        if (schema.is_empty() || schema == "pg_catalog") && is_built_in_dictionary(name) {
            return Ok(QualifiedName::new("pg_catalog", name));
        }
        if let Some(found) = self.find_dictionary(names) {
            return Ok(found);
        }
        self.extension_object(schema, name, |e| Extension::known_dictionaries(&e.name))
            .ok_or_else(|| {
                format!(
                    "text search dictionary \"{}\" does not exist",
                    display(names)
                )
            })
    }

    /// An object of `name` that a created extension provides, in the extension's schema.
    fn extension_object(
        &self,
        schema: &str,
        name: &str,
        provides: impl Fn(&Extension) -> &'static [&'static str],
    ) -> Option<QualifiedName> {
        self.schema
            .extensions
            .values()
            .filter(|e| schema.is_empty() || e.schema == schema)
            .find(|e| provides(e).contains(&name))
            .map(|e| QualifiedName::new(e.schema.as_str(), name))
    }

    fn template(&self, names: &[String]) -> Res<QualifiedName> {
        let (schema, name) = split_names(names).ok_or("invalid template name")?;
        if (schema.is_empty() || schema == "pg_catalog") && BUILT_IN_TEMPLATES.contains(&name) {
            return Ok(QualifiedName::new("pg_catalog", name));
        }
        if let Some(found) =
            self.extension_object(schema, name, |e| Extension::known_templates(&e.name))
        {
            return Ok(found);
        }
        self.ts_name(names)
    }

    pub(crate) fn define_text_search(&mut self, stmt: &DefineStmt) -> Res<()> {
        let name = self.ts_name(&nodes::strings(&stmt.defnames))?;
        self.require_namespace(&name.schema)?;
        if is_configuration(stmt.kind) {
            self.create_configuration(name, stmt)
        } else {
            self.create_dictionary(name, stmt)
        }
    }

    fn create_configuration(&mut self, name: QualifiedName, stmt: &DefineStmt) -> Res<()> {
        if self.schema.text_search_configurations.contains_key(&name) {
            return Err(format!(
                "text search configuration \"{name}\" already exists"
            ));
        }
        let mut configuration = TextSearchConfiguration {
            name: name.clone(),
            parser: QualifiedName::new("pg_catalog", "default"),
            mappings: BTreeMap::new(),
            comment: None,
        };
        for d in def_elems(&stmt.definition) {
            let names = option_names(d);
            match d.defname.as_str() {
                "parser" => {
                    configuration.parser = match split_names(&names) {
                        Some(("", "default")) => QualifiedName::new("pg_catalog", "default"),
                        _ => self.ts_name(&names)?,
                    };
                }
                "copy" => {
                    if let Some(source) = self.find_configuration(&names) {
                        let source = &self.schema.text_search_configurations[&source];
                        configuration.parser = source.parser.clone();
                        configuration.mappings = source.mappings.clone();
                        continue;
                    }
                    let built_in = match split_names(&names) {
                        Some(("" | "pg_catalog", n)) => built_in_configuration(n),
                        _ => None,
                    };
                    configuration.mappings = built_in.ok_or_else(|| {
                        format!(
                            "text search configuration \"{}\" does not exist",
                            display(&names)
                        )
                    })?;
                }
                other => {
                    return Err(format!(
                        "text search configuration parameter \"{other}\" not recognized"
                    ));
                }
            }
        }
        self.schema
            .text_search_configurations
            .insert(name, configuration);
        Ok(())
    }

    fn create_dictionary(&mut self, name: QualifiedName, stmt: &DefineStmt) -> Res<()> {
        if self.schema.text_search_dictionaries.contains_key(&name) {
            return Err(format!("text search dictionary \"{name}\" already exists"));
        }
        let mut template = None;
        let mut options = BTreeMap::new();
        for d in def_elems(&stmt.definition) {
            if d.defname == "template" {
                template = Some(self.template(&option_names(d))?);
            } else {
                let value =
                    option_value(d).ok_or_else(|| format!("{} requires a value", d.defname))?;
                options.insert(d.defname.clone(), value);
            }
        }
        let template = template.ok_or("text search template is required")?;
        self.schema.text_search_dictionaries.insert(
            name.clone(),
            TextSearchDictionary {
                name,
                template,
                options,
                comment: None,
            },
        );
        Ok(())
    }

    pub(crate) fn alter_text_search_dictionary(&mut self, stmt: &AlterTsDictionaryStmt) -> Res<()> {
        let names = nodes::strings(&stmt.dictname);
        let found = self.find_dictionary(&names).ok_or_else(|| {
            format!(
                "text search dictionary \"{}\" does not exist",
                display(&names)
            )
        })?;
        let dictionary = self
            .schema
            .text_search_dictionaries
            .get_mut(&found)
            .expect("found above");
        for d in def_elems(&stmt.options) {
            match option_value(d) {
                Some(value) => {
                    dictionary.options.insert(d.defname.clone(), value);
                }
                None => {
                    dictionary.options.remove(&d.defname);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn alter_text_search_configuration(
        &mut self,
        stmt: &AlterTsConfigurationStmt,
    ) -> Res<()> {
        let names = nodes::strings(&stmt.cfgname);
        let Some(found) = self.find_configuration(&names) else {
            return Err(format!(
                "text search configuration \"{}\" does not exist",
                display(&names)
            ));
        };
        let dicts = stmt
            .dicts
            .iter()
            .map(|d| self.dictionary(&names_of(Some(d))))
            .collect::<Res<Vec<_>>>()?;
        let tokens = nodes::strings(&stmt.tokentype);
        let configuration = self
            .schema
            .text_search_configurations
            .get_mut(&found)
            .expect("found above");
        if configuration.parser == QualifiedName::new("pg_catalog", "default")
            && let Some(t) = tokens
                .iter()
                .find(|t| !DEFAULT_PARSER_TOKENS.contains(&t.as_str()))
        {
            return Err(format!("token type \"{t}\" does not exist"));
        }
        let kind = AlterTsConfigType::try_from(stmt.kind).unwrap_or_default();
        match kind {
            AlterTsConfigType::AlterTsconfigAddMapping
            | AlterTsConfigType::AlterTsconfigAlterMappingForToken => {
                for t in &tokens {
                    if kind == AlterTsConfigType::AlterTsconfigAddMapping
                        && configuration.mappings.contains_key(t)
                    {
                        return Err(format!(
                            "mapping for token type \"{t}\" already exists in text search configuration \"{found}\""
                        ));
                    }
                    configuration.mappings.insert(t.clone(), dicts.clone());
                }
            }
            AlterTsConfigType::AlterTsconfigReplaceDict
            | AlterTsConfigType::AlterTsconfigReplaceDictForToken => {
                let [old, new] = dicts.as_slice() else {
                    return Err("REPLACE names one dictionary and its replacement".into());
                };
                for (t, mapped) in configuration.mappings.iter_mut() {
                    if !tokens.is_empty() && !tokens.contains(t) {
                        continue;
                    }
                    for d in mapped.iter_mut().filter(|d| *d == old) {
                        *d = new.clone();
                    }
                }
            }
            AlterTsConfigType::AlterTsconfigDropMapping => {
                for t in &tokens {
                    if configuration.mappings.remove(t).is_none() && !stmt.missing_ok {
                        return Err(format!("mapping for token type \"{t}\" does not exist"));
                    }
                }
            }
            AlterTsConfigType::AlterTsconfigTypeUndefined => {}
        }
        Ok(())
    }

    pub(crate) fn drop_text_search(&mut self, stmt: &DropStmt) -> Res<()> {
        let cascade = stmt.behavior == pg_query::protobuf::DropBehavior::DropCascade as i32;
        for object in &stmt.objects {
            let names = names_of(Some(object));
            if is_configuration(stmt.remove_type) {
                match self.find_configuration(&names) {
                    Some(q) => {
                        self.schema.text_search_configurations.remove(&q);
                    }
                    None if stmt.missing_ok => {}
                    None => {
                        return Err(format!(
                            "text search configuration \"{}\" does not exist",
                            display(&names)
                        ));
                    }
                }
                continue;
            }
            let Some(q) = self.find_dictionary(&names) else {
                if stmt.missing_ok {
                    continue;
                }
                return Err(format!(
                    "text search dictionary \"{}\" does not exist",
                    display(&names)
                ));
            };
            let users: Vec<QualifiedName> = self
                .schema
                .text_search_configurations
                .values()
                .filter(|c| c.mappings.values().flatten().any(|d| *d == q))
                .map(|c| c.name.clone())
                .collect();
            if let Some(user) = users.first()
                && !cascade
            {
                return Err(format!(
                    "cannot drop text search dictionary {q} because text search configuration {user} depends on it"
                ));
            }
            for user in users {
                self.schema.text_search_configurations.remove(&user);
            }
            self.schema.text_search_dictionaries.remove(&q);
        }
        Ok(())
    }

    pub(crate) fn comment_text_search(&mut self, stmt: &CommentStmt) -> Res<()> {
        let names = names_of(stmt.object.as_deref());
        let comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        if is_configuration(stmt.objtype) {
            let q = self.find_configuration(&names).ok_or_else(|| {
                format!(
                    "text search configuration \"{}\" does not exist",
                    display(&names)
                )
            })?;
            if let Some(c) = self.schema.text_search_configurations.get_mut(&q) {
                c.comment = comment;
            }
        } else {
            let q = self.find_dictionary(&names).ok_or_else(|| {
                format!(
                    "text search dictionary \"{}\" does not exist",
                    display(&names)
                )
            })?;
            if let Some(d) = self.schema.text_search_dictionaries.get_mut(&q) {
                d.comment = comment;
            }
        }
        Ok(())
    }

    pub(crate) fn rename_text_search(&mut self, stmt: &RenameStmt) -> Res<()> {
        self.move_text_search(
            stmt.rename_type,
            stmt.object.as_deref(),
            stmt.missing_ok,
            |q| QualifiedName::new(q.schema.as_str(), stmt.newname.as_str()),
        )
    }

    pub(crate) fn set_text_search_schema(&mut self, stmt: &AlterObjectSchemaStmt) -> Res<()> {
        self.require_namespace(&stmt.newschema)?;
        self.move_text_search(
            stmt.object_type,
            stmt.object.as_deref(),
            stmt.missing_ok,
            |q| QualifiedName::new(stmt.newschema.as_str(), q.name.as_str()),
        )
    }

    /// Renames or moves a configuration or dictionary; the configurations mapping to a
    /// moved dictionary follow it.
    fn move_text_search(
        &mut self,
        kind: i32,
        object: Option<&Node>,
        missing_ok: bool,
        to: impl Fn(&QualifiedName) -> QualifiedName,
    ) -> Res<()> {
        let names = names_of(object);
        let what = if is_configuration(kind) {
            "configuration"
        } else {
            "dictionary"
        };
        let found = if is_configuration(kind) {
            self.find_configuration(&names)
        } else {
            self.find_dictionary(&names)
        };
        let Some(from) = found else {
            if missing_ok {
                return Ok(());
            }
            return Err(format!(
                "text search {what} \"{}\" does not exist",
                display(&names)
            ));
        };
        let new = to(&from);
        let taken = if is_configuration(kind) {
            self.schema.text_search_configurations.contains_key(&new)
        } else {
            self.schema.text_search_dictionaries.contains_key(&new)
        };
        if taken {
            return Err(format!("text search {what} \"{new}\" already exists"));
        }
        if is_configuration(kind) {
            let mut c = self
                .schema
                .text_search_configurations
                .remove(&from)
                .expect("found above");
            c.name = new.clone();
            self.schema.text_search_configurations.insert(new, c);
            return Ok(());
        }
        let mut d = self
            .schema
            .text_search_dictionaries
            .remove(&from)
            .expect("found above");
        d.name = new.clone();
        self.schema.text_search_dictionaries.insert(new.clone(), d);
        for c in self.schema.text_search_configurations.values_mut() {
            for mapped in c.mappings.values_mut().flatten() {
                if *mapped == from {
                    *mapped = new.clone();
                }
            }
        }
        Ok(())
    }
}

//! `CREATE EXTENSION`, `ALTER EXTENSION … UPDATE TO` / `SET SCHEMA` and `DROP EXTENSION`, and
//! the resolution of unqualified type names to the types well-known extensions create (so a
//! `citext` column after `CREATE EXTENSION citext` is `public.citext`).

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterExtensionStmt, AlterObjectSchemaStmt, CreateExtensionStmt, DropStmt, ObjectType,
};
use schema_ir::{Extension, QualifiedName, quote_ident};

/// `(defname, text of the argument)` of the `DefElem` options of an extension statement.
fn options(options: &[pg_query::protobuf::Node]) -> Vec<(String, Option<String>)> {
    options
        .iter()
        .filter_map(|o| match o.node.as_ref() {
            Some(NodeEnum::DefElem(d)) => Some((
                d.defname.clone(),
                d.arg.as_deref().and_then(nodes::constant_text),
            )),
            _ => None,
        })
        .collect()
}

impl Reader<'_> {
    pub(crate) fn create_extension(&mut self, stmt: &CreateExtensionStmt) -> Res<()> {
        // plpgsql lives in pg_catalog in every database (`CREATE LANGUAGE plpgsql` in old
        // dumps parses as this statement); it is not managed.
        if stmt.extname == "plpgsql" {
            return Ok(());
        }
        if self.schema.extensions.contains_key(&stmt.extname) {
            if stmt.if_not_exists {
                return Ok(());
            }
            return Err(format!(
                "extension {} already exists",
                quote_ident(&stmt.extname)
            ));
        }
        let mut schema = None;
        let mut version = None;
        for (name, value) in options(&stmt.options) {
            match name.as_str() {
                "schema" => schema = value,
                "new_version" => version = value,
                "cascade" => self
                    .warn("CASCADE: extensions it installs are not read; create them explicitly"),
                _ => {}
            }
        }
        let schema = schema.unwrap_or_else(|| self.creation_schema());
        if !self.schema.namespaces.contains_key(&schema) {
            return Err(format!("schema {} does not exist", quote_ident(&schema)));
        }
        self.schema.extensions.insert(
            stmt.extname.clone(),
            Extension {
                name: stmt.extname.clone(),
                schema,
                version,
            },
        );
        Ok(())
    }

    /// `ALTER EXTENSION … UPDATE [TO v]`; other forms (ADD/DROP member) are not managed.
    pub(crate) fn alter_extension(&mut self, stmt: &AlterExtensionStmt) -> Res<()> {
        let Some(extension) = self.schema.extensions.get_mut(&stmt.extname) else {
            return Err(format!(
                "extension {} does not exist",
                quote_ident(&stmt.extname)
            ));
        };
        for (name, value) in options(&stmt.options) {
            if name == "new_version" {
                extension.version = value;
            }
        }
        Ok(())
    }

    /// `ALTER EXTENSION … SET SCHEMA s`.
    pub(crate) fn set_extension_schema(&mut self, stmt: &AlterObjectSchemaStmt) -> Res<()> {
        let name = stmt
            .object
            .as_deref()
            .and_then(nodes::string)
            .unwrap_or_default()
            .to_string();
        if !self.schema.namespaces.contains_key(&stmt.newschema) {
            return Err(format!(
                "schema {} does not exist",
                quote_ident(&stmt.newschema)
            ));
        }
        let extension = self
            .schema
            .extensions
            .get_mut(&name)
            .ok_or_else(|| format!("extension {} does not exist", quote_ident(&name)))?;
        extension.schema = stmt.newschema.clone();
        Ok(())
    }

    pub(crate) fn drop_extension(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let name = nodes::string(object).unwrap_or_default().to_string();
            if self.schema.extensions.remove(&name).is_none() && !stmt.missing_ok {
                return Err(format!("extension {} does not exist", quote_ident(&name)));
            }
        }
        Ok(())
    }

    /// The type an extension on the search path provides under the unqualified `name`.
    pub(crate) fn find_extension_type(&self, name: &str) -> Option<QualifiedName> {
        self.resolve("", name, |q| {
            self.schema
                .extensions
                .values()
                .any(|e| e.schema == q.schema && Extension::known_types(&e.name).contains(&name))
        })
    }
}

/// Whether a statement is about an extension (`DROP EXTENSION`, `ALTER EXTENSION … SET SCHEMA`).
pub(crate) fn is_extension_object(object_type: i32) -> bool {
    ObjectType::try_from(object_type) == Ok(ObjectType::ObjectExtension)
}

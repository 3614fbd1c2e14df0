//! Row-level security: `CREATE|ALTER|DROP POLICY`, `ALTER POLICY … RENAME`, `COMMENT ON
//! POLICY`, and the table options set by `ALTER TABLE` (`ENABLE|DISABLE|FORCE|NO FORCE ROW
//! LEVEL SECURITY`, `SET LOGGED|UNLOGGED`, `SET|RESET (storage parameter)`, `REPLICA
//! IDENTITY`). `CURRENT_USER` and the like in `TO` are kept as written: the catalog stores
//! the role they named, which a file cannot know.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterPolicyStmt, AlterTableType, CreatePolicyStmt, DefElem, DropStmt, Node, ObjectType,
    RenameStmt, RoleSpecType,
};
use schema_ir::{Policy, PolicyCommand, QualifiedName, ReplicaIdentity};

pub(crate) fn is_policy_object(value: i32) -> bool {
    ObjectType::try_from(value) == Ok(ObjectType::ObjectPolicy)
}

/// The sorted role names of a `TO` list (`public` when empty).
fn roles(list: &[Node]) -> Vec<String> {
    let mut out: Vec<String> = list
        .iter()
        .filter_map(|r| match r.node.as_ref() {
            Some(NodeEnum::RoleSpec(r)) => Some(match RoleSpecType::try_from(r.roletype) {
                Ok(RoleSpecType::RolespecPublic) => "public".to_string(),
                Ok(RoleSpecType::RolespecCurrentUser) => "current_user".to_string(),
                Ok(RoleSpecType::RolespecCurrentRole) => "current_role".to_string(),
                Ok(RoleSpecType::RolespecSessionUser) => "session_user".to_string(),
                _ => r.rolename.clone(),
            }),
            _ => None,
        })
        .collect();
    if out.is_empty() {
        out.push("public".into());
    }
    out.sort();
    out.dedup();
    out
}

/// Storage parameters of a `WITH (…)` / `SET (…)` list: name → value as written.
pub(crate) fn storage_parameters(options: &[Node]) -> Vec<(String, Option<String>, String)> {
    options
        .iter()
        .filter_map(|o| match o.node.as_ref() {
            Some(NodeEnum::DefElem(d)) => Some(parameter(d)),
            _ => None,
        })
        .collect()
}

fn parameter(d: &DefElem) -> (String, Option<String>, String) {
    let value = d
        .arg
        .as_deref()
        .and_then(nodes::constant_text)
        .unwrap_or_else(|| "true".to_string());
    let namespace = (!d.defnamespace.is_empty()).then(|| d.defnamespace.clone());
    (d.defname.clone(), namespace, value)
}

impl Reader<'_> {
    pub(crate) fn create_policy(&mut self, stmt: &CreatePolicyStmt) -> Res<()> {
        let rv = stmt.table.as_ref().ok_or("CREATE POLICY without a table")?;
        let table = self.table(rv)?;
        let using = self.optional_table_expr(stmt.qual.as_deref(), &table)?;
        let with_check = self.optional_table_expr(stmt.with_check.as_deref(), &table)?;
        let policy = Policy {
            name: stmt.policy_name.clone(),
            permissive: stmt.permissive,
            command: PolicyCommand::parse(&stmt.cmd_name).unwrap_or(PolicyCommand::All),
            roles: roles(&stmt.roles),
            using,
            with_check,
            comment: None,
        };
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        if t.policies.contains_key(&policy.name) {
            return Err(format!(
                "policy \"{}\" for table {table} already exists",
                policy.name
            ));
        }
        t.policies.insert(policy.name.clone(), policy);
        Ok(())
    }

    fn policy_mut(&mut self, table: &QualifiedName, name: &str) -> Res<&mut Policy> {
        self.schema
            .tables
            .get_mut(table)
            .and_then(|t| t.policies.get_mut(name))
            .ok_or_else(|| format!("policy \"{name}\" for table {table} does not exist"))
    }

    pub(crate) fn alter_policy(&mut self, stmt: &AlterPolicyStmt) -> Res<()> {
        let rv = stmt.table.as_ref().ok_or("ALTER POLICY without a table")?;
        let table = self.table(rv)?;
        let using = self.optional_table_expr(stmt.qual.as_deref(), &table)?;
        let with_check = self.optional_table_expr(stmt.with_check.as_deref(), &table)?;
        let policy = self.policy_mut(&table, &stmt.policy_name)?;
        if !stmt.roles.is_empty() {
            policy.roles = roles(&stmt.roles);
        }
        if using.is_some() {
            policy.using = using;
        }
        if with_check.is_some() {
            policy.with_check = with_check;
        }
        Ok(())
    }

    /// The table and policy name of `[schema.]table.policy`.
    fn policy_of(&self, object: Option<&Node>) -> Res<Option<(QualifiedName, String)>> {
        let names = match object.and_then(|o| o.node.as_ref()) {
            Some(NodeEnum::List(l)) => nodes::strings(&l.items),
            _ => Vec::new(),
        };
        let (policy, table) = names.split_last().ok_or("invalid policy name")?;
        let (schema, name) = super::split_names(table).ok_or("invalid policy name")?;
        let Some(table) = self.resolve(schema, name, |q| self.schema.tables.contains_key(q)) else {
            return Ok(None);
        };
        let exists = self.schema.tables[&table].policies.contains_key(policy);
        Ok(exists.then(|| (table, policy.clone())))
    }

    pub(crate) fn drop_policy(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            match self.policy_of(Some(object))? {
                Some((table, name)) => {
                    if let Some(t) = self.schema.tables.get_mut(&table) {
                        t.policies.remove(&name);
                    }
                }
                None if stmt.missing_ok => {}
                None => return Err("policy does not exist".into()),
            }
        }
        Ok(())
    }

    pub(crate) fn comment_policy(&mut self, object: Option<&Node>, comment: &str) -> Res<()> {
        let (table, name) = self.policy_of(object)?.ok_or("policy does not exist")?;
        self.policy_mut(&table, &name)?.comment =
            (!comment.is_empty()).then(|| comment.to_string());
        Ok(())
    }

    pub(crate) fn rename_policy(&mut self, stmt: &RenameStmt) -> Res<()> {
        let rv = stmt
            .relation
            .as_ref()
            .ok_or("ALTER POLICY without a table")?;
        let table = self.table(rv)?;
        let mut policy = self.policy_mut(&table, &stmt.subname)?.clone();
        let t = self.schema.tables.get_mut(&table).ok_or("table vanished")?;
        t.policies.remove(&policy.name);
        policy.name = stmt.newname.clone();
        t.policies.insert(policy.name.clone(), policy);
        Ok(())
    }

    /// The table-option subcommands of `ALTER TABLE`; returns whether `subtype` was one.
    pub(crate) fn alter_table_option(
        &mut self,
        table: &QualifiedName,
        subtype: AlterTableType,
        def: Option<&Node>,
    ) -> Res<bool> {
        let options: Vec<Node> = match def.and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::List(l)) => l.items.clone(),
            _ => Vec::new(),
        };
        let replica = match def.and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::ReplicaIdentityStmt(r)) => Some(match r.identity_type.as_str() {
                "n" => ReplicaIdentity::Nothing,
                "f" => ReplicaIdentity::Full,
                "i" => ReplicaIdentity::Index(r.name.clone()),
                _ => ReplicaIdentity::Default,
            }),
            _ => None,
        };
        let mut warnings = Vec::new();
        let t = self.schema.tables.get_mut(table).ok_or("table vanished")?;
        match subtype {
            AlterTableType::AtEnableRowSecurity => t.row_security = true,
            AlterTableType::AtDisableRowSecurity => t.row_security = false,
            AlterTableType::AtForceRowSecurity => t.force_row_security = true,
            AlterTableType::AtNoForceRowSecurity => t.force_row_security = false,
            AlterTableType::AtSetLogged => t.unlogged = false,
            AlterTableType::AtSetUnLogged => t.unlogged = true,
            AlterTableType::AtSetRelOptions => {
                for (name, namespace, value) in storage_parameters(&options) {
                    match namespace {
                        None => {
                            t.storage.insert(name, value);
                        }
                        Some(ns) => warnings.push(format!("{ns}.{name} is not managed; ignored")),
                    }
                }
            }
            AlterTableType::AtResetRelOptions => {
                for (name, namespace, _) in storage_parameters(&options) {
                    if namespace.is_none() {
                        t.storage.remove(&name);
                    }
                }
            }
            AlterTableType::AtReplicaIdentity => {
                t.replica_identity = replica.unwrap_or_default();
            }
            _ => return Ok(false),
        }
        for w in warnings {
            self.warn(w);
        }
        Ok(true)
    }
}

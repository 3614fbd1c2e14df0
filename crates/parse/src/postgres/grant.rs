//! `GRANT` and `REVOKE` on schemas, tables and views (and their columns), sequences and
//! routines, including `ON ALL TABLES|SEQUENCES|FUNCTIONS IN SCHEMA` (expanded to the objects
//! that exist at that point, as PostgreSQL does). Grants whose object no longer exists are
//! forgotten at the end of each source.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{GrantStmt, GrantTargetType, Node, ObjectType, RoleSpecType};
use schema_ir::{Grant, GrantTarget, all_privileges};

fn grantee(node: &Node) -> Option<String> {
    let Some(NodeEnum::RoleSpec(r)) = node.node.as_ref() else {
        return None;
    };
    Some(match RoleSpecType::try_from(r.roletype) {
        Ok(RoleSpecType::RolespecPublic) => "public".to_string(),
        Ok(RoleSpecType::RolespecCurrentUser) => "current_user".to_string(),
        Ok(RoleSpecType::RolespecCurrentRole) => "current_role".to_string(),
        Ok(RoleSpecType::RolespecSessionUser) => "session_user".to_string(),
        _ => r.rolename.clone(),
    })
}

impl Reader<'_> {
    /// The default privileges of a new routine: `PUBLIC` may execute it.
    pub(crate) fn grant_default_execute(&mut self, signature: &str) {
        self.schema.grants.insert(Grant {
            target: GrantTarget::Function(signature.to_string()),
            grantee: "public".into(),
            privilege: "EXECUTE".into(),
            with_grant_option: false,
        });
    }

    /// Drops grants whose object no longer exists.
    pub(crate) fn forget_orphan_grants(&mut self) {
        let s = &*self.schema;
        let orphan = |g: &Grant| match &g.target {
            GrantTarget::Schema(n) => !s.namespaces.contains_key(n),
            GrantTarget::Relation(r) => !s.tables.contains_key(r) && !s.views.contains_key(r),
            GrantTarget::Column(r, c) => match (s.tables.get(r), s.views.get(r)) {
                (Some(t), _) => t.column(c).is_none(),
                (None, Some(v)) => !v.columns.contains(c),
                (None, None) => true,
            },
            GrantTarget::Sequence(q) => !s.sequences.contains_key(q),
            GrantTarget::Function(f) => !s.functions.contains_key(f),
        };
        let gone: Vec<Grant> = s.grants.iter().filter(|g| orphan(g)).cloned().collect();
        for g in gone {
            self.schema.grants.remove(&g);
        }
    }

    /// The objects a `GRANT`/`REVOKE` names, or `None` when their kind is not managed.
    fn grant_targets(&mut self, stmt: &GrantStmt) -> Res<Option<Vec<GrantTarget>>> {
        let kind = ObjectType::try_from(stmt.objtype).unwrap_or(ObjectType::Undefined);
        let mut out = Vec::new();
        if GrantTargetType::try_from(stmt.targtype) == Ok(GrantTargetType::AclTargetAllInSchema) {
            for schema in stmt.objects.iter().filter_map(nodes::string) {
                match kind {
                    ObjectType::ObjectTable => {
                        out.extend(
                            self.schema
                                .tables
                                .keys()
                                .chain(self.schema.views.keys())
                                .filter(|q| q.schema == schema)
                                .cloned()
                                .map(GrantTarget::Relation),
                        );
                    }
                    ObjectType::ObjectSequence => out.extend(
                        self.schema
                            .sequences
                            .keys()
                            .filter(|q| q.schema == schema)
                            .cloned()
                            .map(GrantTarget::Sequence),
                    ),
                    ObjectType::ObjectFunction
                    | ObjectType::ObjectProcedure
                    | ObjectType::ObjectRoutine => out.extend(
                        self.schema
                            .functions
                            .iter()
                            .filter(|(_, f)| {
                                f.name.schema == schema
                                    && match kind {
                                        ObjectType::ObjectFunction => !f.procedure,
                                        ObjectType::ObjectProcedure => f.procedure,
                                        _ => true,
                                    }
                            })
                            .map(|(sig, _)| GrantTarget::Function(sig.clone())),
                    ),
                    _ => return Ok(None),
                }
            }
            return Ok(Some(out));
        }
        if GrantTargetType::try_from(stmt.targtype) != Ok(GrantTargetType::AclTargetObject) {
            return Ok(None);
        }
        for object in &stmt.objects {
            let target = match (kind, object.node.as_ref()) {
                (
                    ObjectType::ObjectTable | ObjectType::ObjectSequence,
                    Some(NodeEnum::RangeVar(rv)),
                ) => {
                    if let Some(q) = self.find_sequence(rv) {
                        GrantTarget::Sequence(q)
                    } else if let Some(q) = self.find_table(rv).or_else(|| {
                        self.resolve(&rv.schemaname, &rv.relname, |q| {
                            self.schema.views.contains_key(q)
                        })
                    }) {
                        GrantTarget::Relation(q)
                    } else if self.is_unmanaged(rv) {
                        continue;
                    } else {
                        return Err(format!("relation {} does not exist", super::display_rv(rv)));
                    }
                }
                (
                    ObjectType::ObjectFunction
                    | ObjectType::ObjectProcedure
                    | ObjectType::ObjectRoutine,
                    Some(NodeEnum::ObjectWithArgs(owa)),
                ) => match self.find_routine(owa)? {
                    Some(signature) => GrantTarget::Function(signature),
                    None => continue,
                },
                (ObjectType::ObjectSchema, Some(NodeEnum::String(s))) => {
                    if s.sval == "public" {
                        self.warn("privileges on schema public differ between server versions; not managed");
                        continue;
                    }
                    GrantTarget::Schema(s.sval.clone())
                }
                _ => return Ok(None),
            };
            out.push(target);
        }
        Ok(Some(out))
    }

    pub(crate) fn grant(&mut self, stmt: &GrantStmt) -> Res<()> {
        let Some(targets) = self.grant_targets(stmt)? else {
            self.warn("GRANT/REVOKE on this kind of object is not managed; statement ignored");
            return Ok(());
        };
        let grantees: Vec<String> = stmt.grantees.iter().filter_map(grantee).collect();
        // (privilege, columns); an empty list is ALL.
        let mut privileges: Vec<(Option<String>, Vec<String>)> = Vec::new();
        for p in &stmt.privileges {
            if let Some(NodeEnum::AccessPriv(p)) = p.node.as_ref() {
                let name = p.priv_name.to_uppercase();
                let name = (!name.is_empty() && name != "ALL").then_some(name);
                privileges.push((name, nodes::strings(&p.cols)));
            }
        }
        if privileges.is_empty() {
            privileges.push((None, Vec::new()));
        }
        for target in targets {
            for (privilege, columns) in &privileges {
                let targets: Vec<GrantTarget> = match (&target, columns.is_empty()) {
                    (_, true) => vec![target.clone()],
                    (GrantTarget::Relation(r), false) => columns
                        .iter()
                        .map(|c| GrantTarget::Column(r.clone(), c.clone()))
                        .collect(),
                    _ => return Err("column privileges need a table".into()),
                };
                for t in targets {
                    let names: Vec<String> = match privilege {
                        Some(p) if p == "MAINTAIN" => continue,
                        Some(p) => vec![p.clone()],
                        None => all_privileges(&t).iter().map(|p| p.to_string()).collect(),
                    };
                    for name in names {
                        for who in &grantees {
                            self.apply_grant(&t, who, &name, stmt.is_grant, stmt.grant_option);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn apply_grant(
        &mut self,
        target: &GrantTarget,
        grantee: &str,
        privilege: &str,
        grant: bool,
        option: bool,
    ) {
        let plain = Grant {
            target: target.clone(),
            grantee: grantee.to_string(),
            privilege: privilege.to_string(),
            with_grant_option: false,
        };
        let optioned = Grant {
            with_grant_option: true,
            ..plain.clone()
        };
        let had_option = self.schema.grants.contains(&optioned);
        let had = had_option || self.schema.grants.contains(&plain);
        self.schema.grants.remove(&plain);
        self.schema.grants.remove(&optioned);
        let keep = match (grant, option) {
            (true, true) => Some(optioned),
            (true, false) if had_option => Some(optioned),
            (true, false) => Some(plain),
            // REVOKE GRANT OPTION FOR keeps the privilege itself.
            (false, true) if had => Some(plain),
            (false, _) => None,
        };
        self.schema.grants.extend(keep);
    }

    /// Moves the grants of a renamed object to its new name.
    pub(crate) fn retarget_grants(&mut self, rename: impl Fn(&GrantTarget) -> Option<GrantTarget>) {
        let moved: Vec<(Grant, Grant)> = self
            .schema
            .grants
            .iter()
            .filter_map(|g| {
                rename(&g.target).map(|target| {
                    (
                        g.clone(),
                        Grant {
                            target,
                            ..g.clone()
                        },
                    )
                })
            })
            .collect();
        for (old, new) in moved {
            self.schema.grants.remove(&old);
            self.schema.grants.insert(new);
        }
    }
}

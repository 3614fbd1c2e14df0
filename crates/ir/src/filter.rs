//! Which objects a run manages: a list of schemas (empty means all) and exclusion globs
//! over qualified names (`public.tmp_*`, `*.audit_log`; `*` matches any run of characters,
//! `?` one character). The same filter is applied to schemas read from files so that both
//! sides of a comparison cover the same objects.

use crate::{QualifiedName, Schema};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectFilter {
    pub schemas: Vec<String>,
    pub exclude: Vec<String>,
    /// Whether privileges are managed (`--with-privileges`); without it they are left out.
    pub privileges: bool,
}

impl ObjectFilter {
    /// Whether the filter keeps every object (all schemas, no exclusions, privileges too).
    pub fn keeps_everything(&self) -> bool {
        self.schemas.is_empty() && self.exclude.is_empty() && self.privileges
    }

    pub fn includes_schema(&self, schema: &str) -> bool {
        self.schemas.is_empty() || self.schemas.iter().any(|s| s == schema)
    }

    /// Whether an object of this name is managed.
    pub fn includes(&self, name: &QualifiedName) -> bool {
        let text = format!("{}.{}", name.schema, name.name);
        self.includes_schema(&name.schema) && !self.exclude.iter().any(|g| glob_matches(g, &text))
    }

    /// `schema` without the objects this filter leaves alone.
    pub fn apply(&self, schema: Schema) -> Schema {
        if self.keeps_everything() {
            return schema;
        }
        let mut kept = schema;
        if !self.privileges {
            kept.grants.clear();
        }
        kept.namespaces.retain(|name, _| {
            self.includes_schema(name) && !self.exclude.iter().any(|g| glob_matches(g, name))
        });
        kept.enums.retain(|name, _| self.includes(name));
        kept.sequences.retain(|name, _| self.includes(name));
        kept.tables.retain(|name, _| self.includes(name));
        kept.views.retain(|name, _| self.includes(name));
        kept.domains.retain(|name, _| self.includes(name));
        kept.composite_types.retain(|name, _| self.includes(name));
        kept.collations.retain(|name, _| self.includes(name));
        kept.text_search_dictionaries
            .retain(|name, _| self.includes(name));
        kept.text_search_configurations
            .retain(|name, _| self.includes(name));
        kept.functions.retain(|_, f| self.includes(&f.name));
        kept.event_triggers
            .retain(|_, e| self.includes_schema(&e.function.schema));
        for p in kept.publications.values_mut() {
            p.tables.retain(|name, _| self.includes(name));
            p.schemas.retain(|s| self.includes_schema(s));
        }
        kept.aggregates.retain(|_, a| self.includes(&a.name));
        let (namespaces, functions) = (&kept.namespaces, &kept.functions);
        let (tables, views, sequences) = (&kept.tables, &kept.views, &kept.sequences);
        let grants = kept
            .grants
            .iter()
            .filter(|g| match &g.target {
                crate::GrantTarget::Schema(s) => namespaces.contains_key(s),
                crate::GrantTarget::Relation(r) | crate::GrantTarget::Column(r, _) => {
                    tables.contains_key(r) || views.contains_key(r)
                }
                crate::GrantTarget::Sequence(s) => sequences.contains_key(s),
                crate::GrantTarget::Function(f) => functions.contains_key(f),
            })
            .cloned()
            .collect();
        kept.grants = grants;
        kept.extensions.retain(|name, e| {
            self.includes_schema(&e.schema) && !self.exclude.iter().any(|g| glob_matches(g, name))
        });
        kept
    }
}

/// Matches `text` against a glob of `*` and `?` wildcards.
pub fn glob_matches(glob: &str, text: &str) -> bool {
    let pattern: Vec<char> = glob.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let (mut star, mut resume) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            resume = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            resume += 1;
            t = resume;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches("public.tmp_*", "public.tmp_x"));
        assert!(!glob_matches("public.tmp_*", "app.tmp_x"));
        assert!(glob_matches("*.audit_log", "app.audit_log"));
        assert!(glob_matches("a?c", "abc"));
        assert!(!glob_matches("a?c", "abbc"));
        assert!(glob_matches("*", ""));
        assert!(glob_matches("*a*b", "xxaxxb"));
    }

    #[test]
    fn filters_objects_and_namespaces() {
        let mut schema = Schema::postgres();
        for (s, t) in [("public", "keep"), ("public", "tmp_1"), ("app", "x")] {
            let name = QualifiedName::new(s, t);
            schema.tables.insert(name.clone(), crate::Table::new(name));
        }
        let filter = ObjectFilter {
            schemas: vec!["public".into()],
            exclude: vec!["public.tmp_*".into()],
            privileges: false,
        };
        let kept = filter.apply(schema.clone());
        let names: Vec<String> = kept.tables.keys().map(|n| n.to_string()).collect();
        assert_eq!(names, ["public.keep"]);
        assert!(kept.namespaces.contains_key("public"));
    }

    #[test]
    fn privileges_are_kept_only_when_managed() {
        let mut schema = Schema::postgres();
        let name = QualifiedName::new("public", "t");
        schema
            .tables
            .insert(name.clone(), crate::Table::new(name.clone()));
        for t in [name.clone(), QualifiedName::new("public", "gone")] {
            schema.grants.insert(crate::Grant {
                target: crate::GrantTarget::Relation(t),
                grantee: "app".into(),
                privilege: "SELECT".into(),
                with_grant_option: false,
            });
        }
        assert!(
            ObjectFilter::default()
                .apply(schema.clone())
                .grants
                .is_empty()
        );
        let managed = ObjectFilter {
            privileges: true,
            ..Default::default()
        };
        assert_eq!(managed.apply(schema.clone()).grants.len(), 2);
        let in_public = ObjectFilter {
            schemas: vec!["public".into()],
            privileges: true,
            ..Default::default()
        };
        assert_eq!(in_public.apply(schema.clone()).grants.len(), 1);
    }
}

//! Text search dictionaries and configurations, matched by name. A dictionary's options and
//! a configuration's mappings change in place; a new template or parser cannot, so the
//! object is dropped and created again, and a configuration mapping to a dictionary that is
//! created again goes with it.

use crate::{Change, CommentTarget};
use schema_ir::Schema;
use std::collections::BTreeSet;

pub(crate) fn diff_text_search(from: &Schema, to: &Schema, changes: &mut Vec<Change>) {
    let mut rebuilt = BTreeSet::new();
    for (name, new) in &to.text_search_dictionaries {
        let Some(old) = from.text_search_dictionaries.get(name) else {
            changes.push(Change::CreateTextSearchDictionary(new.clone()));
            continue;
        };
        if old.template != new.template {
            changes.push(Change::DropTextSearchDictionary(old.clone()));
            changes.push(Change::CreateTextSearchDictionary(new.clone()));
            rebuilt.insert(name.clone());
            continue;
        }
        if old.options != new.options {
            changes.push(Change::AlterTextSearchDictionary {
                from: old.clone(),
                to: new.clone(),
            });
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::TextSearchDictionary { name: name.clone() },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (name, old) in &from.text_search_dictionaries {
        if !to.text_search_dictionaries.contains_key(name) {
            changes.push(Change::DropTextSearchDictionary(old.clone()));
        }
    }
    for (name, new) in &to.text_search_configurations {
        let Some(old) = from.text_search_configurations.get(name) else {
            changes.push(Change::CreateTextSearchConfiguration(new.clone()));
            continue;
        };
        if old.parser != new.parser || old.mappings.values().flatten().any(|d| rebuilt.contains(d))
        {
            changes.push(Change::DropTextSearchConfiguration(old.clone()));
            changes.push(Change::CreateTextSearchConfiguration(new.clone()));
            continue;
        }
        if old.mappings != new.mappings {
            changes.push(Change::AlterTextSearchMappings {
                from: old.clone(),
                to: new.clone(),
            });
        }
        if old.comment != new.comment {
            changes.push(Change::SetComment {
                target: CommentTarget::TextSearchConfiguration { name: name.clone() },
                from: old.comment.clone(),
                to: new.comment.clone(),
            });
        }
    }
    for (name, old) in &from.text_search_configurations {
        if !to.text_search_configurations.contains_key(name) {
            changes.push(Change::DropTextSearchConfiguration(old.clone()));
        }
    }
}

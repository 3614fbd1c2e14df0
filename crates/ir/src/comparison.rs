//! The comparison form written without a copy: while [`comparing`] runs, the IR serializes
//! as [`crate::Schema::normalized`] would (every expression's text replaced by its key,
//! columns sorted by name, a materialized view's fill state left out), so a fingerprint
//! streams the schema into its digest instead of cloning it first.

use crate::expr::Expr;
use crate::table::Column;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use std::cell::Cell;

thread_local! {
    static COMPARING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the IR serializing in its comparison form on this thread.
pub(crate) fn comparing<T>(f: impl FnOnce() -> T) -> T {
    /// Restores the normal form, also when `f` panics.
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            COMPARING.set(self.0);
        }
    }
    let _reset = Reset(COMPARING.replace(true));
    f()
}

fn is_comparing() -> bool {
    COMPARING.get()
}

impl Serialize for Expr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sql = if is_comparing() { &self.key } else { &self.sql };
        let mut s = serializer.serialize_struct("Expr", 2)?;
        s.serialize_field("sql", sql)?;
        s.serialize_field("key", &self.key)?;
        s.end()
    }
}

/// A table's columns: in table order, or by name in the comparison form.
pub(crate) fn columns<S: Serializer>(columns: &[Column], serializer: S) -> Result<S::Ok, S::Error> {
    if is_comparing() {
        let mut sorted: Vec<&Column> = columns.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        sorted.serialize(serializer)
    } else {
        columns.serialize(serializer)
    }
}

/// Whether a materialized view's fill state is written: not in the comparison form.
pub(crate) fn skip_with_no_data(with_no_data: &bool) -> bool {
    !*with_no_data || is_comparing()
}

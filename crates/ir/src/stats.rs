//! Facts about live tables that are not part of a schema: PostgreSQL's estimate of the rows a
//! table holds and its size on disk. Hazards of steps on big tables cite them ("rewrites
//! `orders`, ≈ 41 M rows, 12 GB"); they are never compared or fingerprinted.

use crate::name::QualifiedName;
use std::collections::BTreeMap;

/// The size of one table, as `pg_class` estimates it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStats {
    /// Estimated rows (`reltuples`); `None` for a table never vacuumed or analyzed.
    pub rows: Option<f64>,
    /// Table, indexes and TOAST in bytes (`pg_total_relation_size`).
    pub bytes: i64,
}

/// Table sizes by table.
pub type TableSizes = BTreeMap<QualifiedName, TableStats>;

impl TableStats {
    /// `≈ 41 M rows, 12 GB`.
    pub fn describe(&self) -> String {
        let rows = match self.rows {
            Some(rows) => format!(
                "≈ {} rows",
                approximately(rows, 1000.0, &["", " k", " M", " G"])
            ),
            None => "rows unknown (never analyzed)".to_string(),
        };
        format!(
            "{rows}, {}",
            approximately(
                self.bytes as f64,
                1024.0,
                &[" bytes", " kB", " MB", " GB", " TB"]
            )
        )
    }
}

fn approximately(mut value: f64, step: f64, units: &[&str]) -> String {
    let mut unit = 0;
    while value >= step && unit + 1 < units.len() {
        value /= step;
        unit += 1;
    }
    if unit > 0 && value < 10.0 {
        format!("{value:.1}{}", units[unit])
    } else {
        format!("{value:.0}{}", units[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_psql() {
        let big = TableStats {
            rows: Some(41_200_000.0),
            bytes: 12 * 1024 * 1024 * 1024 + 300 * 1024 * 1024,
        };
        assert_eq!(big.describe(), "≈ 41 M rows, 12 GB");
        let small = TableStats {
            rows: Some(950.0),
            bytes: 8192,
        };
        assert_eq!(small.describe(), "≈ 950 rows, 8.0 kB");
        let fresh = TableStats {
            rows: None,
            bytes: 0,
        };
        assert_eq!(fresh.describe(), "rows unknown (never analyzed), 0 bytes");
    }
}

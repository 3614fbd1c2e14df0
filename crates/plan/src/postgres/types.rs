//! What a column type change costs in PostgreSQL: whether the table is rewritten (or the
//! change is binary compatible, like widening `character varying(n)` or `numeric(p,s)` with
//! the same scale) and whether existing values may fail to convert.

use schema_ir::DataType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TypeChange {
    pub rewrite: bool,
    pub may_fail: bool,
}

const TEXTUAL: &[&str] = &["text", "character varying"];
const INTEGERS: &[&str] = &["smallint", "integer", "bigint"];
const TEMPORAL: &[&str] = &[
    "timestamp without time zone",
    "timestamp with time zone",
    "time without time zone",
    "time with time zone",
    "interval",
];

/// The base name of a type with its modifiers removed from the middle (`timestamp(3) with
/// time zone` → `timestamp with time zone`).
fn family(t: &DataType) -> String {
    let element = t.element().0;
    match (element.find('('), element.find(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &element[..open], &element[close + 1..])
        }
        _ => element,
    }
}

pub(crate) fn classify(from: &DataType, to: &DataType) -> TypeChange {
    const FREE: TypeChange = TypeChange {
        rewrite: false,
        may_fail: false,
    };
    const WIDEN: TypeChange = TypeChange {
        rewrite: true,
        may_fail: false,
    };
    const RISKY: TypeChange = TypeChange {
        rewrite: true,
        may_fail: true,
    };
    if from == to {
        return FREE;
    }
    if from.is_array() != to.is_array() {
        return RISKY;
    }
    let (f, t) = (family(from), family(to));
    let (fm, tm) = (from.modifiers(), to.modifiers());
    let not_narrower = |i: usize| tm.is_empty() || (!fm.is_empty() && tm[i] >= fm[i]);
    if f == t {
        return match f.as_str() {
            "character varying" | "bit varying" => {
                if not_narrower(0) {
                    FREE
                } else {
                    RISKY
                }
            }
            "numeric" => {
                if tm.is_empty() {
                    FREE
                } else if fm.is_empty() {
                    RISKY
                } else {
                    let (fp, fs) = (fm[0], fm.get(1).copied().unwrap_or(0));
                    let (tp, ts) = (tm[0], tm.get(1).copied().unwrap_or(0));
                    if fs == ts && tp >= fp {
                        FREE
                    } else if tp - ts >= fp - fs && ts >= fs {
                        WIDEN
                    } else {
                        RISKY
                    }
                }
            }
            _ if TEMPORAL.contains(&f.as_str()) => {
                if not_narrower(0) {
                    FREE
                } else {
                    // Lower precision rounds values: a rewrite, but every value converts.
                    WIDEN
                }
            }
            "character" => {
                if not_narrower(0) {
                    WIDEN
                } else {
                    RISKY
                }
            }
            _ => RISKY,
        };
    }
    if TEXTUAL.contains(&f.as_str()) && TEXTUAL.contains(&t.as_str()) {
        // varchar(n) → text and text → varchar are binary compatible; text → varchar(n)
        // checks lengths.
        return if tm.is_empty() { FREE } else { RISKY };
    }
    if (t == "text" || (t == "character varying" && tm.is_empty())) && !from.is_array() {
        return WIDEN;
    }
    let fi = INTEGERS.iter().position(|n| *n == f);
    let ti = INTEGERS.iter().position(|n| *n == t);
    match (fi, ti) {
        (Some(a), Some(b)) => return if b > a { WIDEN } else { RISKY },
        (Some(_), None) if t == "numeric" && tm.is_empty() => return WIDEN,
        (Some(_), None) if t == "double precision" || t == "real" => return WIDEN,
        _ => {}
    }
    if f == "real" && t == "double precision" {
        return WIDEN;
    }
    RISKY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a: &str, b: &str) -> (bool, bool) {
        let r = classify(&DataType(a.into()), &DataType(b.into()));
        (r.rewrite, r.may_fail)
    }

    #[test]
    fn binary_compatible_changes_do_not_rewrite() {
        assert_eq!(
            c("character varying(10)", "character varying(20)"),
            (false, false)
        );
        assert_eq!(c("character varying(10)", "text"), (false, false));
        assert_eq!(
            c("character varying(10)", "character varying"),
            (false, false)
        );
        assert_eq!(c("text", "character varying"), (false, false));
        assert_eq!(c("numeric(10,2)", "numeric(12,2)"), (false, false));
        assert_eq!(c("numeric(10,2)", "numeric"), (false, false));
        assert_eq!(
            c(
                "timestamp(3) without time zone",
                "timestamp without time zone"
            ),
            (false, false)
        );
    }

    #[test]
    fn widening_rewrites_but_cannot_fail() {
        assert_eq!(c("integer", "bigint"), (true, false));
        assert_eq!(c("integer", "text"), (true, false));
        assert_eq!(c("real", "double precision"), (true, false));
        assert_eq!(c("numeric(10,2)", "numeric(12,3)"), (true, false));
    }

    #[test]
    fn narrowing_and_casts_may_fail() {
        assert_eq!(c("text", "integer"), (true, true));
        assert_eq!(c("bigint", "integer"), (true, true));
        assert_eq!(
            c("character varying(20)", "character varying(10)"),
            (true, true)
        );
        assert_eq!(c("text", "character varying(10)"), (true, true));
        assert_eq!(c("numeric(10,2)", "numeric(8,2)"), (true, true));
        assert_eq!(c("integer", "integer[]"), (true, true));
        assert_eq!(
            c("timestamp without time zone", "timestamp with time zone"),
            (true, true)
        );
    }
}

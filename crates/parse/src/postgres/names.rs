//! The names PostgreSQL generates for objects created without one: `makeObjectName`'s
//! `name1_name2_label` truncated to 63 bytes by shortening the longer part first (never
//! splitting a character), with a number appended to the label until the name is free
//! (`t_a_key1`), and the column-name additions used for index and constraint names.

/// NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes.
pub const MAX_IDENTIFIER: usize = 63;

fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `makeObjectName`: `name1[_name2][_label]`, fitted into 63 bytes.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: Option<&str>) -> String {
    let mut overhead = 0;
    if let Some(label) = label {
        overhead += label.len() + 1;
    }
    if name2.is_some() {
        overhead += 1;
    }
    let avail = MAX_IDENTIFIER.saturating_sub(overhead);
    let mut name1_chars = name1.len();
    let mut name2_chars = name2.map_or(0, str::len);
    while name1_chars + name2_chars > avail {
        if name1_chars > name2_chars {
            name1_chars -= 1;
        } else {
            name2_chars -= 1;
        }
    }
    let mut name = clip(name1, name1_chars).to_string();
    if let Some(name2) = name2 {
        name.push('_');
        name.push_str(clip(name2, name2_chars));
    }
    if let Some(label) = label {
        name.push('_');
        name.push_str(label);
    }
    name
}

/// `ChooseRelationName` / `ChooseConstraintName`: the first of `name1_name2_label`,
/// `name1_name2_label1`, `…2`, … for which `taken` says no.
pub fn choose_name(
    name1: &str,
    name2: Option<&str>,
    label: &str,
    taken: impl Fn(&str) -> bool,
) -> String {
    let mut pass = 0;
    let mut modlabel = label.to_string();
    loop {
        let name = make_object_name(name1, name2, Some(&modlabel));
        if !taken(&name) {
            return name;
        }
        pass += 1;
        modlabel = format!("{label}{pass}");
    }
}

/// `ChooseIndexNameAddition` / `ChooseForeignKeyConstraintNameAddition`: column names joined
/// with `_`, stopping once the text reaches NAMEDATALEN bytes.
pub fn column_addition<S: AsRef<str>>(columns: &[S]) -> String {
    let mut buf = String::new();
    for name in columns {
        if !buf.is_empty() {
            buf.push('_');
        }
        let room = (MAX_IDENTIFIER + 1).saturating_sub(buf.len() + 1);
        buf.push_str(clip(name.as_ref(), room));
        if buf.len() >= MAX_IDENTIFIER {
            break;
        }
    }
    buf
}

/// `ChooseIndexColumnNames`: the names of an index's columns, made unique within the index by
/// appending digits (`a`, `a1`).
pub fn index_column_names(names: &[String]) -> Vec<String> {
    let mut result: Vec<String> = Vec::new();
    for orig in names {
        let mut name = orig.clone();
        let mut i = 0;
        while result.contains(&name) {
            i += 1;
            let suffix = i.to_string();
            name = format!(
                "{}{suffix}",
                clip(orig, MAX_IDENTIFIER.saturating_sub(suffix.len()))
            );
        }
        result.push(name);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_names() {
        assert_eq!(make_object_name("t", None, Some("pkey")), "t_pkey");
        assert_eq!(make_object_name("t", Some("a_b"), Some("key")), "t_a_b_key");
        assert_eq!(
            choose_name("t", Some("a"), "key", |n| n == "t_a_key"),
            "t_a_key1"
        );
        assert_eq!(
            choose_name("t", Some("a"), "key", |n| n == "t_a_key" || n == "t_a_key1"),
            "t_a_key2"
        );
    }

    #[test]
    fn long_names_shorten_the_longer_part_first() {
        let table = "a".repeat(40);
        let column = "b".repeat(30);
        let name = make_object_name(&table, Some(&column), Some("fkey"));
        assert_eq!(name.len(), 63);
        // 63 - 6 = 57 for both parts: 29 + 28 after shortening the longer first
        assert_eq!(name, format!("{}_{}_fkey", "a".repeat(29), "b".repeat(28)));
    }

    #[test]
    fn multibyte_names_are_cut_on_character_boundaries() {
        let table = "é".repeat(40);
        let name = make_object_name(&table, None, Some("pkey"));
        assert!(name.len() <= 63);
        assert!(name.ends_with("_pkey"));
    }

    #[test]
    fn index_columns_are_unique() {
        let names = index_column_names(&["a".into(), "a".into(), "expr".into(), "expr".into()]);
        assert_eq!(names, ["a", "a1", "expr", "expr1"]);
        assert_eq!(column_addition(&["a", "b"]), "a_b");
    }
}

//! Unit tests of the differ: one test per kind of change, with schemas built by hand.

use super::*;
use schema_ir::{
    Check, Column, DataType, EnumType, Expr, ForeignKey, Index, IndexKey, IndexTarget, Namespace,
    PrimaryKey, QualifiedName, Sequence, SequenceOptions, SequenceOwner, Table, UniqueConstraint,
};

fn qn(name: &str) -> QualifiedName {
    QualifiedName::new("public", name)
}

fn int() -> DataType {
    DataType("integer".into())
}

fn text() -> DataType {
    DataType("text".into())
}

fn table(name: &str, columns: &[(&str, DataType)]) -> Table {
    let mut t = Table::new(qn(name));
    for (c, ty) in columns {
        t.columns.push(Column::new(*c, ty.clone()));
    }
    t
}

fn with(tables: Vec<Table>) -> Schema {
    let mut s = Schema::postgres();
    for t in tables {
        s.tables.insert(t.name.clone(), t);
    }
    s
}

fn run(from: &Schema, to: &Schema) -> Vec<Change> {
    diff(from, to, &DiffOptions::default())
}

fn index(name: &str, column: &str) -> Index {
    Index {
        name: name.into(),
        unique: false,
        method: "btree".into(),
        keys: vec![IndexKey {
            target: IndexTarget::Column(column.into()),
            collation: None,
            opclass: None,
            descending: false,
            nulls_first: false,
        }],
        include: vec![],
        predicate: None,
        nulls_not_distinct: false,
        comment: None,
    }
}

fn fk(name: &str, column: &str, references: &str, referenced: &str) -> ForeignKey {
    ForeignKey {
        name: name.into(),
        columns: vec![column.into()],
        references: qn(references),
        referenced_columns: vec![referenced.into()],
        on_delete: Default::default(),
        on_update: Default::default(),
        match_type: Default::default(),
        deferrable: Default::default(),
        not_valid: false,
    }
}

#[test]
fn equal_schemas_have_no_changes_even_with_other_column_order() {
    let a = with(vec![table("t", &[("a", int()), ("b", text())])]);
    let b = with(vec![table("t", &[("b", text()), ("a", int())])]);
    assert!(run(&a, &b).is_empty());
}

#[test]
fn namespaces_are_created_dropped_and_commented() {
    let mut from = Schema::postgres();
    from.namespaces.insert(
        "old".into(),
        Namespace {
            name: "old".into(),
            comment: None,
        },
    );
    let mut to = Schema::postgres();
    to.namespaces.get_mut("public").unwrap().comment = Some("main".into());
    to.namespaces.insert(
        "app".into(),
        Namespace {
            name: "app".into(),
            comment: None,
        },
    );
    let changes = run(&from, &to);
    assert_eq!(
        changes,
        vec![
            Change::CreateNamespace(to.namespaces["app"].clone()),
            Change::SetComment {
                target: CommentTarget::Namespace {
                    name: "public".into()
                },
                from: None,
                to: Some("main".into())
            },
            Change::DropNamespace(from.namespaces["old"].clone()),
        ]
    );
}

fn mood(values: &[&str]) -> EnumType {
    EnumType {
        name: qn("mood"),
        values: values.iter().map(|v| v.to_string()).collect(),
        comment: None,
    }
}

fn with_enum(e: EnumType, tables: Vec<Table>) -> Schema {
    let mut s = with(tables);
    s.enums.insert(e.name.clone(), e);
    s
}

#[test]
fn enum_values_added_are_positioned_next_to_neighbours() {
    let from = with_enum(mood(&["b", "d"]), vec![]);
    let to = with_enum(mood(&["a", "b", "c", "d", "e", "f"]), vec![]);
    let added: Vec<(String, EnumValuePosition)> = run(&from, &to)
        .into_iter()
        .map(|c| match c {
            Change::AddEnumValue {
                enum_type,
                value,
                position,
            } => {
                assert_eq!(enum_type, qn("mood"));
                (value, position)
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    use EnumValuePosition::*;
    assert_eq!(
        added,
        vec![
            ("a".into(), Before("b".into())),
            ("c".into(), After("b".into())),
            ("e".into(), After("d".into())),
            ("f".into(), After("e".into())),
        ]
    );
}

#[test]
fn enum_values_removed_or_reordered_rebuild_the_type_with_its_columns() {
    let user = DataType::user(&qn("mood"), false);
    let t = table("t", &[("m", user.clone()), ("x", int())]);
    let from = with_enum(mood(&["a", "b", "c"]), vec![t.clone()]);
    let to = with_enum(mood(&["c", "a"]), vec![t.clone()]);
    let changes = run(&from, &to);
    assert_eq!(changes.len(), 1);
    match &changes[0] {
        Change::RecreateEnum { from, to, columns } => {
            assert_eq!(from.values, ["a", "b", "c"]);
            assert_eq!(to.values, ["c", "a"]);
            assert_eq!(columns.len(), 1);
            assert_eq!(columns[0].table, qn("t"));
            assert_eq!(columns[0].from.name, "m");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn enums_created_and_dropped() {
    let from = with_enum(mood(&["a"]), vec![]);
    let mut to = Schema::postgres();
    let other = EnumType {
        name: qn("color"),
        values: vec!["red".into()],
        comment: None,
    };
    to.enums.insert(other.name.clone(), other.clone());
    assert_eq!(
        run(&from, &to),
        vec![Change::CreateEnum(other), Change::DropEnum(mood(&["a"]))]
    );
}

fn seq(name: &str) -> Sequence {
    Sequence {
        name: qn(name),
        data_type: DataType("bigint".into()),
        options: SequenceOptions::defaults(&DataType("bigint".into()), 1),
        owned_by: None,
        comment: None,
    }
}

#[test]
fn sequences_created_dropped_altered_and_owned() {
    let mut from = Schema::postgres();
    from.sequences.insert(qn("a"), seq("a"));
    from.sequences.insert(qn("b"), seq("b"));
    let mut to = Schema::postgres();
    let mut b = seq("b");
    b.options.increment = 5;
    b.owned_by = Some(SequenceOwner {
        table: qn("t"),
        column: "id".into(),
    });
    b.comment = Some("ids".into());
    to.sequences.insert(qn("b"), b.clone());
    to.sequences.insert(qn("c"), seq("c"));
    let changes = run(&from, &to);
    assert_eq!(
        changes,
        vec![
            Change::AlterSequence {
                from: seq("b"),
                to: b.clone()
            },
            Change::SetSequenceOwner {
                sequence: qn("b"),
                from: None,
                to: b.owned_by.clone()
            },
            Change::SetComment {
                target: CommentTarget::Sequence { name: qn("b") },
                from: None,
                to: Some("ids".into())
            },
            Change::CreateSequence(seq("c")),
            Change::DropSequence(seq("a")),
        ]
    );
}

#[test]
fn tables_created_and_dropped_with_whole_objects() {
    let a = table("a", &[("id", int())]);
    let b = table("b", &[("id", int())]);
    let changes = run(&with(vec![a.clone()]), &with(vec![b.clone()]));
    assert_eq!(changes, vec![Change::CreateTable(b), Change::DropTable(a)]);
}

#[test]
fn columns_added_dropped_altered_and_commented() {
    let from = with(vec![table(
        "t",
        &[("a", int()), ("b", int()), ("c", int())],
    )]);
    let mut t = table(
        "t",
        &[
            ("a", DataType("bigint".into())),
            ("c", int()),
            ("d", text()),
        ],
    );
    t.column_mut("c").unwrap().comment = Some("see".into());
    let to = with(vec![t]);
    let changes = run(&from, &to);
    assert_eq!(changes.len(), 4, "{changes:#?}");
    assert!(matches!(&changes[0], Change::AlterColumn { from, to, .. }
        if from.data_type == int() && to.data_type.0 == "bigint"));
    assert!(
        matches!(&changes[1], Change::SetComment { target: CommentTarget::Column { column, .. }, to: Some(c), .. }
        if column == "c" && c == "see")
    );
    assert!(matches!(&changes[2], Change::AddColumn { column, .. } if column.name == "d"));
    assert!(matches!(&changes[3], Change::DropColumn { column, .. } if column.name == "b"));
}

#[test]
fn generated_expression_change_replaces_the_column_and_its_indexes() {
    let mut old = table("t", &[("a", int()), ("g", int())]);
    old.column_mut("g").unwrap().generated = Some(Expr::new("a * 2", "(a * 2)"));
    old.indexes.insert("t_g_idx".into(), index("t_g_idx", "g"));
    old.indexes.insert("t_a_idx".into(), index("t_a_idx", "a"));
    let mut new = old.clone();
    new.column_mut("g").unwrap().generated = Some(Expr::new("a * 3", "(a * 3)"));
    let changes = run(&with(vec![old]), &with(vec![new]));
    let kinds: Vec<String> = changes
        .iter()
        .map(|c| match c {
            Change::DropColumn { column, .. } => format!("drop column {}", column.name),
            Change::AddColumn { column, .. } => format!("add column {}", column.name),
            Change::DropIndex { index, .. } => format!("drop index {}", index.name),
            Change::CreateIndex { index, .. } => format!("create index {}", index.name),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "drop column g",
            "add column g",
            "drop index t_g_idx",
            "create index t_g_idx"
        ]
    );
}

#[test]
fn constraints_changed_are_dropped_and_added_under_the_same_name() {
    let mut old = table("t", &[("a", int()), ("b", int())]);
    old.primary_key = Some(PrimaryKey {
        name: "t_pkey".into(),
        columns: vec!["a".into()],
        include: vec![],
        deferrable: Default::default(),
    });
    old.checks.insert(
        "t_b_check".into(),
        Check {
            name: "t_b_check".into(),
            expr: Expr::new("b > 0", "(b > 0)"),
            no_inherit: false,
            not_valid: false,
        },
    );
    let mut new = old.clone();
    new.primary_key.as_mut().unwrap().columns = vec!["a".into(), "b".into()];
    // Same key, different text: no change.
    new.checks.get_mut("t_b_check").unwrap().expr.sql = "(b > 0)".into();
    new.unique_constraints.insert(
        "t_b_key".into(),
        UniqueConstraint {
            name: "t_b_key".into(),
            columns: vec!["b".into()],
            include: vec![],
            nulls_not_distinct: false,
            deferrable: Default::default(),
        },
    );
    let changes = run(&with(vec![old.clone()]), &with(vec![new.clone()]));
    assert_eq!(
        changes,
        vec![
            Change::DropPrimaryKey {
                table: qn("t"),
                primary_key: old.primary_key.clone().unwrap()
            },
            Change::AddPrimaryKey {
                table: qn("t"),
                primary_key: new.primary_key.clone().unwrap()
            },
            Change::AddUnique {
                table: qn("t"),
                unique: new.unique_constraints["t_b_key"].clone()
            },
        ]
    );
    // Check removed.
    let mut without = new.clone();
    without.checks.clear();
    assert_eq!(
        run(&with(vec![new.clone()]), &with(vec![without])),
        vec![Change::DropCheck {
            table: qn("t"),
            check: new.checks["t_b_check"].clone()
        }]
    );
}

#[test]
fn indexes_changed_dropped_created_and_commented() {
    let mut old = table("t", &[("a", int()), ("b", int())]);
    old.indexes.insert("i1".into(), index("i1", "a"));
    old.indexes.insert("i2".into(), index("i2", "a"));
    old.indexes.insert("i3".into(), index("i3", "a"));
    let mut new = old.clone();
    new.indexes.get_mut("i1").unwrap().comment = Some("x".into());
    new.indexes.insert("i2".into(), index("i2", "b"));
    new.indexes.remove("i3");
    new.indexes.insert("i4".into(), index("i4", "b"));
    let changes = run(&with(vec![old.clone()]), &with(vec![new.clone()]));
    assert_eq!(
        changes,
        vec![
            Change::SetComment {
                target: CommentTarget::Index { name: qn("i1") },
                from: None,
                to: Some("x".into())
            },
            Change::DropIndex {
                table: qn("t"),
                index: old.indexes["i2"].clone()
            },
            Change::CreateIndex {
                table: qn("t"),
                index: new.indexes["i2"].clone()
            },
            Change::CreateIndex {
                table: qn("t"),
                index: new.indexes["i4"].clone()
            },
            Change::DropIndex {
                table: qn("t"),
                index: old.indexes["i3"].clone()
            },
        ]
    );
}

#[test]
fn foreign_keys_are_rebuilt_around_type_changes_and_key_changes() {
    let mut parent = table("parent", &[("id", int())]);
    parent.primary_key = Some(PrimaryKey {
        name: "parent_pkey".into(),
        columns: vec!["id".into()],
        include: vec![],
        deferrable: Default::default(),
    });
    let mut child = table("child", &[("pid", int())]);
    child.foreign_keys.insert(
        "child_pid_fkey".into(),
        fk("child_pid_fkey", "pid", "parent", "id"),
    );
    let from = with(vec![parent.clone(), child.clone()]);

    // Both sides change type.
    let mut to = from.clone();
    for (t, c) in [("parent", "id"), ("child", "pid")] {
        to.tables
            .get_mut(&qn(t))
            .unwrap()
            .column_mut(c)
            .unwrap()
            .data_type = DataType("bigint".into());
    }
    let changes = run(&from, &to);
    let fk_changes: Vec<&Change> = changes
        .iter()
        .filter(|c| {
            matches!(
                c,
                Change::DropForeignKey { .. } | Change::AddForeignKey { .. }
            )
        })
        .collect();
    assert_eq!(fk_changes.len(), 2);
    assert!(
        matches!(fk_changes[0], Change::DropForeignKey { foreign_key, .. } if foreign_key.name == "child_pid_fkey")
    );
    assert!(
        matches!(fk_changes[1], Change::AddForeignKey { foreign_key, .. } if foreign_key.name == "child_pid_fkey")
    );

    // The referenced primary key is rebuilt (renamed).
    let mut to = from.clone();
    to.tables
        .get_mut(&qn("parent"))
        .unwrap()
        .primary_key
        .as_mut()
        .unwrap()
        .name = "pk".into();
    let changes = run(&from, &to);
    assert_eq!(changes.len(), 4, "{changes:#?}");
    assert!(matches!(&changes[2], Change::DropForeignKey { .. }));
    assert!(matches!(&changes[3], Change::AddForeignKey { .. }));

    // Nothing relevant changes: no rebuild.
    let mut to = from.clone();
    to.tables.get_mut(&qn("parent")).unwrap().comment = Some("p".into());
    assert_eq!(run(&from, &to).len(), 1);
}

#[test]
fn mentions_matches_whole_words_only() {
    assert!(table::mentions("(a * 2)", "a"));
    assert!(table::mentions("(\"A\" > 0)", "A"));
    assert!(!table::mentions("(abc > 0)", "a"));
    assert!(!table::mentions("(b_a > 0)", "a"));
}

fn parsed(sql: &str) -> Schema {
    schema_parse::parse_sql(sql, "test.sql")
        .unwrap_or_else(|e| panic!("{e}"))
        .schema
}

fn with_renames(from: &Schema, to: &Schema, specs: &[&str]) -> Vec<Change> {
    let renames = specs.iter().map(|s| Rename::parse(s).unwrap()).collect();
    diff(
        from,
        to,
        &DiffOptions {
            renames,
            ..Default::default()
        },
    )
}

#[test]
fn index_constraint_and_enum_value_hints_rename_instead_of_rebuilding() {
    let from = parsed(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TABLE p (id int CONSTRAINT p_pk PRIMARY KEY);
         CREATE TABLE t (
             a int CONSTRAINT t_a_uq UNIQUE,
             b int CONSTRAINT t_b_positive CHECK (b > 0),
             p int CONSTRAINT t_p_ref REFERENCES p,
             m mood DEFAULT 'sad' CHECK (m <> 'sad')
         );
         CREATE INDEX t_b_index ON t (b);
         ALTER TABLE t REPLICA IDENTITY USING INDEX t_a_uq;",
    );
    let to = parsed(
        "CREATE TYPE mood AS ENUM ('happy', 'blue');
         CREATE TABLE p (id int CONSTRAINT p_pkey PRIMARY KEY);
         CREATE TABLE t (
             a int CONSTRAINT t_a_key UNIQUE,
             b int CONSTRAINT t_b_check CHECK (b > 0),
             p int CONSTRAINT t_p_fkey REFERENCES p,
             m mood DEFAULT 'blue' CHECK (m <> 'blue')
         );
         CREATE INDEX t_b_idx ON t (b);
         ALTER TABLE t REPLICA IDENTITY USING INDEX t_a_key;",
    );
    let specs = [
        "enum:public.mood.sad=public.mood.blue",
        "constraint:public.p.p_pk=public.p.p_pkey",
        "constraint:public.t.t_a_uq=public.t.t_a_key",
        "constraint:public.t.t_b_positive=public.t.t_b_check",
        "constraint:public.t.t_p_ref=public.t.t_p_fkey",
        "index:public.t_b_index=public.t_b_idx",
    ];
    let changes = with_renames(&from, &to, &specs);
    let rename = |table: &str, from: &str, to: &str, with_index: bool| Change::RenameConstraint {
        table: qn(table),
        from: from.into(),
        to: to.into(),
        with_index,
    };
    assert_eq!(
        changes,
        [
            Change::RenameIndex {
                table: qn("t"),
                from: "t_b_index".into(),
                to: "t_b_idx".into(),
            },
            rename("p", "p_pk", "p_pkey", true),
            rename("t", "t_a_uq", "t_a_key", true),
            rename("t", "t_b_positive", "t_b_check", false),
            rename("t", "t_p_ref", "t_p_fkey", false),
            Change::RenameEnumValue {
                enum_type: qn("mood"),
                from: "sad".into(),
                to: "blue".into(),
            },
        ]
    );
}

#[test]
fn hints_that_do_not_apply_are_ignored() {
    let from = parsed(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TABLE t (a int CONSTRAINT t_a_uq UNIQUE, b int);
         CREATE INDEX t_b_index ON t (b);
         CREATE INDEX taken ON t (a);",
    );
    let to = parsed(
        "CREATE TYPE mood AS ENUM ('happy', 'sad', 'blue');
         CREATE TABLE t (a int CONSTRAINT t_a_key CHECK (a > 0), b int);
         CREATE INDEX taken ON t (b);
         CREATE INDEX t_b_index ON t (a);",
    );
    let changes = with_renames(
        &from,
        &to,
        &[
            // The old value is still wanted.
            "enum:public.mood.sad=public.mood.blue",
            // A unique constraint does not become a check.
            "constraint:public.t.t_a_uq=public.t.t_a_key",
            // The old index is still wanted and the new name is taken.
            "index:public.t_b_index=public.taken",
            // No such objects.
            "index:public.nothing=public.t_b_index",
            "constraint:public.nope.x=public.nope.y",
            "enum:public.nope.a=public.nope.b",
        ],
    );
    assert!(
        !changes.iter().any(|c| matches!(
            c,
            Change::RenameIndex { .. }
                | Change::RenameConstraint { .. }
                | Change::RenameEnumValue { .. }
        )),
        "{changes:#?}"
    );
}

#[test]
fn a_schema_rename_comes_first_and_the_others_name_the_new_schema() {
    let from = parsed(
        "CREATE SCHEMA app;
         CREATE TYPE app.mood AS ENUM ('happy', 'sad');
         CREATE TABLE app.users (id int PRIMARY KEY, mail text, m app.mood);
         CREATE TABLE public.posts (user_id int REFERENCES app.users (id));",
    );
    let to = parsed(
        "CREATE SCHEMA core;
         CREATE TYPE core.mood AS ENUM ('happy', 'sad');
         CREATE TABLE core.people (id int CONSTRAINT users_pkey PRIMARY KEY, email text, m core.mood);
         CREATE TABLE public.posts (user_id int REFERENCES core.people (id));",
    );
    let changes = with_renames(
        &from,
        &to,
        &[
            "core.people.mail=core.people.email",
            "core.users=core.people",
            "schema:app=core",
        ],
    );
    assert_eq!(
        changes,
        [
            Change::RenameSchema {
                from: "app".into(),
                to: "core".into(),
            },
            Change::RenameTable {
                from: QualifiedName::new("core", "users"),
                to: QualifiedName::new("core", "people"),
            },
            Change::RenameColumn {
                table: QualifiedName::new("core", "people"),
                from: "mail".into(),
                to: "email".into(),
            },
        ],
        "{changes:#?}"
    );
    // A table hint naming the old schema does not apply once the schema is renamed.
    let changes = with_renames(&from, &to, &["app.users=app.people", "schema:app=core"]);
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, Change::RenameTable { .. })),
        "{changes:#?}"
    );

    // Not applied: the old schema still wanted, the new one already there, or no such schema.
    let both = parsed(
        "CREATE SCHEMA app;
         CREATE SCHEMA core;
         CREATE TYPE core.mood AS ENUM ('happy', 'sad');",
    );
    for (from, to, spec) in [
        (&from, &both, "schema:app=core"),
        (&both, &to, "schema:app=core"),
        (&from, &to, "schema:nothing=core"),
        (&from, &to, "schema:app=elsewhere"),
    ] {
        let changes = with_renames(from, to, &[spec]);
        assert!(
            !changes
                .iter()
                .any(|c| matches!(c, Change::RenameSchema { .. })),
            "{spec}: {changes:#?}"
        );
    }
}

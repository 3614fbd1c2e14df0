//! Unit tests of the planner: ordering rules, SQL of each kind of step, hazards, and the
//! rendered outputs (snapshots), with schemas built by hand.

use super::*;
use schema_diff::diff;
use schema_ir::{
    Column, DataType, EnumType, Expr, ForeignKey, Identity, IdentityGeneration, Index, IndexKey,
    IndexTarget, Namespace, PrimaryKey, QualifiedName, Sequence, SequenceOptions, SequenceOwner,
    Table,
};

fn qn(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(schema, name)
}

fn ty(t: &str) -> DataType {
    DataType(t.into())
}

fn col(name: &str, t: &str) -> Column {
    Column::new(name, ty(t))
}

fn table(schema: &str, name: &str, columns: Vec<Column>) -> Table {
    let mut t = Table::new(qn(schema, name));
    t.columns = columns;
    t
}

fn pk(t: &mut Table, columns: &[&str]) {
    t.primary_key = Some(PrimaryKey {
        name: format!("{}_pkey", t.name.name),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        include: vec![],
        deferrable: Default::default(),
    });
    for c in columns {
        t.column_mut(c).unwrap().not_null = true;
    }
}

fn fk(t: &mut Table, column: &str, references: &QualifiedName, referenced: &str) {
    let name = format!("{}_{}_fkey", t.name.name, column);
    t.foreign_keys.insert(
        name.clone(),
        ForeignKey {
            name,
            columns: vec![column.into()],
            references: references.clone(),
            referenced_columns: vec![referenced.into()],
            on_delete: Default::default(),
            on_update: Default::default(),
            match_type: Default::default(),
            deferrable: Default::default(),
            not_valid: false,
        },
    );
}

fn index(t: &mut Table, name: &str, column: &str, unique: bool) {
    t.indexes.insert(
        name.into(),
        Index {
            name: name.into(),
            unique,
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
        },
    );
}

fn schema(tables: Vec<Table>) -> Schema {
    let mut s = Schema::postgres();
    for t in tables {
        s.tables.insert(t.name.clone(), t);
    }
    s
}

/// The blocking plan (`--no-online`), whose hazards most tests check.
fn run(from: &Schema, to: &Schema) -> Plan {
    let changes = diff(from, to, &Default::default());
    plan(from, to, &changes, &blocking())
}

fn blocking() -> PlanOptions {
    PlanOptions {
        online: false,
        ..PlanOptions::default()
    }
}

/// The default, online plan.
fn run_online(from: &Schema, to: &Schema) -> Plan {
    let changes = diff(from, to, &Default::default());
    plan(from, to, &changes, &PlanOptions::default())
}

/// The steps as `kind object` lines.
fn kinds(p: &Plan) -> Vec<String> {
    p.steps
        .iter()
        .map(|s| format!("{} {}", s.kind, s.object))
        .collect()
}

fn serial_table(schema_name: &str, name: &str) -> (Table, Sequence) {
    let seq_name = qn(schema_name, &format!("{name}_id_seq"));
    let mut id = col("id", "integer");
    id.default = Some(Expr::new(
        format!("nextval('{seq_name}'::regclass)"),
        format!("nextval('{seq_name}'::regclass)"),
    ));
    let mut t = table(schema_name, name, vec![id]);
    pk(&mut t, &["id"]);
    let seq = Sequence {
        name: seq_name,
        data_type: ty("integer"),
        options: SequenceOptions::defaults(&ty("integer"), 1),
        owned_by: Some(SequenceOwner {
            table: t.name.clone(),
            column: "id".into(),
        }),
        comment: None,
    };
    (t, seq)
}

/// A schema with a namespace, an enum, a serial table, a table referencing it with an
/// index, and comments.
fn app_schema() -> Schema {
    let mut s = Schema::postgres();
    s.namespaces.insert(
        "app".into(),
        Namespace {
            name: "app".into(),
            comment: Some("application".into()),
        },
    );
    let mood = EnumType {
        name: qn("app", "mood"),
        values: vec!["happy".into(), "sad".into()],
        comment: None,
    };
    s.enums.insert(mood.name.clone(), mood.clone());
    let (mut users, seq) = serial_table("app", "users");
    users.columns.push(col("mood", "app.mood"));
    users.comment = Some("people".into());
    s.sequences.insert(seq.name.clone(), seq);
    let mut posts = table(
        "app",
        "posts",
        vec![col("id", "bigint"), col("user_id", "integer")],
    );
    pk(&mut posts, &["id"]);
    fk(&mut posts, "user_id", &users.name, "id");
    index(&mut posts, "posts_user_id_idx", "user_id", false);
    s.tables.insert(users.name.clone(), users);
    s.tables.insert(posts.name.clone(), posts);
    s
}

#[test]
fn creates_follow_dependency_order() {
    let p = run(&Schema::postgres(), &app_schema());
    assert_eq!(
        kinds(&p),
        [
            "create_schema app",
            "create_type app.mood",
            "create_sequence app.users_id_seq",
            "create_table app.posts",
            "create_table app.users",
            "sequence_owned_by app.users_id_seq",
            "add_foreign_key app.posts.posts_user_id_fkey",
            "create_index app.posts_user_id_idx",
            "comment app",
            "comment app.users",
        ]
    );
    assert!(
        p.steps
            .iter()
            .all(|s| s.hazards.is_empty() && s.transactional)
    );
    assert!(
        !p.steps[3].sql.contains("FOREIGN KEY"),
        "FKs are added after the tables"
    );
}

#[test]
fn drops_run_in_reverse_and_skip_owned_sequences() {
    let p = run(&app_schema(), &Schema::postgres());
    assert_eq!(
        kinds(&p),
        [
            "drop_table app.posts",
            "drop_table app.users",
            "drop_type app.mood",
            "drop_schema app",
        ]
    );
    let codes: Vec<&str> = p
        .steps
        .iter()
        .flat_map(|s| s.hazards.iter().map(|h| h.code))
        .collect();
    assert_eq!(
        codes,
        ["DROP_TABLE", "DROP_TABLE", "DROP_TYPE", "DROP_SCHEMA"]
    );
}

#[test]
fn drops_of_referenced_tables_wait_for_referencing_ones_whatever_the_names() {
    let mut a = table("public", "a", vec![col("id", "integer")]);
    pk(&mut a, &["id"]);
    let mut z = table("public", "z", vec![col("a_id", "integer")]);
    fk(&mut z, "a_id", &a.name, "id");
    let p = run(&schema(vec![a, z]), &Schema::postgres());
    assert_eq!(kinds(&p), ["drop_table public.z", "drop_table public.a"]);
}

#[test]
fn foreign_key_cycles_are_created_and_dropped() {
    let mut a = table(
        "public",
        "a",
        vec![col("id", "integer"), col("b_id", "integer")],
    );
    let mut b = table(
        "public",
        "b",
        vec![col("id", "integer"), col("a_id", "integer")],
    );
    pk(&mut a, &["id"]);
    pk(&mut b, &["id"]);
    fk(&mut a, "b_id", &b.name, "id");
    fk(&mut b, "a_id", &a.name, "id");
    let s = schema(vec![a, b]);
    let p = run(&Schema::postgres(), &s);
    assert_eq!(
        kinds(&p),
        [
            "create_table public.a",
            "create_table public.b",
            "add_foreign_key public.a.a_b_id_fkey",
            "add_foreign_key public.b.b_a_id_fkey",
        ]
    );
    let p = run(&s, &Schema::postgres());
    assert_eq!(
        kinds(&p),
        [
            "drop_foreign_key public.a.a_b_id_fkey",
            "drop_foreign_key public.b.b_a_id_fkey",
            "drop_table public.a",
            "drop_table public.b",
        ]
    );
}

#[test]
fn sequence_of_a_default_is_created_before_and_owned_after_the_column() {
    let (t, seq) = serial_table("public", "t");
    let mut from = schema(vec![table("public", "t", vec![col("x", "text")])]);
    let mut to = from.clone();
    to.tables
        .get_mut(&t.name)
        .unwrap()
        .columns
        .push(t.columns[0].clone());
    to.sequences.insert(seq.name.clone(), seq);
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        [
            "create_sequence public.t_id_seq",
            "add_column public.t.id",
            "sequence_owned_by public.t_id_seq",
        ]
    );
    assert_eq!(p.steps[0].sql, "CREATE SEQUENCE public.t_id_seq AS integer");
    assert_eq!(
        p.steps[1].sql,
        "ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL"
    );
    assert_eq!(
        p.steps[2].sql,
        "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id"
    );

    // Dropping the column drops its owned sequence implicitly.
    std::mem::swap(&mut from, &mut to);
    let p = run(&from, &to);
    assert_eq!(kinds(&p), ["drop_column public.t.id"]);
}

#[test]
fn unowned_sequence_is_dropped_after_the_default_using_it() {
    let (mut t, mut seq) = serial_table("public", "t");
    seq.owned_by = None;
    let mut from = schema(vec![t.clone()]);
    from.sequences.insert(seq.name.clone(), seq);
    t.columns[0].default = None;
    let to = schema(vec![t]);
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        ["drop_default public.t.id", "drop_sequence public.t_id_seq"]
    );
    assert_eq!(p.steps[1].hazards[0].code, "DROP_SEQUENCE");
}

#[test]
fn new_enum_values_are_added_outside_transactions_before_use() {
    let mood = |values: &[&str]| EnumType {
        name: qn("public", "mood"),
        values: values.iter().map(|v| v.to_string()).collect(),
        comment: None,
    };
    let mut from = Schema::postgres();
    from.enums.insert(qn("public", "mood"), mood(&["sad"]));
    let mut to = Schema::postgres();
    to.enums
        .insert(qn("public", "mood"), mood(&["happy", "sad", "ok"]));
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TYPE public.mood ADD VALUE 'happy' BEFORE 'sad'",
            "ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad'",
        ]
    );
    assert!(p.steps.iter().all(|s| !s.transactional));
    assert!(
        p.to_sql()
            .contains("-- runs outside a transaction block\nALTER TYPE")
    );
}

#[test]
fn enum_value_removal_rebuilds_the_type() {
    let mood = |values: &[&str]| EnumType {
        name: qn("public", "mood"),
        values: values.iter().map(|v| v.to_string()).collect(),
        comment: None,
    };
    let mut m = col("m", "public.mood");
    m.default = Some(Expr::new("'sad'::public.mood", "'sad'::public.mood"));
    let t = table("public", "t", vec![m, col("n", "public.mood[]")]);
    let mut from = schema(vec![t.clone()]);
    from.enums
        .insert(qn("public", "mood"), mood(&["happy", "sad", "meh"]));
    let mut to = schema(vec![t]);
    to.enums
        .insert(qn("public", "mood"), mood(&["sad", "happy"]));
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TYPE public.mood RENAME TO mood__old",
            "CREATE TYPE public.mood AS ENUM ('sad', 'happy')",
            "ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT",
            "ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood",
            "ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'sad'::public.mood",
            "ALTER TABLE public.t ALTER COLUMN n TYPE public.mood[] USING n::text[]::public.mood[]",
            "DROP TYPE public.mood__old",
        ]
    );
    assert_eq!(p.steps[0].hazards[0].code, "ENUM_VALUE_REMOVED");
    assert!(p.steps[0].hazards[0].message.contains("'meh'"));
}

#[test]
fn changing_a_referenced_primary_key_drops_and_readds_foreign_keys() {
    let mut parent = table(
        "public",
        "parent",
        vec![col("id", "integer"), col("k", "integer")],
    );
    pk(&mut parent, &["id"]);
    let mut child = table("public", "child", vec![col("pid", "integer")]);
    fk(&mut child, "pid", &parent.name, "id");
    let from = schema(vec![parent.clone(), child.clone()]);
    parent.primary_key.as_mut().unwrap().name = "parent_pk".into();
    let to = schema(vec![parent, child]);
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        [
            "drop_foreign_key public.child.child_pid_fkey",
            "drop_primary_key public.parent.parent_pkey",
            "add_primary_key public.parent.parent_pk",
            "add_foreign_key public.child.child_pid_fkey",
        ]
    );
}

#[test]
fn type_change_on_foreign_key_columns_drops_alters_both_and_readds() {
    let mut parent = table("public", "parent", vec![col("id", "integer")]);
    pk(&mut parent, &["id"]);
    let mut child = table("public", "child", vec![col("pid", "integer")]);
    fk(&mut child, "pid", &parent.name, "id");
    let from = schema(vec![parent.clone(), child.clone()]);
    parent.column_mut("id").unwrap().data_type = ty("bigint");
    child.column_mut("pid").unwrap().data_type = ty("bigint");
    let to = schema(vec![parent, child]);
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        [
            "drop_foreign_key public.child.child_pid_fkey",
            "alter_column_type public.child.pid",
            "alter_column_type public.parent.id",
            "add_foreign_key public.child.child_pid_fkey",
        ]
    );
    assert_eq!(
        p.steps[2].sql,
        "ALTER TABLE public.parent ALTER COLUMN id TYPE bigint USING id::bigint"
    );
}

#[test]
fn type_change_drops_and_restores_the_default() {
    let mut c = col("n", "text");
    c.default = Some(Expr::new("'0'::text", "'0'::text"));
    let from = schema(vec![table("public", "t", vec![c])]);
    let mut c = col("n", "integer");
    c.default = Some(Expr::new("0", "0"));
    let to = schema(vec![table("public", "t", vec![c])]);
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT",
            "ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer",
            "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0",
        ]
    );
    let codes: Vec<&str> = p.steps[1].hazards.iter().map(|h| h.code).collect();
    assert_eq!(codes, ["TYPE_CHANGE_REWRITE", "TYPE_CHANGE_MAY_FAIL"]);
    assert_eq!(
        p.steps[1].lock.as_deref(),
        Some("ACCESS EXCLUSIVE on public.t")
    );
}

#[test]
fn varchar_widening_has_no_hazard() {
    let from = schema(vec![table(
        "public",
        "t",
        vec![col("s", "character varying(10)")],
    )]);
    let to = schema(vec![table("public", "t", vec![col("s", "text")])]);
    let p = run(&from, &to);
    assert_eq!(p.steps.len(), 1);
    assert!(p.steps[0].hazards.is_empty());
}

#[test]
fn column_attributes_are_altered() {
    let identity = |generation, increment, start| Identity {
        generation,
        sequence: SequenceOptions {
            start,
            increment,
            ..SequenceOptions::defaults(&ty("integer"), increment)
        },
    };
    let mut a = col("a", "integer");
    a.identity = Some(identity(IdentityGeneration::ByDefault, 1, 1));
    a.not_null = true;
    let mut b = col("b", "text");
    b.not_null = true;
    let mut from_t = table(
        "public",
        "t",
        vec![a.clone(), b.clone(), col("c", "text"), col("d", "integer")],
    );
    from_t.column_mut("c").unwrap().collation = Some("C".into());
    let from = schema(vec![from_t]);

    a.identity = Some(identity(IdentityGeneration::Always, 5, 10));
    b.not_null = false;
    let mut c = col("c", "text");
    c.not_null = true;
    let mut d = col("d", "integer");
    d.identity = Some(identity(IdentityGeneration::Always, 1, 1));
    d.not_null = true;
    let to = schema(vec![table("public", "t", vec![a, b, c, d])]);
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE public.t ALTER COLUMN a SET GENERATED ALWAYS SET INCREMENT BY 5 SET START WITH 10",
            "ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL",
            "ALTER TABLE public.t ALTER COLUMN c TYPE text COLLATE \"default\"",
            "ALTER TABLE public.t ALTER COLUMN c SET NOT NULL",
            "ALTER TABLE public.t ALTER COLUMN d SET NOT NULL",
            "ALTER TABLE public.t ALTER COLUMN d ADD GENERATED ALWAYS AS IDENTITY",
        ]
    );
    assert_eq!(p.steps[3].hazards[0].code, "SET_NOT_NULL");
}

#[test]
fn added_column_carries_everything_in_one_statement() {
    let from = schema(vec![table("public", "t", vec![col("a", "integer")])]);
    let mut c = col("b", "character varying(20)");
    c.not_null = true;
    c.collation = Some("C".into());
    c.default = Some(Expr::new(
        "'x'::character varying",
        "'x'::character varying",
    ));
    let mut g = col("g", "integer");
    g.generated = Some(Expr::new("a * 2", "(a * 2)"));
    let mut n = col("n", "integer");
    n.not_null = true;
    let to = schema(vec![table(
        "public",
        "t",
        vec![col("a", "integer"), c, g, n],
    )]);
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE public.t ADD COLUMN b character varying(20) COLLATE \"C\" DEFAULT 'x'::character varying NOT NULL",
            "ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS (a * 2) STORED",
            "ALTER TABLE public.t ADD COLUMN n integer NOT NULL",
        ]
    );
    assert!(p.steps[0].hazards.is_empty());
    assert_eq!(p.steps[1].hazards[0].code, "ADD_COLUMN_GENERATED");
    assert_eq!(p.steps[2].hazards[0].code, "ADD_COLUMN_NOT_NULL_NO_DEFAULT");
}

#[test]
fn generated_expression_change_recreates_column_and_its_index() {
    let mut g = col("g", "integer");
    g.generated = Some(Expr::new("a * 2", "(a * 2)"));
    let mut t = table("public", "t", vec![col("a", "integer"), g]);
    index(&mut t, "t_g_idx", "g", false);
    let from = schema(vec![t.clone()]);
    t.column_mut("g").unwrap().generated = Some(Expr::new("a * 3", "(a * 3)"));
    let to = schema(vec![t]);
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        [
            "drop_index public.t_g_idx",
            "drop_column public.t.g",
            "add_column public.t.g",
            "create_index public.t_g_idx",
        ]
    );
    assert!(
        p.steps[1].hazards.is_empty(),
        "dropping a generated column loses no data"
    );
}

#[test]
fn comments_are_set_and_cleared() {
    let mut t = table("public", "t", vec![col("a", "integer")]);
    t.comment = Some("it's".into());
    index(&mut t, "t_a_idx", "a", false);
    let from = schema(vec![t.clone()]);
    t.comment = None;
    t.columns[0].comment = Some("first".into());
    t.indexes.get_mut("t_a_idx").unwrap().comment = Some("by a".into());
    let to = schema(vec![t]);
    let p = run(&from, &to);
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "COMMENT ON TABLE public.t IS NULL",
            "COMMENT ON COLUMN public.t.a IS 'first'",
            "COMMENT ON INDEX public.t_a_idx IS 'by a'",
        ]
    );
    assert!(p.steps.iter().all(|s| s.hazards.is_empty()));
}

/// An existing table gains a primary key, a unique key, a check, a foreign key and a unique
/// index.
fn constraints_added() -> (Schema, Schema) {
    let base = table(
        "public",
        "t",
        vec![col("a", "integer"), col("b", "integer")],
    );
    let other = {
        let mut o = table("public", "o", vec![col("id", "integer")]);
        pk(&mut o, &["id"]);
        o
    };
    let from = schema(vec![base.clone(), other.clone()]);
    let mut t = base.clone();
    pk(&mut t, &["a"]);
    t.unique_constraints.insert(
        "t_b_key".into(),
        schema_ir::UniqueConstraint {
            name: "t_b_key".into(),
            columns: vec!["b".into()],
            include: vec![],
            nulls_not_distinct: false,
            deferrable: Default::default(),
        },
    );
    t.checks.insert(
        "t_b_check".into(),
        schema_ir::Check {
            name: "t_b_check".into(),
            expr: Expr::new("b > 0", "(b > 0)"),
            no_inherit: false,
            not_valid: false,
        },
    );
    fk(&mut t, "b", &other.name, "id");
    index(&mut t, "t_b_idx", "b", true);
    let to = schema(vec![t, other]);
    (from, to)
}

#[test]
fn constraint_and_index_hazards_on_existing_tables() {
    let (from, to) = constraints_added();
    let p = run(&from, &to);
    let summary: Vec<(String, Vec<&str>, Option<&str>)> = p
        .steps
        .iter()
        .map(|s| {
            (
                s.kind.clone(),
                s.hazards.iter().map(|h| h.code).collect(),
                s.lock.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "set_not_null".into(),
                vec!["SET_NOT_NULL"],
                Some("ACCESS EXCLUSIVE on public.t")
            ),
            (
                "add_check".into(),
                vec!["ADD_CHECK"],
                Some("ACCESS EXCLUSIVE on public.t")
            ),
            (
                "add_unique".into(),
                vec!["ADD_UNIQUE_MAY_FAIL"],
                Some("ACCESS EXCLUSIVE on public.t")
            ),
            (
                "add_primary_key".into(),
                vec!["ADD_PRIMARY_KEY"],
                Some("ACCESS EXCLUSIVE on public.t")
            ),
            (
                "add_foreign_key".into(),
                vec!["ADD_FOREIGN_KEY"],
                Some("SHARE ROW EXCLUSIVE on public.t, public.o")
            ),
            (
                "create_index".into(),
                vec!["INDEX_BUILD_BLOCKING", "ADD_UNIQUE_MAY_FAIL"],
                Some("SHARE on public.t")
            ),
        ]
    );
    // And the way back drops them, foreign key first.
    let back = run(&to, &from);
    assert_eq!(back.steps[0].kind, "drop_foreign_key");
    assert!(
        back.steps
            .iter()
            .any(|s| s.hazards.iter().any(|h| h.code == "DROP_INDEX"))
    );
}

#[test]
fn every_hazard_code_has_a_test_that_fires_it() {
    let source = include_str!("tests.rs");
    for kind in hazards::ALL {
        assert!(
            source.matches(&format!("\"{}\"", kind.code)).count() >= 1,
            "{} is never asserted",
            kind.code
        );
    }
}

#[test]
fn empty_plan_renders_as_nothing() {
    let p = run(&app_schema(), &app_schema());
    assert!(p.is_empty());
    assert_eq!(p.to_sql(), "");
    assert_eq!(p.to_text(), "No changes.\n");
    assert_eq!(p.from_fingerprint, p.to_fingerprint);
}

#[test]
fn planning_is_deterministic() {
    let a = run(&Schema::postgres(), &app_schema());
    let b = run(&Schema::postgres(), &app_schema());
    assert_eq!(a, b);
    assert_eq!(a.to_sql(), b.to_sql());
}

#[test]
fn schema_sql_snapshot() {
    insta::assert_snapshot!(schema_sql(&app_schema()));
}

#[test]
fn text_and_sql_snapshots() {
    let mut to = app_schema();
    let users = to.tables.get_mut(&qn("app", "users")).unwrap();
    users.columns.retain(|c| c.name != "mood");
    users.columns.push(col("email", "text"));
    let p = run(&app_schema(), &to);
    insta::assert_snapshot!("migration_text", p.to_text());
    insta::assert_snapshot!("migration_sql", p.to_sql());
    insta::assert_json_snapshot!("migration_json", p.steps);
}

#[test]
fn identity_increment_is_spelled_out() {
    let mut t = table("public", "t", vec![col("id", "integer")]);
    t.columns[0].not_null = true;
    t.columns[0].identity = Some(Identity {
        generation: IdentityGeneration::Always,
        sequence: SequenceOptions::defaults(&ty("integer"), 5),
    });
    assert!(
        schema_sql(&schema(vec![t]))
            .contains("id integer GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5) NOT NULL")
    );
}

fn parsed(sql: &str) -> Schema {
    schema_parse::parse_sql(sql, "test.sql")
        .unwrap_or_else(|e| panic!("{e}"))
        .schema
}

#[test]
fn parsed_schemas_plan_like_hand_built_ones() {
    let from = parsed(
        "CREATE TABLE users (id serial PRIMARY KEY, name text);
         CREATE TABLE posts (id bigint PRIMARY KEY, user_id integer REFERENCES users);",
    );
    let to = parsed(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, mood mood);
         CREATE INDEX users_name_idx ON users (name);",
    );
    let p = run(&from, &to);
    assert_eq!(
        kinds(&p),
        [
            "drop_table public.posts",
            "create_type public.mood",
            "add_column public.users.mood",
            "set_not_null public.users.name",
            "create_index public.users_name_idx",
        ]
    );
    // Planning the result again finds nothing to do.
    assert!(run(&to, &to).is_empty());
    assert!(
        run(&Schema::postgres(), &from)
            .steps
            .iter()
            .all(|s| s.hazards.is_empty())
    );
}

#[test]
fn dropping_a_stored_column_is_data_loss() {
    let from = schema(vec![table(
        "public",
        "t",
        vec![col("a", "integer"), col("b", "text")],
    )]);
    let to = schema(vec![table("public", "t", vec![col("a", "integer")])]);
    let p = run(&from, &to);
    assert_eq!(p.steps.len(), 1);
    assert_eq!(p.steps[0].hazards[0].code, "DROP_COLUMN");
}

#[test]
fn column_hazards_fire_on_existing_tables_only() {
    let from = parsed("CREATE TABLE t (a integer NOT NULL);");
    let to = parsed(
        "CREATE TABLE t (
             a integer,
             r double precision DEFAULT random(),
             s serial,
             i integer GENERATED BY DEFAULT AS IDENTITY,
             g integer GENERATED ALWAYS AS (a * 2) STORED,
             c timestamptz DEFAULT now()
         );",
    );
    let p = run(&from, &to);
    let codes = |p: &Plan| -> Vec<(String, &'static str)> {
        p.steps
            .iter()
            .flat_map(|s| s.hazards.iter().map(|h| (s.object.clone(), h.code)))
            .collect()
    };
    assert_eq!(
        codes(&p),
        [
            ("public.t.g".to_string(), "ADD_COLUMN_GENERATED"),
            ("public.t.i".to_string(), "ADD_COLUMN_IDENTITY"),
            ("public.t.r".to_string(), "ADD_COLUMN_VOLATILE_DEFAULT"),
            ("public.t.s".to_string(), "ADD_COLUMN_IDENTITY"),
            ("public.t.a".to_string(), "DROP_NOT_NULL"),
        ]
    );
    // A constant (or now()) default is stored in the catalog: no hazard on `c`. The same
    // columns on a table created by the plan carry no hazard at all.
    assert!(codes(&run(&Schema::postgres(), &to)).is_empty());
}

#[test]
fn rename_hints_plan_renames_first() {
    let from = parsed("CREATE TABLE a (x integer); CREATE TABLE keep (k integer);");
    let to = parsed("CREATE TABLE b (y integer, z integer); CREATE TABLE keep (k integer);");
    let options = DiffOptions {
        keep_privileges: false,
        renames: vec![
            schema_diff::Rename::parse("public.b.x=public.b.y").unwrap(),
            schema_diff::Rename::parse("public.a=public.b").unwrap(),
        ],
    };
    let changes = schema_diff::diff(&from, &to, &options);
    let p = crate::plan(&from, &to, &changes, &PlanOptions::default());
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE public.a RENAME TO b",
            "ALTER TABLE public.b RENAME COLUMN x TO y",
            "ALTER TABLE public.b ADD COLUMN z integer",
        ]
    );
    let codes: Vec<&str> = p
        .steps
        .iter()
        .flat_map(|s| &s.hazards)
        .map(|h| h.code)
        .collect();
    assert_eq!(codes, ["RENAME_TABLE", "RENAME_COLUMN"]);
}

fn function(name: &str, returns: &str, body: &str) -> schema_ir::Function {
    schema_ir::Function {
        name: qn("public", name),
        procedure: false,
        arguments: vec![schema_ir::Argument {
            mode: schema_ir::ArgumentMode::In,
            name: Some("x".into()),
            data_type: ty("integer"),
            default: None,
        }],
        returns: Some(schema_ir::Returns {
            setof: false,
            data_type: ty(returns),
        }),
        language: "sql".into(),
        body: schema_ir::FunctionBody::Source(body.into()),
        volatility: schema_ir::Volatility::Volatile,
        strict: false,
        security_definer: false,
        leakproof: false,
        window: false,
        parallel: schema_ir::Parallel::Unsafe,
        cost: "100".into(),
        rows: "0".into(),
        config: Default::default(),
        references: Default::default(),
        calls: Default::default(),
        comment: None,
    }
}

fn with_functions(functions: &[schema_ir::Function]) -> Schema {
    let mut s = Schema::postgres();
    for f in functions {
        s.functions.insert(f.signature(), f.clone());
        // What both readers give a routine nobody revoked anything from.
        s.grants.insert(schema_ir::Grant {
            target: schema_ir::GrantTarget::Function(f.signature()),
            grantee: "public".into(),
            privilege: "EXECUTE".into(),
            with_grant_option: false,
        });
    }
    s
}

#[test]
fn functions_are_replaced_in_place_or_dropped_and_created() {
    let old = with_functions(&[function("f", "integer", "SELECT x")]);
    let body = with_functions(&[function("f", "integer", "SELECT x + 1")]);
    let p = run(&old, &body);
    assert_eq!(kinds(&p), ["replace_function public.f(integer)"]);
    assert!(
        p.steps[0]
            .sql
            .starts_with("CREATE OR REPLACE FUNCTION public.f(x integer)")
    );
    assert!(p.steps[0].hazards.is_empty());

    let result = with_functions(&[function("f", "bigint", "SELECT x")]);
    let p = run(&old, &result);
    assert_eq!(
        kinds(&p),
        [
            "drop_function public.f(integer)",
            "create_function public.f(integer)"
        ]
    );
    assert_eq!(p.steps[0].hazards[0].code, "DROP_FUNCTION");
    assert!(p.steps[0].hazards[0].message.contains("created again"));

    let p = run(&old, &Schema::postgres());
    assert_eq!(p.steps[0].sql, "DROP FUNCTION public.f(integer)");
    assert_eq!(p.steps[0].hazards[0].code, "DROP_FUNCTION");
}

#[test]
fn row_security_waits_for_policies_and_is_disabled_before_they_go() {
    let plain = table(
        "public",
        "t",
        vec![col("id", "integer"), col("tenant", "text")],
    );
    let mut from = Schema::postgres();
    from.tables.insert(plain.name.clone(), plain.clone());
    let mut secured = plain.clone();
    secured.row_security = true;
    secured.unlogged = true;
    secured.replica_identity = schema_ir::ReplicaIdentity::Full;
    secured.policies.insert(
        "p".into(),
        schema_ir::Policy {
            name: "p".into(),
            permissive: true,
            command: schema_ir::PolicyCommand::All,
            roles: vec!["public".into()],
            using: Some(Expr::new("tenant = 'a'", "tenant = 'a'")),
            with_check: None,
            comment: None,
        },
    );
    let mut to = Schema::postgres();
    to.tables.insert(secured.name.clone(), secured);

    let p = run(&from, &to);
    let position = |kind: &str| p.steps.iter().position(|s| s.kind == kind).unwrap();
    assert!(position("create_policy") < position("enable_row_security"));
    let codes: Vec<&str> = p
        .steps
        .iter()
        .flat_map(|s| s.hazards.iter().map(|h| h.code))
        .collect();
    for code in [
        "POLICY_CHANGE",
        "ENABLE_ROW_SECURITY",
        "TABLE_PERSISTENCE_CHANGE",
        "REPLICA_IDENTITY_CHANGE",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }

    let back = run(&to, &from);
    let position = |kind: &str| back.steps.iter().position(|s| s.kind == kind).unwrap();
    assert!(position("disable_row_security") < position("drop_policy"));
    let codes: Vec<&str> = back
        .steps
        .iter()
        .flat_map(|s| s.hazards.iter().map(|h| h.code))
        .collect();
    assert!(codes.contains(&"DISABLE_ROW_SECURITY") && codes.contains(&"DROP_POLICY"));

    // A table created with its policies carries no hazard.
    let created = run(&Schema::postgres(), &to);
    assert!(created.steps.iter().all(|s| s.hazards.is_empty()));
}

#[test]
fn exclusion_constraints_on_existing_tables_are_flagged() {
    let plain = table("public", "t", vec![col("span", "int4range")]);
    let mut from = Schema::postgres();
    from.tables.insert(plain.name.clone(), plain.clone());
    let mut excluded = plain.clone();
    excluded.exclusions.insert(
        "t_span_excl".into(),
        schema_ir::Exclusion {
            name: "t_span_excl".into(),
            method: "gist".into(),
            elements: vec![schema_ir::ExclusionElement {
                key: IndexKey {
                    target: IndexTarget::Column("span".into()),
                    collation: None,
                    opclass: None,
                    descending: false,
                    nulls_first: false,
                },
                operator: "&&".into(),
            }],
            include: vec![],
            predicate: None,
            deferrable: Default::default(),
        },
    );
    let mut to = Schema::postgres();
    to.tables.insert(excluded.name.clone(), excluded);
    let p = run(&from, &to);
    assert_eq!(
        p.steps[0].sql,
        "ALTER TABLE public.t ADD CONSTRAINT t_span_excl EXCLUDE USING gist (span WITH &&)"
    );
    assert_eq!(p.steps[0].hazards[0].code, "ADD_EXCLUSION");
    assert!(
        run(&Schema::postgres(), &to)
            .steps
            .iter()
            .all(|s| s.hazards.is_empty())
    );
}

#[test]
fn partitioning_changes_are_flagged() {
    let key = |strategy| schema_ir::PartitionKey {
        strategy,
        keys: vec![IndexKey {
            target: IndexTarget::Column("day".into()),
            collation: None,
            opclass: None,
            descending: false,
            nulls_first: false,
        }],
    };
    let partitioned = |strategy, bound: &str| {
        let mut t = table("public", "m", vec![col("day", "date")]);
        t.partition_by = Some(key(strategy));
        let name = qn("public", "m_a");
        t.partitions.insert(
            name.clone(),
            schema_ir::Partition::new(name, Expr::new(bound, bound)),
        );
        let mut s = Schema::postgres();
        s.tables.insert(t.name.clone(), t);
        s
    };
    let range = partitioned(schema_ir::PartitionStrategy::Range, "DEFAULT");
    let rebound = partitioned(
        schema_ir::PartitionStrategy::Range,
        "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    );
    let p = run(&range, &rebound);
    assert_eq!(
        kinds(&p),
        ["detach_partition public.m_a", "attach_partition public.m_a"]
    );
    assert_eq!(p.steps[1].hazards[0].code, "PARTITION_BOUND_CHANGE");

    let list = partitioned(schema_ir::PartitionStrategy::List, "DEFAULT");
    let p = run(&range, &list);
    assert_eq!(p.steps[0].kind, "drop_table");
    let codes: Vec<&str> = p.steps[0].hazards.iter().map(|h| h.code).collect();
    assert_eq!(codes, ["DROP_TABLE", "PARTITION_KEY_CHANGE"]);
    assert!(p.steps[1].sql.ends_with(") PARTITION BY LIST (day)"));
}

#[test]
fn revoking_from_an_existing_object_is_flagged() {
    let t = table("public", "t", vec![col("id", "integer")]);
    let mut granted = Schema::postgres();
    granted.tables.insert(t.name.clone(), t.clone());
    let mut plain = granted.clone();
    granted.grants.insert(schema_ir::Grant {
        target: schema_ir::GrantTarget::Column(t.name.clone(), "id".into()),
        grantee: "app reader".into(),
        privilege: "SELECT".into(),
        with_grant_option: false,
    });
    let p = run(&plain, &granted);
    assert_eq!(
        p.steps[0].sql,
        "GRANT SELECT (id) ON TABLE public.t TO \"app reader\""
    );
    assert!(p.steps[0].hazards.is_empty());
    let back = run(&granted, &plain);
    assert_eq!(
        back.steps[0].sql,
        "REVOKE SELECT (id) ON TABLE public.t FROM \"app reader\""
    );
    assert_eq!(back.steps[0].hazards[0].code, "REVOKE_PRIVILEGE");
    // Dropping the table takes its grants with it.
    plain.tables.clear();
    assert_eq!(kinds(&run(&granted, &plain)), ["drop_table public.t"]);
}

/// `kind sql` of every step, and the transactions they form, as lines.
fn script(p: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for (i, transaction) in p.transactions().enumerate() {
        for s in transaction {
            out.push(format!("{i}: {} {}", s.kind, s.sql));
        }
    }
    out
}

#[test]
fn online_constraints_on_existing_tables_do_not_block_writers() {
    let (from, to) = constraints_added();
    let p = run_online(&from, &to);
    let lines = script(&p);
    let find = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no step with `{needle}` in {lines:#?}"))
    };
    // SET NOT NULL through a validated helper check.
    let helper = find("ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID");
    let proved = find("VALIDATE CONSTRAINT t_a_not_null");
    let set = find("ALTER COLUMN a SET NOT NULL");
    let dropped = find("DROP CONSTRAINT t_a_not_null");
    assert!(
        helper < proved && proved < set && set < dropped,
        "{lines:#?}"
    );
    // The primary key and the unique key over concurrently built indexes.
    let pk_index = find("CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON public.t USING btree (a)");
    let pk = find("ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey");
    assert!(set < pk && pk_index < pk, "{lines:#?}");
    assert!(
        find("ADD CONSTRAINT t_b_key UNIQUE USING INDEX t_b_key")
            > find("CREATE UNIQUE INDEX CONCURRENTLY t_b_key")
    );
    // Check and foreign key NOT VALID, then validated.
    assert!(
        find("ADD CONSTRAINT t_b_check CHECK (b > 0) NOT VALID")
            < find("VALIDATE CONSTRAINT t_b_check")
    );
    assert!(find("REFERENCES public.o(id) NOT VALID") < find("VALIDATE CONSTRAINT t_b_fkey"));
    assert!(lines[find("CREATE UNIQUE INDEX CONCURRENTLY t_b_idx")].contains("create_index"));
    let codes: Vec<&str> = p
        .steps
        .iter()
        .flat_map(|s| s.hazards.iter().map(|h| h.code))
        .collect();
    for blocking in [
        "SET_NOT_NULL",
        "ADD_CHECK",
        "ADD_FOREIGN_KEY",
        "INDEX_BUILD_BLOCKING",
    ] {
        assert!(
            !codes.contains(&blocking),
            "{blocking} in an online plan: {codes:?}"
        );
    }
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "VALIDATE_CONSTRAINT")
            .count(),
        3,
        "{codes:?}"
    );
    for step in &p.steps {
        let concurrent = step.sql.contains("CONCURRENTLY");
        assert_eq!(!step.transactional, concurrent, "{}", step.sql);
        assert_eq!(
            step.own_transaction,
            step.kind == "validate_constraint",
            "{}",
            step.sql
        );
        // Validations and builds scan the table: no statement timeout by default.
        let long = concurrent || step.own_transaction;
        assert_eq!(step.statement_timeout_ms == 0, long, "{}", step.sql);
        assert_eq!(step.lock_timeout_ms, 5000);
    }
    // Each validation is a transaction of its own.
    for transaction in p.transactions() {
        if transaction
            .iter()
            .any(|s| s.own_transaction || !s.transactional)
        {
            assert_eq!(transaction.len(), 1);
        }
    }
}

#[test]
fn online_forms_are_skipped_where_postgres_has_none() {
    let (from, to) = constraints_added();
    // PostgreSQL 11 cannot skip the scan of SET NOT NULL.
    let changes = diff(&from, &to, &Default::default());
    let old = plan(
        &from,
        &to,
        &changes,
        &PlanOptions {
            server_version: 11,
            ..PlanOptions::default()
        },
    );
    assert!(
        old.steps
            .iter()
            .any(|s| s.hazards.iter().any(|h| h.code == "SET_NOT_NULL"))
    );
    assert!(old.steps.iter().all(|s| !s.sql.contains("t_a_not_null")));
    // A partitioned table has no concurrent index builds.
    let partitioned = |s: &Schema| {
        let mut s = s.clone();
        let t = s
            .tables
            .get_mut(&QualifiedName::new("public", "t"))
            .unwrap();
        t.partition_by = Some(schema_ir::PartitionKey {
            strategy: schema_ir::PartitionStrategy::Range,
            keys: vec![],
        });
        s
    };
    let p = run_online(&partitioned(&from), &partitioned(&to));
    assert!(
        p.steps
            .iter()
            .all(|s| !s.sql.contains("CONCURRENTLY") && !s.sql.contains("NOT VALID")),
        "{:#?}",
        script(&p)
    );
    // --no-online keeps the blocking forms.
    let p = run(&from, &to);
    assert!(
        p.steps
            .iter()
            .all(|s| !s.sql.contains("CONCURRENTLY") && !s.sql.contains("NOT VALID"))
    );
}

#[test]
fn online_index_changes_keep_an_index_in_place() {
    let mut before = table(
        "public",
        "t",
        vec![col("a", "integer"), col("b", "integer")],
    );
    index(&mut before, "t_a_idx", "a", false);
    index(&mut before, "t_b_idx", "b", false);
    let mut after = before.clone();
    after.indexes.remove("t_b_idx");
    after.indexes.get_mut("t_a_idx").unwrap().unique = true;
    let p = run_online(&schema(vec![before]), &schema(vec![after]));
    assert_eq!(
        script(&p),
        vec![
            "0: drop_index DROP INDEX CONCURRENTLY public.t_b_idx",
            "1: create_index CREATE UNIQUE INDEX CONCURRENTLY t_a_idx_new ON public.t USING btree (a)",
            "2: drop_index DROP INDEX CONCURRENTLY public.t_a_idx",
            "3: rename_index ALTER INDEX public.t_a_idx_new RENAME TO t_a_idx",
        ]
    );
    let codes: Vec<Vec<&str>> = p
        .steps
        .iter()
        .map(|s| s.hazards.iter().map(|h| h.code).collect())
        .collect();
    assert_eq!(
        codes,
        vec![
            vec!["DROP_INDEX"],
            vec!["ADD_UNIQUE_MAY_FAIL"],
            vec![],
            vec![]
        ]
    );
}

#[test]
fn online_volatile_default_is_set_after_the_column_is_added() {
    let from = schema(vec![table("public", "t", vec![col("a", "integer")])]);
    let mut c = col("c", "double precision");
    c.default = Some(Expr::new("random()", "random()"));
    let to = schema(vec![table("public", "t", vec![col("a", "integer"), c])]);
    let p = run_online(&from, &to);
    assert_eq!(
        script(&p),
        vec![
            "0: add_column ALTER TABLE public.t ADD COLUMN c double precision",
            "0: set_default ALTER TABLE public.t ALTER COLUMN c SET DEFAULT random()",
        ]
    );
    assert_eq!(p.steps[0].hazards[0].code, "BACKFILL_REQUIRED");
    let blocking = run(&from, &to);
    assert_eq!(blocking.steps.len(), 1);
    assert_eq!(
        blocking.steps[0].hazards[0].code,
        "ADD_COLUMN_VOLATILE_DEFAULT"
    );
}

#[test]
fn a_not_valid_constraint_is_validated_when_the_files_want_it_valid() {
    let (_, to) = constraints_added();
    let mut from = to.clone();
    let t = from
        .tables
        .get_mut(&QualifiedName::new("public", "t"))
        .unwrap();
    t.checks.get_mut("t_b_check").unwrap().not_valid = true;
    t.foreign_keys.values_mut().for_each(|f| f.not_valid = true);
    let p = run(&from, &to);
    assert_eq!(
        script(&p),
        vec![
            "0: validate_constraint ALTER TABLE public.t VALIDATE CONSTRAINT t_b_check",
            "1: validate_constraint ALTER TABLE public.t VALIDATE CONSTRAINT t_b_fkey",
        ]
    );
    // Wanted NOT VALID: added so, and never validated.
    let mut wanted = to.clone();
    let t = wanted
        .tables
        .get_mut(&QualifiedName::new("public", "t"))
        .unwrap();
    t.checks.get_mut("t_b_check").unwrap().not_valid = true;
    let (base, _) = constraints_added();
    let p = run_online(&base, &wanted);
    assert!(
        p.steps
            .iter()
            .all(|s| !s.sql.contains("VALIDATE CONSTRAINT t_b_check"))
    );
    assert!(
        p.steps
            .iter()
            .any(|s| s.sql.ends_with("CHECK (b > 0) NOT VALID"))
    );
}

#[test]
fn timeouts_come_from_the_options() {
    let (from, to) = constraints_added();
    let changes = diff(&from, &to, &Default::default());
    let options = PlanOptions {
        timeouts: crate::Timeouts {
            lock: std::time::Duration::from_millis(1500),
            statement: None,
            long_statement: Some(std::time::Duration::from_secs(3600)),
        },
        ..PlanOptions::default()
    };
    let p = plan(&from, &to, &changes, &options);
    for s in &p.steps {
        assert_eq!(s.lock_timeout_ms, 1500);
        let long = !s.transactional || s.own_transaction;
        assert_eq!(
            s.statement_timeout_ms,
            if long { 3_600_000 } else { 0 },
            "{}",
            s.sql
        );
    }
    let sql = p.to_sql();
    assert!(
        sql.starts_with("SET lock_timeout = '1500ms';\nSET statement_timeout = "),
        "{sql}"
    );
    assert!(sql.contains("SET statement_timeout = '3600s';"), "{sql}");
}

fn plan_with_renames(from: &str, to: &str, renames: &[&str]) -> Plan {
    let (from, to) = (parsed(from), parsed(to));
    let options = DiffOptions {
        keep_privileges: false,
        renames: renames
            .iter()
            .map(|r| schema_diff::Rename::parse(r).unwrap())
            .collect(),
    };
    let changes = schema_diff::diff(&from, &to, &options);
    crate::plan(&from, &to, &changes, &PlanOptions::default())
}

fn codes_of(p: &Plan) -> Vec<&'static str> {
    p.steps
        .iter()
        .flat_map(|s| &s.hazards)
        .map(|h| h.code)
        .collect()
}

#[test]
fn index_constraint_and_enum_value_renames() {
    let from = "CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE TABLE t (
            a int CONSTRAINT t_a_uq UNIQUE,
            b int CONSTRAINT t_b_positive CHECK (b > 0),
            m mood DEFAULT 'sad'
        );
        CREATE INDEX t_b_index ON t (b);";
    let to = "CREATE TYPE mood AS ENUM ('happy', 'blue');
        CREATE TABLE t (
            a int CONSTRAINT t_a_key UNIQUE,
            b int CONSTRAINT t_b_check CHECK (b > 0),
            m mood DEFAULT 'blue'
        );
        CREATE INDEX t_b_idx ON t (b);";
    let p = plan_with_renames(
        from,
        to,
        &[
            "index:public.t_b_index=public.t_b_idx",
            "constraint:public.t.t_a_uq=public.t.t_a_key",
            "constraint:public.t.t_b_positive=public.t.t_b_check",
            "enum:public.mood.sad=public.mood.blue",
        ],
    );
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'blue'",
            "ALTER TABLE public.t RENAME CONSTRAINT t_a_uq TO t_a_key",
            "ALTER TABLE public.t RENAME CONSTRAINT t_b_positive TO t_b_check",
            "ALTER INDEX public.t_b_index RENAME TO t_b_idx",
        ]
    );
    // Only the enum value rename reaches what applications send.
    assert_eq!(codes_of(&p), ["RENAME_ENUM_VALUE"]);

    // Without the hints: the value is removed (the type rebuilt), the key, check and index
    // dropped and added again.
    let p = plan_with_renames(from, to, &[]);
    let codes = codes_of(&p);
    assert!(!codes.contains(&"RENAME_ENUM_VALUE"), "{codes:?}");
    assert!(codes.contains(&"ENUM_VALUE_REMOVED"), "{codes:?}");
}

#[test]
fn dropping_a_view_is_flagged_unless_it_is_created_again() {
    let from = "CREATE TABLE t (a int, b int);
        CREATE VIEW v AS SELECT a, b FROM t;
        CREATE MATERIALIZED VIEW m AS SELECT a FROM t;";
    let p = run(&parsed(from), &parsed("CREATE TABLE t (a int, b int);"));
    assert_eq!(
        kinds(&p),
        ["drop_view public.m", "drop_view public.v"],
        "{}",
        p.to_sql()
    );
    assert_eq!(codes_of(&p), ["DROP_VIEW", "DROP_VIEW"]);

    // Rebuilt around a change of the column it reads: no hazard for the view.
    let to = "CREATE TABLE t (a int, b bigint);
        CREATE VIEW v AS SELECT a, b FROM t;
        CREATE MATERIALIZED VIEW m AS SELECT a FROM t;";
    let p = run(&parsed(from), &parsed(to));
    assert!(kinds(&p).contains(&"drop_view public.v".to_string()));
    assert!(!codes_of(&p).contains(&"DROP_VIEW"), "{}", p.to_sql());
}

#[test]
fn publishing_less_is_flagged() {
    let from = parsed(
        "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY);
         CREATE PUBLICATION p FOR TABLE a, TABLE b;",
    );
    let to = parsed(
        "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY);
         CREATE PUBLICATION p FOR TABLE a WITH (publish = 'insert');",
    );
    let p = run(&from, &to);
    assert_eq!(
        p.steps.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
        [
            "ALTER PUBLICATION p DROP TABLE public.b",
            "ALTER PUBLICATION p SET (publish = 'insert', publish_via_partition_root = false)"
        ]
    );
    assert_eq!(codes_of(&p), ["PUBLICATION_CHANGE", "PUBLICATION_CHANGE"]);
    assert!(run(&to, &from).steps.iter().all(|s| s.hazards.is_empty()));
}

#[test]
fn text_search_changes_are_flagged_and_ordered() {
    let from = parsed(
        "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = snowball, language = english);
         CREATE TEXT SEARCH CONFIGURATION c (COPY = english);",
    );
    let to = parsed(
        "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = snowball, language = english);
         CREATE TEXT SEARCH CONFIGURATION c (COPY = english);
         ALTER TEXT SEARCH CONFIGURATION c ALTER MAPPING FOR asciiword WITH d;",
    );
    let p = run(&from, &to);
    assert_eq!(
        p.steps[0].sql,
        "ALTER TEXT SEARCH CONFIGURATION public.c ALTER MAPPING FOR asciiword WITH public.d"
    );
    assert_eq!(codes_of(&p), ["TEXT_SEARCH_CHANGE"]);

    let p = run(&to, &Schema::postgres());
    assert_eq!(
        kinds(&p),
        [
            "drop_text_search_configuration public.c",
            "drop_text_search_dictionary public.d"
        ]
    );
    assert!(codes_of(&p).is_empty());
}

#[test]
fn extension_drops_and_version_changes_are_flagged() {
    let cube = |version: &str| format!("CREATE EXTENSION cube VERSION '{version}';");
    let p = run(&parsed(&cube("1.4")), &parsed(&cube("1.5")));
    assert_eq!(p.steps[0].sql, "ALTER EXTENSION cube UPDATE TO '1.5'");
    assert_eq!(codes_of(&p), ["EXTENSION_VERSION_CHANGE"]);
    assert!(p.steps[0].hazards[0].message.contains("from 1.4 to 1.5"));

    let p = run(&parsed(&cube("1.4")), &Schema::postgres());
    assert_eq!(p.steps[0].sql, "DROP EXTENSION cube");
    assert_eq!(codes_of(&p), ["DROP_EXTENSION"]);

    // Creating one, or keeping the same version, is not.
    assert!(codes_of(&run(&Schema::postgres(), &parsed(&cube("1.5")))).is_empty());
    let unpinned = parsed("CREATE EXTENSION cube;");
    assert!(run(&parsed(&cube("1.5")), &unpinned).is_empty());
}

#[test]
fn schema_rename_is_one_step_before_the_other_renames() {
    let from = "CREATE SCHEMA app;
        CREATE TYPE app.mood AS ENUM ('happy', 'sad');
        CREATE TABLE app.users (id bigint PRIMARY KEY, mood app.mood DEFAULT 'sad', old_count int);
        CREATE TABLE public.posts (id int, user_id bigint REFERENCES app.users (id));
        CREATE VIEW public.v AS SELECT id, old_count FROM app.users WHERE mood <> 'happy'::app.mood;
        CREATE INDEX users_mood ON app.users (mood);
        CREATE TABLE app.gone (id int);";
    let to = "CREATE SCHEMA core;
        CREATE TYPE core.mood AS ENUM ('happy', 'sad');
        CREATE TABLE core.users (id bigint PRIMARY KEY, mood core.mood DEFAULT 'sad', old_count int);
        CREATE TABLE public.posts (id int, user_id bigint REFERENCES core.users (id));
        CREATE VIEW public.v AS SELECT id, old_count FROM core.users WHERE mood <> 'happy'::core.mood;
        CREATE INDEX users_mood_idx ON core.users (mood);";
    let p = plan_with_renames(
        from,
        to,
        &[
            "schema:app=core",
            "index:core.users_mood=core.users_mood_idx",
        ],
    );
    let sql: Vec<&str> = p.steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER SCHEMA app RENAME TO core",
            "ALTER INDEX core.users_mood RENAME TO users_mood_idx",
            "DROP TABLE core.gone",
        ],
        "{}",
        p.to_sql()
    );
    assert_eq!(codes_of(&p), ["RENAME_SCHEMA", "DROP_TABLE"]);

    // Without the hint, or with one that does not apply, everything in the schema is dropped
    // and created again.
    for renames in [&[][..], &["schema:app=other"], &["schema:nothing=core"]] {
        let p = plan_with_renames(from, to, renames);
        let codes = codes_of(&p);
        assert!(!codes.contains(&"RENAME_SCHEMA"), "{codes:?}");
        assert!(codes.contains(&"DROP_SCHEMA"), "{codes:?}");
    }
    // The old schema still wanted, or the new one already there: no rename.
    let both = format!("{to}\nCREATE SCHEMA app;");
    let p = plan_with_renames(from, &both, &["schema:app=core"]);
    assert!(!codes_of(&p).contains(&"RENAME_SCHEMA"), "{}", p.to_sql());
    let from_both = format!("{from}\nCREATE SCHEMA core;");
    let p = plan_with_renames(&from_both, to, &["schema:app=core"]);
    assert!(!codes_of(&p).contains(&"RENAME_SCHEMA"), "{}", p.to_sql());
}

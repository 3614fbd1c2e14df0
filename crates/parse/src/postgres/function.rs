//! Functions and procedures: `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, `ALTER FUNCTION`
//! (attributes, `RENAME TO`, `SET SCHEMA`), `DROP FUNCTION|PROCEDURE|ROUTINE` and `COMMENT ON
//! FUNCTION`. The catalog side reads `pg_get_functiondef` through the same code, so a routine
//! read from a file and from the database become one value: omitted clauses take the values
//! PostgreSQL stores for them, types lose their modifiers, `SET` values are kept the way
//! PostgreSQL splits them, and a SQL-language body is scanned for the relations it reads.

use super::{Reader, Res, nodes};
use pg_query::NodeEnum;
use pg_query::protobuf::{
    AlterFunctionStmt, CommentStmt, CreateFunctionStmt, DefElem, DropStmt, FunctionParameter,
    FunctionParameterMode, Node, ObjectType, ObjectWithArgs, VariableSetKind, VariableSetStmt,
};
use schema_ir::{
    Argument, ArgumentMode, DataType, Expr, Function, FunctionBody, Parallel, QualifiedName,
    Returns, Volatility, quote_ident, without_modifiers,
};
use std::collections::BTreeSet;

/// Whether a DROP/COMMENT/RENAME/SET SCHEMA object type is a routine.
pub(crate) fn is_routine_object(value: i32) -> bool {
    matches!(
        ObjectType::try_from(value).unwrap_or(ObjectType::Undefined),
        ObjectType::ObjectFunction | ObjectType::ObjectProcedure | ObjectType::ObjectRoutine
    )
}

/// Settings whose value is a list, kept element by element (PostgreSQL quotes each one).
const LIST_SETTINGS: &[&str] = &[
    "search_path",
    "temp_tablespaces",
    "local_preload_libraries",
    "session_preload_libraries",
];

/// `COST` and `ROWS` as PostgreSQL prints the stored `float4`.
fn float4_text(value: f64) -> String {
    format!("{}", value as f32)
}

impl Reader<'_> {
    pub(crate) fn create_function(&mut self, stmt: &CreateFunctionStmt) -> Res<()> {
        let name = self.routine_name(&stmt.funcname)?;
        if name.schema == "pg_temp" {
            self.warn("a temporary function is not part of the schema; statement ignored");
            return Ok(());
        }
        self.require_namespace(&name.schema)?;
        let mut arguments = Vec::new();
        for p in &stmt.parameters {
            if let Some(NodeEnum::FunctionParameter(p)) = p.node.as_ref() {
                arguments.push(self.argument(p)?);
            }
        }
        let returns = match &stmt.return_type {
            _ if stmt.is_procedure => None,
            Some(t) => {
                let mut plain = t.clone();
                plain.setof = false;
                Some(Returns {
                    setof: t.setof,
                    data_type: self.routine_type(&plain)?,
                })
            }
            None => {
                let outputs: Vec<&Argument> = arguments
                    .iter()
                    .filter(|a| matches!(a.mode, ArgumentMode::Out | ArgumentMode::InOut))
                    .collect();
                let data_type = match outputs.as_slice() {
                    [] => return Err(format!("function {name} has no RETURNS clause")),
                    [one] => one.data_type.clone(),
                    _ => DataType("record".into()),
                };
                Some(Returns {
                    setof: false,
                    data_type,
                })
            }
        };
        let mut function = Function {
            name,
            procedure: stmt.is_procedure,
            arguments,
            returns,
            language: String::new(),
            body: FunctionBody::Source(String::new()),
            volatility: Volatility::Volatile,
            strict: false,
            security_definer: false,
            leakproof: false,
            window: false,
            parallel: Parallel::Unsafe,
            cost: String::new(),
            rows: String::new(),
            config: Default::default(),
            references: BTreeSet::new(),
            calls: BTreeSet::new(),
            comment: None,
        };
        let mut body: Option<FunctionBody> = None;
        for option in &stmt.options {
            let Some(NodeEnum::DefElem(d)) = option.node.as_ref() else {
                continue;
            };
            match d.defname.as_str() {
                "as" => body = Some(source_body(d)?),
                "language" => {
                    function.language = def_text(d).unwrap_or_default().to_lowercase();
                }
                "window" => function.window = def_bool(d),
                _ => self.routine_option(&mut function, d)?,
            }
        }
        if let Some(sql) = stmt.sql_body.as_deref() {
            body = Some(FunctionBody::Standard(self.standard_body(sql, &function)?));
            if function.language.is_empty() {
                function.language = "sql".into();
            }
        }
        function.body = body.ok_or_else(|| format!("{} has no body", function.signature()))?;
        if function.language.is_empty() {
            return Err(format!("{} has no LANGUAGE", function.signature()));
        }
        if function.cost.is_empty() {
            let builtin = matches!(function.language.as_str(), "c" | "internal");
            function.cost = float4_text(if builtin { 1.0 } else { 100.0 });
        }
        let setof = function.returns.as_ref().is_some_and(|r| r.setof);
        if function.rows.is_empty() || !setof {
            function.rows = float4_text(if setof { 1000.0 } else { 0.0 });
        }
        (function.references, function.calls) = references(&function);

        let signature = function.signature();
        if let Some(old) = self.schema.functions.get(&signature) {
            if !stmt.replace {
                return Err(format!("function {signature} already exists"));
            }
            function.comment = old.comment.clone();
        } else {
            self.grant_default_execute(&signature);
        }
        self.schema.functions.insert(signature.clone(), function);
        self.last_routine = Some(signature);
        Ok(())
    }

    /// A qualified routine name from its name parts.
    fn routine_name(&self, names: &[Node]) -> Res<QualifiedName> {
        let names = nodes::strings(names);
        match super::split_names(&names) {
            Some(("", name)) => Ok(QualifiedName::new(self.creation_schema(), name)),
            Some((schema, name)) => Ok(QualifiedName::new(schema, name)),
            None => Err(format!("invalid routine name {}", names.join("."))),
        }
    }

    fn argument(&self, p: &FunctionParameter) -> Res<Argument> {
        let mode = match FunctionParameterMode::try_from(p.mode) {
            Ok(FunctionParameterMode::FuncParamOut) => ArgumentMode::Out,
            Ok(FunctionParameterMode::FuncParamInout) => ArgumentMode::InOut,
            Ok(FunctionParameterMode::FuncParamVariadic) => ArgumentMode::Variadic,
            Ok(FunctionParameterMode::FuncParamTable) => ArgumentMode::Table,
            _ => ArgumentMode::In,
        };
        let type_name = p.arg_type.as_ref().ok_or("argument without a type")?;
        let data_type = self.routine_type(type_name)?;
        let default = match p.defexpr.as_deref() {
            Some(d) => Some(self.default_expr(d, &data_type)?),
            None => None,
        };
        Ok(Argument {
            mode,
            name: (!p.name.is_empty()).then(|| p.name.clone()),
            data_type,
            default,
        })
    }

    /// The type of an argument or result: without modifiers, and `table.column%TYPE`
    /// resolved to the column's type, as PostgreSQL does when it creates the routine.
    fn routine_type(&self, type_name: &pg_query::protobuf::TypeName) -> Res<DataType> {
        if !type_name.pct_type {
            return Ok(without_modifiers(self.data_type(type_name)?));
        }
        let names = nodes::strings(&type_name.names);
        let (column, table) = names.split_last().ok_or("invalid %TYPE")?;
        let (schema, name) = super::split_names(table).ok_or("invalid %TYPE")?;
        let found = self
            .resolve(schema, name, |q| self.schema.tables.contains_key(q))
            .and_then(|q| {
                self.schema.tables[&q]
                    .column(column)
                    .map(|c| c.data_type.clone())
            })
            .ok_or_else(|| format!("type {}%TYPE does not exist", names.join(".")))?;
        let data_type = without_modifiers(found);
        Ok(
            if type_name.array_bounds.is_empty() || data_type.is_array() {
                data_type
            } else {
                DataType(format!("{}[]", data_type.0))
            },
        )
    }

    /// An attribute clause shared by `CREATE` and `ALTER FUNCTION`.
    fn routine_option(&mut self, function: &mut Function, d: &DefElem) -> Res<()> {
        match d.defname.as_str() {
            "volatility" => {
                function.volatility = match def_text(d).unwrap_or_default().as_str() {
                    "immutable" => Volatility::Immutable,
                    "stable" => Volatility::Stable,
                    _ => Volatility::Volatile,
                }
            }
            "strict" => function.strict = def_bool(d),
            "security" => function.security_definer = def_bool(d),
            "leakproof" => function.leakproof = def_bool(d),
            "parallel" => {
                function.parallel = match def_text(d).unwrap_or_default().as_str() {
                    "safe" => Parallel::Safe,
                    "restricted" => Parallel::Restricted,
                    _ => Parallel::Unsafe,
                }
            }
            "cost" => {
                let value = def_number(d).ok_or("COST needs a number")?;
                function.cost = float4_text(value);
            }
            "rows" => {
                let value = def_number(d).ok_or("ROWS needs a number")?;
                function.rows = float4_text(value);
            }
            "set" => {
                if let Some(NodeEnum::VariableSetStmt(set)) =
                    d.arg.as_deref().and_then(|a| a.node.as_ref())
                {
                    self.routine_setting(function, set);
                }
            }
            "support" | "transform" => {
                self.warn(format!(
                    "{} of {} is not managed",
                    d.defname.to_uppercase(),
                    function.signature()
                ));
            }
            other => return Err(format!("unknown routine option {other}")),
        }
        Ok(())
    }

    fn routine_setting(&mut self, function: &mut Function, set: &VariableSetStmt) {
        let name = set.name.to_lowercase();
        match VariableSetKind::try_from(set.kind) {
            Ok(VariableSetKind::VarSetValue) => {
                let values: Vec<String> =
                    set.args.iter().filter_map(nodes::constant_text).collect();
                let values = if LIST_SETTINGS.contains(&name.as_str()) {
                    values
                } else {
                    vec![values.join(", ")]
                };
                function.config.insert(name, values);
            }
            Ok(VariableSetKind::VarReset) | Ok(VariableSetKind::VarSetDefault) => {
                function.config.remove(&name);
            }
            Ok(VariableSetKind::VarResetAll) => function.config.clear(),
            _ => self.warn(format!(
                "SET {name} FROM CURRENT of {} is not managed",
                function.signature()
            )),
        }
    }

    /// A SQL-standard body: `RETURN expr` keyed like any expression, `BEGIN ATOMIC … END` by
    /// its statements, queries keyed like a view's and others as deparsed.
    fn standard_body(&self, body: &Node, function: &Function) -> Res<Expr> {
        match body.node.as_ref() {
            Some(NodeEnum::ReturnStmt(r)) => {
                let value = r.returnval.as_deref().ok_or("RETURN without a value")?;
                let expr = self.expr(value)?;
                let named = super::expr::parse_expr(&parameters_by_name(&expr.sql, function))?;
                Ok(Expr::new(
                    format!("RETURN {}", expr.sql),
                    format!("RETURN {}", self.expr(&named)?.key),
                ))
            }
            Some(NodeEnum::List(list)) => {
                let mut statements = Vec::new();
                let mut keys = Vec::new();
                for item in &list.items {
                    let inner = match item.node.as_ref() {
                        Some(NodeEnum::List(l)) => l.items.clone(),
                        _ => vec![item.clone()],
                    };
                    for stmt in inner {
                        let text = deparse_statement(&stmt)?;
                        // Keyed as the catalog prints it: parameters by name, queries like a
                        // view's, other statements with their expressions normalized.
                        let named = parse_statement(&parameters_by_name(&text, function))?;
                        let key = match named.node.as_ref() {
                            Some(NodeEnum::SelectStmt(select)) => self.query_key(select)?.1.key,
                            _ => self.statement_key(named)?,
                        };
                        statements.push(format!("{text};"));
                        keys.push(format!("{key};"));
                    }
                }
                let atomic = |s: &[String]| format!("BEGIN ATOMIC\n {}\nEND", s.join("\n "));
                Ok(Expr::new(atomic(&statements), atomic(&keys)))
            }
            _ => Err("unsupported function body".into()),
        }
    }

    /// The key of an `INSERT`, `UPDATE` or `DELETE` of a SQL-standard body: its table
    /// schema-qualified, its expressions keyed like any expression (qualifiers of columns
    /// dropped: the statement reads one table).
    pub(crate) fn statement_key(&self, mut stmt: Node) -> Res<String> {
        let relation_schema = |name: &str| {
            self.resolve("", name, |q| {
                self.schema.tables.contains_key(q)
                    || self.schema.sequences.contains_key(q)
                    || self.schema.text_search_configurations.contains_key(q)
            })
            .map_or_else(|| self.creation_schema(), |q| q.schema)
        };
        let ctx = super::expr::KeyContext {
            relation_schema: &relation_schema,
            qualified_columns: false,
            column_type: &|_| None,
        };
        let qualify = |rv: &mut Option<pg_query::protobuf::RangeVar>| {
            if let Some(rv) = rv.as_mut() {
                if rv.schemaname.is_empty() {
                    rv.schemaname = relation_schema(&rv.relname);
                }
                rv.location = 0;
            }
        };
        let targets = |list: &mut Vec<Node>| {
            for t in list {
                if let Some(NodeEnum::ResTarget(t)) = t.node.as_mut() {
                    t.location = 0;
                    if let Some(v) = t.val.as_deref_mut() {
                        super::expr::normalize(v, &ctx);
                    }
                }
            }
        };
        let condition = |n: &mut Option<Box<Node>>| {
            if let Some(n) = n.as_deref_mut() {
                super::expr::normalize(n, &ctx);
            }
        };
        match stmt.node.as_mut() {
            Some(NodeEnum::InsertStmt(s)) => {
                qualify(&mut s.relation);
                targets(&mut s.cols);
                if let Some(r) = s.returning_clause.as_mut() {
                    targets(&mut r.exprs);
                }
                if let Some(NodeEnum::SelectStmt(q)) =
                    s.select_stmt.as_deref_mut().and_then(|q| q.node.as_mut())
                {
                    for row in &mut q.values_lists {
                        if let Some(NodeEnum::List(l)) = row.node.as_mut() {
                            for v in &mut l.items {
                                super::expr::normalize(v, &ctx);
                            }
                        }
                    }
                }
            }
            Some(NodeEnum::UpdateStmt(s)) => {
                qualify(&mut s.relation);
                targets(&mut s.target_list);
                condition(&mut s.where_clause);
                if let Some(r) = s.returning_clause.as_mut() {
                    targets(&mut r.exprs);
                }
            }
            Some(NodeEnum::DeleteStmt(s)) => {
                qualify(&mut s.relation);
                condition(&mut s.where_clause);
                if let Some(r) = s.returning_clause.as_mut() {
                    targets(&mut r.exprs);
                }
            }
            _ => {}
        }
        deparse_statement(&stmt)
    }

    /// The routine an `ObjectWithArgs` names, by signature.
    pub(crate) fn find_routine(&self, owa: &ObjectWithArgs) -> Res<Option<String>> {
        let names = nodes::strings(&owa.objname);
        let (schema, name) = super::split_names(&names)
            .ok_or_else(|| format!("invalid name {}", names.join(".")))?;
        let mut types = Vec::new();
        for a in &owa.objargs {
            if let Some(NodeEnum::TypeName(t)) = a.node.as_ref() {
                types.push(without_modifiers(self.data_type(t)?).0);
            }
        }
        let arguments = types.join(", ");
        let matches = |q: &QualifiedName| {
            self.schema.functions.values().any(|f| {
                f.name == *q && (owa.args_unspecified || f.identity_arguments() == arguments)
            })
        };
        let Some(found) = self.resolve(schema, name, matches) else {
            return Ok(None);
        };
        let candidates: Vec<&String> = self
            .schema
            .functions
            .iter()
            .filter(|(_, f)| {
                f.name == found && (owa.args_unspecified || f.identity_arguments() == arguments)
            })
            .map(|(s, _)| s)
            .collect();
        match candidates.as_slice() {
            [one] => Ok(Some((*one).clone())),
            [] => Ok(None),
            _ => Err(format!("function name {found} is not unique")),
        }
    }

    fn routine(&self, owa: &ObjectWithArgs) -> Res<String> {
        self.find_routine(owa)?.ok_or_else(|| {
            format!(
                "function {}({}) does not exist",
                nodes::strings(&owa.objname).join("."),
                owa.objargs.len()
            )
        })
    }

    pub(crate) fn drop_routine(&mut self, stmt: &DropStmt) -> Res<()> {
        for object in &stmt.objects {
            let Some(NodeEnum::ObjectWithArgs(owa)) = object.node.as_ref() else {
                continue;
            };
            match self.find_routine(owa)? {
                Some(signature) => {
                    self.schema.functions.remove(&signature);
                }
                None if stmt.missing_ok => {}
                None if nodes::strings(&owa.objname).first().map(String::as_str)
                    == Some("pg_temp") => {}
                None => {
                    return Err(format!(
                        "function {} does not exist",
                        nodes::strings(&owa.objname).join(".")
                    ));
                }
            }
        }
        Ok(())
    }

    pub(crate) fn comment_routine(&mut self, stmt: &CommentStmt) -> Res<()> {
        let Some(NodeEnum::ObjectWithArgs(owa)) =
            stmt.object.as_deref().and_then(|o| o.node.as_ref())
        else {
            return Err("COMMENT ON FUNCTION without a function".into());
        };
        let signature = self.routine(owa)?;
        if let Some(f) = self.schema.functions.get_mut(&signature) {
            f.comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        }
        Ok(())
    }

    pub(crate) fn alter_routine(&mut self, stmt: &AlterFunctionStmt) -> Res<()> {
        let owa = stmt
            .func
            .as_ref()
            .ok_or("ALTER FUNCTION without a function")?;
        let signature = self.routine(owa)?;
        let Some(mut function) = self.schema.functions.get(&signature).cloned() else {
            return Ok(());
        };
        for action in &stmt.actions {
            if let Some(NodeEnum::DefElem(d)) = action.node.as_ref() {
                self.routine_option(&mut function, d)?;
            }
        }
        (function.references, function.calls) = references(&function);
        self.schema.functions.insert(signature, function);
        Ok(())
    }

    /// `ALTER FUNCTION … RENAME TO` / `SET SCHEMA`.
    pub(crate) fn move_routine(
        &mut self,
        object: Option<&Node>,
        schema: Option<&str>,
        name: Option<&str>,
    ) -> Res<()> {
        let Some(NodeEnum::ObjectWithArgs(owa)) = object.and_then(|o| o.node.as_ref()) else {
            return Err("ALTER FUNCTION without a function".into());
        };
        let signature = self.routine(owa)?;
        let Some(mut function) = self.schema.functions.remove(&signature) else {
            return Ok(());
        };
        if let Some(schema) = schema {
            self.require_namespace(schema)?;
            function.name.schema = schema.to_string();
        }
        if let Some(name) = name {
            function.name.name = name.to_string();
        }
        let new = function.signature();
        if self.schema.functions.contains_key(&new) {
            return Err(format!("function {new} already exists"));
        }
        self.schema.functions.insert(new.clone(), function);
        self.retarget_grants(|t| {
            (*t == schema_ir::GrantTarget::Function(signature.clone()))
                .then(|| schema_ir::GrantTarget::Function(new.clone()))
        });
        Ok(())
    }
}

fn def_text(d: &DefElem) -> Option<String> {
    d.arg.as_deref().and_then(nodes::constant_text)
}

fn def_bool(d: &DefElem) -> bool {
    match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::Boolean(b)) => b.boolval,
        Some(NodeEnum::Integer(i)) => i.ival != 0,
        None => true,
        _ => def_text(d).is_some_and(|t| t == "true" || t == "on"),
    }
}

fn def_number(d: &DefElem) -> Option<f64> {
    def_text(d).and_then(|t| t.parse().ok())
}

fn source_body(d: &DefElem) -> Res<FunctionBody> {
    let parts: Vec<String> = match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::List(list)) => list.items.iter().filter_map(nodes::constant_text).collect(),
        _ => def_text(d).into_iter().collect(),
    };
    match parts.as_slice() {
        [source] => Ok(FunctionBody::Source(source.clone())),
        [file, symbol] => Ok(FunctionBody::Object {
            file: file.clone(),
            symbol: symbol.clone(),
        }),
        _ => Err("invalid AS clause".into()),
    }
}

/// The statement `sql` holds.
fn parse_statement(sql: &str) -> Res<Node> {
    let parsed = crate::tree::parse(sql).map_err(|e| nodes::error_text(&e))?;
    parsed
        .stmts
        .into_iter()
        .next()
        .and_then(|s| s.stmt)
        .map(|s| *s)
        .ok_or_else(|| format!("not a statement: {sql}"))
}

/// `sql` with the routine's parameters written by name, as the catalog prints them: `$2`
/// becomes the second argument's name, and `routine.arg` the bare name.
fn parameters_by_name(sql: &str, function: &Function) -> String {
    let names: Vec<Option<String>> = function
        .arguments
        .iter()
        .filter(|a| !matches!(a.mode, ArgumentMode::Out | ArgumentMode::Table))
        .map(|a| {
            a.name
                .as_ref()
                .filter(|n| !n.is_empty())
                .map(|n| quote_ident(n))
        })
        .collect();
    let routine = format!("{}.", quote_ident(&function.name.name));
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    let mut in_string = false;
    while let Some(c) = rest.chars().next() {
        if c == '\'' {
            in_string = !in_string;
        } else if !in_string {
            let boundary = !out.ends_with(|p: char| p.is_alphanumeric() || p == '_' || p == '.');
            if c == '$' {
                let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
                if let Ok(n) = digits.parse::<usize>()
                    && let Some(Some(name)) = n.checked_sub(1).and_then(|i| names.get(i))
                {
                    out.push_str(name);
                    rest = &rest[1 + digits.len()..];
                    continue;
                }
            } else if boundary
                && let Some(after) = rest.strip_prefix(routine.as_str())
                && names.iter().flatten().any(|n| {
                    after.starts_with(n.as_str())
                        && !after[n.len()..].starts_with(|p: char| p.is_alphanumeric() || p == '_')
                })
            {
                rest = after;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

pub(crate) fn deparse_statement(stmt: &Node) -> Res<String> {
    let result = pg_query::protobuf::ParseResult {
        version: 0,
        stmts: vec![pg_query::protobuf::RawStmt {
            stmt: Some(Box::new(stmt.clone())),
            stmt_location: 0,
            stmt_len: 0,
        }],
    };
    pg_query::deparse(&result, Default::default()).map_err(|e| nodes::error_text(&e))
}

type Names = BTreeSet<QualifiedName>;

/// The relations a SQL-language body (as a string or SQL-standard) reads and the routines it
/// calls, qualified by the routine's own `search_path` (or `public`): PostgreSQL checks them
/// when it creates the routine.
fn references(function: &Function) -> (Names, Names) {
    let source = match &function.body {
        FunctionBody::Source(source) if function.language == "sql" => source.clone(),
        // A SQL-standard body: its statements, or its expression as a query.
        FunctionBody::Standard(body) => {
            let text = body.sql.trim();
            match text.strip_prefix("RETURN") {
                Some(expr) => format!("SELECT {expr}"),
                None => text
                    .strip_prefix("BEGIN ATOMIC")
                    .and_then(|t| t.strip_suffix("END"))
                    .unwrap_or(text)
                    .to_string(),
            }
        }
        _ => return Default::default(),
    };
    let Ok(parsed) = pg_query::parse(&source, 0) else {
        return Default::default();
    };
    let schema = function
        .config
        .get("search_path")
        .and_then(|p| {
            p.iter()
                .find(|s| !s.is_empty() && *s != "$user" && *s != "pg_temp")
        })
        .cloned()
        .unwrap_or_else(|| "public".to_string());
    let qualify = |t: String| match t.split_once('.') {
        Some((schema, name)) => QualifiedName::new(schema, name),
        None => QualifiedName::new(schema.as_str(), t.as_str()),
    };
    let calls = parsed
        .functions()
        .into_iter()
        .filter(|f| !f.starts_with("pg_catalog."))
        .map(qualify)
        .collect();
    (parsed.tables().into_iter().map(qualify).collect(), calls)
}

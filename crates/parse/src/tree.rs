//! The parse tree of SQL text from `pg_query`'s C parser. `pg_query::parse` also builds a
//! summary of every tree it returns (the tables, functions, aliases and filter columns it
//! names: a walk over the whole tree into hash sets, about a sixth of parsing a large file)
//! that nothing here reads; [`parse`] calls the same C function and decodes the same tree,
//! without the summary.

use pg_query::protobuf::ParseResult;
use prost::Message;
use std::ffi::{CStr, CString, c_char, c_int};

/// `PgQueryProtobuf` of `pg_query.h`.
#[repr(C)]
struct Protobuf {
    len: usize,
    data: *mut c_char,
}

/// `PgQueryError` of `pg_query.h`.
#[repr(C)]
struct Error {
    message: *mut c_char,
    funcname: *mut c_char,
    filename: *mut c_char,
    lineno: c_int,
    cursorpos: c_int,
    context: *mut c_char,
}

/// `PgQueryProtobufParseResult` of `pg_query.h`.
#[repr(C)]
struct ProtobufParseResult {
    parse_tree: Protobuf,
    stderr_buffer: *mut c_char,
    error: *mut Error,
}

// Linked from the static library that the `pg_query` crate builds.
unsafe extern "C" {
    fn pg_query_parse_protobuf_opts(input: *const c_char, options: c_int) -> ProtobufParseResult;
    fn pg_query_free_protobuf_parse_result(result: ProtobufParseResult);
}

/// The raw statements of `sql`, as `pg_query::parse(sql, 0)` returns them.
pub fn parse(sql: &str) -> Result<ParseResult, pg_query::Error> {
    let input = CString::new(sql).map_err(pg_query::Error::from)?;
    // SAFETY: `input` is a NUL-terminated string that outlives the call; the result's
    // pointers are read only before it is freed, once, by the library's own function.
    unsafe {
        let result = pg_query_parse_protobuf_opts(input.as_ptr(), 0);
        let parsed = if result.error.is_null() {
            let tree = std::slice::from_raw_parts(
                result.parse_tree.data as *const u8,
                result.parse_tree.len,
            );
            ParseResult::decode(tree).map_err(pg_query::Error::Decode)
        } else {
            let message = CStr::from_ptr((*result.error).message);
            Err(pg_query::Error::Parse(
                message.to_string_lossy().into_owned(),
            ))
        };
        pg_query_free_protobuf_parse_result(result);
        parsed
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_tree_as_pg_query() {
        let sql =
            "CREATE TABLE t (a int DEFAULT 1 CHECK (a > 0)); CREATE INDEX ON t (lower(a::text));";
        let ours = super::parse(sql).expect("parses");
        let theirs = pg_query::parse(sql, 0).expect("parses").protobuf;
        assert_eq!(ours, theirs);
    }

    #[test]
    fn syntax_errors_as_pg_query() {
        let ours = super::parse("CREATE TABLE (").unwrap_err().to_string();
        let theirs = pg_query::parse("CREATE TABLE (", 0)
            .unwrap_err()
            .to_string();
        assert_eq!(ours, theirs);
    }
}

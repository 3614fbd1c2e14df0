//! Where a schema comes from: a database URL (inspected live), a `.sql` file, a directory
//! of `.sql` files (lexical order), or `-` for standard input. Parser warnings are printed
//! to stderr with their file:line:col.

use crate::Failure;
use schema_inspect::InspectOptions;
use schema_ir::{ObjectFilter, Schema};
use std::io::Read;
use std::path::PathBuf;

pub enum Source {
    Database(String),
    Path(PathBuf),
    Stdin,
}

impl Source {
    pub fn parse(spec: &str) -> Result<Source, Failure> {
        const SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];
        if SCHEMES.iter().any(|s| spec.starts_with(s)) {
            return Ok(Source::Database(spec.to_string()));
        }
        if let Some((scheme, _)) = spec.split_once("://") {
            return Err(Failure(format!(
                "unsupported database URL scheme `{scheme}://` (supported: postgres://, postgresql://)"
            )));
        }
        if spec == "-" {
            return Ok(Source::Stdin);
        }
        let path = PathBuf::from(spec);
        if !path.exists() {
            return Err(Failure(format!("{spec}: no such file or directory")));
        }
        Ok(Source::Path(path))
    }

    /// Reads the schema, limited to the objects `filter` manages.
    pub async fn load(&self, filter: &ObjectFilter) -> Result<Schema, Failure> {
        Ok(self.load_with_hints(filter).await?.0)
    }

    /// Reads the schema and the hints its files carry (`-- schema:renamed-from`,
    /// `-- schema:using`).
    pub async fn load_with_hints(
        &self,
        filter: &ObjectFilter,
    ) -> Result<(Schema, schema_parse::Hints), Failure> {
        let parsed = match self {
            Source::Database(url) => {
                let (mut conn, mut helper) = schema_inspect::connect_with_helper(url).await?;
                let live = inspect(&mut conn, helper.as_mut(), filter).await?;
                schema_inspect::close(conn).await;
                schema_inspect::close_helper(helper).await;
                return Ok((live, schema_parse::Hints::default()));
            }
            // Files are read on a blocking thread, so that a database on the other side is
            // inspected meanwhile.
            Source::Path(path) => {
                let path = path.clone();
                blocking(move || Ok(schema_parse::parse_path(&path)?)).await?
            }
            Source::Stdin => {
                blocking(|| {
                    let mut sql = String::new();
                    std::io::stdin().read_to_string(&mut sql)?;
                    Ok(schema_parse::parse_sql(&sql, "<stdin>")?)
                })
                .await?
            }
        };
        for diagnostic in &parsed.diagnostics {
            eprintln!("{diagnostic}");
        }
        Ok((filter.apply(parsed.schema), parsed.hints))
    }
}

/// Inspects the database on `conn` (half of the catalog queries on `helper`, if given),
/// limited to the objects `filter` manages.
pub async fn inspect(
    conn: &mut schema_inspect::PgConnection,
    helper: Option<&mut schema_inspect::PgConnection>,
    filter: &ObjectFilter,
) -> Result<Schema, Failure> {
    // The history schema of `schema apply` is never part of a comparison.
    let filter = schema_apply::managed(filter, schema_apply::history::DEFAULT_SCHEMA);
    let options = InspectOptions {
        schemas: filter.schemas.clone(),
        exclude: filter.exclude.clone(),
    };
    let (live, _) = schema_inspect::inspect_counting_queries(conn, helper, &options).await?;
    Ok(filter.apply(live))
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Failure(format!("reading the schema failed: {e}")))?
}

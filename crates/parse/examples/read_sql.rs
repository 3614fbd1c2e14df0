//! Reads SQL files (or directories) given as arguments and prints the diagnostics and the
//! schema's JSON IR: a quick way to see what the reader makes of a file.

fn main() {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        match schema_parse::parse_path(std::path::Path::new(&arg)) {
            Ok(parsed) => {
                for d in &parsed.diagnostics {
                    eprintln!("{d}");
                }
                println!("{}", parsed.schema.to_json());
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}

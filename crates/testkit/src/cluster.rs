//! A private PostgreSQL cluster for machines where no server is running but the server
//! binaries are installed: `initdb` into a temporary directory, `pg_ctl start` on a free
//! local port with trust authentication. The cluster lives as long as the test process.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Starts a cluster and returns its maintenance URL.
pub fn start() -> Result<String, String> {
    let bin = server_binaries().ok_or("no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin")?;
    let dir = tempfile::Builder::new()
        .prefix("schema-testkit-")
        .tempdir()
        .map_err(|e| e.to_string())?
        .keep();
    let data = dir.join("data");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    // initdb refuses to run as root; run the server as the `postgres` user then.
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    if as_root {
        run(Command::new("chown").args(["-R", "postgres"]).arg(&dir))?;
    }
    let command = |program: &str| {
        let path = bin.join(program);
        if as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    };
    run(command("initdb")
        .args(["-A", "trust", "-U", "postgres", "-D"])
        .arg(&data))?;
    run(command("pg_ctl")
        .arg("-D")
        .arg(&data)
        .args(["-w", "-l"])
        .arg(dir.join("log"))
        .arg("-o")
        .arg(format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {}",
            dir.display()
        ))
        .arg("start"))?;
    Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"))
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| e.to_string())?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

fn server_binaries() -> Option<PathBuf> {
    let in_path = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).find(|dir| has_server(dir)));
    in_path.or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
            .filter(|dir| has_server(dir))
            .collect();
        versions.sort();
        versions.pop()
    })
}

fn has_server(dir: &Path) -> bool {
    dir.join("initdb").is_file() && dir.join("pg_ctl").is_file()
}

// Starting the real `folio-server` for the server's integration tests: on a free loopback port (it prints the port
// it got), with a temporary dist and database. Pulled in with include! by the tests and by common/mod.rs; a module
// of its own so its imports never clash with the including file's.
mod spawn {
    use std::io::{BufRead, BufReader};
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    /// Start the server with `extra` flags; returns the process and its port once it announced itself.
    pub fn spawn_server(dist: &Path, db: &std::ffi::OsStr, extra: &[&str]) -> (Child, u16) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_folio-server"));
        command.arg("--dist").arg(dist).arg("--db").arg(db).args(extra);
        spawn(command)
    }

    /// Start a prepared command (arguments, environment) on a free loopback port; returns the process and its port
    /// once it announced itself.
    pub fn spawn(mut command: Command) -> (Child, u16) {
        let mut child = command
            .args(["--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn folio-server");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        // Read the announcement, then keep draining so the server never blocks on stdout.
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("folio-server did not announce itself within 30 s");
            }
        };
        let port = line
            .trim_end()
            .strip_prefix("Folio is running at http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|port| port.parse().ok());
        let Some(port) = port else {
            let _ = child.kill();
            panic!("unexpected first line: {line:?}");
        };
        (child, port)
    }
}

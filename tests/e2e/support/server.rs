//! The reference server (release build, temporary database, free loopback port), started by the test itself.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use super::paths::{dist, root};

/// A free loopback port (for the server, or a WebDriver).
pub(super) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// The reference server, killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>/`
    pub url: String,
    db: PathBuf,
    port: u16,
    dist: PathBuf,
    /// Extra command-line arguments, kept for [`Server::restart`].
    args: Vec<String>,
}

impl Server {
    /// Start the server on the Trunk build in `dist/` with a fresh database in a temporary folder.
    pub fn start() -> Server {
        let dir =
            std::env::temp_dir().join(format!("folio-e2e-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self::start_with(dir.join("folio.db"), free_port(), dist(), Vec::new())
    }

    /// Start the server on another dist directory (the embed tests add their host pages to a copy).
    pub fn start_serving(dist: PathBuf) -> Server {
        let dir =
            std::env::temp_dir().join(format!("folio-e2e-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self::start_serving_with(dist, |_| Vec::new())
    }

    /// Like [`Server::start_serving`] with extra arguments, made from the port the server will listen on
    /// (`--allow-origin http://localhost:<port>`, `--csp …`).
    pub fn start_serving_with(dist: PathBuf, args: impl FnOnce(u16) -> Vec<String>) -> Server {
        let dir =
            std::env::temp_dir().join(format!("folio-e2e-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let port = free_port();
        Self::start_with(dir.join("folio.db"), port, dist, args(port))
    }

    /// Start an instance on the PostgreSQL database at `url` (several instances may share it), on the Trunk build in
    /// `dist/`.
    pub fn start_on_database(url: &str) -> Server {
        Self::start_with(PathBuf::from(url), free_port(), dist(), Vec::new())
    }

    fn start_with(db: PathBuf, port: u16, dist: PathBuf, args: Vec<String>) -> Server {
        assert!(
            dist.join("index.html").exists(),
            "no Trunk build in {} (run `trunk build --release`)",
            dist.display()
        );
        let bin = std::env::var("FOLIO_SERVER_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|_| root().join("target/release/folio-server"));
        assert!(
            bin.exists(),
            "no server binary at {} (run `cargo build --release -p folio-server`)",
            bin.display()
        );
        let mut child = Command::new(&bin)
            .args([
                "--dist".as_ref(),
                dist.as_os_str(),
                "--db".as_ref(),
                db.as_os_str(),
            ])
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        let mut reader = BufReader::new(stdout);
        while !line.contains("Folio is running at") {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                let _ = child.kill();
                panic!("the server exited before it was ready");
            }
        }
        let url = line.trim().rsplit(' ').next().expect("url").to_string();
        Server {
            child,
            url,
            db,
            port,
            dist,
            args,
        }
    }

    /// Stop the server and start it again on the same database and port (what a deploy or a crash does).
    pub fn restart(mut self) -> Server {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (db, port, dist) = (self.db.clone(), self.port, self.dist.clone());
        let args = std::mem::take(&mut self.args);
        std::mem::forget(self);
        Self::start_with(db, port, dist, args)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The database's folder was made for this server alone (`restart` forgets the old value instead); a
        // PostgreSQL database is the caller's.
        if let Some(dir) = self
            .db
            .parent()
            .filter(|_| !self.db.to_string_lossy().starts_with("postgres"))
        {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The SPA URL of a demo article.
pub fn article_url(server: &Server, id: &str) -> String {
    format!("{}?src=demo/articles/{id}.json", server.url)
}

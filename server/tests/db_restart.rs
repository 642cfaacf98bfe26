//! Issue 16: the database restarts under two running instances. The cluster is this test's own (a restart of the
//! shared one would cut every other test's connections): created with the binaries scripts/postgres.sh found
//! (`FOLIO_PG_BIN`), on a free port under the test's directory, removed afterwards. After `pg_ctl restart` both
//! instances serve again without being restarted themselves, and a comment posted on A after the restart reaches
//! the event stream B kept open across it, once. Without `FOLIO_PG_BIN` the test says so and returns.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{post, request, Site, ARTICLE};

/// A PostgreSQL cluster of this test's own; stopped and removed on drop.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl Cluster {
    fn start(bin: PathBuf, dir: PathBuf) -> Cluster {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the cluster's directory");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let cluster = Cluster { bin, dir, port };
        if is_root() {
            // PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user, as in postgres.sh.
            let chown = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(&cluster.dir)
                .status()
                .expect("chown");
            assert!(chown.success());
        }
        let data = cluster.dir.join("data");
        cluster.run(&[
            "initdb".as_ref(),
            "-D".as_ref(),
            data.as_os_str(),
            "-U".as_ref(),
            "postgres".as_ref(),
            "-A".as_ref(),
            "trust".as_ref(),
            "--no-sync".as_ref(),
        ]);
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            cluster.port,
            cluster.dir.display()
        );
        cluster.pg_ctl(&["-o", &options, "start"]);
        cluster
    }

    /// Runs a PostgreSQL program (`args[0]`, from the binaries' directory) as the cluster's owner.
    fn run(&self, args: &[&std::ffi::OsStr]) {
        let program = self.bin.join(args[0]);
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        let out = command
            .args(&args[1..])
            .current_dir(&self.dir)
            .output()
            .expect("a PostgreSQL program");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.join("data");
        let log = self.dir.join("server.log");
        let mut all: Vec<&std::ffi::OsStr> = vec![
            "pg_ctl".as_ref(),
            "-D".as_ref(),
            data.as_os_str(),
            "-l".as_ref(),
            log.as_os_str(),
            "-w".as_ref(),
        ];
        all.extend(args.iter().map(std::ffi::OsStr::new));
        self.run(&all);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let program = self.bin.join("pg_ctl");
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        let _ = command
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// An open event stream of the test article; [`wait_for`] reads it.
fn open_stream(port: u16) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(
        format!("GET /api/articles/{ARTICLE}/events HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
    )
    .expect("send");
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .expect("timeout");
    s
}

fn wait_for(stream: &mut TcpStream, seen: &mut String, needle: &str, limit: Duration) -> bool {
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    while !seen.contains(needle) && start.elapsed() < limit {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => {}
        }
    }
    seen.contains(needle)
}

#[test]
fn instances_survive_a_database_restart() {
    let Some(bin) = std::env::var_os("FOLIO_PG_BIN").map(PathBuf::from) else {
        eprintln!("db_restart: skipped, needs FOLIO_PG_BIN (run through scripts/postgres.sh)");
        return;
    };
    assert!(Path::new(&bin).join("pg_ctl").is_file(), "{bin:?}");
    let site = Site::new("db-restart");
    let cluster = Cluster::start(bin, site.root.join("cluster"));
    let url = cluster.url();
    let dist = site.root.join("dist");
    let start = || spawn::spawn_server(&dist, url.as_ref(), &["--rate-limit", "0"]);
    let ((mut a, a_port), (mut b, b_port)) = (start(), start());
    let mut stream = open_stream(b_port);
    let mut seen = String::new();
    assert!(post(a_port, "before the restart").is_some());
    assert!(wait_for(
        &mut stream,
        &mut seen,
        "before the restart",
        Duration::from_secs(10)
    ));

    cluster.pg_ctl(&["-m", "fast", "restart"]);

    // Posts that meet a connection the restart closed are not acknowledged; the pool replaces it.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut posted = false;
    while !posted && Instant::now() < deadline {
        posted = post(a_port, "after the restart").is_some();
        if !posted {
            std::thread::sleep(Duration::from_millis(250));
        }
    }
    assert!(posted, "A never stored a comment after the restart");
    let arrived = wait_for(
        &mut stream,
        &mut seen,
        "after the restart",
        Duration::from_secs(20),
    );
    let ready = request(b_port, "GET", "/readyz", None).map(|r| r.0);
    for child in [&mut a, &mut b] {
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(
        arrived,
        "B's stream never got the comment posted after the restart: {seen:?}"
    );
    let copies = seen
        .lines()
        .filter(|l| l.starts_with("data:") && l.contains("after the restart"))
        .count();
    assert_eq!(copies, 1, "{seen:?}");
    assert_eq!(ready, Some(200), "B is not ready again");
}

include!("harness/spawn.rs");

//! The real pieces an end-to-end test needs, started by the test itself: the reference server (release build,
//! temporary database, free loopback port) and a WebDriver (chromedriver or geckodriver) driving a headless browser.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where screenshots taken by the tests go (ignored by git).
pub fn artifacts() -> PathBuf {
    let dir = root().join("tests/artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn free_port() -> u16 {
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

/// The Trunk build the tests serve: `$FOLIO_DIST`, else `dist/`.
pub fn dist() -> PathBuf {
    std::env::var("FOLIO_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("dist"))
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
        // The database's folder was made for this server alone (`restart` forgets the old value instead).
        if let Some(dir) = self.db.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A browser to test in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    /// Headless Chromium through chromedriver.
    Chromium,
    /// Headless Firefox through geckodriver.
    Firefox,
}

impl Browser {
    /// Both, in a fixed order.
    pub const ALL: [Browser; 2] = [Browser::Chromium, Browser::Firefox];
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let home_cargo = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin"));
    std::env::split_paths(&path)
        .chain(home_cargo)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A WebDriver session; the driver process is killed when dropped.
pub struct Session {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
    /// Which browser.
    pub browser: Browser,
}

impl Session {
    /// Start the driver and a headless browser session.
    pub async fn start(browser: Browser) -> Session {
        Self::launch(browser, false).await
    }

    /// Start a session whose browser reports `prefers-color-scheme: dark` (the operating system's dark mode).
    pub async fn start_prefers_dark(browser: Browser) -> Session {
        Self::launch(browser, true).await
    }

    async fn launch(browser: Browser, dark: bool) -> Session {
        let port = free_port();
        let profile =
            std::env::temp_dir().join(format!("folio-profile-{}-{port}", std::process::id()));
        let _ = std::fs::create_dir_all(&profile);
        let (driver_bin, caps) = match browser {
            Browser::Chromium => {
                let driver = which(&["chromedriver"])
                    .expect("chromedriver (apt-get install chromium-driver)");
                let binary = which(&["chromium", "chromium-browser"]).expect("chromium");
                let caps = json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": binary,
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                                 "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                                 format!("--user-data-dir={}", profile.display())]
                    }
                });
                (driver, caps)
            }
            Browser::Firefox => {
                let driver =
                    which(&["geckodriver"]).expect("geckodriver (cargo install geckodriver)");
                let binary = which(&["firefox-esr", "firefox"]).expect("firefox-esr");
                let caps = json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {
                        "binary": binary,
                        "args": ["-headless", "-width", "1280", "-height", "900"],
                        "prefs": { "network.captive-portal-service.enabled": false, "app.update.enabled": false,
                                   "browser.shell.checkDefaultBrowser": false, "datareporting.policy.dataSubmissionEnabled": false }
                    }
                });
                (driver, caps)
            }
        };
        let mut caps = caps;
        if dark {
            // (`pointer_mut`, not indexing: indexing a missing key would insert it.)
            if let Some(Value::Array(args)) = caps.pointer_mut("/goog:chromeOptions/args") {
                args.push(json!("--force-dark-mode"));
            }
            if let Some(Value::Object(prefs)) = caps.pointer_mut("/moz:firefoxOptions/prefs") {
                prefs.insert("ui.systemUsesDarkTheme".into(), json!(1));
            }
        }
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("driver starts");
        let caps: serde_json::Map<String, Value> = caps.as_object().cloned().unwrap_or_default();
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    panic!("{browser:?} session did not start: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Session {
            client,
            driver,
            profile,
            browser,
        }
    }

    /// End the session cleanly (geckodriver serves one session at a time).
    pub async fn close(mut self) {
        let client = self.client.clone();
        let _ = client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Open a page.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{:?}: goto {url}: {e}", self.browser));
    }

    /// Poll a JavaScript expression until it is truthy (never a fixed sleep); panics with `what` after 20 s.
    pub async fn wait_for(&self, what: &str, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let v = self
                .client
                .execute(&format!("return !!({expr});"), vec![])
                .await;
            if matches!(v, Ok(Value::Bool(true))) {
                return;
            }
            if Instant::now() > deadline {
                let _ = self
                    .screenshot(&format!("timeout-{}", what.replace(' ', "-")))
                    .await;
                panic!(
                    "{:?}: timed out waiting for {what} ({expr}); last: {v:?}",
                    self.browser
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Evaluate JavaScript and return its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{:?}: script failed: {e}", self.browser))
    }

    /// Text of the first element matching `css` (empty when absent).
    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Type into a field.
    pub async fn type_into(&self, css: &str, text: &str) {
        let e = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{:?}: no {css}: {e}", self.browser));
        e.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("{:?}: typing into {css}: {e}", self.browser));
    }

    /// Click an element.
    pub async fn click(&self, css: &str) {
        let e = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{:?}: no {css}: {e}", self.browser));
        e.click()
            .await
            .unwrap_or_else(|e| panic!("{:?}: clicking {css}: {e}", self.browser));
    }

    /// Save a PNG screenshot under tests/artifacts/.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = artifacts().join(format!("{name}-{:?}.png", self.browser).to_lowercase());
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(&path, png);
        }
        path
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The SPA URL of a demo article.
pub fn article_url(server: &Server, id: &str) -> String {
    format!("{}?src=demo/articles/{id}.json", server.url)
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A private copy of the Trunk build that tests add their own files to (host pages, fixtures, generated
/// documents); deleted when dropped.
pub struct TempSite {
    /// The copy's folder, served as `--dist`.
    pub dir: PathBuf,
}

impl TempSite {
    /// Copy the build into a fresh temporary folder named after `label`, then each `(folder, under)` of the
    /// repository into `under/` of the copy.
    pub fn new(label: &str, extras: &[(&str, &str)]) -> TempSite {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("folio-{label}-dist-{}-{nanos}", std::process::id()));
        copy_dir(&dist(), &dir);
        for (from, under) in extras {
            copy_dir(&root().join(from), &dir.join(under));
        }
        TempSite { dir }
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The reference server on a [`TempSite`]; derefs to the [`Server`]. Fields drop in order: the server stops
/// before its files are deleted.
pub struct SiteServer {
    /// The running server.
    pub server: Server,
    /// Its files.
    pub site: TempSite,
}

impl SiteServer {
    /// Serve a fresh [`TempSite`] with `extras` added.
    pub fn start(label: &str, extras: &[(&str, &str)]) -> SiteServer {
        Self::start_with(label, extras, |_| Vec::new())
    }

    /// [`SiteServer::start`] with extra server arguments made from the port (see [`Server::start_serving_with`]).
    pub fn start_with(
        label: &str,
        extras: &[(&str, &str)],
        args: impl FnOnce(u16) -> Vec<String>,
    ) -> SiteServer {
        let site = TempSite::new(label, extras);
        let server = Server::start_serving_with(site.dir.clone(), args);
        SiteServer { server, site }
    }
}

impl std::ops::Deref for SiteServer {
    type Target = Server;
    fn deref(&self) -> &Server {
        &self.server
    }
}

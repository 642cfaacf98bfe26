//! A WebDriver session (chromedriver or geckodriver) driving a headless browser: start and stop. What a test does
//! with it is in `actions.rs`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

use super::browser::Browser;
use super::server::free_port;

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
        let (driver_bin, caps) = browser.driver_and_capabilities(&profile, dark);
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("driver starts");
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
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

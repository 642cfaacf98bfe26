//! The two browsers the tests run in, and the WebDriver capabilities that start each one headless.

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use super::paths::which;

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

    /// The WebDriver binary, and the capabilities of a headless session with its profile in `profile` (Chromium;
    /// Firefox makes its own), reporting `prefers-color-scheme: dark` when `dark`.
    pub(super) fn driver_and_capabilities(
        self,
        profile: &Path,
        dark: bool,
    ) -> (PathBuf, Map<String, Value>) {
        let (driver, mut caps) = match self {
            Browser::Chromium => {
                let driver = which(&["chromedriver"])
                    .expect("chromedriver (apt-get install chromium-driver)");
                let caps = json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": chromium_options(profile),
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
        if dark {
            // (`pointer_mut`, not indexing: indexing a missing key would insert it.)
            if let Some(Value::Array(args)) = caps.pointer_mut("/goog:chromeOptions/args") {
                args.push(json!("--force-dark-mode"));
            }
            if let Some(Value::Object(prefs)) = caps.pointer_mut("/moz:firefoxOptions/prefs") {
                prefs.insert("ui.systemUsesDarkTheme".into(), json!(1));
            }
        }
        (driver, caps.as_object().cloned().unwrap_or_default())
    }
}

/// `goog:chromeOptions` for a headless Chromium with its profile in `profile`. The background-networking flags
/// matter here: without them Chromium's own connections are refused by this machine's closed network.
pub fn chromium_options(profile: &Path) -> Value {
    let binary = which(&["chromium", "chromium-browser"]).expect("chromium");
    json!({
        "binary": binary,
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                 format!("--user-data-dir={}", profile.display())]
    })
}

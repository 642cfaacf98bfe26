//! What a test does in the page through its [`Session`]: open, wait, evaluate, read, type, click, screenshot.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;

use super::paths::artifacts;
use super::session::Session;

impl Session {
    /// Open a page. A page the server rendered (`/read/{id}`, or `/?src=` naming one of its articles) shows its
    /// article before the SPA has taken it over: wait until the reader has (`data-folio-ready` on the root), as a
    /// reader's clicks before then would reach no handler. `?folio-test-hold` pages are held on purpose.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{:?}: goto {url}: {e}", self.browser));
        if !url.contains("folio-test-hold") {
            self.wait_for(
                "the server's page taken over by the SPA",
                "!document.querySelector('#folio-root[data-src]') || \
                 document.getElementById('folio-root').hasAttribute('data-folio-ready')",
            )
            .await;
        }
    }

    /// Poll a JavaScript expression until it is truthy (never a fixed sleep); panics with `what` after 20 s.
    pub async fn wait_for(&self, what: &str, expr: &str) {
        self.wait_for_secs(what, expr, 20).await;
    }

    /// [`Session::wait_for`] with another limit, for what takes longer by design (a client-side timeout).
    pub async fn wait_for_secs(&self, what: &str, expr: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
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

    /// The first element matching `css`; panics when there is none.
    async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{:?}: no {css}: {e}", self.browser))
    }

    /// Empty the field `field` (a JavaScript expression for it) as a reader's select-all and delete would: its value
    /// and an `input` event. Folio's fields are controlled (Yew puts the state's text back into the element on any
    /// redraw), so a value emptied without the event could come back before the next keystroke: the edit test once
    /// stored the old text followed by the new one.
    pub async fn clear_field(&self, field: &str) {
        self.eval(&format!(
            "const f = {field}; f.value = ''; f.dispatchEvent(new Event('input', {{ bubbles: true }})); return 0"
        ))
        .await;
    }

    /// Type into a field.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.find(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("{:?}: typing into {css}: {e}", self.browser));
    }

    /// Click an element.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
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

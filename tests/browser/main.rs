//! Browser tests of the components: each renders into a fresh element of a real page (headless Chromium or
//! Firefox through wasm-bindgen-test-runner) and checks the markup PRODUCT.md promises.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`
//! (or `GECKODRIVER=...` for Firefox).
#![cfg(target_arch = "wasm32")]

mod article;
mod avatars;
mod comments;
mod common;
mod controls;
mod entities;
mod hostile;
mod own_comment;
mod preloaded;
mod read_aloud;
mod reparse;
mod styles;
mod support;
mod threads;
mod warnings;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

//! The standalone SPA's entry point (the Trunk build).

fn main() {
    // The same WebAssembly module serves `<folio-reader>` on host pages (see `folio::shells::embed`): only the
    // SPA's own page, which has `#folio-root`, starts the SPA.
    let spa_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("folio-root"))
        .is_some();
    if spa_page {
        folio::shells::spa::start();
    }
}

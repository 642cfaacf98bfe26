//! The standalone SPA's entry point (the Trunk build).

fn main() {
    // Host pages load the embed's own module (`src/bin/folio-embed.rs`), not this one; a page that loads this one
    // without `#folio-root` (a test page, a copy of index.html) gets no SPA drawn over it.
    let spa_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("folio-root"))
        .is_some();
    if spa_page {
        folio::shells::spa::start();
    }
}

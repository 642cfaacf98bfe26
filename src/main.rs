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

/// The module's allocator: TLSF (`rlsf`), constant time per allocation and free, and 2.1 KB brotli less code than the
/// standard library's dlmalloc (docs/embed.md, "Sizes"). Declared by the binaries, not the library, so a Yew app
/// that uses `folio::Reader` keeps its own.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

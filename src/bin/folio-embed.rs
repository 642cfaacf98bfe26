//! The embed's WebAssembly module: what `<folio-reader>` loads on a host page (`embed/folio.js`).
//!
//! It has no `main` work to do: the loader calls the functions `folio::shells::embed` exports
//! (`folio_mount`, `folio_update`, `folio_unmount`, `folio_live_apps`). Being its own binary is what keeps the SPA
//! out of it: nothing here names `folio::shells::spa`, so the link drops the SPA shell, the demo index and the
//! mapping playground (`docs/size-report.md` shows which items are left). Built by `embed/build.sh`, which the
//! Trunk build runs after the SPA.

fn main() {
    // Naming the exports links the library's object, whose `#[wasm_bindgen]` exports then stay in the module; with
    // nothing named, the linker would keep none of it. `black_box` so the names are not optimised away first.
    std::hint::black_box((
        folio::shells::embed::folio_mount as fn(_, _, _, _) -> u32,
        folio::shells::embed::folio_live_apps as fn() -> u32,
    ));
}

/// The module's allocator: TLSF (`rlsf`), constant time per allocation and free, and 2.1 KB brotli less code than the
/// standard library's dlmalloc (docs/embed.md, "Sizes"). Declared by the binaries, not the library, so a Yew app
/// that uses `folio::Reader` keeps its own.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

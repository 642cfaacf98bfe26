//! The two thin shells around the [`Reader`](crate::Reader): the standalone SPA (URL parameters, demo index) and,
//! later, the embeddable `<folio-reader>` custom element.

pub mod spa;

/// Report a panic on the console with its message. (A panic aborts the WebAssembly instance; issue 6 turns the
/// remaining ones into an error inside the widget.)
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("folio: internal error: {info}").into());
    }));
}

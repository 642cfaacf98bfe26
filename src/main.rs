//! The standalone SPA's entry point (the Trunk build).

fn main() {
    folio::shells::spa::start();
}

//! Prints Folio's widget stylesheet (`folio::styles::css()`, written with stylist beside the components) to
//! stdout. `styles/generate.sh` runs it before every Trunk build and writes `styles/generated/folio.css`, the
//! file the SPA and the `<folio-reader>` embed link.

fn main() {
    print!("{}", folio::styles::css());
}

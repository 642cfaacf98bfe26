//! The finishing passes of the embed's release modules, run by `embed/build.sh` after `wasm-opt` has done what it
//! can: each takes out bytes that only a finished wasm-bindgen module shows, and that no compiler or optimiser flag
//! of the stable toolchain removes.
//!
//! - [`locations`]: Rust's panic locations (a file name, line and column for every place that can panic) are
//!   blanked in place, since stable Rust cannot leave them out and only a panic message reads them (−3.0 KB
//!   brotli). Run right after `wasm-opt`: `wasm-finish strip-locations <in.wasm> <out.wasm>`.
//! - [`imports`]: the module's imports, each named by wasm-bindgen after its glue file and a hash that does not
//!   compress, are renamed to one- and two-letter names in the wasm and in its JS glue alike (−5.7 KB brotli over
//!   the two files). Run once the glue is minified: `wasm-finish minify-imports <module.wasm> <glue.js>`.
//!
//! Both read the module with the same bounds-checked reader (a private module): malformed input is an error, never
//! a panic, and a module is either rewritten whole or not at all. No dependencies: the tool is built on every
//! release build.

pub mod imports;
pub mod locations;
mod wasm;

#[cfg(test)]
pub(crate) mod test_support;

//! Writes the interface strings of every language but English, one file each, into the directory given:
//! `folio-strings-<code>.json`, a JSON array of strings in `Strings::texts` order (`folio::i18n`). The embed's
//! modules are built without the `languages` feature and carry English only; `embed/postbuild.sh` runs this,
//! hashes the files into their names, and writes their names and SRI hashes into the loader, which fetches the
//! reader's language and hands it over (`folio_strings`) before the reader draws.
//!
//!     cargo run --example folio_strings -- <dir>

use std::path::PathBuf;
use std::process::ExitCode;

use folio::i18n::Lang;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: folio_strings <dir>");
        return ExitCode::from(2);
    };
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let path = dir.join(format!("folio-strings-{}.json", lang.code()));
        if let Err(e) = std::fs::write(&path, lang.table().to_json()) {
            eprintln!("folio_strings: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

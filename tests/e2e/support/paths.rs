//! Where things are: the repository, the Trunk build the tests serve, fixtures, screenshots, tools on `PATH`.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where screenshots taken by the tests go (ignored by git).
pub fn artifacts() -> PathBuf {
    let dir = root().join("tests/artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// The Trunk build the tests serve: `$FOLIO_DIST`, else `dist/`.
pub fn dist() -> PathBuf {
    std::env::var("FOLIO_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("dist"))
}

/// A fixture file of tests/fixtures/`<platform>` (the recorded answers of WordPress, Reddit, …).
pub fn fixture(platform: &str, name: &str) -> String {
    let path = root().join("tests/fixtures").join(platform).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The first of `names` found on `PATH` or in `~/.cargo/bin`.
pub fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let home_cargo = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin"));
    std::env::split_paths(&path)
        .chain(home_cargo)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

//! The moderator token read from a file (`--moderator-token-file`), so it shows neither in `ps` (as a flag's value
//! does) nor in the process environment.

use std::path::Path;

use super::values::check_moderator_token;

/// The token in `path`: its first line, without the line break editors and `echo` add, checked like the flag's.
pub(super) fn read_token_file(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        format!(
            "cannot read the moderator token file {}: {err}",
            path.display()
        )
    })?;
    warn_if_readable_by_others(path);
    let token = text.lines().next().unwrap_or("").trim_end();
    check_moderator_token(token).map_err(|err| format!("{}: {err}", path.display()))
}

/// A token file anyone on the machine can read is no secret; the server still starts (the operator may have
/// reasons), but says so.
#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.permissions().mode() & 0o004 != 0 {
            eprintln!(
                "folio-server: warning: {} is readable by every user; chmod 600 it",
                path.display()
            );
        }
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}

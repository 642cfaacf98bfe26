//! A private copy of the Trunk build with a test's own files added, and the reference server serving it.

use std::path::PathBuf;

use super::paths::{copy_dir, dist, root};
use super::server::Server;

/// A private copy of the Trunk build that tests add their own files to (host pages, fixtures, generated
/// documents); deleted when dropped.
pub struct TempSite {
    /// The copy's folder, served as `--dist`.
    pub dir: PathBuf,
}

impl TempSite {
    /// Copy the build into a fresh temporary folder named after `label`, then each `(folder, under)` of the
    /// repository into `under/` of the copy.
    pub fn new(label: &str, extras: &[(&str, &str)]) -> TempSite {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("folio-{label}-dist-{}-{nanos}", std::process::id()));
        copy_dir(&dist(), &dir);
        for (from, under) in extras {
            copy_dir(&root().join(from), &dir.join(under));
        }
        TempSite { dir }
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The reference server on a [`TempSite`]; derefs to the [`Server`]. Fields drop in order: the server stops
/// before its files are deleted.
pub struct SiteServer {
    /// The running server.
    pub server: Server,
    /// Its files.
    pub site: TempSite,
}

impl SiteServer {
    /// Serve a fresh [`TempSite`] with `extras` added.
    pub fn start(label: &str, extras: &[(&str, &str)]) -> SiteServer {
        Self::start_with(label, extras, |_| Vec::new())
    }

    /// [`SiteServer::start`] with extra server arguments made from the port (see [`Server::start_serving_with`]).
    pub fn start_with(
        label: &str,
        extras: &[(&str, &str)],
        args: impl FnOnce(u16) -> Vec<String>,
    ) -> SiteServer {
        let site = TempSite::new(label, extras);
        let server = Server::start_serving_with(site.dir.clone(), args);
        SiteServer { server, site }
    }
}

impl std::ops::Deref for SiteServer {
    type Target = Server;
    fn deref(&self) -> &Server {
        &self.server
    }
}

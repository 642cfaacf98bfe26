//! The helpers every end-to-end test file imports, one module per concern. The real pieces are started by the test
//! itself: the reference server (release build, temporary database, free loopback port), a WebDriver (chromedriver
//! or geckodriver) driving a headless browser, and loopback servers that answer like other platforms' APIs.
//!
//! - [`paths`]: the repository, the build, fixtures; [`server`]: the reference server; [`site`]: a private copy of
//!   the build with a test's own files, served;
//! - [`browser`], [`session`] and [`actions`]: the browsers, a WebDriver session, what a test does in the page;
//! - [`thread`]: the demo pages and the steps a reader takes in a comment thread; [`api`]: a second client of the
//!   reference server's API; [`loopback`]: a tiny HTTP server for APIs that cannot run here; [`wordpress`]: one
//!   that answers like WordPress.

pub mod actions;
pub mod api;
pub mod browser;
pub mod loopback;
pub mod paths;
pub mod server;
pub mod session;
pub mod site;
pub mod thread;
pub mod wordpress;

// What nearly every test names, importable as `crate::support::{Browser, Server, Session, …}`.
pub use browser::Browser;
pub use paths::{dist, root};
pub use server::{article_url, Server};
pub use session::Session;
pub use site::{SiteServer, TempSite};

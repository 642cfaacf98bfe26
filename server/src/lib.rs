//! `folio-server`, the reference server of Folio, as a library: the binary (`main.rs`) parses the command line and
//! serves [`app::build`]'s router on a socket; the integration tests call the same router in-process.
//!
//! Modules depend downward only:
//! - `remote` (fetching other origins' articles for server rendering under the `--render-origin` policy; a leaf,
//!   whose origin check `config` uses);
//! - `config` (the command line), `logging` (the log's format) and the leaves `model`, `timefmt`, `token`, `limiter`, `client` (whose address
//!   the limits count), then `errors` (which turns `db`'s failure type into a 500) and `paging`;
//! - `db` (one interface over SQLite, split by concern, and PostgreSQL, with its cross-instance notifications), `input` (reading posted JSON), `seed` (importing the demo's comments), `live`
//!   (the hub of new comments), `streams` (open streams per client), `statics` (the dist directory);
//! - `state` (what every handler shares, built from the config), and `housekeeping` (the sweep on a clock);
//! - `handlers` (one module per resource), which use `state` and the modules below it;
//! - `routes` (addresses to handlers, CORS), `app` (everything assembled at startup), and `serve` (the socket, with
//!   the connection caps and the header-read timeout);
//! - beside the server: `transfer` (a whole store as JSON, for moving it between databases) and `commands` (the
//!   `migrate`, `export` and `import` subcommands).

#![warn(missing_docs)]

pub mod app;
pub mod client;
pub mod commands;
pub mod config;
pub mod db;
pub mod errors;
pub mod handlers;
pub mod housekeeping;
pub mod input;
pub mod limiter;
pub mod live;
pub mod logging;
pub mod model;
pub mod paging;
pub mod remote;
pub mod routes;
pub mod seed;
pub mod serve;
pub mod state;
pub mod statics;
pub mod streams;
pub mod timefmt;
pub mod token;
pub mod transfer;

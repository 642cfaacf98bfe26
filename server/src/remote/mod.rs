//! Fetching other sites' articles for server rendering (`GET /read?src=…`, issue 15), safely. The server fetches
//! only from the origins the operator listed (`--render-origin`), never from an address inside its own network
//! unless the operator opened that one origin to it (`--render-allow-private`), with a timeout, a size cap and
//! redirects checked like the first URL. `docs/security.md` ("Server-side fetches") says what each rule stops.
//!
//! - `address`: which IP addresses are public unicast, and what the others are;
//! - `policy`: the list, the limits, and a URL checked against them;
//! - `fetch`: the request itself (DNS, the checked connection, TLS, redirects, the capped body);
//! - `error`: why a fetch gave nothing, with the status of the page that says so.

pub mod address;
mod error;
mod fetch;
mod policy;
#[cfg(test)]
mod tests;

pub use error::FetchError;
pub use fetch::{fetch, Fetched};
pub use policy::{parse_origin, Policy, Target, MAX_REDIRECTS};

//! Serving the Trunk build in `<dist>`: files, the SPA fallback and cache headers.

use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;

/// Trunk's hashed assets never change under the same name, so they may be cached for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (index.html, JSON, unhashed files) is revalidated on every use.
const NO_CACHE: &str = "no-cache";

/// The static file server for one dist directory.
#[derive(Clone)]
pub struct Statics {
    dir: ServeDir,
    /// `--csp` rules: a path prefix and the `Content-Security-Policy` for HTML files under it.
    csp: Vec<(String, HeaderValue)>,
}

impl Statics {
    /// Serves files under `dist`; `ServeDir` itself refuses `..` and other escapes.
    pub fn new(dist: &Path) -> Self {
        Statics {
            dir: ServeDir::new(dist).append_index_html_on_directories(true),
            csp: Vec::new(),
        }
    }

    /// Sends `Content-Security-Policy: <policy>` with every HTML page whose path starts with the prefix (the
    /// first matching rule wins), so test and demo host pages can run under a real header policy: a `<meta>`
    /// policy is not the same (it cannot hold `frame-ancestors` or `report-to` and applies only after parsing).
    /// Rules whose policy is not a valid header value are skipped; the `config` module refuses them first.
    pub fn with_csp(mut self, rules: &[(String, String)]) -> Self {
        self.csp = rules
            .iter()
            .filter_map(|(prefix, policy)| {
                HeaderValue::from_str(policy)
                    .ok()
                    .map(|v| (prefix.clone(), v))
            })
            .collect();
        self
    }

    /// Answers one request: the file, else `index.html` for SPA routes, else 404.
    pub async fn serve(&self, req: Request) -> Response {
        let method = req.method().clone();
        let path = req.uri().path().to_owned();
        let headers = req.headers().clone();
        let mut response = self.try_serve(req).await;

        if response.status() == StatusCode::NOT_FOUND
            && (method == Method::GET || method == Method::HEAD)
            && is_spa_route(&path)
        {
            let mut index = Request::new(Body::empty());
            *index.method_mut() = method;
            *index.uri_mut() = Uri::from_static("/index.html");
            *index.headers_mut() = headers;
            response = self.try_serve(index).await;
        }

        let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
        let cache = if found && is_hashed_asset(&path) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        if let Some(policy) = self.csp_for(&path, &response) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        response
    }

    /// The policy for an HTML response under one of the `--csp` prefixes.
    fn csp_for(&self, path: &str, response: &Response) -> Option<HeaderValue> {
        let html = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if !html {
            return None;
        }
        self.csp
            .iter()
            .find(|(prefix, _)| path.starts_with(prefix.as_str()))
            .map(|(_, policy)| policy.clone())
    }

    async fn try_serve(&self, req: Request) -> Response {
        match self.dir.clone().try_call(req).await {
            Ok(response) => response.map(Body::new),
            Err(err) => {
                tracing::error!("error reading a static file: {err}");
                (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error").into_response()
            }
        }
    }
}

/// SPA routes are paths whose last segment has no file extension (`/some/spa/path`,
/// `/articles/42/`). A missing `.js`, `.json` or `.wasm` file stays a 404: answering it with
/// HTML would only turn a clear "not found" into a confusing parse error in the browser.
fn is_spa_route(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    !last.contains('.') || last.ends_with(".html")
}

/// Trunk names its outputs `name-<hash>.ext` or `name-<hash>_bg.wasm`, the hash in hex (a
/// seahash printed without padding, so sometimes shorter than 16 digits).
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.match_indices('-').any(|(i, _)| {
        let rest = &name[i + 1..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        (10..=64).contains(&hex) && matches!(rest.as_bytes().get(hex), Some(b'.' | b'_'))
    })
}

#[cfg(test)]
mod tests;

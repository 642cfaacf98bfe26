//! What the response headers of a comment page say: [`PageInfo`] (page number, item count, the headers paging
//! reads) and the `rel="next"` target of an RFC 8288 `Link` header.

/// What is known about the page just read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// 1 for the first page.
    pub number: u32,
    /// How many items it held.
    pub items: usize,
    /// Its response headers that paging reads (lowercase name, value), as the network layer keeps them: `Link`,
    /// `X-Total-Count`, `X-Total-Pages`, `X-WP-Total`, `X-WP-TotalPages`. Empty when the transport hides them (a
    /// cross-origin API that does not list them in `Access-Control-Expose-Headers`).
    pub headers: Vec<(String, String)>,
}

impl PageInfo {
    /// The value of header `name` (any case), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    /// The `rel="next"` target of the `Link` header.
    pub fn link_next(&self) -> Option<String> {
        self.header("link").and_then(next_from_link)
    }

    /// The item total a header reports (`X-Total-Count`, WordPress `X-WP-Total`).
    pub fn total_header(&self) -> Option<usize> {
        ["x-total-count", "x-wp-total"]
            .iter()
            .find_map(|n| self.header(n)?.parse().ok())
    }

    /// The page count a header reports: `named` (the mapping's `pages_header`) if given, else WordPress's
    /// `X-WP-TotalPages` or GitLab's `X-Total-Pages`.
    pub fn pages_header(&self, named: Option<&str>) -> Option<u32> {
        match named {
            Some(n) => self.header(n)?.parse().ok(),
            None => ["x-wp-totalpages", "x-total-pages"]
                .iter()
                .find_map(|n| self.header(n)?.parse().ok()),
        }
    }
}

/// The `rel="next"` target of an RFC 8288 `Link` header.
pub fn next_from_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let is_next = params.split(';').any(|p| {
            let p = p.trim().to_ascii_lowercase();
            p == "rel=\"next\"" || p == "rel=next"
        });
        let t = target.trim();
        is_next.then(|| t.trim_start_matches('<').trim_end_matches('>').to_string())
    })
}

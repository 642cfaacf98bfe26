//! `GET /?src=…` (and `/index.html?src=…`) when `src` names one of the server's own articles
//! (`/demo/articles/{id}.json` on this host): the rendered page of `GET /read/{id}` instead of the empty SPA, so a
//! link shared in the SPA's form is readable without script too. The SPA takes the rendered page over like
//! `/read/{id}`. Every other `?src=` (another site's API, a setting the rendered page does not carry: `mapping`,
//! `theme`, `images`, a preset other than Folio JSON, a `comments` list other than the article's own) is left to
//! the SPA, unchanged.

use axum::extract::Request;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use folio::shells::page::render_page;
use url::Url;

use super::read::{finish, origin, page_input};
use crate::model::is_valid_article_id;
use crate::state::AppState;

/// The article id and `lang` setting of an SPA query that names one of this server's articles (`host` is the
/// request's `Host`), or `None` when the SPA should answer.
pub fn own_article(query: &str, host_origin: &str) -> Option<(String, Option<String>)> {
    let base = Url::parse(host_origin).ok()?.join("/").ok()?;
    // Same host and port; http or https alike (a proxy in front may terminate TLS).
    let own = |url: &Url| {
        matches!(url.scheme(), "http" | "https")
            && url.host_str() == base.host_str()
            && url.port() == base.port()
            && url.query().is_none()
            && url.username().is_empty()
            && url.password().is_none()
    };
    let (mut id, mut comments, mut lang) = (None, None, None);
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match (key.as_ref(), value.as_ref()) {
            ("src", v) => {
                let url = base.join(v).ok().filter(own)?;
                let name = url
                    .path()
                    .strip_prefix("/demo/articles/")?
                    .strip_suffix(".json")?;
                id = Some(name.to_string()).filter(|n| is_valid_article_id(n));
            }
            ("comments", v) if !v.is_empty() => comments = Some(base.join(v).ok().filter(own)?),
            ("lang", v) if !v.is_empty() => lang = Some(v.to_string()),
            ("preset", "" | "folio") | ("theme", "" | "auto") | ("images", "" | "same-origin") => {}
            ("mapping" | "preset" | "theme" | "images" | "playground", _) => return None,
            _ => {}
        }
    }
    let id = id?;
    if let Some(c) = comments {
        if c.path() != format!("/demo/comments/{id}.json") {
            return None;
        }
    }
    Some((id, lang))
}

/// The own article an SPA request names (`GET /` or `/index.html` with `?src=`), with its `lang` setting; `None`
/// for the SPA. Cheap: nothing is read from disk.
pub fn own_article_request(req: &Request) -> Option<(String, Option<String>)> {
    let path = req.uri().path();
    if !matches!(*req.method(), Method::GET | Method::HEAD) || !matches!(path, "/" | "/index.html")
    {
        return None;
    }
    // `origin` reads `Host`; a request without one (HTTP/1.0) reads as localhost, as for `/read/{id}`.
    own_article(req.uri().query()?, &origin(req.headers()))
}

/// The rendered page of article `id` for an SPA request, or `None` when there is no such article (the SPA reports
/// it, as before).
pub async fn own_article_page(
    state: &AppState,
    id: &str,
    lang: Option<String>,
    headers: &HeaderMap,
) -> Option<Response> {
    let mut input = page_input(state, id, headers).await.ok()?;
    input.lang = lang;
    Some(finish(input, "a page", render_page).await)
}

#[cfg(test)]
mod tests {
    use super::own_article;

    const HOST: &str = "http://news.example";

    fn id(query: &str) -> Option<String> {
        own_article(query, HOST).map(|(id, _)| id)
    }

    // The SPA's own links to the demo articles, relative or absolute, are rendered.
    #[test]
    fn own_articles_are_recognised() {
        for q in [
            "src=/demo/articles/night-trains-return.json",
            "src=demo/articles/night-trains-return.json",
            "src=http%3A%2F%2Fnews.example%2Fdemo%2Farticles%2Fnight-trains-return.json",
            "src=https://news.example/demo/articles/night-trains-return.json",
            "src=/demo/articles/night-trains-return.json&comments=/demo/comments/night-trains-return.json",
            "src=/demo/articles/night-trains-return.json&preset=folio&theme=auto&utm_source=x",
        ] {
            assert_eq!(id(q).as_deref(), Some("night-trains-return"), "{q}");
        }
        assert_eq!(
            own_article("src=/demo/articles/a.json&lang=ar", HOST),
            Some(("a".into(), Some("ar".into())))
        );
    }

    // Anything the rendered page could not show as the SPA would stays with the SPA.
    #[test]
    fn everything_else_is_the_spas() {
        for q in [
            "",
            "playground",
            "src=https://api.example/demo/articles/a.json",
            "src=http://news.example:8080/demo/articles/a.json",
            "src=/demo/articles/a.json?x=1",
            "src=/demo/articles/A.json",
            "src=/demo/articles/../../etc.json",
            "src=/demo/comments/a.json",
            "src=/demo/articles/a.json&mapping=%7B%7D",
            "src=/demo/articles/a.json&preset=wordpress",
            "src=/demo/articles/a.json&theme=dark",
            "src=/demo/articles/a.json&images=all",
            "src=/demo/articles/a.json&comments=/api/articles/b/comments",
            "src=/demo/articles/a.json&comments=https://api.example/demo/comments/a.json",
            "src=javascript:alert(1)",
        ] {
            assert_eq!(id(q), None, "{q}");
        }
    }
}

//! Bluesky / AT Protocol rich text: a post record's `text` with its `facets` — links, mentions and tags over
//! UTF-8 *byte* ranges of the text (`index.byteStart` .. `index.byteEnd`). The text as written stays; the facets
//! make its links (a post shows `example.com/lo…`, the facet has the whole URL). Mentions link to the profile,
//! tags to the hashtag's page on bsky.app.

use serde_json::Value;

use super::out::{str_at, Out};
use super::runs::{text_with_links, Span};

/// Writes the record `v` (an object with `text` and `facets`; a bare string is text without facets).
pub(super) fn bluesky(v: &Value, out: &mut Out<'_>) {
    let text = match v {
        Value::String(s) => s.as_str(),
        v => str_at(v, "text"),
    };
    let mut spans = Vec::new();
    for f in v
        .get("facets")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let at = |k: &str| {
            f.get("index")
                .and_then(|i| i.get(k))
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let (Some(start), Some(end)) = (at("byteStart"), at("byteEnd")) else {
            continue;
        };
        // One link per range: the first feature that makes one (a facet may carry several).
        let mut href = None;
        for feat in f
            .get("features")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let kind = str_at(feat, "$type");
            let link = match kind.rsplit('#').next().unwrap_or("") {
                "link" => str_at(feat, "uri").to_string(),
                "mention" => ["https://bsky.app/profile/", str_at(feat, "did")].concat(),
                "tag" => ["https://bsky.app/hashtag/", str_at(feat, "tag")].concat(),
                _ => {
                    out.unknown(kind);
                    continue;
                }
            };
            href.get_or_insert(link);
        }
        if let Some(href) = href {
            // Kept in order of their start (facets need not come in order); an insertion, not a sort: a post has
            // a few facets, and a sort would be another few kilobytes of the embed's wasm.
            let at = spans
                .iter()
                .position(|s: &Span| s.start > start)
                .unwrap_or(spans.len());
            spans.insert(at, Span { start, end, href });
        }
    }
    text_with_links(out, text, &spans);
}

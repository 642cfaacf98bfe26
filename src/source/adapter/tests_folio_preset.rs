//! `preset="folio"` in both builds (with and without the `mapping` feature): it is the built-in Folio JSON reader,
//! as detection would pick — the list's event stream and a live article's entries are read (the `folio` mapping
//! document knows neither; a page rendered with the preset lost its stream), and the lite module does not send it
//! to the full one.

use super::*;

const BASE: &str = "http://127.0.0.1:8080/demo/articles/live.json";

#[test]
fn the_folio_preset_is_the_built_in_reader() {
    let live = r#"{"id": "l", "title": "Live", "body": "<p>b</p>", "live": true,
        "entries": [{"id": "e1", "published": "2026-03-01T06:05:00Z", "body": "<p>First</p>"}]}"#;
    let choice = MappingChoice::from_settings(Some("folio"), None).expect("a preset name");
    let (article, folio) =
        Adapter::read_article(live, Some(BASE), &choice).expect("read, not NeedsMapping");
    assert_eq!((folio.name(), folio.detected()), ("folio", false));
    assert_eq!(article.entries.len(), 1);
    let page = folio
        .read_page(
            r#"{"comments": [], "events": "/api/articles/l/events"}"#,
            BASE,
            1,
            &[],
        )
        .expect("a list");
    assert_eq!(
        page.events.as_deref(),
        Some("http://127.0.0.1:8080/api/articles/l/events")
    );
}

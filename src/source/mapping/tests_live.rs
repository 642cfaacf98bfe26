//! Issue 14: a Guardian-style live blog through a mapping: the body blocks become entries (newest first, each with
//! its id, dates, author from a template, optional title, sanitised body); empty blocks are left out; the article is
//! live while `liveBloggingNow` says "true".

use super::tests_presets::fixture;
use super::*;

const API: &str = "https://content.guardianapis.com/world/live/2026/mar/01/storm-ilse-live-updates?show-fields=all&show-blocks=all";

#[test]
fn guardian_live_blog_blocks_are_entries() {
    let choice =
        MappingChoice::from_settings(None, Some(fixture!("guardian/liveblog-mapping.json")))
            .expect("valid mapping");
    let m = map_article_text(fixture!("guardian/liveblog.json"), Some(API), &choice)
        .unwrap_or_else(|e| panic!("{e}"));
    let a = &m.article;
    assert!(a.live, "liveBloggingNow \"true\" marks it live");
    assert!(
        a.events.is_none(),
        "the Content API names no stream: polled"
    );
    let ids: Vec<_> = a.entries.iter().map(|e| &*e.id).collect();
    assert_eq!(
        ids,
        ["65e1a0c48f08c2a6b1d3f2e1", "65e19b2e8f08c2a6b1d3f2d0"],
        "newest first, the empty block left out"
    );
    let first = &a.entries[0];
    assert_eq!(first.author.as_ref().map(|p| &*p.name), Some("Jonas Weber"));
    assert_eq!(
        first.published.as_ref().map(|t| &*t.iso),
        Some("2026-03-01T08:40:00Z")
    );
    assert_eq!(
        first.updated.as_ref().map(|t| &*t.iso),
        Some("2026-03-01T08:45:00Z")
    );
    assert_eq!(first.title, None);
    let html: String = first.body.iter().map(|b| b.as_str()).collect();
    assert_eq!(
        html, "<p>Waves are breaking over the harbour wall.</p>",
        "sanitised: no script"
    );
    assert_eq!(a.entries[1].title.as_deref(), Some("Ferries cancelled"));
    assert_eq!(
        a.entries[1].author.as_ref().map(|p| &*p.name),
        Some("Lea Moreau")
    );
}

#[test]
fn a_mapping_names_the_article_stream() {
    let mapping = r#"{"article": {"title": "t", "body": "b", "live": "live", "events": "stream"}}"#;
    let choice = MappingChoice::from_settings(None, Some(mapping)).expect("valid mapping");
    let m = map_article_text(
        r#"{"t": "T", "b": "<p>x</p>", "live": true, "stream": "/live/42"}"#,
        Some("https://api.example/a/42"),
        &choice,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        m.article.events.as_deref(),
        Some("https://api.example/live/42")
    );
    assert!(m.article.entries.is_empty());
}

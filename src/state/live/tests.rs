//! The live article reducer: new entries wait and are announced, known ones change in place (shown or waiting),
//! corrections replace the body, a poll's article does both, and the last update is the latest date any of them
//! tells of.

use std::rc::Rc;

use super::{LiveAction, LiveState};
use crate::model::{Article, Entry};
use crate::source::date::parse_iso8601;
use crate::source::folio_json::parse_article;
use crate::source::sanitize::from_plain_text;

fn entry(id: &str, at: &str, text: &str) -> Entry {
    Entry {
        id: id.into(),
        published: parse_iso8601(at),
        updated: None,
        author: None,
        title: None,
        body: Rc::new([from_plain_text(text)]),
    }
}

fn article() -> Article {
    parse_article(
        r#"{"title": "Live", "body": "<p>Summary</p>", "live": true, "updated": "2026-03-01T09:00:00Z",
            "entries": [
              {"id": "e1", "published": "2026-03-01T08:00:00Z", "body": "<p>First</p>"},
              {"id": "e2", "published": "2026-03-01T08:30:00Z", "body": "<p>Second</p>"}
            ]}"#,
        None,
    )
    .expect("article")
}

fn ids(list: &[Entry]) -> Vec<&str> {
    list.iter().map(|e| &*e.id).collect()
}

fn last(s: &LiveState) -> &str {
    s.last_update.as_ref().map_or("", |t| &t.iso)
}

#[test]
fn starts_as_read_newest_first() {
    let s = LiveState::new(&article());
    assert_eq!(ids(&s.entries), ["e2", "e1"]);
    assert!(s.incoming.is_empty());
    assert_eq!(
        last(&s),
        "2026-03-01T09:00:00Z",
        "the article's update is the latest"
    );
}

#[test]
fn new_entries_wait_until_shown_then_go_on_top() {
    let s = LiveState::new(&article());
    let shown = s.entries.clone();
    let s = s.apply(LiveAction::Received(vec![
        entry("e3", "2026-03-01T10:00:00Z", "Third"),
        entry("e4", "2026-03-01T10:05:00Z", "Fourth"),
    ]));
    assert!(
        Rc::ptr_eq(&s.entries, &shown),
        "nothing moves under the reader"
    );
    assert_eq!(ids(&s.incoming), ["e4", "e3"]);
    assert_eq!(last(&s), "2026-03-01T10:05:00Z");
    let s = s.apply(LiveAction::ShowIncoming);
    assert_eq!(ids(&s.entries), ["e4", "e3", "e2", "e1"]);
    assert!(s.incoming.is_empty());
}

#[test]
fn known_entries_change_in_place_shown_or_waiting() {
    let s = LiveState::new(&article()).apply(LiveAction::Received(vec![entry(
        "e3",
        "2026-03-01T10:00:00Z",
        "Third",
    )]));
    let mut fixed = entry("e1", "2026-03-01T08:00:00Z", "First, corrected");
    fixed.updated = parse_iso8601("2026-03-01T11:00:00Z");
    let s = s.apply(LiveAction::Received(vec![
        fixed.clone(),
        entry("e3", "2026-03-01T10:00:00Z", "Third, corrected"),
    ]));
    assert_eq!(ids(&s.entries), ["e2", "e1"], "the order stays");
    assert_eq!(s.entries[1], fixed);
    assert_eq!(ids(&s.incoming), ["e3"], "still one new update, not two");
    assert_eq!(s.incoming[0].body[0], from_plain_text("Third, corrected"));
    assert_eq!(last(&s), "2026-03-01T11:00:00Z");
}

#[test]
fn an_unchanged_entry_changes_nothing() {
    let s = LiveState::new(&article());
    let before = s.clone();
    let again = s.entries[0].clone();
    let s = s.apply(LiveAction::Received(vec![again]));
    assert!(Rc::ptr_eq(&s.entries, &before.entries));
    assert_eq!(s, before);
}

#[test]
fn a_correction_replaces_the_body() {
    let s = LiveState::new(&article());
    let body: Rc<[_]> = Rc::new([from_plain_text("Summary, corrected")]);
    let s = s.apply(LiveAction::Corrected {
        body: body.clone(),
        updated: parse_iso8601("2026-03-01T12:00:00Z"),
    });
    assert_eq!(s.body, body);
    assert_eq!(
        s.updated.as_ref().map(|t| &*t.iso),
        Some("2026-03-01T12:00:00Z")
    );
    assert_eq!(last(&s), "2026-03-01T12:00:00Z");
    // An older date does not move the update back.
    let s = s.apply(LiveAction::Corrected {
        body,
        updated: parse_iso8601("2026-02-01T12:00:00Z"),
    });
    assert_eq!(last(&s), "2026-03-01T12:00:00Z");
}

#[test]
fn a_poll_announces_new_entries_and_corrects_the_body() {
    let s = LiveState::new(&article());
    let polled = parse_article(
        r#"{"title": "Live", "body": "<p>Summary, corrected</p>", "live": true,
            "entries": [
              {"id": "e1", "published": "2026-03-01T08:00:00Z", "body": "<p>First</p>"},
              {"id": "e2", "published": "2026-03-01T08:30:00Z", "updated": "2026-03-01T13:00:00Z", "body": "<p>Second, edited</p>"},
              {"id": "e5", "published": "2026-03-01T12:30:00Z", "body": "<p>Fifth</p>"}
            ]}"#,
        None,
    )
    .expect("article");
    let s = s.apply(LiveAction::Polled(Rc::new(polled)));
    assert_eq!(ids(&s.entries), ["e2", "e1"]);
    assert_eq!(ids(&s.incoming), ["e5"]);
    assert_eq!(
        s.entries[0].updated.as_ref().map(|t| &*t.iso),
        Some("2026-03-01T13:00:00Z")
    );
    assert_eq!(s.body.len(), 1);
    assert_ne!(s.body, LiveState::new(&article()).body);
    assert_eq!(last(&s), "2026-03-01T13:00:00Z");
}

//! The read-aloud reducer, the text it reads and the voice and metadata it chooses, natively.

use std::rc::Rc;

use super::*;
use crate::source::folio_json::parse_article;
use ReadAloudAction as A;

const SEED: &str = include_str!("../../../demo/articles/cuba-china-military-cooperation.json");
const BASE: &str = "https://folio.example/demo/articles/x.json";

fn items(n: usize) -> Rc<[Spoken]> {
    (0..n)
        .map(|i| Spoken {
            part: Part::Block(i),
            text: format!("Piece {i} ünïcode 😀 end.").into(),
        })
        .collect()
}

fn run(start: ReadAloud, actions: impl IntoIterator<Item = ReadAloudAction>) -> ReadAloud {
    actions
        .into_iter()
        .fold(start, |s, a| s.apply(a).unwrap_or(s))
}

// The seed article is read as the page shows it: headline, standfirst, then its eight paragraphs, in plain text.
#[test]
fn seed_text_is_headline_standfirst_and_paragraphs() {
    let a = parse_article(SEED, Some(BASE)).expect("seed");
    let spoken = spoken_items(&a);
    assert_eq!(spoken.len(), 10);
    assert_eq!(spoken[0].part, Part::Title);
    assert_eq!(
        &*spoken[0].text,
        "Cuba and China Agree to Strengthen Military Cooperation"
    );
    assert_eq!(spoken[1].part, Part::Standfirst);
    assert_eq!(spoken[2].part, Part::Block(0));
    assert!(spoken[2].text.starts_with("During an official state visit"));
    assert!(spoken.iter().all(|s| !s.text.contains('<')));
    // Blocks keep their index in the body, so the player finds the element to highlight.
    assert_eq!(spoken[9].part, Part::Block(7));
}

// Markup goes, entities are decoded, white space is one space, and a block without words is skipped.
#[test]
fn text_of_blocks() {
    let json = r#"{"title": "T", "body": "<p>A &amp; <em>b</em>\n  c</p><figure><img src=\"https://x.example/i.png\" alt=\"pic\"></figure><ul><li>one</li>\n<li>two</li></ul>"}"#;
    let a = parse_article(json, Some(BASE)).expect("article");
    let spoken = spoken_items(&a);
    let texts: Vec<(Part, &str)> = spoken.iter().map(|s| (s.part, &*s.text)).collect();
    assert_eq!(
        texts,
        [
            (Part::Title, "T"),
            (Part::Block(0), "A & b c"),
            (Part::Block(2), "one two"),
        ]
    );
}

// Resuming speaks from the kept word; UTF-16 offsets never split a character, and a stale offset repeats the piece.
#[test]
fn rest_from_counts_utf16() {
    assert_eq!(rest_from("Hello world", 6), "world");
    assert_eq!(rest_from("Hello world", 0), "Hello world");
    // "😀" is two UTF-16 units: after it is offset 3 of "a😀 b".
    assert_eq!(rest_from("a😀 b", 3), " b");
    assert_eq!(rest_from("a😀 b", 2), " b");
    assert_eq!(rest_from("ünï x", 4), "x");
    assert_eq!(rest_from("short", 99), "short");
}

// Play starts at the first piece; the end of each piece moves on; the last one ends stopped, nothing highlighted.
#[test]
fn play_reads_through_and_stops() {
    let s = run(ReadAloud::new(items(2)), [A::Play]);
    assert_eq!((s.status, s.index, s.take), (Status::Playing, 0, 1));
    assert_eq!(s.utterance(), Some("Piece 0 ünïcode 😀 end."));
    let s = run(s, [A::Ended { take: 1 }]);
    assert_eq!((s.index, s.take), (1, 2));
    assert_eq!(s.current().map(|c| c.part), Some(Part::Block(1)));
    let s = run(s, [A::Ended { take: 2 }]);
    assert_eq!((s.status, s.index, s.take), (Status::Stopped, 0, 3));
    assert_eq!(s.current(), None);
    assert_eq!(s.utterance(), None);
}

// Pausing keeps the piece and the word; playing again speaks the rest of the piece from that word.
#[test]
fn pause_keeps_the_position() {
    let s = run(
        ReadAloud::new(items(3)),
        [
            A::Play,
            A::Ended { take: 1 },
            A::Boundary { take: 2, at: 8 },
        ],
    );
    assert_eq!((s.index, s.offset), (1, 8));
    let paused = run(s, [A::Toggle]);
    assert_eq!(paused.status, Status::Paused);
    assert_eq!(paused.take, 3, "the engine is told to stop");
    assert_eq!(paused.utterance(), None);
    assert_eq!(
        paused.current().map(|c| c.part),
        Some(Part::Block(1)),
        "still highlighted"
    );
    let resumed = run(paused, [A::Toggle]);
    assert_eq!(
        (resumed.status, resumed.index, resumed.take),
        (Status::Playing, 1, 4)
    );
    assert_eq!(resumed.utterance(), Some("ünïcode 😀 end."));
}

// Events of speech that was already replaced change nothing (the same state, so Yew skips the render).
#[test]
fn stale_events_are_ignored() {
    let s = run(ReadAloud::new(items(3)), [A::Play, A::Next]);
    assert_eq!((s.index, s.take), (1, 2));
    assert_eq!(s.apply(A::Ended { take: 1 }), None);
    assert_eq!(s.apply(A::Boundary { take: 1, at: 4 }), None);
    assert_eq!(s.apply(A::Interrupted { take: 1 }), None);
    assert_eq!(s.apply(A::Play), None, "already playing");
}

// Next and previous move by whole pieces; while playing they speak at once, while stopped they show the place.
#[test]
fn next_and_previous() {
    let s = run(ReadAloud::new(items(3)), [A::Next]);
    assert_eq!((s.status, s.index, s.take), (Status::Paused, 1, 0));
    let s = run(s, [A::Play, A::Boundary { take: 1, at: 6 }, A::Next]);
    assert_eq!((s.index, s.offset, s.take), (2, 0, 2));
    assert!(!s.has_next());
    assert_eq!(s.apply(A::Next), None, "nothing after the last piece");
    let s = run(s, [A::Previous, A::Previous, A::Previous]);
    assert_eq!(
        (s.index, s.take),
        (0, 5),
        "previous on the first restarts it"
    );
    assert_eq!(s.status, Status::Playing);
    assert_eq!(ReadAloud::new(items(0)).apply(A::Previous), None);
}

// Changing speed restarts the current word at the new rate while playing, and only records it otherwise.
#[test]
fn speed_steps() {
    let s = run(ReadAloud::new(items(2)), [A::Rate(3)]);
    assert_eq!((s.speed(), s.take), (1.5, 0));
    let s = run(s, [A::Play, A::Boundary { take: 1, at: 6 }, A::Rate(0)]);
    assert_eq!((s.speed(), s.take, s.offset), (0.75, 2, 6));
    assert_eq!(s.apply(A::Rate(RATES.len())), None, "no such step");
    assert_eq!(s.apply(A::Rate(0)), None, "already");
    // Reading to the end keeps the chosen speed.
    let s = run(s, [A::Ended { take: 2 }, A::Ended { take: 3 }]);
    assert_eq!((s.status, s.speed()), (Status::Stopped, 0.75));
}

// Speech cut off from outside (another reader on the page began to speak) pauses without telling the engine.
#[test]
fn interruption_pauses_in_place() {
    let s = run(
        ReadAloud::new(items(2)),
        [
            A::Play,
            A::Boundary { take: 1, at: 6 },
            A::Interrupted { take: 1 },
        ],
    );
    assert_eq!(
        (s.status, s.index, s.offset, s.take),
        (Status::Paused, 0, 6, 1)
    );
}

// A corrected text keeps the reader's piece (clamped) and restarts it when playing; the same text changes nothing.
#[test]
fn corrections_keep_the_place() {
    let s = run(ReadAloud::new(items(3)), [A::Play, A::Next, A::Next]);
    assert_eq!(s.apply(A::Load(items(3))), None);
    let s = run(s, [A::Load(items(2))]);
    assert_eq!(
        (s.index, s.offset, s.take, s.status),
        (1, 0, 4, Status::Playing)
    );
    let s = run(s, [A::Load(items(0))]);
    assert_eq!(s.status, Status::Stopped);
    assert_eq!(s.apply(A::Play), None, "nothing to read");
}

// The voice: the article's language first (its exact tag, then its language), the interface language after.
#[test]
fn voice_for_article_then_interface_language() {
    let v = |lang, default, local| VoiceInfo {
        lang,
        default,
        local,
    };
    let voices = [
        v("es-ES", true, true),
        v("en-US", false, false),
        v("en_GB", false, true),
        v("en-GB", false, true),
        v("ar", false, true),
    ];
    assert_eq!(choose_voice(&voices, &["en-GB", "es"]), Some((2, 0)));
    assert_eq!(
        choose_voice(&voices, &["en", "es"]),
        Some((2, 0)),
        "local first"
    );
    assert_eq!(choose_voice(&voices, &["EN-us"]), Some((1, 0)), "exact tag");
    assert_eq!(choose_voice(&voices, &["de", "ar-EG"]), Some((4, 1)));
    assert_eq!(choose_voice(&voices, &["de", "fr"]), None);
    assert_eq!(choose_voice(&[], &["en"]), None);
    assert_eq!(choose_voice(&voices, &[""]), None);
}

// Lock-screen metadata: the headline, the authors (or the site), the hero as artwork.
#[test]
fn media_metadata() {
    let a = parse_article(SEED, Some(BASE)).expect("seed");
    let m = MediaInfo::of(&a);
    assert_eq!(
        &*m.title,
        "Cuba and China Agree to Strengthen Military Cooperation"
    );
    assert_eq!(m.artist, "teleSUR");
    assert_eq!(
        m.artwork.as_deref(),
        Some("https://folio.example/demo/images/havana-meeting.svg")
    );
    let bare = parse_article(
        r#"{"title": "T", "body": "<p>x</p>", "url": "https://news.example/a/1?x"}"#,
        Some(BASE),
    )
    .expect("article");
    let m = MediaInfo::of(&bare);
    assert_eq!((m.artist.as_str(), m.artwork), ("news.example", None));
}

// The speed is remembered as its value, and read back to the same menu entry; anything else is no speed.
#[test]
fn speeds_round_trip_through_storage() {
    for (i, rate) in RATES.iter().enumerate() {
        let stored = rate_to_stored(i).expect("a stored speed");
        assert_eq!(rate_from_stored(stored), Some(i), "{stored}");
        assert_eq!(
            stored.parse::<f32>().ok(),
            Some(*rate),
            "the name is the speed"
        );
    }
    assert_eq!(rate_to_stored(1), Some("1"));
    assert_eq!(rate_from_stored(" 1.5 "), Some(3));
    for bad in ["", "fast", "3", "-1", "NaN", "1.2"] {
        assert_eq!(rate_from_stored(bad), None, "{bad}");
    }
    assert_eq!(rate_to_stored(RATES.len()), None);
}

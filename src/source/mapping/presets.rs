//! The shipped presets (`presets/*.json`, embedded at build time) and auto-detection from their signatures.

use serde_json::Value;

use super::doc::Mapping;
use super::parse_mapping;
use super::path::Path;
use crate::source::error::SourceError;

/// Every preset, by the name the `preset` setting takes, with its mapping document. Order breaks detection ties.
pub const PRESETS: [(&str, &str); 16] = [
    ("wordpress", include_str!("../../../presets/wordpress.json")),
    ("ghost", include_str!("../../../presets/ghost.json")),
    ("jsonfeed", include_str!("../../../presets/jsonfeed.json")),
    ("drupal", include_str!("../../../presets/drupal.json")),
    (
        "hackernews",
        include_str!("../../../presets/hackernews.json"),
    ),
    (
        "hackernews-firebase",
        include_str!("../../../presets/hackernews-firebase.json"),
    ),
    ("reddit", include_str!("../../../presets/reddit.json")),
    ("mastodon", include_str!("../../../presets/mastodon.json")),
    ("discourse", include_str!("../../../presets/discourse.json")),
    ("forem", include_str!("../../../presets/forem.json")),
    ("realworld", include_str!("../../../presets/realworld.json")),
    ("lemmy", include_str!("../../../presets/lemmy.json")),
    ("bluesky", include_str!("../../../presets/bluesky.json")),
    ("strapi", include_str!("../../../presets/strapi.json")),
    (
        "contentful",
        include_str!("../../../presets/contentful.json"),
    ),
    ("folio", include_str!("../../../presets/folio.json")),
];

/// A preset's mapping document text.
pub fn preset_source(name: &str) -> Option<&'static str> {
    let name = name.trim().to_ascii_lowercase();
    PRESETS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A preset, parsed.
pub fn preset(name: &str) -> Result<Mapping, SourceError> {
    let text = preset_source(name).ok_or_else(|| SourceError::BadMapping {
        reason: format!(
            "there is no preset \"{name}\" (the presets are {})",
            PRESETS.map(|(n, _)| n).join(", ")
        ),
    })?;
    parse_mapping(text)
}

/// The preset whose signature fits `v`: all its `detect` paths (`a|b`: either) reach a non-null value; among those, the one with
/// the most paths (the most specific); ties go to the earlier preset.
pub fn detect(v: &Value) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for (name, _) in PRESETS {
        let Ok(m) = preset(name) else { continue };
        if m.detect.is_empty() {
            continue;
        }
        // `a|b`: either path (one preset for two versions of an API).
        let fits = m.detect.iter().all(|alts| {
            alts.split('|')
                .any(|p| Path::parse(p).is_ok_and(|p| p.select(v, v).iter().any(|x| !x.is_null())))
        });
        if fits && best.is_none_or(|(_, n)| m.detect.len() > n) {
            best = Some((name, m.detect.len()));
        }
    }
    best.map(|(n, _)| n)
}

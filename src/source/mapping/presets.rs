//! The shipped presets (`presets/*.json`, embedded at build time). Detection reads their signatures from
//! [`SIGNATURES`](super::detect::SIGNATURES), which a test keeps equal to their `detect` lists.

use super::doc::Mapping;
use super::parse_mapping;
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

#[cfg(test)]
mod tests {
    use super::super::detect::SIGNATURES;
    use super::*;

    /// The static signatures detection uses are the presets' own `detect` lists, in the presets' order.
    #[test]
    fn signatures_are_the_presets_detect_lists() {
        assert_eq!(SIGNATURES.len(), PRESETS.len());
        for ((name, paths), (preset_name, _)) in SIGNATURES.iter().zip(PRESETS) {
            assert_eq!(*name, preset_name, "same order as PRESETS");
            let m = preset(name).expect("the preset parses");
            assert_eq!(m.detect, paths.to_vec(), "the {name} preset's detect list");
        }
    }
}

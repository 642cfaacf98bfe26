//! Choosing a speech-synthesis voice: one for the article's language, else one for the interface language.

/// What the chooser needs to know of a voice (`SpeechSynthesisVoice`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoiceInfo<'a> {
    /// Its BCP 47 tag (`en-US`; some engines write `en_US`).
    pub lang: &'a str,
    /// The browser's default voice.
    pub default: bool,
    /// Speaks on the device (no network round trip, keeps working offline).
    pub local: bool,
}

/// The best voice for the first of `wanted` (BCP 47 tags, most wanted first) that any voice speaks: the index
/// of the voice and of the tag it was chosen for. `None` when no voice speaks any of them (the player is then
/// not offered). A voice of exactly the tag beats one of the same language (`en-GB` for `en-GB`, then `en-US`);
/// among equals a local voice, then the default one, then the first listed.
pub fn choose_voice(voices: &[VoiceInfo], wanted: &[&str]) -> Option<(usize, usize)> {
    wanted.iter().enumerate().find_map(|(w, tag)| {
        let tag = normalise(tag);
        let primary = primary(&tag);
        voices
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let lang = normalise(v.lang);
                let exact = lang == tag;
                (exact || (!primary.is_empty() && self::primary(&lang) == primary))
                    .then_some(((exact, v.local, v.default), i))
            })
            // `max_by_key` keeps the last of equal keys: compare reversed indices so the first listed wins.
            .max_by_key(|&(key, i)| (key, usize::MAX - i))
            .map(|(_, i)| (i, w))
    })
}

fn normalise(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or("")
}

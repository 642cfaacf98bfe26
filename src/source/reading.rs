//! Reading time: how long the article's body takes to read silently, by language. Words are counted in scripts
//! that separate them with spaces; Chinese, Japanese and Korean text (which does not) is counted by characters.
//!
//! The rates: English is Brysbaert's 238 words a minute for silent reading of non-fiction ("How many words do we
//! read per minute?", Journal of Memory and Language 109, 2019). Other languages keep the ratio of their rate to
//! English's in the IReST study (Trauzettel-Klosinski & Dietz, "Standardized assessment of reading performance:
//! the New International Reading Speed Texts IReST", IOVS 53(9), 2012), which measured 17 languages on texts of
//! equal content; IReST timed reading aloud, so only its ratios are used. A language it did not measure takes
//! the 17 languages' mean (192 after scaling). Chinese and Japanese use IReST's characters a minute, scaled the
//! same way; Korean (not measured) and CJK text inside another language take 300 characters a minute.

use crate::model::SafeHtml;

/// Words a minute for languages written with spaces, by primary subtag (silent reading, see the module above).
const WORDS_PER_MINUTE: [(&str, u16); 15] = [
    ("en", 238),
    ("es", 227),
    ("fr", 204),
    ("pt", 189),
    ("ar", 144),
    ("de", 187),
    ("it", 196),
    ("nl", 211),
    ("ru", 192),
    ("pl", 173),
    ("tr", 173),
    ("sv", 208),
    ("fi", 168),
    ("he", 195),
    ("sl", 188),
];
/// The mean of IReST's 17 languages, scaled like the others.
const DEFAULT_WPM: u16 = 192;
/// Characters a minute for text without spaces between words.
const CHARACTERS_PER_MINUTE: [(&str, u16); 2] = [("zh", 266), ("ja", 373)];
/// CJK characters in any other language (Korean, a Chinese name in an English text).
const DEFAULT_CPM: u16 = 300;

/// What the body holds to be read: words (space-separated scripts) and CJK characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCount {
    /// Runs of letters or digits between spaces, tags and CJK characters.
    pub words: usize,
    /// Han, kana and Hangul characters, each counted alone.
    pub cjk: usize,
}

/// Han (with its extensions and compatibility block), hiragana, katakana and Hangul syllables. CJK punctuation and
/// full-width forms are not here: they separate, they are not read as characters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x3FFFF)
}

/// A character that makes a run of text a word: an ASCII letter or digit, or any other character outside the
/// Latin-1 and general punctuation blocks (`—`, `“`, `…`, `¿`). Not `char::is_alphanumeric`: its Unicode tables
/// would cost the wasm kilobytes for no better count.
fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c > '\u{7F}'
            && !matches!(c, '\u{80}'..='\u{BF}' | '\u{2000}'..='\u{206F}' | '\u{D7}' | '\u{F7}'))
}

/// Count the text of sanitised HTML blocks: markup is skipped, a character reference (`&amp;`) counts as one
/// character of the word it is in.
pub fn count_text(blocks: &[SafeHtml]) -> TextCount {
    let mut count = TextCount::default();
    for block in blocks {
        let mut in_tag = false;
        // Whether the current run (between separators) has a letter or digit: a lone "—" is not a word.
        let mut in_word = false;
        for c in block.as_str().chars() {
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            let separator = c == '<'
                || c.is_whitespace()
                || is_cjk(c)
                || ('\u{3000}'..='\u{303F}').contains(&c);
            if separator {
                in_word = false;
                in_tag = c == '<';
                if is_cjk(c) {
                    count.cjk += 1;
                }
            } else if !in_word && is_letter_or_digit(c) {
                in_word = true;
                count.words += 1;
            }
        }
    }
    count
}

/// The rate for the primary subtag of `lang` in `table`, or `default`.
fn rate(table: &[(&str, u16)], lang: Option<&str>, default: u16) -> u16 {
    let primary = lang
        .and_then(|l| l.trim().split(['-', '_']).next())
        .unwrap_or("")
        .to_ascii_lowercase();
    table
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or(default, |&(_, r)| r)
}

/// Whole minutes to read `count` in `lang` (a BCP 47 tag; `None`: unknown), rounded up; 0 only when there is
/// nothing to read.
pub fn reading_minutes(count: TextCount, lang: Option<&str>) -> u32 {
    let wpm = f64::from(rate(&WORDS_PER_MINUTE, lang, DEFAULT_WPM));
    let cpm = f64::from(rate(&CHARACTERS_PER_MINUTE, lang, DEFAULT_CPM));
    let minutes = count.words as f64 / wpm + count.cjk as f64 / cpm;
    minutes.ceil() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::sanitize::{sanitize, Policy};

    fn blocks(html: &str) -> Vec<SafeHtml> {
        vec![sanitize(html, Policy::Article, None)]
    }

    fn words(n: usize) -> String {
        "<p>".to_string() + &"word ".repeat(n) + "</p>"
    }

    // Markup is not text; punctuation alone is not a word; an entity stays inside its word.
    #[test]
    fn counts_words_not_markup() {
        let c = count_text(&blocks(
            "<p>Cuba <b>and</b> China — <a href=\"https://x.example/a-b\">agree</a> R&amp;D</p><h2>Two words</h2>",
        ));
        assert_eq!(c, TextCount { words: 7, cjk: 0 });
        // Non-ASCII letters make words, punctuation alone does not.
        let c = count_text(&blocks("<p>¿Qué pasa? … «Sí» مرحبا بالعالم Привет</p>"));
        assert_eq!(c, TextCount { words: 6, cjk: 0 });
    }

    // Chinese and Japanese have no spaces: every Han or kana character counts, CJK punctuation does not.
    #[test]
    fn counts_cjk_by_character() {
        let c = count_text(&blocks(
            "<p>中国和古巴同意加强军事合作。</p><p>日本語のテキスト、です。</p>",
        ));
        assert_eq!(c.cjk, 13 + 10);
        assert_eq!(c.words, 0);
        // Mixed: Latin words and CJK characters both count.
        let c = count_text(&blocks("<p>Folio は reader です</p>"));
        assert_eq!(c, TextCount { words: 2, cjk: 3 });
    }

    // English at 238 words a minute, rounded up; nothing to read is 0 minutes.
    #[test]
    fn minutes_by_language() {
        let c = count_text(&blocks(&words(238)));
        assert_eq!(reading_minutes(c, Some("en")), 1);
        assert_eq!(
            reading_minutes(count_text(&blocks(&words(239))), Some("en-GB")),
            2
        );
        // Arabic is read slower than English: the same count takes longer.
        let c = count_text(&blocks(&words(1000)));
        assert_eq!(reading_minutes(c, Some("en")), 5);
        assert_eq!(reading_minutes(c, Some("ar")), 7);
        assert_eq!(reading_minutes(c, Some("es")), 5);
        // An unknown or missing language takes the mean rate.
        assert_eq!(reading_minutes(c, None), 6);
        assert_eq!(reading_minutes(c, Some("xx")), 6);
        assert_eq!(reading_minutes(TextCount::default(), Some("en")), 0);
    }

    // 1,000 Chinese characters at 266 a minute: 4 minutes; Japanese reads faster; Korean takes the default.
    #[test]
    fn cjk_minutes() {
        let c = TextCount {
            words: 0,
            cjk: 1000,
        };
        assert_eq!(reading_minutes(c, Some("zh-Hans")), 4);
        assert_eq!(reading_minutes(c, Some("ja")), 3);
        assert_eq!(reading_minutes(c, Some("ko")), 4);
    }
}

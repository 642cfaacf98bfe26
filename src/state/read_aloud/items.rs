//! The text read aloud, from the article model: the headline, the standfirst, then each block of the body that has
//! text (a figure with only an image is skipped), as plain text.

use std::rc::Rc;

use crate::model::Article;
use crate::source::sanitize::plain_text;

/// Which part of the article a spoken piece is: the player highlights that element while it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The headline (`h1`).
    Title,
    /// The summary under the headline.
    Standfirst,
    /// The body's top-level block with this index (`Article::body[i]`).
    Block(usize),
}

/// One piece of the article as it is spoken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spoken {
    /// Where it is on the page.
    pub part: Part,
    /// The words, plain text, never empty.
    pub text: Rc<str>,
}

/// Everything of `article` that is read aloud, in reading order.
pub fn spoken_items(article: &Article) -> Rc<[Spoken]> {
    let head = [
        (Part::Title, Some(article.title.to_string())),
        (
            Part::Standfirst,
            article.standfirst.as_deref().map(str::to_string),
        ),
    ];
    let body = article
        .body
        .iter()
        .enumerate()
        .map(|(i, block)| (Part::Block(i), Some(plain_text(block))));
    head.into_iter()
        .chain(body)
        .filter_map(|(part, text)| {
            let text = tidy(&text?);
            (!text.is_empty()).then(|| Spoken {
                part,
                text: text.into(),
            })
        })
        .collect()
}

/// Runs of white space (line breaks included: in HTML they are spaces) as one space, trimmed.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rest of `text` from `offset` UTF-16 code units in (where `SpeechSynthesisEvent.charIndex` said a word
/// starts). An offset inside a character, or past the end, never splits one: it moves to the next character
/// boundary, and past the end gives the whole text again (better to repeat a sentence than to say nothing).
pub fn rest_from(text: &str, offset: u32) -> &str {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= offset {
            return &text[i..];
        }
        units += c.len_utf16() as u32;
    }
    text
}

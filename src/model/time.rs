use std::rc::Rc;

/// A moment in time, parsed from whatever the API sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// Milliseconds since the Unix epoch, UTC: what `Intl` formats for the reader's locale.
    pub epoch_ms: i64,
    /// The same moment as ISO 8601 (UTC, or a date alone when the API gave no time): the `<time datetime>` value.
    pub iso: Rc<str>,
    /// The API gave a calendar date without a time of day, so the view must not show an hour.
    pub date_only: bool,
}

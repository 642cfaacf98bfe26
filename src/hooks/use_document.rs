use std::rc::Rc;

use yew::prelude::*;

use super::use_load;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::SourceError;
use crate::state::{Load, LoadError};

/// Turns a fetched body into a model value; the second argument is the absolute URL it came from.
pub type Parser<T> = fn(&str, Option<&str>) -> Result<T, SourceError>;

/// Fetch the document at `url` and parse it. Returns its state and a callback that fetches it again (the error
/// state's "Try again"). A new `url`, or unmounting, aborts the request in flight.
#[hook]
pub fn use_document<T>(url: Option<AttrValue>, parse: Parser<T>) -> (Rc<Load<T>>, Callback<()>)
where
    T: Clone + PartialEq + 'static,
{
    use_load(None, url, move |url| async move {
        let url = url.ok_or_else(|| LoadError::Config("no address to load".into()))?;
        let f = get_text(&url, DEFAULT_TIMEOUT_MS).await?;
        Ok(parse(&f.text, Some(&f.url))?)
    })
}

use std::rc::Rc;

/// HTML that came out of Folio's allowlist sanitiser (or was built from escaped plain text), safe to insert as
/// `innerHTML`. The only raw-HTML rendering in the code base takes this type, so unsanitised HTML cannot reach the
/// DOM by accident.
///
/// The field is private and the one constructor is `pub(crate)` and called only by `source::sanitize` (a native
/// test scans the sources to keep it so): holding a `SafeHtml` proves the sanitiser ran.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeHtml(Rc<str>);

impl SafeHtml {
    /// Wrap HTML the sanitiser produced. Anything else calling this defeats the type's purpose.
    pub(crate) fn from_sanitiser(html: String) -> SafeHtml {
        SafeHtml(Rc::from(html))
    }

    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML as a shared string, to hand to the DOM without copying (e.g. Yew's `AttrValue::Rc`).
    pub fn to_rc(&self) -> Rc<str> {
        Rc::clone(&self.0)
    }

    /// True when there is no HTML at all (an empty string).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

//! One constructed stylesheet for every reader on a page, adopted by the document or a shadow root. A constructed
//! sheet is not an inline `<style>`: a strict `style-src` without `'unsafe-inline'` allows it
//! (WICG/construct-stylesheets#98), and nothing is added to the host's DOM.

use std::cell::OnceCell;

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

/// Where [`super::use_folio_styles`] puts Folio's stylesheet; provide it as a Yew context around the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum StyleRoot {
    /// The page's document (also when no context is given).
    Document,
    /// A shadow root the host app renders the reader into: the document's sheets do not reach it.
    Shadow(ShadowRoot),
    /// Styled already — the root links Folio's stylesheet itself (the `<folio-reader>` embed): adopt nothing.
    Linked,
}

thread_local! {
    /// Built on first use; `None` when the browser cannot construct stylesheets.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(&super::css()).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// `list` with `sheet` at the end, or `None` when it holds it already. A copy: older browsers hand out a frozen
/// array.
fn with_sheet(list: &Array, sheet: &CssStyleSheet) -> Option<Array> {
    if list.includes(sheet, 0) {
        return None;
    }
    let next = Array::from(list);
    next.push(sheet);
    Some(next)
}

/// Adopt the shared stylesheet into `root` unless it is there already; `true` when `root` has it now (always
/// `false` for [`StyleRoot::Linked`], or when the browser lacks constructed stylesheets).
pub fn adopt(root: &StyleRoot) -> bool {
    if *root == StyleRoot::Linked {
        return false;
    }
    let Some(sheet) = shared_sheet() else {
        return false;
    };
    match root {
        StyleRoot::Shadow(shadow) => {
            if let Some(next) = with_sheet(&shadow.adopted_style_sheets(), &sheet) {
                shadow.set_adopted_style_sheets(&JsValue::from(next));
            }
            true
        }
        _ => {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return false;
            };
            if let Some(next) = with_sheet(&document.adopted_style_sheets(), &sheet) {
                document.set_adopted_style_sheets(&JsValue::from(next));
            }
            true
        }
    }
}

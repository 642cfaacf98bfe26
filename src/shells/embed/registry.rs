//! The live apps, one per connected `<folio-reader>`, by id. Each app sits in its own `RefCell` so a host's
//! event listener that removes the element while its app is updating cannot hit a borrowed registry.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use super::app::{EmbedApp, EmbedAppProps};
use super::attrs::config_from_element;
use crate::hooks::Upgrade;

type Slot = Rc<RefCell<Option<AppHandle<EmbedApp>>>>;

struct Mounted {
    host: Element,
    app: Slot,
    resumed: Option<Upgrade>,
}

thread_local! {
    // A list by id: a page has a few widgets (tens at most), and a hash map would add its own copy of the hash
    // table's code to the wasm.
    static APPS: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn props_for(host: &Element, resumed: Option<Upgrade>) -> EmbedAppProps {
    EmbedAppProps {
        config: config_from_element(host),
        host: host.clone(),
        resumed,
    }
}

/// Start a reader for the `<folio-reader>` element `host`, rendered into `root` (a `<div>` in its shadow root).
/// Returns the id the loader passes to [`folio_update`] and [`folio_unmount`]. `article` is the loader's request
/// for the article, made beside the module: `[absolute URL, pending fetch(), the AbortController of its signal]`.
/// The reader's first request for that URL takes that answer instead of sending its own (`net::offer_early`).
/// `resumed` names what the reader was doing on the lite module (`folio:upgrade`'s need) when this reader takes
/// over from it: it then draws out of sight and says `folio:drawn` instead of `folio:loaded` (events.rs).
#[wasm_bindgen]
pub fn folio_mount(
    host: Element,
    root: Element,
    article: Option<js_sys::Array>,
    resumed: Option<String>,
) -> u32 {
    let resumed = resumed.as_deref().and_then(Upgrade::from_name);
    crate::shells::install_panic_hook();
    if let Some((url, (started, controller))) = article.as_ref().and_then(crate::net::handed) {
        crate::net::offer_early(url, started, controller);
    }
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let handle =
        yew::Renderer::<EmbedApp>::with_root_and_props(root, props_for(&host, resumed.clone()))
            .render();
    let app = Rc::new(RefCell::new(Some(handle)));
    let mounted = Mounted { host, app, resumed };
    APPS.with(|apps| apps.borrow_mut().push((id, mounted)));
    id
}

/// Re-read the element's attributes and re-render (a new document starts a fresh reader). Unknown ids are
/// ignored.
#[wasm_bindgen]
pub fn folio_update(id: u32) {
    let Some((host, app, resumed)) = APPS.with(|apps| {
        apps.borrow()
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, m)| (m.host.clone(), m.app.clone(), m.resumed.clone()))
    }) else {
        return;
    };
    if let Ok(mut slot) = app.try_borrow_mut() {
        if let Some(handle) = slot.as_mut() {
            handle.update(props_for(&host, resumed));
        }
    };
}

/// Destroy the app of a disconnected element. Unknown ids are ignored.
#[wasm_bindgen]
pub fn folio_unmount(id: u32) {
    let Some(mounted) = APPS.with(|apps| {
        let mut apps = apps.borrow_mut();
        let at = apps.iter().position(|(i, _)| *i == id)?;
        Some(apps.swap_remove(at).1)
    }) else {
        return;
    };
    let app = mounted.app;
    let taken = app.try_borrow_mut().ok().and_then(|mut slot| slot.take());
    match taken {
        Some(handle) => handle.destroy(),
        // Removed from inside its own update: destroy it once that has returned.
        None => wasm_bindgen_futures::spawn_local(async move {
            let taken = app.try_borrow_mut().ok().and_then(|mut slot| slot.take());
            if let Some(handle) = taken {
                handle.destroy();
            }
        }),
    }
}

/// How many apps are alive (for the leak tests and for debugging).
#[wasm_bindgen]
pub fn folio_live_apps() -> u32 {
    APPS.with(|apps| u32::try_from(apps.borrow().len()).unwrap_or(u32::MAX))
}

/// The interface strings of language `code` (`es`, `ar`, …), handed over by the loader before it mounts or updates
/// a reader in that language: the text of `folio-strings-<code>-<hash>.json`, fetched with its SRI hash. The
/// embed's modules carry English only (`i18n`, the `languages` feature). Returns whether the language is now in
/// use; `false` for an unknown code or a file that is not this build's table (the reader then shows English).
#[wasm_bindgen]
pub fn folio_strings(code: &str, json: &str) -> bool {
    crate::i18n::Lang::from_tag(code).is_some_and(|lang| lang.install(json))
}

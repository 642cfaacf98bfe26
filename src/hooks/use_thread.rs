//! The comment section's hook: loads the first page through the adapter, holds the thread's reducer, keeps it live,
//! fetches further pages, and persists what the reader chose (order, edit tokens) from one effect.

use std::rc::Rc;

use yew::prelude::*;

use super::comment_page::{fetch_page, LoadedPage};
use super::post_job::Jobs;
use super::{
    storage_get, storage_set, use_after_hydration, use_effect_on, use_live, use_load,
    use_more_pages, SectionIo, Source,
};
use crate::model::Comment;
use crate::source::thread::SortOrder;
use crate::source::url::decode_component;
use crate::state::{EditGrants, Load, LoadError, ThreadAction, ThreadState};

/// The reader's order is remembered under this key; `localStorage` is per origin, so per site.
pub const SORT_KEY: &str = "folio:sort";

/// What the comment section draws with.
pub struct ThreadHandle {
    /// The thread and everything the reader chose.
    pub state: UseReducerHandle<ThreadState>,
    /// The first page: loading, failed (with a retry), or there.
    pub load: Rc<Load<LoadedPage>>,
    /// Fetch the first page again.
    pub retry: Callback<()>,
    /// Change the thread.
    pub dispatch: Callback<ThreadAction>,
    /// Fetch the API's next page ("Load more comments").
    pub load_more: Callback<()>,
    /// What the request hooks of the section's components share (provide it as a context).
    pub io: SectionIo,
}

/// The id a `#comment-<id>` link in the page's address points at.
fn linked_comment() -> Option<Rc<str>> {
    let hash = crate::platform::page_hash()?;
    let id = decode_component(hash.strip_prefix("#comment-")?);
    (!id.is_empty()).then(|| id.into())
}

/// The thread of the list at `url` on article `article_id`, read with `source`.
#[hook]
pub fn use_thread(
    source: Source,
    url: AttrValue,
    article_id: Rc<str>,
    on_posted: Callback<Comment>,
    on_error: Callback<LoadError>,
    first_page: Option<LoadedPage>,
) -> ThreadHandle {
    // A first page read on a server is drawn at once: the reducer starts with it, as the server's render did.
    let first_list = first_page.as_ref().map(|p| p.list.clone());
    let (load, retry) = use_load(
        first_page,
        (source.clone(), url),
        |(source, url)| async move { fetch_page(&source.0, &url, 1).await },
    );
    let state = use_reducer({
        let article_id = article_id.clone();
        move || {
            let sort = storage_get(SORT_KEY)
                .as_deref()
                .and_then(SortOrder::from_name);
            let grants = storage_get(&EditGrants::storage_key(&article_id));
            let grants = grants
                .map(|t| EditGrants::from_storage(&t))
                .unwrap_or_default();
            let state = ThreadState::new(sort.unwrap_or_default(), grants);
            match first_list {
                Some(list) => state.apply(ThreadAction::Loaded(list)),
                None => state,
            }
        }
    });
    // One callback for the section's life: a new one each render would make every consumer of it (and the
    // request context below) look changed on every render.
    let dispatch = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a| d.dispatch(a)))).clone()
    };
    {
        let dispatch = dispatch.clone();
        // Keyed by identity: a new load is a new `Rc`, and comparing two lists of 10,000 comments is wasted work.
        let key = Rc::as_ptr(&load) as usize;
        let load = load.clone();
        use_effect_on(key, move |_| match &*load {
            Load::Ready(page) => {
                dispatch.emit(ThreadAction::Loaded(page.list.clone()));
                if let Some(id) = linked_comment() {
                    dispatch.emit(ThreadAction::Focus(id));
                }
            }
            Load::Failed(e) => on_error.emit(e.clone()),
            Load::Loading => {}
        });
    }
    // A hydrated page's reducer started from the server's answers (nothing stored, no address): take in the
    // reader's sort order and edit tokens, and the comment the address links to.
    {
        let (dispatch, article_id) = (dispatch.clone(), article_id.clone());
        use_after_hydration(move || {
            if let Some(sort) = storage_get(SORT_KEY)
                .as_deref()
                .and_then(SortOrder::from_name)
            {
                dispatch.emit(ThreadAction::Sort(sort));
            }
            if let Some(grants) = storage_get(&EditGrants::storage_key(&article_id)) {
                dispatch.emit(ThreadAction::GrantsRead(EditGrants::from_storage(&grants)));
            }
            if let Some(id) = linked_comment() {
                dispatch.emit(ThreadAction::Focus(id));
            }
        });
    }
    // Only the addresses: cloning (and comparing) a 10,000-comment list on every render would cost more than drawing.
    let live = load
        .ready()
        .map(|p| (source.0.clone(), p.url.clone(), p.events.clone()));
    use_live(live, dispatch.clone());
    use_persisted(&state, article_id.clone());
    let load_more = use_more_pages(source.clone(), &state, dispatch.clone());
    // The posts in flight outlive any one render (a failed post's retry button finds its request here).
    let jobs = use_memo((), |_| Jobs::default());
    let io = (*use_memo(
        (source, article_id, dispatch.clone(), on_posted),
        move |(s, a, d, p)| SectionIo::new(s.clone(), a.clone(), d.clone(), p.clone(), jobs),
    ))
    .clone();
    ThreadHandle {
        state,
        load,
        retry,
        dispatch,
        load_more,
        io,
    }
}

/// Write what the reader chose back to storage, from one effect: the order (for the next visit to the site) and
/// the edit tokens of article `article_id` (for this reader's comments while they can still be changed).
#[hook]
pub fn use_persisted(state: &ThreadState, article_id: Rc<str>) {
    // What was last read or written: only a change is stored, so a default the reader never chose is not.
    let last = use_mut_ref(|| None::<(SortOrder, Rc<EditGrants>)>);
    use_effect_on(
        (state.sort, state.grants.clone(), article_id),
        move |(sort, grants, article)| {
            let before = last.borrow_mut().replace((*sort, grants.clone()));
            if let Some((old_sort, old_grants)) = before {
                if old_sort != *sort {
                    storage_set(SORT_KEY, sort.name());
                }
                if old_grants != *grants {
                    storage_set(&EditGrants::storage_key(article), &grants.to_storage());
                }
            }
        },
    );
}

//! What the request hooks of one comment section share: the adapter, the article, the section's dispatcher, and the
//! posts in flight. Provided by the comment section as a context; each `<folio-reader>` has its own.

use std::rc::Rc;

use yew::prelude::*;

use super::post_job::Jobs;
use super::Source;
use crate::model::Comment;
use crate::state::ThreadAction;

/// Handles for requests that change the thread. Cheap to clone; compared by identity.
#[derive(Clone)]
pub struct SectionIo {
    /// How the API is read and written.
    pub source: Source,
    /// The article's id (edit tokens and drafts are kept per article).
    pub article_id: Rc<str>,
    /// The section's reducer.
    pub dispatch: Callback<ThreadAction>,
    /// Told about every comment the server stored (the host's `folio:comment-posted`).
    pub on_posted: Callback<Comment>,
    /// Posts sent from this section, by the local id of their pending comment, so the retry button of a failed
    /// one sends the very same request again.
    pub(crate) jobs: Rc<Jobs>,
}

impl SectionIo {
    /// A section's handles; `jobs` is the section's registry of posts (kept for its whole life).
    pub(crate) fn new(
        source: Source,
        article_id: Rc<str>,
        dispatch: Callback<ThreadAction>,
        on_posted: Callback<Comment>,
        jobs: Rc<Jobs>,
    ) -> Self {
        SectionIo {
            source,
            article_id,
            dispatch,
            on_posted,
            jobs,
        }
    }
}

impl PartialEq for SectionIo {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
            && self.article_id == other.article_id
            && self.dispatch == other.dispatch
            && self.on_posted == other.on_posted
            && Rc::ptr_eq(&self.jobs, &other.jobs)
    }
}

/// The section's handles, or `None` outside a comment section (a component drawn on its own, in a test).
#[hook]
pub fn use_section_io() -> Option<SectionIo> {
    use_context::<SectionIo>()
}

/// The callback that sends a failed post again (the pending comment's "Try again"), by its local id.
#[hook]
pub fn use_retry() -> Callback<Rc<str>> {
    let io = use_section_io();
    Callback::from(move |local: Rc<str>| {
        // Built without posting (the embed's lite module) no post is ever sent from here, so none failed.
        let job = io.as_ref().filter(|_| cfg!(feature = "posting"));
        if let Some(job) = job.and_then(|io| io.jobs.get(&local)) {
            job.attempt();
        }
    })
}

//! Reading the files with the widget's engine: the article, its comments threaded as the widget threads them,
//! and the mapping's warnings.

use std::rc::Rc;

use folio::model::{Article, Comment, MoreStub};
use folio::source::mapping::{
    comment_warnings_text, map_article_text, map_comments_text, MappingChoice, Warning,
};
use folio::source::thread::{build_thread, SortOrder};

use crate::options::Options;

/// What Folio would draw from the files, and what may be wrong with the mapping.
pub struct Output {
    /// The preset's or mapping's name (`folio` for Folio JSON).
    pub mapping: String,
    /// The preset was detected from the response.
    pub detected: bool,
    /// The article.
    pub article: Rc<Article>,
    /// The comments, when there are any to read.
    pub comments: Option<Comments>,
    /// Why the comments could not be read (the article still printed; the exit status says so).
    pub comments_error: Option<String>,
    /// The mapping's warnings, article first.
    pub warnings: Vec<Warning>,
}

/// The comment tree, in reading order.
pub struct Comments {
    /// Each comment with its depth (0: top-level), replies after their parent, oldest first.
    pub tree: Vec<(usize, Comment)>,
    /// The total the API reports.
    pub total: Option<usize>,
    /// "N more replies" stubs.
    pub more: Vec<MoreStub>,
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// Read the files named by `opts`.
pub fn run(opts: &Options) -> Result<Output, String> {
    let mapping_text = match opts.mapping.as_deref() {
        Some(m) if m.trim_start().starts_with('{') => Some(m.to_string()),
        Some(file) => Some(read(file)?),
        None => None,
    };
    let choice = MappingChoice::from_settings(opts.preset.as_deref(), mapping_text.as_deref())
        .map_err(|e| e.to_string())?;
    let text = read(&opts.article)?;
    let mapped =
        map_article_text(&text, opts.url.as_deref(), &choice).map_err(|e| e.to_string())?;
    let mapping = mapped.resolved.mapping.as_deref();
    let inline = mapping
        .and_then(|m| m.comments.as_ref())
        .is_some_and(|c| c.url.as_deref().map(str::trim) == Some("{self}"));
    let (comments_text, comments_url) = match &opts.comments {
        Some(file) => {
            let url = opts.comments_url.clone();
            (
                Some(read(file)?),
                url.or(mapped.article.comments_url.as_deref().map(Into::into)),
            )
        }
        None if inline => (Some(text.clone()), opts.url.clone()),
        None => (None, None),
    };
    let mut warnings = mapped.warnings.clone();
    let (mut comments, mut comments_error) = (None, None);
    if let Some(ct) = comments_text {
        warnings.extend(comment_warnings_text(&ct, mapping, Some(&mapped.object)));
        match map_comments_text(&ct, comments_url.as_deref(), mapping, Some(&mapped.object)) {
            Ok(list) => {
                let (total, more) = (list.total, list.more);
                let thread = build_thread(list.comments, SortOrder::Oldest);
                // Depth-first without recursion, as the widget draws it: replies after their parent.
                let mut stack: Vec<(usize, usize)> =
                    thread.roots().iter().rev().map(|&i| (0, i)).collect();
                let mut tree = Vec::new();
                while let Some((depth, i)) = stack.pop() {
                    if let Some(c) = thread.comment(i) {
                        tree.push((depth, c.clone()));
                    }
                    stack.extend(thread.replies(i).iter().rev().map(|&r| (depth + 1, r)));
                }
                comments = Some(Comments { tree, total, more });
            }
            Err(e) => comments_error = Some(e.to_string()),
        }
    }
    Ok(Output {
        mapping: mapped.resolved.name.clone(),
        detected: mapped.resolved.detected,
        article: mapped.article,
        comments,
        comments_error,
        warnings,
    })
}

//! Fallback content for `<folio-reader>` (issue 15, point 4): the article and its first comments as plain
//! semantic HTML inside the element, for crawlers and readers without script. The element's shadow root, attached
//! as soon as the loader runs, has no `<slot>`, so the browser stops drawing this light-DOM copy the moment the
//! widget starts (docs/embed.md, "Fallback content"). Images are `loading="lazy"`: undrawn, they are never fetched.

use crate::model::{Article, Comment, Thread};
use crate::source::sanitize::escape_text;
use crate::source::thread::{build_thread, SortOrder};

use super::head::attr;
use super::{read, PageError, PageInput};

/// Replies deeper than this are listed at this depth: the copy stays readable and its writer never recurses far.
const MAX_DEPTH: usize = 8;

fn text(s: &str) -> String {
    escape_text(s).as_str().to_string()
}

fn article_html(a: &Article, out: &mut String) {
    out.push_str(&format!("<h1>{}</h1>\n", text(&a.title)));
    if let Some(s) = &a.standfirst {
        out.push_str(&format!("<p>{}</p>\n", text(s)));
    }
    let names: Vec<String> = a.authors.iter().map(|x| text(&x.name)).collect();
    let mut meta = Vec::new();
    if !names.is_empty() {
        meta.push(format!("By {}", names.join(", ")));
    }
    if let Some(t) = &a.published {
        meta.push(format!(
            "<time datetime=\"{}\">{}</time>",
            attr(&t.iso),
            folio_time::format_date(t.epoch_ms)
        ));
    }
    if !meta.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", meta.join(" · ")));
    }
    if let Some(h) = &a.hero {
        out.push_str(&format!(
            "<figure><img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            attr(&h.src),
            attr(&h.alt)
        ));
        let caption: Vec<String> = [&h.caption, &h.credit]
            .iter()
            .filter_map(|c| c.as_deref())
            .map(text)
            .collect();
        if !caption.is_empty() {
            out.push_str(&format!("<figcaption>{}</figcaption>", caption.join(" ")));
        }
        out.push_str("</figure>\n");
    }
    for block in a.body.iter() {
        out.push_str(block.as_str());
        out.push('\n');
    }
}

fn comment_html(c: &Comment, out: &mut String) {
    out.push_str("<article>");
    if c.deleted {
        out.push_str("<p>This comment was removed.</p>");
    } else {
        out.push_str(&format!("<p><strong>{}</strong>", text(&c.author.name)));
        if let Some(t) = &c.date {
            out.push_str(&format!(
                " <time datetime=\"{}\">{}</time>",
                attr(&t.iso),
                folio_time::format_date(t.epoch_ms)
            ));
        }
        out.push_str("</p>");
        out.push_str(c.body.as_str());
    }
    out.push_str("</article>");
}

/// The items `indices` of `thread` as `<li>`s, their replies in a nested `<ol>` down to [`MAX_DEPTH`].
fn items(thread: &Thread, indices: &[usize], depth: usize, out: &mut String) {
    for &i in indices {
        let Some(c) = thread.comment(i) else { continue };
        out.push_str("<li>");
        comment_html(c, out);
        let replies = thread.replies(i);
        if !replies.is_empty() && depth < MAX_DEPTH {
            out.push_str("<ol>");
            items(thread, replies, depth + 1, out);
            out.push_str("</ol>");
        }
        out.push_str("</li>\n");
        if !replies.is_empty() && depth >= MAX_DEPTH {
            items(thread, replies, depth, out);
        }
    }
}

/// The whole snippet: `<folio-reader src=…>` holding the fallback copy of the article and its first comments.
pub fn embed_snippet(input: &PageInput) -> Result<String, PageError> {
    let pre = read(input)?;
    let mut out = format!("<folio-reader src=\"{}\"", attr(&input.article.1));
    if let Some(p) = &input.preset {
        out.push_str(&format!(" preset=\"{}\"", attr(p)));
    }
    out.push_str(">\n<article>\n");
    article_html(&pre.article, &mut out);
    if let Some(page) = &pre.comments {
        let list = &page.list;
        let total = list.total.unwrap_or(list.comments.len());
        out.push_str(&format!("<section>\n<h2>Comments ({total})</h2>\n"));
        let thread = build_thread(list.comments.clone(), SortOrder::Oldest);
        if thread.is_empty() {
            out.push_str("<p>Post with no comments.</p>\n");
        } else {
            out.push_str("<ol>\n");
            items(&thread, thread.roots(), 0, &mut out);
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n</folio-reader>\n");
    Ok(out)
}

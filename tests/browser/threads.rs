//! Comment-thread components of issue 4: relative times, the sort control, the live announcement, the pending
//! status of a comment being sent, collapsed subtrees and paged replies.

use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

use folio::components::comments::{live_notice, pending_status, relative_time, sort_control};
use folio::hooks::{use_persisted, SORT_KEY};
use folio::i18n::Lang;
use folio::model::{Author, Comment, SafeHtml};
use folio::net::NetError;
use folio::source::date::from_epoch_ms;
use folio::source::thread::{build_thread, SortOrder};
use folio::state::{ThreadAction, ThreadState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::support::{all, one, render, render_html, text, wait_until, Thread, ThreadProps};

fn click(root: &web_sys::Element, css: &str) {
    one(root, css)
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an HTML element")
        .click();
}

fn comment(id: &str, parent: Option<&str>, minute: i64) -> Comment {
    Comment {
        id: id.into(),
        parent: parent.map(Rc::from),
        author: Author {
            name: format!("Author {id}").into(),
            url: None,
            avatar: None,
        },
        date: Some(from_epoch_ms(1_700_000_000_000 + minute * 60_000)),
        body: SafeHtml::default(),
        score: None,
        deleted: false,
        by_article_author: false,
        warning: None,
        emoji: Rc::new([]),
    }
}

// A relative time says "3 hours ago", with the exact date in `title` and the ISO moment in `datetime`.
#[wasm_bindgen_test]
async fn relative_time_with_exact_title() {
    let at = from_epoch_ms(js_sys::Date::now() as i64 - 3 * 3_600_000 - 60_000);
    let iso = at.iso.to_string();
    let root = render_html(relative_time(&at, "en")).await;
    let time = one(&root, "time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some(iso.as_str())
    );
    assert!(
        time.text_content()
            .unwrap_or_default()
            .contains("3 hours ago"),
        "{}",
        root.inner_html()
    );
    let title = time.get_attribute("title").unwrap_or_default();
    assert!(
        title.chars().any(|c| c.is_ascii_digit()),
        "exact date: {title}"
    );
}

/// Props of [`RememberedSort`].
#[derive(Properties, PartialEq)]
struct RememberedSortProps {
    /// Told about the reader's choice.
    on_change: Callback<SortOrder>,
}

/// A sort control wired as the comment section wires it: its choice goes into a thread state, which
/// `use_persisted` writes back to storage.
#[component]
fn RememberedSort(props: &RememberedSortProps) -> Html {
    let state = use_reducer(ThreadState::default);
    use_persisted(&state, Rc::from("sorted"));
    let on_change = {
        let (d, told) = (state.dispatcher(), props.on_change.clone());
        Callback::from(move |o| {
            d.dispatch(ThreadAction::Sort(o));
            told.emit(o);
        })
    };
    sort_control(state.sort, true, on_change, Lang::En.strings())
}

// The sort control offers newest, oldest and top, calls back with the choice, and the section remembers it for the
// site.
#[wasm_bindgen_test]
async fn sort_control_reports_and_remembers() {
    let chosen = Rc::new(Cell::new(None));
    let c = chosen.clone();
    let root = render::<RememberedSort>(RememberedSortProps {
        on_change: Callback::from(move |o| c.set(Some(o))),
    })
    .await;
    let values: Vec<String> = all(&root, "option")
        .iter()
        .filter_map(|o| o.get_attribute("value"))
        .collect();
    assert_eq!(values, ["newest", "oldest", "top"]);
    assert!(text(&root, "label").contains("Sort by"));
    let select: web_sys::HtmlSelectElement = one(&root, "select").dyn_into().expect("select");
    select.set_value("newest");
    let event = web_sys::Event::new("change").expect("event");
    let _ = select.dispatch_event(&event);
    wait_until(&root, |_| chosen.get() == Some(SortOrder::Newest)).await;
    let stored = || {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(SORT_KEY).ok().flatten())
    };
    wait_until(&root, |_| stored().as_deref() == Some("newest")).await;
}

// New comments are announced in a polite live region, with a button that inserts them; with none, it is empty.
#[wasm_bindgen_test]
async fn live_notice_announces_and_inserts() {
    let shown = Rc::new(Cell::new(0));
    let s = shown.clone();
    let on_show = Callback::from(move |()| s.set(s.get() + 1));
    let root = render_html(live_notice(3, on_show, false, Lang::En)).await;
    let region = one(&root, "[aria-live=polite]");
    assert!(region
        .text_content()
        .unwrap_or_default()
        .contains("3 new comments"));
    click(&root, "button");
    wait_until(&root, |_| shown.get() == 1).await;
    let empty = render_html(live_notice(0, Callback::noop(), false, Lang::En)).await;
    assert!(all(&empty, "button").is_empty());
}

// A comment being sent says so; a failed one says why, as an alert, with a retry button that calls back.
#[wasm_bindgen_test]
async fn pending_status_sending_and_failed() {
    let s = Lang::En.strings();
    let root = render_html(pending_status(None, Callback::noop(), s)).await;
    assert!(text(&root, "[role=status]").contains("Sending"));
    let retried = Rc::new(Cell::new(0));
    let r = retried.clone();
    let failure = NetError::RateLimited { retry_after: None };
    let retry = Callback::from(move |()| r.set(r.get() + 1));
    let root = render_html(pending_status(Some(&failure), retry, s)).await;
    let alert = text(&root, "[role=alert]");
    assert!(
        alert.contains("was not posted") && alert.contains("Too many requests"),
        "{alert}"
    );
    click(&root, ".folio-comment__retry");
    wait_until(&root, |_| retried.get() == 1).await;
}

// A collapsed comment draws no replies, says how many are hidden, and its toggle reports itself collapsed.
#[wasm_bindgen_test]
async fn collapsed_subtree_counts_hidden_replies() {
    let list = vec![
        comment("a", None, 0),
        comment("b", Some("a"), 1),
        comment("c", Some("b"), 2),
        comment("d", None, 3),
    ];
    let ctx = crate::support::ctx(ThreadState {
        thread: build_thread(list, SortOrder::Oldest),
        collapsed: Rc::new(HashSet::from([Rc::from("a")])),
        ..ThreadState::default()
    });
    let root = render::<Thread>(ThreadProps { ctx }).await;
    let a = one(&root, "#comment-a");
    assert!(all(&a, ":scope > ol").is_empty(), "replies hidden");
    assert_eq!(text(&a, ".folio-comment__hidden"), "2 replies hidden");
    assert_eq!(
        one(&a, ".folio-comment__toggle")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
    assert!(
        all(&root, "#comment-d .folio-comment__toggle").is_empty(),
        "no toggle without replies"
    );
}

// Replies are drawn a page at a time, with a button for the rest.
#[wasm_bindgen_test]
async fn replies_are_paged() {
    let mut list = vec![comment("a", None, 0)];
    for i in 0..15 {
        list.push(comment(&format!("r{i}"), Some("a"), i + 1));
    }
    let ctx = crate::support::ctx(ThreadState {
        thread: build_thread(list, SortOrder::Oldest),
        ..ThreadState::default()
    });
    let root = render::<Thread>(ThreadProps { ctx }).await;
    assert_eq!(
        all(&root, "#comment-a > ol > li.folio-thread__item").len(),
        10
    );
    assert!(text(&root, ".folio-thread__more-replies").contains("Show more replies"));
}

// A highlighted comment (a deep link's target) is marked and focusable.
#[wasm_bindgen_test]
async fn highlighted_comment_is_marked() {
    let ctx = crate::support::ctx(ThreadState {
        thread: build_thread(vec![comment("a", None, 0)], SortOrder::Oldest),
        highlight: Some("a".into()),
        ..ThreadState::default()
    });
    let root = render::<Thread>(ThreadProps { ctx }).await;
    let article = one(&root, "#comment-a > article");
    assert!(article.class_list().contains("folio-comment--highlight"));
    assert_eq!(article.get_attribute("tabindex").as_deref(), Some("-1"));
}

//! Two `<folio-reader>` on one page, showing different articles, keep their own state: the comment a reader posts in
//! one is marked "Awaiting review" and offers Edit and Delete there, and nowhere in the other (each widget has its
//! own reducer; nothing is kept in page-wide globals). Both browsers, on a `--moderate` reference server.

use crate::support::thread::unique;
use crate::support::{Browser, Session, SiteServer};

/// A JavaScript expression for every element matching `sel` in the shadow root of reader `id`.
fn all_in(id: &str, sel: &str) -> String {
    format!("[...(document.getElementById('{id}')?.shadowRoot?.querySelectorAll('{sel}') ?? [])]")
}

/// Post `text` as `name` from the top-level form of reader `id` (inside its shadow root, so through the DOM: the
/// fields get their value and an `input` event, as typing gives them).
fn post_in(id: &str, name: &str, text: &str) -> String {
    format!(
        "const f = document.getElementById('{id}').shadowRoot.querySelector('section.folio-comments > form.folio-compose'); \
         const set = (sel, v) => {{ const e = f.querySelector(sel); e.value = v; e.dispatchEvent(new Event('input', {{bubbles: true}})); }}; \
         set('input[name=name]', {name:?}); set('textarea[name=body]', {text:?}); \
         f.querySelector('button[type=submit]').click(); return 0"
    )
}

/// The ids of reader `id`'s comments that carry `mark` (a CSS selector inside the comment's `article`).
async fn marked(s: &Session, id: &str, mark: &str) -> Vec<String> {
    let ids = s
        .eval(&format!(
            "return {}.filter(a => a.querySelector('{mark}')).map(a => a.parentElement.id)",
            all_in(id, "article.folio-comment")
        ))
        .await;
    serde_json::from_value(ids).unwrap_or_default()
}

// Each reader marks only the comment posted from it: held badge and own-comment actions stay with their widget.
#[tokio::test(flavor = "multi_thread")]
async fn two_readers_keep_their_own_held_comments_and_edit_buttons() {
    let server =
        SiteServer::start_with("two-readers", &[("tests/e2e/pages", "embed-test")], |_| {
            vec!["--moderate".into()]
        });
    let page = format!("{}embed-test/two.html", server.url);
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page).await;
        for id in ["r1", "r2"] {
            s.wait_for(
                &format!("the form of {id}"),
                &format!(
                    "{}.length",
                    all_in(id, "section.folio-comments > form.folio-compose")
                ),
            )
            .await;
        }
        let first = unique(browser, "Held in the first reader");
        s.eval(&post_in("r1", "Ines", &first)).await;
        let mine = |id: &str, text: &str| {
            format!(
                "{}.find(a => a.textContent.includes('{text}') && a.parentElement.id.startsWith('comment-p') && a.querySelector('.folio-comment__held') && a.querySelector('.folio-own__edit'))",
                all_in(id, "article.folio-comment")
            )
        };
        s.wait_for("r1's comment, held and editable", &mine("r1", &first))
            .await;
        assert!(
            marked(&s, "r2", ".folio-comment__held").await.is_empty(),
            "{browser:?}: r2 holds nothing"
        );
        assert!(
            marked(&s, "r2", ".folio-own__edit").await.is_empty(),
            "{browser:?}: r2 edits nothing"
        );

        let second = unique(browser, "Held in the second reader");
        s.eval(&post_in("r2", "Ines", &second)).await;
        s.wait_for("r2's comment, held and editable", &mine("r2", &second))
            .await;
        let (r1_held, r2_held) = (
            marked(&s, "r1", ".folio-comment__held").await,
            marked(&s, "r2", ".folio-comment__held").await,
        );
        assert_eq!(
            (r1_held.len(), r2_held.len()),
            (1, 1),
            "{browser:?}: one each"
        );
        assert_ne!(r1_held, r2_held, "{browser:?}: each its own");
        assert_eq!(
            marked(&s, "r1", ".folio-own__edit").await,
            r1_held,
            "{browser:?}: r1 edits only its own"
        );
        assert_eq!(
            marked(&s, "r2", ".folio-own__edit").await,
            r2_held,
            "{browser:?}: r2 edits only its own"
        );
        s.close().await;
    }
}

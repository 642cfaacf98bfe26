//! Posting through a mapping, end to end, against the loopback WordPress of `support::wordpress`: the reader, with
//! `preset=wordpress`, posts a comment and a reply; both appear in the thread, and again after a reload (read back
//! from the server), and WordPress received exactly the documented bodies.

use serde_json::json;

use crate::support::thread::{replied_under, reply_to, unique};
use crate::support::wordpress::{self, POST_ID};
use crate::support::{Browser, Server, Session};

/// Find the drawn comment whose text contains `text` (a JavaScript expression).
fn comment_with(text: &str) -> String {
    format!("[...document.querySelectorAll('article.folio-comment')].find(a => a.textContent.includes('{text}') && !a.classList.contains('folio-comment--sending'))")
}

// Through the wordpress preset, the reader posts a comment and a reply in WordPress's own format; both appear in the
// thread at once and again after a reload, and the bodies WordPress received are exactly the documented ones.
#[tokio::test(flavor = "multi_thread")]
async fn wordpress_preset_posts_a_comment_and_a_reply() {
    let spa = Server::start();
    let (store, _wp, page) = wordpress::start(&spa).await;
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        wordpress::open_thread(&s, &page).await;
        let text = unique(browser, "Took the **sleeper**");
        wordpress::send_comment(&s, &text).await;
        let plain = text.replace("**", "");
        let find = comment_with(&plain);
        s.wait_for(
            "the posted comment, stored by WordPress",
            &format!("{find} && {find}.parentElement.id.match(/^comment-1\\d\\d$/)"),
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return {find}.querySelector('strong').textContent"
            ))
            .await,
            "sleeper",
            "{browser:?}: Markdown sent as HTML"
        );
        let id = s
            .eval(&format!("return {find}.parentElement.id.slice(8)"))
            .await;
        let id: u64 = id
            .as_str()
            .and_then(|i| i.parse().ok())
            .expect("numeric WordPress id");

        // A reply to it: WordPress is told the parent's id as a number.
        let reply = unique(browser, "And back by day");
        reply_to(&s, &find, &reply).await;
        s.wait_for(
            "the reply nested under the comment",
            &replied_under(&format!("document.getElementById('comment-{id}')"), &reply),
        )
        .await;

        // Both come back from WordPress after a reload.
        s.goto(&page).await;
        s.wait_for(
            "both read back",
            &format!(
                "document.querySelector('#comment-{id} ol.folio-thread__replies') && {}",
                comment_with(&reply)
            ),
        )
        .await;
        {
            let store = store.lock().expect("store");
            let n = store.bodies.len();
            assert!(n >= 2, "{browser:?}: two posts");
            let (top, answer) = (&store.bodies[n - 2], &store.bodies[n - 1]);
            assert_eq!(top["post"], json!(POST_ID));
            assert_eq!(
                top["parent"],
                json!(0),
                "{browser:?}: top level is parent 0"
            );
            assert_eq!(top["author_name"], "Eva");
            assert_eq!(top["author_email"], "eva@example.org");
            assert_eq!(
                top["content"],
                format!(
                    "<p>{}</p>",
                    plain.replace("sleeper", "<strong>sleeper</strong>")
                )
            );
            assert_eq!(
                answer["parent"],
                json!(id),
                "{browser:?}: the reply names its parent"
            );
            assert_eq!(answer["content"], format!("<p>{reply}</p>"));
        }
        s.close().await;
    }
}

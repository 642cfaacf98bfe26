//! Live threads for every source: a WordPress thread read through the preset receives a comment another reader
//! posted, without a reload, by polling through the adapter; a poll that hangs for ever does not stop the next.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::support::thread::{drawn_comments, inserted_only_on_request, unique};
use crate::support::wordpress::{self, post_elsewhere, Store, POST_ID};
use crate::support::{Browser, Server, Session};

/// Wait (up to 10 s) until the fake WordPress has left `n` list requests hanging.
async fn until_hung(store: &Arc<Mutex<Store>>, n: usize) {
    for _ in 0..100 {
        if store.lock().expect("store").hung >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the poll never reached the server");
}

// Through the wordpress preset, the open thread polls WordPress's list when the reader comes back to the page: a
// first poll hangs (WordPress never answers it), a comment is posted by another reader, and the next poll — not
// stopped by the hung one — brings it; it is announced, and drawn when the reader asks.
#[tokio::test(flavor = "multi_thread")]
async fn wordpress_thread_goes_live_past_a_hung_poll() {
    let spa = Server::start();
    let (store, wp, page) = wordpress::start(&spa).await;
    let come_back = "window.dispatchEvent(new Event('focus')); return 0";
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        wordpress::open_thread(&s, &page).await;
        let before = drawn_comments(&s).await;

        // The reader comes back to the page: a poll starts, and WordPress leaves it hanging.
        let hung = {
            let mut st = store.lock().expect("store");
            st.hang_lists = 1;
            st.hung
        };
        s.eval(come_back).await;
        until_hung(&store, hung + 1).await;

        let text = unique(browser, "Posted from another browser");
        let body = json!({"post": POST_ID, "parent": 0, "author_name": "Ola", "author_email": "ola@example.org",
                          "content": format!("<p>{text}</p>")});
        post_elsewhere(&wp.origin, &body).await;

        // Coming back again polls again at once: the hung request does not hold the next one back.
        s.eval(come_back).await;
        s.wait_for(
            "the live announcement",
            "document.querySelector('.folio-live__show')",
        )
        .await;
        assert!(
            s.text(".folio-live__count").await.contains("1 new comment"),
            "{browser:?}: one new comment announced"
        );
        inserted_only_on_request(&s, &before, &text).await;
        assert_eq!(
            store.lock().expect("store").hang_lists,
            0,
            "{browser:?}: exactly one poll was left hanging"
        );
        s.close().await;
    }
}

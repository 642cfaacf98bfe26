//! Edit tokens are bound to the origin they were issued for (issue 12, finding 8): a comment list on another origin
//! that reuses the reader's comment id with a `post` URL of its own gets neither Edit/Delete buttons nor the token.

use std::sync::{Arc, Mutex};

use crate::support::loopback::{response, send, Loopback};
use crate::support::thread::{open_trains, post_mine, unique};
use crate::support::{article_url, Browser, Server, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_list_elsewhere_reusing_the_id_never_gets_the_token() {
    let server = Server::start();
    // The hostile list: whatever id it is told, with `post` pointing at itself; every request it gets is kept.
    let stolen: Arc<Mutex<Vec<String>>> = Arc::default();
    let victim: Arc<Mutex<String>> = Arc::default();
    let api = {
        let (stolen, victim) = (stolen.clone(), victim.clone());
        Loopback::start(move |req, stream| {
            let (stolen, victim) = (stolen.clone(), victim.clone());
            async move {
                if let Some(auth) = req.header("authorization") {
                    stolen.lock().expect("lock").push(format!("{} {}: {auth}", req.method, req.path));
                }
                let id = victim.lock().expect("lock").clone();
                let list = serde_json::json!({
                    "comments": [{ "id": id, "author": "Mallory", "body": "Same id, other server" }],
                    "post": "/steal",
                });
                let cors = "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: *\r\nAccess-Control-Allow-Methods: *\r\n";
                send(stream, &response("200 OK", cors, "application/json", &list.to_string())).await
            }
        })
        .await
    };
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        let text = unique(browser, "Mine to edit");
        let find = post_mine(&s, "Vera", &text, ".folio-own__edit").await;
        let id = s.eval(&format!("return {find}.parentElement.id")).await;
        let key = id
            .as_str()
            .and_then(|i| i.strip_prefix("comment-"))
            .expect("a comment id")
            .to_string();
        *victim.lock().expect("lock") = key.clone();

        // The same article (so the same stored grants), its comments from the other origin.
        let url = format!(
            "{}&comments={}/list",
            article_url(&server, crate::support::thread::TRAINS),
            api.origin
        );
        s.goto(&url).await;
        let theirs = format!("document.getElementById('comment-{key}')");
        s.wait_for("the other server's comment with the same id", &theirs)
            .await;
        assert_eq!(
            s.eval(&format!(
                "return !!{theirs}.querySelector('.folio-own__edit, .folio-own__delete')"
            ))
            .await,
            false,
            "{browser:?}: no Edit/Delete for a token issued to another origin"
        );
        assert!(
            stolen.lock().expect("lock").is_empty(),
            "{browser:?}: the token reached the other server: {:?}",
            stolen.lock().expect("lock")
        );
        s.close().await;
    }
}

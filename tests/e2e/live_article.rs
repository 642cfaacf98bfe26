//! Issue 14: a live article receives an editor's updates while it is open, in both browsers. Through the article's
//! event stream: an editor posts an entry through the server's API; the reader hears "1 new update" (polite live
//! region), the entry is not drawn until the reader presses the button, then it is on top with its own anchor; an
//! edit of it changes it in place, without a new announcement; the "Live" badge says when the last update came.
//! Without a stream (`--no-events`), a poll with `If-None-Match` brings a body correction in place.

use serde_json::json;

use crate::support::api::api_as;
use crate::support::thread::{open_article, unique};
use crate::support::{dist, Browser, Server, Session};

/// The demo's live article.
pub const LIVE: &str = "harbour-storm-live";
/// The editors' token the tests start the server with.
pub const EDITOR: &str = "e2e-editor-token-0123";

/// A server that takes editors' updates, with `extra` flags.
pub fn editor_server(extra: &[&str]) -> Server {
    let mut args = vec!["--editor-token".to_string(), EDITOR.to_string()];
    args.extend(extra.iter().map(|a| a.to_string()));
    Server::start_serving_with(dist(), move |_| args)
}

/// Posts an entry as the editor; its id.
pub async fn post_entry(server: &Server, text: &str) -> String {
    let entry =
        json!({"author": "Desk", "title": "Harbour update", "body": format!("<p>{text}</p>")});
    let path = format!("/api/articles/{LIVE}/entries");
    let (status, stored) = api_as(server, "POST", &path, Some(EDITOR), Some(&entry)).await;
    assert_eq!(status, 201, "{stored}");
    stored["id"].as_str().expect("an id").to_owned()
}

/// The ids of the entries drawn, in order.
const DRAWN: &str =
    "return [...document.querySelectorAll('.folio-liveblog .folio-entry')].map(e => e.id)";

#[tokio::test(flavor = "multi_thread")]
async fn an_open_reader_receives_an_editors_entry() {
    let server = editor_server(&[]);
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_article(&s, &server, LIVE).await;
        s.wait_for(
            "the entries",
            "document.querySelector('.folio-liveblog .folio-entry')",
        )
        .await;
        let before = s.eval(DRAWN).await;
        // The stream opens as the article is drawn; give it a moment to connect before the editor posts.
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;

        let text = unique(browser, "The harbour reopens at noon");
        let id = post_entry(&server, &text).await;
        s.wait_for(
            "the announcement",
            "document.querySelector('.folio-liveblog .folio-live__show')",
        )
        .await;
        assert_eq!(
            s.text(".folio-liveblog .folio-live__count").await,
            "1 new update",
            "{browser:?}"
        );
        let polite = s
            .eval("const r = document.querySelector('.folio-liveblog .folio-live'); return [r.getAttribute('role'), r.getAttribute('aria-live')]")
            .await;
        assert_eq!(polite, json!(["status", "polite"]), "{browser:?}");
        assert_eq!(
            s.eval(DRAWN).await,
            before,
            "{browser:?}: nothing moves before the reader asks"
        );

        s.click(".folio-liveblog .folio-live__show").await;
        let anchor = format!("entry-{id}");
        s.wait_for(
            "the new entry",
            &format!("document.getElementById('{anchor}')"),
        )
        .await;
        let drawn = s.eval(DRAWN).await;
        assert_eq!(
            drawn[0],
            anchor.as_str(),
            "{browser:?}: newest first: {drawn}"
        );
        assert!(
            s.text(&format!("#{anchor}")).await.contains(&text),
            "{browser:?}: the entry's text"
        );
        assert!(
            s.eval("return !document.querySelector('.folio-liveblog .folio-live__show')")
                .await
                == json!(true),
            "{browser:?}: the announcement is gone"
        );
        assert!(
            !s.text(".folio-live__last").await.is_empty(),
            "{browser:?}: the badge says when the last update came"
        );

        // The editor corrects the entry: it changes in place, with no new announcement.
        let fixed = unique(browser, "The harbour reopens at one");
        let path = format!("/api/articles/{LIVE}/entries/{id}");
        let (status, _) = api_as(
            &server,
            "PATCH",
            &path,
            Some(EDITOR),
            Some(&json!({"body": format!("<p>{fixed}</p>")})),
        )
        .await;
        assert_eq!(status, 200);
        s.wait_for(
            "the edit in place",
            &format!("document.getElementById('{anchor}').textContent.includes({fixed:?})"),
        )
        .await;
        assert_eq!(s.eval(DRAWN).await, drawn, "{browser:?}: same place");
        assert!(
            s.eval("return !document.querySelector('.folio-liveblog .folio-live__show')")
                .await
                == json!(true),
            "{browser:?}: an edit is not announced as new"
        );
        s.screenshot("live-entry").await;
        s.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_polling_reader_sees_a_body_correction_in_place() {
    let server = editor_server(&["--no-events"]);
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_article(&s, &server, LIVE).await;
        let fixed = unique(browser, "Storm Ilse made landfall at dawn");
        let path = format!("/api/articles/{LIVE}/body");
        let body = json!({"body": format!("<p>{fixed}.</p>")});
        let (status, _) = api_as(&server, "PUT", &path, Some(EDITOR), Some(&body)).await;
        assert_eq!(status, 200);
        // Coming back to the page polls at once (If-None-Match): the corrected body replaces the old one.
        s.eval("window.dispatchEvent(new Event('focus')); return 0")
            .await;
        s.wait_for(
            "the corrected body",
            &format!("document.querySelector('.folio-article > .folio-body').textContent.includes({fixed:?})"),
        )
        .await;
        s.close().await;
    }
}

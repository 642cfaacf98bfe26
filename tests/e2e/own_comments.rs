//! The reader's own comments and polling, end to end in Chromium and Firefox against the reference server: a comment
//! posted here can be edited and deleted within the server's window (the edit token kept from posting time), the
//! delete is confirmed in the page and leaves a placeholder that keeps its replies; and on a server without an event
//! stream (`--no-events`) a comment from a second client is found by polling, announced, and inserted on request.

use serde_json::json;

use crate::support::api::{
    api_as, post_from_elsewhere, stored_with_body, stored_with_body_soon, trains_comments,
};
use crate::support::thread::{
    drawn_comments, inserted_only_on_request, moderated_server, one_new_comment_announced,
    open_trains, post_mine, replied_under, reply_to, unique, FORM, MODERATOR, TRAINS,
};
use crate::support::{dist, Browser, Server, Session};

// Post, edit (through the same Markdown field), reply, delete after an in-page question: the comment becomes a
// placeholder that keeps its reply, and the server has the edit and the deletion.
#[tokio::test(flavor = "multi_thread")]
async fn edit_and_delete_own_comment() {
    let server = Server::start();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        // A blocking dialog would freeze every widget on the page: fail loudly if one is used.
        s.eval("window.confirm = () => { throw new Error('window.confirm used'); }; return 0")
            .await;
        let first = unique(browser, "First thought");
        let find = post_mine(&s, "Olga", &first, ".folio-own__edit").await;

        // From here on the comment is found by its id: while it is edited its text is in a field, not in the page.
        let id = s.eval(&format!("return {find}.parentElement.id")).await;
        let li = format!("document.getElementById({id})");
        let own = format!("{li}.querySelector(':scope > article')");
        s.eval(&format!(
            "{own}.querySelector('.folio-own__edit').click(); return 0"
        ))
        .await;
        let area = format!("{own}.querySelector('form.folio-compose--edit textarea')");
        s.wait_for(
            "the edit form with the text as written",
            &format!("{area} && {area}.value === '{first}'"),
        )
        .await;
        assert_eq!(
            s.eval(&format!("return document.activeElement === {area}"))
                .await,
            true,
            "{browser:?}: focus in the edit field"
        );
        let second = unique(browser, "Second thought");
        // WebDriver types at the end of the text: empty the field first, as a reader would (`clear_field`).
        s.clear_field(&area).await;
        s.type_into(
            "form.folio-compose--edit textarea",
            &format!("{second} *indeed*"),
        )
        .await;
        s.click("form.folio-compose--edit .folio-edit__save").await;
        s.wait_for("the edited text", &format!("{own}.querySelector('.folio-comment__body em') && !{own}.querySelector('form') && {own}.textContent.includes('{second}')")).await;
        let n = stored_with_body_soon(&server, &format!("{second} *indeed*"), 1).await;
        // On a mismatch, say what the server and the page have: it once failed in Firefox with the old text
        // followed by the new one, the emptied field refilled by a redraw (`clear_field` says how).
        let seen = if n == 1 {
            String::new()
        } else {
            let page = s.eval(&format!("return {own}.textContent")).await;
            let mark = format!("{browser:?}");
            let stored = crate::support::api::trains_comments(&server).await["comments"]
                .as_array()
                .map(|c| {
                    c.iter()
                        .map(|c| c["body"].to_string())
                        .filter(|b| b.contains(&mark))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            format!("; stored: {stored:?}; page: {page}")
        };
        assert_eq!(n, 1, "{browser:?}: the server has the edit{seen}");

        // A reply to it, then the delete: confirmed in the page, the reply stays under the placeholder.
        let reply = unique(browser, "A reply to keep");
        reply_to(&s, &own, &reply).await;
        s.wait_for("the reply", &replied_under(&li, &reply)).await;
        s.eval(&format!(
            "{li}.querySelector(':scope > article .folio-own__delete').click(); return 0"
        ))
        .await;
        s.wait_for(
            "the in-page question",
            &format!("{li}.querySelector(':scope > article .folio-own__confirm')"),
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return document.activeElement === {li}.querySelector('.folio-own__delete-yes')"
            ))
            .await,
            true,
            "{browser:?}: the question has the focus"
        );
        s.eval(&format!(
            "{li}.querySelector('.folio-own__delete-yes').click(); return 0"
        ))
        .await;
        s.wait_for(
            "the placeholder",
            &format!("{li}.querySelector(':scope > article.folio-comment--deleted')"),
        )
        .await;
        assert!(s
            .eval(&format!(
                "return {li}.querySelector(':scope > article').textContent"
            ))
            .await
            .as_str()
            .is_some_and(|t| !t.contains(&second)));
        s.wait_for("the reply kept", &replied_under(&li, &reply))
            .await;
        let list = trains_comments(&server).await;
        let key = id
            .as_str()
            .and_then(|i| i.strip_prefix("comment-"))
            .unwrap_or_default()
            .to_string();
        let stored = list["comments"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["id"] == key.as_str()).cloned());
        assert_eq!(
            stored.map(|c| c["deleted"].clone()),
            Some(json!(true)),
            "{browser:?}: deleted on the server"
        );
        s.close().await;
    }
}

// With no event stream, the list is polled (If-None-Match); the reader coming back to the page polls at once. A
// comment from a second client is announced politely ("1 new comment") and inserted only on request.
#[tokio::test(flavor = "multi_thread")]
async fn polling_finds_a_comment_from_another_client() {
    let server = Server::start_serving_with(dist(), |_| vec!["--no-events".into()]);
    let list = trains_comments(&server).await;
    assert!(list.get("events").is_none(), "no stream link: {list}");
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        let before = drawn_comments(&s).await;
        let body = unique(browser, "Polled hello");
        assert_eq!(post_from_elsewhere(&server, &body).await, 201);
        one_new_comment_announced(&s, browser, "no announcement").await;
        inserted_only_on_request(&s, &before, &body).await;
        s.close().await;
    }
}

// On a `--moderate` server the reader's own comment says "Awaiting review" until a moderator approves it (with the
// moderator token); the approval reaches the page through the event stream and the mark goes away.
#[tokio::test(flavor = "multi_thread")]
async fn held_comment_is_marked_until_approved() {
    let server = moderated_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        let text = unique(browser, "Please review me");
        let find = post_mine(&s, "Hana", &text, ".folio-comment__held").await;
        assert!(
            s.text(&format!("{FORM} .folio-compose__status"))
                .await
                .contains("awaiting moderation"),
            "{browser:?}: the form says so too"
        );
        let id = s.eval(&format!("return {find}.parentElement.id")).await;
        let id = id
            .as_str()
            .and_then(|i| i.strip_prefix("comment-"))
            .expect("an id")
            .to_string();
        assert_eq!(
            stored_with_body(&server, &text).await,
            0,
            "{browser:?}: not listed before approval"
        );
        let approve = format!("/api/moderation/{TRAINS}/{id}/approve");
        let (status, _) = api_as(&server, "POST", &approve, Some(MODERATOR), None).await;
        assert_eq!(status, 200, "{browser:?}: approved");
        s.wait_for(
            "the mark gone once published",
            &format!("{find} && !{find}.querySelector('.folio-comment__held')"),
        )
        .await;
        assert_eq!(stored_with_body(&server, &text).await, 1, "{browser:?}");
        s.close().await;
    }
}

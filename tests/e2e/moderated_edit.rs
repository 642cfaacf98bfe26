//! On a `--moderate` server an edit puts the comment back on hold (issue 12, finding 1): the server answers `202`
//! with `Folio-Status: pending`, and the widget must say "Awaiting review" again instead of showing the edit as
//! published.

use crate::support::api::{api_as, stored_with_body};
use crate::support::thread::{moderated_server, open_trains, post_mine, unique, MODERATOR, TRAINS};
use crate::support::{Browser, Session};

#[tokio::test(flavor = "multi_thread")]
async fn edit_on_a_moderated_server_is_marked_held_again() {
    let server = moderated_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        let text = unique(browser, "Approved then edited");
        let find = post_mine(&s, "Iris", &text, ".folio-comment__held").await;
        let id = s.eval(&format!("return {find}.parentElement.id")).await;
        let id = id.as_str().expect("an element id").to_string();
        let key = id.strip_prefix("comment-").expect("a comment id");
        let approve = format!("/api/moderation/{TRAINS}/{key}/approve");
        let (status, _) = api_as(&server, "POST", &approve, Some(MODERATOR), None).await;
        assert_eq!(status, 200, "{browser:?}: approved");
        let own = format!("document.getElementById('{id}').querySelector(':scope > article')");
        s.wait_for(
            "published, with its Edit button",
            &format!("!{own}.querySelector('.folio-comment__held') && {own}.querySelector('.folio-own__edit')"),
        )
        .await;

        s.eval(&format!(
            "{own}.querySelector('.folio-own__edit').click(); return 0"
        ))
        .await;
        let area = format!("{own}.querySelector('form.folio-compose--edit textarea')");
        s.wait_for("the edit form", &area).await;
        s.clear_field(&area).await;
        let edited = unique(browser, "Edited after approval");
        s.type_into("form.folio-compose--edit textarea", &edited)
            .await;
        s.click("form.folio-compose--edit .folio-edit__save").await;
        s.wait_for(
            "the edited text marked as awaiting review",
            &format!("!{own}.querySelector('form') && {own}.textContent.includes('{edited}') && {own}.querySelector('.folio-comment__held')"),
        )
        .await;
        assert_eq!(
            stored_with_body(&server, &edited).await,
            0,
            "{browser:?}: held again, so not listed"
        );
        s.close().await;
    }
}

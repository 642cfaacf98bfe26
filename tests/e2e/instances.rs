//! Issue 16, end to end in Chromium and Firefox: two `folio-server` instances on one PostgreSQL database, as behind a
//! balancer. Reader 1 reads the trains article through instance A, reader 2 through instance B; reader 2's new
//! comment reaches reader 1 live (announced, then inserted on request, once), and reader 2's edit of it replaces
//! it in place on reader 1's page, without a reload.
//!
//! Needs the database: `FOLIO_TEST_DATABASE_URL`, which `scripts/postgres.sh -- …` sets (scripts/test.sh runs this
//! test that way). Without it the test says so and passes.
//!
//! The same two readers on one server without an event stream (`--no-events`, any backend): the edit reaches the
//! polling reader in place too (the list's ETag changes with it).

use crate::support::thread::{
    drawn_comments, inserted_only_on_request, one_new_comment_announced, open_trains, post_mine,
    unique,
};
use crate::support::{dist, Browser, Server, Session};

/// How many drawn comments contain `text`, as a JavaScript expression.
fn drawn_with(text: &str) -> String {
    format!("[...document.querySelectorAll('article.folio-comment')].filter(a => a.textContent.includes('{text}')).length")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_comment_and_its_edit_reach_a_reader_of_the_other_instance_live() {
    let Some(url) = std::env::var("FOLIO_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!(
            "instances: skipped, needs FOLIO_TEST_DATABASE_URL (run through scripts/postgres.sh)"
        );
        return;
    };
    let (a, b) = (
        Server::start_on_database(&url),
        Server::start_on_database(&url),
    );
    for browser in Browser::ALL {
        let one = Session::start(browser).await;
        let two = Session::start(browser).await;
        post_and_edit(&one, (&a, &two, &b), browser, false).await;
        one.close().await;
        two.close().await;
    }
}

// Without a stream, reader 1 polls (at once when the page regains the focus): the edit replaces the comment in place.
#[tokio::test(flavor = "multi_thread")]
async fn a_polling_reader_sees_an_edit_in_place() {
    let server = Server::start_serving_with(dist(), |_| vec!["--no-events".into()]);
    for browser in Browser::ALL {
        let one = Session::start(browser).await;
        let two = Session::start(browser).await;
        post_and_edit(&one, (&server, &two, &server), browser, true).await;
        one.close().await;
        two.close().await;
    }
}

/// Reader 1 (`one`, on `a`) and reader 2 (`two`, on `b`) open the trains article; reader 2 posts, reader 1 sees it
/// announced and inserts it (once); reader 2 edits it, reader 1 sees the edit in place. `poll`: reader 1 polls, so
/// the page is given the focus while waiting.
async fn post_and_edit(
    one: &Session,
    (a, two, b): (&Server, &Session, &Server),
    browser: Browser,
    poll: bool,
) {
    open_trains(one, a, "").await;
    open_trains(two, b, "").await;
    let before = drawn_comments(one).await;

    let first = unique(browser, "Across the balancer");
    let find = post_mine(two, "Bea", &first, ".folio-own__edit").await;
    one_new_comment_announced(one, browser, "reader 1 never heard of reader 2's comment").await;
    inserted_only_on_request(one, &before, &first).await;
    assert_eq!(
        one.eval(&format!("return {}", drawn_with(&first))).await,
        1,
        "{browser:?}: drawn once"
    );
    let id = two.eval(&format!("return {find}.parentElement.id")).await;
    let id = id.as_str().expect("the comment's element id").to_owned();

    // Reader 2 edits through the same Markdown field; reader 1 sees the new text in the same place.
    let own = format!("document.getElementById('{id}').querySelector(':scope > article')");
    two.eval(&format!(
        "{own}.querySelector('.folio-own__edit').click(); return 0"
    ))
    .await;
    let area = format!("{own}.querySelector('form.folio-compose--edit textarea')");
    two.wait_for(
        "the edit form",
        &format!("{area} && {area}.value === '{first}'"),
    )
    .await;
    let second = unique(browser, "Second version");
    two.clear_field(&area).await;
    two.type_into("form.folio-compose--edit textarea", &second)
        .await;
    two.click("form.folio-compose--edit .folio-edit__save")
        .await;
    let on_one = format!("document.getElementById('{id}')");
    let edited = format!(
        "{on_one} && {on_one}.querySelector(':scope > article').textContent.includes('{second}')"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while one.eval(&format!("return !!({edited})")).await != true {
        assert!(
            std::time::Instant::now() < deadline,
            "{browser:?}: the edit never reached reader 1's page"
        );
        if poll {
            one.eval("window.dispatchEvent(new Event('focus')); return 0")
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let drawn = drawn_comments(one).await;
    assert_eq!(
        drawn.as_i64(),
        before.as_i64().map(|n| n + 1),
        "{browser:?}: the edit replaced the comment, it added none"
    );
    assert_eq!(
        one.eval(&format!("return {}", drawn_with(&first))).await,
        0,
        "{browser:?}: the old text is gone"
    );
    // Nothing more is announced: the comment arrived once, and the edit is no arrival.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        one.eval("return !!document.querySelector('.folio-live__count')")
            .await,
        false,
        "{browser:?}: no second announcement"
    );
    assert_eq!(
        one.eval(&format!("return {}", drawn_with(&second))).await,
        1,
        "{browser:?}: the edited comment is drawn once"
    );
}

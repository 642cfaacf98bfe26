//! The demo pages of the SPA and the steps a reader takes in them: open an article, fill the form, reply, wait for
//! a live arrival to be shown on request. Selectors and JavaScript expressions shared by several test files.

use serde_json::Value;

use super::browser::Browser;
use super::server::{article_url, Server};
use super::session::Session;

/// The seed article (no comments).
pub const SEED: &str = "cuba-china-military-cooperation";
/// The lively demo thread (about fifty comments, nested).
pub const TRAINS: &str = "night-trains-return";
/// The top-level compose form.
pub const FORM: &str = "section.folio-comments > form.folio-compose";

/// Open the SPA's demo index and wait for its cards.
pub async fn open_index(s: &Session, server: &Server) {
    s.goto(&server.url).await;
    s.wait_for(
        "the index",
        "document.querySelectorAll('.spa-card').length >= 2",
    )
    .await;
}

/// Wait until the article (or an error) has been drawn.
pub async fn wait_article(s: &Session) {
    s.wait_for(
        "the article",
        "document.querySelector('article.folio-article h1, [role=alert]')",
    )
    .await;
}

/// Open a demo article in the SPA and wait until it (or an error) is drawn.
pub async fn open_article(s: &Session, server: &Server, id: &str) {
    s.goto(&article_url(server, id)).await;
    wait_article(s).await;
}

/// Open the trains article (`hash`: more query or a fragment) and wait for its first comment.
pub async fn open_trains(s: &Session, server: &Server, hash: &str) {
    s.goto(&format!("{}{hash}", article_url(server, TRAINS)))
        .await;
    s.wait_for(
        "the thread",
        "document.querySelector('ol.folio-thread > li')",
    )
    .await;
}

/// Fill the top-level form. Each browser has its own profile, so the name field starts empty.
pub async fn fill(s: &Session, name: &str, body: &str) {
    s.clear_field(&format!(
        "document.querySelector('{FORM} input[name=name]')"
    ))
    .await;
    s.type_into(&format!("{FORM} input[name=name]"), name).await;
    s.type_into(&format!("{FORM} textarea[name=body]"), body)
        .await;
}

/// A comment text no other run of the tests wrote (the servers may outlive one browser's run).
pub fn unique(browser: Browser, what: &str) -> String {
    format!("{what} from {browser:?} {}", std::process::id())
}

/// Answer the drawn comment `comment` (a JavaScript expression for its `article`) with `text`: open its reply form,
/// type, send. The caller waits for what it expects ([`replied_under`]).
pub async fn reply_to(s: &Session, comment: &str, text: &str) {
    s.eval(&format!(
        "{comment}.querySelector('button[aria-expanded]').click(); return 0"
    ))
    .await;
    s.wait_for(
        "the reply form",
        "document.querySelector('form.folio-compose--reply textarea')",
    )
    .await;
    s.type_into("form.folio-compose--reply textarea", text)
        .await;
    s.click("form.folio-compose--reply button[type=submit]")
        .await;
}

/// A JavaScript expression: a reply drawn under `item` (an expression for a comment's `li`) contains `text`.
pub fn replied_under(item: &str, text: &str) -> String {
    format!("[...{item}.querySelectorAll('ol.folio-thread__replies article')].some(a => a.textContent.includes('{text}'))")
}

/// The number of comments drawn, to compare before and after an announcement.
pub async fn drawn_comments(s: &Session) -> Value {
    s.eval("return document.querySelectorAll('article.folio-comment').length")
        .await
}

/// After a live arrival was announced: nothing was inserted yet (`before` comments still drawn); the reader's
/// "show" inserts the comment whose text contains `body`.
pub async fn inserted_only_on_request(s: &Session, before: &Value, body: &str) {
    assert_eq!(
        *before,
        drawn_comments(s).await,
        "{:?}: nothing inserted before the reader asks",
        s.browser
    );
    s.click(".folio-live__show").await;
    s.wait_for(
        "the new comment inserted",
        &format!("[...document.querySelectorAll('article.folio-comment')].some(a => a.textContent.includes('{body}'))"),
    )
    .await;
}

/// The drawn comment (not the pending copy) whose text contains `text`, as a JavaScript expression.
pub fn mine(text: &str) -> String {
    format!("[...document.querySelectorAll('article.folio-comment')].find(a => a.textContent.includes('{text}') && a.parentElement.id.startsWith('comment-p'))")
}

/// Post `text` as `name` from the compose form and wait until the drawn comment holds `mark` (a CSS selector: the
/// Edit button, the held badge); returns the expression that finds the comment.
pub async fn post_mine(s: &Session, name: &str, text: &str, mark: &str) -> String {
    fill(s, name, text).await;
    s.click(&format!("{FORM} button[type=submit]")).await;
    let find = mine(text);
    s.wait_for(
        &format!("the posted comment with {mark}"),
        &format!("{find} && {find}.querySelector('{mark}')"),
    )
    .await;
    find
}

/// The moderator token the moderated test servers are started with.
pub const MODERATOR: &str = "e2e-moderator-token-0001";

/// The reference server with `--moderate` and [`MODERATOR`].
pub fn moderated_server() -> Server {
    Server::start_serving_with(super::dist(), |_| {
        vec![
            "--moderate".into(),
            "--moderator-token".into(),
            MODERATOR.into(),
        ]
    })
}

/// Wait until the polite live region announces "1 new comment" (polling: the reader coming back to the page,
/// `focus`, polls at once rather than at the next 30 s tick); `why` names what failed otherwise.
pub async fn one_new_comment_announced(s: &Session, browser: Browser, why: &str) {
    let announced = "document.querySelector('.folio-live[aria-live=polite] .folio-live__count')";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while s.eval(&format!("return !!{announced}")).await != true {
        assert!(std::time::Instant::now() < deadline, "{browser:?}: {why}");
        s.eval("window.dispatchEvent(new Event('focus')); return 0")
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert_eq!(
        s.text(".folio-live__count").await,
        "1 new comment",
        "{browser:?}"
    );
}

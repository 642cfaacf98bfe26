//! Paged comment lists end to end (issue 4), each in Chromium and Firefox, with the reference server forced to pages
//! of five comments (`--page-size 5`): "Load more comments" appends the next page and keeps a collapsed subtree
//! collapsed, and a link to a comment on page 3 loads the pages it needs and opens it. Plus Reddit's "more" stubs (a
//! loopback server answering like Reddit): a link to the thread, or a button that loads the left-out replies; and
//! a WordPress-shaped API (a loopback server: WordPress
//! cannot run here) whose second page is announced only by its `X-WP-TotalPages` header, read cross-origin.
//!
//! The trains thread by date: page 1 is c1 (replies c2, c3; c4 answers c2) and c5; page 2 brings c6 (answering c4,
//! inside c1's subtree), c7 (answering c5), c8, c9 (top-level), c10; page 3 brings c11–c15 (c14 answers c11, which
//! answers c9); c16 (page 4) answers c12.

use serde_json::Value;
use tokio::net::TcpStream;

use crate::support::loopback::{response, send, Loopback, Request};
use crate::support::paths::fixture;
use crate::support::thread::open_trains;
use crate::support::{dist, Browser, Server, Session};

/// The reference server paging every list by five comments.
fn paged_server() -> Server {
    Server::start_serving_with(dist(), |_| vec!["--page-size".into(), "5".into()])
}

/// Whether the comment with this id is in the page.
fn drawn(id: &str) -> String {
    format!("!!document.getElementById('comment-{id}')")
}

// The first page renders alone; "Load more comments" appends the second, whose reply to a collapsed comment stays
// hidden until the reader opens it again, where it sits under its parent from page 1.
#[tokio::test(flavor = "multi_thread")]
async fn load_more_appends_the_next_page_keeping_collapsed_subtrees() {
    let server = paged_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        s.wait_for("page 1", &drawn("c5")).await;
        assert_eq!(
            s.eval(&format!("return {}", drawn("c9"))).await,
            false,
            "{browser:?}: only the first page is loaded"
        );
        s.click("#comment-c1 > article .folio-comment__toggle")
            .await;
        s.wait_for("c1 collapsed", &format!("!{}", drawn("c2")))
            .await;
        s.click("button.folio-thread__load-more").await;
        s.wait_for("page 2 appended", &drawn("c9")).await;
        s.wait_for(
            "c7 under c5",
            "document.querySelector('#comment-c5 #comment-c7')",
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return [{}, {}, document.querySelector('#comment-c1 > article .folio-comment__toggle').getAttribute('aria-expanded')]",
                drawn("c2"),
                drawn("c6")
            ))
            .await,
            serde_json::json!([false, false, "false"]),
            "{browser:?}: c1's subtree stays collapsed, its new reply c6 included"
        );
        s.click("#comment-c1 > article .folio-comment__toggle")
            .await;
        s.wait_for(
            "c6 under c4 once c1 is opened",
            "document.querySelector('#comment-c1 #comment-c4 #comment-c6')",
        )
        .await;
        s.close().await;
    }
}

// A link to c14, on page 3, fetches pages 2 and 3, then opens its thread, highlights and focuses it; the rest of the
// thread stays one button away.
#[tokio::test(flavor = "multi_thread")]
async fn deep_link_to_page_three_loads_the_pages_it_needs() {
    let server = paged_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "#comment-c14").await;
        s.wait_for(
            "c14 highlighted inside c9's thread",
            "document.querySelector('#comment-c9 #comment-c11 #comment-c14 > article.folio-comment--highlight')",
        )
        .await;
        s.wait_for(
            "it has the focus",
            "document.activeElement === document.querySelector('#comment-c14 > article')",
        )
        .await;
        s.wait_for(
            "the rest of the thread offered",
            "document.querySelector('button.folio-thread__show-more, button.folio-thread__load-more')",
        )
        .await;
        s.close().await;
    }
}

/// Reddit's answers, from tests/fixtures/reddit: the post's `.json`, and comment kq1's own permalink `.json`
/// (the post again and kq1 with every reply, kq5 and kq6 included), with Reddit's `Access-Control-Allow-Origin: *`.
async fn reddit(req: Request, stream: TcpStream) -> Option<TcpStream> {
    let file = |name: &str| fixture("reddit", name);
    let cors = "Access-Control-Allow-Origin: *\r\n";
    let route = req.route();
    let out = if route.ends_with("/kq1/.json") {
        response("200 OK", cors, "application/json", &file("kq1.json"))
    } else if route.ends_with(".json") {
        response("200 OK", cors, "application/json", &file("post.json"))
    } else {
        response("404 Not Found", cors, "application/json", "{}")
    };
    send(stream, &out).await
}

// Reddit's `kind: "more"` stubs: the top-level one is "12 more replies", a link to the thread on Reddit; the one
// under comment kq1 is a button that fetches kq1's permalink `.json` and puts the two left-out replies under kq1,
// the stub gone.
#[tokio::test(flavor = "multi_thread")]
async fn reddit_more_stubs_link_or_load() {
    let spa = Server::start();
    let api = Loopback::start(reddit).await;
    let url = format!(
        "{}?src={}/r/rust/comments/1abcde/show_tell/.json&preset=reddit&lang=en",
        spa.url, api.origin
    );
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        s.wait_for(
            "the stubs",
            "document.querySelector('.folio-comments a.folio-thread__more-stub') && document.querySelector('#comment-t1_kq1 button.folio-thread__more-stub')",
        )
        .await;
        assert_eq!(
            s.eval("const a = document.querySelector('a.folio-thread__more-stub'); return [a.textContent, a.getAttribute('href')]")
                .await,
            serde_json::json!([
                "12 more replies",
                "https://www.reddit.com/r/rust/comments/1abcde/show_tell_a_reader_widget_in_yew_webassembly/"
            ]),
            "{browser:?}"
        );
        assert_eq!(
            s.text("#comment-t1_kq1 button.folio-thread__more-stub")
                .await,
            "2 more replies",
            "{browser:?}"
        );
        assert_eq!(s.eval(&format!("return {}", drawn("t1_kq5"))).await, false);
        s.click("#comment-t1_kq1 button.folio-thread__more-stub")
            .await;
        s.wait_for(
            "the left-out replies under kq1",
            "document.querySelector('#comment-t1_kq1 #comment-t1_kq5') && document.querySelector('#comment-t1_kq1 #comment-t1_kq6')",
        )
        .await;
        assert_eq!(
            s.eval("return [document.querySelectorAll('#comment-t1_kq1').length, !!document.querySelector('#comment-t1_kq1 .folio-thread__more-stub'), !!document.querySelector('a.folio-thread__more-stub')]")
                .await,
            serde_json::json!([1, false, true]),
            "{browser:?}: kq1 once, its stub gone, the top-level link kept"
        );
        s.close().await;
    }
}

/// WordPress's answers, from tests/fixtures/wordpress: the post, and its three comments in two pages — comment 11 on
/// the first, its reply 12 and comment 13 on the second — with the page count only in `X-WP-TotalPages` (exposed to
/// other origins, as WordPress does).
async fn paged_wordpress(req: Request, stream: TcpStream) -> Option<TcpStream> {
    let file = |name: &str| fixture("wordpress", name);
    let cors = "Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: X-WP-Total, X-WP-TotalPages, Link\r\n";
    let out = match req.route() {
        "/wp-json/wp/v2/posts/4217" => {
            response("200 OK", cors, "application/json", &file("post.json"))
        }
        "/wp-json/wp/v2/comments" => {
            let all: Vec<Value> = serde_json::from_str(&file("comments.json")).expect("json");
            let second = req.path.contains("page=2");
            let page: Vec<&Value> = all.iter().filter(|c| (c["id"] != 11) == second).collect();
            let headers = format!("{cors}X-WP-Total: 3\r\nX-WP-TotalPages: 2\r\n");
            response(
                "200 OK",
                &headers,
                "application/json",
                &serde_json::to_string(&page).expect("json"),
            )
        }
        _ => response("404 Not Found", cors, "application/json", "{}"),
    };
    send(stream, &out).await
}

// Through the wordpress preset, only the first page is fetched; "Load more comments" fetches the page the
// X-WP-TotalPages header announced, whose reply joins its parent from page 1; then the button goes away.
#[tokio::test(flavor = "multi_thread")]
async fn wordpress_pages_by_its_total_pages_header() {
    let spa = Server::start();
    let wp = Loopback::start(paged_wordpress).await;
    let url = format!(
        "{}?src={}/wp-json/wp/v2/posts/4217&preset=wordpress&lang=en",
        spa.url, wp.origin
    );
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        s.wait_for("page 1", &drawn("11")).await;
        assert_eq!(
            s.eval(&format!("return {}", drawn("13"))).await,
            false,
            "{browser:?}: one page at first"
        );
        s.click("button.folio-thread__load-more").await;
        s.wait_for(
            "page 2, reply 12 under 11",
            "document.querySelector('#comment-11 #comment-12') && document.getElementById('comment-13')",
        )
        .await;
        s.wait_for(
            "no further page offered",
            "!document.querySelector('button.folio-thread__load-more')",
        )
        .await;
        s.close().await;
    }
}

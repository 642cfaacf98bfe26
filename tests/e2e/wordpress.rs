//! Posting through a mapping, end to end: a loopback server that answers like the WordPress REST API (which cannot
//! run here) — the tests/fixtures/wordpress post and comments for `GET /wp-json/wp/v2/posts/4217` and
//! `GET /wp-json/wp/v2/comments`, `POST /wp-json/wp/v2/comments` checked field by field as WordPress documents it
//! and answered with a 201 in WordPress's comment shape, CORS as WordPress sends it (`Idempotency-Key` is not among
//! its allowed headers, so a request carrying it would be refused). The reader, with `preset=wordpress`, posts a
//! comment and a reply; both appear in the thread, and again after a reload (read back from the server).

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tokio::net::TcpStream;

use crate::support::loopback::{response, send, Loopback, Request};
use crate::support::paths::fixture;
use crate::support::thread::{replied_under, reply_to, unique};
use crate::support::{Browser, Server, Session};

const POST_ID: u64 = 4217;

/// What the fake WordPress holds: the comments posted so far, and every request body it accepted.
#[derive(Default)]
struct Store {
    posted: Vec<Value>,
    bodies: Vec<Value>,
}

/// WordPress's CORS headers (rest_send_cors_headers, and the allowed and exposed headers of its REST server).
const CORS: &str = "Access-Control-Allow-Origin: *\r\n\
    Access-Control-Allow-Methods: OPTIONS, GET, POST, PUT, PATCH, DELETE\r\n\
    Access-Control-Allow-Headers: Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type\r\n\
    Access-Control-Expose-Headers: X-WP-Total, X-WP-TotalPages, Link\r\n";

/// A `rest_invalid_param` error as WordPress sends it: 400, code, message, and the parameters at fault.
fn invalid(param: &str, why: &str) -> String {
    let body = json!({"code": "rest_invalid_param", "message": format!("Invalid parameter(s): {param}"),
                      "data": {"status": 400, "params": {param: why}}});
    response(
        "400 Bad Request",
        CORS,
        "application/json; charset=UTF-8",
        &body.to_string(),
    )
}

/// Check a `POST /wp/v2/comments` body as WordPress would for an anonymous comment; the comment it stores.
fn accept(body: &Value, id: u64, known: &[u64]) -> Result<Value, String> {
    if body["post"].as_u64() != Some(POST_ID) {
        return Err(invalid(
            "post",
            "post must be the id of the post, an integer",
        ));
    }
    let parent = body["parent"]
        .as_u64()
        .ok_or_else(|| invalid("parent", "parent is not of type integer"))?;
    if parent != 0 && !known.contains(&parent) {
        return Err(invalid("parent", "Invalid comment parent ID."));
    }
    let text = |k: &str| body[k].as_str().map(str::trim).filter(|v| !v.is_empty());
    // WordPress's default "require name and email" setting.
    let (Some(name), Some(email)) = (text("author_name"), text("author_email")) else {
        let e = json!({"code": "rest_comment_author_data_required",
                       "message": "Creating a comment requires valid author name and email values.", "data": {"status": 400}});
        return Err(response(
            "400 Bad Request",
            CORS,
            "application/json",
            &e.to_string(),
        ));
    };
    if !email.contains('@') {
        return Err(invalid("author_email", "Invalid email address."));
    }
    let content = text("content").ok_or_else(|| invalid("content", "Invalid comment content."))?;
    let date = format!("2024-05-04T10:{:02}:00", id % 60);
    Ok(json!({
        "id": id, "post": POST_ID, "parent": parent, "author": 0, "author_name": name, "author_url": "",
        "date": date, "date_gmt": date, "content": {"rendered": format!("{content}\n")},
        "link": format!("https://news.example.com/2024/05/02/night-trains-return/#comment-{id}"),
        "status": "approved", "type": "comment", "author_avatar_urls": {}, "meta": [],
    }))
}

async fn wordpress(store: Arc<Mutex<Store>>, req: Request, stream: TcpStream) -> Option<TcpStream> {
    let json_type = "application/json; charset=UTF-8";
    let out = match (req.method.as_str(), req.route()) {
        ("OPTIONS", _) => response("200 OK", CORS, "text/plain", ""),
        ("GET", "/wp-json/wp/v2/posts/4217") => response(
            "200 OK",
            CORS,
            json_type,
            &fixture("wordpress", "post.json"),
        ),
        ("GET", "/wp-json/wp/v2/comments") => {
            let mut list: Vec<Value> =
                serde_json::from_str(&fixture("wordpress", "comments.json")).expect("fixture json");
            list.extend(store.lock().expect("store").posted.iter().cloned());
            let headers = format!("{CORS}X-WP-Total: {}\r\nX-WP-TotalPages: 1\r\n", list.len());
            response(
                "200 OK",
                &headers,
                json_type,
                &Value::from(list).to_string(),
            )
        }
        ("POST", "/wp-json/wp/v2/comments") => {
            let is_json = req
                .header("content-type")
                .is_some_and(|t| t.starts_with("application/json"));
            let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
            let mut store = store.lock().expect("store");
            let known: Vec<u64> = [11, 12, 13]
                .into_iter()
                .chain(store.posted.iter().filter_map(|c| c["id"].as_u64()))
                .collect();
            let id = 100 + store.posted.len() as u64;
            match accept(&body, id, &known) {
                Ok(c) if is_json => {
                    store.bodies.push(body);
                    store.posted.push(c.clone());
                    response("201 Created", CORS, json_type, &c.to_string())
                }
                Ok(_) => invalid("content", "the body must be JSON"),
                Err(e) => e,
            }
        }
        _ => {
            let e = json!({"code": "rest_no_route", "message": "No route was found matching the URL and request method.",
                           "data": {"status": 404}});
            response("404 Not Found", CORS, json_type, &e.to_string())
        }
    };
    send(stream, &out).await
}

/// Find the drawn comment whose text contains `text` (a JavaScript expression).
fn comment_with(text: &str) -> String {
    format!("[...document.querySelectorAll('article.folio-comment')].find(a => a.textContent.includes('{text}') && !a.classList.contains('folio-comment--sending'))")
}

// Through the wordpress preset, the reader posts a comment and a reply in WordPress's own format; both appear in the
// thread at once and again after a reload, and the bodies WordPress received are exactly the documented ones.
#[tokio::test(flavor = "multi_thread")]
async fn wordpress_preset_posts_a_comment_and_a_reply() {
    let spa = Server::start();
    let store = Arc::new(Mutex::new(Store::default()));
    let wp = {
        let store = store.clone();
        Loopback::start(move |req, stream| wordpress(store.clone(), req, stream)).await
    };
    let page = format!(
        "{}?src={}/wp-json/wp/v2/posts/{POST_ID}&preset=wordpress",
        spa.url, wp.origin
    );
    let form = "section.folio-comments > form.folio-compose";
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page).await;
        s.wait_for(
            "the WordPress thread",
            "document.querySelector('#comment-12 article')",
        )
        .await;
        let text = unique(browser, "Took the **sleeper**");
        s.type_into(&format!("{form} input[name=name]"), "Eva")
            .await;
        s.type_into(&format!("{form} input[name=email]"), "eva@example.org")
            .await;
        s.type_into(&format!("{form} textarea[name=body]"), &text)
            .await;
        s.click(&format!("{form} button[type=submit]")).await;
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

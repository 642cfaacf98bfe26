//! A loopback server that answers like the WordPress REST API (which cannot run here): the tests/fixtures/wordpress
//! post and comments for `GET /wp-json/wp/v2/posts/4217` and `GET /wp-json/wp/v2/comments`, `POST
//! /wp-json/wp/v2/comments` checked field by field as WordPress documents it and answered with a 201 in WordPress's
//! comment shape, CORS as WordPress sends it (`Idempotency-Key` is not among its allowed headers, so a request
//! carrying it would be refused). It can also leave list requests unanswered, as a hung server would.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use super::loopback::{response, send, Loopback, Request};
use super::paths::fixture;
use super::Server;

/// The post the fixtures describe.
pub const POST_ID: u64 = 4217;

/// What the fake WordPress holds: the comments posted so far, every request body it accepted, and how many of the
/// next comment-list requests to leave hanging (and how many it left).
#[derive(Default)]
pub struct Store {
    /// The comments posted, as stored.
    pub posted: Vec<Value>,
    /// The bodies of the accepted posts.
    pub bodies: Vec<Value>,
    /// List requests still to leave unanswered.
    pub hang_lists: usize,
    /// List requests left unanswered so far.
    pub hung: usize,
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

/// The handler: answer `req` on `stream` as WordPress would (or keep the stream, unanswered).
pub async fn wordpress(
    store: Arc<Mutex<Store>>,
    req: Request,
    stream: TcpStream,
) -> Option<TcpStream> {
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
            {
                let mut store = store.lock().expect("store");
                if store.hang_lists > 0 {
                    store.hang_lists -= 1;
                    store.hung += 1;
                    return Some(stream);
                }
            }
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

/// Post `body` to the fake WordPress at `origin` as another reader's browser would: one raw HTTP/1.1 request.
pub async fn post_elsewhere(origin: &str, body: &Value) {
    let host = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host)
        .await
        .expect("connect to the loopback WordPress");
    let text = body.to_string();
    let req = format!(
        "POST /wp-json/wp/v2/comments HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    stream.write_all(req.as_bytes()).await.expect("send");
    let mut answer = Vec::new();
    let _ = tokio::io::AsyncReadExt::read_to_end(&mut stream, &mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 201"),
        "the second client's post: {answer}"
    );
}

/// A fake WordPress on a free loopback port, with its store, and the SPA page of `spa` that reads post
/// [`POST_ID`] from it through the `wordpress` preset.
pub async fn start(spa: &Server) -> (Arc<Mutex<Store>>, Loopback, String) {
    let store = Arc::new(Mutex::new(Store::default()));
    let wp = {
        let store = store.clone();
        Loopback::start(move |req, stream| wordpress(store.clone(), req, stream)).await
    };
    let page = format!(
        "{}?src={}/wp-json/wp/v2/posts/{POST_ID}&preset=wordpress",
        spa.url, wp.origin
    );
    (store, wp, page)
}

/// Open the WordPress `page` in session `s` and wait for its thread.
pub async fn open_thread(s: &super::Session, page: &str) {
    s.goto(page).await;
    s.wait_for(
        "the WordPress thread",
        "document.querySelector('#comment-12 article')",
    )
    .await;
}

/// Fill the top-level form as Eva (name, e-mail, `text`) and send it to the fake WordPress.
pub async fn send_comment(s: &super::Session, text: &str) {
    let form = "section.folio-comments > form.folio-compose";
    s.type_into(&format!("{form} input[name=name]"), "Eva")
        .await;
    s.type_into(&format!("{form} input[name=email]"), "eva@example.org")
        .await;
    s.type_into(&format!("{form} textarea[name=body]"), text)
        .await;
    s.click(&format!("{form} button[type=submit]")).await;
}

//! API tests: the server's router, built from the same flags as the binary and called in-process, on a temporary
//! dist and database. The binary itself on a socket is tested by `cli.rs`, `durability.rs` and `load.rs`.

include!("harness/http.rs");
/// The list holds the three seeds in date order, in Folio JSON, with the `post` link.
#[test]
fn list_returns_seeds_with_post_link() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get(&comments_path());
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), Some("no-cache"));
    assert!(res
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/json")));
    let list = res.json();
    assert_eq!(list["folio"], "1");
    assert_eq!(list["article"], ARTICLE);
    assert_eq!(list["total"], 3);
    assert_eq!(
        list["post"],
        json!({"url": format!("/api/articles/{ARTICLE}/comments"), "max_length": 5000})
    );
    assert_eq!(ids(&list), ["c1", "c2", "c3"]);
    assert_eq!(
        list["comments"][0],
        json!({"id": "c1", "parent": null, "author": {"name": "Ana", "avatar": "/demo/img/ana.png"},
               "date": "2024-01-01T10:00:00Z", "body": "First!", "format": "markdown",
               "score": 3, "deleted": false})
    );
    assert_eq!(list["comments"][1]["parent"], "c1");
    assert_eq!(list["comments"][1]["author"]["url"], "https://b.example/");
    assert_eq!(list["comments"][2]["date"], "2024-01-01T14:30:00Z");
    assert_eq!(list["comments"][2]["article_author"], true);
}

/// A posted comment is answered with 201 and the stored object, then shows up in the list.
#[test]
fn posted_comment_is_created_and_listed() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(
        &comments_path(),
        &json!({"parent": null, "author": {"name": "Dora", "email": "dora@example.org"},
                "body": "Thanks, *great* piece.", "format": "markdown"}),
    );
    assert_eq!(res.status, 201, "{}", res.text());
    let created = res.json();
    let id = created["id"].as_str().expect("an id").to_owned();
    assert!(
        id.starts_with('p') && id[1..].parse::<u64>().is_ok(),
        "{id}"
    );
    assert_eq!(created["parent"], Value::Null);
    assert_eq!(
        created["author"],
        json!({"name": "Dora"}),
        "the email is never shown"
    );
    assert_eq!(created["body"], "Thanks, *great* piece.");
    assert_eq!(created["deleted"], false);
    let date = created["date"].as_str().expect("a date");
    assert!(date.starts_with("20") && date.ends_with('Z'), "{date}");

    let list = server.get(&comments_path()).json();
    assert_eq!(list["total"], 4);
    assert_eq!(list["comments"][3], created);
}

/// Answering a seed comment stores the parent id.
#[test]
fn reply_to_seed_comment() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut body = comment("Eva", "I agree with Ana.");
    body["parent"] = json!("c1");
    let res = server.post_json(&comments_path(), &body);
    assert_eq!(res.status, 201, "{}", res.text());
    let reply = res.json();
    assert_eq!(reply["parent"], "c1");
    let list = server.get(&comments_path()).json();
    assert!(list["comments"]
        .as_array()
        .is_some_and(|c| c.contains(&reply)));
}

/// A parent that is not a comment of this article is a 400 on `parent`.
#[test]
fn unknown_parent_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut body = comment("Eva", "Hello?");
    body["parent"] = json!("nope");
    let res = server.post_json(&comments_path(), &body);
    assert_eq!(res.status, 400);
    let error = res.json();
    assert_eq!(error["error"]["code"], "invalid_field");
    assert_eq!(error["error"]["field"], "parent");
    assert_eq!(
        server.get(&comments_path()).json()["total"],
        3,
        "nothing stored"
    );
}

/// An empty or blank body is a 400 on `body`.
#[test]
fn empty_body_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for text in ["", "   \n\t "] {
        let res = server.post_json(&comments_path(), &comment("Eva", text));
        assert_eq!(res.status, 400);
        let error = res.json();
        assert_eq!(error["error"]["field"], "body");
        assert!(error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.ends_with('.')));
    }
}

/// A missing or blank author name is a 400 on `author.name`.
#[test]
fn missing_name_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for body in [
        json!({"body": "Hi"}),
        json!({"author": {"name": " "}, "body": "Hi"}),
    ] {
        let res = server.post_json(&comments_path(), &body);
        assert_eq!(res.status, 400);
        assert_eq!(res.json()["error"]["field"], "author.name");
    }
}

/// 5000 characters pass, 5001 are a 400 on `body`.
#[test]
fn too_long_body_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Eva", &"ñ".repeat(5001)));
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["field"], "body");
    let res = server.post_json(&comments_path(), &comment("Eva", &"ñ".repeat(5000)));
    assert_eq!(res.status, 201);
}

/// Broken JSON and a non-JSON content type are both 400 `bad_json`, in the JSON error shape.
#[test]
fn malformed_json_is_bad_json() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let json_header = [("Content-Type", "application/json")];
    let res = server.request("POST", &comments_path(), &json_header, Some(b"{\"body\": "));
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["code"], "bad_json");
    let text_header = [("Content-Type", "text/plain")];
    let valid = comment("Eva", "Hi").to_string();
    let res = server.request(
        "POST",
        &comments_path(),
        &text_header,
        Some(valid.as_bytes()),
    );
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["code"], "bad_json");
}

/// Unknown articles and unknown API paths are 404 JSON; other methods are 405 JSON.
#[test]
fn unknown_article_is_404_json() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get("/api/articles/no-such-article/comments");
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.post_json(
        "/api/articles/no-such-article/comments",
        &comment("Eva", "Hi"),
    );
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.get("/api/nothing/here");
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.request("DELETE", &comments_path(), &[], None);
    assert_eq!(res.status, 405);
    assert_eq!(res.json()["error"]["code"], "method_not_allowed");
}

/// A body over 64 KiB is refused with 413 and the JSON error.
#[test]
fn oversized_body_is_413() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let huge = comment("Eva", &"x".repeat(70 * 1024));
    let res = server.post_json(&comments_path(), &huge);
    assert_eq!(res.status, 413);
    assert_eq!(res.json()["error"]["code"], "payload_too_large");
}

/// `/demo/comments/<id>.json` is the live list: the same document as the API, posts included.
#[test]
fn demo_comments_file_equals_api_list() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Eva", "Live."));
    assert_eq!(res.status, 201);
    let demo = server.get(&format!("/demo/comments/{ARTICLE}.json"));
    assert_eq!(demo.status, 200);
    assert_eq!(demo.header("cache-control"), Some("no-cache"));
    assert_eq!(demo.json(), server.get(&comments_path()).json());
    assert_eq!(demo.json()["total"], 4);
    assert_eq!(
        server.get("/demo/comments/no-such-article.json").status,
        404
    );
}

/// Posted comments are in the database file, so they survive a restart (and seeds are not
/// imported twice).
#[test]
fn comments_survive_restart() {
    let fixture = Fixture::new();
    let first = fixture.start(&[]);
    let res = first.post_json(&comments_path(), &comment("Eva", "Still here?"));
    assert_eq!(res.status, 201);
    let created = res.json();
    let before = first.get(&comments_path()).json();
    drop(first);

    let second = fixture.start(&[]);
    let after = second.get(&comments_path()).json();
    assert_eq!(after, before);
    assert_eq!(after["total"], 4);
    assert!(after["comments"]
        .as_array()
        .is_some_and(|c| c.contains(&created)));
    // New ids keep counting after the restart instead of reusing an old one.
    let next = second
        .post_json(&comments_path(), &comment("Eva", "Yes."))
        .json();
    assert_ne!(next["id"], created["id"]);
}

/// Encoded or literal `..` in the article id never leaves the articles directory.
#[test]
fn path_traversal_is_404() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for path in [
        "/api/articles/..%2F..%2Fetc/comments",
        "/api/articles/..%2Fdemo%2Farticles%2Fhello-world/comments",
        "/api/articles/../../etc/comments",
        "/demo/comments/..%2F..%2Fetc%2Fpasswd.json",
    ] {
        let res = server.get(path);
        assert_eq!(res.status, 404, "{path}");
        assert_eq!(res.json()["error"]["code"], "not_found", "{path}");
    }
    let res = server.get("/..%2F..%2F..%2Fetc%2Fpasswd");
    assert!(
        !res.text().contains("root:"),
        "a file outside dist was served"
    );
}

/// index.html is served at `/` and for SPA routes, never cached; missing assets stay 404.
#[test]
fn index_served_at_root_and_spa_paths() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for path in ["/", "/some/spa/path"] {
        let res = server.get(path);
        assert_eq!(res.status, 200, "{path}");
        assert!(res.text().contains("<title>Folio test</title>"), "{path}");
        assert!(res
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html")));
        assert_eq!(res.header("cache-control"), Some("no-cache"));
    }
    assert_eq!(server.get("/missing-0123456789abcdef.js").status, 404);
}

/// Trunk's hashed `.wasm` is `application/wasm` and cached for good; article JSON is no-cache.
#[test]
fn wasm_has_wasm_content_type() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get(&format!("/{WASM_FILE}"));
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("application/wasm"));
    assert!(res
        .header("cache-control")
        .is_some_and(|c| c.contains("immutable")));
    assert_eq!(res.body, b"\0asm\x01\0\0\0");
    let article = server.get(&format!("/demo/articles/{ARTICLE}.json"));
    assert_eq!(article.status, 200);
    assert_eq!(article.header("cache-control"), Some("no-cache"));
}

/// A malformed seed file is skipped: the server starts and that article has an empty list.
#[test]
fn malformed_seed_file_is_skipped() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get("/api/articles/broken/comments");
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["total"], 0);
}

/// Only origins given with `--allow-origin` get CORS headers, for requests and preflights.
#[test]
fn cors_only_for_allowed_origins() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--allow-origin", "https://news.example"]);
    let allowed = server.request(
        "GET",
        &comments_path(),
        &[("Origin", "https://news.example")],
        None,
    );
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://news.example")
    );
    let other = server.request(
        "GET",
        &comments_path(),
        &[("Origin", "https://evil.example")],
        None,
    );
    assert_eq!(other.header("access-control-allow-origin"), None);
    let preflight = server.request(
        "OPTIONS",
        &comments_path(),
        &[
            ("Origin", "https://news.example"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        None,
    );
    assert!(
        preflight.status < 300,
        "preflight status {}",
        preflight.status
    );
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some("https://news.example")
    );
    assert!(preflight
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("POST")));
    assert!(preflight
        .header("access-control-allow-headers")
        .is_some_and(|h| h.to_ascii_lowercase().contains("content-type")));
    assert!(preflight
        .header("access-control-allow-credentials")
        .is_none());
}

//! Issue 12, finding 9, through the router in-process: edit tokens are kept only as digests and forgotten after
//! the edit window, the moderator token can come from a file, `Bearer` is case-insensitive, and names lose the
//! invisible characters that disguise them.
#![allow(dead_code)] // The shared harness has more helpers than one test file uses.

include!("harness/http.rs");

use folio_server::token::digest;

/// Every text value stored in the comments table.
fn stored_texts(fixture: &Fixture) -> Vec<String> {
    // Every text column (PostgreSQL's schema has no `edit_token`, the plain column SQLite keeps, always empty).
    let columns = if fixture.store.url().is_some() {
        "edit_hash, body, author_name, author_email, author_url, author_avatar"
    } else {
        "edit_token, edit_hash, body, author_name, author_email, author_url, author_avatar"
    };
    fixture
        .store
        .texts(&format!("SELECT {columns} FROM comments"))
}

// The database holds the token's SHA-256, never the token; once the window is over (and a sweep ran: at startup,
// then every minute) not even that.
#[test]
fn edit_tokens_are_digests_cleared_after_the_window() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Ana", "Kept safe."));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let texts = stored_texts(&fixture);
    assert!(!texts.iter().any(|t| t.contains(&token)), "{texts:?}");
    assert!(texts.contains(&digest(&token)), "{texts:?}");
    drop(server);

    let server = fixture.start(&["--edit-window", "0"]);
    drop(server);
    assert!(
        !stored_texts(&fixture).contains(&digest(&token)),
        "swept at startup"
    );
}

// `bearer` and `BEARER` are the same scheme (RFC 9110); the poster's token works in any case.
#[test]
fn bearer_is_case_insensitive() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Ana", "Tpyo"));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let id = res.json()["id"].as_str().expect("an id").to_owned();
    let path = format!("{}/{id}", comments_path());
    let edit = json!({"body": "Typo"}).to_string().into_bytes();
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let auth = format!("{scheme} {token}");
        let headers = [
            ("Content-Type", "application/json"),
            ("Authorization", &auth),
        ];
        let res = server.request("PATCH", &path, &headers, Some(&edit));
        assert_eq!(res.status, 200, "{scheme}: {}", res.text());
    }
}

// The moderator token can come from a file (first line, newline dropped), so it is not in `ps`.
#[test]
fn moderator_token_from_a_file() {
    let fixture = Fixture::new();
    let file = fixture.root.join("moderator-token");
    std::fs::write(&file, "token-from-a-file-0001\n").expect("write the token file");
    let path = file.to_str().expect("a UTF-8 path");
    let server = fixture.start(&["--moderator-token-file", path]);
    let ok = [("Authorization", "Bearer token-from-a-file-0001")];
    assert_eq!(
        server
            .request("GET", "/api/moderation/held", &ok, None)
            .status,
        200
    );
    let wrong = [("Authorization", "Bearer token-from-a-file-0002")];
    let res = server.request("GET", "/api/moderation/held", &wrong, None);
    assert_eq!(res.status, 403);
}

// Bidi overrides, isolates, marks, zero-width characters and the BOM are dropped from names; a name of nothing
// else is empty.
#[test]
fn format_characters_are_dropped_from_names() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let name = "\u{feff}Ad\u{200b}min\u{202e}gpj.exe\u{202c} \u{2066}x\u{2069}\u{200d}\u{2060}";
    let res = server.post_json(&comments_path(), &comment(name, "Hi"));
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.json()["author"]["name"], "Admingpj.exe x");
    let res = server.post_json(
        &comments_path(),
        &comment("\u{200b}\u{202e} \u{feff}", "Hi"),
    );
    assert_eq!(res.status, 400, "{}", res.text());
    assert_eq!(res.json()["error"]["field"], "author.name");
}

//! Issue 12, finding 7, through the router in-process: the answer to a post that filled the honeypot cannot be told
//! from a real one: an id from the same sequence, the real edit window, the same headers, moderation and parent
//! rules, and the rate limit.
#![allow(dead_code)] // The shared harness has more helpers than one test file uses.

include!("harness/http.rs");

use folio_server::timefmt::parse_iso8601;

fn bot(body: &str) -> Value {
    let mut post = comment("Bot", body);
    post["website"] = json!("http://spam.example/");
    post
}

/// The number of a `p<number>` id.
fn number(res: &Response) -> u64 {
    let id = res.json()["id"].as_str().expect("an id").to_owned();
    id.strip_prefix('p')
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a posted id: {id}"))
}

/// Milliseconds between the comment's date and its Folio-Editable-Until.
fn window_ms(res: &Response) -> i64 {
    let until = res
        .header("folio-editable-until")
        .expect("an editable-until");
    let date = res.json()["date"].as_str().expect("a date").to_owned();
    parse_iso8601(until).expect("RFC 3339") - parse_iso8601(&date).expect("RFC 3339")
}

/// The response's header names, sorted, without the ones every response varies in.
fn header_names(res: &Response) -> Vec<String> {
    let mut names: Vec<String> = res
        .headers
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| n != "content-length")
        .collect();
    names.sort();
    names
}

// The decoy takes the next id of the real sequence (the next real comment comes after it), is editable for the real
// window with a token of the real form, and carries the same headers; it is stored and listed nowhere.
#[test]
fn decoy_answer_looks_like_a_real_one() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let real = server.post_json(&comments_path(), &comment("Ana", "Real."));
    assert_eq!(real.status, 201);
    let decoy = server.post_json(&comments_path(), &bot("Buy now"));
    assert_eq!(decoy.status, 201, "{}", decoy.text());
    let after = server.post_json(&comments_path(), &comment("Ana", "Real again."));
    assert_eq!(number(&decoy), number(&real) + 1, "{}", decoy.text());
    assert_eq!(number(&after), number(&decoy) + 1);
    assert_eq!(window_ms(&decoy), window_ms(&real));
    assert_eq!(window_ms(&decoy), 900_000);
    let token = decoy.header("folio-edit-token").expect("a token");
    assert!(token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(decoy.header("folio-status"), Some("published"));
    assert_eq!(header_names(&decoy), header_names(&real));
    let shape = |r: &Response| {
        let mut v = r.json();
        for field in ["id", "date", "body"] {
            v[field] = Value::Null;
        }
        v["author"]["name"] = Value::Null;
        v
    };
    assert_eq!(shape(&decoy), shape(&real));
    let listed = ids(&server.get(&comments_path()).json());
    assert!(
        !listed.contains(&format!("p{}", number(&decoy))),
        "{listed:?}"
    );
}

// Like a real post, a decoy on a --moderate server is held (202, pending), a decoy answering a comment that is not
// published is refused with the same 400, and decoys count against the rate limit.
#[test]
fn decoy_follows_moderation_parents_and_limits() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--rate-limit", "3"]);
    let decoy = server.post_json(&comments_path(), &bot("Held?"));
    assert_eq!(decoy.status, 202, "{}", decoy.text());
    assert_eq!(decoy.header("folio-status"), Some("pending"));
    let mut orphan = bot("To nobody");
    orphan["parent"] = json!("nope");
    let mut real_orphan = comment("Ana", "To nobody");
    real_orphan["parent"] = json!("nope");
    let (fake, real) = (
        server.post_json(&comments_path(), &orphan),
        server.post_json(&comments_path(), &real_orphan),
    );
    assert_eq!((fake.status, fake.json()), (real.status, real.json()));
    assert_eq!(fake.status, 400);
    let limited = server.post_json(&comments_path(), &bot("Too many"));
    assert_eq!(limited.status, 429, "{}", limited.text());
}

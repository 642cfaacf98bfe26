//! `folio-map` run as a mapping author runs it: on the fixtures of tests/fixtures/, with presets and mapping
//! documents, text and JSON output, warnings and exit statuses.

use std::process::{Command, Output};

use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");

fn fixture(p: &str) -> String {
    format!("{FIXTURES}{p}")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio-map"))
        .args(args)
        .output()
        .expect("folio-map runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// A mapping document on a saved article and comment list: the fields, dates in UTC, the body as sanitised HTML
// with links resolved against the mapping's site, and the comment tree with depth, badges and placeholders.
#[test]
fn prints_the_model_of_a_mapping_document() {
    let o = run(&[
        "--mapping",
        &fixture("headless/mapping.json"),
        "--url",
        "https://cms.acme.example/api/articles/1?populate=*",
        &fixture("headless/article.json"),
        &fixture("headless/comments.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "mapping: acme-strapi\n",
        "title: The Bridges of Königsberg\n",
        "byline: Ada Lovelace\n",
        "published: 2024-03-01T06:00:00Z\n",
        "tags: graphs, history, Euler\n",
        "hero: https://cms.acme.example/uploads/seven_bridges_1652_3f2a1c.jpg (alt \"Picture: seven bridges, 1652\"); 1600×900\n",
        "  <p>See <a href=\"https://www.acme.example/guides/maps\"",
        "comments: 5, total 5\n",
        "  - #11 Carl · 2024-03-01T07:00:00Z\n    <p>Lovely <em>story</em>.</p>\n",
        "    - #12 Ada Lovelace [author] · 2024-03-01T07:30:00Z\n",
        "  - #13 [deleted] (placeholder)\n    - #14 [deleted] (placeholder)\n      - #15 Carl",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
    assert!(
        !out.contains("Buy cheap watches"),
        "a placeholder shows no body"
    );
    assert!(!out.contains("warnings"), "{out}");
}

// `--json` for machines; a preset by name; comments inside the article document read without a second file;
// "more" stubs listed.
#[test]
fn json_output_with_a_preset_and_inline_comments() {
    let o = run(&["--preset", "reddit", "--json", &fixture("reddit/post.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["mapping"]["name"], "reddit");
    let items = v["comments"]["items"].as_array().expect("items");
    let depths: Vec<(&str, u64)> = items
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or(""),
                c["depth"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        depths,
        [("t1_kq1", 0), ("t1_kq2", 1), ("t1_kq3", 1), ("t1_kq4", 2)]
    );
    assert_eq!(items[2]["deleted"], true);
    assert_eq!(items[1]["by_article_author"], true);
    assert_eq!(v["comments"]["more"][0]["count"], 2);
    assert_eq!(v["warnings"], Value::Array(Vec::new()));
}

// Without --preset or --mapping, the preset is detected as the widget detects it, and said so.
#[test]
fn detects_the_preset() {
    let o = run(&[
        &fixture("wordpress/post.json"),
        &fixture("wordpress/comments.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("mapping: wordpress (detected)\n"), "{out}");
    assert!(out.contains("comments: "), "{out}");
}

// Warnings are printed (the model still is); `--deny-warnings` turns them into a failing exit status for CI.
#[test]
fn warnings_are_printed_and_can_be_denied() {
    let mapping = r#"{"name": "typo", "article": {"title": "response.content.webTitle", "body": "response.content.fields.body",
        "standfirst": "response.content.fields.standfirts",
        "tags": {"each": {"path": "response.content.tags", "where": {"path": "type", "equals": "keywords"}}, "label": "webTitle"}}}"#;
    let file = fixture("guardian/content.json");
    let o = run(&["--mapping", mapping, &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("title: Seven bridges and one walk: how graph theory began\n"),
        "{out}"
    );
    assert!(
        out.contains("warnings: 2\n  `article.standfirst`: reached nothing in the response (looked for `response.content.fields.standfirts`)\n  `article.tags.each`: `where` kept nothing of the values at `response.content.tags`\n"),
        "{out}"
    );
    let denied = run(&["--mapping", mapping, "--deny-warnings", &file]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        stderr(&denied).contains("2 warning(s), denied"),
        "{}",
        stderr(&denied)
    );
}

// A required field the mapping cannot find is an error with exit status 1, named as the widget names it.
#[test]
fn errors_exit_with_one() {
    let o = run(&[
        "--mapping",
        r#"{"name": "bad", "article": {"title": "headline", "body": "html"}}"#,
        &fixture("guardian/content.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "the required field `title` is missing: the bad mapping looked for `headline`"
        ),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    let missing = run(&["--preset", "ghost", &fixture("ghost/nope.json")]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot read"),
        "{}",
        stderr(&missing)
    );
}

// Wrong usage exits with 2 and the usage text; --help prints it and succeeds.
#[test]
fn usage() {
    let o = run(&["--preset", "ghost", "--mapping", "{}", "a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give --preset or --mapping, not both"));
    assert_eq!(run(&[]).status.code(), Some(2));
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).starts_with("usage: folio-map"));
}

// The thread features a mapping reads: a content warning and custom emoji (Mastodon), shown per comment in text
// and in JSON; the new presets detected from their own fixtures.
#[test]
fn content_warnings_emoji_and_new_presets() {
    let o = run(&[
        "--preset",
        "mastodon",
        &fixture("mastodon/status.json"),
        &fixture("mastodon/context.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("[content warning: bank fees, mild swearing] :blobcatangry:=https://"),
        "{out}"
    );
    let o = run(&[
        "--preset",
        "mastodon",
        "--json",
        &fixture("mastodon/status.json"),
        &fixture("mastodon/context.json"),
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let items = &v["comments"]["items"];
    assert_eq!(items[1]["warning"], "bank fees, mild swearing");
    assert_eq!(items[1]["emoji"][0]["code"], "blobcatangry");
    for (file, preset) in [
        ("lemmy/post.json", "lemmy"),
        ("bluesky/thread.json", "bluesky"),
        ("strapi/article-v5.json", "strapi"),
        ("contentful/entries.json", "contentful"),
    ] {
        let o = run(&[&fixture(file)]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            out.starts_with(&format!("mapping: {preset} (detected)\n")),
            "{out}"
        );
    }
}

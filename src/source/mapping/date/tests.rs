use super::*;
use serde_json::json;

fn iso(v: Value, f: &str) -> String {
    parse_date(&v, f, "/d")
        .expect("parses")
        .expect("present")
        .iso
        .to_string()
}

// Each format reads the same moment.
#[test]
fn every_format_reads_the_same_moment() {
    let want = "2017-03-31T14:05:00Z";
    assert_eq!(iso(json!("2017-03-31T14:05:00Z"), "iso"), want);
    assert_eq!(iso(json!(1490969100), "unix"), want);
    assert_eq!(iso(json!("1490969100"), "unix"), want);
    assert_eq!(iso(json!(1490969100000_i64), "unix_ms"), want);
    assert_eq!(iso(json!(1490969100), "auto"), want);
    assert_eq!(iso(json!("31/03/2017 14:05"), "%d/%m/%Y %H:%M"), want);
    assert_eq!(
        iso(
            json!("Fri, 31 Mar 2017 16:05:00 +0200"),
            "%a, %d %b %Y %T %z"
        ),
        want
    );
    assert_eq!(
        iso(json!("March 31, 2017 2:05 pm"), "%B %d, %Y %I:%M %p"),
        want
    );
    assert_eq!(iso(json!("2017-03-31"), "%Y-%m-%d"), "2017-03-31");
}

// Mismatches are named errors with the path; blanks are absent.
#[test]
fn mismatches_are_named() {
    let e = parse_date(&json!("31.03.2017"), "%d/%m/%Y", "/when").expect_err("mismatch");
    assert!(e.to_string().contains("/when"));
    assert!(parse_date(&json!(true), "unix", "/d").is_err());
    assert!(parse_date(&json!(1e300), "unix", "/d").is_err());
    assert!(parse_date(&json!("x"), "weird", "/d").is_err());
    assert_eq!(parse_date(&json!(" "), "iso", "/d"), Ok(None));
}

use super::*;
use serde_json::json;

fn sel(path: &str, v: &Value) -> Vec<Value> {
    Path::parse(path)
        .expect("parses")
        .select(v, v)
        .into_iter()
        .cloned()
        .collect()
}

// Dotted keys, indices (negative from the end), wildcards and pointers reach the same values.
#[test]
fn selects_by_every_syntax() {
    let v = json!({"a": {"b": [{"c": 1}, {"c": 2}], "x.y": 3}});
    assert_eq!(sel("a.b[1].c", &v), [json!(2)]);
    assert_eq!(sel("a.b[-1].c", &v), [json!(2)]);
    assert_eq!(sel("a.b[*].c", &v), [json!(1), json!(2)]);
    assert_eq!(sel("a.b.*.c", &v), [json!(1), json!(2)]);
    assert_eq!(sel("/a/b/0/c", &v), [json!(1)]);
    assert_eq!(sel("/a/x.y", &v), [json!(3)]);
    assert_eq!(sel("a[\"x.y\"]", &v), [json!(3)]);
    assert_eq!(sel("", &v), std::slice::from_ref(&v));
    assert!(sel("a.nope.c", &v).is_empty());
    assert!(sel("a.b[9]", &v).is_empty());
}

// `$` paths start from the document even inside an item.
#[test]
fn dollar_starts_at_the_root() {
    let root = json!({"inc": [1], "item": {"inc": [2]}});
    let p = Path::parse("$.inc[0]").expect("parses");
    assert_eq!(p.select(&root, &root["item"]), [&json!(1)]);
    let p = Path::parse("inc[0]").expect("parses");
    assert_eq!(p.select(&root, &root["item"]), [&json!(2)]);
}

// Malformed brackets are refused with the path in the message.
#[test]
fn malformed_paths_are_named() {
    let e = Path::parse("a[0").expect_err("unclosed");
    assert!(e.contains("a[0"));
    assert!(Path::parse("a]").is_err());
    assert!(Path::parse("a[]").is_err());
}

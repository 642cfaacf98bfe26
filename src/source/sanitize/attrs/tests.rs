use super::*;

fn attrs_of(name: &str, attrs: &[(&str, &str)], policy: Policy) -> Option<String> {
    let raw: Vec<RawAttr<'_>> = attrs
        .iter()
        .map(|&(name, value)| RawAttr { name, value })
        .collect();
    let mut out = String::new();
    write_attrs(&mut out, name, &raw, policy, None).then_some(out)
}

// Cell spans are digits only, clamped to 100; scope is an enumerated value.
#[test]
fn table_cell_attributes() {
    let got = attrs_of(
        "td",
        &[("colspan", "1000"), ("rowspan", "2x"), ("scope", "ROW")],
        Policy::Article,
    );
    assert_eq!(got.as_deref(), Some(r#" colspan="100" scope="row""#));
}

// Global attributes are validated; the first of duplicated attributes wins.
#[test]
fn global_attributes() {
    let got = attrs_of(
        "p",
        &[
            ("dir", "rtl"),
            ("dir", "ltr"),
            ("lang", "es-MX"),
            ("title", "a\"b"),
        ],
        Policy::Article,
    );
    assert_eq!(
        got.as_deref(),
        Some(r#" lang="es-MX" dir="rtl" title="a&quot;b""#)
    );
    let bad = attrs_of(
        "p",
        &[("dir", "sideways"), ("lang", "x\" onload=\"y")],
        Policy::Article,
    );
    assert_eq!(bad.as_deref(), Some(""));
}

// ol start may be negative; reversed is a boolean.
#[test]
fn ordered_list_attributes() {
    let got = attrs_of("ol", &[("start", "-3"), ("reversed", "")], Policy::Article);
    assert_eq!(got.as_deref(), Some(r#" start="-3" reversed="""#));
    assert_eq!(
        attrs_of("ol", &[("start", "1e9")], Policy::Article).as_deref(),
        Some("")
    );
}

//! Property tests: arbitrary JSON through arbitrary mappings never panics, and always yields a model or a named error.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z0-9 <>&;#./:%{}-]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-c]{1,2}|title|body|id|kids|data", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn arb_path() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-c]{1,2}(\\.[a-c*]{1,2}){0,3}",
        "[a-c]{1,2}\\[(-?[0-9]|\\*)\\](\\.[a-c])?",
        "/[a-c0-9]{1,2}(/[a-c0-9*]{1,2}){0,2}",
        "\\$(\\.[a-c]{1,2}){0,2}",
        "[a-c\\[\\]\\.\\*\\$/]{0,6}",
    ]
}

fn arb_field() -> impl Strategy<Value = Value> {
    prop_oneof![
        arb_path().prop_map(Value::from),
        prop::collection::vec(arb_path(), 1..3).prop_map(|v| json!(v)),
        (
            arb_path(),
            prop::option::of(prop_oneof![
                Just("iso"),
                Just("unix"),
                Just("unix_ms"),
                Just("%d/%m/%Y"),
                Just("nope")
            ]),
            any::<bool>(),
            prop::option::of(prop_oneof![
                Just("html"),
                Just("markdown"),
                Just("text"),
                Just("contentful"),
                Just("portable_text"),
                Just("x")
            ]),
            prop::option::of("[a-c{}/ ]{0,8}"),
        )
            .prop_map(|(p, date, decode, format, template)| {
                let mut o = json!({"path": p, "decode": decode, "strip_html": !decode});
                if let Some(d) = date {
                    o["date"] = json!(d);
                }
                if let Some(f) = format {
                    o["format"] = json!(f);
                }
                if let Some(t) = template {
                    o["template"] = json!(t);
                }
                o
            }),
    ]
}

fn arb_mapping() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(arb_field(), 12),
        prop_oneof![
            Just(json!({"model": "none"})),
            arb_field().prop_map(|f| json!({"model": "flat", "parent": f, "no_parent": [0, null]})),
            arb_path().prop_map(|c| json!({"model": "nested", "children": c})),
            arb_field().prop_map(|f| json!({"model": "path", "field": f})),
            (arb_field(), arb_field()).prop_map(|(a, b)| json!({"model": "reply_to_position", "position": a, "reply_to": b})),
        ],
        prop::option::of(arb_path()),
    )
        .prop_map(|(f, threading, wrapper)| {
            json!({
                "name": "prop",
                "article": {
                    "root": f[0], "title": f[1], "body": f[2], "published": f[3], "id": f[4], "url": f[5],
                    "authors": {"each": f[6], "name": f[7]},
                    "hero": {"at": f[8], "src": f[9], "width": f[10]},
                    "tags": {"each": f[11]}
                },
                "comments": {
                    "url": "{a}", "items": f[6], "threading": threading,
                    "comment": {"wrapper": wrapper, "id": f[4], "body": f[2], "date": f[3], "score": f[10], "deleted": f[11]}
                }
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    // Any JSON through any mapping: a model or a named error, never a panic.
    #[test]
    fn arbitrary_json_and_mappings_never_panic(doc in arb_json(), m in arb_mapping()) {
        let choice = match MappingChoice::from_settings(None, Some(&m.to_string())) {
            Ok(c) => c,
            Err(e) => { prop_assert!(!e.to_string().is_empty()); return Ok(()); }
        };
        let text = doc.to_string();
        match map_article_text(&text, Some("https://x.example/a/b"), &choice) {
            Ok(a) => {
                prop_assert!(!a.article.title.trim().is_empty());
                let r = map_comments_text(&text, Some("https://x.example/a/b"), a.resolved.mapping.as_deref(), Some(&a.object));
                if let Err(e) = r { prop_assert!(!e.to_string().is_empty()); }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    // Any JSON through every preset and through detection: never a panic.
    #[test]
    fn arbitrary_json_through_presets_never_panics(doc in arb_json()) {
        let text = doc.to_string();
        for (name, _) in PRESETS {
            let choice = MappingChoice::Preset(name.into());
            if let Ok(a) = map_article_text(&text, None, &choice) {
                let _ = map_comments_text(&text, None, a.resolved.mapping.as_deref(), Some(&a.object));
            }
        }
        let _ = map_article_text(&text, None, &MappingChoice::Auto);
    }
}

//! Tests of the static file server: hashed names, SPA routes, `--csp` headers.
use super::*;

#[test]
fn recognises_trunk_hashes() {
    assert!(is_hashed_asset("/folio-3f2a9c1e8b7d6a5f_bg.wasm"));
    assert!(is_hashed_asset("/folio-3f2a9c1e8b7d6a5.js"));
    assert!(is_hashed_asset("/style-0123456789abcdef.css"));
    assert!(!is_hashed_asset("/index.html"));
    assert!(!is_hashed_asset("/demo/articles/hello-world.json"));
    assert!(!is_hashed_asset("/my-cafe.png"));
}

// `--csp` puts the policy on HTML under its prefix only: not on other pages, not on JSON or scripts.
#[tokio::test]
async fn csp_header_on_html_under_the_prefix() {
    let dir = std::env::temp_dir().join(format!("folio-statics-csp-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("hosts")).expect("temp dir");
    for name in ["hosts/page.html", "index.html", "hosts/data.json"] {
        std::fs::write(dir.join(name), "{}").expect("write");
    }
    let statics = Statics::new(&dir).with_csp(&[("/hosts/".into(), "default-src 'none'".into())]);
    let csp = |path: &'static str| {
        let statics = statics.clone();
        async move {
            let mut req = Request::new(Body::empty());
            *req.uri_mut() = Uri::from_static(path);
            let response = statics.serve(req).await;
            assert!(response.status().is_success(), "{path}");
            response
                .headers()
                .get(header::CONTENT_SECURITY_POLICY)
                .cloned()
        }
    };
    assert_eq!(
        csp("/hosts/page.html").await.as_ref().map(|v| v.as_bytes()),
        Some(&b"default-src 'none'"[..])
    );
    assert_eq!(csp("/index.html").await, None);
    assert_eq!(csp("/hosts/data.json").await, None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spa_routes_have_no_extension() {
    assert!(is_spa_route("/"));
    assert!(is_spa_route("/some/spa/path"));
    assert!(is_spa_route("/page.html"));
    assert!(!is_spa_route("/missing.js"));
    assert!(!is_spa_route("/demo/articles/nope.json"));
}

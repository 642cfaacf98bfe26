//! Tests of the server-rendering options (`--render-origin` and its companions).

use super::*;

/// Parses `list` after `--dist d --db f`, without environment fallbacks.
fn parse(list: &[&str]) -> Result<Config, clap::Error> {
    let args = ["folio-server", "--dist", "d", "--db", "f"];
    Config::parse_with(args.iter().chain(list), |_| true)
}

// Off by default, with limits that one article never reaches.
#[test]
fn render_defaults() {
    let c = parse(&[]).expect("a config");
    assert!(c.render.origins.is_empty());
    assert!(c.render.allow_private.is_empty());
    assert_eq!(c.render.timeout_secs, DEFAULT_RENDER_TIMEOUT_SECS);
    assert_eq!(c.render.max_bytes, DEFAULT_RENDER_MAX_BYTES);
}

// Repeatable, normalised, comma lists too (the environment variable's form); anything but an origin is refused.
#[test]
fn render_origins() {
    let c = parse(&[
        "--render-origin",
        "https://API.example/",
        "--render-origin=http://127.0.0.1:8081,http://localhost:9",
        "--render-allow-private",
        "http://127.0.0.1:8081",
        "--render-timeout",
        "2",
        "--render-max-bytes=1000",
    ])
    .expect("a config");
    assert_eq!(
        c.render.origins,
        [
            "https://api.example",
            "http://127.0.0.1:8081",
            "http://localhost:9"
        ]
    );
    assert_eq!(c.render.allow_private, ["http://127.0.0.1:8081"]);
    assert_eq!((c.render.timeout_secs, c.render.max_bytes), (2, 1000));
    for bad in [
        "api.example",
        "https://api.example/wp-json",
        "ftp://a.example",
        "https://u@a.example",
    ] {
        assert!(parse(&["--render-origin", bad]).is_err(), "{bad}");
        assert!(parse(&["--render-allow-private", bad]).is_err(), "{bad}");
    }
}

// Every render option is in --help.
#[test]
fn render_help() {
    let help = Config::command().render_long_help().to_string();
    for flag in [
        "--render-origin",
        "--render-allow-private",
        "--render-timeout",
        "--render-max-bytes",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
    assert!(help.contains("FOLIO_RENDER_ORIGIN"));
}

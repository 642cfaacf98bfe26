//! Tests of the command line; the environment fallbacks are tested on the real binary in `tests/cli.rs`.

use clap::error::ErrorKind;

use super::*;

/// Parses `list` after the program name, without environment fallbacks.
fn parse(list: &[&str]) -> Result<Config, clap::Error> {
    let args = std::iter::once("folio-server").chain(list.iter().copied());
    Config::parse_with(args, |_| true)
}

#[test]
fn flags_in_both_forms() {
    let parsed = parse(&[
        "--dist=/d",
        "--db",
        "/db",
        "--allow-origin",
        "https://a.example/",
        "--addr",
        "127.0.0.1:0",
    ]);
    let config = parsed.expect("a config");
    assert_eq!(config.dist, PathBuf::from("/d"));
    assert_eq!(config.db, PathBuf::from("/db"));
    assert_eq!(config.addr.port(), 0);
    assert_eq!(config.allow_origins, ["https://a.example"]);
    // The last of a repeated single-valued flag wins, as with the hand-written parser before.
    let twice = parse(&[
        "--dist",
        "a",
        "--dist",
        "b",
        "--db",
        "f",
        "--moderate",
        "--moderate",
    ]);
    assert_eq!(twice.expect("a config").dist, PathBuf::from("b"));
}

#[test]
fn defaults_and_errors() {
    let config = parse(&["--dist", "d", "--db", "f"]).expect("a config");
    assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
    assert!(parse(&["--db", "f"]).is_err());
    assert!(parse(&["--dist", "d", "--db", "f", "--addr", "nope"]).is_err());
    assert!(parse(&["--dist", "d", "--db"]).is_err());
    assert!(parse(&["--bogus"]).is_err());
    assert!(parse(&["--allow-origin", "https://a.example/path"]).is_err());
    assert_eq!(
        parse(&["--help"]).map_err(|e| e.kind()).err(),
        Some(ErrorKind::DisplayHelp)
    );
    assert_eq!(
        parse(&["-V"]).map_err(|e| e.kind()).err(),
        Some(ErrorKind::DisplayVersion)
    );
    assert_eq!(config.rate_limit, DEFAULT_RATE_LIMIT);
    assert_eq!(config.edit_window_secs, DEFAULT_EDIT_WINDOW_SECS);
    assert!(!config.moderate);
    assert!(parse(&["--dist", "d", "--db", "f", "--rate-limit", "x"]).is_err());
    let c = parse(&[
        "--dist",
        "d",
        "--db",
        "f",
        "--moderate",
        "--rate-limit=0",
        "--edit-window",
        "5",
    ])
    .expect("a config");
    assert!(c.moderate);
    assert_eq!((c.rate_limit, c.edit_window_secs), (0, 5));
    assert_eq!(config.page_size, 0);
    let paged = parse(&["--dist", "d", "--db", "f", "--page-size=5"]);
    assert!(matches!(paged, Ok(Config { page_size: 5, .. })));
    assert!(parse(&["--dist", "d", "--db", "f", "--page-size", "x"]).is_err());
    assert!(c.csp.is_empty());
}

// `--csp` takes a path prefix and a policy, which may itself hold `=` (hashes); anything else is refused.
#[test]
fn csp_rules() {
    let c = parse(&[
        "--dist",
        "d",
        "--db",
        "f",
        "--csp",
        "/t/=script-src 'sha256-AB=='",
    ]);
    assert_eq!(
        c.expect("a config").csp,
        [("/t/".to_owned(), "script-src 'sha256-AB=='".to_owned())]
    );
    let inline = parse(&["--dist", "d", "--db", "f", "--csp=/t/=default-src 'none'"]);
    assert_eq!(inline.expect("a config").csp[0].1, "default-src 'none'");
    for bad in ["t/=default-src 'none'", "/t/=", "/t/", "/t/=a\nb"] {
        assert!(
            parse(&["--dist", "d", "--db", "f", "--csp", bad]).is_err(),
            "{bad:?}"
        );
    }
}

// `--no-events` and the moderator token; a short token is refused, not accepted weakly.
#[test]
fn live_and_moderation_flags() {
    let base = ["--dist", "d", "--db", "f"];
    let c = parse(&base).expect("a config");
    assert!(!c.no_events);
    assert_eq!(c.moderator_token, None, "off unless configured");
    let flags = [
        &base[..],
        &["--no-events", "--moderator-token", "0123456789abcdef"],
    ]
    .concat();
    let c = parse(&flags).expect("a config");
    assert!(c.no_events);
    assert_eq!(c.moderator_token.as_deref(), Some("0123456789abcdef"));
    for short in ["secret", "", "0123456789 abcdef"] {
        let flags = [&base[..], &["--moderator-token", short]].concat();
        assert!(parse(&flags).is_err(), "{short:?}");
    }
}

// Every option is in --help with a sentence of its own, and the secret token's value never is.
#[test]
fn help_describes_every_option() {
    let help = Config::command().render_long_help().to_string();
    for flag in [
        "--dist",
        "--db",
        "--addr",
        "--allow-origin",
        "--moderate",
        "--rate-limit",
        "--edit-window",
        "--page-size",
        "--csp",
        "--no-events",
        "--moderator-token",
        "--help",
        "--version",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    for var in [
        "FOLIO_DIST",
        "FOLIO_DB",
        "FOLIO_ADDR",
        "FOLIO_MODERATOR_TOKEN",
    ] {
        assert!(help.contains(var), "{var} missing from:\n{help}");
    }
    for arg in Config::command().get_arguments() {
        assert!(arg.get_help().is_some(), "{} has no help", arg.get_id());
    }
}

//! Tests of the options added against abuse (issue 12) and of the moderator token file.

use super::*;

/// Parses `list` after `--dist d --db f`, without environment fallbacks.
fn parse(list: &[&str]) -> Result<Config, clap::Error> {
    let args = ["folio-server", "--dist", "d", "--db", "f"];
    Config::parse_with(args.iter().chain(list), |_| true)
}

/// A temporary file holding `text`, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("folio-{name}-{}", std::process::id()));
        std::fs::write(&path, text).expect("write a temporary file");
        TempFile(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("a UTF-8 path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn limits_have_defaults() {
    let config = parse(&[]).expect("a config");
    let limits = &config.limits;
    assert_eq!(
        limits.idempotency_window_secs,
        DEFAULT_IDEMPOTENCY_WINDOW_SECS
    );
    assert_eq!(limits.edit_rate_limit, DEFAULT_EDIT_RATE_LIMIT);
    assert!(limits.trusted_proxies.is_empty());
    assert_eq!(
        (
            limits.max_connections,
            limits.max_connections_per_address,
            limits.max_streams_per_address,
            limits.header_timeout_secs
        ),
        (
            DEFAULT_MAX_CONNECTIONS,
            DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            DEFAULT_MAX_STREAMS_PER_ADDRESS,
            DEFAULT_HEADER_TIMEOUT_SECS
        )
    );
    let serve = crate::serve::ServeLimits::from_config(&config);
    assert_eq!(
        serve.header_timeout,
        Some(std::time::Duration::from_secs(10))
    );
    let off = parse(&["--header-timeout", "0"]).expect("a config");
    assert_eq!(
        crate::serve::ServeLimits::from_config(&off).header_timeout,
        None
    );
    let set = parse(&[
        "--idempotency-window",
        "60",
        "--trusted-proxy",
        "10.0.0.2",
        "--trusted-proxy=::1",
        "--edit-rate-limit=0",
    ]);
    let set = set.expect("a config").limits;
    assert_eq!(set.idempotency_window_secs, 60);
    assert_eq!(set.trusted_proxies.len(), 2);
    assert_eq!(set.edit_rate_limit, 0);
    assert!(parse(&["--idempotency-window", "-1"]).is_err());
    assert!(parse(&["--trusted-proxy", "proxy.example"]).is_err());
}

// The file's first line is the token (the newline dropped); a flag beats it; a short or missing file stops startup.
#[test]
fn moderator_token_file() {
    let good = TempFile::new("token-good", "0123456789abcdef-file\nignored\n");
    let config = parse(&["--moderator-token-file", good.arg()]).expect("a config");
    assert_eq!(
        config.moderator_token.as_deref(),
        Some("0123456789abcdef-file")
    );
    assert!(!config.moderator_token_on_command_line);
    let both = parse(&[
        "--moderator-token-file",
        good.arg(),
        "--moderator-token",
        "0123456789abcdef-flag",
    ]);
    let both = both.expect("a config");
    assert_eq!(
        both.moderator_token.as_deref(),
        Some("0123456789abcdef-flag")
    );
    assert!(both.moderator_token_on_command_line);
    let short = TempFile::new("token-short", "short\n");
    let err = parse(&["--moderator-token-file", short.arg()]).expect_err("too short");
    assert!(err.to_string().contains("at least 16"), "{err}");
    let missing = parse(&["--moderator-token-file", "/nonexistent/folio-token"]);
    assert!(missing.is_err());
}

#[test]
fn help_describes_the_new_options() {
    let help = Config::command().render_long_help().to_string();
    for flag in [
        "--idempotency-window",
        "--moderator-token-file",
        "--edit-rate-limit",
        "--trusted-proxy",
        "--max-connections",
        "--max-connections-per-address",
        "--max-streams-per-address",
        "--header-timeout",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

//! The stylesheet against what depends on it: the tokens of docs/embed.md, the components' class names.

use std::collections::HashSet;
use std::path::Path;

use super::css;

/// `(at-rule context, selector list)` of every block of stylist's output, in order.
fn blocks(css: &str) -> Vec<(String, String)> {
    let mut stack: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for line in css.lines().map(str::trim) {
        if let Some(head) = line.strip_suffix('{') {
            stack.push(head.trim().to_string());
            if !head.trim_start().starts_with('@')
                && !stack.iter().any(|s| s.starts_with("@keyframes"))
            {
                out.push((
                    stack[..stack.len() - 1].join(" / "),
                    head.trim().to_string(),
                ));
            }
        } else if line == "}" {
            stack.pop();
        }
    }
    out
}

/// The declarations of the first block whose selector list is `selector`, outside any at-rule.
fn declarations(css: &str, selector: &str) -> Vec<(String, String)> {
    let start = css
        .find(&format!("\n{selector} {{\n"))
        .or_else(|| css.starts_with(&format!("{selector} {{\n")).then_some(0))
        .unwrap_or_else(|| panic!("no block {selector}"));
    css[start..]
        .lines()
        .skip_while(|l| !l.ends_with('{'))
        .skip(1)
        .take_while(|l| l.trim() != "}")
        .filter_map(|l| l.trim().trim_end_matches(';').split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

#[test]
fn every_documented_token_has_its_default_and_every_token_is_documented() {
    let css = css();
    let tokens = declarations(&css, ":root .folio, :host");
    let docs = read("docs/embed.md");
    let rows: Vec<(String, String)> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("| `--folio-"))
        .filter_map(|l| {
            let (name, rest) = l.split_once("` |")?;
            Some((
                format!("--folio-{name}"),
                rest.rsplit('|').nth(1)?.trim().to_string(),
            ))
        })
        .collect();
    assert!(
        rows.len() > 20,
        "the token table of docs/embed.md: {rows:?}"
    );
    // The embed's own two: --folio-rem (embed/host.css) and the placeholder height (the loader).
    let embed = read("embed/host.css") + &read("embed/folio.js");
    for (name, default) in &rows {
        let declared = tokens.iter().find(|(k, _)| k == name);
        match (declared, default.split_once(" / ")) {
            (Some((_, value)), Some((light, dark))) => {
                assert_eq!(value, &format!("light-dark({light}, {dark})"), "{name}")
            }
            (Some(_), None) => {}
            (None, _) => assert!(
                embed.contains(name.as_str()),
                "{name} is documented but not declared"
            ),
        }
    }
    for (name, _) in &tokens {
        assert!(
            rows.iter().any(|(n, _)| n == name),
            "{name} is declared but not in docs/embed.md"
        );
    }
}

#[test]
fn no_selector_is_written_twice_in_one_context() {
    let mut seen = HashSet::new();
    for block in blocks(&css()) {
        assert!(seen.insert(block.clone()), "written twice: {block:?}");
    }
}

#[test]
fn every_class_the_sheet_styles_is_written_by_a_component() {
    let mut sources = String::new();
    // Hooks too: the read-aloud hook marks the piece being read (`folio-reading`) on the sanitised body.
    for dir in ["src/components", "src/shells", "src/hooks"] {
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("a source dir").flatten() {
                let path = entry.path();
                let is_style = path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with("style.rs"));
                if path.is_dir() {
                    stack.push(path);
                } else if !is_style {
                    sources += &std::fs::read_to_string(&path).unwrap_or_default();
                }
            }
        }
    }
    for (_, selector) in blocks(&css()) {
        for class in selector
            .split(['.', ' ', ',', ':', '>', '[', '(', ')'])
            .filter(|s| s.starts_with("folio-"))
        {
            assert!(
                sources.contains(&format!("\"{class}")) || sources.contains(&format!(" {class}")),
                "{class}"
            );
        }
    }
}

#[test]
fn the_theme_picks_the_colour_scheme_and_media_queries_keep_rem() {
    let css = css();
    assert_eq!(
        declarations(&css, ".folio[data-theme=\"dark\"]"),
        [("color-scheme".into(), "dark".into())]
    );
    assert_eq!(
        declarations(&css, ".folio[data-theme=\"auto\"]"),
        [("color-scheme".into(), "light dark".into())]
    );
    // embed/postbuild.sh turns rem into --folio-rem on every line except @media conditions: they stay one line.
    assert!(css
        .lines()
        .filter(|l| l.contains("@media"))
        .all(|l| l.trim_end().ends_with('{')));
    assert!(css.contains("@media (max-width: 30rem) {\n"));
}

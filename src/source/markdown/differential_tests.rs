//! Folio's renderer against pulldown-cmark (CommonMark + tables + strikethrough, the renderer it replaced; a native
//! dev-dependency only): on a corpus of Markdown as comments and articles write it, both outputs must be the same
//! after the sanitiser, for both policies. Deliberate differences are listed in [`KNOWN_DIFFERENCES`] with the
//! reason, and must still differ (a fixed one has to leave the list). A loop over random strings of Markdown
//! punctuation checks that the renderer never panics, stays fast, and gives the sanitiser well-formed input.

use std::time::{Duration, Instant};

use pulldown_cmark::{html, Options, Parser};

use super::render;
use crate::source::sanitize::{sanitize, Policy};

fn reference(md: &str) -> String {
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    out
}

/// The corpus: every construct Folio supports, mixed as real comments and articles mix them.
const CORPUS: &[&str] = &[
    // Paragraphs and line breaks.
    "Just one line.",
    "Two\nlines in one paragraph.",
    "First paragraph.\n\nSecond paragraph.\n\n\n\nThird after many blank lines.",
    "Hard break with spaces  \nnext line",
    "Hard break with a backslash\\\nnext line",
    "Trailing spaces at the end   ",
    "   Leading spaces are ignored\n   on every line",
    // Headings.
    "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six",
    "####### seven is text\n#no space is text",
    "## Closing hashes ##\n# Hash#tag inside #",
    "Setext one\n===\n\nSetext two\n---",
    "Multi-line\nsetext heading\n===",
    "# *Emphasis* in a `heading`",
    // Thematic breaks.
    "Above\n\n---\n\nBelow",
    "***\n___\n- - -\n * * *",
    "Text\n***\nmore",
    // Block quotes.
    "> A quote.",
    "> A quote\ncontinued lazily\n> and again.",
    "> Level one\n>> Level two\n>>> Level three",
    "> Quote\n\nNot a quote",
    "> # Heading in quote\n> - list in quote\n> - second",
    ">quote without space\n>\n>second paragraph",
    "> code in quote:\n>\n>     indented code",
    // Lists.
    "- one\n- two\n- three",
    "* star\n* list",
    "+ plus\n+ list",
    "1. one\n2. two\n3. three",
    "3. starts at three\n4. four",
    "1) paren\n2) list",
    "- loose\n\n- list",
    "- item\n\n  second paragraph in item\n- next",
    "- a\n  - nested\n    - deeper\n  - back\n- top",
    "1. first\n   - sub bullet\n   - another\n2. second",
    "- one\n+ two (new list)\n* three",
    "Paragraph\n- list interrupts it\n- yes",
    "Paragraph\n2. does not interrupt",
    "- \n  empty first line item",
    "-\n- empty item",
    "- item with code:\n\n      code inside",
    "- [ ] task syntax is plain text\n- [x] done",
    "10. ten\n11. eleven",
    "- a\n- b\n\n\n- c",
    "1. one\n\n   para\n\n2. two",
    // Code.
    "Use `cargo test` to run.",
    "``code with ` backtick``",
    "` leading and trailing spaces `",
    "`unclosed code",
    "```\nplain fence\n```",
    "```rust\nfn main() {\n    println!(\"<hi>\");\n}\n```",
    "~~~python extra words\nprint('x')\n~~~",
    "```\nunclosed fence\nkeeps going",
    "    indented code\n    second line\n\n    after blank",
    "````\n```\nnested fence\n```\n````",
    " ```\n  indented fence\n ```",
    "Text\n    not code (paragraph continuation)",
    // Emphasis and strong.
    "*em* _em_ **strong** __strong__",
    "***both*** ___both___",
    "**bold *and italic* inside**",
    "*italic **and bold** inside*",
    "snake_case_name and 2*3*4",
    "intra*word*emphasis and intra_word_not",
    "* not emphasis * and ** neither **",
    "**unclosed bold and *unclosed em",
    "*a **b** c*",
    "__init__.py and __main__",
    "Price: $5 * 3 = $15",
    "**Note:** this is *important*.",
    "*(parenthesised)* and **\"quoted\"**",
    // Strikethrough.
    "~~struck~~ and ~single~",
    "~~~not struck~~~ and ~~mismatch~",
    "a~~b~~c",
    // Links.
    "[link](https://example.org)",
    "[with title](https://example.org \"The title\")",
    "[single quotes](https://example.org 'title')",
    "[paren title](https://example.org (title))",
    "[angle](<https://example.org/a b>)",
    "[parens](https://en.wikipedia.org/wiki/Rust_(programming_language))",
    "[empty]()",
    "[relative](/path/to?x=1&y=2#frag)",
    "[spaces and unicode](https://example.org/é ü)",
    "[*emphasis* in `link`](https://x.org)",
    "[ref link][ref] and [ref] and [Ref][]\n\n[ref]: https://example.org/ref \"Ref title\"",
    "[undefined][nope] stays text",
    "[a]: https://x.org\n\nOnly a definition above.",
    "[multi\nline](https://x.org)",
    "[link [with] brackets](https://x.org)",
    "[outer [inner](https://a.org)](https://b.org)",
    "\\[not a link\\](https://x.org)",
    "[broken](https://x.org",
    "See https://bare.example.org (not linked).",
    // Images.
    "![alt text](https://x.org/a.png)",
    "![alt *with* emphasis](https://x.org/a.png \"title\")",
    "[![image in link](https://x.org/i.png)](https://x.org)",
    "![ref image][img]\n\n[img]: https://x.org/r.png",
    // Autolinks.
    "<https://example.org/path?q=1>",
    "<mailto:someone@example.org> and <someone@example.org>",
    "<not an autolink> and < spaced >",
    // Escapes and entities.
    "\\*not em\\* \\_nor\\_ \\# \\> \\\\ backslash",
    "&copy; &amp; &lt;tag&gt; &hellip; &rsquo; &#8212; &#x27;",
    "&notanentity; &amp &#; AT&T",
    "[link](https://x.org/?a=1&amp;b=2)",
    // Raw HTML.
    "Inline <b>bold</b> and <span class=\"x\">span</span>.",
    "<div>\nblock html\n</div>\n\nafter",
    "<!-- a comment -->\n\ntext",
    "text <!-- inline comment --> more",
    "<script>alert(1)</script>",
    "<details>\n<summary>Spoiler</summary>\n\nHidden *text*\n\n</details>",
    "a <br> b <br/> c",
    // Tables.
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "| left | center | right |\n|:-----|:------:|------:|\n| l | c | r |",
    "a | b\n--|--\n1 | 2",
    "| a |\n|---|\n| `code` and **bold** |",
    "| a | b |\n|---|---|\n| escaped \\| pipe | x |",
    "| a | b |\n|---|---|\n| one cell |\n| three | cells | here |",
    "Intro\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter",
    "| a | b |\n|---|---|\n| 1 | 2 |\n> quote ends table",
    "| not | a | table |\n|---|---|",
    // Comment-like text (Reddit, HN, Discourse).
    "> I think this is wrong.\n\nNo, you're misreading it. See [the docs](https://docs.example.org/a#b).",
    "Edit: typo.\n\nEdit 2: thanks for the gold, kind stranger!",
    "TL;DR: *don't* do it.\n\n---\n\n^(tiny text)",
    "I disagree:\n\n1. It's slow\n2. It's **expensive**\n3. Nobody ~~likes~~ uses it\n\nJust my 2¢.",
    "@alice said:\n> wow\n\n@bob: same",
    "Code:\n\n```js\nconst x = a < b && c > d;\n```\n\nWorks for me.",
    "This is *so* good!!! 😂😂",
    "Read more at <https://news.ycombinator.com/item?id=1>.",
    "5 * 4 = 20, and 2 * 3 = 6",
    "Use ** for bold, _ for italics, and ` for code.",
    "<3 love it",
    "a < b > c & d",
    "Thanks!\n\n-- \nSignature line",
    "Quote from the article:\n\n> The CEO said \"we're fine\".\n\nLOL.",
    "- first point\n- second point with a [link](https://x.org)\n\nAnd a conclusion.",
    "Spoilers: >!hidden!<",
    "1. Step one\n\n   ```sh\n   cargo build\n   ```\n\n2. Step two",
    "* Item\n\n  > quoted inside item",
    "Ends with a URL https://x.org/path_(a)_b",
    "Unicode: «guillemets», “quotes”, — dashes, and 日本語のテキスト。",
    "Emphasis next to punctuation: *“quoted”*, **(bold)**.",
    "Windows\r\nline\r\nendings\r\n\r\nparagraph two",
    "Tabs\tinside\ttext\n\n\tcode with a tab",
    "",
    "   \n\n  ",
    // CommonMark corners (emphasis rules, links, lists, blocks) that must keep matching.
    "*foo**bar**baz*",
    "foo***bar***baz",
    "**foo*bar*baz**",
    "*(**foo**)*",
    "_(_foo_)_",
    "*foo _bar* baz_",
    "*[bar*](/url)",
    "**a<https://foo.bar/?q=**>",
    "пристаням_стремятся_ and foo-_(bar)_",
    "__foo, __bar__, baz__",
    "[link](foo\\(and\\(bar\\))",
    "[link](/url \"title \\\"&quot;\")",
    "[link](   /uri\n  \"title\"  )",
    "![foo ![bar](/url)](/url2)",
    "[foo][bar][baz]\n\n[baz]: /url1\n[bar]: /url2",
    "[foo]: /url1\n\n[foo]: /url2\n\n[bar][foo]",
    "[Foo\n  bar]: /url\n\n[Baz][Foo bar]",
    "<a foo=\"bar\" bam = 'baz <em>\"</em>'\n_boolean zoop:33=zoop:33 />",
    "foo <!-- this is a --\ncomment - with hyphens -->",
    "&#35; &#1234; &#992; &#0; &#X22; &#XD06; &#87654321;",
    "- foo\n - bar\n  - baz\n   - boo",
    "1. a\n\n  2. b\n\n   3. c",
    "- a\n- b\n\n  [ref]: /url\n- d",
    "* a\n  > b\n  >\n* c",
    "> > > foo\nbar",
    ">     code\n\n>    not code",
    "Foo\nBar\n---",
    "`````\n\n```\naaa",
    "<DIV CLASS=\"foo\">\n\n*Markdown*\n\n</DIV>",
    "<del>*foo*</del>",
    "Foo\n<a href=\"bar\">\nbaz",
    "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |",
    "This ~~has a\n\nnew paragraph~~.",
];

/// Inputs where Folio's renderer deliberately differs, and why. Each must still differ. Four are tab corners where
/// pulldown-cmark strays from CommonMark, one a size trade-off; none occurs in ordinary comments.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "> \t<div>x</div>",
        "a tab after `> ` before an HTML block: pulldown-cmark turns it into spaces, we keep the line as written",
    ),
    (
        "# Title\t",
        "trailing tab in an ATX heading: CommonMark strips it, pulldown-cmark keeps it",
    ),
    (
        "```\ncode\n```\t",
        "a closing fence followed by a tab closes the block in CommonMark, not in pulldown-cmark",
    ),
    (
        "> quote\n\t> more",
        "a `>` indented by a tab (4 columns) is lazy paragraph text in CommonMark; pulldown-cmark reads a marker",
    ),
    (
        "[Ärger]\n\n[ärger]: https://x.org",
        "reference labels fold the case of ASCII letters only: full Unicode case folding needs tables the wasm \
         does without (CommonMark's `[ẞ]` matching `[SS]`)",
    ),
];

#[test]
fn same_output_as_pulldown_cmark_after_sanitising() {
    assert!(CORPUS.len() >= 80, "corpus has {} cases", CORPUS.len());
    let mut failures = Vec::new();
    for &md in CORPUS {
        if KNOWN_DIFFERENCES.iter().any(|(k, _)| *k == md) {
            continue;
        }
        for policy in [Policy::Article, Policy::Comment] {
            let ours = sanitize(&render(md), policy, Some("https://x.org/a/"));
            let theirs = sanitize(&reference(md), policy, Some("https://x.org/a/"));
            if ours.as_str() != theirs.as_str() {
                failures.push(format!(
                    "{md:?} ({policy:?})\n  raw ours:   {:?}\n  raw theirs: {:?}\n  ours:   {:?}\n  theirs: {:?}",
                    render(md),
                    reference(md),
                    ours.as_str(),
                    theirs.as_str()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn known_differences_still_differ() {
    for (md, why) in KNOWN_DIFFERENCES {
        let ours = sanitize(&render(md), Policy::Article, None);
        let theirs = sanitize(&reference(md), Policy::Article, None);
        assert_ne!(
            ours.as_str(),
            theirs.as_str(),
            "{md:?} now agrees ({why}): move it to CORPUS"
        );
    }
}

/// The corpus is even byte-identical before sanitising: the renderer lays out HTML as pulldown-cmark did.
#[test]
fn raw_output_identical() {
    let differ: Vec<&&str> = CORPUS
        .iter()
        .filter(|md| render(md) != reference(md))
        .collect();
    assert!(differ.is_empty(), "raw output differs for {differ:?}");
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

// Random strings of Markdown punctuation: no panic, fast, and the output survives the sanitiser unchanged in
// shape (sanitising twice gives the same as once).
#[test]
fn random_punctuation_never_panics_and_stays_fast() {
    const ALPHABET: &[&str] = &[
        "*",
        "_",
        "~",
        "`",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        "-",
        "+",
        "=",
        "|",
        ":",
        "\\",
        "\"",
        "'",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "1.",
        "a",
        "b",
        "é",
        "&amp;",
        "&#x41;",
        "http://",
        "@",
        ".",
        "    ",
        "```",
        "~~~",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "<a href=\"",
        "> ",
        "- ",
        "1) ",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Instant::now();
    for round in 0..3_000 {
        let len = 1 + (rng.next() % 80) as usize;
        let md: String = (0..len)
            .map(|_| ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize])
            .collect();
        let raw = render(&md);
        let once = sanitize(&raw, Policy::Article, None);
        let twice = sanitize(once.as_str(), Policy::Article, None);
        assert_eq!(once.as_str(), twice.as_str(), "round {round}: {md:?}");
    }
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
}

// Hostile shapes, each 100,000+ bytes, render in bounded time: well under a second each in a debug build, where a
// quadratic pass would take minutes (the bound leaves room for a loaded machine).
#[test]
fn hostile_input_is_linear() {
    let n = 100_000;
    let cases = [
        "*".repeat(n),
        "*a ".repeat(n / 3),
        "_a_".repeat(n / 3) + &"*b".repeat(n / 2),
        "[".repeat(n) + &"]".repeat(n),
        "[a](".repeat(n / 4),
        "[](x \"".repeat(n / 6),
        "`".repeat(n / 2) + "a",
        (1..500).map(|i| "`".repeat(i) + " x ").collect::<String>(),
        "<!-- ".repeat(n / 5),
        "<a b=\"".repeat(n / 6),
        "<!X ".repeat(n / 4),
        "<?".repeat(n / 2),
        "> ".repeat(n / 2) + "x",
        "- ".repeat(n / 2) + "x",
        (0..2_000)
            .map(|i| format!("{}- x\n", " ".repeat(i)))
            .collect(),
        "[x]: y\n".repeat(n / 7),
        "a\n".repeat(n / 2),
        "| a |\n|---|\n".to_owned() + &"| b |\n".repeat(n / 6),
        "~~a ".repeat(n / 4),
        "![".repeat(n / 2) + &"](u)".repeat(n / 4),
    ];
    for md in &cases {
        let start = Instant::now();
        let out = render(md);
        let _ = sanitize(&out, Policy::Article, None);
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(15),
            "{:?}… took {took:?}",
            &md[..md.len().min(40)]
        );
    }
}

// Random Markdown punctuation and words, rendered by both: the same after sanitising. The alphabet has no tab
// (see KNOWN_DIFFERENCES).
#[test]
fn random_markdown_matches_pulldown_cmark() {
    const ALPHABET: &[&str] = &[
        "*",
        "_",
        "~",
        "`",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        "-",
        "+",
        "=",
        "|",
        ":",
        "\\",
        "\"",
        "'",
        " ",
        "  ",
        "\n",
        "\n\n",
        "1.",
        "a",
        "b",
        "é",
        "&amp;",
        "&#x41;",
        "http://",
        "@",
        ".",
        "    ",
        "```",
        "~~~",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "<a href=\"",
        "> ",
        "- ",
        "1) ",
        "x",
        "y",
        "[a]: /u\n",
        "**",
        "__",
        "~~",
        "](",
        "![",
        "<https://x.org>",
        "| a |",
        "|---|",
        "\n    ",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut failures = Vec::new();
    for _ in 0..30_000 {
        let len = 1 + (rng.next() % 16) as usize;
        let md: String = (0..len)
            .map(|_| ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize])
            .collect();
        let ours = sanitize(&render(&md), Policy::Article, None);
        let theirs = sanitize(&reference(&md), Policy::Article, None);
        if ours.as_str() != theirs.as_str() {
            failures.push(format!(
                "{md:?}\n  ours:   {:?}\n  theirs: {:?}",
                render(&md),
                reference(&md)
            ));
        }
    }
    failures.sort_by_key(String::len);
    assert!(
        failures.is_empty(),
        "{} differ, shortest:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

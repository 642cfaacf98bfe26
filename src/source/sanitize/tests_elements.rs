//! Attack cases, part 2: foreign content, raw-text breakouts, comments, dangerous elements and attributes,
//! structure. Each input must come out inert.

use super::tests::{com, inert};

// SVG with onload, script inside and a self-closing form.
#[test]
fn svg_payloads() {
    assert_eq!(inert("<svg onload=alert(1)><script>alert(1)</script><a xlink:href=javascript:x>t</a></svg>ok"), "ok");
    assert_eq!(inert("<svg/onload=alert(1)>hidden"), "");
    assert_eq!(inert("<svg/>ok"), "ok");
}

// MathML with a javascript link.
#[test]
fn math_payloads() {
    assert_eq!(
        inert("<math><mtext><a href=\"javascript:alert(1)\">t</a></mtext></math>ok"),
        "ok"
    );
}

// SVG nested in SVG: the skip counts nesting.
#[test]
fn svg_nested() {
    assert_eq!(
        inert("<svg><svg></svg><img src=x onerror=alert(1)></svg>ok"),
        "ok"
    );
}

// An unclosed svg inside a paragraph ends with the paragraph.
#[test]
fn svg_unclosed_in_paragraph() {
    assert_eq!(inert("<p>a<svg><g>b</p><p>c</p>"), "<p>a</p><p>c</p>");
}

// The classic noscript mutation: the title's content must not become markup for the browser.
#[test]
fn mxss_noscript_title() {
    let out = inert("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">");
    assert_eq!(
        out,
        "<img src=\"x\" loading=\"lazy\" decoding=\"async\">\"&gt;"
    );
}

// style raw text cannot be broken out of by markup inside it.
#[test]
fn style_breakout() {
    assert_eq!(inert("<style><img src=x onerror=alert(1)></style>ok"), "ok");
    assert_eq!(
        inert("<style>a{}</style><img src=\"x:\" onerror=alert(1)>"),
        ""
    );
}

// title and textarea (RCDATA) content is dropped, even when it looks like markup.
#[test]
fn rcdata_breakout() {
    assert_eq!(
        inert("<title><img src=x:a onerror=alert(1)></title>ok"),
        "ok"
    );
    assert_eq!(inert("<textarea></textarea ><b>ok</b>"), "<b>ok</b>");
    assert_eq!(
        inert("<textarea><script>alert(1)</script></textarea>ok"),
        "ok"
    );
}

// Comments vanish, including the `<!-->` form that ends immediately.
#[test]
fn comment_tricks() {
    assert_eq!(inert("<!--><img src=\"x:\" onerror=alert(1)>-->"), "--&gt;");
    assert_eq!(inert("<!-- <script>alert(1)</script> -->ok"), "ok");
    assert_eq!(inert("a<!-- unterminated <script>alert(1)</script>"), "a");
}

// Conditional comments and CDATA are comments to us.
#[test]
fn conditional_comments_and_cdata() {
    assert_eq!(
        inert("<!--[if IE]><script>alert(1)</script><![endif]-->ok"),
        "ok"
    );
    assert_eq!(
        inert("<![CDATA[<script>alert(1)</script>]]>ok"),
        "alert(1)]]&gt;ok"
    );
}

// iframe with srcdoc or src is dropped entirely.
#[test]
fn iframe_srcdoc() {
    assert_eq!(
        inert("<iframe srcdoc=\"<script>alert(1)</script>\" src=\"https://x.org\">t</iframe>ok"),
        "ok"
    );
}

// meta refresh, base href and link tags are void and dropped.
#[test]
fn document_level_tags() {
    assert_eq!(
        inert("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">ok"),
        "ok"
    );
    assert_eq!(
        inert("<base href=\"https://evil.example/\"><a href=\"/x\">t</a>"),
        "<a href=\"/x\">t</a>"
    );
    assert_eq!(inert("<link rel=stylesheet href=//evil.css>ok"), "ok");
}

// Forms: the form goes, buttons and inputs go whole, labels keep their text.
#[test]
fn form_button_formaction() {
    assert_eq!(
        inert("<form action=\"javascript:alert(1)\"><label>Name</label><input name=x><button formaction=javascript:alert(1)>Go</button></form>"),
        "Name"
    );
}

// No style attribute reaches the output, whatever it holds.
#[test]
fn style_attribute_dropped() {
    assert_eq!(
        inert("<p style=\"background:url(javascript:alert(1))\">t</p>"),
        "<p>t</p>"
    );
    assert_eq!(
        inert("<div style=\"width: expression(alert(1))\">t</div>"),
        "<div>t</div>"
    );
}

// id, name and class cannot clobber DOM globals or restyle the widget.
#[test]
fn clobbering_attributes_dropped() {
    assert_eq!(
        inert("<img src=\"https://x.org/a\" name=\"getElementById\" id=\"x\" class=\"c\">"),
        "<img src=\"https://x.org/a\" loading=\"lazy\" decoding=\"async\">"
    );
    assert_eq!(
        inert("<a href=\"/a\" id=\"location\" name=\"cookie\">t</a>"),
        "<a href=\"/a\">t</a>"
    );
}

// target=_blank is removed (tabnabbing) and rel is ours.
#[test]
fn target_blank_tabnabbing() {
    assert_eq!(
        inert("<a href=\"https://x.org\" target=\"_blank\" rel=\"opener\">t</a>"),
        "<a href=\"https://x.org\" rel=\"noopener noreferrer\">t</a>"
    );
}

// srcset, formaction, xlink:href, ping and friends never pass.
#[test]
fn other_url_attributes_dropped() {
    assert_eq!(
        inert("<img src=\"https://x.org/a\" srcset=\"javascript:x 1x\" usemap=#m longdesc=javascript:x>"),
        "<img src=\"https://x.org/a\" loading=\"lazy\" decoding=\"async\">"
    );
    assert_eq!(
        inert("<a href=/a ping=//evil xlink:href=javascript:x download>t</a>"),
        "<a href=\"/a\">t</a>"
    );
}

// `>` inside a quoted value does not end the tag.
#[test]
fn gt_inside_quotes() {
    assert_eq!(
        inert("<p title=\"a>b\" onclick=\"x\">t</p>"),
        "<p title=\"a&gt;b\">t</p>"
    );
    assert_eq!(
        inert("<p title='a\"><script>alert(1)</script>'>t</p>"),
        "<p title=\"a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</p>"
    );
}

// A tag cut off by the end of input is dropped, as in a browser.
#[test]
fn unterminated_tag() {
    assert_eq!(inert("ok<img src=x onerror=\"alert(1)"), "ok");
}

// object, embed and applet are dropped whole.
#[test]
fn plugins() {
    assert_eq!(
        inert("<object data=\"javascript:alert(1)\"><param name=x>t</object><embed src=x.swf>ok"),
        "ok"
    );
    assert_eq!(inert("<applet code=x>t</applet>ok"), "ok");
}

// template content never renders.
#[test]
fn template_dropped() {
    assert_eq!(
        inert("<template><img src=x onerror=alert(1)></template>ok"),
        "ok"
    );
}

// Media and canvas elements are dropped with their fallback content.
#[test]
fn media_dropped() {
    assert_eq!(
        inert(
            "<video src=x onerror=alert(1)><source src=y>fallback</video><audio><track></audio>ok"
        ),
        "ok"
    );
}

// Nested unclosed formatting tags are all closed.
#[test]
fn nested_unclosed() {
    assert_eq!(inert("<b><i><u>t"), "<b><i><u>t</u></i></b>");
    assert_eq!(inert("<p><b>t</p>u"), "<p><b>t</b></p>u");
}

// Stray and mismatched end tags cannot close what we did not open.
#[test]
fn stray_end_tags() {
    assert_eq!(inert("</div></p>a</b><b>c</i>d</b>"), "a<b>cd</b>");
}

// Unknown and custom elements are unwrapped: text kept, tag gone.
#[test]
fn unknown_elements_unwrapped() {
    assert_eq!(
        inert("<font color=red><center>a</center></font><x-widget onclick=x>b</x-widget>"),
        "ab"
    );
}

// Characters are escaped in text, so a decoded `&lt;` never becomes a tag.
#[test]
fn decoded_lt_is_escaped() {
    assert_eq!(
        inert("<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
    );
}

// Attribute values with quotes cannot break out of our double quotes.
#[test]
fn quote_breakout_in_values() {
    assert_eq!(
        inert("<abbr title='x\" onmouseover=\"alert(1)'>t</abbr>"),
        "<abbr title=\"x&quot; onmouseover=&quot;alert(1)\">t</abbr>"
    );
}

// Backtick-quoted values (old IE) are not quotes: the value is a plain unquoted word.
#[test]
fn backtick_values() {
    assert_eq!(inert("<img src=`x:y` onerror=`alert(1)`>"), "");
}

// A link whose entity-hidden href is safe keeps working, with rel.
#[test]
fn encoded_safe_href() {
    assert_eq!(
        inert("<a href=\"https&#58;//x.org/?a=1&amp;b=2\">t</a>"),
        "<a href=\"https://x.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">t</a>"
    );
}

// `<noembed>`, `<noframes>`, `<xmp>` and `<plaintext>` are raw text to a browser: nothing inside is shown.
#[test]
fn other_raw_text_elements() {
    assert_eq!(
        inert("<noembed><img src=x:a></noembed><noframes><b>x</b></noframes><xmp><b>y</b></xmp>ok"),
        "ok"
    );
    assert_eq!(inert("ok<plaintext></plaintext><b>x</b>"), "ok");
}

// The frameset/frame/head family is dropped.
#[test]
fn frames_and_head() {
    assert_eq!(inert("<head><title>x</title><script>y</script></head><frameset><frame src=javascript:x></frameset>ok"), "ok");
}

// dir only takes its three values; lang is a tag, not markup.
#[test]
fn global_attribute_values() {
    assert_eq!(
        inert("<p dir=\"rtl\" lang=\"ar\">t</p><p dir=\"x\" lang=\"a b\">u</p>"),
        "<p lang=\"ar\" dir=\"rtl\">t</p><p>u</p>"
    );
}

// Comment policy: images become alt text, headings shrink, links get ugc/nofollow.
#[test]
fn comment_policy() {
    assert_eq!(com("<h1>t</h1><h5>u</h5>"), "<h4>t</h4><h5>u</h5>");
    assert_eq!(
        com("<img src=\"https://tracker.example/p.gif\" alt=\"a &amp; b\">"),
        "a &amp; b"
    );
    assert_eq!(
        com("<a href=\"/x\">t</a>"),
        "<a href=\"/x\" rel=\"ugc nofollow noopener noreferrer\">t</a>"
    );
    assert_eq!(
        com("<figure><img src=\"https://x.org/a\" alt=\"A\"><figcaption>c</figcaption></figure>"),
        "Ac"
    );
}

// A link inside a link: the browser would close the first; we do it ourselves.
#[test]
fn nested_links() {
    assert_eq!(
        inert("<a href=/a>x<a href=/b>y</a>z</a>"),
        "<a href=\"/a\">x</a><a href=\"/b\">y</a>z"
    );
}

// Depth is capped: deeper tags are flattened but their text kept.
#[test]
fn depth_cap() {
    let html = format!("{}deep{}", "<span>".repeat(200), "</span>".repeat(200));
    let out = inert(&html);
    assert_eq!(out.matches("<span>").count(), super::tree::MAX_DEPTH);
    assert!(out.contains("deep"));
}

//! Attack cases, part 1: scripts, event handlers and URL schemes. Each input must come out inert.

use super::tests::inert;

// Plain script tags vanish with their content.
#[test]
fn script_plain() {
    assert_eq!(inert("a<script>alert(1)</script>b"), "ab");
}

// Script in mixed case, with attributes and a spaced end tag.
#[test]
fn script_mixed_case() {
    assert_eq!(
        inert("a<ScRiPt type=\"text/javascript\">alert(1)</sCrIpT >b"),
        "ab"
    );
}

// An unclosed script swallows the rest, as in a browser; nothing leaks.
#[test]
fn script_unclosed() {
    assert_eq!(inert("a<script>alert(1)<p>b</p>"), "a");
}

// A self-closed script is still a script.
#[test]
fn script_self_closing() {
    assert_eq!(inert("a<script src=//evil.js />alert(1)</script>b"), "ab");
}

// Entity-encoded tags are text, shown literally and re-escaped.
#[test]
fn script_entity_encoded_is_text() {
    assert_eq!(
        inert("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    );
}

// Double-encoded script stays double text.
#[test]
fn script_double_encoded() {
    assert_eq!(inert("&amp;lt;script&amp;gt;"), "&amp;lt;script&amp;gt;");
}

// A script tag split by a NUL or a broken-up name is an unknown tag to us and to the browser.
#[test]
fn script_split_names() {
    assert_eq!(
        inert("<scr<script>ipt>alert(1)</script>"),
        "ipt&gt;alert(1)"
    );
    assert_eq!(inert("<scr\0ipt>alert(1)</scr\0ipt>"), "alert(1)");
}

// `<script>` inside an attribute value is just escaped text of the value.
#[test]
fn script_in_attribute_value() {
    assert_eq!(
        inert("<p title=\"<script>alert(1)</script>\">x</p>"),
        "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">x</p>"
    );
}

// onerror on an image is dropped; the image stays.
#[test]
fn handler_onerror() {
    assert_eq!(
        inert("<img src=\"https://x.org/a.png\" onerror=\"alert(1)\">"),
        "<img src=\"https://x.org/a.png\" loading=\"lazy\" decoding=\"async\">"
    );
}

// Upper-case handler names are dropped as well.
#[test]
fn handler_upper_case() {
    assert_eq!(inert("<p ONLOAD=alert(1) OnClick='x'>t</p>"), "<p>t</p>");
}

// Unquoted handler values, several handlers.
#[test]
fn handler_unquoted() {
    assert_eq!(
        inert("<b onmouseover=alert(1) onfocus=alert(2)>t</b>"),
        "<b>t</b>"
    );
}

// Slashes do not smuggle handlers past us.
#[test]
fn handler_slash_tricks() {
    assert_eq!(inert("<p/onload=alert(1)>t</p>"), "<p>t</p>");
    assert_eq!(
        inert("<img/src=\"https://x.org/a\"/onerror=alert(1)>"),
        "<img src=\"https://x.org/a\" loading=\"lazy\" decoding=\"async\">"
    );
}

// Handlers glued to the previous attribute's quote.
#[test]
fn handler_after_quote() {
    assert_eq!(
        inert("<span title=\"a\"onmouseover=\"alert(1)\">t</span>"),
        "<span title=\"a\">t</span>"
    );
}

// An image without a safe src is dropped, whatever its handlers.
#[test]
fn img_src_x_onerror() {
    assert_eq!(inert("<img src=x: onerror=alert(1)>"), "");
}

// A relative src without a base is kept relative; the handler goes.
#[test]
fn img_relative_src() {
    assert_eq!(
        inert("<img src=x onerror=alert(1)>"),
        "<img src=\"x\" loading=\"lazy\" decoding=\"async\">"
    );
}

// Plain javascript: links lose their link, keep their text.
#[test]
fn js_href_plain() {
    assert_eq!(inert("<a href=\"javascript:alert(1)\">t</a>"), "t");
}

// Decimal entity for the first letter.
#[test]
fn js_href_decimal_entity() {
    assert_eq!(inert("<a href=\"&#106;avascript:alert(1)\">t</a>"), "t");
}

// Hex entities, with and without semicolons, zero-padded.
#[test]
fn js_href_hex_entities() {
    assert_eq!(inert("<a href=\"&#x6A;avascript:alert(1)\">t</a>"), "t");
    assert_eq!(inert("<a href=\"&#x6A&#x61vascript:alert(1)\">t</a>"), "t");
    assert_eq!(inert("<a href=\"&#0000106;avascript:alert(1)\">t</a>"), "t");
}

// An encoded tab inside the scheme.
#[test]
fn js_href_encoded_tab() {
    assert_eq!(inert("<a href=\"jav&#x09;ascript:alert(1)\">t</a>"), "t");
    assert_eq!(inert("<a href=\"jav&Tab;ascript:alert(1)\">t</a>"), "t");
}

// A literal newline, tab and leading spaces around the scheme.
#[test]
fn js_href_whitespace() {
    assert_eq!(inert("<a href=\"java\nscript:alert(1)\">t</a>"), "t");
    assert_eq!(inert("<a href=\"  \tjavascript:alert(1)\">t</a>"), "t");
}

// The colon as a named entity.
#[test]
fn js_href_colon_entity() {
    assert_eq!(inert("<a href=\"javascript&colon;alert(1)\">t</a>"), "t");
    assert_eq!(
        inert("<a href=\"javascript&#58;alert&lpar;1&rpar;\">t</a>"),
        "t"
    );
}

// Mixed case and unquoted.
#[test]
fn js_href_mixed_case_unquoted() {
    assert_eq!(inert("<a href=JaVaScRiPt:alert(1)>t</a>"), "t");
}

// vbscript: and livescript: are refused too.
#[test]
fn vbscript_href() {
    assert_eq!(
        inert("<a href=\"vbscript:msgbox(1)\">t</a><a href=\"livescript:x\">u</a>"),
        "tu"
    );
}

// data: URLs are neither links nor images.
#[test]
fn data_urls() {
    assert_eq!(
        inert("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">t</a>"),
        "t"
    );
    assert_eq!(
        inert("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">"),
        ""
    );
}

// javascript: in blockquote/q cite is dropped, the quote stays.
#[test]
fn js_cite() {
    assert_eq!(inert("<q cite=\"javascript:alert(1)\">t</q>"), "<q>t</q>");
}

use super::*;

fn tokens(src: &str) -> Vec<String> {
    let mut t = Tokenizer::new(src);
    let mut attrs = Vec::new();
    let mut out = Vec::new();
    while let Some(tok) = t.next_token(&mut attrs) {
        out.push(match tok {
            Token::Text(s) => format!("T({s})"),
            Token::Start { name, self_closing } => {
                let a: Vec<String> = attrs
                    .iter()
                    .map(|a| format!("{}={}", a.name, a.value))
                    .collect();
                format!(
                    "S({name}{}{})",
                    if self_closing { "/" } else { "" },
                    a.join(",")
                )
            }
            Token::End { name } => format!("E({name})"),
        });
    }
    out
}

// Quoted, unquoted and bare attributes, with `>` inside quotes.
#[test]
fn attributes() {
    assert_eq!(
        tokens(r#"<a href="x>y" title='q' data=u bare>t</a>"#),
        ["S(ahref=x>y,title=q,data=u,bare=)", "T(t)", "E(a)"]
    );
}

// `<img/onerror=x>` and `<img src=x/onerror=y>`: slashes do not hide attributes from a browser, nor from us.
#[test]
fn slash_tricks() {
    assert_eq!(tokens("<img/onerror=x>"), ["S(imgonerror=x)"]);
    assert_eq!(tokens("<br/>"), ["S(br/)"]);
}

// Comments of every shape vanish, including `<!-->` and unterminated ones.
#[test]
fn comments() {
    assert_eq!(
        tokens("a<!-->b<!--->c<!-- x -->d<!-- y --!>e<!-- z"),
        ["T(a)", "T(b)", "T(c)", "T(d)", "T(e)"]
    );
    assert_eq!(tokens("<!doctype html><?xml x?></ 3>a"), ["T(a)"]);
}

// A '<' that starts no tag is text; a tag cut off by the end of input is dropped.
#[test]
fn stray_angle_brackets() {
    assert_eq!(tokens("1 < 2 <3"), ["T(1 )", "T(< 2 )", "T(<3)"]);
    assert_eq!(tokens("a<b title=\"x"), ["T(a)"]);
    assert_eq!(tokens("a</"), ["T(a)", "T(</)"]);
}

// Raw-text content is skipped up to its end tag, whatever case it is written in.
#[test]
fn raw_text() {
    assert_eq!(
        tokens("<ScRiPt>x</p>y</sCrIpT >z"),
        ["S(ScRiPt)", "E(sCrIpT)", "T(z)"]
    );
    assert_eq!(
        tokens("<style>a</styles></style>b"),
        ["S(style)", "E(style)", "T(b)"]
    );
    assert_eq!(tokens("<plaintext>a</plaintext>b"), ["S(plaintext)"]);
    assert_eq!(tokens("<title>never closed"), ["S(title)"]);
}

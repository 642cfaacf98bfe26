//! Language negotiation, plural rules and the completeness of every table.

use super::*;

// Regional tags fall back to their language; unknown ones to the next candidate, then English.
#[test]
fn negotiation() {
    assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("AR_eg"), Some(Lang::Ar));
    assert_eq!(Lang::negotiate(["de", "pt-BR", "en"]), Lang::Pt);
    assert_eq!(Lang::negotiate(["zz"]), Lang::En);
}

// Plural forms follow CLDR: Arabic's six forms, French's singular zero.
#[test]
fn plurals() {
    assert_eq!(Lang::En.comment_count(1), "1 comment");
    assert_eq!(Lang::En.comment_count(0), "0 comments");
    assert_eq!(Lang::Fr.plural(0), 1);
    assert_eq!(
        [0, 1, 2, 5, 11, 100].map(|n| Lang::Ar.plural(n)),
        [0, 1, 2, 3, 4, 5]
    );
}

// Every string of every language is filled in and keeps English's placeholders. (A key left out of a table does
// not get this far: the tables are struct literals, so it fails to compile.)
#[test]
fn translations_complete() {
    let en = Lang::En.strings().entries();
    for lang in Lang::ALL {
        let entries = lang.strings().entries();
        assert_eq!(
            entries.len(),
            en.len(),
            "{lang:?} has as many strings as English"
        );
        for (&(key, form, text), &(_, _, en_text)) in entries.iter().zip(&en) {
            assert!(!text.trim().is_empty(), "{lang:?}.{key} {form:?} is empty");
            for ph in ["{n}", "{name}", "{network}"] {
                // Arabic may write "no …", "one …", "two …" as words, without the number.
                let wordy = ph == "{n}" && lang == Lang::Ar && form.is_some_and(|f| f <= 2);
                if !wordy {
                    assert_eq!(
                        en_text.contains(ph),
                        text.contains(ph),
                        "{lang:?}.{key} {form:?} placeholder {ph}"
                    );
                }
            }
        }
    }
}

// The test above sees every key: one entry per text and six per plural, none twice.
#[test]
fn entries_cover_every_key_once() {
    let entries = Lang::En.strings().entries();
    let mut keys: Vec<_> = entries.iter().map(|&(k, f, _)| (k, f)).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), entries.len());
    for key in [
        "comments_count",
        "new_comments",
        "loading_article",
        "read_only_platform",
    ] {
        assert!(entries.iter().any(|&(k, _, _)| k == key), "{key}");
    }
    assert_eq!(
        entries
            .iter()
            .filter(|&&(k, _, _)| k == "more_replies")
            .count(),
        6
    );
}

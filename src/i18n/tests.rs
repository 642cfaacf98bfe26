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
    let en = Lang::En.table().entries();
    for lang in Lang::ALL {
        let entries = lang.table().entries();
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
    let entries = Lang::En.table().entries();
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

// A language file (what the build writes for the embed's loader) holds every string of its table, in the order
// `from_texts` reads them back: the table read from the file is the compiled-in one, string for string.
#[test]
fn language_files_read_back_as_their_tables() {
    for lang in Lang::ALL {
        let json = lang.table().to_json();
        let items: Vec<String> = serde_json::from_str(&json).expect("a JSON array of strings");
        assert_eq!(items.len(), lang.table().texts().len(), "{lang:?}");
        assert_eq!(
            items.len(),
            Strings::LEN,
            "{lang:?}: the length a file is checked against"
        );
        let mut texts = items
            .iter()
            .map(|s| &*Box::leak(s.clone().into_boxed_str()));
        let read = Strings::from_texts(&mut texts).expect("as many strings as keys");
        assert_eq!(read.entries(), lang.table().entries(), "{lang:?}");
    }
}

// A file with a string too few or too many is not a table (a file of another build): nothing is read.
#[test]
fn a_file_of_the_wrong_length_is_refused() {
    let texts = Lang::Es.table().texts();
    let short = &texts[..texts.len() - 1];
    assert!(Strings::from_texts(&mut short.iter().copied()).is_none());
    let long = texts.iter().copied().chain(["extra"]);
    assert!(Strings::from_texts(&mut long.into_iter()).is_none());
    assert!(Strings::from_texts(&mut texts.iter().copied()).is_some());
}

// Without the `languages` feature (the embed's modules), a language shows English until its file is installed,
// then its own words; a broken file changes nothing. `install` leaks its table: a thread of its own keeps the
// other tests' languages as they were.
#[cfg(not(feature = "languages"))]
#[test]
fn installed_languages_replace_english() {
    std::thread::spawn(|| {
        assert_eq!(Lang::Fr.strings().retry, Lang::En.table().retry);
        for bad in ["{not json", "{\"a\": 1}", "[\"too few\"]"] {
            assert!(!Lang::Fr.install(bad), "{bad}");
        }
        // A number among the strings: as long as the table, but not a table.
        let mut texts: Vec<serde_json::Value> = Lang::Fr
            .table()
            .texts()
            .into_iter()
            .map(Into::into)
            .collect();
        texts[3] = 7.into();
        assert!(!Lang::Fr.install(&serde_json::Value::from(texts).to_string()));
        assert_eq!(Lang::Fr.strings().retry, "Try again");

        assert!(Lang::Fr.install(&Lang::Fr.table().to_json()));
        assert_eq!(Lang::Fr.strings().entries(), Lang::Fr.table().entries());
        assert_eq!(Lang::Fr.comment_count(0), "0 commentaire");
        // Installed once: a second file changes nothing.
        assert!(Lang::Fr.install(&Lang::Es.table().to_json()));
        assert_eq!(Lang::Fr.strings().retry, Lang::Fr.table().retry);
        assert_eq!(Lang::Es.strings().retry, "Try again");
    })
    .join()
    .expect("the test thread");
}

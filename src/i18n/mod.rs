//! The widget's own words, in every language Folio ships. Pure data plus plural rules, so it is tested natively.
//! Dates are not here: the browser's `Intl` formats them for the reader's locale.

mod strings;

pub use strings::Strings;

/// A language Folio's interface is translated into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// French.
    Fr,
    /// Arabic (right to left).
    Ar,
}

impl Lang {
    /// Every shipped language.
    pub const ALL: [Lang; 5] = [Self::En, Self::Es, Self::Pt, Self::Fr, Self::Ar];

    /// The best shipped language for a BCP 47 tag (`es-MX` → Spanish); `None` when none fits.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first shipped language among the candidates (attribute, host page, browser), English otherwise.
    pub fn negotiate<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        candidates
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    /// The language's primary subtag.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Pt => "pt",
            Self::Fr => "fr",
            Self::Ar => "ar",
        }
    }

    /// Whether the interface is laid out right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The interface strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::En => &strings::EN,
            Self::Es => &strings::ES,
            Self::Pt => &strings::PT,
            Self::Fr => &strings::FR,
            Self::Ar => &strings::AR,
        }
    }

    /// CLDR plural category index of `n` for this language: 0 zero, 1 one, 2 two, 3 few, 4 many, 5 other.
    pub fn plural(self, n: usize) -> usize {
        match self {
            Self::Ar => match n {
                0 => 0,
                1 => 1,
                2 => 2,
                _ if (3..=10).contains(&(n % 100)) => 3,
                _ if (11..=99).contains(&(n % 100)) => 4,
                _ => 5,
            },
            // French and Portuguese treat 0 as singular; Spanish and English do not.
            Self::Fr | Self::Pt if n <= 1 => 1,
            _ if n == 1 => 1,
            _ => 5,
        }
    }

    /// "N comments", with the right plural form.
    pub fn comment_count(self, n: usize) -> String {
        fill(self.strings().comments_count[self.plural(n)], n)
    }

    /// "N replies hidden"-style counts and other plurals share one shape: six CLDR forms with `{n}`.
    pub fn plural_text(self, forms: &[&str; 6], n: usize) -> String {
        fill(forms[self.plural(n)], n)
    }
}

/// Replace `{n}` in a template.
pub fn fill(template: &str, n: usize) -> String {
    template.replace("{n}", &n.to_string())
}

/// Replace `{name}` in a template.
pub fn fill_name(template: &str, name: &str) -> String {
    template.replace("{name}", name)
}

#[cfg(test)]
mod tests {
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

    // Every language has every string filled in, and placeholders survive translation.
    #[test]
    fn translations_complete() {
        for lang in Lang::ALL {
            let s = lang.strings();
            for (i, form) in s.comments_count.iter().enumerate() {
                assert!(!form.is_empty(), "{lang:?} comments_count[{i}]");
                assert!(
                    form.contains("{n}") || lang.plural_has_no_number(i),
                    "{lang:?} form {i}: {form}"
                );
            }
            for (key, text) in s.all() {
                assert!(!text.trim().is_empty(), "{lang:?}.{key} is empty");
                let en = Lang::En
                    .strings()
                    .all()
                    .into_iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, t)| t)
                    .unwrap_or("");
                for ph in ["{n}", "{name}", "{network}"] {
                    assert_eq!(
                        en.contains(ph),
                        text.contains(ph),
                        "{lang:?}.{key} placeholder {ph}"
                    );
                }
            }
        }
    }

    impl Lang {
        /// Arabic writes "no comments", "one comment", "two comments" as words without a number.
        fn plural_has_no_number(self, form: usize) -> bool {
            self == Lang::Ar && form <= 2
        }
    }
}

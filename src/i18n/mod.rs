//! The widget's own words, in every language Folio ships. Pure data plus plural rules, so it is tested natively.
//! Each language is a table in its own file (`en.rs`, `es.rs`, …); English's declares the keys (see `table.rs`).
//! Dates are not here: the browser's `Intl` formats them for the reader's locale.

// The macros first: `en` declares the keys (and `Strings`) through them, the other tables fill them in.
#[macro_use]
mod table;
mod ar;
mod en;
mod es;
mod fr;
mod pt;
#[cfg(test)]
mod tests;

pub use en::Strings;

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
            Self::En => &en::EN,
            Self::Es => &es::ES,
            Self::Pt => &pt::PT,
            Self::Fr => &fr::FR,
            Self::Ar => &ar::AR,
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

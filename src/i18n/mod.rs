//! The widget's own words, in every language Folio ships. Pure data plus plural rules, so it is tested natively.
//! Each language is a table in its own file (`en.rs`, `es.rs`, …); English's declares the keys (see `table.rs`).
//! Dates are not here: the browser's `Intl` formats them for the reader's locale.
//!
//! With the `languages` feature (the default: the SPA, the server, a Yew app) every table is compiled in. The
//! embed's modules are built without it and carry English only: the build writes each other language to a file
//! of its own (`folio-strings-<code>-<hash>.json`, from these tables: the `folio_strings` example), the loader
//! fetches the reader's, pinned by its SRI hash, and hands it over ([`Lang::install`]) before the reader draws.
//! That keeps 5.7 KB brotli of other languages' words out of every page, and a new language out of the module.

// The macros first: `en` declares the keys (and `Strings`) through them, the other tables fill them in.
#[macro_use]
mod table;
#[cfg(any(feature = "languages", test))]
mod ar;
mod en;
#[cfg(any(feature = "languages", test))]
mod es;
#[cfg(any(feature = "languages", test))]
mod fr;
#[cfg(not(feature = "languages"))]
mod installed;
#[cfg(any(feature = "languages", test))]
mod pt;
#[cfg(test)]
mod tests;

pub use en::Strings;

impl Strings {
    /// The text of this table's language file: its strings as a JSON array, in [`Strings::texts`] order.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.texts()).unwrap_or_default()
    }
}

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

    /// The interface strings. Without the `languages` feature, English's until the language's file is
    /// [installed](Lang::install).
    // Not inlined: without `languages` it reads a thread-local table, which fifty call sites would each carry.
    #[cfg_attr(not(feature = "languages"), inline(never))]
    pub fn strings(self) -> &'static Strings {
        #[cfg(feature = "languages")]
        return self.table();
        #[cfg(not(feature = "languages"))]
        return installed::get(self).unwrap_or(&en::EN);
    }

    /// The table compiled in for this language.
    #[cfg(any(feature = "languages", test))]
    pub fn table(self) -> &'static Strings {
        match self {
            Self::En => &en::EN,
            Self::Es => &es::ES,
            Self::Pt => &pt::PT,
            Self::Fr => &fr::FR,
            Self::Ar => &ar::AR,
        }
    }

    /// Takes this language's strings from the text of its file: a JSON array of strings in [`Strings::texts`]
    /// order, as [`Strings::to_json`] writes it. They stay for the page's life (at most four tables). Returns
    /// whether the language's strings are now in use; `false` when the text is not such an array (a file of
    /// another build), and the interface stays in English. With the `languages` feature every table is
    /// compiled in and nothing is read.
    pub fn install(self, json: &str) -> bool {
        #[cfg(feature = "languages")]
        {
            let _ = json;
            true
        }
        #[cfg(not(feature = "languages"))]
        installed::install(self, json)
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

//! The two macros that turn a language's table into a `static Strings`.
//!
//! The keys are declared once, by the English table (`en.rs`, through `declare_strings!`): it defines the
//! [`Strings`](super::Strings) struct, one field per key, documented with its English text. Every other language
//! is a `strings_table!` that expands to a struct literal of that type, so a key missing from a table, a key
//! that does not exist, or a plural with other than six forms is a compile error, not a blank in the interface.
//! The strings stay `&'static str` in static data: nothing is parsed or allocated at run time, except in a build
//! without the `languages` feature (the embed's modules), which reads the other languages from their files
//! ([`Lang::install`](super::Lang::install)) through [`Strings::from_texts`](super::Strings::from_texts).

/// Declares `Strings` (one field per key) and the English table `EN`, from English's own table.
///
/// `plurals` hold the six CLDR forms (zero, one, two, few, many, other) with `{n}`; `texts` hold one string.
macro_rules! declare_strings {
    (
        plurals { $( $(#[$pdoc:meta])* $plural:ident: [$($form:literal),+ $(,)?], )* }
        texts { $( $(#[$tdoc:meta])* $text:ident: $en:literal, )* }
    ) => {
        /// Every string of the interface, in one language. `{n}`, `{name}` and `{network}` are filled in at run
        /// time ([`fill`](super::fill), [`fill_name`](super::fill_name)).
        #[derive(Clone, Debug)]
        pub struct Strings {
            $(
                $(#[$pdoc])*
                #[doc = ""]
                #[doc = "Six CLDR plural forms (zero, one, two, few, many, other), picked by [`Lang::plural`](super::Lang::plural)."]
                pub $plural: [&'static str; 6],
            )*
            $(
                $(#[$tdoc])*
                #[doc = concat!("English: `", $en, "`")]
                pub $text: &'static str,
            )*
        }

        /// English, the language the keys are declared in.
        pub static EN: Strings = Strings {
            $( $plural: [$($form),+], )*
            $( $text: $en, )*
        };

        #[cfg(test)]
        impl Strings {
            /// Every string with its key and, for plurals, its form index: the tests compare languages by these.
            pub(crate) fn entries(&self) -> Vec<(&'static str, Option<usize>, &'static str)> {
                let mut all = Vec::new();
                $( all.extend(self.$plural.iter().enumerate().map(|(i, s)| (stringify!($plural), Some(i), *s))); )*
                $( all.push((stringify!($text), None, self.$text)); )*
                all
            }
        }

        impl Strings {
            /// How many strings a table holds: six per plural, one per text (a language file's length).
            pub const LEN: usize = [$(stringify!($plural)),*].len() * 6 + [$(stringify!($text)),*].len();

            /// Every string in the order of a language file: each plural's six forms, then the texts, as `en.rs`
            /// declares them.
            pub fn texts(&self) -> Vec<&'static str> {
                let mut all = Vec::new();
                $( all.extend_from_slice(&self.$plural); )*
                $( all.push(self.$text); )*
                all
            }

            /// The table of a language file's strings, in [`Strings::texts`] order; `None` when there are fewer or
            /// more than the keys.
            pub fn from_texts(texts: &mut dyn Iterator<Item = &'static str>) -> Option<Box<Strings>> {
                // Filled in place, one call per key: built as a value, the table's 170 strings went through as
                // many locals before being stored (7 KB of wasm).
                let mut table = Box::new(EN.clone());
                let mut complete = true;
                $( for slot in &mut table.$plural {
                    $crate::i18n::table::fill(slot, texts, &mut complete);
                } )*
                $( $crate::i18n::table::fill(&mut table.$text, texts, &mut complete); )*
                (complete && texts.next().is_none()).then_some(table)
            }
        }
    };
}

/// Puts the next string into `slot`, or clears `complete` when there is none:
/// [`Strings::from_texts`](super::Strings::from_texts) calls it once per key. Not inlined, so that each key costs
/// one call.
#[inline(never)]
pub(crate) fn fill(
    slot: &mut &'static str,
    texts: &mut dyn Iterator<Item = &'static str>,
    complete: &mut bool,
) {
    match texts.next() {
        Some(text) => *slot = text,
        None => *complete = false,
    }
}

/// One language's table: `strings_table! { /// doc  NAME; key: "text", plural_key: [six forms], … }` becomes
/// `pub static NAME: Strings`. Every key of `Strings` must appear exactly once (the compiler checks).
#[cfg_attr(not(any(feature = "languages", test)), allow(unused_macros))]
macro_rules! strings_table {
    ( $(#[$doc:meta])* $name:ident; $( $key:ident: $value:expr, )* ) => {
        $(#[$doc])*
        pub static $name: super::Strings = super::Strings { $( $key: $value, )* };
    };
}

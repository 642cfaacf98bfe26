//! What a host configures: the same settings whether they come from `<folio-reader>` attributes, SPA URL
//! parameters or a Yew prop. Validated once, here, with messages prefixed `folio:`.

use yew::AttrValue;

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The value of the `data-theme` attribute the stylesheet keys on.
    pub fn as_attr(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// Which comment avatars load: a picture from another host tells that host who reads the page, and a host page
/// with a strict `img-src` would report it. Declined avatars show the author's initial.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Images {
    /// Only from the API's own origin (the article `src`'s): no third party learns of the reader.
    #[default]
    SameOrigin,
    /// From any http(s) host the API names (Gravatar for WordPress…).
    All,
    /// None: initials only.
    None,
}

impl Images {
    /// Whether an avatar at `image` (an absolute URL) may load, for an API whose origin is `api_origin`.
    pub fn allows(self, image: &str, api_origin: Option<&str>) -> bool {
        match self {
            Self::All => true,
            Self::None => false,
            Self::SameOrigin => api_origin
                .is_some_and(|api| crate::source::url::origin_of(image).as_deref() == Some(api)),
        }
    }
}

/// Everything a host can set. Only `src` is required.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReaderConfig {
    /// URL of the article document.
    pub src: AttrValue,
    /// URL of the comment list; without it, the article's own `comments` link is used.
    pub comments: Option<AttrValue>,
    /// Interface language (BCP 47); without it, the host page's `<html lang>`, then the browser's.
    pub lang: Option<AttrValue>,
    /// Colour scheme.
    pub theme: Theme,
    /// A shipped mapping's name.
    pub preset: Option<AttrValue>,
    /// A mapping document: a URL, or the JSON itself.
    pub mapping: Option<AttrValue>,
    /// Which comment avatars load (`images="same-origin|all|none"`).
    pub images: Images,
}

impl ReaderConfig {
    /// A configuration for the article at `src`, everything else by default.
    pub fn new(src: impl Into<AttrValue>) -> Self {
        Self {
            src: src.into(),
            ..Self::default()
        }
    }

    /// Build from `name → value` pairs (element attributes or URL parameters). Unknown names are ignored, so hosts
    /// can carry their own; bad values are refused with a message that names the setting and what it accepts.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, String> {
        let mut config = Self::default();
        let mut src = None;
        for (name, value) in pairs {
            let value = value.trim();
            let some = || (!value.is_empty()).then(|| AttrValue::from(value.to_string()));
            match name {
                "src" => src = some(),
                "comments" => config.comments = some(),
                "lang" => config.lang = some(),
                "preset" => config.preset = some(),
                "mapping" => config.mapping = some(),
                "theme" => {
                    config.theme = match value {
                        "" | "auto" => Theme::Auto,
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        other => {
                            return Err(format!(
                                "folio: theme \"{other}\" is not one of auto, light, dark"
                            ))
                        }
                    }
                }
                "images" => {
                    config.images = match value {
                        "" | "same-origin" => Images::SameOrigin,
                        "all" => Images::All,
                        "none" => Images::None,
                        other => {
                            return Err(format!(
                                "folio: images \"{other}\" is not one of same-origin, all, none"
                            ))
                        }
                    }
                }
                _ => {}
            }
        }
        config.src = src.ok_or("folio: the src attribute (the article's URL) is required")?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every documented setting is read; blank values count as absent.
    #[test]
    fn reads_all_settings() {
        let c = ReaderConfig::from_pairs([
            ("src", " a.json "),
            ("comments", "c.json"),
            ("lang", "es"),
            ("theme", "dark"),
            ("preset", ""),
            ("other", "x"),
        ])
        .expect("valid");
        assert_eq!(c.src, "a.json");
        assert_eq!(c.comments.as_deref(), Some("c.json"));
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.preset, None);
    }

    // Avatars: same-origin by default (only the API's origin), all, or none; anything else is refused.
    #[test]
    fn image_policy() {
        let read = |v| ReaderConfig::from_pairs([("src", "a"), ("images", v)]).map(|c| c.images);
        assert_eq!(read(""), Ok(Images::SameOrigin));
        assert_eq!(read("all"), Ok(Images::All));
        assert_eq!(read("none"), Ok(Images::None));
        assert!(read("some").is_err_and(|e| e.contains("same-origin, all, none")));
        let api = Some("https://api.example");
        let same = Images::SameOrigin;
        assert!(same.allows("https://api.example/avatars/a.png", api));
        assert!(!same.allows("https://gravatar.com/avatar/x", api));
        assert!(
            !same.allows("http://api.example/a.png", api),
            "another scheme"
        );
        assert!(
            !same.allows("https://api.example:8443/a.png", api),
            "another port"
        );
        assert!(
            !same.allows("https://api.example/a.png", None),
            "no API origin known"
        );
        assert!(Images::All.allows("https://gravatar.com/avatar/x", api));
        assert!(!Images::None.allows("https://api.example/a.png", api));
    }

    // A missing src and an unknown theme are refused with a message prefixed `folio:`.
    #[test]
    fn refuses_bad_settings() {
        let e = ReaderConfig::from_pairs([("theme", "auto")]).expect_err("no src");
        assert!(e.starts_with("folio:") && e.contains("src"));
        let e = ReaderConfig::from_pairs([("src", "a"), ("theme", "blue")]).expect_err("bad theme");
        assert!(e.contains("blue"));
    }
}

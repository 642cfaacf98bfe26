//! What the reader chose for their reading: text size and colour theme. Remembered per reader (the hooks keep them
//! in `localStorage`); the host's `theme` is only the default, so the reader's own choice wins.

use crate::config::Theme;

/// The three text sizes of the article's body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    /// 0.9 × the body's size.
    Small,
    /// The body's own size.
    #[default]
    Medium,
    /// 1.2 × the body's size.
    Large,
}

impl TextSize {
    /// Every size, smallest first, as the controls offer them.
    pub const ALL: [TextSize; 3] = [Self::Small, Self::Medium, Self::Large];

    /// The stored name and the value of `data-text-size`, which the stylesheet keys on.
    pub fn name(self) -> &'static str {
        match self {
            Self::Small => "small",
            Self::Medium => "medium",
            Self::Large => "large",
        }
    }

    /// The size stored as `name`; `None` for anything else (an old or foreign value is ignored, not an error).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The theme stored as `name` (`auto`, `light`, `dark`); `None` for anything else.
pub fn theme_from_name(name: &str) -> Option<Theme> {
    [Theme::Auto, Theme::Light, Theme::Dark]
        .into_iter()
        .find(|t| t.as_attr() == name)
}

/// The reader's choices; `None` where they have not chosen (the host's theme, the medium size apply).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadingPrefs {
    /// The theme they picked.
    pub theme: Option<Theme>,
    /// The text size they picked.
    pub text_size: Option<TextSize>,
}

impl ReadingPrefs {
    /// Read back from the stored strings; unknown values count as not chosen.
    pub fn from_stored(theme: Option<&str>, text_size: Option<&str>) -> Self {
        ReadingPrefs {
            theme: theme.and_then(theme_from_name),
            text_size: text_size.and_then(TextSize::from_name),
        }
    }

    /// The theme to draw: the reader's choice, else the host's.
    pub fn theme_or(self, host: Theme) -> Theme {
        self.theme.unwrap_or(host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The reader's stored choice wins over the host's theme; nothing stored leaves the host's.
    #[test]
    fn stored_choice_wins() {
        let chosen = ReadingPrefs::from_stored(Some("light"), Some("large"));
        assert_eq!(chosen.theme_or(Theme::Dark), Theme::Light);
        assert_eq!(chosen.text_size, Some(TextSize::Large));
        let none = ReadingPrefs::from_stored(None, None);
        assert_eq!(none.theme_or(Theme::Dark), Theme::Dark);
        assert_eq!(none.text_size, None);
        // "auto" is a choice too: it beats a host's fixed theme.
        assert_eq!(
            ReadingPrefs::from_stored(Some("auto"), None).theme_or(Theme::Dark),
            Theme::Auto
        );
    }

    // Foreign or old values are ignored rather than trusted.
    #[test]
    fn unknown_values_are_not_choices() {
        let p = ReadingPrefs::from_stored(Some("blue"), Some("huge"));
        assert_eq!(p, ReadingPrefs::default());
        for size in TextSize::ALL {
            assert_eq!(TextSize::from_name(size.name()), Some(size));
        }
    }
}

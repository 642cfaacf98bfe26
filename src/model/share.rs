use std::rc::Rc;

/// A network (or channel) the article can be shared to with a plain link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    /// X (formerly Twitter).
    X,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    LinkedIn,
    /// Reddit.
    Reddit,
    /// WhatsApp.
    WhatsApp,
    /// Telegram.
    Telegram,
    /// Bluesky.
    Bluesky,
    /// Threads (Meta).
    Threads,
    /// Mastodon, on the reader's own server (the share bar asks for it once).
    Mastodon,
    /// E-mail, through the reader's own mail program.
    Email,
}

impl Network {
    /// Every network, in the order the share bar shows them.
    pub const ALL: [Network; 10] = [
        Self::X,
        Self::Facebook,
        Self::LinkedIn,
        Self::Reddit,
        Self::WhatsApp,
        Self::Telegram,
        Self::Bluesky,
        Self::Threads,
        Self::Mastodon,
        Self::Email,
    ];

    /// The network's name as readers know it (brand names are not translated).
    pub fn name(self) -> &'static str {
        match self {
            Self::X => "X",
            Self::Facebook => "Facebook",
            Self::LinkedIn => "LinkedIn",
            Self::Reddit => "Reddit",
            Self::WhatsApp => "WhatsApp",
            Self::Telegram => "Telegram",
            Self::Bluesky => "Bluesky",
            Self::Threads => "Threads",
            Self::Mastodon => "Mastodon",
            Self::Email => "Email",
        }
    }

    /// A stable lowercase key, used for CSS part names and test selectors.
    pub fn key(self) -> &'static str {
        match self {
            Self::X => "x",
            Self::Facebook => "facebook",
            Self::LinkedIn => "linkedin",
            Self::Reddit => "reddit",
            Self::WhatsApp => "whatsapp",
            Self::Telegram => "telegram",
            Self::Bluesky => "bluesky",
            Self::Threads => "threads",
            Self::Mastodon => "mastodon",
            Self::Email => "email",
        }
    }
}

/// One link of the share bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareTarget {
    /// Which network.
    pub network: Network,
    /// The network's own share URL, carrying the article's URL and title. `None` for Mastodon while the reader
    /// has not named their server: there is no URL to link to until then.
    pub href: Option<Rc<str>>,
}

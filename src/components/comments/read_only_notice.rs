use yew::prelude::*;

use crate::hooks::use_strings;
use crate::i18n::fill_name;

/// The platform's own name for a read-only preset, for the sentence that says why there is no form.
fn platform_name(preset: &str) -> Option<&'static str> {
    Some(match preset {
        "hackernews" | "hackernews-firebase" => "Hacker News",
        "reddit" => "Reddit",
        "mastodon" => "Mastodon",
        "discourse" => "Discourse",
        "forem" => "Forem (DEV)",
        "realworld" => "RealWorld (Conduit)",
        "ghost" => "Ghost",
        "jsonfeed" => "JSON Feed",
        "lemmy" => "Lemmy",
        "bluesky" => "Bluesky",
        _ => return None,
    })
}

/// Props of [`ReadOnlyNotice`].
#[derive(Properties, PartialEq)]
pub struct ReadOnlyNoticeProps {
    /// The preset of a platform that takes no anonymous comments (a `read_only` mapping), if that is why.
    #[prop_or_default]
    pub platform: Option<AttrValue>,
}

/// Shown instead of the compose form when the thread cannot be written to. Threads read through a platform that
/// takes no anonymous comments say so by name, so nobody looks for a form that cannot exist.
#[component]
pub fn ReadOnlyNotice(props: &ReadOnlyNoticeProps) -> Html {
    let s = use_strings();
    let platform = props.platform.as_deref().and_then(platform_name);
    html! {
        <p class="folio-comments__closed">
            { match platform {
                Some(name) => fill_name(s.read_only_platform, name),
                None => s.read_only.to_string(),
            } }
        </p>
    }
}

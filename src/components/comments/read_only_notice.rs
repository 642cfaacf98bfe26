//! Why a thread has no compose form (a view function: `components/article/tags.rs` says why not a component).

use yew::prelude::*;

use crate::i18n::{fill_name, Strings};

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

/// Shown instead of the compose form when the thread cannot be written to. Threads read through a platform that
/// takes no anonymous comments (`platform`: the preset of a `read_only` mapping) say so by name, so nobody looks
/// for a form that cannot exist.
pub fn read_only_notice(platform: Option<&str>, s: &Strings) -> Html {
    let platform = platform.and_then(platform_name);
    html! {
        <p class="folio-comments__closed">
            { match platform {
                Some(name) => fill_name(s.read_only_platform, name),
                None => s.read_only.to_string(),
            } }
        </p>
    }
}

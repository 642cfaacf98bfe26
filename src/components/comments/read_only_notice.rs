use yew::prelude::*;

use crate::hooks::{use_strings, MappedContext};
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
        _ => return None,
    })
}

/// Shown instead of the compose form when the thread cannot be written to. Threads read through a platform that
/// takes no anonymous comments (a `read_only` mapping) say so by name, so nobody looks for a form that cannot exist.
#[component]
pub fn ReadOnlyNotice() -> Html {
    let s = use_strings();
    let mapped = use_context::<MappedContext>().and_then(|c| c.0);
    let platform = mapped.as_ref().and_then(|i| {
        let read_only = i
            .resolved
            .mapping
            .as_ref()
            .and_then(|m| m.comments.as_ref())
            .is_none_or(|c| c.read_only || c.post.is_none());
        read_only.then(|| platform_name(&i.resolved.name)).flatten()
    });
    html! {
        <p class="folio-comments__closed">
            { match platform {
                Some(name) => fill_name(s.read_only_platform, name),
                None => s.read_only.to_string(),
            } }
        </p>
    }
}

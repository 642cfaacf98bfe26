use yew::prelude::*;

use crate::i18n::Strings;
use crate::source::SourceError;
use crate::state::LoadError;
use crate::state::NetError;

/// The reader-facing reason for an error, in the interface language, plus the technical detail (in English, for
/// the publisher's developer) that names what failed.
pub fn describe_error(error: &LoadError, s: &Strings) -> (String, String) {
    let reason = match error {
        LoadError::Net(NetError::NotFound { .. }) => s.err_not_found,
        LoadError::Net(NetError::Timeout { .. }) => s.err_timeout,
        LoadError::Net(NetError::Offline) => s.err_offline,
        LoadError::Net(NetError::Unreachable { .. }) => s.err_unreachable,
        LoadError::Net(NetError::CorsRefused { .. }) => s.err_cors,
        LoadError::Net(NetError::Interrupted { .. }) => s.err_interrupted,
        LoadError::Net(NetError::RateLimited { .. }) => s.err_rate_limited,
        LoadError::Net(NetError::Server { .. }) => s.err_server,
        LoadError::Net(NetError::Refused { .. }) => s.err_refused,
        LoadError::Net(NetError::BadUrl { .. }) => s.err_bad_url,
        LoadError::Source(SourceError::NotJson { .. }) => s.err_not_json,
        LoadError::Source(_) => s.err_format,
        LoadError::Config(_) => s.err_config,
    };
    (reason.to_string(), error.to_string())
}

/// An error inside the widget: `role="alert"`, what failed (`title`: "This article could not be shown."), why in
/// words, the technical detail, and a "Try again" button when `on_retry` is given. A view function: stateless views
/// are not components in Folio (`components/article/tags.rs` says why).
pub fn error_box(
    title: &str,
    error: &LoadError,
    on_retry: Option<Callback<()>>,
    s: &Strings,
) -> Html {
    let (reason, detail) = describe_error(error, s);
    html! {
        <div class="folio-error" role="alert" part="error">
            <p class="folio-error__title">{ title.to_string() }</p>
            <p class="folio-error__reason">{ reason }</p>
            <p class="folio-error__detail"><span class="folio-visually-hidden">{ s.details }{ ": " }</span>{ detail }</p>
            if let Some(retry) = on_retry {
                <button type="button" class="folio-button" onclick={move |_| retry.emit(())}>{ s.retry }</button>
            }
        </div>
    }
}

//! What the playground's settings mean (a preset, or an edited mapping) and the `<folio-reader>` embed snippet
//! they give.

use crate::source::mapping::preset_source;

/// What the settings say: the preset (when the mapping text is the preset's own), else the edited mapping.
pub(super) fn settings(preset: &str, mapping: &str) -> (Option<String>, Option<String>) {
    let m = mapping.trim();
    if !preset.is_empty() && preset_source(preset).is_some_and(|p| p.trim() == m) {
        (Some(preset.to_string()), None)
    } else if m.is_empty() {
        (None, None)
    } else {
        (None, Some(m.to_string()))
    }
}

/// The `<folio-reader>` snippet for these settings.
pub(super) fn snippet(src: &str, preset: Option<&str>, mapping: Option<&str>) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;");
    let mut el = format!("<folio-reader src=\"{}\"", attr(src));
    if let Some(p) = preset {
        el.push_str(&format!(" preset=\"{}\"", attr(p)));
    }
    if let Some(m) = mapping {
        let compact = serde_json::from_str::<serde_json::Value>(m)
            .map(|v| v.to_string())
            .unwrap_or_else(|_| m.to_string());
        el.push_str(&format!(" mapping=\"{}\"", attr(&compact)));
    }
    el.push_str("></folio-reader>");
    format!("<script type=\"module\" src=\"{origin}/folio.js\"></script>\n{el}")
}

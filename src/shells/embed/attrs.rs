use web_sys::Element;

use crate::config::ReaderConfig;

/// The attributes of `<folio-reader>` that configure the reader (the loader observes the same list).
pub const ATTRIBUTES: [&str; 7] = [
    "src", "comments", "preset", "mapping", "lang", "theme", "images",
];

/// Read and validate the element's attributes; a bad or missing one gives the `folio:` message to show.
pub fn config_from_element(host: &Element) -> Result<ReaderConfig, String> {
    let values: Vec<(&str, String)> = ATTRIBUTES
        .iter()
        .filter_map(|name| host.get_attribute(name).map(|v| (*name, v)))
        .collect();
    ReaderConfig::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())))
}

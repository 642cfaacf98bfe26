// A rendered page's script data, for the tests that read `/read/…` pages: `include!`d, like the other harness files.

/// The JSON inside the page's script element whose start tag is `open` (the JSON-LD, the page data), parsed.
fn script_json(page: &str, open: &str) -> serde_json::Value {
    let start = page.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + page[start..].find("</script>").expect("a closed script");
    serde_json::from_str(&page[start..end]).expect("valid JSON in the script")
}

//! A class attribute built from a base class and the modifiers that apply.

use yew::AttrValue;

/// `base` followed by every present modifier, space-separated: `class_list("folio-comment", &[Some("…--deleted"),
/// None])`. Used instead of Yew's `classes!`, whose ordered set of names links an index map and string hashing into
/// the wasm, for a handful of fixed names that are never repeated.
pub fn class_list(base: &str, modifiers: &[Option<&str>]) -> AttrValue {
    let mut out = String::from(base);
    for m in modifiers.iter().flatten() {
        out.push(' ');
        out.push_str(m);
    }
    AttrValue::from(out)
}

#[cfg(test)]
mod tests {
    use super::class_list;

    #[test]
    fn base_then_the_present_modifiers() {
        assert_eq!(class_list("a", &[]), "a");
        assert_eq!(
            class_list("a", &[None, Some("b"), None, Some("c")]),
            "a b c"
        );
    }
}

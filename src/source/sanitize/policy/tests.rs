use super::*;

// Heading levels are remapped per policy, and unknown elements are unwrapped.
#[test]
fn classify_headings_and_unknown() {
    assert_eq!(classify("h1", Policy::Article), Action::Keep("h2"));
    assert_eq!(classify("h3", Policy::Comment), Action::Keep("h4"));
    assert_eq!(classify("h6", Policy::Comment), Action::Keep("h6"));
    assert_eq!(classify("font", Policy::Article), Action::Unwrap);
    assert_eq!(classify("svg", Policy::Article), Action::DropSubtree);
    assert_eq!(classify("img", Policy::Comment), Action::AltText);
}

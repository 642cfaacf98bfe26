//! The data behind [`super::decode_entities`] that the lookup of HTML 5 names does not give: the names browsers
//! also read without `;`, and what `&#128;`..`&#159;` mean. The code that reads it is in the parent module.

/// Names browsers still decode without the `;` (legacy). Only the ones that matter in practice: the escapes, and
/// the © and ® CMS text carries.
pub(super) static LEGACY_NO_SEMICOLON: &[&str] = &[
    "AMP", "COPY", "GT", "LT", "QUOT", "REG", "amp", "copy", "gt", "lt", "quot", "reg",
];

/// What `&#128;`..`&#159;` mean to a browser: the windows-1252 characters (CMS content often carries them).
pub(super) static WINDOWS_1252: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

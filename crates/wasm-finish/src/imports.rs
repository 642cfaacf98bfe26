//! Renames the imports of a wasm-bindgen module to short names, in the module and in its JS glue.
//!
//! wasm-bindgen (`--target web`) names every import of the finished module after its glue file, `./m_bg.js`, and
//! gives each a unique field name such as `__wbg_getItem_5f8cad6b09c0d6f5`, `__wbg___wbindgen_is_falsy_d864b623500ae65d`
//! or `__wbindgen_init_externref_table`. The glue defines an import object whose keys are exactly those names,
//! `{"./m_bg.js":{__wbg_getItem_5f8cad6b09c0d6f5:function(e,t){…},…}}`, so each name and its 16 hex digits of hash
//! are stored twice, once in the wasm import section and once in the JS, and the hashes do not compress. Binaryen's
//! `--minify-imports` only renames Emscripten's `env` imports, so this tool does it: the module becomes `a`, the
//! fields `a`, `b`, …, `Z`, `aa`, …, in import order, in both files alike (−3.3 KB brotli on the widget's 212 KB wasm,
//! −2.4 KB on its glue).
//!
//! In the wasm only the import section changes (its length with it); every other section is copied byte for byte,
//! and no function, table, memory, global or tag index moves. In the glue the module's key (`"./m_bg.js":`, quoted)
//! becomes `a:`, and every whole-identifier occurrence of a renamed field name (bare or quoted) becomes its short
//! name: the glue is scanned once, identifier run by identifier run. To be sure nothing else in the glue is touched,
//! only names wasm-bindgen makes are renamed: they start with `__wb` and hold only `[A-Za-z0-9_$]`.
//!
//! [`minify_imports`] does the work in memory; `wasm-finish minify-imports` runs it on a pair of files.

use std::collections::HashMap;
use std::fmt;

use crate::wasm::{self, write_name, write_uleb, ReadError, Reader, HEADER};

/// The id of the import section.
const IMPORT_SECTION: u8 = 2;
/// The name the renamed imports' module gets.
pub const SHORT_MODULE: &str = "a";
/// The prefix of every import name wasm-bindgen makes (`__wbg_…`, `__wbindgen_…`): only such names are renamed.
const BINDGEN_PREFIX: &str = "__wb";
/// The digits of the short names, in order.
const DIGITS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// What [`minify_imports`] renamed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minified {
    /// Imports of the module renamed (an import whose field name was seen before counts again).
    pub imports: usize,
    /// The module's old name, now [`SHORT_MODULE`].
    pub module: String,
}

/// Why the files could not be rewritten. Nothing is returned but the error when one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input does not start with the header of a WebAssembly binary module, version 1.
    NotWasm,
    /// A section, a name or a number runs past the end of the module or of its section.
    Truncated,
    /// A LEB128 number at this file offset has more bytes or bits than its type holds.
    BadLeb {
        /// File offset of the number's first byte.
        offset: usize,
    },
    /// An import has a kind this tool does not know, so the imports after it cannot be found.
    UnsupportedImport {
        /// Index of the import in the import section.
        import: u32,
        /// The kind byte (0 function, 1 table, 2 memory, 3 global and 4 tag are known).
        kind: u8,
    },
    /// A table or memory import has limits with a flag this tool does not know.
    UnsupportedLimits {
        /// Index of the import in the import section.
        import: u32,
        /// The limits' flag byte.
        flag: u8,
    },
    /// The import section holds bytes after its last import.
    TrailingBytes {
        /// File offset of the first byte after the last import.
        offset: usize,
    },
    /// The module imports nothing from this module name.
    NoImports {
        /// The module name asked for.
        module: String,
    },
    /// Another module name already is [`SHORT_MODULE`], so the renamed one would merge with it.
    ShortModuleTaken,
    /// A field name of the module is imported from another module too: the glue's keys of the two could not be
    /// told apart (wasm-bindgen's hashed names never are).
    SharedName {
        /// The field name.
        name: String,
    },
    /// An import of the module has a field name wasm-bindgen would not make (not `__wb…` and `[A-Za-z0-9_$]`).
    UnsupportedName {
        /// The field name (lossily decoded).
        name: String,
    },
    /// The glue holds no import key with this name (the module's name or a field's).
    NotInGlue {
        /// The name looked for.
        name: String,
    },
    /// The glue holds the module's key more than once.
    Ambiguous {
        /// The module name.
        name: String,
        /// How many keys were found.
        count: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnsupportedImport { import, kind } => {
                write!(f, "import {import} has unsupported kind {kind:#04x}")
            }
            Error::UnsupportedLimits { import, flag } => {
                write!(
                    f,
                    "import {import} has limits with unsupported flag {flag:#04x}"
                )
            }
            Error::TrailingBytes { offset } => {
                write!(
                    f,
                    "the import section goes on after its last import, at byte {offset}"
                )
            }
            Error::NoImports { module } => write!(f, "the module imports nothing from {module:?}"),
            Error::ShortModuleTaken => {
                write!(
                    f,
                    "the module already imports from {SHORT_MODULE:?} (minified already?)"
                )
            }
            Error::SharedName { name } => {
                write!(f, "import {name:?} is imported from another module too")
            }
            Error::UnsupportedName { name } => write!(
                f,
                "import {name:?} is not a wasm-bindgen name ({BINDGEN_PREFIX}… of [A-Za-z0-9_$])"
            ),
            Error::NotInGlue { name } => write!(f, "the glue has no import key {name:?}"),
            Error::Ambiguous { name, count } => {
                write!(f, "the glue has {count} import keys {name:?}, expected one")
            }
            // The reader's, worded alike in both passes.
            Error::NotWasm => ReadError::NotWasm.fmt(f),
            Error::Truncated => ReadError::Truncated.fmt(f),
            &Error::BadLeb { offset } => ReadError::BadLeb { offset }.fmt(f),
        }
    }
}

wasm::pass_error!(Error);

/// Renames the imports of `module_name` (e.g. `"./m_bg.js"`) in `wasm` and in `glue` (the JS text that
/// instantiates it). Returns the new wasm bytes and the new glue.
///
/// In the wasm, every import whose module name is `module_name` gets the module name [`SHORT_MODULE`] and a short
/// field name: `a` … `z`, `A` … `Z`, `aa`, `ab`, …, assigned in import order, the same one to every import of the
/// same old name. In the glue, the single key `"module_name":` (or `'module_name':`) becomes `a:`, and every
/// occurrence of an old field name as a whole identifier (no `[A-Za-z0-9_$]` or non-ASCII character touching it,
/// quoted or not) becomes its short name. Every old field name must occur in the glue at least once, and none may
/// be imported from another module too (the glue's keys of the two could not be told apart).
pub fn minify_imports(
    wasm: &[u8],
    glue: &str,
    module_name: &str,
) -> Result<(Vec<u8>, String, Minified), Error> {
    let (new_wasm, names, imports) = rewrite_wasm(wasm, module_name)?;
    if imports == 0 {
        return Err(Error::NoImports {
            module: module_name.to_owned(),
        });
    }
    let new_glue = rewrite_glue(glue, module_name, &names)?;
    let minified = Minified {
        imports,
        module: module_name.to_owned(),
    };
    Ok((new_wasm, new_glue, minified))
}

/// The `index`th short name: base 52 over `[a-zA-Z]`, shortest first (`a`, …, `Z`, `aa`, `ab`, …).
pub fn short_name(mut index: usize) -> String {
    let base = DIGITS.len();
    let mut width = 1;
    let mut count = base;
    while index >= count {
        index -= count;
        width += 1;
        count = count.saturating_mul(base);
    }
    let mut name = vec![b'a'; width];
    for slot in name.iter_mut().rev() {
        *slot = DIGITS.get(index % base).copied().unwrap_or(b'a');
        index /= base;
    }
    name.into_iter().map(char::from).collect()
}

/// Rewrites the import section. Returns the new module, the distinct old field names in order of first use (the
/// `k`th gets [`short_name`]`(k)`) and the number of imports renamed.
fn rewrite_wasm<'a>(wasm: &'a [u8], module: &str) -> Result<(Vec<u8>, Vec<&'a str>, usize), Error> {
    let sections = wasm::sections(wasm)?;
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&HEADER);
    let mut names = Names::default();
    for section in sections {
        let section = section?;
        if section.id == IMPORT_SECTION {
            let content = import_section(section.content, module, &mut names)?;
            out.push(IMPORT_SECTION);
            write_uleb(&mut out, content.len() as u64);
            out.extend_from_slice(&content);
        } else {
            out.extend_from_slice(section.raw);
        }
    }
    if let Some(name) = names.others.iter().find(|&&field| {
        std::str::from_utf8(field).is_ok_and(|field| names.index.contains_key(field))
    }) {
        return Err(Error::SharedName {
            name: String::from_utf8_lossy(name).into_owned(),
        });
    }
    Ok((out, names.order, names.imports))
}

/// The old field names met so far.
#[derive(Default)]
struct Names<'a> {
    /// Old name → index of its short name.
    index: HashMap<&'a str, usize>,
    /// The old names by index.
    order: Vec<&'a str>,
    /// Imports renamed.
    imports: usize,
    /// Field names imported from other modules.
    others: Vec<&'a [u8]>,
}

impl<'a> Names<'a> {
    /// The short name for `field`, given a new one if it is new.
    fn short(&mut self, field: &'a [u8]) -> Result<String, Error> {
        let name = std::str::from_utf8(field)
            .ok()
            .filter(|name| name.starts_with(BINDGEN_PREFIX) && name.chars().all(is_ident_ascii))
            .ok_or_else(|| Error::UnsupportedName {
                name: String::from_utf8_lossy(field).into_owned(),
            })?;
        self.imports += 1;
        let next = self.order.len();
        let index = *self.index.entry(name).or_insert(next);
        if index == next {
            self.order.push(name);
        }
        Ok(short_name(index))
    }
}

/// Reads an import section (the reader is bounded by it) and returns its new content.
fn import_section<'a>(
    mut reader: Reader<'a>,
    module: &str,
    names: &mut Names<'a>,
) -> Result<Vec<u8>, Error> {
    let count = reader.u32()?;
    let mut out = Vec::new();
    write_uleb(&mut out, u64::from(count));
    for import in 0..count {
        let module_name = reader.name()?;
        let field = reader.name()?;
        if module_name == module.as_bytes() {
            write_name(&mut out, SHORT_MODULE.as_bytes());
            write_name(&mut out, names.short(field)?.as_bytes());
        } else if module_name == SHORT_MODULE.as_bytes() {
            return Err(Error::ShortModuleTaken);
        } else {
            names.others.push(field);
            write_name(&mut out, module_name);
            write_name(&mut out, field);
        }
        let start = reader.pos;
        let kind = reader.byte()?;
        match kind {
            0 => {
                reader.u32()?;
            }
            1 => {
                ref_type(&mut reader)?;
                limits(&mut reader, import, &[0x00, 0x01, 0x04, 0x05])?;
            }
            2 => limits(
                &mut reader,
                import,
                &[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07],
            )?,
            3 => {
                ref_type(&mut reader)?;
                reader.byte()?;
            }
            4 => {
                reader.byte()?;
                reader.u32()?;
            }
            _ => return Err(Error::UnsupportedImport { import, kind }),
        }
        out.extend_from_slice(reader.since(start)?);
    }
    if reader.pos != reader.end {
        return Err(Error::TrailingBytes { offset: reader.pos });
    }
    Ok(out)
}

/// Rewrites the glue: the module's key, then the field names in one scan.
fn rewrite_glue(glue: &str, module: &str, names: &[&str]) -> Result<String, Error> {
    let keys: Vec<(usize, usize)> = ['"', '\'']
        .iter()
        .flat_map(|quote| {
            let quoted = format!("{quote}{module}{quote}");
            glue.match_indices(&quoted)
                .map(|(at, found)| (at, at + found.len()))
                .collect::<Vec<_>>()
        })
        .filter(|&(_, end)| {
            glue.get(end..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .collect();
    let (start, end) = match keys.as_slice() {
        [key] => *key,
        [] => {
            return Err(Error::NotInGlue {
                name: module.to_owned(),
            })
        }
        _ => {
            return Err(Error::Ambiguous {
                name: module.to_owned(),
                count: keys.len(),
            })
        }
    };
    let (before, after) = (
        glue.get(..start).ok_or(Error::Truncated)?,
        glue.get(end..).ok_or(Error::Truncated)?,
    );

    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(k, &name)| (name, k))
        .collect();
    let short: Vec<String> = (0..names.len()).map(short_name).collect();
    let mut seen = vec![false; names.len()];
    let mut out = String::with_capacity(glue.len());
    for (k, part) in [before, after].into_iter().enumerate() {
        if k == 1 {
            out.push_str(SHORT_MODULE);
        }
        let mut rest = part;
        while let Some(at) = rest.find(is_ident) {
            let (gap, tail) = rest.split_at(at);
            let len = tail.find(|c| !is_ident(c)).unwrap_or(tail.len());
            let (run, next) = tail.split_at(len);
            out.push_str(gap);
            match index
                .get(run)
                .and_then(|&k| Some((short.get(k)?, seen.get_mut(k)?)))
            {
                Some((name, seen)) => {
                    out.push_str(name);
                    *seen = true;
                }
                None => out.push_str(run),
            }
            rest = next;
        }
        out.push_str(rest);
    }
    if let Some((&name, _)) = names.iter().zip(&seen).find(|(_, &seen)| !seen) {
        return Err(Error::NotInGlue {
            name: name.to_owned(),
        });
    }
    Ok(out)
}

/// Whether `c` can be part of a JS identifier as this tool sees it: `[A-Za-z0-9_$]` or any non-ASCII character
/// (which may be a letter; taking it keeps a name inside a longer identifier from being matched).
fn is_ident(c: char) -> bool {
    is_ident_ascii(c) || !c.is_ascii()
}

/// `[A-Za-z0-9_$]`.
fn is_ident_ascii(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Steps over a value or reference type: one byte, or `ref`/`ref null` (0x64, 0x63) and a heap type (an s33).
fn ref_type(reader: &mut Reader<'_>) -> Result<(), Error> {
    if matches!(reader.byte()?, 0x63 | 0x64) {
        reader.skip_leb(5)?;
    }
    Ok(())
}

/// Steps over limits: a flag among `flags` (bit 0: a maximum follows, bit 2: 64-bit), the minimum, the maximum if
/// any.
fn limits(reader: &mut Reader<'_>, import: u32, flags: &[u8]) -> Result<(), Error> {
    let flag = reader.byte()?;
    if !flags.contains(&flag) {
        return Err(Error::UnsupportedLimits { import, flag });
    }
    for _ in 0..1 + (flag & 0x01) {
        if flag & 0x04 != 0 {
            reader.skip_leb(10)?;
        } else {
            reader.u32()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;

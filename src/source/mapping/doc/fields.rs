//! [`Fields`]: one object of the mapping document, read key by key, refusing the keys nobody asked for.

use serde_json::{Map, Value};

use super::read::{expected, flag, join, place, string, strings, Read, Reader};
use super::Field;

/// The keys of one object of the document, read by name. Every key asked for is remembered, so that
/// [`Fields::finish`] can refuse the others: a misspelt key is named instead of silently ignored.
///
/// The getters never fail: the first problem is kept and [`Fields::finish`] reports it, and a getter that met it
/// returns a placeholder. This is for size: with a `?` after each field of a struct literal, the compiler writes
/// the cleanup of every partly built struct, once per field (most of these readers' code, in the embed's wasm).
pub(super) struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
    asked: Vec<&'static str>,
    error: Option<String>,
}

impl<'a> Fields<'a> {
    /// The object `v`, found at `path` (`comments.threading`; empty for the document).
    pub fn new(v: &'a Value, path: &'a str) -> Read<Self> {
        let map = v
            .as_object()
            .ok_or_else(|| expected(path, "an object", v))?;
        let (asked, error) = (Vec::new(), None);
        Ok(Self {
            map,
            path,
            asked,
            error,
        })
    }

    /// Keeps `e` unless an earlier problem was found.
    pub fn fail(&mut self, e: String) {
        self.error.get_or_insert(e);
    }

    /// The value at `key`, even `null` (for keys whose default is not "none": `null` is refused there, as serde did).
    fn present(&mut self, key: &'static str) -> Option<&'a Value> {
        self.asked.push(key);
        self.map.get(key)
    }

    /// The value at `key`; `null` counts as absent, as for serde's `Option`.
    pub fn opt(&mut self, key: &'static str) -> Option<&'a Value> {
        self.present(key).filter(|v| !v.is_null())
    }

    /// The value at `key`, which must be there.
    fn required(&mut self, key: &'static str) -> Option<&'a Value> {
        let v = self.present(key);
        if v.is_none() {
            self.fail(format!("missing field `{key}` in {}", place(self.path)));
        }
        v
    }

    /// `v` (the value at `key`, if any) read by `read`; `None` if it is not there or wrong.
    fn read<T>(&mut self, key: &str, v: Option<&Value>, read: Reader<T>) -> Option<T> {
        read(v?, &join(self.path, key))
            .map_err(|e| self.fail(e))
            .ok()
    }

    /// An optional part, read by `read`.
    pub fn opt_with<T>(&mut self, key: &'static str, read: Reader<T>) -> Option<T> {
        let v = self.opt(key);
        self.read(key, v, read)
    }

    /// A part that has a default when absent, or a required part (`required`) whose placeholder is the default.
    pub fn with<T: Default>(&mut self, key: &'static str, required: bool, read: Reader<T>) -> T {
        let v = if required {
            self.required(key)
        } else {
            self.present(key)
        };
        self.read(key, v, read).unwrap_or_default()
    }

    /// An optional string.
    pub fn opt_str(&mut self, key: &'static str) -> Option<String> {
        self.opt_with(key, string)
    }

    /// A required string.
    pub fn str(&mut self, key: &'static str) -> String {
        self.with(key, true, string)
    }

    /// An optional [`Field`].
    pub fn opt_field(&mut self, key: &'static str) -> Option<Field> {
        self.opt_with(key, Field::read)
    }

    /// A required [`Field`].
    pub fn field(&mut self, key: &'static str) -> Field {
        let v = self.required(key);
        self.read(key, v, Field::read)
            .unwrap_or(Field::Paths(Vec::new()))
    }

    /// A flag, false when absent.
    pub fn bool(&mut self, key: &'static str) -> bool {
        self.with(key, false, flag)
    }

    /// An array of strings, empty when absent.
    pub fn list_of_str(&mut self, key: &'static str) -> Vec<String> {
        self.with(key, false, strings)
    }

    /// Notes a tag that names no variant.
    pub fn unknown_tag(&mut self, key: &str, found: &str, known: &[&str]) {
        let (place, known) = (place(self.path), known.join(", "));
        self.fail(format!(
            "unknown {key} `{found}` in {place} (expected one of: {known})"
        ));
    }

    /// The first problem found, else any key that was not asked for, named with the ones that are known.
    pub fn finish(self) -> Read<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let Some(k) = self.map.keys().find(|k| !self.asked.contains(&k.as_str())) else {
            return Ok(());
        };
        let (place, known) = (place(self.path), self.asked.join(", "));
        Err(format!(
            "unknown field `{k}` in {place} (expected one of: {known})"
        ))
    }
}

//! Which mapping reads a document: the `preset` and `mapping` settings ([`MappingChoice`]), parsing a mapping
//! document, and resolving a choice for one document (detection when nothing is configured). Without the `mapping`
//! feature only the settings are here: a preset or a mapping document is then answered with
//! [`SourceError::NeedsMapping`] (by [`MappingChoice::from_settings`], or by the adapter for a preset).

#[cfg(feature = "mapping")]
use std::rc::Rc;

#[cfg(feature = "mapping")]
use serde_json::Value;

#[cfg(feature = "mapping")]
use super::{
    detect::detect,
    presets::{self, preset},
    Mapping,
};
use crate::source::error::SourceError;

/// Which mapping to use: what the `preset` and `mapping` settings said.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum MappingChoice {
    /// Neither: detect the shape from the response.
    #[default]
    Auto,
    /// A shipped preset, by name.
    Preset(String),
    /// A mapping document.
    #[cfg(feature = "mapping")]
    Document(Rc<Mapping>),
}

impl MappingChoice {
    /// The choice for a `preset` setting and an inline-or-fetched `mapping` document text (the document wins).
    pub fn from_settings(preset: Option<&str>, mapping: Option<&str>) -> Result<Self, SourceError> {
        match (mapping, preset) {
            #[cfg(feature = "mapping")]
            (Some(m), _) => Ok(Self::Document(Rc::new(parse_mapping(m)?))),
            // This build cannot read a mapping document: the module that can must take over.
            #[cfg(not(feature = "mapping"))]
            (Some(_), _) => Err(SourceError::NeedsMapping {
                shape: "custom mapping".into(),
            }),
            (None, Some(p)) => {
                #[cfg(feature = "mapping")]
                presets::preset(p)?;
                Ok(Self::Preset(p.to_string()))
            }
            (None, None) => Ok(Self::Auto),
        }
    }
}

/// Is a `mapping` setting the JSON itself (rather than a URL to fetch)?
pub fn is_inline(setting: &str) -> bool {
    setting.trim_start().starts_with('{')
}

/// Parse a mapping document, naming what is wrong with it: a syntax error with its line and column (serde_json's
/// message), anything else with its path in the document ([`Mapping::from_value`]).
#[cfg(feature = "mapping")]
pub fn parse_mapping(text: &str) -> Result<Mapping, SourceError> {
    serde_json::from_str::<Value>(text)
        .map_err(|e| e.to_string())
        .and_then(|v| Mapping::from_value(&v))
        .map_err(|e| SourceError::BadMapping {
            reason: format!("the mapping document is not valid: {e}"),
        })
}

/// The mapping a document is read with, once chosen.
#[cfg(feature = "mapping")]
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The mapping; `None` for Folio JSON read by the built-in reader.
    pub mapping: Option<Rc<Mapping>>,
    /// Its name, for messages (`wordpress`, `custom mapping`).
    pub name: String,
    /// It was detected rather than configured.
    pub detected: bool,
}

/// Resolve a choice for document `v`. Auto picks the preset whose signature fits best; Folio JSON (and anything
/// that fits no signature, and the `folio` preset by name) is read by the built-in Folio JSON reader, whose errors
/// name Folio's fields.
#[cfg(feature = "mapping")]
pub fn resolve(choice: &MappingChoice, v: &Value) -> Result<Resolved, SourceError> {
    Ok(match choice {
        MappingChoice::Auto => match detect(v) {
            Some(name) if name != "folio" => Resolved {
                mapping: Some(Rc::new(preset(name)?)),
                name: name.into(),
                detected: true,
            },
            _ => Resolved {
                mapping: None,
                name: "folio".into(),
                detected: true,
            },
        },
        // `preset="folio"` says what the built-in reader reads: it is that reader, not the `folio` mapping
        // document (which draws the same article but knows no event streams or live entries).
        MappingChoice::Preset(p) if p == "folio" => Resolved {
            mapping: None,
            name: "folio".into(),
            detected: false,
        },
        MappingChoice::Preset(p) => Resolved {
            mapping: Some(Rc::new(preset(p)?)),
            name: p.clone(),
            detected: false,
        },
        MappingChoice::Document(m) => Resolved {
            name: m.name.clone().unwrap_or_else(|| "custom mapping".into()),
            mapping: Some(m.clone()),
            detected: false,
        },
    })
}

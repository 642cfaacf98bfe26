//! How comments fit together: [`Threading`], read from `comments.threading` (tagged by `model`).

use serde_json::Value;

use super::fields::Fields;
use super::read::{count, expected, Read};
use super::Field;

/// Threading models.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Threading {
    /// No threading: every comment is top-level.
    #[default]
    None,
    /// A flat list; each comment names its parent. `no_parent` values (default `0`, `""`, `null`, absent) mean top.
    Flat {
        parent: Field,
        no_parent: Vec<Value>,
    },
    /// Replies nested in each comment under `children`.
    Nested { children: String },
    /// Each item lists its children's ids (`kids`); each child is fetched from `item_url` (`{id}` replaced).
    ChildIds {
        ids: String,
        item_url: String,
        max_items: Option<usize>,
    },
    /// A materialised path (`0.12.45`): the parent is the path without its last segment.
    Path {
        field: Field,
        separator: Option<String>,
    },
    /// `reply_to` holds the position number of the comment answered (Discourse's `reply_to_post_number`).
    ReplyToPosition { position: Field, reply_to: Field },
}

impl Threading {
    /// Reads `comments.threading`, tagged by `model`.
    pub(super) fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let threading = match f.str("model").as_str() {
            "none" => Self::None,
            "flat" => Self::Flat {
                parent: f.field("parent"),
                no_parent: f.with("no_parent", false, |v, p| {
                    v.as_array()
                        .cloned()
                        .ok_or_else(|| expected(p, "an array", v))
                }),
            },
            "nested" => Self::Nested {
                children: f.str("children"),
            },
            "child_ids" => Self::ChildIds {
                ids: f.str("ids"),
                item_url: f.str("item_url"),
                max_items: f.opt_with("max_items", count),
            },
            "path" => Self::Path {
                field: f.field("field"),
                separator: f.opt_str("separator"),
            },
            "reply_to_position" => Self::ReplyToPosition {
                position: f.field("position"),
                reply_to: f.field("reply_to"),
            },
            other => {
                f.unknown_tag("model", other, &MODELS);
                Self::None
            }
        };
        f.finish().map(|()| threading)
    }
}

/// The `model` names, for the message about an unknown one.
const MODELS: [&str; 6] = [
    "none",
    "flat",
    "nested",
    "child_ids",
    "path",
    "reply_to_position",
];

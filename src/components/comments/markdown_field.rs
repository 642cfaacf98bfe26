use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::common::{class_list, safe_html};
use crate::hooks::use_effect_on;
use crate::i18n::Strings;
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;

/// The text of a comment: a textarea with a Markdown preview toggle, the Markdown hint and a character counter
/// against the server's limit. Shared by the compose form and the edit form: fill it in and
/// [`view`](MarkdownField::view) it with the [`MarkdownUi`] of [`use_markdown_field`]. Not a component
/// (`components/article/tags.rs` says why): its form holds its state.
pub struct MarkdownField {
    /// A page-unique prefix for the element ids.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The text (Markdown).
    pub value: AttrValue,
    /// Told about every change.
    pub on_input: Callback<String>,
    /// A message about the text (the server's, or "required").
    pub error: Option<String>,
    /// The server's length limit, in characters.
    pub max_length: usize,
}

/// What a [`MarkdownField`] keeps between draws: whether it shows the preview, and its textarea.
pub struct MarkdownUi {
    previewing: UseStateHandle<bool>,
    textarea: NodeRef,
}

/// The state of the form's [`MarkdownField`]; with `autofocus`, its textarea takes the focus when first drawn
/// (reply and edit forms open where the reader clicked).
#[hook]
pub fn use_markdown_field(autofocus: bool) -> MarkdownUi {
    let previewing = use_state(|| false);
    let textarea = use_node_ref();
    {
        let textarea = textarea.clone();
        use_effect_on((), move |_| {
            if let Some(t) = textarea.cast::<HtmlTextAreaElement>().filter(|_| autofocus) {
                let _ = t.focus();
            }
        });
    }
    MarkdownUi {
        previewing,
        textarea,
    }
}

/// Whether `text` fits in `max_length` characters.
pub fn fits(text: &str, max_length: usize) -> bool {
    text.chars().count() <= max_length
}

impl MarkdownField {
    /// The field, drawn with its form's `ui` and strings `s`.
    pub fn view(self, ui: &MarkdownUi, s: &Strings) -> Html {
        let props = self;
        let (previewing, textarea) = (ui.previewing.clone(), ui.textarea.clone());
        let fid = |suffix: &str| format!("{}-{suffix}", props.id);
        let left = props.max_length as i64 - props.value.chars().count() as i64;
        let oninput = {
            let on_input = props.on_input.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    on_input.emit(t.value());
                }
            })
        };
        let described = match &props.error {
            Some(_) => format!("{} {} {}", fid("hint"), fid("count"), fid("body-error")),
            None => format!("{} {}", fid("hint"), fid("count")),
        };
        html! {
            <div class="folio-field">
                <label for={fid("body")}>{ props.label.clone() }</label>
                <textarea id={fid("body")} name="body" rows="4" required=true ref={textarea} hidden={*previewing}
                          value={props.value.clone()} {oninput}
                          aria-invalid={props.error.is_some().then_some("true")} aria-describedby={described} />
                if *previewing {
                    <div class="folio-compose__preview folio-comment__body" dir="auto">
                        { safe_html(&markdown_to_html(&props.value, Policy::Comment, None)) }
                    </div>
                }
                <div class="folio-field__meta">
                    <button type="button" class="folio-link-button folio-compose__preview-toggle" aria-pressed={previewing.to_string()}
                            onclick={let p = previewing.clone(); move |_| p.set(!*p)}>
                        { if *previewing { s.write } else { s.preview } }
                    </button>
                    <p class="folio-field__hint" id={fid("hint")}>{ s.markdown_hint }</p>
                    <p class={class_list("folio-field__count", &[(left < 0).then_some("folio-field__count--over")])} id={fid("count")}>
                        { if left >= 0 { s.characters_left.replace("{n}", &left.to_string()) } else { s.too_long.replace("{n}", &(-left).to_string()) } }
                    </p>
                </div>
                if let Some(e) = &props.error {
                    <p class="folio-field__error" id={fid("body-error")}>{ e.clone() }</p>
                }
            </div>
        }
    }
}

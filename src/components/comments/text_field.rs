use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One labelled single-line field of a form, with its error message: fill it in and [`TextField::view`] it. Not a
/// component (`components/article/tags.rs` says why).
pub struct TextField {
    /// The input's id; its error's id is `<id>-error`.
    pub id: AttrValue,
    /// The form field name (`name`, `email`).
    pub name: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// `text`, `email` ...
    pub kind: AttrValue,
    /// The `autocomplete` token.
    pub autocomplete: AttrValue,
    /// The longest value accepted.
    pub max_length: usize,
    /// Required to send.
    pub required: bool,
    /// The current value.
    pub value: AttrValue,
    /// Told about every change.
    pub on_input: Callback<String>,
    /// What is wrong with the value, shown under the field and tied to it for assistive technology.
    pub error: Option<String>,
}

impl TextField {
    /// The field.
    pub fn view(self) -> Html {
        let props = self;
        let oninput = props.on_input.reform(|e: InputEvent| {
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        });
        let error_id = format!("{}-error", props.id);
        let invalid = props.error.is_some();
        html! {
            <div class="folio-field">
                <label for={props.id.clone()}>{ props.label.clone() }</label>
                <input id={props.id.clone()} name={props.name.clone()} type={props.kind.clone()}
                       autocomplete={props.autocomplete.clone()} maxlength={props.max_length.to_string()}
                       required={props.required} value={props.value.clone()} {oninput}
                       aria-invalid={invalid.then_some("true")}
                       aria-describedby={invalid.then(|| error_id.clone())} />
                if let Some(e) = &props.error {
                    <p class="folio-field__error" id={error_id}>{ e.clone() }</p>
                }
            </div>
        }
    }
}

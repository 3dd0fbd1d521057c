//! Small pieces shared by the profile forms: which error a tab shows, the message under a
//! field, the "required" mark.
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::{error_text, query_error};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The error a tab's form shows: its last save's (with JavaScript) or the one a plain post
/// came back with (`?error=…&field=…`).
pub fn tab_error<A>(action: ServerAction<A>) -> Signal<Option<AppError>>
where
    A: ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    let from_query = query_error();
    Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| from_query.get())
    })
}

/// Whether `error` names `field` (for `aria-invalid`).
pub fn invalid(error: Signal<Option<AppError>>, field: &str) -> Option<&'static str> {
    error
        .get()
        .is_some_and(|e| e.field() == Some(field))
        .then_some("true")
}

/// The error under a field, when the form's error names it. Its id is `<field>-error`,
/// which the input names in `aria-describedby`.
#[component]
pub fn FieldMessage(#[prop(into)] field: String, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{field}-error");
    view! {
        <p class="field-error" id=id>
            {move || error.get().filter(|e| e.field() == Some(field.as_str())).map(|e| error_text(i18n, &e))}
        </p>
    }
}

/// A star after a required field's label, read out as "required".
#[component]
pub fn RequiredMark(on: bool) -> impl IntoView {
    let i18n = use_i18n();
    on.then(|| {
        view! {
            <span class="required-mark" aria-hidden="true">"*"</span>
            <span class="visually-hidden">{move || format!(" ({})", i18n.t("profile-required"))}</span>
        }
    })
}

use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The error a form was redirected back with (`?error=<code>&field=<name>`, see
/// `state::respond`): forms are plain posts, so this is how their errors arrive.
pub fn query_error() -> Signal<Option<AppError>> {
    let query = use_query_map();
    Signal::derive(move || {
        let query = query.read();
        AppError::from_query(&query.get("error")?, query.get("field"))
    })
}

/// The translated text of an error; validation errors name their field.
pub fn error_text(i18n: I18n, err: &AppError) -> String {
    if let AppError::UnknownKeyword { field, keyword } = err {
        let label = i18n.t(&format!("field-{field}"));
        return i18n.t_with(
            err.message_key(),
            &[
                ("field", label.into()),
                ("keyword", format!("{{{keyword}}}").into()),
            ],
        );
    }
    match err.field() {
        Some(field) => {
            let label = i18n.t(&format!("field-{field}"));
            i18n.t_with(err.message_key(), &[("field", label.into())])
        }
        None => i18n.t(err.message_key()),
    }
}

/// An alert box for an error, announced to screen readers.
#[component]
pub fn ErrorMessage(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|err| {
            view! {
                <p class="alert alert-error" role="alert">
                    {move || error_text(i18n, &err)}
                </p>
            }
        })
    }
}

use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The error a form shows: its last submission's result when JavaScript ran it, otherwise
/// the `?error=…` a plain form post was redirected back with.
pub fn form_error<T, S>(result: S) -> Signal<Option<AppError>>
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || {
        result
            .with(|r| r.as_ref().map(|r| r.as_ref().err().cloned()))
            .unwrap_or_else(|| {
                let query = query.read();
                AppError::from_query(&query.get("error")?, query.get("field"))
            })
    })
}

/// The translated text of an error; validation errors name their field.
pub fn error_text(i18n: I18n, err: &AppError) -> String {
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

use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The error a form was redirected back with (`?error=<code>&field=<name>`, see
/// `backend::form_post`): forms are plain posts, so this is how their errors arrive.
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

/// Gives the page being rendered on the server the error's HTTP status: a page that could
/// not load its data because the viewer may not see it answers 403, not 200. Nothing in
/// the browser.
pub fn set_page_status(error: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.http_status());
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// What a page shows when the data it loads fails: the error's message, with the error's
/// status for the page (`set_page_status`).
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    set_page_status(&error);
    view! { <ErrorMessage error=Signal::derive(move || Some(error.clone())) /> }
}

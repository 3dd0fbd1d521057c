use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A success notice when the query string carries `name=<any>`.
#[component]
pub fn QueryNotice(name: &'static str, key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    move || {
        query.read().get(name).map(|_| {
            view! { <p class="alert alert-success" role="status">{move || i18n.t(key)}</p> }
        })
    }
}

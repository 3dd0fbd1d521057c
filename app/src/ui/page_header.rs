use leptos::prelude::*;

#[component]
pub fn PageHeader(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] subtitle: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>{move || title.get()}</h1>
            {subtitle.map(|s| view! { <p class="page-subtitle">{move || s.get()}</p> })}
        </header>
    }
}

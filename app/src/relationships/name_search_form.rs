use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long the search box waits after a keystroke before asking.
const SEARCH_PAUSE: Duration = Duration::from_millis(250);

/// "Search by name" on the Relationships page's tabs: a plain GET form (carrying the
/// view's other choices as `hidden` fields) that, with JavaScript, goes to
/// `url_for(typed text)` as the name is typed.
#[component]
pub fn NameSearchForm(
    value: String,
    hidden: Vec<(&'static str, String)>,
    url_for: Callback<String, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let timer = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let navigate = navigate.clone();
        let go = move || {
            navigate(
                &url_for.run(text.trim().to_string()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        };
        timer.set_value(set_timeout_with_handle(go, SEARCH_PAUSE).ok());
    };
    view! {
        <form method="get" class="card search-form" role="search">
            <label for="relationship-search">{t!(i18n, "admin-relationships-search")}</label>
            <input id="relationship-search" type="search" name="q" value=value
                autocomplete="off" on:input=typed />
            {hidden.into_iter().map(|(name, value)| view! {
                <input type="hidden" name=name value=value />
            }).collect_view()}
            <button type="submit" class="button">{t!(i18n, "admin-relationships-search-button")}</button>
        </form>
    }
}

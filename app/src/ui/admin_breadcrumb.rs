use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The way back from an admin page: the admin dashboard, then `trail` (address and label
/// key of each page above this one).
#[component]
pub fn AdminBreadcrumb(
    #[prop(optional)] trail: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="breadcrumb">
            <a href="/admin">{move || i18n.t("admin-dashboard-title")}</a>
            {trail.into_iter().map(|(href, key)| view! {
                " › " <a href=href>{move || i18n.t(key)}</a>
            }).collect_view()}
        </p>
    }
}

use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The left navigation. Only areas that exist are listed: the partner search a member's
/// role has (mentees search mentors, mentors mentees), Admin only for administrators.
#[component]
pub fn Sidebar(role: Option<crate::auth::model::Role>) -> impl IntoView {
    use crate::auth::model::Role;
    let is_admin = role == Some(Role::Admin);
    let i18n = use_i18n();
    view! {
        <nav class="sidebar" aria-label=t!(i18n, "nav-label")>
            <a class="brand" href="/">{t!(i18n, "app-name")}</a>
            <ul class="nav-list">
                <li><A href="/" exact=true>{t!(i18n, "nav-dashboard")}</A></li>
                <li><A href="/connections">{t!(i18n, "nav-connections")}</A></li>
                {(role == Some(Role::Mentee)).then(|| view! { <li><A href="/mentors">{t!(i18n, "nav-mentors")}</A></li> })}
                {(role == Some(Role::Mentor)).then(|| view! { <li><A href="/mentees">{t!(i18n, "nav-mentees")}</A></li> })}
                {matches!(role, Some(Role::Mentee | Role::Mentor)).then(|| view! {
                    <li><A href=crate::scheduling::calendar::CALENDAR_PATH exact=true>{t!(i18n, "nav-calendar")}</A></li>
                    <li><A href=crate::scheduling::model::AVAILABILITY_PATH>{t!(i18n, "nav-availability")}</A></li>
                })}
                {is_admin.then(|| view! { <li><A href="/admin">{t!(i18n, "nav-admin")}</A></li> })}
            </ul>
        </nav>
    }
}

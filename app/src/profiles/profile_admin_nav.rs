use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Which page of the profile administration is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ProfileAdminTab {
    CustomFields,
    ProfileFields,
    Lists,
}

/// The tabs shared by "Manage custom fields", "Manage profile fields" and the lists.
#[component]
pub fn ProfileAdminNav(current: ProfileAdminTab) -> impl IntoView {
    let i18n = use_i18n();
    let tab = move |tab: ProfileAdminTab, href: &'static str, key: &'static str| {
        view! {
            <a href=href aria-current=(current == tab).then_some("page")>{move || i18n.t(key)}</a>
        }
    };
    view! {
        <p class="breadcrumb"><a href="/admin">{move || i18n.t("admin-dashboard-title")}</a></p>
        <nav class="tabs" aria-label=move || i18n.t("profile-fields-nav")>
            {tab(ProfileAdminTab::CustomFields, "/admin/profile-fields", "custom-fields-title")}
            {tab(ProfileAdminTab::ProfileFields, "/admin/profile-fields/builtin", "profile-rules-title")}
            {tab(ProfileAdminTab::Lists, "/admin/lists/industry", "lists-title")}
        </nav>
    }
}

use super::language_toggle::LanguageToggle;
use crate::auth::api::SignOut;
use crate::auth::model::{Role, Viewer};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::Avatar;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Top-right menu as in the member quick-start's screenshot. A `<details>` element, so it opens
/// without JavaScript and is keyboard accessible.
#[component]
pub fn UserMenu(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let name = viewer.full_name();
    let role_key = viewer.role().map(|r| r.label_key());
    // Mentors and mentees have a profile in their current program; administrators do not.
    let has_profile = matches!(viewer.role(), Some(Role::Mentor | Role::Mentee));
    view! {
        <details class="user-menu">
            <summary>
                <Avatar photo_url=viewer.photo_url.clone() name=name.clone() />
                <span class="user-menu-name">{name}</span>
                {role_key.map(|key| view! { <span class="badge">{move || i18n.t(key)}</span> })}
            </summary>
            <ul class="user-menu-items">
                {has_profile.then(|| view! {
                    <li><a class="menu-item" href="/profile">{t!(i18n, "menu-edit-profile")}</a></li>
                })}
                <li><a class="menu-item" href="/account">{t!(i18n, "menu-account-settings")}</a></li>
                <li><LanguageToggle /></li>
                <li><a class="menu-item" href="/programs">{t!(i18n, "menu-switch-program")}</a></li>
                <li>
                    <form method="post" action=SignOut::url() class="inline-form">
                        <button type="submit" class="menu-item">{t!(i18n, "menu-sign-out")}</button>
                    </form>
                </li>
            </ul>
        </details>
    }
}

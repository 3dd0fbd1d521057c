use super::language_toggle::LanguageToggle;
use crate::auth::model::Viewer;
use crate::auth::use_viewer_context;
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;

/// Top-right menu as in the seed's screenshot. A `<details>` element, so it opens
/// without JavaScript and is keyboard accessible.
#[component]
pub fn UserMenu(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_viewer_context();
    let initials = viewer.initials();
    let name = viewer.full_name();
    let role_key = viewer.role().map(|r| r.label_key());
    view! {
        <details class="user-menu">
            <summary>
                <span class="avatar" aria-hidden="true">{initials}</span>
                <span class="user-menu-name">{name}</span>
                {role_key.map(|key| view! { <span class="badge">{move || i18n.t(key)}</span> })}
            </summary>
            <ul class="user-menu-items">
                <li><a class="menu-item" href="/account">{t!(i18n, "menu-account-settings")}</a></li>
                <li><LanguageToggle /></li>
                <li><a class="menu-item" href="/programs">{t!(i18n, "menu-switch-program")}</a></li>
                <li>
                    <ActionForm action=ctx.sign_out>
                        <button type="submit" class="menu-item">{t!(i18n, "menu-sign-out")}</button>
                    </ActionForm>
                </li>
            </ul>
        </details>
    }
}

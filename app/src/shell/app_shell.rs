use super::sidebar::Sidebar;
use super::user_menu::UserMenu;
use crate::auth::{use_viewer_context, SignInPage};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::ErrorMessage;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// Every signed-in page renders inside this frame; a visitor sees the sign-in page instead.
#[component]
pub fn AppShell() -> impl IntoView {
    let ctx = use_viewer_context();
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match ctx.viewer.await {
                    Ok(Some(viewer)) => {
                        let viewer = StoredValue::new(viewer);
                        EitherOf3::A(view! {
                            <a class="skip-link" href="#main">{t!(i18n, "skip-to-content")}</a>
                            <div class="app">
                                <Sidebar is_admin=viewer.with_value(|v| v.is_admin()) />
                                <div class="app-main">
                                    <header class="topbar">
                                        <p class="topbar-program">
                                            {move || viewer.with_value(|v| v.membership.as_ref().map(|m| m.name(i18n.lang()).to_string()))}
                                        </p>
                                        <UserMenu viewer=viewer.get_value() />
                                    </header>
                                    <main id="main" class="content">
                                        <Outlet />
                                    </main>
                                </div>
                            </div>
                        })
                    }
                    // A visitor gets the sign-in page right here, and comes back to this URL after.
                    Ok(None) => EitherOf3::B(view! { <SignInPage /> }),
                    Err(err) => EitherOf3::C(view! {
                        <main id="main" class="content">
                            <ErrorMessage error=Signal::derive(move || Some(err.clone())) />
                        </main>
                    }),
                }
            })}
        </Suspense>
    }
}

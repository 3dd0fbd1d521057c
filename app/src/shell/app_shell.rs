use super::sidebar::Sidebar;
use super::user_menu::UserMenu;
use crate::auth::api::get_viewer;
use crate::auth::model::Viewer;
use crate::auth::SignInPage;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::ErrorMessage;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// Every signed-in page renders inside this frame; a visitor sees the sign-in page instead,
/// and comes back to the same URL after signing in.
#[component]
pub fn AppShell() -> impl IntoView {
    // Loaded once per page load: signing in or out, and switching program, are full page loads.
    let viewer = Resource::new(|| (), |_| get_viewer());
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(viewer)) => EitherOf3::A(view! { <SignedInFrame viewer /> }),
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

#[component]
fn SignedInFrame(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    // Pages read the viewer from context instead of awaiting it again.
    provide_context(viewer.clone());
    let membership = viewer.membership.clone();
    let program_name = move || membership.as_ref().map(|m| m.name(i18n.lang()).to_string());
    view! {
        <a class="skip-link" href="#main">{t!(i18n, "skip-to-content")}</a>
        <div class="app">
            <Sidebar is_admin=viewer.is_admin() />
            <div class="app-main">
                <header class="topbar">
                    <p class="topbar-program">{program_name}</p>
                    <UserMenu viewer />
                </header>
                <main id="main" class="content">
                    <Outlet />
                </main>
            </div>
        </div>
    }
}

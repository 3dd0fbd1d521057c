use super::sidebar::Sidebar;
use super::user_menu::UserMenu;
use crate::auth::api::get_viewer;
use crate::auth::model::Viewer;
use crate::auth::SignInPage;
use crate::i18n::use_i18n;
use crate::notifications::{NotificationBell, UnreadNotifications};
use crate::t;
use crate::ui::LoadError;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// Every signed-in page renders inside this frame; a visitor sees the sign-in page instead,
/// and comes back to the same URL after signing in.
///
/// The server knows the viewer before it renders (the session middleware resolved it), and
/// the browser reads that same value from the page while it hydrates, so the frame and the
/// page inside it are built once, synchronously. Waiting for the viewer inside a
/// `<Suspense>` would make the server build the page (and call its server functions) once
/// per resolution pass, and the browser hydrate with the first pass's data against the
/// last pass's HTML. Only a shell first built in the browser (after a client-side
/// navigation from a page outside it) asks the server.
#[component]
pub fn AppShell() -> impl IntoView {
    match SharedValue::new(ShellViewer::here).into_inner() {
        ShellViewer::Known(viewer) => Either::Left(frame_for(viewer)),
        ShellViewer::Unknown => Either::Right(fetched_frame()),
    }
}

/// Who is looking, as far as the side building the shell knows. An enum rather than
/// `Option<Option<Viewer>>`, whose "known visitor" and "unknown" would both travel as `null`.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)] // one per page load
enum ShellViewer {
    Known(Option<Viewer>),
    Unknown,
}

impl ShellViewer {
    /// Known on the server (the session middleware resolved it); unknown in the browser.
    fn here() -> Self {
        #[cfg(feature = "ssr")]
        {
            Self::Known(crate::auth::server::authz::current_session().map(|s| s.viewer))
        }
        #[cfg(not(feature = "ssr"))]
        {
            Self::Unknown
        }
    }
}

fn frame_for(viewer: Option<Viewer>) -> impl IntoView {
    match viewer {
        Some(viewer) => Either::Left(view! { <SignedInFrame viewer /> }),
        None => Either::Right(view! { <SignInPage /> }),
    }
}

fn fetched_frame() -> impl IntoView {
    let viewer = Resource::new(|| (), |_| get_viewer());
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(viewer) => Either::Left(frame_for(viewer)),
                    Err(err) => Either::Right(view! {
                        <main id="main" class="content">
                            <LoadError error=err />
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
    let has_program = membership.is_some();
    // The bell shows it; the notifications page clears it when all are marked read.
    let unread = UnreadNotifications(RwSignal::new(viewer.unread_notifications));
    provide_context(unread);
    let program_name = move || membership.as_ref().map(|m| m.name(i18n.lang()).to_string());
    // Set once the browser has taken the frame over (its menus and forms answer from
    // here on); browser tests wait for it. Effects never run on the server.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    view! {
        <a class="skip-link" href="#main">{t!(i18n, "skip-to-content")}</a>
        <div class="app" data-live=move || live.get().then_some("true")>
            <Sidebar role=viewer.membership.as_ref().map(|m| m.role) />
            <div class="app-main">
                <header class="topbar">
                    <p class="topbar-program">{program_name}</p>
                    <div class="topbar-actions">
                        {has_program.then(|| view! { <NotificationBell unread /> })}
                        <UserMenu viewer />
                    </div>
                </header>
                <main id="main" class="content">
                    <Outlet />
                </main>
            </div>
        </div>
    }
}

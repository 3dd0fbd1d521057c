//! Mentora's pages and the server functions behind them, shared by the server (SSR) and
//! the browser (hydration). Types and pure rules come from `shared`; on the server, the
//! rules and SQL the server functions call come from `backend`.
#![recursion_limit = "256"]

pub mod account;
pub mod admin;
pub mod auth;
pub mod dashboard;
pub mod i18n;
pub mod matching;
pub mod members;
pub mod messaging;
pub mod notifications;
pub mod profiles;
pub mod relationships;
pub mod routes;
pub mod scheduling;
pub mod shell;
pub mod ui;

pub use shared::{error, fold, iso_date, percent, text_enum, zone};

#[cfg(feature = "ssr")]
pub mod csp;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub use backend::{db, local_url, seed};

use i18n::{provide_i18n, Lang};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};
use routes::*;
use shell::{AppShell, NotFoundPage};

/// The name the browser bundle is published under (`/pkg/mentora.js`).
pub const OUTPUT_NAME: &str = "mentora";

/// The language this page is rendered in. The server decides (see `request_lang`) and
/// writes it to `<html lang>`; the browser reads it back so hydration agrees.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| auth::server::session::request_lang(&parts))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    csp::set_page_policy();
    let lang = initial_lang();
    let locales = i18n::page_locale_version();
    let locale_href = i18n::locale_path(lang, &locales);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <meta name=i18n::LOCALES_META content=locales />
                // Fetched by the bundle before it hydrates; the preload starts it with the page.
                <link rel="preload" r#as="fetch" crossorigin="anonymous" href=locale_href />
                <link rel="stylesheet" href=format!("/{}/{OUTPUT_NAME}.css", options.site_pkg_dir) />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n(initial_lang());

    // Browser only: keep <html lang> in step with the chosen language, and mark the page
    // hydrated (browser tests wait for this marker instead of sleeping).
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    // On the server the title is text: leptos_meta may render the head outside the
    // request's reactive arena, where reading the language signal panics.
    #[cfg(feature = "ssr")]
    let title = leptos::text_prop::TextProp::from(i18n.t("app-title"));
    #[cfg(not(feature = "ssr"))]
    let title = leptos::text_prop::TextProp::from(move || i18n.t("app-title"));
    view! {
        <Title text=title />
        <Router>
            // Static paths before parameters: the first route that matches wins.
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view={Lazy::<SignInRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/join/:token") view={Lazy::<JoinRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/forgot-password") view={Lazy::<ForgotPasswordRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/password/:token") view={Lazy::<PasswordLinkRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/unlock") view={Lazy::<ResendUnlockRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/unlock/:token") view={Lazy::<UnlockRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/meetings/answer/:token") view={Lazy::<AnswerLinkRoute>::new()} ssr=SsrMode::Async />
                <ParentRoute path=path!("") view=AppShell ssr=SsrMode::Async>
                    <Route path=path!("/") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/connections") view={Lazy::<ConnectionsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/invite/:id") view={Lazy::<InviteRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/invitations/:id") view={Lazy::<InvitationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/relationships/:id") view={Lazy::<RelationshipRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/relationships/:id/book") view={Lazy::<BookRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calendar") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calendar/availability") view={Lazy::<AvailabilityRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/mentors") view={Lazy::<MentorsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/mentees") view={Lazy::<MenteesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin") view={Lazy::<AdminDashboardRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view={Lazy::<ProgramSettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/lists/:list") view={Lazy::<ProgramListsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/profile-fields") view={Lazy::<CustomFieldsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/profile-fields/new") view={Lazy::<CustomFieldEditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/profile-fields/builtin") view={Lazy::<ProfileRulesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/profile-fields/:id") view={Lazy::<CustomFieldEditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/relationships") view={Lazy::<AdminRelationshipsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/relationships/meetings") view={Lazy::<AdminMeetingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/relationships/end-all") view={Lazy::<EndAllRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/match") view={Lazy::<MatchMembersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members") view={Lazy::<MembersTableRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/log") view={Lazy::<EmailLogRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/log/:id") view={Lazy::<EmailDetailRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/system") view={Lazy::<SystemMessagesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/system/:key") view={Lazy::<SystemMessageEditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/import") view={Lazy::<ImportMembersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/import/:run") view={Lazy::<ImportRunRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/deactivate") view={Lazy::<DeactivateMembersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/deactivate/:run") view={Lazy::<ImportRunRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/:id") view={Lazy::<MemberAdminRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/programs") view={Lazy::<SwitchProgramRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<AccountSettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/profile") view={Lazy::<ProfileEditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/members/:id") view={Lazy::<MemberProfileRoute>::new()} ssr=SsrMode::Async />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

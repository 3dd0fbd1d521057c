//! Mentora: the application shared by the server (SSR) and the browser (hydration).
#![recursion_limit = "256"]

pub mod account;
pub mod admin;
pub mod auth;
pub mod dashboard;
pub mod directory;
pub mod error;
pub mod i18n;
pub mod members;
pub mod messaging;
pub mod relationships;
pub mod shell;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod seed;
#[cfg(feature = "ssr")]
pub mod state;

use account::AccountSettingsPage;
use admin::{AdminDashboardPage, ProgramSettingsPage};
use auth::{
    ForgotPasswordPage, JoinPage, PasswordLinkPage, ResendUnlockPage, SignInPage,
    SwitchProgramPage, UnlockPage,
};
use dashboard::DashboardPage;
use directory::{MenteesPage, MentorsPage};
use i18n::{provide_i18n, Lang};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};
use members::{
    DeactivateMembersPage, ImportMembersPage, ImportRunPage, MemberAdminPage, MembersListPage,
};
use messaging::{EmailDetailPage, EmailLogPage, SystemMessageEditPage, SystemMessagesPage};
use relationships::ConnectionsPage;
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
    let lang = initial_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
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

    view! {
        <Title text=move || i18n.t("app-title") />
        <Router>
            // Static paths before parameters: the first route that matches wins.
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=SignInPage ssr=SsrMode::Async />
                <Route path=path!("/join/:token") view=JoinPage ssr=SsrMode::Async />
                <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
                <Route path=path!("/password/:token") view=PasswordLinkPage ssr=SsrMode::Async />
                <Route path=path!("/unlock") view=ResendUnlockPage ssr=SsrMode::Async />
                <Route path=path!("/unlock/:token") view=UnlockPage ssr=SsrMode::Async />
                <ParentRoute path=path!("") view=AppShell ssr=SsrMode::Async>
                    <Route path=path!("/") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/connections") view=ConnectionsPage ssr=SsrMode::Async />
                    <Route path=path!("/mentors") view=MentorsPage ssr=SsrMode::Async />
                    <Route path=path!("/mentees") view=MenteesPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminDashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view=ProgramSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members") view=MembersListPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/log") view=EmailLogPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/log/:id") view=EmailDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/system") view=SystemMessagesPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/messages/system/:key") view=SystemMessageEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/import") view=ImportMembersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/import/:run") view=ImportRunPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/deactivate") view=DeactivateMembersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/deactivate/:run") view=ImportRunPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/members/:id") view=MemberAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/programs") view=SwitchProgramPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountSettingsPage ssr=SsrMode::Async />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

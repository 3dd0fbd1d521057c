use super::api::get_member_summary;
use crate::admin::AdminDashboardPage;
use crate::auth::use_viewer;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;

/// "/": administrators land on the admin dashboard, members on their own summary.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let viewer = use_viewer();
    let page = if viewer.is_admin() {
        Either::Left(view! { <AdminDashboardPage /> })
    } else {
        Either::Right(
            view! { <MemberDashboard first_name=viewer.first_name.clone() has_program=viewer.membership.is_some() /> },
        )
    };
    view! {
        <QueryNotice name="password_set" key="password-set-notice" />
        {page}
    }
}

#[component]
fn MemberDashboard(first_name: String, has_program: bool) -> impl IntoView {
    let i18n = use_i18n();
    let summary = Resource::new(|| (), |_| get_member_summary());
    let name = first_name.clone();
    view! {
        <header class="page-header">
            <h1>{t!(i18n, "dashboard-greeting", name = name.clone())}</h1>
            <p class="page-subtitle">{t!(i18n, "dashboard-intro")}</p>
        </header>
        {if has_program {
            Either::Left(view! {
                <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        match summary.await {
                            Ok(s) => Either::Left(view! {
                                <section class="tiles" aria-label=t!(i18n, "dashboard-summary-label")>
                                    <a class="tile tile-link" href="/connections">
                                        <h2>{t!(i18n, "dashboard-active-relationships")}</h2>
                                        <p class="tile-number">{s.active_relationships}</p>
                                    </a>
                                    <article class="tile">
                                        <h2>{t!(i18n, "dashboard-invitations-received")}</h2>
                                        <p class="tile-number">{s.invitations_received}</p>
                                    </article>
                                    <article class="tile">
                                        <h2>{t!(i18n, "dashboard-invitations-sent")}</h2>
                                        <p class="tile-number">{s.invitations_sent}</p>
                                    </article>
                                </section>
                            }),
                            Err(err) => Either::Right(view! { <LoadError error=err /> }),
                        }
                    })}
                </Suspense>
            })
        } else {
            Either::Right(view! { <p class="alert">{t!(i18n, "dashboard-no-program")}</p> })
        }}
    }
}

use super::api::get_admin_stats;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{ErrorMessage, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;

/// Seed 002's admin dashboard. Only tiles whose feature exists are shown: today the
/// statistics row (members, relationships, invitations) with their breakdowns.
#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let stats = Resource::new(|| (), |_| get_admin_stats());
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("admin-dashboard-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match stats.await {
                    Ok(s) => Either::Left(view! {
                        <section class="tiles" aria-label=t!(i18n, "admin-stats-label")>
                            <article class="tile" data-tile="members">
                                <h2>{t!(i18n, "admin-tile-members")}</h2>
                                <p class="tile-number">{s.members()}</p>
                                <ul class="tile-breakdown">
                                    <li>{t!(i18n, "admin-members-mentors", count = s.mentors)}</li>
                                    <li>{t!(i18n, "admin-members-mentees", count = s.mentees)}</li>
                                    <li>{t!(i18n, "admin-members-admins", count = s.admins)}</li>
                                </ul>
                            </article>
                            <article class="tile" data-tile="relationships">
                                <h2>{t!(i18n, "admin-tile-relationships")}</h2>
                                <p class="tile-number">{s.relationships()}</p>
                                <ul class="tile-breakdown">
                                    <li>{t!(i18n, "admin-relationships-active", count = s.active_relationships)}</li>
                                    <li>{t!(i18n, "admin-relationships-completed", count = s.completed_relationships)}</li>
                                </ul>
                            </article>
                            <article class="tile" data-tile="invitations">
                                <h2>{t!(i18n, "admin-tile-invitations")}</h2>
                                <p class="tile-number">{s.invitations()}</p>
                                <ul class="tile-breakdown">
                                    <li>{t!(i18n, "admin-invitations-pending", count = s.pending_invitations)}</li>
                                    <li>{t!(i18n, "admin-invitations-accepted", count = s.accepted_invitations)}</li>
                                    <li>{t!(i18n, "admin-invitations-declined", count = s.declined_invitations)}</li>
                                </ul>
                            </article>
                        </section>
                    }),
                    Err(err) => Either::Right(view! { <ErrorMessage error=Signal::derive(move || Some(err.clone())) /> }),
                }
            })}
        </Suspense>
    }
}

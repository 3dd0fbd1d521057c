use super::api::get_admin_stats;
use super::invitation_link_tile::InvitationLinkTile;
use crate::i18n::use_i18n;
use crate::matching::admin::MATCH_MEMBERS_PATH;
use crate::relationships::admin::{ADMIN_RELATIONSHIPS_PATH, END_ALL_PATH};
use crate::t;
use crate::ui::{LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;

/// Seed 002's admin dashboard. Only tiles whose feature exists are shown: the
/// statistics row (members, relationships, invitations, saved searches) with their
/// breakdowns, then the tiles of each area (matching, messages, members, profiles).
#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let stats = Resource::new(|| (), |_| get_admin_stats());
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("admin-dashboard-title")) />
        <QueryNotice name="link" key="invite-link-regenerated" />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match stats.await {
                    Ok(s) => Either::Left(view! {
                        <section class="tiles" aria-label=t!(i18n, "admin-stats-label")>
                            <StatTile
                                tile="members"
                                title_key="admin-tile-members"
                                total=s.members()
                                parts=vec![
                                    ("admin-members-mentors", s.mentors),
                                    ("admin-members-mentees", s.mentees),
                                    ("admin-members-admins", s.admins),
                                ]
                            />
                            <StatTile
                                tile="relationships"
                                title_key="admin-tile-relationships"
                                total=s.relationships()
                                parts=vec![
                                    ("admin-relationships-active", s.active_relationships),
                                    ("admin-relationships-completed", s.completed_relationships),
                                ]
                            />
                            <StatTile
                                tile="invitations"
                                title_key="admin-tile-invitations"
                                total=s.invitations()
                                parts=vec![
                                    ("admin-invitations-pending", s.pending_invitations),
                                    ("admin-invitations-accepted", s.accepted_invitations),
                                    ("admin-invitations-declined", s.declined_invitations),
                                    ("admin-invitations-closed", s.closed_invitations),
                                ]
                            />
                            <StatTile
                                tile="searches"
                                title_key="admin-tile-searches"
                                total=s.searches
                                parts=vec![("admin-searches-members", s.searching_members)]
                            />
                        </section>

                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
        <section class="tiles">
            <InvitationLinkTile />
            <article class="tile" data-tile="matching">
                <h2>{t!(i18n, "admin-tile-matching")}</h2>
                <ul class="tile-links">
                    <li><a href=MATCH_MEMBERS_PATH>{t!(i18n, "match-members-title")}</a></li>
                    <li><a href=ADMIN_RELATIONSHIPS_PATH>{t!(i18n, "admin-relationships-title")}</a></li>
                    <li><a href=END_ALL_PATH>{t!(i18n, "end-all-title")}</a></li>
                </ul>
            </article>
            <article class="tile" data-tile="messages">
                <h2>{t!(i18n, "admin-tile-messages")}</h2>
                <ul class="tile-links">
                    <li><a href="/admin/messages/log">{t!(i18n, "email-log-title")}</a></li>
                    <li><a href="/admin/messages/system">{t!(i18n, "system-messages-title")}</a></li>
                </ul>
            </article>
            <article class="tile" data-tile="manage-members">
                <h2>{t!(i18n, "admin-tile-manage-members")}</h2>
                <ul class="tile-links">
                    <li><a href="/admin/members">{t!(i18n, "members-title")}</a></li>
                    <li><a href="/admin/members/import">{t!(i18n, "members-import-link")}</a></li>
                    <li><a href="/admin/members/deactivate">{t!(i18n, "members-deactivate-link")}</a></li>
                </ul>
            </article>
            <article class="tile" data-tile="profiles">
                <h2>{t!(i18n, "admin-tile-profiles")}</h2>
                <ul class="tile-links">
                    <li><a href="/admin/profile-fields">{t!(i18n, "custom-fields-title")}</a></li>
                    <li><a href="/admin/profile-fields/builtin">{t!(i18n, "profile-rules-title")}</a></li>
                    <li><a href="/admin/lists/industry">{t!(i18n, "lists-title")}</a></li>
                </ul>
            </article>
            <article class="tile" data-tile="settings">
                <h2>{t!(i18n, "settings-title")}</h2>
                <ul class="tile-links">
                    <li><a href="/admin/settings">{t!(i18n, "settings-link")}</a></li>
                </ul>
            </article>
        </section>
    }
}

/// One statistics tile: a heading, the total, and its breakdown (`key` takes `$count`).
#[component]
fn StatTile(
    tile: &'static str,
    title_key: &'static str,
    total: i64,
    parts: Vec<(&'static str, i64)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="tile" data-tile=tile>
            <h2>{move || i18n.t(title_key)}</h2>
            <p class="tile-number">{total}</p>
            <ul class="tile-breakdown">
                {parts
                    .into_iter()
                    .map(|(key, count)| view! { <li>{move || i18n.t_with(key, &[("count", count.into())])}</li> })
                    .collect_view()}
            </ul>
        </article>
    }
}

use super::api::list_my_connections;
use super::model::{invitation_path, relationship_path, Connection, PendingInvitation};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// `/connections`: invitations waiting for an answer (received, then sent), then the
/// member's relationships; each opens its page.
#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let connections = Resource::new(|| (), |_| list_my_connections());
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("connections-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match connections.await {
                    Ok(c) if c.invitations.is_empty() && c.relationships.is_empty() => {
                        EitherOf3::A(view! { <p class="alert">{t!(i18n, "connections-empty")}</p> })
                    }
                    Ok(c) => {
                        let (sent, received): (Vec<_>, Vec<_>) =
                            c.invitations.into_iter().partition(|i| i.sent_by_viewer);
                        EitherOf3::B(view! {
                            <InvitationList items=received title_key="connections-received" />
                            <InvitationList items=sent title_key="connections-sent" />
                            {(!c.relationships.is_empty()).then(|| view! {
                                <h2>{t!(i18n, "connections-relationships")}</h2>
                                <ul class="card-list">
                                    {c.relationships.into_iter().map(|c| view! { <ConnectionCard c /> }).collect_view()}
                                </ul>
                            })}
                        })
                    }
                    Err(err) => EitherOf3::C(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InvitationList(items: Vec<PendingInvitation>, title_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return Either::Left(());
    }
    Either::Right(view! {
        <h2>{move || i18n.t(title_key)}</h2>
        <ul class="card-list">
            {items.into_iter().map(|i| {
                let expires = i.expires;
                let role_key = i.partner_role.label_key();
                view! {
                    <li class="card">
                        <h3 class="card-title"><a href=invitation_path(i.id)>{i.partner_name.clone()}</a></h3>
                        <p><span class="badge">{move || i18n.t(role_key)}</span></p>
                        <p class="muted">
                            {move || i18n.t_with("connections-answer-by", &[("date", expires.format_date(i18n.lang()).into())])}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

#[component]
fn ConnectionCard(c: Connection) -> impl IntoView {
    let i18n = use_i18n();
    let started = c.started;
    let role_key = c.partner_role.label_key();
    let status_key = c.status.label_key();
    let work = (!c.partner_job_title.is_empty()).then(|| {
        let (title, company) = (c.partner_job_title.clone(), c.partner_company.clone());
        move || {
            i18n.t_with(
                "directory-job-at",
                &[
                    ("title", title.clone().into()),
                    ("company", company.clone().into()),
                ],
            )
        }
    });
    view! {
        <li class="card">
            <h3 class="card-title"><a href=relationship_path(c.relationship_id)>{c.partner_name.clone()}</a></h3>
            <p>
                <span class="badge">{move || i18n.t(role_key)}</span>
                " "
                <span class="badge badge-status">{move || i18n.t(status_key)}</span>
            </p>
            {work.map(|w| view! { <p>{w}</p> })}
            <p class="muted">
                {move || i18n.t_with("connections-started", &[("date", started.format_date(i18n.lang()).into())])}
            </p>
        </li>
    }
}

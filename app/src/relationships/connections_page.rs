use super::api::list_my_connections;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::EitherOf3;
use leptos::prelude::*;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let connections = Resource::new(|| (), |_| list_my_connections());
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("connections-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match connections.await {
                    Ok(list) if list.is_empty() => EitherOf3::A(view! { <p class="alert">{t!(i18n, "connections-empty")}</p> }),
                    Ok(list) => EitherOf3::B(view! {
                        <ul class="card-list">
                            {list.into_iter().map(|c| {
                                let started = c.started;
                                let role_key = c.partner_role.label_key();
                                let status_key = c.status.label_key();
                                let work = (!c.partner_job_title.is_empty()).then(|| {
                                    let (title, company) = (c.partner_job_title.clone(), c.partner_company.clone());
                                    move || i18n.t_with("directory-job-at", &[("title", title.clone().into()), ("company", company.clone().into())])
                                });
                                view! {
                                    <li class="card">
                                        <h2 class="card-title">{c.partner_name.clone()}</h2>
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
                            }).collect_view()}
                        </ul>
                    }),
                    Err(err) => EitherOf3::C(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

use super::api::get_email;
use super::email_log_page::status_label;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/admin/messages/log/{id}`: one e-mail as sent (text and HTML), its status and the
/// reports received. Also how an admin reads messages when no SMTP relay is configured.
#[component]
pub fn EmailDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let email = Resource::new(id, get_email);
    view! {
        <p class="breadcrumb"><a href="/admin/messages/log">{t!(i18n, "email-log-title")}</a></p>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match email.await {
                    Ok(e) => {
                        let subject = e.row.subject.clone();
                        let (status, automatic, at, sent) = (e.row.status, e.row.open_automatic, e.row.status_at, e.row.sent);
                        let frame = format!("/admin/messages/log/{}/body.html", e.row.id);
                        Either::Left(view! {
                            <PageHeader title=Signal::derive(move || subject.clone()) />
                            <dl class="facts card">
                                <dt>{t!(i18n, "email-log-col-recipient")}</dt>
                                <dd>{format!("{} {}", e.row.to_name, e.row.to_address)}</dd>
                                <dt>{t!(i18n, "email-log-col-sent")}</dt>
                                <dd>{move || sent.format_date_time(i18n.lang())}</dd>
                                <dt>{t!(i18n, "email-log-col-status")}</dt>
                                <dd>{move || status_label(i18n, status, automatic, at.format_date_time(i18n.lang()))}</dd>
                                <dt>{t!(i18n, "email-attempts")}</dt>
                                <dd>{e.attempts}</dd>
                            </dl>
                            <section class="card">
                                <h2>{t!(i18n, "email-events")}</h2>
                                {e.events.is_empty().then(|| view! { <p class="muted">{t!(i18n, "email-no-events")}</p> })}
                                <ul>
                                    {e.events.into_iter().map(|(kind, at, detail)| view! {
                                        <li>{move || format!("{} — {} {}", at.format_date_time(i18n.lang()), kind, detail)}</li>
                                    }).collect_view()}
                                </ul>
                            </section>
                            <section class="card">
                                <h2>{t!(i18n, "email-html")}</h2>
                                <p class="field-hint">{t!(i18n, "email-links-hidden")}</p>
                                <iframe class="email-frame" src=frame sandbox="" title=t!(i18n, "email-html")></iframe>
                                <h2>{t!(i18n, "email-text")}</h2>
                                <pre class="email-text">{e.body_text}</pre>
                            </section>
                        })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

use super::api::{list_email_log, suggest_log_members};
use super::model::{EmailLogQuery, EmailLogRow, EmailStatus, EMAIL_LOG_COUNT_CAP};
use crate::i18n::{use_i18n, I18n};
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/admin/messages/log` (seed 002, "État de livraison des communications par courriel"):
/// every e-mail with its delivery status; filter by members, statuses and dates; download
/// exactly the filtered rows. Filters live in the URL (a plain GET form).
#[component]
pub fn EmailLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let map = query_map.read();
        let pairs: Vec<(String, String)> = ["member", "status", "from", "to", "before", "after"]
            .iter()
            .flat_map(|k| {
                map.get_all(k)
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |v| (k.to_string(), v))
            })
            .collect();
        EmailLogQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    let log = Resource::new(move || query.get(), list_email_log);
    view! {
        <p class="breadcrumb"><a href="/admin">{t!(i18n, "admin-dashboard-title")}</a></p>
        <PageHeader title=Signal::derive(move || i18n.t("email-log-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "email-log-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match log.await {
                    Ok(page) => Either::Left(view! {
                        <LogFilters query=q.clone() members=page.members.clone() />
                        <p class="result-count">{move || count_text(i18n, page.total)}</p>
                        <LogTable rows=page.rows.clone() />
                        <nav class="pagination" aria-label=t!(i18n, "pagination-label")>
                            {page.newer.clone().map(|c| {
                                let href = with_filters(&q, &format!("after={c}"));
                                view! { <a href=href rel="prev">{t!(i18n, "email-log-newer")}</a> }
                            })}
                            {page.older.clone().map(|c| {
                                let href = with_filters(&q, &format!("before={c}"));
                                view! { <a href=href rel="next">{t!(i18n, "email-log-older")}</a> }
                            })}
                        </nav>
                    }),
                    Err(err) => Either::Right(view! {
                        <LogFilters query=q.clone() members=Vec::new() />
                        <LoadError error=err />
                    }),
                }
            })}
        </Suspense>
    }
}

fn with_filters(query: &EmailLogQuery, extra: &str) -> String {
    let filters = query.filter_string();
    if filters.is_empty() {
        format!("?{extra}")
    } else {
        format!("?{filters}&{extra}")
    }
}

fn count_text(i18n: I18n, total: i64) -> String {
    if total > EMAIL_LOG_COUNT_CAP {
        i18n.t_with(
            "email-log-count-many",
            &[("count", EMAIL_LOG_COUNT_CAP.into())],
        )
    } else {
        i18n.t_with("email-log-count", &[("count", total.into())])
    }
}

/// Members (chips + type-ahead), statuses, dates; Search, Show all, Download.
#[component]
fn LogFilters(query: EmailLogQuery, members: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let suggestions = RwSignal::new(Vec::<(String, String)>::new());
    let typed = move |ev: leptos::ev::Event| {
        let prefix = event_target_value(&ev);
        leptos::task::spawn_local(async move {
            if let Ok(found) = suggest_log_members(prefix).await {
                suggestions.set(found);
            }
        });
    };
    let download = format!("/admin/messages/log.csv?{}", query.filter_string());
    let chips = members.into_iter().map(|(name, email)| {
        let mut rest = query.clone();
        rest.members.retain(|m| *m != email);
        let remove = with_filters(&rest, "").trim_end_matches('&').trim_end_matches('?').to_string();
        let remove = if remove.is_empty() { "?".to_string() } else { remove };
        let label = if name.is_empty() { email.clone() } else { format!("{name}, {email}") };
        let remove_label = label.clone();
        view! {
            <li class="chip">
                <input type="hidden" name="member" value=email />
                <span>{label}</span>
                <a href=remove aria-label=move || i18n.t_with("email-log-remove-member", &[("member", remove_label.clone().into())])>"×"</a>
            </li>
        }
    }).collect_view();
    let statuses = query.statuses.clone();
    view! {
        <form method="get" class="card log-filters">
            <div class="field">
                <label for="member">{t!(i18n, "email-log-member")}</label>
                <ul class="chips">{chips}</ul>
                <input id="member" type="search" name="member" list="member-suggestions"
                    autocomplete="off" on:input=typed />
                <datalist id="member-suggestions">
                    {move || suggestions.get().into_iter().map(|(name, email)| view! {
                        <option value=email.clone()>{name}</option>
                    }).collect_view()}
                </datalist>
            </div>
            <fieldset class="field">
                <legend>{t!(i18n, "email-log-status")}</legend>
                <div class="checks">
                    {EmailStatus::ALL.into_iter().map(|status| {
                        let checked = statuses.contains(&status);
                        view! {
                            <label class="choice">
                                <input type="checkbox" name="status" value=status.as_str() checked=checked />
                                {move || i18n.t(status.label_key())}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="from">{t!(i18n, "email-log-from")}</label>
                    <input id="from" type="date" name="from" value=query.from.clone().unwrap_or_default() />
                </div>
                <div class="field">
                    <label for="to">{t!(i18n, "email-log-to")}</label>
                    <input id="to" type="date" name="to" value=query.to.clone().unwrap_or_default() />
                </div>
            </div>
            <div class="tile-actions">
                <button type="submit" class="button button-primary">{t!(i18n, "email-log-search")}</button>
                <a class="button" href="/admin/messages/log">{t!(i18n, "email-log-show-all")}</a>
                <a class="button" href=download download>{t!(i18n, "email-log-download")}</a>
            </div>
        </form>
    }
}

#[component]
fn LogTable(rows: Vec<EmailLogRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, "email-log-col-name")}</th>
                    <th scope="col">{t!(i18n, "email-log-col-recipient")}</th>
                    <th scope="col">{t!(i18n, "email-log-col-sent")}</th>
                    <th scope="col">{t!(i18n, "email-log-col-status")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let href = format!("/admin/messages/log/{}", row.id);
                        let recipient = if row.to_address.is_empty() {
                            None
                        } else {
                            Some(format!("{} ({})", row.to_name, row.to_address))
                        };
                        let (sent, status_at, status, automatic) = (row.sent, row.status_at, row.status, row.open_automatic);
                        view! {
                            <tr>
                                <td><a href=href>{row.subject.clone()}</a></td>
                                <td>{move || recipient.clone().unwrap_or_else(|| i18n.t("deleted-member"))}</td>
                                <td>{move || sent.format_date_time(i18n.lang())}</td>
                                <td class=format!("status status-{}", status.as_str())>
                                    {move || status_label(i18n, status, automatic, status_at.format_date_time(i18n.lang()))}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "Opened (22 Nov 2026, 10:50)", "Delivered", …
pub fn status_label(i18n: I18n, status: EmailStatus, automatic: bool, when: String) -> String {
    let label = if status == EmailStatus::Opened && automatic {
        i18n.t("email-status-opened-automatic")
    } else {
        i18n.t(status.label_key())
    };
    match status {
        EmailStatus::Queued | EmailStatus::Sent | EmailStatus::Delivered => label,
        _ => i18n.t_with(
            "email-status-with-time",
            &[("status", label.into()), ("time", when.into())],
        ),
    }
}

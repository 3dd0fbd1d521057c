use super::api::list_system_messages;
use super::template::TemplateCategory;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/admin/messages/system` (seed 002, "Gérer les messages générés par le système"):
/// the messages the platform sends, by category: name, subject, status, edit, preview.
#[component]
pub fn SystemMessagesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let templates = Resource::new(|| (), |_| list_system_messages());
    let saved = move || query.read().get("saved");
    view! {
        <p class="breadcrumb"><a href="/admin">{t!(i18n, "admin-dashboard-title")}</a></p>
        <PageHeader title=Signal::derive(move || i18n.t("system-messages-title")) />
        <p>{t!(i18n, "system-messages-intro")}</p>
        {move || saved().map(|key| view! {
            <p class="alert alert-success" role="status">
                {move || i18n.t_with("system-message-saved", &[("name", i18n.t(&format!("template-{key}")).into())])}
            </p>
        })}
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match templates.await {
                    Ok(list) => Either::Left(TemplateCategory::ALL.into_iter().map(|category| {
                        let rows: Vec<_> = list.iter().filter(|t| t.category == category).cloned().collect();
                        view! {
                            <details class="card category" open>
                                <summary><h2>{move || i18n.t(category.label_key())}</h2></summary>
                                <div class="table-scroll">
                                    <table class="data-table">
                                        <thead><tr>
                                            <th scope="col">{t!(i18n, "system-messages-col-name")}</th>
                                            <th scope="col">{t!(i18n, "system-messages-col-subject")}</th>
                                            <th scope="col">{t!(i18n, "system-messages-col-status")}</th>
                                            <th scope="col">{t!(i18n, "system-messages-col-tools")}</th>
                                            <th scope="col">{t!(i18n, "system-messages-col-preview")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|row| {
                                                let key = row.key.clone();
                                                let edit = format!("/admin/messages/system/{key}");
                                                let preview = format!("/admin/messages/system/{key}/preview.html");
                                                let name_key = format!("template-{key}");
                                                let active = row.active;
                                                let edited = row.edited;
                                                view! {
                                                    <tr>
                                                        <td>{move || i18n.t(&name_key)}</td>
                                                        <td>{row.subject.clone()}</td>
                                                        <td>
                                                            {move || i18n.t(if active { "template-active" } else { "template-inactive" })}
                                                            {move || edited.then(|| format!(" · {}", i18n.t("template-edited")))}
                                                        </td>
                                                        <td><a href=edit>{t!(i18n, "system-messages-edit")}</a></td>
                                                        <td><a href=preview target="_blank" rel="noopener">{t!(i18n, "system-messages-preview")}</a></td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            </details>
                        }
                    }).collect_view()),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

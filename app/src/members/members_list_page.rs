use super::api::list_members;
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::messaging::model::encode_component;
use crate::t;
use crate::ui::{ErrorMessage, PageHeader, Pagination, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/admin/members`: find a member by name or e-mail and open their admin page.
/// (The full members table with live filters replaces this list in a later issue.)
#[component]
pub fn MembersListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = Memo::new(move |_| {
        let q = query.read();
        let page = q
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1);
        (q.get("q").unwrap_or_default(), page)
    });
    let data = Resource::new(move || params.get(), |(q, page)| list_members(q, page));
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("members-title")) />
        <QueryNotice name="deleted" key="members-deleted" />
        <form method="get" class="search-form" role="search">
            <label for="q">{t!(i18n, "members-search-label")}</label>
            <input id="q" type="search" name="q" value=move || params.get().0 />
            <button type="submit" class="button">{t!(i18n, "members-search")}</button>
        </form>
        <p class="admin-links">
            <a href="/admin/members/import">{t!(i18n, "members-import-link")}</a>
            " · "
            <a href="/admin/members/deactivate">{t!(i18n, "members-deactivate-link")}</a>
        </p>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => {
                        let q = params.get_untracked().0;
                        let paging = if q.is_empty() { String::new() } else { format!("q={}&", encode_component(&q)) };
                        Either::Left(view! {
                            <p class="result-count">{t!(i18n, "members-count", count = d.total)}</p>
                            <div class="table-scroll">
                                <table class="data-table">
                                    <thead><tr>
                                        <th scope="col">{t!(i18n, "members-col-name")}</th>
                                        <th scope="col">{t!(i18n, "field-email")}</th>
                                        <th scope="col">{t!(i18n, "field-role")}</th>
                                        <th scope="col">{t!(i18n, "members-col-completeness")}</th>
                                        <th scope="col">{t!(i18n, "members-col-last-sign-in")}</th>
                                        <th scope="col">{t!(i18n, "members-col-active")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {d.rows.into_iter().map(|m| {
                                            let href = format!("/admin/members/{}", m.user_id);
                                            let last = m.last_sign_in;
                                            let percent = (m.role != Role::Admin).then_some(m.completeness);
                                            view! {
                                                <tr>
                                                    <td><a href=href>{m.full_name()}</a></td>
                                                    <td>{m.email.clone()}</td>
                                                    <td>{move || i18n.t(m.role.label_key())}</td>
                                                    <td class="number">{move || percent.map(|p| i18n.t_with("percent", &[("value", p.into())])).unwrap_or_else(|| "—".into())}</td>
                                                    <td>{move || last.map(|t| t.format_date_time(i18n.lang()))}</td>
                                                    <td>{move || i18n.t(if m.active { "yes" } else { "no" })}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pagination page=d.page page_count=d.page_count query=paging />
                        })
                    }
                    Err(err) => Either::Right(view! { <ErrorMessage error=Signal::derive(move || Some(err.clone())) /> }),
                }
            })}
        </Suspense>
    }
}

use super::api::list_directory;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{Avatar, LoadError, PageHeader, Pagination};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MentorsPage() -> impl IntoView {
    view! { <MembersDirectory role="mentor" title_key="directory-mentors-title" /> }
}

#[component]
pub fn MenteesPage() -> impl IntoView {
    view! { <MembersDirectory role="mentee" title_key="directory-mentees-title" /> }
}

/// A paginated card list; the page number lives in the URL (`?page=2`).
#[component]
fn MembersDirectory(role: &'static str, title_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
    });
    let data = Resource::new(
        move || page.get(),
        move |page| list_directory(role.to_string(), page),
    );
    view! {
        <PageHeader title=Signal::derive(move || i18n.t(title_key)) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => Either::Left(view! {
                        <p class="result-count">{t!(i18n, "directory-count", count = d.total)}</p>
                        <ul class="member-grid">
                            {d.members.into_iter().map(|m| {
                                let place = [m.city.as_str(), m.province.as_str()]
                                    .into_iter()
                                    .filter(|s| !s.is_empty())
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                let work = (!m.job_title.is_empty()).then(|| {
                                    let title = m.job_title.clone();
                                    let company = m.company.clone();
                                    move || i18n.t_with("directory-job-at", &[("title", title.clone().into()), ("company", company.clone().into())])
                                });
                                view! {
                                    <li class="card member-card">
                                        <Avatar photo_url=m.photo_url.clone() name=format!("{} {}", m.first_name, m.last_name) />
                                        <div>
                                            <h2 class="card-title">
                                                <a href=format!("/members/{}", m.user_id)>{format!("{} {}", m.first_name, m.last_name)}</a>
                                            </h2>
                                            {work.map(|w| view! { <p>{w}</p> })}
                                            <p class="muted">{place}</p>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <Pagination page=d.page page_count=d.page_count />
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

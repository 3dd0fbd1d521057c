use super::admin::{RelationshipTab, RelationshipsQuery, TabCounts};
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use shared::scheduling::admin::MeetingsQuery;

/// The Relationships page's tabs with their counts for the search: All, Matched,
/// Completed (the relationships of `query`, on its tab unless `on_meetings`) and
/// Meetings. Each is a link that keeps the search.
#[component]
pub fn RelationshipTabs(
    counts: TabCounts,
    query: RelationshipsQuery,
    on_meetings: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let meetings = MeetingsQuery {
        search: query.search.clone(),
        ..MeetingsQuery::default()
    };
    let meetings_count = counts.meetings;
    view! {
        <nav class="tabs" aria-label=t!(i18n, "admin-relationships-tabs")>
            {RelationshipTab::ALL.into_iter().map(|tab| {
                let count = counts.of(tab);
                let current = (!on_meetings && tab == query.tab).then_some("page");
                view! {
                    <a href=query.on_tab(tab).url("") aria-current=current class="tab">
                        {move || i18n.t_with(tab.label_key(), &[("count", count.into())])}
                    </a>
                }
            }).collect_view()}
            <a href=meetings.url() aria-current=on_meetings.then_some("page") class="tab">
                {move || i18n.t_with("admin-relationships-tab-meetings", &[("count", meetings_count.into())])}
            </a>
        </nav>
    }
}

use super::model::{hours_minutes, ProfileStats};
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;

/// The dark side panel of the member quick-start: mentoring points, mentoring hours (h:mm) and completeness.
#[component]
pub fn ProfileSidePanel(stats: ProfileStats, user_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let percent = stats.completeness;
    view! {
        <aside class="profile-panel" aria-label=t!(i18n, "profile-stats-label")>
            <dl>
                <div>
                    <dt>{t!(i18n, "profile-points")}</dt>
                    <dd data-stat="points">{stats.points}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, "profile-hours")}</dt>
                    <dd data-stat="hours">{hours_minutes(stats.mentoring_minutes)}</dd>
                </div>
                <div>
                    <dt id="completeness-label">{t!(i18n, "profile-completeness")}</dt>
                    <dd data-stat="completeness">
                        {move || i18n.t_with("percent", &[("value", i64::from(percent).into())])}
                        <progress max="100" value=percent aria-labelledby="completeness-label"></progress>
                    </dd>
                </div>
            </dl>
            <a class="button button-small" href=format!("/members/{user_id}")>{t!(i18n, "profile-view-own")}</a>
        </aside>
    }
}

use super::api::{get_my_profile, SaveProfileBasic, SaveProfileEmployment, SaveProfileSkills};
use super::basic_info_tab::BasicInfoTab;
use super::employment_tab::EmploymentTab;
use super::fields::ProfileTab;
use super::profile_side_panel::ProfileSidePanel;
use super::skills_tab::SkillsTab;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/profile`: "Edit profile" in three tabs, as in the member quick-start (`?tab=basic|employment|skills`)
/// and the side panel (points, hours, completeness). Each tab is its own form: with
/// JavaScript it saves in place and the panel follows; without, it posts and comes back.
#[component]
pub fn ProfileEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let tab = Memo::new(move |_| {
        query
            .read()
            .get("tab")
            .as_deref()
            .and_then(ProfileTab::parse)
            .unwrap_or(ProfileTab::Basic)
    });
    let basic = ServerAction::<SaveProfileBasic>::new();
    let employment = ServerAction::<SaveProfileEmployment>::new();
    let skills = ServerAction::<SaveProfileSkills>::new();
    // Read again after every save, so completeness and the forms show what was stored.
    let edit = Resource::new(
        move || {
            (
                basic.version().get(),
                employment.version().get(),
                skills.version().get(),
            )
        },
        |_| get_my_profile(),
    );
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("profile-title")) />
        <nav class="tabs" aria-label=t!(i18n, "profile-tabs-label")>
            {ProfileTab::ALL.into_iter().map(|t| view! {
                <a href=format!("/profile?tab={}", t.as_str())
                    aria-current=move || (tab.get() == t).then_some("page")>
                    {move || i18n.t(t.label_key())}
                </a>
            }).collect_view()}
        </nav>
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match edit.await {
                    Ok(edit) => {
                        let stats = edit.stats;
                        let user_id = edit.user_id;
                        Either::Left(view! {
                            <div class="profile-layout">
                                <div class="profile-main">
                                    // All three stay mounted, so switching tabs keeps unsaved edits.
                                    <div hidden=move || tab.get() != ProfileTab::Basic>
                                        <BasicInfoTab edit=edit.clone() action=basic />
                                    </div>
                                    <div hidden=move || tab.get() != ProfileTab::Employment>
                                        <EmploymentTab edit=edit.clone() action=employment />
                                    </div>
                                    <div hidden=move || tab.get() != ProfileTab::Skills>
                                        <SkillsTab edit=edit.clone() action=skills />
                                    </div>
                                </div>
                                <ProfileSidePanel stats user_id />
                            </div>
                        })
                    }
                    Err(AppError::Forbidden) => Either::Right(view! {
                        <p class="alert alert-info">{t!(i18n, "profile-admin-none")}</p>
                    }.into_any()),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }.into_any()),
                }
            })}
        </Transition>
    }
}

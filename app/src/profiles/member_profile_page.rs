use super::api::get_member_profile;
use super::model::{MemberProfile, MEETING_FORMATS};
use super::places::{country_key, spoken_language_key};
use super::profile_side_panel::ProfileSidePanel;
use crate::auth::model::Role;
use crate::i18n::{use_i18n, I18n};
use crate::t;
use crate::ui::{Avatar, LoadError};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/members/:id`: a member's profile, read only, as other members of the program see it.
/// Admin-only answers appear only to the program's administrators.
#[component]
pub fn MemberProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let profile = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_member_profile(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(member) => Either::Left(view! { <MemberProfileView member /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

fn joined(i18n: I18n, keys: Vec<String>) -> String {
    keys.iter()
        .map(|k| i18n.t(k))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn MemberProfileView(member: MemberProfile) -> impl IntoView {
    let i18n = use_i18n();
    let p = member.profile.clone();
    let name = format!("{} {}", p.first_name, p.last_name);
    let role_key = member.role.label_key();
    let member = StoredValue::new(member);
    let labels = move |ids: Vec<i64>| {
        member.with_value(|m| {
            ids.iter()
                .filter_map(|id| m.label(*id, i18n.lang()).map(str::to_string))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let place = {
        let p = p.clone();
        move || {
            let country = (!p.country.is_empty()).then(|| i18n.t(&country_key(&p.country)));
            [Some(p.city.clone()), Some(p.province.clone()), country]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let languages = p
        .languages
        .iter()
        .map(|c| spoken_language_key(c))
        .collect::<Vec<_>>();
    let formats: Vec<String> = MEETING_FORMATS
        .into_iter()
        .filter(|f| p.meeting_formats.iter().any(|m| m == f))
        .map(|f| format!("meeting-format-{f}"))
        .collect();
    let (stats, user_id) = member.with_value(|m| (m.stats, m.user_id));
    // Mentees invite mentors and mentors mentees; the invite page says why not, if not.
    let viewer_role = crate::auth::use_viewer().role();
    let invitable = member.with_value(|m| {
        matches!(
            (viewer_role, m.role),
            (Some(Role::Mentee), Role::Mentor) | (Some(Role::Mentor), Role::Mentee)
        )
    });
    let fact = move |key: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{move || i18n.t(key)}</dt><dd>{value}</dd> })
    };
    let skills = labels(p.skills.clone());
    let areas = labels(p.development_areas.clone());
    let cities = labels(p.meeting_cities.clone());
    view! {
        <div class="profile-layout">
            <article class="profile-main card member-profile">
                <header class="member-profile-header">
                    <Avatar photo_url=p.photo_url.clone() name=name.clone() large=true />
                    <div>
                        <h1>{name.clone()}</h1>
                        <p><span class="badge">{move || i18n.t(role_key)}</span> " " {place}</p>
                        {invitable.then(|| view! {
                            <p><a class="button button-primary" href=crate::relationships::model::invite_path(user_id)>{t!(i18n, "match-invite")}</a></p>
                        })}
                    </div>
                </header>
                {(!p.summary.is_empty()).then(|| view! {
                    <section>
                        <h2>{t!(i18n, "field-summary")}</h2>
                        <p class="prose">{p.summary.clone()}</p>
                    </section>
                })}
                <section>
                    <h2>{t!(i18n, "profile-section-employment")}</h2>
                    <ul class="positions">
                        {p.positions.iter().map(|job| {
                            let line = match (job.job_title.is_empty(), job.company.is_empty()) {
                                (false, false) => i18n.t_with("profile-at", &[("title", job.job_title.clone().into()), ("company", job.company.clone().into())]),
                                (false, true) => job.job_title.clone(),
                                _ => job.company.clone(),
                            };
                            let sector = labels([job.industry_id, job.job_function_id].into_iter().flatten().collect());
                            let past = !job.is_current;
                            view! {
                                <li>
                                    {line}
                                    {past.then(|| view! { " " <span class="badge">{t!(i18n, "profile-past")}</span> })}
                                    {(!sector.is_empty()).then(|| view! { <br /><small>{sector}</small> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                <section>
                    <h2>{t!(i18n, "profile-section-skills")}</h2>
                    <dl class="facts">
                        {fact("field-skills", skills)}
                        {fact("field-development_areas", areas)}
                        {fact("field-languages", joined(i18n, languages))}
                        {fact("field-meeting_formats", joined(i18n, formats))}
                        {fact("field-meeting_cities", cities)}
                        {fact("field-three_words", p.three_words.clone())}
                        {fact("field-goals", p.goals.clone())}
                        {fact("field-linkedin", p.linkedin.clone())}
                        {fact("field-twitter", p.twitter.clone())}
                        {fact("field-skype", p.skype.clone())}
                        {member.with_value(|m| m.custom_fields.clone()).into_iter().filter_map(|field| {
                            let answer = p.answer(field.id)?.clone();
                            let field = StoredValue::new(field);
                            let value = move || field.with_value(|f| {
                                let mut parts: Vec<String> = f.options.iter()
                                    .filter(|o| answer.option_ids.contains(&o.id))
                                    .map(|o| o.label(i18n.lang()).to_string())
                                    .collect();
                                if !answer.text.is_empty() {
                                    parts.push(answer.text.clone());
                                }
                                parts.join(", ")
                            });
                            Some(view! {
                                <dt>{move || field.with_value(|f| f.name(i18n.lang()).to_string())}</dt>
                                <dd>{value}</dd>
                            })
                        }).collect_view()}
                    </dl>
                </section>
            </article>
            <ProfileSidePanel stats user_id />
        </div>
    }
}

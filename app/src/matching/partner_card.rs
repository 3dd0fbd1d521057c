use super::compatibility::{Fit, Met};
use super::model::{PartnerCard, SearchChoices};
use crate::auth::model::Role;
use crate::i18n::{use_i18n, I18n};
use crate::profiles::places::spoken_language_key;
use crate::relationships::response::{ResponseStats, ResponseTime};
use crate::t;
use crate::ui::Avatar;
use leptos::prelude::*;

/// "3 of 4 of your development areas, speaks French, meets in Montréal"; `tags_key`
/// words the first part (it takes `$met` and `$asked`).
pub(super) fn explanation(
    i18n: I18n,
    met: &Met,
    choices: &SearchChoices,
    tags_key: &str,
) -> String {
    let lang = i18n.lang();
    let names = |list: &[crate::profiles::model::ListItem], ids: &[i64]| {
        ids.iter()
            .filter_map(|id| SearchChoices::label(list, *id, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !met.tags.is_empty() {
        parts.push(i18n.t_with(
            tags_key,
            &[
                ("met", (met.tags.len() as i64).into()),
                ("asked", (met.tags_asked as i64).into()),
            ],
        ));
    }
    if !met.languages.is_empty() {
        let languages = met
            .languages
            .iter()
            .map(|code| i18n.t(&spoken_language_key(code)))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(i18n.t_with(
            "match-explain-languages",
            &[("languages", languages.into())],
        ));
    }
    for (ids, list, key, arg) in [
        (
            &met.cities,
            &choices.cities,
            "match-explain-cities",
            "cities",
        ),
        (
            &met.industries,
            &choices.industries,
            "match-explain-industries",
            "industries",
        ),
        (
            &met.job_functions,
            &choices.job_functions,
            "match-explain-functions",
            "functions",
        ),
    ] {
        if !ids.is_empty() {
            parts.push(i18n.t_with(key, &[(arg, names(list, ids).into())]));
        }
    }
    for field in &choices.fields {
        let values: Vec<&str> = field
            .options
            .iter()
            .filter(|o| met.options.contains(&o.id))
            .map(|o| o.label(lang))
            .collect();
        if !values.is_empty() {
            parts.push(i18n.t_with(
                "match-explain-field",
                &[
                    ("field", field.name(lang).to_string().into()),
                    ("values", values.join(", ").into()),
                ],
            ));
        }
    }
    parts.join(", ")
}

/// "Answers 80 % of invitations, usually within 2 days".
fn response_text(i18n: I18n, r: ResponseStats) -> String {
    let rate = ("rate", i64::from(r.rate_percent).into());
    match r.typical {
        ResponseTime::Hours(n) => i18n.t_with(
            "match-response-hours",
            &[rate, ("hours", i64::from(n).into())],
        ),
        ResponseTime::Days(n) => i18n.t_with(
            "match-response-days",
            &[rate, ("days", i64::from(n).into())],
        ),
    }
}

/// The compatibility symbol: the score and its level in words.
#[component]
pub(super) fn FitSymbol(score: u8) -> impl IntoView {
    let i18n = use_i18n();
    let fit = Fit::of(score);
    view! {
        <p class=format!("fit fit-{}", fit.code())>
            <span class="fit-score" aria-hidden="true">{score}</span>
            <span class="fit-label">
                {move || i18n.t(fit.label_key())}
                <span class="visually-hidden">", " {t!(i18n, "match-compatibility", score = score as i64)}</span>
            </span>
        </p>
    }
}

/// A result: the compatibility symbol top-left, who they are, their skills or development
/// areas with the ones asked for highlighted, and the criteria met in words.
#[component]
pub fn PartnerCardView(
    card: PartnerCard,
    choices: StoredValue<SearchChoices>,
    looking_for: Role,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", card.first_name, card.last_initial);
    let place = [card.city.as_str(), card.province.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let work = (!card.job_title.is_empty()).then(|| {
        let (title, company) = (card.job_title.clone(), card.company.clone());
        move || {
            if company.is_empty() {
                title.clone()
            } else {
                i18n.t_with(
                    "directory-job-at",
                    &[
                        ("title", title.clone().into()),
                        ("company", company.clone().into()),
                    ],
                )
            }
        }
    });
    let score = card.compatibility.score;
    let symbol = score.map(|score| view! { <FitSymbol score /> });
    let met = card.compatibility.met.clone();
    let tags_key = match looking_for {
        Role::Mentor => "match-explain-areas",
        Role::Mentee | Role::Admin => "match-explain-skills",
    };
    let why = move || choices.with_value(|c| explanation(i18n, &met, c, tags_key));
    let met_tags = card.compatibility.met.tags.clone();
    let tags = card.tags.clone();
    let tag_list = move || {
        choices.with_value(|c| {
            tags.iter()
                .filter_map(|id| {
                    SearchChoices::label(&c.tags, *id, i18n.lang()).map(|l| (*id, l.to_string()))
                })
                .map(|(id, label)| {
                    if met_tags.contains(&id) {
                        view! { <li class="tag tag-met"><mark>{label}</mark></li> }.into_any()
                    } else {
                        view! { <li class="tag">{label}</li> }.into_any()
                    }
                })
                .collect_view()
        })
    };
    let full_key = match looking_for {
        Role::Mentor => "match-full-mentor",
        Role::Mentee | Role::Admin => "match-full-mentee",
    };
    let asked_anything = score.is_some();
    let empty_met = card.compatibility.met.is_empty();
    let summary = card.summary.clone();
    view! {
        <li class="card member-card partner-card">
            {symbol}
            <div class="partner-who">
                <Avatar photo_url=card.photo_url.clone() name=name.clone() />
                <div>
                    <h3 class="card-title">{name.clone()}</h3>
                    {work.map(|w| view! { <p>{w}</p> })}
                    <p class="muted">{place}</p>
                </div>
            </div>
            {(!summary.is_empty()).then(|| view! { <p class="partner-summary">{summary}</p> })}
            <ul class="tags" aria-label=move || i18n.t(match looking_for {
                Role::Mentor => "match-tags-mentors",
                Role::Mentee | Role::Admin => "match-tags-mentees",
            })>{tag_list}</ul>
            {asked_anything.then(|| view! {
                <p class="criteria-met">
                    <strong>{t!(i18n, "match-criteria-met")} ": "</strong>
                    {move || if empty_met { i18n.t("match-none-met") } else { why() }}
                </p>
            })}
            {card.response.map(|r| view! { <p class="partner-response muted">{move || response_text(i18n, r)}</p> })}
            <p class="partner-status">
                {(!card.has_room).then(|| view! { <span class="badge badge-muted">{move || i18n.t(full_key)}</span> })}
                {card.invitation_pending.then(|| view! { <span class="badge">{t!(i18n, "match-invitation-sent")}</span> })}
            </p>
            <p class="partner-actions">
                {(card.has_room && !card.invitation_pending).then(|| {
                    let name = name.clone();
                    view! {
                        <a class="button button-primary" href=crate::relationships::model::invite_path(card.user_id)>{t!(i18n, "match-invite")}
                            <span class="visually-hidden">": " {name}</span></a>
                    }
                })}
                <a class="button" href=format!("/members/{}", card.user_id)>{t!(i18n, "match-view-profile")}
                    <span class="visually-hidden">": " {name}</span></a>
            </p>
        </li>
    }
}

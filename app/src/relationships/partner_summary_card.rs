use super::model::PartnerSummary;
use crate::i18n::use_i18n;
use crate::profiles::places::country_key;
use crate::t;
use crate::ui::Avatar;
use leptos::prelude::*;

/// The other member of an invitation or relationship: photo, name, role, title at
/// company, place and a link to their profile.
#[component]
pub fn PartnerSummaryCard(partner: PartnerSummary) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", partner.first_name, partner.last_name);
    let role_key = partner.role.label_key();
    let work = (!partner.job_title.is_empty()).then(|| {
        let (title, company) = (partner.job_title.clone(), partner.company.clone());
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
    let place = {
        let p = partner.clone();
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
    view! {
        <section class="card partner-summary-card" aria-label=name.clone()>
            <div class="partner-who">
                <Avatar photo_url=partner.photo_url.clone() name=name.clone() large=true />
                <div>
                    <h2 class="card-title">{name.clone()}</h2>
                    <p><span class="badge">{move || i18n.t(role_key)}</span></p>
                    {work.map(|w| view! { <p>{w}</p> })}
                    <p class="muted">{place}</p>
                </div>
            </div>
            <p><a class="button" href=format!("/members/{}", partner.user_id)>{t!(i18n, "match-view-profile")}
                <span class="visually-hidden">": " {name.clone()}</span></a></p>
        </section>
    }
}

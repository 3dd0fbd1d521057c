use super::model::SearchSetup;
use super::search::{search_path, PartnerSearch};
use crate::auth::model::Role;
use crate::i18n::{use_i18n, Lang};
use crate::profiles::model::ListItem;
use crate::profiles::places::spoken_language_key;
use crate::t;
use leptos::prelude::*;

/// The criteria as a plain GET form (its fields are the search's query keys), so it works
/// without JavaScript; with it, every change applies at once through the URL. "Save and
/// search" posts the same fields to `/search/save`.
#[component]
pub fn CriteriaForm(setup: SearchSetup) -> impl IntoView {
    let i18n = use_i18n();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let action = search_path(setup.looking_for);
    let tags_key = match setup.looking_for {
        Role::Mentor => "match-tags-mentors",
        Role::Mentee | Role::Admin => "match-tags-mentees",
    };
    let navigate = leptos_router::hooks::use_navigate();
    let on_change = move |_| {
        let Some(raw) = form_ref
            .get_untracked()
            .and_then(|form| crate::ui::form_query(&form))
        else {
            return;
        };
        let target = match PartnerSearch::parse(&raw) {
            Ok(search) => search.on_page(1).to_query(true),
            // The server names the criterion that is wrong.
            Err(_) => raw,
        };
        navigate(
            &format!("{action}?{target}"),
            leptos_router::NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let c = setup.search.criteria.clone();
    let choices = setup.choices;
    let lang = i18n.lang();
    let fields = choices.fields.clone();
    view! {
        <form node_ref=form_ref method="get" action=action class="card criteria-form"
            aria-labelledby="criteria-title" on:change=on_change>
            <h2 id="criteria-title" class="card-title">{t!(i18n, "match-criteria-title")}</h2>
            <p class="field-hint">{t!(i18n, "match-criteria-hint")}</p>
            <input type="hidden" name="search" value="1" />
            <ListChoices name="tag" legend_key=tags_key items=choices.tags.clone() chosen=c.tags.clone() open=true />
            <ListChoices name="industry" legend_key="field-industries" items=choices.industries.clone() chosen=c.industries.clone() open=false />
            <ListChoices name="function" legend_key="field-job_functions" items=choices.job_functions.clone() chosen=c.job_functions.clone() open=false />
            <LanguageChoices chosen=c.languages.clone() languages=choices.languages.clone() />
            <ListChoices name="city" legend_key="field-meeting_cities" items=choices.cities.clone() chosen=c.cities.clone() open=false />
            {fields.into_iter().map(|f| {
                let chosen = c.fields.iter().find(|(id, _)| *id == f.id).map(|(_, o)| o.clone()).unwrap_or_default();
                let items: Vec<ListItem> = f.options.iter().map(|o| ListItem {
                    id: o.id,
                    label_en: o.label_en.clone(),
                    label_fr: o.label_fr.clone(),
                    in_use: 0,
                }).collect();
                let legend = f.name(lang).to_string();
                view! { <ListChoices name=format!("f{}", f.id) legend=legend items chosen open=false /> }
            }).collect_view()}
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, "match-search")}</button>
                <button type="submit" class="button button-primary" formmethod="post" formaction="/search/save">
                    {t!(i18n, "match-save-search")}
                </button>
            </div>
        </form>
    }
}

/// One criterion as a disclosure of checkboxes, saying how many are ticked.
#[component]
fn ListChoices(
    #[prop(into)] name: String,
    #[prop(optional)] legend_key: &'static str,
    #[prop(optional, into)] legend: String,
    items: Vec<ListItem>,
    chosen: Vec<i64>,
    open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = chosen.len() as i64;
    let title = move || {
        if legend_key.is_empty() {
            legend.clone()
        } else {
            i18n.t(legend_key)
        }
    };
    let name = StoredValue::new(name);
    let open = open || count > 0;
    view! {
        <details class="criterion" open=open>
            <summary>{title.clone()} " " <span class="muted">"(" {t!(i18n, "match-chosen", count = count)} ")"</span></summary>
            <fieldset class="choices">
                <legend class="visually-hidden">{title}</legend>
                {items.into_iter().map(|item| {
                    let id = format!("{}-{}", name.get_value(), item.id);
                    let for_id = id.clone();
                    let (en, fr) = (item.label_en.clone(), item.label_fr.clone());
                    view! {
                        <label class="choice" for=for_id>
                            <input type="checkbox" id=id name=name.get_value() value=item.id
                                checked=chosen.contains(&item.id) />
                            {move || match i18n.lang() { Lang::En => en.clone(), Lang::Fr => fr.clone() }}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

#[component]
fn LanguageChoices(chosen: Vec<String>, languages: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let count = chosen.len() as i64;
    // The languages most members share come first; the rest by name.
    let mut languages = languages;
    let open = count > 0;
    languages.sort_by_key(|code| {
        (
            !matches!(code.as_str(), "en" | "fr"),
            i18n.t(&spoken_language_key(code)),
        )
    });
    view! {
        <details class="criterion" open=open>
            <summary>{t!(i18n, "field-languages")} " " <span class="muted">"(" {t!(i18n, "match-chosen", count = count)} ")"</span></summary>
            <fieldset class="choices">
                <legend class="visually-hidden">{t!(i18n, "field-languages")}</legend>
                {languages.into_iter().map(|code| {
                    let id = format!("lang-{code}");
                    let for_id = id.clone();
                    let key = spoken_language_key(&code);
                    view! {
                        <label class="choice" for=for_id>
                            <input type="checkbox" id=id name="lang" value=code.clone()
                                checked=chosen.contains(&code) />
                            {move || i18n.t(&key)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

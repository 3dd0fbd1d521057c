use super::api::SaveProfileEmployment;
use super::fields::BuiltinField as F;
use super::form_parts::{invalid, tab_error, FieldMessage, RequiredMark};
use super::model::{ListItem, Position, ProfileEdit, POSITIONS_MAX};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{ErrorMessage, QueryNotice};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// "2. Employment": current and past positions (title, company, industry, job function,
/// "current position"), then years of experience. One empty row adds a position.
#[component]
pub fn EmploymentTab(
    edit: ProfileEdit,
    action: ServerAction<SaveProfileEmployment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = tab_error(action);
    let mut rows = edit.profile.positions.clone();
    if rows.len() < POSITIONS_MAX {
        // The blank row: the first position is current by default.
        rows.push(Position {
            is_current: rows.is_empty(),
            ..Position::default()
        });
    }
    let saved_rows = edit.profile.positions.len();
    let years = edit
        .profile
        .years_experience
        .map(|y| y.to_string())
        .unwrap_or_default();
    let edit = StoredValue::new(edit);
    view! {
        <section aria-labelledby="employment-title">
            <h2 id="employment-title" class="visually-hidden">{t!(i18n, "profile-tab-employment")}</h2>
            <ActionForm action attr:class="card profile-form">
                <QueryNotice name="saved" key="profile-saved" />
                <ErrorMessage error />
                <p class="field-hint">{t!(i18n, "profile-positions-help")}</p>
                {rows.into_iter().enumerate().map(|(at, position)| view! {
                    <PositionRow at position is_new=at == saved_rows edit error />
                }).collect_view()}
                {["job_title", "company", "industry", "job_function"].into_iter().map(|field| view! {
                    <FieldMessage field error />
                }).collect_view()}
                {edit.with_value(|e| e.shows(F::YearsExperience)).then(|| view! {
                    <div class="field field-narrow">
                        <label for="years_experience">
                            {t!(i18n, "field-years_experience")}
                            <RequiredMark on=edit.with_value(|e| e.requires(F::YearsExperience)) />
                        </label>
                        <input id="years_experience" name="years_experience" type="number" min="0" max="70"
                            inputmode="numeric" value=years.clone()
                            aria-invalid=move || invalid(error, "years_experience")
                            aria-describedby="years_experience-error" />
                        <FieldMessage field="years_experience" error />
                    </div>
                })}
                <button type="submit" class="button button-primary">{t!(i18n, "profile-save")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PositionRow(
    at: usize,
    position: Position,
    is_new: bool,
    edit: StoredValue<ProfileEdit>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |field: &str| format!("position[{at}][{field}]");
    let id = move |field: &str| format!("position-{at}-{field}");
    let legend = move || {
        if is_new {
            i18n.t("profile-position-new")
        } else {
            i18n.t_with("profile-position", &[("number", (at as i64 + 1).into())])
        }
    };
    let shows = move |f: F| edit.with_value(|e| e.shows(f));
    let req = move |f: F| edit.with_value(|e| e.requires(f)) && at == 0;
    let text = move |f: F, value: String| {
        let key = f.as_str();
        view! {
            <div class="field">
                <label for=id(key)>{move || i18n.t(&f.label_key())} <RequiredMark on=req(f) /></label>
                <input id=id(key) name=name(key) value=value maxlength="100"
                    aria-invalid=move || invalid(error, key) />
            </div>
        }
    };
    let select = move |f: F, items: Vec<ListItem>, selected: Option<i64>| {
        let key = f.as_str();
        view! {
            <div class="field">
                <label for=id(key)>{move || i18n.t(&f.label_key())} <RequiredMark on=req(f) /></label>
                <select id=id(key) name=name(key) aria-invalid=move || invalid(error, key)>
                    <option value="">{t!(i18n, "profile-choose")}</option>
                    {items.into_iter().map(|item| {
                        let item_id = item.id;
                        view! {
                            <option value=item_id.to_string() selected=selected == Some(item_id)>
                                {move || item.label(i18n.lang()).to_string()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let industries = edit.with_value(|e| e.industries.clone());
    let functions = edit.with_value(|e| e.job_functions.clone());
    view! {
        <fieldset class="form-grid position-row">
            <legend>{legend}</legend>
            {shows(F::JobTitle).then(|| text(F::JobTitle, position.job_title.clone()))}
            {shows(F::Company).then(|| text(F::Company, position.company.clone()))}
            {shows(F::Industry).then(|| select(F::Industry, industries, position.industry_id))}
            {shows(F::JobFunction).then(|| select(F::JobFunction, functions, position.job_function_id))}
            <div class="field field-checkbox">
                <input type="checkbox" id=id("is_current") name=name("is_current") checked=position.is_current />
                <label for=id("is_current")>{t!(i18n, "profile-is-current")}</label>
            </div>
        </fieldset>
    }
}

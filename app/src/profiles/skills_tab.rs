use super::api::SaveProfileSkills;
use super::custom_field_input::CustomFieldInput;
use super::fields::BuiltinField as F;
use super::form_parts::{invalid, tab_error, FieldMessage, RequiredMark};
use super::model::{ListItem, ProfileEdit, MEETING_FORMATS};
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{ErrorMessage, QueryNotice};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// "3. Skills": skills or development areas from the program's lists, summary, three
/// words, handles, meeting formats and cities, how many partners, goals — then the
/// program's own questions.
#[component]
pub fn SkillsTab(edit: ProfileEdit, action: ServerAction<SaveProfileSkills>) -> impl IntoView {
    let i18n = use_i18n();
    let error = tab_error(action);
    let p = edit.profile.clone();
    let rules = StoredValue::new(edit.fields.clone());
    let shows = move |f: F| rules.with_value(|r| r.iter().any(|(x, _)| *x == f));
    let req = move |f: F| rules.with_value(|r| r.iter().any(|(x, required)| *x == f && *required));
    let text = move |f: F, value: String, required: bool, hint: Option<&'static str>| {
        let key = f.as_str();
        view! {
            <div class="field">
                <label for=key>{move || i18n.t(&f.label_key())} <RequiredMark on=required /></label>
                <input id=key name=key value=value maxlength="200"
                    aria-invalid=move || invalid(error, key)
                    aria-describedby=format!("{key}-error {key}-hint") />
                {hint.map(|h| view! { <p class="field-hint" id=format!("{key}-hint")>{move || i18n.t(h)}</p> })}
                <FieldMessage field=key error />
            </div>
        }
    };
    let area = move |f: F, value: String, required: bool| {
        let key = f.as_str();
        view! {
            <div class="field">
                <label for=key>{move || i18n.t(&f.label_key())} <RequiredMark on=required /></label>
                <textarea id=key name=key rows="4" maxlength="4000"
                    aria-invalid=move || invalid(error, key)
                    aria-describedby=format!("{key}-error")>{value}</textarea>
                <FieldMessage field=key error />
            </div>
        }
    };
    let partners_label = if edit.role == Role::Mentor {
        "profile-max-partners-mentor"
    } else {
        "profile-max-partners-mentee"
    };
    let max_partners = p.max_partners.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <section aria-labelledby="skills-title">
            <h2 id="skills-title" class="visually-hidden">{t!(i18n, "profile-tab-skills")}</h2>
            <ActionForm action attr:class="card profile-form">
                <QueryNotice name="saved" key="profile-saved" />
                <ErrorMessage error />
                {shows(F::Skills).then(|| view! {
                    <ChoiceList field=F::Skills items=edit.skills.clone() chosen=p.skills.clone() required=req(F::Skills) error />
                })}
                {shows(F::DevelopmentAreas).then(|| view! {
                    <ChoiceList field=F::DevelopmentAreas items=edit.development_areas.clone() chosen=p.development_areas.clone() required=req(F::DevelopmentAreas) error />
                })}
                {shows(F::Summary).then(|| area(F::Summary, p.summary.clone(), req(F::Summary)))}
                <div class="form-grid">
                    {shows(F::ThreeWords).then(|| text(F::ThreeWords, p.three_words.clone(), req(F::ThreeWords), None))}
                    {shows(F::Linkedin).then(|| text(F::Linkedin, p.linkedin.clone(), req(F::Linkedin), Some("profile-handle-help")))}
                    {shows(F::Twitter).then(|| text(F::Twitter, p.twitter.clone(), req(F::Twitter), Some("profile-handle-help")))}
                    {shows(F::Skype).then(|| text(F::Skype, p.skype.clone(), req(F::Skype), Some("profile-handle-help")))}
                    {shows(F::MaxPartners).then(|| view! {
                        <div class="field">
                            <label for="max_partners">{move || i18n.t(partners_label)} <RequiredMark on=req(F::MaxPartners) /></label>
                            <input id="max_partners" name="max_partners" type="number" min="1" max="20" inputmode="numeric"
                                value=max_partners.clone()
                                aria-invalid=move || invalid(error, "max_partners")
                                aria-describedby="max_partners-error" />
                            <FieldMessage field="max_partners" error />
                        </div>
                    })}
                </div>
                {shows(F::MeetingFormats).then(|| view! {
                    <fieldset class="field choice-list">
                        <legend>{t!(i18n, "field-meeting_formats")} <RequiredMark on=req(F::MeetingFormats) /></legend>
                        <div class="choices">
                            {MEETING_FORMATS.into_iter().map(|code| {
                                let id = format!("meeting-format-{code}");
                                view! {
                                    <label class="checkbox">
                                        <input type="checkbox" id=id name="meeting_formats[]" value=code
                                            checked=p.meeting_formats.iter().any(|f| f == code) />
                                        {move || i18n.t(&format!("meeting-format-{code}"))}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <FieldMessage field="meeting_formats" error />
                    </fieldset>
                })}
                {shows(F::MeetingCities).then(|| view! {
                    <ChoiceList field=F::MeetingCities items=edit.meeting_cities.clone() chosen=p.meeting_cities.clone() required=req(F::MeetingCities) error />
                })}
                {shows(F::Goals).then(|| area(F::Goals, p.goals.clone(), req(F::Goals)))}
                {(!edit.custom_fields.is_empty()).then(|| view! {
                    <fieldset class="custom-answers">
                        <legend>{t!(i18n, "profile-custom-title")}</legend>
                        {edit.custom_fields.iter().map(|field| view! {
                            <CustomFieldInput field=field.clone() answer=p.answer(field.id).cloned().unwrap_or_default() error />
                        }).collect_view()}
                    </fieldset>
                })}
                <button type="submit" class="button button-primary">{t!(i18n, "profile-save")}</button>
            </ActionForm>
        </section>
    }
}

/// Checkboxes for a program list (skills, development areas, meeting cities).
#[component]
fn ChoiceList(
    field: F,
    items: Vec<ListItem>,
    chosen: Vec<i64>,
    required: bool,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = field.as_str();
    let empty = items.is_empty();
    view! {
        <fieldset class="field choice-list">
            <legend>{move || i18n.t(&field.label_key())} <RequiredMark on=required /></legend>
            {empty.then(|| view! { <p class="field-hint">{t!(i18n, "profile-no-choices")}</p> })}
            <div class="choices scroll-choices">
                {items.into_iter().map(|item| {
                    let id = format!("{key}-{}", item.id);
                    let checked = chosen.contains(&item.id);
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" id=id name=format!("{key}[]") value=item.id.to_string() checked=checked />
                            {move || item.label(i18n.lang()).to_string()}
                        </label>
                    }
                }).collect_view()}
            </div>
            <FieldMessage field=key error />
        </fieldset>
    }
}

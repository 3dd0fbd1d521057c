use super::api::SaveProfileBasic;
use super::fields::BuiltinField as F;
use super::form_parts::{invalid, tab_error, FieldMessage, RequiredMark};
use super::model::{ProfileEdit, GENDERS};
use super::places::{country_key, spoken_language_key, COUNTRY_CODES, SPOKEN_LANGUAGE_CODES};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{Avatar, ErrorMessage, QueryNotice};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// "1. Basic information": photo, name, place, time zone, languages, gender.
#[component]
pub fn BasicInfoTab(edit: ProfileEdit, action: ServerAction<SaveProfileBasic>) -> impl IntoView {
    let i18n = use_i18n();
    let error = tab_error(action);
    let p = edit.profile.clone();
    // When this device is set to another zone than the profile's, offer it in one click.
    let zone_ref = NodeRef::<leptos::html::Select>::new();
    let device_zone = RwSignal::new(None::<String>);
    let (stored_zone, zones) = (p.time_zone.name().to_string(), edit.time_zones.clone());
    Effect::new(move |_| {
        if let Some(zone) = crate::i18n::browser_time_zone() {
            if zone != stored_zone && zones.contains(&zone) {
                device_zone.set(Some(zone));
            }
        }
    });
    let rules = StoredValue::new(edit.fields.clone());
    let shows = move |f: F| rules.with_value(|r| r.iter().any(|(x, _)| *x == f));
    let req = move |f: F| rules.with_value(|r| r.iter().any(|(x, required)| *x == f && *required));
    let full_name = format!("{} {}", p.first_name, p.last_name);
    let text = move |f: F, value: String, autocomplete: &'static str| {
        let key = f.as_str();
        view! {
            <div class="field">
                <label for=key>{move || i18n.t(&f.label_key())} <RequiredMark on=req(f) /></label>
                <input id=key name=key value=value maxlength="100" required=req(f)
                    autocomplete=autocomplete
                    aria-invalid=move || invalid(error, key)
                    aria-describedby=format!("{key}-error") />
                <FieldMessage field=key error />
            </div>
        }
    };
    view! {
        <section aria-labelledby="basic-title">
            <h2 id="basic-title" class="visually-hidden">{t!(i18n, "profile-tab-basic")}</h2>
            <PhotoNotice />
            {shows(F::Photo).then(|| view! { <PhotoForm photo_url=p.photo_url.clone() name=full_name.clone() /> })}
            <ActionForm action attr:class="card profile-form">
                <QueryNotice name="saved" key="profile-saved" />
                <ErrorMessage error />
                <div class="form-grid">
                    {text(F::FirstName, p.first_name.clone(), "given-name")}
                    {text(F::LastName, p.last_name.clone(), "family-name")}
                    {shows(F::Country).then(|| view! {
                        <div class="field">
                            <label for="country">{t!(i18n, "field-country")} <RequiredMark on=req(F::Country) /></label>
                            <select id="country" name="country" autocomplete="country">
                                <option value="">{t!(i18n, "profile-choose")}</option>
                                {COUNTRY_CODES.into_iter().map(|code| view! {
                                    <option value=code selected=p.country == code>{move || i18n.t(&country_key(code))}</option>
                                }).collect_view()}
                            </select>
                            <FieldMessage field="country" error />
                        </div>
                    })}
                    {shows(F::Province).then(|| text(F::Province, p.province.clone(), "address-level1"))}
                    {shows(F::City).then(|| text(F::City, p.city.clone(), "address-level2"))}
                    <div class="field">
                        <label for="time_zone">{t!(i18n, "field-time_zone")} <RequiredMark on=true /></label>
                        <select id="time_zone" name="time_zone" aria-describedby="time_zone-help" node_ref=zone_ref>
                            {edit.time_zones.iter().map(|tz| view! {
                                <option value=tz.clone() selected=tz.as_str() == p.time_zone.name()>{tz.replace('_', " ")}</option>
                            }).collect_view()}
                        </select>
                        <p class="field-hint" id="time_zone-help">{t!(i18n, "profile-time-zone-help")}</p>
                        {move || device_zone.get().map(|zone| {
                            let label = zone.replace('_', " ");
                            view! {
                                <button type="button" class="link-button" on:click=move |_| {
                                    if let Some(select) = zone_ref.get_untracked() {
                                        select.set_value(&zone);
                                    }
                                    device_zone.set(None);
                                }>{move || i18n.t_with("profile-use-device-zone", &[("zone", label.clone().into())])}</button>
                            }
                        })}
                        <FieldMessage field="time_zone" error />
                    </div>
                    {shows(F::Gender).then(|| view! {
                        <div class="field">
                            <label for="gender">{t!(i18n, "field-gender")} <RequiredMark on=req(F::Gender) /></label>
                            <select id="gender" name="gender">
                                <option value="">{t!(i18n, "profile-gender-none")}</option>
                                {GENDERS.into_iter().map(|g| view! {
                                    <option value=g selected=p.gender == g>{move || i18n.t(&format!("gender-{g}"))}</option>
                                }).collect_view()}
                            </select>
                            <FieldMessage field="gender" error />
                        </div>
                    })}
                </div>
                {shows(F::Languages).then(|| view! {
                    <fieldset class="field choice-list">
                        <legend>{t!(i18n, "field-languages")} <RequiredMark on=req(F::Languages) /></legend>
                        <div class="choices scroll-choices">
                            {SPOKEN_LANGUAGE_CODES.into_iter().map(|code| {
                                let id = format!("language-{code}");
                                view! {
                                    <label class="checkbox">
                                        <input type="checkbox" id=id name="languages[]" value=code
                                            checked=p.languages.iter().any(|l| l == code) />
                                        {move || i18n.t(&spoken_language_key(code))}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <FieldMessage field="languages" error />
                    </fieldset>
                })}
                <button type="submit" class="button button-primary">{t!(i18n, "profile-save")}</button>
            </ActionForm>
        </section>
    }
}

/// After a photo upload or removal (`?photo=saved|removed`).
#[component]
fn PhotoNotice() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    move || {
        let key = match query.read().get("photo").as_deref() {
            Some("saved") => "profile-photo-saved",
            Some("removed") => "profile-photo-removed",
            _ => return None,
        };
        Some(view! { <p class="alert alert-success" role="status">{move || i18n.t(key)}</p> })
    }
}

/// Photo upload and removal: plain multipart forms (they work the same without JavaScript).
#[component]
fn PhotoForm(photo_url: Option<String>, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let has_photo = photo_url.is_some();
    view! {
        <div class="card photo-card">
            <Avatar photo_url=photo_url.clone() name=name.clone() large=true />
            <form method="post" action="/profile/photo" enctype="multipart/form-data" class="photo-form">
                <div class="field">
                    <label for="photo">{t!(i18n, "field-photo")}</label>
                    <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" required
                        aria-describedby="photo-help" />
                    <p class="field-hint" id="photo-help">{t!(i18n, "profile-photo-help")}</p>
                </div>
                <button type="submit" class="button">{t!(i18n, "profile-photo-upload")}</button>
            </form>
            {has_photo.then(|| view! {
                <form method="post" action="/profile/photo/delete" class="inline-form">
                    <button type="submit" class="button button-small">{t!(i18n, "profile-photo-remove")}</button>
                </form>
            })}
        </div>
    }
}

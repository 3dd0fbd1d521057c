use super::api::{get_custom_field, SaveCustomField};
use super::model::{split_options, CustomField, CustomOption, FieldAudience};
use super::profile_admin_nav::{ProfileAdminNav, ProfileAdminTab};
use crate::error::AppError;
use crate::i18n::{use_i18n, Lang};
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/admin/profile-fields/new` and `/admin/profile-fields/:id`: the custom field
/// form — name, description, options and hint in English and French, then role, order
/// and the settings.
#[component]
pub fn CustomFieldEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let field = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_custom_field(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <ProfileAdminNav current=ProfileAdminTab::CustomFields />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match field.await {
                    Ok(field) => Either::Left(view! { <CustomFieldForm field /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CustomFieldForm(field: Option<CustomField>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCustomField>::new();
    let from_query = query_error();
    let error = Signal::derive(move || {
        save.value()
            .get()
            .and_then(|r: Result<(), AppError>| r.err())
            .or_else(|| from_query.get())
    });
    let title = if field.is_some() {
        "custom-field-edit-title"
    } else {
        "custom-field-new-title"
    };
    let f = field.clone().unwrap_or(CustomField {
        id: 0,
        name_en: String::new(),
        name_fr: String::new(),
        description_en: String::new(),
        description_fr: String::new(),
        hint_en: String::new(),
        hint_fr: String::new(),
        audience: FieldAudience::Both,
        required: false,
        in_search: false,
        admin_only: false,
        position: 0,
        single_select: false,
        allow_entries: false,
        base_field: false,
        show_on_profile: true,
        in_report: true,
        options: Vec::new(),
    });
    // After a refused plain post, the query holds what was typed (see `state::keep_draft`).
    let query = use_query_map().get_untracked();
    let f = if query.get("error").is_some() {
        let text = |name: &str| query.get(name).unwrap_or_default();
        let on = |name: &str| query.get(name).is_some();
        let mut draft = CustomField {
            name_en: text("label_en"),
            name_fr: text("label_fr"),
            description_en: text("description_en"),
            description_fr: text("description_fr"),
            hint_en: text("hint_en"),
            hint_fr: text("hint_fr"),
            audience: FieldAudience::parse(&text("role")).unwrap_or(f.audience),
            required: on("required"),
            in_search: on("in_search"),
            admin_only: on("admin_only"),
            single_select: on("single_select"),
            allow_entries: on("allow_entries"),
            base_field: on("base_field"),
            show_on_profile: on("show_on_profile"),
            in_report: on("in_report"),
            options: Vec::new(),
            ..f
        };
        draft.options = draft_options(&text("options_en"), &text("options_fr"));
        draft
    } else {
        f
    };
    let id = field.as_ref().map(|f| f.id.to_string()).unwrap_or_default();
    let position = match query.get("position") {
        Some(typed) => typed,
        None => field
            .as_ref()
            .map(|f| f.position.to_string())
            .unwrap_or_default(),
    };
    let flag = move |name: &'static str, on: bool| {
        view! {
            <div class="field field-checkbox">
                <input id=name type="checkbox" name=name checked=on />
                <label for=name>{move || i18n.t(&format!("custom-flag-{name}"))}</label>
            </div>
        }
    };
    view! {
        <PageHeader title=Signal::derive(move || i18n.t(title)) />
        <ErrorMessage error />
        <ActionForm action=save attr:class="card custom-field-form">
            <input type="hidden" name="id" value=id />
            <LanguageBlock lang=Lang::En field=f.clone() />
            <LanguageBlock lang=Lang::Fr field=f.clone() />
            <fieldset class="form-grid">
                <legend>{t!(i18n, "custom-field-settings")}</legend>
                <div class="field">
                    <label for="role">{t!(i18n, "field-role")}</label>
                    <select id="role" name="role">
                        {FieldAudience::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=a == f.audience>{move || i18n.t(a.label_key())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="position">{t!(i18n, "field-position")}</label>
                    <input id="position" name="position" type="number" min="0" max="9999" inputmode="numeric"
                        value=position aria-describedby="position-help" />
                    <p class="field-hint" id="position-help">{t!(i18n, "custom-field-help-position")}</p>
                </div>
                {flag("required", f.required)}
                {flag("in_search", f.in_search)}
                {flag("admin_only", f.admin_only)}
                {flag("single_select", f.single_select)}
                {flag("allow_entries", f.allow_entries)}
                {flag("base_field", f.base_field)}
                {flag("show_on_profile", f.show_on_profile)}
                {flag("in_report", f.in_report)}
                <p class="field-hint">{t!(i18n, "custom-field-help-admin-only")}</p>
            </fieldset>
            <div class="tile-actions">
                <button type="submit" class="button button-primary">{t!(i18n, "custom-field-save")}</button>
                <a class="button" href="/admin/profile-fields">{t!(i18n, "custom-field-cancel")}</a>
            </div>
        </ActionForm>
    }
}

/// Name, description, options and hint in one language.
#[component]
fn LanguageBlock(lang: Lang, field: CustomField) -> impl IntoView {
    let i18n = use_i18n();
    let code = lang.code();
    let legend = if lang == Lang::En {
        "custom-field-english"
    } else {
        "custom-field-french"
    };
    let (name, description, hint) = match lang {
        Lang::En => (
            field.name_en.clone(),
            field.description_en.clone(),
            field.hint_en.clone(),
        ),
        Lang::Fr => (
            field.name_fr.clone(),
            field.description_fr.clone(),
            field.hint_fr.clone(),
        ),
    };
    let options = field.options_text(lang);
    let input = move |name: String,
                      help: &'static str,
                      value: String,
                      required: bool,
                      max: &'static str| {
        let label_key = format!("field-{name}");
        let help_id = format!("{name}-help");
        view! {
            <div class="field">
                <label for=name.clone()>{move || i18n.t(&label_key)}</label>
                <input id=name.clone() name=name value=value required=required maxlength=max
                    aria-describedby=help_id.clone() />
                <p class="field-hint" id=help_id>{move || i18n.t(help)}</p>
            </div>
        }
    };
    let options_name = format!("options_{code}");
    let options_help = format!("options_{code}-help");
    view! {
        <fieldset class="form-grid">
            <legend>{move || i18n.t(legend)}</legend>
            {input(format!("label_{code}"), "custom-field-help-name", name, true, "60")}
            {input(format!("description_{code}"), "custom-field-help-description", description, false, "300")}
            <div class="field">
                <label for=options_name.clone()>{move || i18n.t(&format!("field-options_{code}"))}</label>
                <textarea id=options_name.clone() name=options_name rows="2" aria-describedby=options_help.clone()>{options}</textarea>
                <p class="field-hint" id=options_help>{t!(i18n, "custom-field-help-options")}</p>
            </div>
            {input(format!("hint_{code}"), "custom-field-help-hint", hint, false, "300")}
        </fieldset>
    }
}

/// Options as typed, paired up for display (unpaired ones keep an empty other language, so
/// both boxes show exactly what was sent).
fn draft_options(en: &str, fr: &str) -> Vec<CustomOption> {
    let (en, fr) = (split_options(en), split_options(fr));
    (0..en.len().max(fr.len()))
        .map(|i| CustomOption {
            id: 0,
            label_en: en.get(i).cloned().unwrap_or_default(),
            label_fr: fr.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

use super::api::{get_system_message, ResetSystemMessage, SaveSystemMessage};
use super::model::TemplateEdit;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/admin/messages/system/{key}`: subject and body in English and French, the keywords
/// they may use, active or not, "Update". With JavaScript, an error keeps what was typed.
#[component]
pub fn SystemMessageEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || params.read().get("key").unwrap_or_default();
    let template = Resource::new(key, get_system_message);
    view! {
        <p class="breadcrumb"><a href="/admin/messages/system">{t!(i18n, "system-messages-title")}</a></p>
        <QueryNotice name="reset" key="system-message-reset-done" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match template.await {
                    Ok(edit) => Either::Left(view! { <TemplateEditor edit /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TemplateEditor(edit: TemplateEdit) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveSystemMessage>::new();
    let error = Signal::derive(move || {
        save.value()
            .get()
            .and_then(|r: Result<(), AppError>| r.err())
    });
    let name_key = format!("template-{}", edit.key);
    let keywords = edit
        .keywords
        .iter()
        .map(|k| format!("{{{k}}}"))
        .collect::<Vec<_>>()
        .join(" ");
    let category = edit.category;
    let preview = format!("/admin/messages/system/{}/preview.html", edit.key);
    let key = edit.key.clone();
    view! {
        <PageHeader title=Signal::derive(move || i18n.t(&name_key)) />
        <ErrorMessage error />
        <ActionForm action=save attr:class="card template-form">
            <input type="hidden" name="key" value=edit.key.clone() />
            <dl class="facts">
                <dt>{t!(i18n, "template-category")}</dt>
                <dd>{move || i18n.t(category.label_key())}</dd>
                <dt>{t!(i18n, "template-keywords")}</dt>
                <dd><code>{keywords}</code></dd>
            </dl>
            <TextBox name="subject_en" value=edit.subject_en.clone() rows=0 />
            <TextBox name="body_en" value=edit.body_en.clone() rows=12 />
            <TextBox name="subject_fr" value=edit.subject_fr.clone() rows=0 />
            <TextBox name="body_fr" value=edit.body_fr.clone() rows=12 />
            <div class="field field-checkbox">
                <input id="active" type="checkbox" name="active" checked=edit.active disabled=edit.required />
                <label for="active">{t!(i18n, "template-active")}</label>
            </div>
            {edit.required.then(|| view! {
                <input type="hidden" name="active" value="on" />
                <p class="field-hint">{t!(i18n, "template-required")}</p>
            })}
            <div class="tile-actions">
                <button type="submit" class="button button-primary">{t!(i18n, "template-update")}</button>
                <a class="button" href=preview target="_blank" rel="noopener">{t!(i18n, "system-messages-preview")}</a>
            </div>
        </ActionForm>
        {edit.edited.then(|| view! {
            <form method="post" action=ResetSystemMessage::url() class="card">
                <input type="hidden" name="key" value=key />
                <p>{t!(i18n, "template-reset-help")}</p>
                <button type="submit" class="button">{t!(i18n, "template-reset")}</button>
            </form>
        })}
    }
}

/// A labelled text field (`rows` 0) or text area.
#[component]
fn TextBox(name: &'static str, value: String, rows: u32) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || i18n.t(&format!("field-{name}"));
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {if rows == 0 {
                Either::Left(view! { <input id=name type="text" name=name value=value maxlength="200" required /> })
            } else {
                Either::Right(view! { <textarea id=name name=name rows=rows required>{value}</textarea> })
            }}
        </div>
    }
}

use super::form_parts::{invalid, FieldMessage, RequiredMark};
use super::model::{CustomAnswer, CustomField};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;

/// A member's answer to one custom field, in the member's language: a written answer,
/// one option (radio buttons) or several (checkboxes), plus a box for the member's own
/// options when the field allows entries.
#[component]
pub fn CustomFieldInput(
    field: CustomField,
    answer: CustomAnswer,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = format!("f{}", field.id);
    let error_field = format!("custom_{}", field.id);
    let id = format!("custom-{}", field.id);
    let field = StoredValue::new(field);
    let name = move || field.with_value(|f| f.name(i18n.lang()).to_string());
    let description = move || field.with_value(|f| f.description(i18n.lang()).to_string());
    let hint = move || field.with_value(|f| f.hint(i18n.lang()).to_string());
    let required = field.with_value(|f| f.required);
    let help_id = format!("{id}-help");
    let described_by = format!("{help_id} {error_field}-error");
    let invalid_field = error_field.clone();
    if field.with_value(|f| f.is_free_text()) {
        return view! {
            <div class="field">
                <label for=id.clone()>{name} <RequiredMark on=required /></label>
                <textarea id=id name=format!("custom_text[{key}]") rows="3" maxlength="2000"
                    placeholder=hint aria-describedby=described_by
                    aria-invalid=move || invalid(error, &invalid_field)>{answer.text.clone()}</textarea>
                <p class="field-hint" id=help_id>{description}</p>
                <FieldMessage field=error_field error />
            </div>
        }
        .into_any();
    }
    let single = field.with_value(|f| f.single_select);
    let allow_entries = field.with_value(|f| f.allow_entries);
    let options = field.with_value(|f| f.options.clone());
    let input_type = if single { "radio" } else { "checkbox" };
    let group = format!("custom[{key}][]");
    let new_id = format!("{id}-new");
    let new_name = format!("custom_new[{key}]");
    view! {
        <fieldset class="field choice-list" aria-describedby=described_by>
            <legend>{name} <RequiredMark on=required /></legend>
            <p class="field-hint" id=help_id>{description} " " {hint}</p>
            <div class="choices">
                {(single && !required).then(|| {
                    let none_id = format!("{id}-none");
                    view! {
                        <label class="checkbox">
                            <input type="radio" id=none_id name=group.clone() value="" checked=answer.option_ids.is_empty() />
                            {t!(i18n, "profile-gender-none")}
                        </label>
                    }
                })}
                {options.into_iter().map(|option| {
                    let option_id = format!("{id}-{}", option.id);
                    let checked = answer.option_ids.contains(&option.id);
                    view! {
                        <label class="checkbox">
                            <input type=input_type id=option_id name=group.clone() value=option.id.to_string() checked=checked />
                            {move || option.label(i18n.lang()).to_string()}
                        </label>
                    }
                }).collect_view()}
            </div>
            {allow_entries.then(|| view! {
                <div class="field">
                    <label for=new_id.clone()>{t!(i18n, "profile-custom-new")}</label>
                    <input id=new_id name=new_name maxlength="400" />
                </div>
            })}
            <FieldMessage field=error_field error />
        </fieldset>
    }
    .into_any()
}

use super::api::ChooseMemberColumns;
use super::filter::MemberColumn;
use super::members_table_page::MembersTableState;
use crate::i18n::use_i18n;
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// "Columns": which ones this admin sees; remembered on the server, per program.
#[component]
pub fn ColumnChooser(
    chosen: Vec<MemberColumn>,
    action: ServerAction<ChooseMemberColumns>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    view! {
        <details class="column-chooser">
            <summary>{t!(i18n, "members-columns")}</summary>
            <ActionForm action>
                <fieldset class="checkbox-grid">
                    <legend class="visually-hidden">{t!(i18n, "members-columns")}</legend>
                    {MemberColumn::ALL.into_iter().filter(|c| *c != MemberColumn::Name).map(|c| {
                        let id = format!("column-{}", c.as_str());
                        view! {
                            <div class="field field-checkbox">
                                <input type="checkbox" id=id.clone() name="columns[]" value=c.as_str() checked=chosen.contains(&c) />
                                <label for=id>{move || i18n.t(c.label_key())}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <input type="hidden" name="columns[]" value="name" />
                <input type="hidden" name="back" value=move || state.query.get() />
                <button type="submit" class="button">{t!(i18n, "members-columns-save")}</button>
            </ActionForm>
        </details>
    }
}

use super::api::{get_program_list, AddListItem, DeleteListItem, MoveListItem, RenameListItem};
use super::model::{ListItem, ListKind};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/admin/lists/:list`: the program's industries, job functions, skills, development areas
/// and meeting cities, each entry named in English and French. Plain forms, so it works
/// without JavaScript too.
#[component]
pub fn ProgramListsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let kind = Memo::new(move |_| params.read().get("list").and_then(|l| ListKind::parse(&l)));
    let items = Resource::new(
        move || kind.get(),
        |kind| async move {
            match kind {
                Some(kind) => get_program_list(kind.as_str().to_string()).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <p class="breadcrumb"><a href="/admin">{t!(i18n, "admin-dashboard-title")}</a></p>
        <PageHeader
            title=Signal::derive(move || i18n.t("lists-title"))
            subtitle=Signal::derive(move || i18n.t("lists-subtitle"))
        />
        <nav class="tabs" aria-label=t!(i18n, "lists-nav-label")>
            {ListKind::ALL.into_iter().map(|k| view! {
                <a href=format!("/admin/lists/{}", k.as_str())
                    aria-current=move || (kind.get() == Some(k)).then_some("page")>
                    {move || i18n.t(&k.title_key())}
                </a>
            }).collect_view()}
        </nav>
        <QueryNotice name="added" key="lists-added" />
        <QueryNotice name="renamed" key="lists-renamed" />
        <QueryNotice name="deleted" key="lists-deleted" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match (items.await, kind.get_untracked()) {
                    (Ok(items), Some(kind)) => Either::Left(view! {
                        <ListTable kind items />
                        <AddItemForm kind />
                    }),
                    (Err(err), _) => Either::Right(view! { <LoadError error=err /> }),
                    (Ok(_), None) => Either::Right(view! { <LoadError error=crate::error::AppError::NotFound /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ListTable(kind: ListKind, items: Vec<ListItem>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return Either::Left(view! { <p class="empty">{t!(i18n, "lists-empty")}</p> });
    }
    let last = items.len() - 1;
    Either::Right(view! {
        <div class="table-scroll">
            <table class="data-table list-table">
                <caption>{move || i18n.t(&kind.title_key())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, "field-label_en")}</th>
                        <th scope="col">{t!(i18n, "field-label_fr")}</th>
                        <th scope="col">{t!(i18n, "lists-col-used")}</th>
                        <th scope="col">{t!(i18n, "lists-col-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {items.into_iter().enumerate().map(|(at, item)| view! {
                        <ItemRow kind item first=at == 0 last=at == last />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}

#[component]
fn ItemRow(kind: ListKind, item: ListItem, first: bool, last: bool) -> impl IntoView {
    let i18n = use_i18n();
    let form_id = format!("rename-{}", item.id);
    let id = item.id.to_string();
    let en = item.label_en.clone();
    let (en_label, fr_label, confirm) = (en.clone(), en.clone(), en.clone());
    let in_use = item.in_use;
    let move_form = move |direction: &'static str, key: &'static str, disabled: bool| {
        let en = en.clone();
        view! {
            <form method="post" action=MoveListItem::url() class="inline-form">
                <input type="hidden" name="list" value=kind.as_str() />
                <input type="hidden" name="id" value=item.id.to_string() />
                <input type="hidden" name="direction" value=direction />
                <button type="submit" class="button button-small" disabled=disabled
                    aria-label=move || i18n.t_with(key, &[("label", en.clone().into())])>
                    {if direction == "up" { "↑" } else { "↓" }}
                </button>
            </form>
        }
    };
    view! {
        <tr>
            <td>
                <input form=form_id.clone() name="label_en" value=item.label_en.clone() required
                    aria-label=move || i18n.t_with("lists-rename-en", &[("label", en_label.clone().into())]) />
            </td>
            <td>
                <input form=form_id.clone() name="label_fr" value=item.label_fr.clone() required
                    aria-label=move || i18n.t_with("lists-rename-fr", &[("label", fr_label.clone().into())]) />
            </td>
            <td class="number">{in_use}</td>
            <td>
                <div class="row-actions">
                    <form id=form_id method="post" action=RenameListItem::url() class="inline-form">
                        <input type="hidden" name="list" value=kind.as_str() />
                        <input type="hidden" name="id" value=id.clone() />
                        <button type="submit" class="button button-small">{t!(i18n, "lists-save")}</button>
                    </form>
                    {move_form("up", "lists-move-up", first)}
                    {move_form("down", "lists-move-down", last)}
                    <details class="confirm-delete">
                        <summary class="button button-small">{t!(i18n, "lists-delete")}</summary>
                        <form method="post" action=DeleteListItem::url()>
                            <input type="hidden" name="list" value=kind.as_str() />
                            <input type="hidden" name="id" value=id />
                            <p>{move || i18n.t_with("lists-delete-confirm", &[("label", confirm.clone().into()), ("count", in_use.into())])}</p>
                            <button type="submit" class="button button-danger button-small">{t!(i18n, "lists-delete-yes")}</button>
                        </form>
                    </details>
                </div>
            </td>
        </tr>
    }
}

#[component]
fn AddItemForm(kind: ListKind) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="post" action=AddListItem::url() class="card">
            <h2>{t!(i18n, "lists-add-title")}</h2>
            <input type="hidden" name="list" value=kind.as_str() />
            <div class="field">
                <label for="label_en">{t!(i18n, "field-label_en")}</label>
                <input id="label_en" name="label_en" required maxlength="80" />
            </div>
            <div class="field">
                <label for="label_fr">{t!(i18n, "field-label_fr")}</label>
                <input id="label_fr" name="label_fr" required maxlength="80" />
            </div>
            <button type="submit" class="button button-primary">{t!(i18n, "lists-add")}</button>
        </form>
    }
}

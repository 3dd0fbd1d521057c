use super::api::{
    get_my_availability, AddAvailabilityException, DeleteAvailabilityException, SaveAvailability,
};
use super::model::{clock, AvailabilityView, Exception, Window, WEEKDAYS};
use crate::i18n::{use_i18n, I18n, LocalDateTime};
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// `/calendar/availability`: the member's weekly windows (several a day) and dated
/// exceptions, on their own clock, named with their zone. Plain forms: it works
/// without JavaScript.
#[component]
pub fn AvailabilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveAvailability>::new();
    let add = ServerAction::<AddAvailabilityException>::new();
    let delete = ServerAction::<DeleteAvailabilityException>::new();
    let errors = Signal::derive(move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| add.value().get().and_then(|r| r.err()))
            .or_else(|| delete.value().get().and_then(|r| r.err()))
    });
    let availability = Resource::new(
        move || {
            (
                save.version().get(),
                add.version().get(),
                delete.version().get(),
            )
        },
        |_| get_my_availability(),
    );
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("availability-title")) />
        <QueryNotice name="saved" key="availability-saved" />
        <QueryNotice name="added" key="availability-exception-added" />
        // With JavaScript the forms stay on the page: say so here.
        {move || done(save.value().get()).then(|| view! {
            <p class="alert alert-success" role="status">{t!(i18n, "availability-saved")}</p>
        })}
        {move || done(add.value().get()).then(|| view! {
            <p class="alert alert-success" role="status">{t!(i18n, "availability-exception-added")}</p>
        })}
        <ErrorMessage error=query_error() />
        <ErrorMessage error=errors />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match availability.await {
                    Ok(a) => Either::Left(view! { <Availability a save add delete /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

fn done(result: Option<Result<(), crate::error::AppError>>) -> bool {
    matches!(result, Some(Ok(())))
}

/// A date as the product writes dates ("Dec 9, 2026" / "9 déc. 2026").
fn date_text(i18n: I18n, date: shared::iso_date::Date) -> String {
    LocalDateTime::of_date(date).format_date(i18n.lang())
}

#[component]
fn Availability(
    a: AvailabilityView,
    save: ServerAction<SaveAvailability>,
    add: ServerAction<AddAvailabilityException>,
    delete: ServerAction<DeleteAvailabilityException>,
) -> impl IntoView {
    let i18n = use_i18n();
    let zone = a.zone_label.clone();
    // Each day: its windows, then one blank row to add another.
    let mut rows: Vec<(usize, Option<Window>)> = Vec::new();
    for (day, _) in WEEKDAYS.iter().enumerate() {
        rows.extend(
            a.windows
                .iter()
                .filter(|w| w.weekday as usize == day)
                .map(|w| (day, Some(*w))),
        );
        rows.push((day, None));
    }
    view! {
        <p class="zone-note">
            {move || i18n.t_with("availability-zone", &[("zone", zone.text(i18n.lang()).into())])}
            " "<a href="/profile">{t!(i18n, "availability-change-zone")}</a>
        </p>
        <ActionForm action=save attr:class="card availability-form">
            <h2 class="card-title">{t!(i18n, "availability-week")}</h2>
            <p class="field-hint">{t!(i18n, "availability-week-hint")}</p>
            <table class="availability-week">
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, (day, window))| {
                        let code = WEEKDAYS[day];
                        let day_key = format!("field-{code}");
                        let (start, end) = window.map(|w| (clock(w.start), clock(w.end))).unwrap_or_default();
                        let label_from = day_key.clone();
                        let label_to = day_key.clone();
                        view! {
                            <tr data-weekday=code>
                                <th scope="row">{move || i18n.t(&day_key)}</th>
                                <td>
                                    <input type="hidden" name=format!("window[{i}][weekday]") value=code />
                                    <input type="time" step="900" name=format!("window[{i}][start]") value=start
                                        aria-label=move || i18n.t_with("availability-from", &[("day", i18n.t(&label_from).into())]) />
                                    " – "
                                    <input type="time" step="900" name=format!("window[{i}][end]") value=end
                                        aria-label=move || i18n.t_with("availability-to", &[("day", i18n.t(&label_to).into())]) />
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="submit" class="button button-primary">{t!(i18n, "availability-save")}</button>
        </ActionForm>
        <section class="card" aria-labelledby="exceptions-heading">
            <h2 id="exceptions-heading" class="card-title">{t!(i18n, "availability-exceptions")}</h2>
            {a.exceptions.is_empty().then(|| view! { <p>{t!(i18n, "availability-no-exceptions")}</p> })}
            <ul class="exception-list">
                {a.exceptions.into_iter().map(|(id, e)| {
                    let text = move || match &e {
                        Exception::Away { first, last } => i18n.t_with("availability-away-text", &[
                            ("first", date_text(i18n, *first).into()),
                            ("last", date_text(i18n, *last).into()),
                        ]),
                        Exception::Extra { date, start, end } => i18n.t_with("availability-extra-text", &[
                            ("date", date_text(i18n, *date).into()),
                            ("start", clock(*start).into()),
                            ("end", clock(*end).into()),
                        ]),
                    };
                    view! {
                        <li>
                            <span>{text}</span>
                            <ActionForm action=delete attr:class="inline-form">
                                <input type="hidden" name="id" value=id />
                                <button type="submit" class="button button-small">{t!(i18n, "availability-remove")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:class="exception-form">
                <fieldset>
                    <legend>{t!(i18n, "availability-add-exception")}</legend>
                    <label><input type="radio" name="kind" value="away" checked /> {t!(i18n, "availability-kind-away")}</label>
                    <label><input type="radio" name="kind" value="extra" /> {t!(i18n, "availability-kind-extra")}</label>
                </fieldset>
                <div class="field-row">
                    <div class="field">
                        <label for="exception-first">{t!(i18n, "availability-exception-first")}</label>
                        <input id="exception-first" type="date" name="first" required />
                    </div>
                    <div class="field">
                        <label for="exception-last">{t!(i18n, "availability-exception-last")}</label>
                        <input id="exception-last" type="date" name="last" />
                    </div>
                    <div class="field">
                        <label for="exception-start">{t!(i18n, "availability-exception-start")}</label>
                        <input id="exception-start" type="time" step="900" name="start" />
                    </div>
                    <div class="field">
                        <label for="exception-end">{t!(i18n, "availability-exception-end")}</label>
                        <input id="exception-end" type="time" step="900" name="end" />
                    </div>
                </div>
                <p class="field-hint">{t!(i18n, "availability-exception-hint")}</p>
                <button type="submit" class="button">{t!(i18n, "availability-add")}</button>
            </ActionForm>
        </section>
    }
}

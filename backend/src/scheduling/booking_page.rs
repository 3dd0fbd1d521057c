//! The booking page: the dialog's fields as the page's address and form carry them (text,
//! each bad one named), the month's offer for the pair, and a booking read from the form.
use super::booking::{self, bookable, Booking, OfferAsk};
use super::changes::{move_plan, reschedule, Move};
use super::model::{Frequency, MeetingType, SeriesScope, MIN_OCCURRENCES};
use super::recurrence::{Rule, SeriesEnd};
use super::repo;
use super::view::{parse_slot, BookingChoice, BookingOffer, MoveChoice, MovingMeeting};
use super::wall_clock::local_date;
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::relationships::invitations::full_name;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use shared::iso_date::parse_iso_date;

/// The dialog's choices as text (the page's query string or the booking form).
#[derive(Clone, Debug, Default)]
pub struct ChoiceText {
    pub minutes: String,
    pub frequency: String,
    pub occurrences: String,
    pub until: String,
    /// "2026-12"
    pub month: String,
    /// "2026-12-09"
    pub day: String,
    /// The meeting the page moves (blank: the page books one), and which occurrences.
    pub meeting: String,
    pub scope: String,
}

/// A blank choice reads as 30 minutes, no repeat, four occurrences if a series, this month.
const DEFAULT_MINUTES: u32 = 30;
const DEFAULT_OCCURRENCES: u32 = 4;

fn bad(field: &str, code: ValidationCode) -> AppError {
    AppError::validation(field, code)
}

/// A meeting's length as a form sends it: one of the dialog's durations.
pub(super) fn minutes_field(text: &str) -> AppResult<u32> {
    let minutes = text.trim().parse().unwrap_or(0);
    booking::check_minutes(minutes).map(|()| minutes)
}

/// A meeting type as a form sends it.
pub(super) fn meeting_type_field(text: &str) -> AppResult<MeetingType> {
    MeetingType::parse(text.trim())
        .ok_or_else(|| bad("meeting_type", ValidationCode::InvalidChoice))
}

/// Reads the choices; `today` is on the viewer's clock. A month before this one shows
/// this one; a day outside the month shown is no day.
pub fn parse_choice(text: &ChoiceText, today: NaiveDate) -> AppResult<BookingChoice> {
    let minutes = match text.minutes.trim() {
        "" => DEFAULT_MINUTES,
        m => minutes_field(m)?,
    };
    let frequency = match text.frequency.trim() {
        "" => Frequency::Once,
        f => Frequency::parse(f).ok_or_else(|| bad("frequency", ValidationCode::InvalidChoice))?,
    };
    let occurrences = match text.occurrences.trim() {
        "" => DEFAULT_OCCURRENCES,
        n => n
            .parse()
            .ok()
            .filter(|n| (MIN_OCCURRENCES..=super::model::MAX_OCCURRENCES).contains(n))
            .ok_or_else(|| bad("occurrences", ValidationCode::OccurrencesOutOfRange))?,
    };
    let until = match text.until.trim() {
        "" => None,
        d => Some(parse_iso_date(d).ok_or_else(|| bad("until", ValidationCode::InvalidChoice))?),
    };
    let (year, month) = match text.month.trim() {
        "" => (today.year(), today.month()),
        m => parse_iso_date(&format!("{m}-01"))
            .map(|d| (d.year(), d.month()))
            .ok_or_else(|| bad("month", ValidationCode::InvalidChoice))?,
    };
    let (year, month) = (year, month).max((today.year(), today.month()));
    let day = parse_iso_date(text.day.trim())
        .filter(|d| (d.year(), d.month()) == (year, month) && *d >= today);
    let moving = match text.meeting.trim() {
        "" => None,
        id => Some(MoveChoice {
            meeting_id: id
                .parse()
                .map_err(|_| bad("meeting", ValidationCode::InvalidChoice))?,
            scope: SeriesScope::from_form(&text.scope)?,
        }),
    };
    Ok(BookingChoice {
        minutes,
        frequency,
        occurrences,
        until,
        year,
        month,
        day,
        moving,
    })
}

/// The series rule of the choices: an end date wins over a number of occurrences.
pub fn rule_of(choice: &BookingChoice) -> Rule {
    Rule {
        frequency: choice.frequency,
        end: match choice.until {
            Some(day) => SeriesEnd::Until(day),
            None => SeriesEnd::Count(choice.occurrences),
        },
    }
}

/// The booking page for a pair: who, the program's meeting types, and the free times of
/// the month shown from today on, on the viewer's clock.
pub async fn booking_offer(
    db: &Db,
    scope: &MemberScope,
    relationship_id: i64,
    text: &ChoiceText,
    now: DateTime<Utc>,
) -> AppResult<BookingOffer> {
    let zone = scope.session.viewer.time_zone;
    let today = local_date(&zone, now);
    let mut tx = db.read().await?;
    let row = bookable(&mut tx, scope, relationship_id).await?;
    let mut choice = parse_choice(text, today)?;
    let plan = match choice.moving {
        Some(m) => {
            let plan = move_plan(&mut tx, scope, m.meeting_id, m.scope, now).await?;
            if plan.meeting().relationship_id != relationship_id {
                return Err(AppError::NotFound);
            }
            if text.minutes.trim().is_empty() {
                choice.minutes = plan.meeting().minutes();
            }
            Some(plan)
        }
        None => None,
    };
    let mentor_name = full_name(&mut tx, scope.program_id, row.mentor_id).await?;
    let mentee_name = full_name(&mut tx, scope.program_id, row.mentee_id).await?;
    let (types, room) = repo::meeting_settings(&mut tx, scope.program_id).await?;
    let first_of_month =
        NaiveDate::from_ymd_opt(choice.year, choice.month, 1).expect("a month read from a date");
    let (next_year, next_month) = super::view::neighbour_months(choice.year, choice.month).1;
    let last_day =
        NaiveDate::from_ymd_opt(next_year, next_month, 1).expect("a month") - Duration::days(1);
    let ask = OfferAsk {
        minutes: choice.minutes,
        rule: plan.as_ref().map_or_else(|| rule_of(&choice), |p| p.rule),
        first_day: first_of_month.max(today),
        last_day,
    };
    let carried = plan.as_ref().map(|p| p.carried()).unwrap_or_default();
    let days = booking::offer_for(&mut tx, scope, &row, (&ask, carried), now).await?;
    tx.commit().await?;
    let moving = plan.map(|p| MovingMeeting {
        start: LocalDateTime::from_utc(p.meeting().starts_at, &zone),
        end: LocalDateTime::from_utc(p.meeting().ends_at, &zone),
        in_series: p.meeting().frequency != Frequency::Once,
        count: p.moving.len(),
    });
    let me = scope.session.viewer.user_id;
    let partner_name = if me == row.mentor_id {
        mentee_name.clone()
    } else if me == row.mentee_id {
        mentor_name.clone()
    } else {
        String::new()
    };
    Ok(BookingOffer {
        relationship_id,
        for_pair: partner_name.is_empty() && scope.role == Role::Admin,
        mentor_name,
        mentee_name,
        partner_name,
        zone_label: zone.label(now),
        meeting_types: MeetingType::parse_list(&types).unwrap_or_default(),
        program_room: !room.trim().is_empty(),
        choice,
        today,
        days,
        moving,
    })
}

/// What the booking form sends besides the choices.
#[derive(Clone, Debug, Default)]
pub struct BookingText {
    pub choice: ChoiceText,
    /// A slot's value (`view::slot_value`).
    pub slot: String,
    pub meeting_type: String,
    pub location: String,
    pub agenda: String,
    pub admin_attends: bool,
}

/// Reads the booking form and books it (see `booking::book`); returns the series.
pub async fn book_from_form(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    relationship_id: i64,
    text: &BookingText,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    {
        // The relationship first: a stranger learns nothing from the other fields.
        let mut tx = db.read().await?;
        bookable(&mut tx, scope, relationship_id).await?;
        tx.commit().await?;
    }
    let today = local_date(&scope.session.viewer.time_zone, now);
    let choice = parse_choice(&text.choice, today)?;
    let (first, skip) =
        parse_slot(&text.slot).ok_or_else(|| bad("slot", ValidationCode::Required))?;
    let meeting_type = meeting_type_field(&text.meeting_type)?;
    let booking = Booking {
        first,
        minutes: choice.minutes,
        rule: rule_of(&choice),
        meeting_type,
        location: text.location.clone(),
        agenda: text.agenda.clone(),
        skip,
        admin_attends: text.admin_attends,
    };
    booking::book(db, base_url, scope, relationship_id, &booking, now).await
}

/// What the move form sends.
#[derive(Clone, Debug, Default)]
pub struct MoveText {
    pub scope: String,
    pub minutes: String,
    /// A slot's value (`view::slot_value`).
    pub slot: String,
}

/// Reads the move form and moves the meeting (see `changes::reschedule`); returns the
/// number of occurrences that take place at the new time.
pub async fn move_from_form(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    meeting_id: i64,
    text: &MoveText,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let range = SeriesScope::from_form(&text.scope)?;
    {
        // The meeting first: a stranger learns nothing from the other fields.
        let mut tx = db.read().await?;
        move_plan(&mut tx, scope, meeting_id, range, now).await?;
        tx.commit().await?;
    }
    let minutes = minutes_field(&text.minutes)?;
    let (first, skip) =
        parse_slot(&text.slot).ok_or_else(|| bad("slot", ValidationCode::Required))?;
    let to = Move {
        first,
        minutes,
        skip,
    };
    reschedule(db, base_url, scope, meeting_id, range, &to, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn field(err: AppError) -> String {
        match err {
            AppError::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn blank_choices_read_as_the_defaults() {
        let c = parse_choice(&ChoiceText::default(), day(12, 4)).unwrap();
        assert_eq!(
            (c.minutes, c.frequency, c.occurrences),
            (30, Frequency::Once, 4)
        );
        assert_eq!((c.year, c.month, c.day, c.until), (2026, 12, None, None));
        assert_eq!(rule_of(&c).frequency, Frequency::Once);
    }

    #[test]
    fn each_bad_choice_is_named() {
        let today = day(12, 4);
        let with = |f: fn(&mut ChoiceText)| {
            let mut t = ChoiceText::default();
            f(&mut t);
            parse_choice(&t, today)
        };
        assert_eq!(
            field(with(|t| t.minutes = "25".into()).unwrap_err()),
            "duration"
        );
        assert_eq!(
            field(with(|t| t.frequency = "hourly".into()).unwrap_err()),
            "frequency"
        );
        assert_eq!(
            field(with(|t| t.occurrences = "53".into()).unwrap_err()),
            "occurrences"
        );
        assert_eq!(
            field(with(|t| t.occurrences = "1".into()).unwrap_err()),
            "occurrences"
        );
        assert_eq!(
            field(with(|t| t.until = "12/31".into()).unwrap_err()),
            "until"
        );
        assert_eq!(
            field(with(|t| t.month = "2026-13".into()).unwrap_err()),
            "month"
        );
        assert_eq!(
            field(with(|t| t.meeting = "x".into()).unwrap_err()),
            "meeting"
        );
        let moving = with(|t| {
            t.meeting = "12".into();
            t.scope = "following".into();
        })
        .unwrap()
        .moving
        .unwrap();
        assert_eq!(
            (moving.meeting_id, moving.scope),
            (12, SeriesScope::Following)
        );
    }

    #[test]
    fn the_month_is_never_before_this_one_and_the_day_is_in_it() {
        let today = day(12, 4);
        let text = ChoiceText {
            minutes: "60".into(),
            frequency: "weekly".into(),
            occurrences: "".into(),
            until: "2027-02-01".into(),
            month: "2026-10".into(),
            day: "2026-10-20".into(),
            ..ChoiceText::default()
        };
        let c = parse_choice(&text, today).unwrap();
        assert_eq!((c.year, c.month, c.day), (2026, 12, None));
        assert_eq!(
            rule_of(&c).end,
            SeriesEnd::Until(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap())
        );
        let later = ChoiceText {
            month: "2027-01".into(),
            day: "2027-01-13".into(),
            ..ChoiceText::default()
        };
        let c = parse_choice(&later, today).unwrap();
        assert_eq!((c.year, c.month), (2027, 1));
        assert_eq!(c.day, NaiveDate::from_ymd_opt(2027, 1, 13));
        let past_day = ChoiceText {
            day: "2026-12-03".into(),
            ..ChoiceText::default()
        };
        assert_eq!(parse_choice(&past_day, today).unwrap().day, None);
    }
}

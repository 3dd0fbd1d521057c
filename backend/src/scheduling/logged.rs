//! Meetings held outside the platform: "+" beside "Number of meetings" logs one (its day,
//! length, type and a note), which then counts as held in the relationship's meetings and
//! hours, the Relationships page and the members table; a wrong entry can be removed.
//! Either member of the pair or the program's administrator may; anyone else is told
//! "not found" before any field is read.
use super::booking_page::{meeting_type_field, minutes_field};
use super::logged_repo::{self as repo, NewLogged};
use super::view::LOGGED_NOTE_MAX;
use super::wall_clock::local_date;
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::relationships::relationship::reachable;
use chrono::{DateTime, Utc};
use shared::iso_date::parse_iso_date;

/// The "+" form as it is sent.
#[derive(Clone, Debug, Default)]
pub struct LogText {
    /// "2026-12-01"
    pub day: String,
    pub minutes: String,
    pub meeting_type: String,
    pub note: String,
}

/// Logs a meeting held on a day between the relationship's start and today (on the
/// viewer's clock); returns its id.
pub async fn log_meeting(
    db: &Db,
    scope: &MemberScope,
    relationship_id: i64,
    text: &LogText,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let bad = AppError::validation;
    let mut tx = db.begin().await?;
    let row = reachable(&mut tx, scope, relationship_id).await?;
    let zone = &scope.session.viewer.time_zone;
    let day = match text.day.trim() {
        "" => return Err(bad("day", ValidationCode::Required)),
        day => parse_iso_date(day).ok_or_else(|| bad("day", ValidationCode::InvalidChoice))?,
    };
    if day > local_date(zone, now) {
        return Err(bad("day", ValidationCode::InFuture));
    }
    if day < local_date(zone, row.started_at) {
        return Err(bad("day", ValidationCode::BeforeRelationship));
    }
    let minutes = minutes_field(&text.minutes)?;
    let meeting_type = meeting_type_field(&text.meeting_type)?;
    let note = text.note.trim();
    if note.chars().count() > LOGGED_NOTE_MAX {
        return Err(bad("note", ValidationCode::TooLong));
    }
    let id = repo::insert_logged(
        &mut tx,
        &NewLogged {
            program_id: scope.program_id,
            relationship_id,
            day,
            minutes,
            meeting_type,
            note,
            logged_by: scope.session.viewer.user_id,
            now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a logged meeting of the relationship.
pub async fn remove_logged(
    db: &Db,
    scope: &MemberScope,
    relationship_id: i64,
    id: i64,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    reachable(&mut tx, scope, relationship_id).await?;
    if id <= 0 {
        return Err(AppError::validation(
            "logged_meeting",
            ValidationCode::InvalidChoice,
        ));
    }
    if !repo::delete_logged(&mut tx, relationship_id, id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

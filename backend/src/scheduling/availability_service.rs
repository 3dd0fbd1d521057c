//! A member's availability: their weekly windows and dated exceptions, edited by them
//! only, read by the slot picker for any pair they belong to.
use super::model::{AvailabilityView, Exception, Window, EXCEPTIONS_MAX};
use super::repo;
use crate::auth::authz::MemberScope;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, ValidationCode};
use crate::scheduling::availability::Availability;
use chrono::{DateTime, Utc};

/// The signed-in member's availability, with their zone's name.
pub async fn view(db: &Db, scope: &MemberScope, now: DateTime<Utc>) -> AppResult<AvailabilityView> {
    let viewer = &scope.session.viewer;
    let mut tx = db.read().await?;
    let windows = repo::windows(&mut tx, viewer.user_id).await?;
    let today = crate::scheduling::wall_clock::local_date(&viewer.time_zone, now);
    let exceptions = repo::exceptions(&mut tx, viewer.user_id, today).await?;
    tx.commit().await?;
    Ok(AvailabilityView {
        windows,
        exceptions,
        zone: viewer.time_zone,
        zone_label: viewer.time_zone.label(now),
    })
}

/// Replaces the member's weekly windows; overlapping or empty ones are refused, naming
/// the day, and nothing is written.
pub async fn save_windows(db: &Db, scope: &MemberScope, windows: &[Window]) -> AppResult<()> {
    super::model::validate_windows(windows)?;
    let mut tx = db.begin().await?;
    repo::replace_windows(&mut tx, scope.session.viewer.user_id, windows).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an away period or extra hours on a date.
pub async fn add_exception(db: &Db, scope: &MemberScope, exception: &Exception) -> AppResult<i64> {
    exception.validate()?;
    let me = scope.session.viewer.user_id;
    let mut tx = db.begin().await?;
    if repo::count_exceptions(&mut tx, me).await? >= EXCEPTIONS_MAX as i64 {
        return Err(AppError::validation(
            "availability",
            ValidationCode::ListFull,
        ));
    }
    let id = repo::insert_exception(&mut tx, me, exception).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes one of the member's exceptions. Idempotent: one already gone (a second
/// click) or another member's (left untouched) is no error.
pub async fn delete_exception(db: &Db, scope: &MemberScope, id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    repo::delete_exception(&mut tx, scope.session.viewer.user_id, id).await?;
    tx.commit().await?;
    Ok(())
}

/// What the slot picker knows of a member: their zone, windows and exceptions from
/// `from` on.
pub async fn availability_of(
    tx: &mut Tx,
    user_id: i64,
    from: DateTime<Utc>,
) -> AppResult<Availability> {
    let zone = repo::zone_of(tx, user_id).await?;
    let day = crate::scheduling::wall_clock::local_date(&zone, from) - chrono::Duration::days(1);
    Ok(Availability {
        zone,
        windows: repo::windows(tx, user_id).await?,
        exceptions: repo::exceptions(tx, user_id, day)
            .await?
            .into_iter()
            .map(|(_, e)| e)
            .collect(),
    })
}

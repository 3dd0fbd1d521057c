//! The member's notifications page and "Mark all as read". Each member reads only their
//! own, in the program they are signed in to.
use super::model::{NotificationList, NotificationView, NOTIFICATIONS_SHOWN};
use super::repo;
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::AppResult;
use crate::i18n::LocalDateTime;
use chrono::{DateTime, Utc};

/// The signed-in member's latest notifications, on their clock, and how many are unread.
pub async fn my_notifications(db: &Db, scope: &MemberScope) -> AppResult<NotificationList> {
    let viewer = &scope.session.viewer;
    let whose = (scope.program_id, viewer.user_id);
    let mut tx = db.read().await?;
    let rows = repo::latest(&mut tx, whose, NOTIFICATIONS_SHOWN).await?;
    let unread = repo::unread_count(&mut tx, whose).await?;
    tx.commit().await?;
    let zone = &viewer.time_zone;
    let items = rows
        .into_iter()
        .map(|r| NotificationView {
            id: r.id,
            kind: r.kind,
            actor_name: crate::fold::person_name(
                r.actor_first_name.as_deref().unwrap_or_default(),
                r.actor_last_name.as_deref().unwrap_or_default(),
            ),
            meeting_at: LocalDateTime::from_utc(r.meeting_at, zone),
            count: r.meeting_count.max(1) as u32,
            relationship_id: r.relationship_id,
            created_at: LocalDateTime::from_utc(r.created_at, zone),
            read: r.read_at.is_some(),
        })
        .collect();
    Ok(NotificationList { items, unread })
}

/// Marks all the signed-in member's notifications read; how many were unread.
pub async fn mark_all_read(db: &Db, scope: &MemberScope, now: DateTime<Utc>) -> AppResult<u64> {
    let mut tx = db.begin().await?;
    let marked = repo::mark_all_read(
        &mut tx,
        (scope.program_id, scope.session.viewer.user_id),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(marked)
}

//! "End all relationships" (seed 002, "Mettre fin à un cycle de programme"): the
//! administrator asks once; a background worker ends the program's current
//! relationships in batches. Each batch ends its relationships, queues both members'
//! e-mails and advances the run in one transaction, so a crash loses no more than the
//! batch in flight and repeats nothing: a restarted worker carries on where the last
//! committed batch stopped, and every pair is told exactly once.
use super::admin::EndAllRun;
use super::end_all_repo as repo;
use super::invitation_repo::end_relationship;
use super::model::DECLINE_REASON_MAX;
use super::relationship::tell_both;
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::{optional_text, AppError, AppResult, Refusal};
use crate::i18n::LocalDateTime;
use crate::messaging::template::RELATIONSHIP_ENDED;
use chrono::{DateTime, Utc};

/// Relationships ended per transaction.
pub const END_ALL_BATCH: i64 = 50;

/// Starts a run over the program's current relationships (those that start afterwards
/// stay). Refused when none is current or a run is already going.
pub async fn start_end_all(
    db: &Db,
    scope: &MemberScope,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let reason = optional_text("reason", reason, DECLINE_REASON_MAX)?;
    let mut tx = db.begin().await?;
    if repo::running(&mut tx, scope.program_id).await?.is_some() {
        return Err(AppError::Refused(Refusal::EndAllRunning));
    }
    let total = repo::current_count(&mut tx, scope.program_id).await?;
    if total == 0 {
        return Err(AppError::Refused(Refusal::NothingToEnd));
    }
    let id = repo::insert_run(
        &mut tx,
        scope.program_id,
        scope.session.viewer.user_id,
        &reason,
        total,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The program's latest run, for its progress.
pub async fn latest_end_all(db: &Db, scope: &MemberScope) -> AppResult<Option<EndAllRun>> {
    let zone = &scope.session.viewer.time_zone;
    Ok(repo::latest_run(db, scope.program_id)
        .await?
        .map(|r| EndAllRun {
            id: r.id,
            status: r.status,
            total: r.total,
            processed: r.processed.min(r.total),
            started: LocalDateTime::from_utc(r.created_at, zone),
            finished: r.finished_at.map(|at| LocalDateTime::from_utc(at, zone)),
        }))
}

/// How many of the program's relationships are current.
pub async fn current_relationships(db: &Db, scope: &MemberScope) -> AppResult<i64> {
    let mut tx = db.read().await?;
    let n = repo::current_count(&mut tx, scope.program_id).await?;
    tx.commit().await?;
    Ok(n)
}

/// Works every running run to its end, one batch per transaction, pausing `pause`
/// between batches so other writers get their turn. Returns the relationships ended.
pub async fn work_end_all(db: &Db, base_url: &str, pause: std::time::Duration) -> AppResult<i64> {
    let mut ended = 0;
    for id in repo::running_runs(db).await? {
        loop {
            match run_batch(db, base_url, id, Utc::now()).await? {
                Some(n) => ended += n,
                None => break,
            }
            if !pause.is_zero() {
                tokio::time::sleep(pause).await;
            }
        }
    }
    Ok(ended)
}

/// One batch of the run: how many relationships it ended, or none when the run is
/// finished (or another instance is working it).
pub async fn run_batch(
    db: &Db,
    base_url: &str,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<Option<i64>> {
    let mut tx = db.begin().await?;
    let Some(run) = repo::claim_run(&mut tx, id).await? else {
        return Ok(None);
    };
    let batch = repo::next_batch(&mut tx, &run, END_ALL_BATCH).await?;
    if batch.is_empty() {
        repo::finish(&mut tx, id, now).await?;
        tx.commit().await?;
        return Ok(None);
    }
    let mut ended = 0;
    for (relationship, mentor, mentee) in batch {
        if !end_relationship(&mut tx, relationship, run.admin_id, &run.reason, now).await? {
            continue;
        }
        ended += 1;
        let reason = Some(run.reason.clone());
        let pair = (mentor, mentee);
        tell_both(
            &mut tx,
            base_url,
            run.program_id,
            RELATIONSHIP_ENDED,
            relationship,
            pair,
            reason,
        )
        .await?;
    }
    repo::advance(&mut tx, id, ended).await?;
    tx.commit().await?;
    Ok(Some(ended))
}

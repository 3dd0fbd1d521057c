//! Background work that runs beside the HTTP server.
use backend::db::Db;
use backend::state::WorkerHealth;
use futures::FutureExt;
use std::future::Future;
use std::time::Duration;

/// Runs a worker for good: whenever it stops (returns or panics) it is started again,
/// after a pause that doubles from `first_pause` up to a minute; `health` always says
/// whether it is running, how often it stopped and why (shown by `/healthz`).
pub fn supervise<F, Fut>(
    name: &'static str,
    health: WorkerHealth,
    first_pause: Duration,
    start: F,
) -> tokio::task::JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let mut pause = first_pause;
        loop {
            health.started(name);
            let started = std::time::Instant::now();
            let reason = match std::panic::AssertUnwindSafe(start()).catch_unwind().await {
                Ok(()) => "stopped".to_string(),
                Err(panic) => format!("panicked: {}", panic_message(panic.as_ref())),
            };
            tracing::error!(
                worker = name,
                reason,
                "background worker stopped; restarting"
            );
            health.stopped(name, reason);
            // A worker that ran a good while before stopping starts again quickly.
            if started.elapsed() > Duration::from_secs(600) {
                pause = first_pause;
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(60));
        }
    })
}

/// What a caught panic said.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Every hour: deletes expired sessions and the rate-limit hits no limit counts any more.
/// Safe to run on several instances at once.
pub fn spawn_sweeper(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let now = chrono::Utc::now();
            let sessions = backend::auth::repo::delete_expired_sessions(&db, now)
                .await
                .map_err(|e| format!("{e:?}"));
            let hits = backend::auth::rate_limit::prune(&db, now)
                .await
                .map_err(|e| format!("{e:?}"));
            for (what, removed) in [
                ("expired sessions", sessions),
                ("old rate-limit hits", hits),
            ] {
                match removed {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(deleted = n, "{what} removed"),
                    Err(err) => tracing::warn!(error = %err, "sweep of {what} failed"),
                }
            }
        }
    })
}

/// Every `every`: sends the invitation reminders that are due and expires invitations
/// past their deadline (each exactly once, even with several instances; see
/// `invitations::sweep`).
pub async fn run_invitation_clock(db: Db, base_url: String, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match backend::relationships::invitations::sweep(&db, &base_url, chrono::Utc::now()).await {
            Ok(done) if done.reminded + done.expired > 0 => tracing::info!(
                reminded = done.reminded,
                expired = done.expired,
                "invitations swept"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "invitation sweep failed"),
        }
    }
}

/// Every `every`: works the "End all relationships" runs that are going, `pause` between
/// batches (each batch is durable on its own, so a restart carries on; see `end_all`).
pub async fn run_end_all(db: Db, base_url: String, every: Duration, pause: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match backend::relationships::end_all::work_end_all(&db, &base_url, pause).await {
            Ok(0) => {}
            Ok(ended) => tracing::info!(ended, "relationships ended by an end-all run"),
            Err(err) => tracing::warn!(error = %err, "end-all run failed"),
        }
    }
}

/// Every `every`: sends the meeting reminders that are due (each exactly once, even with
/// several instances; see `reminder_pass`).
pub async fn run_meeting_reminders(db: Db, base_url: String, before_hours: u32, every: Duration) {
    use backend::scheduling::reminder_pass::send_reminders;
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match send_reminders(&db, &base_url, before_hours, chrono::Utc::now()).await {
            Ok(sent) if sent.mornings + sent.before > 0 => tracing::info!(
                mornings = sent.mornings,
                before = sent.before,
                "meeting reminders sent"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "meeting reminders failed"),
        }
    }
}

/// Every `every`: reads the members' own calendars that are due (each by one instance
/// only; see `busy_service::read_due`).
pub async fn run_calendar_reader(state: backend::state::AppState, every: Duration) {
    use backend::scheduling::busy_service::{read_due, BusyReader};
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match read_due(BusyReader::of(&state), chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(read) => tracing::info!(read, "members' calendars read"),
            Err(err) => tracing::warn!(error = %err, "reading members' calendars failed"),
        }
    }
}

/// Loads the members-table index of large programs in the background after a start.
pub fn spawn_member_index_warmer(
    db: Db,
    indexes: std::sync::Arc<backend::members::index::MemberIndexes>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        match indexes.warm(&db).await {
            Ok(0) => {}
            Ok(programs) => tracing::info!(
                programs,
                millis = started.elapsed().as_millis() as u64,
                "members index loaded"
            ),
            Err(err) => tracing::warn!(error = %err, "members index warm-up failed"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn a_worker_that_panics_is_started_again_and_reported() {
        let health = WorkerHealth::default();
        let runs = Arc::new(AtomicU32::new(0));
        let counter = runs.clone();
        let handle = supervise(
            "mail",
            health.clone(),
            Duration::from_millis(10),
            move || {
                let run = counter.fetch_add(1, Ordering::SeqCst);
                async move {
                    if run < 2 {
                        panic!("poisoned message {run}");
                    }
                    std::future::pending::<()>().await
                }
            },
        );
        for _ in 0..200 {
            if runs.load(Ordering::SeqCst) >= 3 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let report = health.reports().pop().unwrap();
        handle.abort();
        assert_eq!(runs.load(Ordering::SeqCst), 3, "started three times");
        assert!(report.running);
        assert_eq!(report.restarts, 2);
        assert_eq!(
            report.last_stop.as_deref(),
            Some("panicked: poisoned message 1")
        );
    }
}

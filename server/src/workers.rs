//! Background work that runs beside the HTTP server.
use app::db::Db;
use std::time::Duration;

/// Deletes expired sessions every hour. Safe to run on several instances at once.
pub fn spawn_session_sweeper(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match app::auth::server::repo::delete_expired_sessions(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "expired sessions removed"),
                Err(err) => tracing::warn!(error = %err, "session sweep failed"),
            }
        }
    })
}

/// Loads the members-table index of large programs in the background after a start.
pub fn spawn_member_index_warmer(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        match db.member_index().warm(&db).await {
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

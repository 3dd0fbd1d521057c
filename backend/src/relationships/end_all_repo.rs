//! SQL of "End all relationships": the run, and the batches that end the relationships it
//! covers.
use crate::db::{Db, Tx};
use crate::relationships::admin::EndAllStatus;
use crate::relationships::model::RelationshipStatus;
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndRunRow {
    pub id: i64,
    pub program_id: i64,
    pub admin_id: Option<i64>,
    pub reason: String,
    pub status: EndAllStatus,
    pub total: i64,
    pub processed: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

const RUN_COLUMNS: &str =
    "id, program_id, admin_id, reason, status, CAST(total AS BIGINT) AS total,
     CAST(processed AS BIGINT) AS processed, created_at, finished_at";

/// The program's current relationships.
pub async fn current_count(tx: &mut Tx, program_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM relationships WHERE program_id = $1 AND status = $2",
    )
    .bind(program_id)
    .bind(RelationshipStatus::Active)
    .fetch_one(&mut *conn)
    .await)
}

/// The program's run that is still going, if any.
pub async fn running(tx: &mut Tx, program_id: i64) -> sqlx::Result<Option<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT id FROM relationship_end_runs WHERE program_id = $1 AND status = $2",
    )
    .bind(program_id)
    .bind(EndAllStatus::Running)
    .fetch_optional(&mut *conn)
    .await)
}

pub async fn insert_run(
    tx: &mut Tx,
    program_id: i64,
    admin_id: i64,
    reason: &str,
    total: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO relationship_end_runs (program_id, admin_id, reason, status, total, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(program_id)
    .bind(admin_id)
    .bind(reason)
    .bind(EndAllStatus::Running)
    .bind(total as i32)
    .bind(now)
    .fetch_one(&mut *conn)
    .await)
}

/// The program's latest run.
pub async fn latest_run(db: &Db, program_id: i64) -> sqlx::Result<Option<EndRunRow>> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM relationship_end_runs WHERE program_id = $1
         ORDER BY created_at DESC, id DESC LIMIT 1"
    );
    with_db!(db, pool => sqlx::query_as::<_, EndRunRow>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(program_id)
        .fetch_optional(pool)
        .await)
}

/// The runs still going, in every program.
pub async fn running_runs(db: &Db) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM relationship_end_runs WHERE status = $1 ORDER BY id",
    )
    .bind(EndAllStatus::Running)
    .fetch_all(pool)
    .await)
}

/// The run, held until the transaction ends so that one instance works it at a time
/// (PostgreSQL: another instance skips it; SQLite's write transaction runs alone). None
/// when it is done or another instance holds it.
pub async fn claim_run(tx: &mut Tx, id: i64) -> sqlx::Result<Option<EndRunRow>> {
    let lock = if tx.is_postgres() {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM relationship_end_runs WHERE id = $1 AND status = $2{lock}"
    );
    with_tx!(tx, conn => sqlx::query_as::<_, EndRunRow>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .bind(EndAllStatus::Running)
        .fetch_optional(&mut *conn)
        .await)
}

/// Up to `limit` of the relationships a run ends: current, and started before it was
/// asked for.
pub async fn next_batch(
    tx: &mut Tx,
    run: &EndRunRow,
    limit: i64,
) -> sqlx::Result<Vec<(i64, i64, i64)>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, mentor_id, mentee_id FROM relationships
         WHERE program_id = $1 AND status = $2 AND started_at <= $3
         ORDER BY id LIMIT $4",
    )
    .bind(run.program_id)
    .bind(RelationshipStatus::Active)
    .bind(run.created_at)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await)
}

pub async fn advance(tx: &mut Tx, id: i64, ended: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE relationship_end_runs SET processed = processed + $2 WHERE id = $1",
    )
    .bind(id)
    .bind(ended as i32)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

pub async fn finish(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE relationship_end_runs SET status = $2, finished_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(EndAllStatus::Done)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

//! SQL of invitations and of the relationships they start: the pair's facts checked before
//! a write, the rows themselves, and the reminders and expiries that are due.
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

/// A member's role in the program, when both the membership and the account are active.
pub async fn active_role(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<Option<Role>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.user_id = $2 AND m.is_active = TRUE
           AND u.is_active = TRUE AND u.deleted_at IS NULL",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await)
}

/// Holds the two members' memberships until the transaction ends, so that two answers
/// counting the same member's places run one after the other. PostgreSQL locks the rows
/// (always in id order, so two transactions cannot wait on each other); SQLite's write
/// transaction (`BEGIN IMMEDIATE`) already runs alone.
pub async fn lock_pair(tx: &mut Tx, program_id: i64, a: i64, b: i64) -> sqlx::Result<()> {
    if let Tx::Postgres(conn) = tx {
        for user_id in [a.min(b), a.max(b)] {
            sqlx::query(
                "SELECT 1 FROM memberships WHERE program_id = $1 AND user_id = $2 FOR UPDATE",
            )
            .bind(program_id)
            .bind(user_id)
            .fetch_optional(&mut **conn)
            .await?;
        }
    }
    Ok(())
}

/// A member's current relationships and their profile's maximum number of partners.
pub async fn partners_and_max(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<(i64, Option<i64>)> {
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM relationships r
                 WHERE r.program_id = $1 AND (r.mentor_id = $2 OR r.mentee_id = $2)
                   AND r.status IN ({})),
                (SELECT p.max_partners FROM profiles p WHERE p.program_id = $1 AND p.user_id = $2)",
        RelationshipStatus::sql_codes(RelationshipStatus::is_current)
    );
    with_tx!(tx, conn => sqlx::query_as(
        sqlx::AssertSqlSafe(sql.clone()),
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await)
}

/// Whether the mentor and the mentee are in a current relationship.
pub async fn partners_now(
    tx: &mut Tx,
    program_id: i64,
    mentor_id: i64,
    mentee_id: i64,
) -> sqlx::Result<bool> {
    let sql = format!(
        "SELECT COUNT(*) FROM relationships
         WHERE program_id = $1 AND mentor_id = $2 AND mentee_id = $3 AND status IN ({})",
        RelationshipStatus::sql_codes(RelationshipStatus::is_current)
    );
    let n: i64 = with_tx!(tx, conn => sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
        .bind(program_id)
        .bind(mentor_id)
        .bind(mentee_id)
        .fetch_one(&mut *conn)
        .await)?;
    Ok(n > 0)
}

/// The invitation between the mentor and the mentee that waits for an answer, if any.
pub async fn pending_between(
    tx: &mut Tx,
    program_id: i64,
    mentor_id: i64,
    mentee_id: i64,
) -> sqlx::Result<Option<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT id FROM invitations
         WHERE program_id = $1 AND mentor_id = $2 AND mentee_id = $3 AND status = $4",
    )
    .bind(program_id)
    .bind(mentor_id)
    .bind(mentee_id)
    .bind(InvitationStatus::Pending)
    .fetch_optional(&mut *conn)
    .await)
}

/// The program's number of days to answer an invitation.
pub async fn invitation_days(tx: &mut Tx, program_id: i64) -> sqlx::Result<i64> {
    let days: i32 = with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT invitation_days FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_one(&mut *conn)
    .await)?;
    Ok(days.into())
}

pub struct NewInvitation<'a> {
    pub program_id: i64,
    pub sender_id: i64,
    pub recipient_id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub message: &'a str,
    pub created_at: DateTime<Utc>,
    pub remind_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_invitation(tx: &mut Tx, new: &NewInvitation<'_>) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO invitations (program_id, sender_id, recipient_id, mentor_id, mentee_id,
                status, message, created_at, remind_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(new.program_id)
    .bind(new.sender_id)
    .bind(new.recipient_id)
    .bind(new.mentor_id)
    .bind(new.mentee_id)
    .bind(InvitationStatus::Pending)
    .bind(new.message)
    .bind(new.created_at)
    .bind(new.remind_at)
    .bind(new.expires_at)
    .fetch_one(&mut *conn)
    .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub program_id: i64,
    pub sender_id: i64,
    pub recipient_id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub status: InvitationStatus,
    pub message: String,
    pub answer: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub relationship_id: Option<i64>,
}

pub async fn invitation(
    tx: &mut Tx,
    program_id: i64,
    id: i64,
) -> sqlx::Result<Option<InvitationRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, InvitationRow>(
        "SELECT i.id, i.program_id, i.sender_id, i.recipient_id, i.mentor_id, i.mentee_id,
                i.status, i.message, i.answer, i.created_at, i.expires_at, i.responded_at,
                (SELECT r.id FROM relationships r WHERE r.invitation_id = i.id) AS relationship_id
         FROM invitations i WHERE i.program_id = $1 AND i.id = $2",
    )
    .bind(program_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await)
}

/// Moves a pending invitation to `status`; false when it was no longer pending (someone
/// else answered first).
pub async fn close(
    tx: &mut Tx,
    id: i64,
    status: InvitationStatus,
    answer: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "UPDATE invitations SET status = $2, answer = $3, responded_at = $4
         WHERE id = $1 AND status = $5",
    )
    .bind(id)
    .bind(status)
    .bind(answer)
    .bind(now)
    .bind(InvitationStatus::Pending)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Marks the reminder of a pending invitation as sent; false when another instance (or
/// an answer) got there first.
pub async fn mark_reminded(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "UPDATE invitations SET reminded_at = $2
         WHERE id = $1 AND status = $3 AND reminded_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .bind(InvitationStatus::Pending)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Pending invitations whose deadline has passed, oldest first.
pub async fn due_expiries(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<(i64, i64)>> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT id, program_id FROM invitations WHERE status = $1 AND expires_at <= $2
         ORDER BY expires_at, id LIMIT $3",
    )
    .bind(InvitationStatus::Pending)
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await)
}

/// Pending invitations whose reminder is due and not sent, oldest first.
pub async fn due_reminders(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<(i64, i64)>> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT id, program_id FROM invitations
         WHERE status = $1 AND reminded_at IS NULL AND remind_at <= $2 AND expires_at > $2
         ORDER BY remind_at, id LIMIT $3",
    )
    .bind(InvitationStatus::Pending)
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await)
}

/// The pending invitations a member sent or received in a program.
pub async fn pending_of(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT id FROM invitations
         WHERE program_id = $1 AND (sender_id = $2 OR recipient_id = $2) AND status = $3",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(InvitationStatus::Pending)
    .fetch_all(&mut *conn)
    .await)
}

pub struct NewRelationship {
    pub program_id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub invitation_id: Option<i64>,
    pub matched_by: Option<i64>,
    pub started_at: DateTime<Utc>,
}

pub async fn insert_relationship(tx: &mut Tx, new: &NewRelationship) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO relationships (program_id, mentor_id, mentee_id, status, started_at,
                invitation_id, matched_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.program_id)
    .bind(new.mentor_id)
    .bind(new.mentee_id)
    .bind(RelationshipStatus::Active)
    .bind(new.started_at)
    .bind(new.invitation_id)
    .bind(new.matched_by)
    .fetch_one(&mut *conn)
    .await)
}

/// What an invitation page shows of a member.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub photo_key: Option<String>,
    pub job_title: String,
    pub company: String,
    pub city: String,
    pub province: String,
    pub country: String,
}

pub async fn person(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<Option<PersonRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, PersonRow>(
        "SELECT u.id AS user_id, u.first_name, u.last_name, m.role, u.photo_key,
                COALESCE(j.job_title, '') AS job_title, COALESCE(j.company, '') AS company,
                u.city, u.province, u.country
         FROM users u
         JOIN memberships m ON m.user_id = u.id AND m.program_id = $1
         LEFT JOIN positions j ON j.id = (SELECT c.id FROM positions c
             WHERE c.user_id = u.id AND c.program_id = $1 AND c.is_current
             ORDER BY c.position, c.id LIMIT 1)
         WHERE u.id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await)
}

/// A person's e-mail address.
pub async fn email_of(tx: &mut Tx, user_id: i64) -> sqlx::Result<String> {
    with_tx!(tx, conn => sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RelationshipRow {
    pub id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub status: RelationshipStatus,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: String,
    pub invitation_id: Option<i64>,
}

pub async fn relationship(
    tx: &mut Tx,
    program_id: i64,
    id: i64,
) -> sqlx::Result<Option<RelationshipRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, RelationshipRow>(
        "SELECT id, mentor_id, mentee_id, status, started_at, ended_at, end_reason, invitation_id
         FROM relationships WHERE program_id = $1 AND id = $2",
    )
    .bind(program_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await)
}

/// Ends a current relationship; false when it had already ended.
pub async fn end_relationship(
    tx: &mut Tx,
    id: i64,
    ended_by: Option<i64>,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "UPDATE relationships SET status = $2, ended_at = $3, ended_by = $4, end_reason = $5
         WHERE id = $1 AND status = $6",
    )
    .bind(id)
    .bind(RelationshipStatus::Completed)
    .bind(now)
    .bind(ended_by)
    .bind(reason)
    .bind(RelationshipStatus::Active)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageRow {
    pub author_id: i64,
    pub author_first_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// The questions and answers of an invitation, oldest first.
pub async fn thread(tx: &mut Tx, invitation_id: i64) -> sqlx::Result<Vec<MessageRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, MessageRow>(
        "SELECT q.author_id, u.first_name AS author_first_name, q.body, q.created_at
         FROM invitation_messages q JOIN users u ON u.id = q.author_id
         WHERE q.invitation_id = $1 ORDER BY q.id",
    )
    .bind(invitation_id)
    .fetch_all(&mut *conn)
    .await)
}

pub async fn thread_len(tx: &mut Tx, invitation_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitation_messages WHERE invitation_id = $1",
    )
    .bind(invitation_id)
    .fetch_one(&mut *conn)
    .await)
}

pub async fn insert_message(
    tx: &mut Tx,
    invitation_id: i64,
    author_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO invitation_messages (invitation_id, author_id, body, created_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(invitation_id)
    .bind(author_id)
    .bind(body)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// Every invitation these members received in the program, with its outcome and the
/// recipient's first question: what their cards' response figures are drawn from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReceivedRow {
    pub recipient_id: i64,
    pub status: InvitationStatus,
    pub created_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub first_question_at: Option<DateTime<Utc>>,
}

pub async fn received_by(
    tx: &mut Tx,
    program_id: i64,
    users: &[i64],
) -> sqlx::Result<Vec<ReceivedRow>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::db::placeholders(2, users.len());
    let sql = format!(
        "SELECT i.recipient_id, i.status, i.created_at, i.responded_at,
                (SELECT MIN(q.created_at) FROM invitation_messages q
                 WHERE q.invitation_id = i.id AND q.author_id = i.recipient_id) AS first_question_at
         FROM invitations i
         WHERE i.program_id = $1 AND i.recipient_id IN ({list})"
    );
    with_tx!(tx, conn => {
        let mut query = sqlx::query_as::<_, ReceivedRow>(sqlx::AssertSqlSafe(sql.clone())).bind(program_id);
        for id in users {
            query = query.bind(*id);
        }
        query.fetch_all(&mut *conn).await
    })
}

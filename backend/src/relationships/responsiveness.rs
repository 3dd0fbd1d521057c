//! How readily members answer the invitations they receive, for their search cards.
use super::invitation_repo as repo;
use super::response::{response_stats, ReceivedInvitation, ResponseStats};
use crate::db::Tx;
use std::collections::HashMap;

/// The response figures of those of `users` who have enough answers to show.
pub async fn response_stats_of(
    tx: &mut Tx,
    program_id: i64,
    users: &[i64],
) -> sqlx::Result<HashMap<i64, ResponseStats>> {
    let mut received: HashMap<i64, Vec<ReceivedInvitation>> = HashMap::new();
    for row in repo::received_by(tx, program_id, users).await? {
        received
            .entry(row.recipient_id)
            .or_default()
            .push(ReceivedInvitation {
                status: row.status,
                sent: row.created_at,
                closed: row.responded_at,
                first_question: row.first_question_at,
            });
    }
    Ok(received
        .into_iter()
        .filter_map(|(user, list)| Some((user, response_stats(&list)?)))
        .collect())
}

//! Delivery reports: the open pixel and the provider webhook move an e-mail's status.
use super::repo;
use crate::db::Db;
use crate::error::AppResult;
use crate::messaging::model::{is_automatic_open, next_status, DeliveryEvent, EmailStatus};
use chrono::{DateTime, Utc};

/// What happened to the e-mail's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    UnknownEmail,
    Unchanged,
    Changed(EmailStatus),
}

/// The tracking token inside a Message-ID we generated (`<token@host>`), or the token itself.
pub fn token_from_message_id(message_id: &str) -> &str {
    let id = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    id.split_once('@').map(|(token, _)| token).unwrap_or(id)
}

/// Records `event` for the e-mail with `token` and moves its status (see `next_status`).
/// A person's open after an automatic one replaces it.
pub async fn apply_event(
    db: &Db,
    token: &str,
    event: DeliveryEvent,
    detail: &str,
    at: DateTime<Utc>,
) -> AppResult<Applied> {
    apply(db, token, |_| event, detail, at).await
}

/// Records the event `event_for` makes of the e-mail (read once, in the transaction that
/// updates it).
async fn apply(
    db: &Db,
    token: &str,
    event_for: impl FnOnce(&repo::TrackedEmail) -> DeliveryEvent,
    detail: &str,
    at: DateTime<Utc>,
) -> AppResult<Applied> {
    let mut tx = db.begin().await?;
    let Some(email) = repo::find_tracked(&mut tx, token).await? else {
        return Ok(Applied::UnknownEmail);
    };
    let event = event_for(&email);
    repo::insert_event(&mut tx, email.id, event.code(), detail, at).await?;
    let current = email.status;
    let applied = match (event, next_status(current, event)) {
        (DeliveryEvent::Open { automatic }, Some(status)) => {
            let first_open = current != EmailStatus::Opened;
            let person_after_machine = email.open_automatic && !automatic;
            if first_open || person_after_machine {
                repo::set_status(
                    &mut tx,
                    email.id,
                    status.as_str(),
                    at,
                    Some((at, automatic)),
                )
                .await?;
                Applied::Changed(status)
            } else {
                Applied::Unchanged
            }
        }
        (_, Some(status)) if status != current => {
            repo::set_status(&mut tx, email.id, status.as_str(), at, None).await?;
            Applied::Changed(status)
        }
        _ => Applied::Unchanged,
    };
    tx.commit().await?;
    Ok(applied)
}

/// The open pixel was fetched.
pub async fn record_open(
    db: &Db,
    token: &str,
    user_agent: &str,
    at: DateTime<Utc>,
) -> AppResult<Applied> {
    let detail: String = user_agent.chars().take(200).collect();
    let open = |email: &repo::TrackedEmail| DeliveryEvent::Open {
        automatic: is_automatic_open(user_agent, email.sent_at.map(|s| (at - s).num_seconds())),
    };
    apply(db, token, open, &detail, at).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn message_ids_give_back_the_token() {
        assert_eq!(
            super::token_from_message_id("<abc123@mentora.example>"),
            "abc123"
        );
        assert_eq!(super::token_from_message_id("abc123"), "abc123");
    }
}

//! One-time links by e-mail: set a first password (imported members), reset a forgotten
//! one, unlock a locked account. Links are single-use and expire; only hashes are stored.
use super::service::{deactivated, normalize_email, open_session, SignedIn};
use super::session::{hash_token, new_token};
use super::{password, rate_limit, repo};
use crate::auth::model::{PasswordLinkKind, MIN_PASSWORD_LEN};
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, ValidationCode};
use crate::messaging::service::{queue_system_message, MessageDetails};
use crate::messaging::template::{ACCOUNT_UNLOCK, IMPORT_LOGIN, PASSWORD_CHANGED, PASSWORD_RESET};
use chrono::{DateTime, Duration, Utc};

pub const RESET_TTL: Duration = Duration::hours(2);
pub const SET_PASSWORD_TTL: Duration = Duration::days(14);
pub const UNLOCK_TTL: Duration = Duration::hours(24);

const SET_PASSWORD: &str = "set_password";
const RESET_PASSWORD: &str = "reset_password";
const UNLOCK: &str = "unlock";

/// Stores a new link for `purpose` (retiring earlier ones) and returns its URL and expiry.
async fn new_link(
    tx: &mut Tx,
    base_url: &str,
    user_id: i64,
    purpose: &str,
    ttl: Duration,
) -> AppResult<(String, DateTime<Utc>)> {
    let now = Utc::now();
    let token = new_token();
    repo::retire_account_tokens(tx, user_id, purpose, now).await?;
    repo::insert_account_token(tx, &hash_token(&token), user_id, purpose, now, now + ttl).await?;
    let path = if purpose == UNLOCK {
        "unlock"
    } else {
        "password"
    };
    Ok((format!("{base_url}/{path}/{token}"), now + ttl))
}

/// Queues `template` with a fresh link, from the person's home program.
async fn send_link(
    tx: &mut Tx,
    base_url: &str,
    user_id: i64,
    purpose: &str,
    ttl: Duration,
    template: &str,
) -> AppResult<()> {
    let Some(program_id) = repo::home_program(tx, user_id).await? else {
        return Ok(());
    };
    let (url, expires_at) = new_link(tx, base_url, user_id, purpose, ttl).await?;
    let link = MessageDetails {
        url: Some(url),
        expires_at: Some(expires_at),
        ..Default::default()
    };
    queue_system_message(tx, base_url, program_id, template, user_id, link).await?;
    Ok(())
}

pub async fn send_unlock_link(tx: &mut Tx, base_url: &str, user_id: i64) -> AppResult<()> {
    send_link(tx, base_url, user_id, UNLOCK, UNLOCK_TTL, ACCOUNT_UNLOCK).await
}

/// The "Member import login information" message with a set-password link, sent from
/// `program_id` (the importing program).
pub async fn send_import_login(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    user_id: i64,
) -> AppResult<()> {
    let (url, expires_at) = new_link(tx, base_url, user_id, SET_PASSWORD, SET_PASSWORD_TTL).await?;
    let link = MessageDetails {
        url: Some(url),
        expires_at: Some(expires_at),
        ..Default::default()
    };
    queue_system_message(tx, base_url, program_id, IMPORT_LOGIN, user_id, link).await?;
    Ok(())
}

/// Rate limits shared by the e-mail requests: per address of the caller and per account.
async fn limit_requests(db: &Db, ip: &str, kind: &str, email: &str) -> AppResult<()> {
    rate_limit::hit(
        db,
        &format!("{kind}:ip:{ip}"),
        rate_limit::ACCOUNT_REQUESTS_PER_IP,
    )
    .await?;
    rate_limit::hit(
        db,
        &format!("{kind}:email:{email}"),
        rate_limit::EMAILS_PER_ACCOUNT,
    )
    .await
}

/// "Forgot password?": e-mails a reset link when the address belongs to an active member.
/// The caller always gets the same answer.
pub async fn request_password_reset(
    db: &Db,
    base_url: &str,
    ip: &str,
    email: &str,
) -> AppResult<()> {
    let email = normalize_email(email);
    if email.is_empty() {
        return Err(AppError::validation("email", ValidationCode::Required));
    }
    limit_requests(db, ip, "reset", &email).await?;
    let Some(login) = repo::find_login(db, &email).await? else {
        return Ok(());
    };
    if repo::list_memberships(db, login.id).await?.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    send_link(
        &mut tx,
        base_url,
        login.id,
        RESET_PASSWORD,
        RESET_TTL,
        PASSWORD_RESET,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// "Didn't receive unlock instructions?": sends a new unlock link to a locked account.
pub async fn resend_unlock(db: &Db, base_url: &str, ip: &str, email: &str) -> AppResult<()> {
    let email = normalize_email(email);
    if email.is_empty() {
        return Err(AppError::validation("email", ValidationCode::Required));
    }
    limit_requests(db, ip, "unlock", &email).await?;
    let Some(login) = repo::find_login(db, &email).await? else {
        return Ok(());
    };
    if login.locked_at.is_some() {
        let mut tx = db.begin().await?;
        send_unlock_link(&mut tx, base_url, login.id).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// What a password link is for, if it still works.
pub async fn password_link_kind(db: &Db, token: &str) -> AppResult<PasswordLinkKind> {
    match repo::peek_account_token(db, &hash_token(token), Utc::now()).await? {
        Some((_, purpose)) if purpose == SET_PASSWORD => Ok(PasswordLinkKind::SetPassword),
        Some((_, purpose)) if purpose == RESET_PASSWORD => Ok(PasswordLinkKind::ResetPassword),
        _ => Err(AppError::LinkExpired),
    }
}

pub fn validate_new_password(password: &str, confirm: &str) -> AppResult<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(AppError::validation(
            "password",
            ValidationCode::PasswordTooShort,
        ));
    }
    if password.len() > 1024 {
        return Err(AppError::validation("password", ValidationCode::TooLong));
    }
    if password != confirm {
        return Err(AppError::validation(
            "password_confirm",
            ValidationCode::Mismatch,
        ));
    }
    Ok(())
}

/// Sets the password from a link, ends every other session, unlocks the account and
/// signs the person in.
pub async fn complete_password_link(
    db: &Db,
    base_url: &str,
    token: &str,
    new_password: &str,
    confirm: &str,
) -> AppResult<SignedIn> {
    validate_new_password(new_password, confirm)?;
    let hash = password::hash_password_blocking(new_password).await?;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let Some((user_id, purpose)) = repo::take_account_token(&mut tx, &hash_token(token), now)
        .await?
        .filter(|(_, purpose)| purpose == SET_PASSWORD || purpose == RESET_PASSWORD)
    else {
        return Err(AppError::LinkExpired);
    };
    repo::set_password_hash(&mut tx, user_id, &hash).await?;
    repo::retire_account_tokens(&mut tx, user_id, RESET_PASSWORD, now).await?;
    repo::retire_account_tokens(&mut tx, user_id, UNLOCK, now).await?;
    repo::delete_user_sessions(&mut tx, user_id, None).await?;
    let program_id = repo::home_program(&mut tx, user_id).await?;
    if purpose == RESET_PASSWORD {
        if let Some(program_id) = program_id {
            let link = MessageDetails {
                url: Some(format!("{base_url}/forgot-password")),
                expires_at: None,
                ..Default::default()
            };
            queue_system_message(
                &mut tx,
                base_url,
                program_id,
                PASSWORD_CHANGED,
                user_id,
                link,
            )
            .await?;
        }
    }
    let token = open_session(&mut tx, user_id, program_id, false, now).await?;
    tx.commit().await?;
    repo::record_sign_in(db, user_id, now).await?;
    let found = repo::find_session(db, &hash_token(&token), now).await?;
    let Some(found) = found else {
        // Deactivated everywhere: the password is saved, but there is nothing to enter.
        return Err(deactivated(db, user_id, AppError::Forbidden).await?);
    };
    Ok(SignedIn {
        token,
        persistent: false,
        language: found.viewer.language,
    })
}

/// Opens an unlock link.
pub async fn unlock_account(db: &Db, token: &str) -> AppResult<()> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    match repo::take_account_token(&mut tx, &hash_token(token), now).await? {
        Some((user_id, purpose)) if purpose == UNLOCK => {
            repo::unlock_user(&mut tx, user_id).await?;
            tx.commit().await?;
            Ok(())
        }
        _ => Err(AppError::LinkExpired),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_are_checked() {
        assert!(validate_new_password("long enough!", "long enough!").is_ok());
        assert_eq!(
            validate_new_password("short", "short").unwrap_err().field(),
            Some("password")
        );
        assert_eq!(
            validate_new_password("long enough!", "long enough?")
                .unwrap_err()
                .field(),
            Some("password_confirm")
        );
    }
}

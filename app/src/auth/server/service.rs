//! Rules for signing in and out, and for what a session may change about itself.
use super::session::{expiry, hash_token, new_token, RequestSession};
use super::{password, repo};
use crate::auth::model::ProgramMembership;
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::Lang;
use chrono::Utc;

pub struct SignedIn {
    pub token: String,
    pub persistent: bool,
    pub language: Lang,
}

/// Where to go after signing in: a local path only, never another site.
pub fn safe_next_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && path != "/login" =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks the credentials and opens a session. Every failure after validation is the same
/// `InvalidCredentials`, and an unknown e-mail costs the same hashing time as a known one.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    persistent: bool,
) -> AppResult<SignedIn> {
    let email = normalize_email(email);
    if email.is_empty() {
        return Err(AppError::validation("email", ValidationCode::Required));
    }
    if password.is_empty() {
        return Err(AppError::validation("password", ValidationCode::Required));
    }
    let login = repo::find_login(db, &email).await?;
    let password = password.to_string();
    let verified = match login {
        Some(repo::LoginRow {
            id,
            password_hash: Some(hash),
            is_active,
        }) => {
            let ok =
                tokio::task::spawn_blocking(move || password::verify_password(&password, &hash))
                    .await
                    .map_err(|_| AppError::Internal)?;
            (ok && is_active).then_some(id)
        }
        _ => {
            tokio::task::spawn_blocking(move || password::verify_against_dummy(&password))
                .await
                .map_err(|_| AppError::Internal)?;
            None
        }
    };
    let user_id = verified.ok_or(AppError::InvalidCredentials)?;

    let memberships = repo::list_memberships(db, user_id).await?;
    let now = Utc::now();
    let token = new_token();
    let token_hash = hash_token(&token);
    repo::insert_session(
        db,
        repo::NewSession {
            token_hash: &token_hash,
            user_id,
            program_id: memberships.first().map(|m| m.program_id),
            persistent,
            now,
            expires_at: expiry(persistent, now),
        },
    )
    .await?;
    repo::record_sign_in(db, user_id, now).await?;
    let found = repo::find_session(db, &token_hash, now)
        .await?
        .ok_or(AppError::Internal)?;
    Ok(SignedIn {
        token,
        persistent,
        language: found.viewer.language,
    })
}

pub async fn sign_out(db: &Db, session: &RequestSession) -> AppResult<()> {
    repo::delete_session(db, &session.token_hash).await?;
    Ok(())
}

/// Makes `program_id` the session's current program; only programs the person belongs to.
pub async fn switch_program(db: &Db, session: &RequestSession, program_id: i64) -> AppResult<()> {
    let memberships = repo::list_memberships(db, session.viewer.user_id).await?;
    if !memberships.iter().any(|m| m.program_id == program_id) {
        return Err(AppError::Forbidden);
    }
    repo::set_session_program(db, &session.token_hash, program_id).await?;
    Ok(())
}

pub async fn memberships(db: &Db, session: &RequestSession) -> AppResult<Vec<ProgramMembership>> {
    Ok(repo::list_memberships(db, session.viewer.user_id).await?)
}

/// Saves the language as the person's preference when signed in.
pub async fn set_language(db: &Db, session: Option<&RequestSession>, lang: Lang) -> AppResult<()> {
    if let Some(session) = session {
        repo::set_user_language(db, session.viewer.user_id, lang).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_next_path;

    #[test]
    fn next_path_stays_on_this_site() {
        assert_eq!(safe_next_path(Some("/mentors?page=2")), "/mentors?page=2");
        assert_eq!(safe_next_path(Some("//evil.example")), "/");
        assert_eq!(safe_next_path(Some("https://evil.example")), "/");
        assert_eq!(safe_next_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_next_path(Some("/login")), "/");
        assert_eq!(safe_next_path(None), "/");
    }
}

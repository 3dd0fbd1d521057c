//! Rules for signing in and out, and for what a session may change about itself.
use super::session::{expiry, hash_token, new_token, RequestSession};
use super::{password, rate_limit, recovery, repo};
use crate::auth::model::ProgramMembership;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::Lang;
use chrono::Utc;

pub struct SignedIn {
    pub token: String,
    pub persistent: bool,
    pub language: Lang,
}

/// The token is a secret: never printed.
impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("persistent", &self.persistent)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// Where to go after signing in: a safe local path only, never another site.
pub fn safe_next_path(next: Option<&str>) -> String {
    match next {
        Some("/login") => "/".to_string(),
        other => crate::local_url::local_path_or_root(other),
    }
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks the credentials and opens a session. A wrong password gives the same
/// `InvalidCredentials` after the same hashing time whether the address is unknown, known,
/// or locked — the answers never tell which addresses have accounts. Consecutive failures
/// lock the account silently and e-mail the unlock link; only the right password on a
/// locked account hears "locked". Unlocking is by that e-mail only. Failures per client
/// address are rate-limited.
pub async fn sign_in(
    db: &Db,
    base_url: &str,
    ip: &str,
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
    let ip_bucket = format!("sign-in-failure:{ip}");
    rate_limit::ensure_below(db, &ip_bucket, rate_limit::SIGN_IN_FAILURES_PER_IP).await?;

    let login = repo::find_login(db, &email).await?;
    let verified = match &login {
        Some(repo::LoginRow {
            password_hash: Some(hash),
            ..
        }) => password::verify_password_blocking(password, hash).await?,
        _ => {
            password::verify_against_dummy_blocking(password).await?;
            false
        }
    };
    let login = match login {
        Some(row) if verified && row.locked_at.is_some() => return Err(AppError::AccountLocked),
        Some(row) if verified => row,
        other => {
            rate_limit::count(db, &ip_bucket).await?;
            if let Some(row) = other.filter(|r| r.password_hash.is_some() && r.locked_at.is_none())
            {
                record_failure(db, base_url, row.id).await?;
            }
            return Err(AppError::InvalidCredentials);
        }
    };

    let memberships = repo::list_memberships(db, login.id).await?;
    if memberships.is_empty() || !login.is_active {
        return Err(deactivated(db, login.id, AppError::InvalidCredentials).await?);
    }
    repo::clear_failures(db, login.id).await?;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let token = open_session(
        &mut tx,
        login.id,
        memberships.first().map(|m| m.program_id),
        persistent,
        now,
    )
    .await?;
    tx.commit().await?;
    repo::record_sign_in(db, login.id, now).await?;
    let found = repo::find_session(db, &hash_token(&token), now)
        .await?
        .ok_or(AppError::Internal)?;
    Ok(SignedIn {
        token,
        persistent,
        language: found.viewer.language,
    })
}

/// How long the sign-in page may read a deactivated person's program contact.
const NOTICE_TTL: chrono::Duration = chrono::Duration::minutes(30);

/// The answer for someone deactivated in every program: a notice through which the
/// sign-in page reads whose contact to write to; `fallback` when no program is left.
pub async fn deactivated(db: &Db, user_id: i64, fallback: AppError) -> AppResult<AppError> {
    let Some(program_id) = repo::deactivated_program(db, user_id).await? else {
        return Ok(fallback);
    };
    let notice = new_token();
    let now = Utc::now();
    repo::insert_deactivation_notice(db, &hash_token(&notice), program_id, now, now + NOTICE_TTL)
        .await?;
    Ok(AppError::AccountDeactivated { notice })
}

/// The contact address a deactivation notice names; `LinkExpired` once it is stale.
pub async fn notice_contact(db: &Db, notice: &str) -> AppResult<String> {
    repo::notice_contact(db, &hash_token(notice), Utc::now())
        .await?
        .ok_or(AppError::LinkExpired)
}

/// Counts a wrong password; at the program's threshold the account locks and the
/// unlock e-mail goes out (once: only the call that locks it sends it).
async fn record_failure(db: &Db, base_url: &str, user_id: i64) -> AppResult<()> {
    let failures = repo::record_failed_sign_in(db, user_id).await?;
    if failures < repo::lockout_threshold(db, user_id).await? {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    if repo::lock_user(&mut tx, user_id, Utc::now()).await? {
        recovery::send_unlock_link(&mut tx, base_url, user_id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Creates a session and returns its (secret) token.
pub async fn open_session(
    tx: &mut Tx,
    user_id: i64,
    program_id: Option<i64>,
    persistent: bool,
    now: chrono::DateTime<Utc>,
) -> AppResult<String> {
    let token = new_token();
    repo::insert_session(
        tx,
        repo::NewSession {
            token_hash: &hash_token(&token),
            user_id,
            program_id,
            persistent,
            now,
            expires_at: expiry(persistent, now),
        },
    )
    .await?;
    Ok(token)
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
        // The form decoder hands these over already decoded once; each must fall back.
        for bad in [
            "/\t/evil.example",
            "/%09/evil.example",
            "//evil",
            "/\\evil",
            "/%2F%2Fevil",
            "/%5Cevil",
            "/%0a/x",
            "/\n/x",
            "https://evil",
            " /x",
            "",
        ] {
            assert_eq!(safe_next_path(Some(bad)), "/", "{bad:?}");
        }
    }
}

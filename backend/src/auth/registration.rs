//! Joining a program through its invitation link.
use super::service::{normalize_email, open_session, switch_program, SignedIn};
use super::session::RequestSession;
use super::{password, rate_limit, repo};
use crate::auth::model::{is_plausible_email, InvitationInfo, Role};
use crate::auth::recovery::validate_new_password;
use crate::db::Db;
use crate::error::{required_text, AppError, AppResult, ValidationCode};
use crate::i18n::Lang;
use crate::messaging::service::{queue_system_message, MessageDetails};
use crate::messaging::template::WELCOME;
use crate::zone::Zone;
use chrono::Utc;

/// What the link's page shows; `viewer` is whoever is signed in on this browser (they
/// join with their account instead of registering).
pub async fn invitation(
    db: &Db,
    token: &str,
    viewer: Option<&RequestSession>,
) -> AppResult<InvitationInfo> {
    let row = repo::program_by_invite(db, token)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let already_member = match viewer {
        Some(session) => repo::is_member(db, session.viewer.user_id, row.id).await?,
        None => false,
    };
    Ok(InvitationInfo {
        name_en: row.name_en,
        name_fr: row.name_fr,
        roles: row.signup_roles.roles(),
        signed_in_as: viewer.map(|s| s.viewer.email.clone()),
        already_member,
    })
}

/// A signed-in person joins the link's program with their account: their password was
/// checked by the ordinary sign-in (and its lockout), never by this form.
pub async fn join_with_account(
    db: &Db,
    base_url: &str,
    session: &RequestSession,
    invite_token: &str,
    role: &str,
) -> AppResult<()> {
    let program = repo::program_by_invite(db, invite_token)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let user_id = session.viewer.user_id;
    if !repo::is_member(db, user_id, program.id).await? {
        let role = Role::parse(role)
            .filter(|r| program.signup_roles.allows(*r))
            .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
        let mut tx = db.begin().await?;
        enrol(&mut tx, base_url, user_id, program.id, role, Utc::now()).await?;
        crate::profiles::service::refresh_member(&mut tx, program.id, user_id).await?;
        tx.commit().await?;
    }
    // Already a member: the link just takes them there (a deactivated membership is
    // refused by the switch, as everywhere).
    switch_program(db, session, program.id).await
}

/// Makes the person a member of the program and queues its welcome message.
async fn enrol(
    tx: &mut crate::db::Tx,
    base_url: &str,
    user_id: i64,
    program_id: i64,
    role: Role,
    now: chrono::DateTime<Utc>,
) -> AppResult<()> {
    repo::insert_membership(tx, user_id, program_id, role, now).await?;
    let link = MessageDetails {
        url: Some(format!("{base_url}/login")),
        expires_at: None,
        ..Default::default()
    };
    queue_system_message(tx, base_url, program_id, WELCOME, user_id, link).await?;
    Ok(())
}

pub struct Registration {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    pub role: String,
    pub language: String,
    /// The browser's zone, sent by the page (empty without JavaScript).
    pub time_zone: String,
}

/// Where a new account's times are shown: the browser's zone when it sent a real one.
fn starting_time_zone(sent: &str) -> Zone {
    Zone::parse(sent).unwrap_or(Zone::DEFAULT)
}

/// Registers a new account through the link and signs the person in. An address that
/// already has an account is refused whatever password comes with it: this form checks
/// no passwords (it would be a guessing oracle without the sign-in lockout); the person
/// signs in, then opens the link again (`join_with_account`).
pub async fn register(
    db: &Db,
    base_url: &str,
    ip: &str,
    invite_token: &str,
    form: Registration,
) -> AppResult<SignedIn> {
    let program = repo::program_by_invite(db, invite_token)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let first_name = required_text("first_name", &form.first_name, 100)?;
    let last_name = required_text("last_name", &form.last_name, 100)?;
    let email = normalize_email(&form.email);
    if email.is_empty() {
        return Err(AppError::validation("email", ValidationCode::Required));
    }
    if !is_plausible_email(&email) {
        return Err(AppError::validation("email", ValidationCode::InvalidEmail));
    }
    validate_new_password(&form.password, &form.password_confirm)?;
    let role = Role::parse(&form.role)
        .filter(|r| program.signup_roles.allows(*r))
        .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
    let language = Lang::parse(&form.language).ok_or(AppError::validation(
        "language",
        ValidationCode::InvalidChoice,
    ))?;
    rate_limit::hit(
        db,
        &format!("register:ip:{ip}"),
        rate_limit::ACCOUNT_REQUESTS_PER_IP,
    )
    .await?;

    let now = Utc::now();
    if repo::find_login(db, &email).await?.is_some() {
        return Err(AppError::validation(
            "email",
            ValidationCode::AlreadyRegistered,
        ));
    }
    let hash = password::hash_password_blocking(&form.password).await?;
    let mut tx = db.begin().await?;
    let user_id = repo::insert_user(
        &mut tx,
        &repo::NewMember {
            email: &email,
            password_hash: Some(&hash),
            first_name: &first_name,
            last_name: &last_name,
            language: language.code(),
            time_zone: starting_time_zone(&form.time_zone).name(),
            now,
        },
    )
    .await
    .map_err(|err| match AppError::from(err) {
        // Registered a moment ago by a concurrent request.
        AppError::Conflict => AppError::validation("email", ValidationCode::AlreadyRegistered),
        other => other,
    })?;
    enrol(&mut tx, base_url, user_id, program.id, role, now).await?;
    let token = open_session(&mut tx, user_id, Some(program.id), false, now).await?;
    crate::profiles::service::refresh_member(&mut tx, program.id, user_id).await?;
    tx.commit().await?;
    repo::record_sign_in(db, user_id, now).await?;
    Ok(SignedIn {
        token,
        persistent: false,
        language,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_new_account_starts_in_the_browsers_zone_when_it_is_real() {
        for sent in ["Europe/Paris", "America/Vancouver", "Asia/Kolkata"] {
            assert_eq!(super::starting_time_zone(sent).name(), sent);
        }
        for sent in ["", "Mars/Olympus", "<script>"] {
            assert_eq!(super::starting_time_zone(sent).name(), "America/Toronto");
        }
    }
}

//! The one error type of the application, shared by server functions and the UI.
//!
//! The UI never shows an error's text: it shows the translation of `message_key()`,
//! so nothing internal can reach a person's screen.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No valid session: the caller must sign in.
    #[error("authentication required")]
    Unauthenticated,
    /// Signed in, but the role or program does not allow this.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Wrong e-mail or password; deliberately does not say which.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// A field failed validation; `code` names the rule (see `message_key`).
    #[error("invalid value for {field}: {code}")]
    Validation { field: String, code: ValidationCode },
    #[error("conflict")]
    Conflict,
    /// A matching rule said no (an invitation or a relationship); `Refusal` names which.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// Too many failed sign-ins: an unlock link was e-mailed.
    #[error("account locked")]
    AccountLocked,
    /// Deactivated in every program; `notice` is a short-lived random token through which
    /// the page reads whose contact to write to (never a bare program id: anyone could
    /// read any program's contact, or craft a link naming their own).
    #[error("account deactivated")]
    AccountDeactivated { notice: String },
    /// A one-time link that is unknown, used or expired.
    #[error("link expired")]
    LinkExpired,
    /// A message template uses a keyword it does not offer.
    #[error("unknown keyword {keyword} in {field}")]
    UnknownKeyword { field: String, keyword: String },
    #[error("too many attempts")]
    RateLimited,
    /// The request could not be decoded (bad arguments, network failure).
    #[error("bad request")]
    BadRequest,
    /// The browser could not reach the server.
    #[error("network error")]
    Network,
    /// Anything unexpected. Details are logged on the server, never sent.
    #[error("internal error")]
    Internal,
}

crate::listed_enum! {
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationCode {
    Required,
    InvalidEmail,
    InvalidChoice,
    TooLong,
    TooShort,
    /// A password below `auth::model::MIN_PASSWORD_LEN` characters.
    PasswordTooShort,
    /// The confirmation differs from the password.
    Mismatch,
    /// An account with this e-mail exists: it joins by signing in, not by registering.
    AlreadyRegistered,
    /// An administrator tried to deactivate or delete their own account.
    SelfAction,
    /// The action would leave the program without an active administrator.
    LastAdmin,
    /// The list already has an entry with this name.
    Duplicate,
    /// The list holds as many entries as it may.
    ListFull,
    /// The French options are not as many as the English ones.
    OptionsMismatch,
    /// A number outside what the field accepts (or not a whole number).
    OutOfRange,
    /// An uploaded picture that is not a JPEG, PNG or WebP image we can read.
    InvalidImage,
    /// A file above the size limit.
    FileTooLarge,
    /// A line break, tab or other control character in a one-line field.
    ControlCharacters,
    /// A picture of more pixels than we decode.
    PictureTooBig,
    /// Two availability windows of one day share time.
    Overlap,
    /// A window or period that ends before (or when) it starts.
    EmptyWindow,
    /// A series with fewer than 2 or more than 52 meetings.
    OccurrencesOutOfRange,
    /// A meeting time that has already passed.
    InPast,
    /// A day still to come where one that has passed is asked for (a meeting held).
    InFuture,
    /// A day before the relationship started.
    BeforeRelationship,
    /// Not a web address (`https://`, `http://` or `webcal://`).
    InvalidAddress,
    /// An address on a private network or this machine, which the server does not read.
    PrivateAddress,
}
}

crate::listed_enum! {
/// Why an invitation, an answer or a match cannot be made. Checked on the server inside
/// the transaction that would write it; nothing is written when one applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The two are already in a relationship.
    AlreadyPartners,
    /// An invitation between the two waits for an answer.
    AlreadyInvited,
    /// The other member has as many partners as they take.
    PartnerAtCapacity,
    /// The viewer has as many partners as they take.
    YouAreAtCapacity,
    /// The invitation was answered, withdrawn or has expired.
    NoLongerPending,
    /// Past its answer-by date.
    Expired,
    /// Mentees invite mentors and mentors mentees, among the program's active members.
    NotAPartner,
    /// The program's administrators match members in this role.
    AdminMatches,
    /// The relationship has already ended.
    AlreadyEnded,
    /// An administrator's match would give a member more partners than they take; it
    /// needs the administrator's explicit confirmation.
    OverCapacity,
    /// "End all relationships" is already running in the program.
    EndAllRunning,
    /// The program has no current relationship to end.
    NothingToEnd,
    /// The invitation holds as many questions and answers as it takes; time to decide.
    ThreadFull,
    /// The time asked for is no longer free for both members (someone booked it first,
    /// or their availability changed).
    SlotTaken,
    /// The meeting was already cancelled.
    MeetingCancelled,
    /// The meeting is over: it can no longer be moved, cancelled or answered.
    MeetingOver,
    /// The program does not use this meeting type.
    MeetingTypeNotAllowed,
    /// The meeting changed after the e-mail whose link was followed was sent.
    MeetingChanged,
}
}

impl std::fmt::Display for ValidationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl AppError {
    pub fn validation(field: &str, code: ValidationCode) -> Self {
        AppError::Validation {
            field: field.to_string(),
            code,
        }
    }

    /// `status_code` as the HTTP type the server answers with.
    #[cfg(feature = "server")]
    pub fn http_status(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status_code())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden | AppError::AccountLocked | AppError::AccountDeactivated { .. } => {
                403
            }
            AppError::LinkExpired => 410,
            AppError::NotFound => 404,
            AppError::Conflict | AppError::Refused(_) => 409,
            AppError::Validation { .. } | AppError::UnknownKeyword { .. } => 422,
            AppError::RateLimited => 429,
            AppError::BadRequest => 400,
            AppError::Network => 503,
            AppError::Internal => 500,
        }
    }

    /// The Fluent key of the message shown to a person.
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::InvalidCredentials => "error-invalid-credentials",
            AppError::Validation { code, .. } => match code {
                ValidationCode::Required => "error-required",
                ValidationCode::InvalidEmail => "error-invalid-email",
                ValidationCode::InvalidChoice => "error-invalid-choice",
                ValidationCode::TooLong => "error-too-long",
                ValidationCode::TooShort => "error-too-short",
                ValidationCode::PasswordTooShort => "error-password-too-short",
                ValidationCode::Mismatch => "error-mismatch",
                ValidationCode::AlreadyRegistered => "error-already-registered",
                ValidationCode::SelfAction => "error-self-action",
                ValidationCode::LastAdmin => "error-last-admin",
                ValidationCode::Duplicate => "error-duplicate",
                ValidationCode::ListFull => "error-list-full",
                ValidationCode::OptionsMismatch => "error-options-mismatch",
                ValidationCode::OutOfRange => "error-out-of-range",
                ValidationCode::InvalidImage => "error-invalid-image",
                ValidationCode::FileTooLarge => "error-file-too-large",
                ValidationCode::ControlCharacters => "error-control-characters",
                ValidationCode::PictureTooBig => "error-picture-too-big",
                ValidationCode::Overlap => "error-overlap",
                ValidationCode::EmptyWindow => "error-empty-window",
                ValidationCode::OccurrencesOutOfRange => "error-occurrences-out-of-range",
                ValidationCode::InPast => "error-in-past",
                ValidationCode::InFuture => "error-in-future",
                ValidationCode::BeforeRelationship => "error-before-relationship",
                ValidationCode::InvalidAddress => "error-invalid-address",
                ValidationCode::PrivateAddress => "error-private-address",
            },
            AppError::AccountLocked => "error-account-locked",
            AppError::AccountDeactivated { .. } => "error-account-deactivated",
            AppError::LinkExpired => "error-link-expired",
            AppError::UnknownKeyword { .. } => "error-unknown-keyword",
            AppError::Conflict => "error-conflict",
            AppError::Refused(reason) => match reason {
                Refusal::AlreadyPartners => "error-refused-already-partners",
                Refusal::AlreadyInvited => "error-refused-already-invited",
                Refusal::PartnerAtCapacity => "error-refused-partner-at-capacity",
                Refusal::YouAreAtCapacity => "error-refused-you-are-at-capacity",
                Refusal::NoLongerPending => "error-refused-no-longer-pending",
                Refusal::Expired => "error-refused-invitation-expired",
                Refusal::NotAPartner => "error-refused-not-a-partner",
                Refusal::AdminMatches => "error-refused-admin-matches",
                Refusal::AlreadyEnded => "error-refused-already-ended",
                Refusal::OverCapacity => "error-refused-over-capacity",
                Refusal::EndAllRunning => "error-refused-end-all-running",
                Refusal::NothingToEnd => "error-refused-nothing-to-end",
                Refusal::ThreadFull => "error-refused-thread-full",
                Refusal::SlotTaken => "error-refused-slot-taken",
                Refusal::MeetingCancelled => "error-refused-meeting-cancelled",
                Refusal::MeetingOver => "error-refused-meeting-over",
                Refusal::MeetingTypeNotAllowed => "error-refused-meeting-type-not-allowed",
                Refusal::MeetingChanged => "error-refused-meeting-changed",
            },
            AppError::RateLimited => "error-rate-limited",
            AppError::BadRequest => "error-bad-request",
            AppError::Network => "error-network",
            AppError::Internal => "error-internal",
        }
    }

    /// A short stable code, used in URLs when a plain (no-JavaScript) form post fails.
    pub fn url_code(&self) -> &'static str {
        self.message_key().trim_start_matches("error-")
    }

    /// The inverse of `url_code`, for errors a page may show from its query string.
    pub fn from_url_code(code: &str) -> Option<Self> {
        let validation = ValidationCode::ALL
            .into_iter()
            .map(|code| AppError::validation("", code));
        ALL_SIMPLE
            .iter()
            .cloned()
            .chain(validation)
            .chain(Refusal::ALL.into_iter().map(AppError::Refused))
            .find(|e| e.url_code() == code)
    }

    /// Rebuilds the error a plain form post was redirected back with
    /// (`?error=<code>&field=<name>`, see `state::respond`).
    pub fn from_query(code: &str, field: Option<String>) -> Option<Self> {
        match (AppError::from_url_code(code)?, field) {
            (AppError::Validation { code, .. }, Some(field)) => {
                Some(AppError::Validation { field, code })
            }
            (AppError::AccountDeactivated { .. }, Some(notice)) => {
                Some(AppError::AccountDeactivated { notice })
            }
            (err, _) => Some(err),
        }
    }

    /// The form field an error is about.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } | AppError::UnknownKeyword { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }

    /// What travels in `?field=` after a plain form post: the field, or the program
    /// whose contact a deactivated person should write to.
    pub fn url_detail(&self) -> Option<String> {
        match self {
            AppError::AccountDeactivated { notice } => Some(notice.clone()),
            other => other.field().map(str::to_string),
        }
    }
}

const ALL_SIMPLE: [AppError; 12] = [
    AppError::AccountLocked,
    AppError::AccountDeactivated {
        notice: String::new(),
    },
    AppError::LinkExpired,
    AppError::Unauthenticated,
    AppError::Forbidden,
    AppError::NotFound,
    AppError::InvalidCredentials,
    AppError::Conflict,
    AppError::RateLimited,
    AppError::BadRequest,
    AppError::Network,
    AppError::Internal,
];

/// Every message key an `AppError` can produce (used by the locale completeness test).
pub fn all_message_keys() -> Vec<&'static str> {
    ALL_SIMPLE
        .iter()
        .map(AppError::message_key)
        .chain(
            ValidationCode::ALL
                .into_iter()
                .map(|code| AppError::validation("", code).message_key()),
        )
        .chain(
            Refusal::ALL
                .into_iter()
                .map(|reason| AppError::Refused(reason).message_key()),
        )
        .chain(["error-unknown-keyword"])
        .collect()
}

#[cfg(feature = "server-fn")]
impl server_fn::error::FromServerFnError for AppError {
    type Encoder = server_fn::codec::JsonEncoding;

    /// Failures before or around the function body. Their HTTP status comes from
    /// `status_code()` like every other error (the server maps it on the way out).
    fn from_server_fn_error(value: server_fn::error::ServerFnErrorErr) -> Self {
        use server_fn::error::ServerFnErrorErr;
        match value {
            ServerFnErrorErr::Request(_) => AppError::Network,
            bad @ (ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)) => {
                // Only the server decodes arguments: the caller sent something unreadable.
                #[cfg(feature = "server")]
                tracing::warn!(error = %bad, "server function arguments rejected");
                let _ = bad;
                AppError::BadRequest
            }
            other => {
                #[cfg(feature = "server")]
                tracing::error!(error = %other, "server function failure");
                let _ = other;
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "server")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => AppError::Conflict,
            _ => {
                tracing::error!(error = %err, "database error");
                AppError::Internal
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// A character that has no place in one line of text: a line break, tab or other control
/// character, or a Unicode line/paragraph separator.
pub fn is_line_breaking(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// True when a one-line value holds a line-breaking character. Names and subjects end up
/// in e-mail headers, where a line break would end the header.
pub fn breaks_the_line(value: &str) -> bool {
    value.chars().any(is_line_breaking)
}

/// A required one-line field: trimmed, present, at most `max` characters, no control
/// characters.
pub fn required_text(field: &str, value: &str, max: usize) -> AppResult<String> {
    let value = optional_line(field, value, max)?;
    if value.is_empty() {
        return Err(AppError::validation(field, ValidationCode::Required));
    }
    Ok(value)
}

/// An optional one-line field: trimmed, at most `max` characters (may be empty), no
/// control characters.
pub fn optional_line(field: &str, value: &str, max: usize) -> AppResult<String> {
    let value = optional_text(field, value, max)?;
    if breaks_the_line(&value) {
        return Err(AppError::validation(
            field,
            ValidationCode::ControlCharacters,
        ));
    }
    Ok(value)
}

/// A choice of one record by id from a form or a URL: empty is none; anything but a
/// number is refused naming the field.
pub fn optional_id(field: &str, value: &str) -> AppResult<Option<i64>> {
    match value.trim() {
        "" => Ok(None),
        id => id
            .parse::<i64>()
            .map(Some)
            .map_err(|_| AppError::validation(field, ValidationCode::InvalidChoice)),
    }
}

/// An optional free-text field that may span lines: trimmed, at most `max` characters;
/// line breaks and tabs are kept, other control characters refused.
pub fn optional_text(field: &str, value: &str, max: usize) -> AppResult<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(AppError::validation(field, ValidationCode::TooLong));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::validation(
            field,
            ValidationCode::ControlCharacters,
        ));
    }
    Ok(value.to_string())
}

/// An optional whole number within `min..=max`; empty means none.
pub fn optional_number(field: &str, value: &str, min: i64, max: i64) -> AppResult<Option<i64>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(AppError::validation(field, ValidationCode::OutOfRange)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A variant's place in `ALL_SIMPLE`. The match is exhaustive, so a new variant does
    /// not compile until it is given a place here, and the test checks the list holds it there.
    fn place_in_all_simple(e: &AppError) -> Option<usize> {
        Some(match e {
            AppError::Validation { .. }
            | AppError::UnknownKeyword { .. }
            | AppError::Refused(_) => return None,
            AppError::AccountLocked => 0,
            AppError::AccountDeactivated { .. } => 1,
            AppError::LinkExpired => 2,
            AppError::Unauthenticated => 3,
            AppError::Forbidden => 4,
            AppError::NotFound => 5,
            AppError::InvalidCredentials => 6,
            AppError::Conflict => 7,
            AppError::RateLimited => 8,
            AppError::BadRequest => 9,
            AppError::Network => 10,
            AppError::Internal => 11,
        })
    }

    #[test]
    fn all_simple_lists_every_variant_without_free_text() {
        for (place, e) in ALL_SIMPLE.iter().enumerate() {
            assert_eq!(place_in_all_simple(e), Some(place), "{e:?}");
        }
        assert_eq!(
            place_in_all_simple(&AppError::validation("email", ValidationCode::Required)),
            None
        );
    }

    #[test]
    fn url_codes_round_trip() {
        for e in ALL_SIMPLE {
            assert_eq!(AppError::from_url_code(e.url_code()), Some(e.clone()));
        }
        for reason in Refusal::ALL {
            let e = AppError::Refused(reason);
            assert_eq!(AppError::from_url_code(e.url_code()), Some(e));
        }
        assert_eq!(AppError::from_url_code("nonsense"), None);
        assert_eq!(
            AppError::from_query("required", Some("email".into())),
            Some(AppError::validation("email", ValidationCode::Required))
        );
    }

    #[test]
    fn one_line_fields_refuse_control_characters() {
        for bad in [
            "Sam\r\nuel",
            "Multi\nLine",
            "tab\there",
            "nul\0",
            "a\u{2028}b",
        ] {
            assert_eq!(
                required_text("first_name", bad, 100),
                Err(AppError::validation(
                    "first_name",
                    ValidationCode::ControlCharacters
                )),
                "{bad:?}"
            );
            assert!(optional_line("city", bad, 100).is_err(), "{bad:?}");
        }
        assert_eq!(required_text("first_name", "  Zoé ", 100), Ok("Zoé".into()));
        assert_eq!(
            optional_text("summary", "two\r\nlines\tok", 100),
            Ok("two\r\nlines\tok".into())
        );
        assert!(optional_text("summary", "bell\u{7}", 100).is_err());
    }

    #[test]
    fn statuses_match_meaning() {
        assert_eq!(AppError::Forbidden.status_code(), 403);
        assert_eq!(AppError::InvalidCredentials.status_code(), 401);
        assert_eq!(
            AppError::validation("email", ValidationCode::InvalidEmail).status_code(),
            422
        );
    }
}

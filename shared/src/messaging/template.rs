//! System-message templates: which ones exist, the keywords each accepts, and filling
//! `{keyword}` placeholders. Plain Rust, used by the server (sending, validating edits)
//! and the browser (the keyword list in the editor).

crate::listed_enum! {
    /// Groups shown on the "System-generated messages" page, in this order.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub enum TemplateCategory {
        GettingStarted,
        Account,
        Matching,
        Meetings,
    }
}

impl TemplateCategory {
    pub fn label_key(self) -> &'static str {
        match self {
            TemplateCategory::GettingStarted => "template-category-getting-started",
            TemplateCategory::Account => "template-category-account",
            TemplateCategory::Matching => "template-category-matching",
            TemplateCategory::Meetings => "template-category-meetings",
        }
    }
}

/// Keywords every template may use.
pub const COMMON_KEYWORDS: [&str; 5] = [
    "first_name",
    "last_name",
    "email",
    "org_name",
    "admin_email",
];

/// One message the product sends.
#[derive(Clone, Copy, Debug)]
pub struct TemplateSpec {
    /// Stable key; also the section name in `locales/<lang>/system-messages.txt` and
    /// `template-<key>` in the Fluent files (its display name).
    pub key: &'static str,
    pub category: TemplateCategory,
    /// Keywords beyond `COMMON_KEYWORDS`.
    pub extra_keywords: &'static [&'static str],
    /// Security messages cannot be switched off: without them nobody could reset a password.
    pub required: bool,
}

impl TemplateSpec {
    pub fn name_key(&self) -> String {
        format!("template-{}", self.key)
    }

    pub fn keywords(&self) -> impl Iterator<Item = &'static str> + '_ {
        COMMON_KEYWORDS
            .iter()
            .copied()
            .chain(self.extra_keywords.iter().copied())
    }

    pub fn accepts(&self, keyword: &str) -> bool {
        self.keywords().any(|k| k == keyword)
    }
}

pub const WELCOME: &str = "welcome";
pub const IMPORT_LOGIN: &str = "import-login";
pub const PASSWORD_RESET: &str = "password-reset";
pub const ACCOUNT_UNLOCK: &str = "account-unlock";
pub const PASSWORD_CHANGED: &str = "password-changed";

pub const INVITATION_RECEIVED: &str = "invitation-received";
pub const INVITATION_REMINDER: &str = "invitation-reminder";
pub const INVITATION_ACCEPTED: &str = "invitation-accepted";
pub const INVITATION_DECLINED: &str = "invitation-declined";
pub const INVITATION_WITHDRAWN: &str = "invitation-withdrawn";
/// To the sender, when the member they invited left the program before answering.
pub const INVITATION_PARTNER_LEFT: &str = "invitation-partner-left";
pub const INVITATION_EXPIRED: &str = "invitation-expired";
/// To the other member, when one asks (or answers) a question about a pending invitation.
pub const INVITATION_QUESTION: &str = "invitation-question";
pub const RELATIONSHIP_CONFIRMED: &str = "relationship-confirmed";
pub const RELATIONSHIP_ENDED: &str = "relationship-ended";
pub const ADMIN_MATCHED: &str = "admin-matched";
/// The seed's "Invitation to a mentoring meeting", to each participant but the organiser.
pub const MEETING_INVITATION: &str = "meeting-invitation";
/// One or more occurrences of a meeting were cancelled, to the other participants.
pub const MEETING_CANCELLED: &str = "meeting-cancelled";
/// One or more occurrences of a meeting were moved, to the other participants.
pub const MEETING_RESCHEDULED: &str = "meeting-rescheduled";
/// To the organiser who attends: their own record of the meeting they asked for.
pub const MEETING_REQUESTED: &str = "meeting-requested";
/// A participant answered accept, decline or maybe, to every participant.
pub const MEETING_ANSWERED: &str = "meeting-answered";
/// The seed's "Reminder: Mentoring Meeting Invitation": each morning at 06:00 on the
/// recipient's clock while they have meetings to come they have not answered (one
/// message listing them all).
pub const MEETING_REMINDER: &str = "meeting-reminder";
/// Some hours before a meeting the participant accepted (the operator's
/// `MEETING_REMINDER_HOURS`).
pub const MEETING_UPCOMING: &str = "meeting-upcoming";

/// A matching message: about the member's partner, with a link to the invitation or
/// the relationship.
const fn matching(key: &'static str, extra_keywords: &'static [&'static str]) -> TemplateSpec {
    TemplateSpec {
        key,
        category: TemplateCategory::Matching,
        extra_keywords,
        required: false,
    }
}

pub const SYSTEM_TEMPLATES: [TemplateSpec; 23] = [
    TemplateSpec {
        key: WELCOME,
        category: TemplateCategory::GettingStarted,
        extra_keywords: &["here"],
        required: false,
    },
    TemplateSpec {
        key: IMPORT_LOGIN,
        category: TemplateCategory::GettingStarted,
        extra_keywords: &["here", "expires"],
        required: false,
    },
    TemplateSpec {
        key: PASSWORD_RESET,
        category: TemplateCategory::Account,
        extra_keywords: &["here", "expires"],
        required: true,
    },
    TemplateSpec {
        key: ACCOUNT_UNLOCK,
        category: TemplateCategory::Account,
        extra_keywords: &["here"],
        required: true,
    },
    TemplateSpec {
        key: PASSWORD_CHANGED,
        category: TemplateCategory::Account,
        extra_keywords: &["here"],
        required: false,
    },
    matching(
        INVITATION_RECEIVED,
        &["here", "partner_name", "message", "expires"],
    ),
    matching(INVITATION_REMINDER, &["here", "partner_name", "expires"]),
    matching(INVITATION_ACCEPTED, &["here", "partner_name"]),
    matching(INVITATION_DECLINED, &["here", "partner_name", "message"]),
    matching(INVITATION_WITHDRAWN, &["here", "partner_name"]),
    matching(INVITATION_PARTNER_LEFT, &["here", "partner_name"]),
    matching(INVITATION_EXPIRED, &["here", "partner_name"]),
    matching(
        INVITATION_QUESTION,
        &["here", "partner_name", "message", "expires"],
    ),
    matching(RELATIONSHIP_CONFIRMED, &["here", "partner_name"]),
    matching(RELATIONSHIP_ENDED, &["here", "partner_name", "message"]),
    matching(ADMIN_MATCHED, &["here", "partner_name"]),
    TemplateSpec {
        key: MEETING_INVITATION,
        category: TemplateCategory::Meetings,
        extra_keywords: &[
            "here",
            "sender_name",
            "meeting_time",
            "meeting_repeats",
            "meeting_type",
            "location",
            "message",
        ],
        required: false,
    },
    TemplateSpec {
        key: MEETING_CANCELLED,
        category: TemplateCategory::Meetings,
        extra_keywords: &[
            "here",
            "sender_name",
            "cancelled_meetings",
            "meeting_time",
            "meeting_type",
            "location",
        ],
        required: false,
    },
    TemplateSpec {
        key: MEETING_RESCHEDULED,
        category: TemplateCategory::Meetings,
        extra_keywords: &[
            "here",
            "sender_name",
            "previous_time",
            "meeting_time",
            "meeting_repeats",
            "meeting_type",
            "location",
        ],
        required: false,
    },
    TemplateSpec {
        key: MEETING_REQUESTED,
        category: TemplateCategory::Meetings,
        extra_keywords: &[
            "here",
            "participants",
            "meeting_time",
            "meeting_repeats",
            "meeting_type",
            "location",
            "message",
        ],
        required: false,
    },
    TemplateSpec {
        key: MEETING_ANSWERED,
        category: TemplateCategory::Meetings,
        extra_keywords: &[
            "here",
            "sender_name",
            "meeting_answer",
            "answered_meetings",
            "meeting_time",
            "meeting_type",
            "location",
        ],
        required: false,
    },
    TemplateSpec {
        key: MEETING_REMINDER,
        category: TemplateCategory::Meetings,
        extra_keywords: &["here", "meeting_count", "meeting_list"],
        required: false,
    },
    TemplateSpec {
        key: MEETING_UPCOMING,
        category: TemplateCategory::Meetings,
        extra_keywords: &["here", "meeting_time", "meeting_type", "location"],
        required: false,
    },
];

pub fn find_template(key: &str) -> Option<&'static TemplateSpec> {
    SYSTEM_TEMPLATES.iter().find(|t| t.key == key)
}

/// A piece of template text: literal text or a `{keyword}`.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Keyword(&'a str),
}

/// Splits text into literal runs and `{keyword}` placeholders. A brace that does not
/// enclose a plain `[a-z_]+` word is literal text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let word_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        if word_len > 0 && after[word_len..].starts_with('}') {
            if open > 0 {
                out.push(Piece::Text(&rest[..open]));
            }
            out.push(Piece::Keyword(&after[..word_len]));
            rest = &after[word_len + 1..];
        } else {
            out.push(Piece::Text(&rest[..open + 1]));
            rest = after;
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The first keyword in `text` that `spec` does not accept.
pub fn first_unknown_keyword<'a>(spec: &TemplateSpec, text: &'a str) -> Option<&'a str> {
    pieces(text).into_iter().find_map(|p| match p {
        Piece::Keyword(k) if !spec.accepts(k) => Some(k),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_keywords_from_text() {
        assert_eq!(
            pieces("Hi {first_name}, see {here}."),
            vec![
                Piece::Text("Hi "),
                Piece::Keyword("first_name"),
                Piece::Text(", see "),
                Piece::Keyword("here"),
                Piece::Text("."),
            ]
        );
        // Not keywords: empty, upper case, spaces, unclosed.
        let literal: String = pieces("{} {A} {a b} {open")
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Keyword(k) => panic!("unexpected keyword {k}"),
            })
            .collect();
        assert_eq!(literal, "{} {A} {a b} {open");
    }

    #[test]
    fn unknown_keywords_are_found() {
        let reset = find_template(PASSWORD_RESET).unwrap();
        assert_eq!(
            first_unknown_keyword(reset, "{first_name} {here} {expires}"),
            None
        );
        assert_eq!(
            first_unknown_keyword(reset, "Hello {first_name}, your {password}"),
            Some("password")
        );
        let welcome = find_template(WELCOME).unwrap();
        assert_eq!(first_unknown_keyword(welcome, "{expires}"), Some("expires"));
    }

    #[test]
    fn template_keys_are_unique() {
        for (i, a) in SYSTEM_TEMPLATES.iter().enumerate() {
            for b in &SYSTEM_TEMPLATES[i + 1..] {
                assert_ne!(a.key, b.key);
            }
        }
    }
}

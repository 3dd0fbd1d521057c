//! The accept / decline / maybe links of meeting e-mails: each records one answer of the
//! person it was sent to, without signing them in.
use super::model::Answer;
use crate::i18n::LocalDateTime;
use crate::zone::ZoneLabel;
use serde::{Deserialize, Serialize};

/// Where a link's page is: `/meetings/answer/{token}`.
pub const ANSWER_LINK_ROUTE: &str = "/meetings/answer";

pub fn answer_link_path(token: &str) -> String {
    format!("{ANSWER_LINK_ROUTE}/{token}")
}

/// What a link's page shows: the answer it gives and to which meetings, on its person's
/// clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLinkView {
    pub answer: Answer,
    /// The first meeting it answers.
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub zone_label: ZoneLabel,
    /// How many meetings it answers (the rest of a series, or one).
    pub count: u32,
    /// The other participants.
    pub with: Vec<String>,
    /// The person's answer to that first meeting now.
    pub current: Answer,
}

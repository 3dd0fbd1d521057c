//! Shared types of profiles and the program's lists.
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The lists a program keeps for its profiles and searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListKind {
    Industry,
    JobFunction,
    Skill,
    DevelopmentArea,
    MeetingCity,
}

impl ListKind {
    pub const ALL: [ListKind; 5] = [
        ListKind::Industry,
        ListKind::JobFunction,
        ListKind::Skill,
        ListKind::DevelopmentArea,
        ListKind::MeetingCity,
    ];

    /// As stored (`program_list_items.list`) and in URLs.
    pub fn code(self) -> &'static str {
        match self {
            ListKind::Industry => "industry",
            ListKind::JobFunction => "job_function",
            ListKind::Skill => "skill",
            ListKind::DevelopmentArea => "development_area",
            ListKind::MeetingCity => "meeting_city",
        }
    }

    pub fn parse(code: &str) -> Option<ListKind> {
        ListKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The list's title message id (`list-<code>`).
    pub fn title_key(self) -> String {
        format!("list-{}", self.code())
    }
}

/// One entry of a program list, with how many profiles use it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: i64,
    pub label_en: String,
    pub label_fr: String,
    pub in_use: i64,
}

impl ListItem {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Fr => &self.label_fr,
        }
    }
}

/// The longest label an item may have.
pub const LIST_LABEL_MAX: usize = 80;
/// The most items one list may hold.
pub const LIST_ITEMS_MAX: i64 = 500;

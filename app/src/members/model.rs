//! Program members as an administrator manages them.
use crate::auth::model::Role;
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

pub const MEMBERS_PAGE_SIZE: i64 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    pub last_sign_in: Option<LocalDateTime>,
}

impl MemberRow {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersPage {
    pub rows: Vec<MemberRow>,
    pub total: i64,
    pub page: i64,
    pub page_count: i64,
}

/// One member, for their admin page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub member: MemberRow,
    pub joined: LocalDateTime,
    pub language: String,
    /// The viewer themself: no deactivate or delete buttons.
    pub is_self: bool,
}

use serde::{Deserialize, Serialize};

pub const DIRECTORY_PAGE_SIZE: i64 = 24;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCard {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub job_title: String,
    pub company: String,
    pub city: String,
    pub province: String,
    pub photo_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub members: Vec<MemberCard>,
    pub total: i64,
    pub page: i64,
    pub page_count: i64,
}

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
    /// Profile completeness in percent (administrators have no profile to complete).
    pub completeness: i64,
    /// Active mentoring relationships.
    pub relationships: i64,
    /// Groups the member belongs to.
    pub groups: i64,
    /// Relationships ever started (active or completed).
    pub matches: i64,
    /// Logged mentoring time.
    pub mentoring_minutes: i64,
    pub member_since: LocalDateTime,
    /// When the membership was deactivated, while it stays so.
    pub end_date: Option<LocalDateTime>,
    /// The program admin who looks after this member.
    pub member_admin_id: Option<i64>,
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

/// A choice in one of the table's filter lists, already in the admin's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoice {
    pub id: i64,
    pub label_en: String,
    pub label_fr: String,
}

impl FilterChoice {
    pub fn label(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.label_en,
            crate::i18n::Lang::Fr => &self.label_fr,
        }
    }
}

/// A custom field the table can filter on, with its options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterField {
    pub field: FilterChoice,
    pub options: Vec<FilterChoice>,
}

/// An admin's saved filter ("Recent searches").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFilter {
    pub id: i64,
    pub name: String,
    /// The canonical query string (see `filter::MemberFilter::to_query`).
    pub query: String,
}

/// The longest name a saved filter may have.
pub const SAVED_FILTER_NAME_MAX: usize = 80;
/// How many saved filters "Recent searches" shows.
pub const RECENT_SEARCHES: i64 = 8;

/// What the members table needs besides its rows: the filter lists, the program's
/// administrators (for the "Member admin" column), saved filters and the column choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersTableSetup {
    pub custom_fields: Vec<FilterField>,
    pub industries: Vec<FilterChoice>,
    pub job_functions: Vec<FilterChoice>,
    /// (user id, full name)
    pub admins: Vec<(i64, String)>,
    pub saved: Vec<SavedFilter>,
    pub columns: Vec<crate::members::filter::MemberColumn>,
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

/// What a file upload does: import members, or deactivate the members it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportKind {
    Members,
    Deactivate,
}

impl ImportKind {
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Members => "members",
            ImportKind::Deactivate => "deactivate",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [ImportKind::Members, ImportKind::Deactivate]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// One problem in an uploaded file. `row` is the spreadsheet row (the header is row 1);
/// 0 means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportIssue {
    pub row: u32,
    /// The column's canonical name (`email`, `role`…), when the problem is in one cell.
    pub column: Option<String>,
    pub code: ImportIssueCode,
    /// The offending value, shown back to the admin.
    pub value: Option<String>,
    /// For duplicates: the row where the value first appeared.
    pub other_row: Option<u32>,
}

crate::listed_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ImportIssueCode {
        EmptyFile,
        Unreadable,
        TooManyRows,
        MissingColumn,
        Required,
        InvalidEmail,
        InvalidRole,
        InvalidLanguage,
        TooLong,
        DuplicateInFile,
        IsAdmin,
        NotAMember,
        IsYou,
        ControlCharacters,
    }
}

impl ImportIssueCode {
    pub fn message_key(self) -> &'static str {
        match self {
            ImportIssueCode::EmptyFile => "import-error-empty-file",
            ImportIssueCode::Unreadable => "import-error-unreadable",
            ImportIssueCode::TooManyRows => "import-error-too-many-rows",
            ImportIssueCode::MissingColumn => "import-error-missing-column",
            ImportIssueCode::Required => "import-error-required",
            ImportIssueCode::InvalidEmail => "import-error-invalid-email",
            ImportIssueCode::InvalidRole => "import-error-invalid-role",
            ImportIssueCode::InvalidLanguage => "import-error-invalid-language",
            ImportIssueCode::TooLong => "import-error-too-long",
            ImportIssueCode::DuplicateInFile => "import-error-duplicate",
            ImportIssueCode::ControlCharacters => "import-error-control-characters",
            ImportIssueCode::IsAdmin => "import-error-is-admin",
            ImportIssueCode::NotAMember => "import-error-not-a-member",
            ImportIssueCode::IsYou => "import-error-is-you",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStatus {
    /// Problems found: nothing was written.
    Invalid,
    Running,
    Done,
    /// An unexpected error: rolled back, nothing was written.
    Failed,
}

/// An upload and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRun {
    pub id: i64,
    pub kind: ImportKind,
    pub file_name: String,
    pub status: ImportStatus,
    pub total: i64,
    /// Rows applied so far (known to the instance doing the work).
    pub processed: i64,
    pub created: i64,
    pub updated: i64,
    pub issues: Vec<ImportIssue>,
}

/// The columns of a member import, by canonical name.
pub const IMPORT_COLUMNS: [&str; 5] = ["first_name", "last_name", "email", "role", "language"];

//! Checking a member-import or deactivation file without the database: every problem
//! found, with its row and column.
use crate::auth::model::{is_plausible_email, Role};
use crate::error::breaks_the_line;
use crate::i18n::Lang;
use crate::members::csv_file::{self, Table};
use crate::members::model::{ImportIssue, ImportIssueCode, IMPORT_COLUMNS};
use std::collections::HashMap;

pub const MAX_ROWS: usize = 100_000;
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
const MAX_NAME: usize = 100;

/// A valid row of a member import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberLine {
    pub row: u32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role: Role,
    pub language: Lang,
}

pub(super) fn issue(
    row: u32,
    column: Option<&str>,
    code: ImportIssueCode,
    value: Option<&str>,
) -> ImportIssue {
    ImportIssue {
        row,
        column: column.map(str::to_string),
        code,
        value: value
            .filter(|v| !v.is_empty())
            .map(|v| v.chars().take(80).collect()),
        other_row: None,
    }
}

fn parse_role(value: &str) -> Option<Role> {
    match value.trim().to_lowercase().as_str() {
        "mentor" | "mentors" | "mentore" | "mentor(e)" => Some(Role::Mentor),
        "mentee" | "mentees" | "mentoré" | "mentorée" | "mentoree" | "protégé" | "protege" => {
            Some(Role::Mentee)
        }
        _ => None,
    }
}

fn parse_language(value: &str, default: Lang) -> Option<Lang> {
    match value.trim().to_lowercase().as_str() {
        "" => Some(default),
        "en" | "eng" | "english" | "anglais" => Some(Lang::En),
        "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
        _ => None,
    }
}

/// The e-mail cell of a row, lower-cased: present, plausible and not already on an earlier
/// row (`seen`). Otherwise the problem goes to `issues` and the answer is `None`.
fn checked_email(
    row: u32,
    value: &str,
    seen: &mut HashMap<String, u32>,
    issues: &mut Vec<ImportIssue>,
) -> Option<String> {
    let email = value.to_lowercase();
    let problem = if email.is_empty() {
        issue(row, Some("email"), ImportIssueCode::Required, None)
    } else if !is_plausible_email(&email) {
        issue(
            row,
            Some("email"),
            ImportIssueCode::InvalidEmail,
            Some(&email),
        )
    } else if let Some(first) = seen.get(&email) {
        let mut dup = issue(
            row,
            Some("email"),
            ImportIssueCode::DuplicateInFile,
            Some(&email),
        );
        dup.other_row = Some(*first);
        dup
    } else {
        seen.insert(email.clone(), row);
        return Some(email);
    };
    issues.push(problem);
    None
}

/// Reads and checks a file; `Err` lists every problem found (file-level ones first).
fn table_of(bytes: &[u8]) -> Result<Table, Vec<ImportIssue>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(vec![issue(0, None, ImportIssueCode::EmptyFile, None)]);
    }
    let table = csv_file::parse(bytes)
        .map_err(|_| vec![issue(0, None, ImportIssueCode::Unreadable, None)])?;
    if table.rows.is_empty() {
        return Err(vec![issue(0, None, ImportIssueCode::EmptyFile, None)]);
    }
    if table.rows.len() > MAX_ROWS {
        return Err(vec![issue(0, None, ImportIssueCode::TooManyRows, None)]);
    }
    Ok(table)
}

/// Checks every row of a member import (what can be checked without the database).
pub fn check_member_file(
    bytes: &[u8],
    default_lang: Lang,
) -> Result<Vec<MemberLine>, Vec<ImportIssue>> {
    let table = table_of(bytes)?;
    let missing: Vec<ImportIssue> = IMPORT_COLUMNS[..4]
        .iter()
        .filter(|c| !table.has(c))
        .map(|c| issue(0, Some(c), ImportIssueCode::MissingColumn, None))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut issues = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (row, values) in &table.rows {
        let row = *row;
        let cell = |c| table.cell(values, c);
        let before = issues.len();
        for column in ["first_name", "last_name"] {
            let value = cell(column);
            if value.is_empty() {
                issues.push(issue(row, Some(column), ImportIssueCode::Required, None));
            } else if value.chars().count() > MAX_NAME {
                issues.push(issue(row, Some(column), ImportIssueCode::TooLong, None));
            } else if breaks_the_line(value) {
                issues.push(issue(
                    row,
                    Some(column),
                    ImportIssueCode::ControlCharacters,
                    None,
                ));
            }
        }
        let email = checked_email(row, cell("email"), &mut seen, &mut issues).unwrap_or_default();
        let role = parse_role(cell("role"));
        if role.is_none() {
            let code = if cell("role").is_empty() {
                ImportIssueCode::Required
            } else {
                ImportIssueCode::InvalidRole
            };
            issues.push(issue(row, Some("role"), code, Some(cell("role"))));
        }
        let language = parse_language(cell("language"), default_lang);
        if language.is_none() {
            issues.push(issue(
                row,
                Some("language"),
                ImportIssueCode::InvalidLanguage,
                Some(cell("language")),
            ));
        }
        if issues.len() == before {
            lines.push(MemberLine {
                row,
                first_name: cell("first_name").to_string(),
                last_name: cell("last_name").to_string(),
                email,
                role: role.unwrap_or(Role::Mentee),
                language: language.unwrap_or(default_lang),
            });
        }
    }
    if issues.is_empty() {
        Ok(lines)
    } else {
        Err(issues)
    }
}

/// Checks a bulk-deactivation file: an `email` column, valid and unique addresses.
pub fn check_deactivation_file(bytes: &[u8]) -> Result<Vec<(u32, String)>, Vec<ImportIssue>> {
    let table = table_of(bytes)?;
    if !table.has("email") {
        return Err(vec![issue(
            0,
            Some("email"),
            ImportIssueCode::MissingColumn,
            None,
        )]);
    }
    let mut issues = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (row, values) in &table.rows {
        if let Some(email) =
            checked_email(*row, table.cell(values, "email"), &mut seen, &mut issues)
        {
            lines.push((*row, email));
        }
    }
    if issues.is_empty() {
        Ok(lines)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each problem's row, column and kind.
    fn where_and_what(issues: &[ImportIssue]) -> Vec<(u32, Option<&str>, ImportIssueCode)> {
        issues
            .iter()
            .map(|i| (i.row, i.column.as_deref(), i.code))
            .collect()
    }

    #[test]
    fn every_bad_row_is_reported_and_none_is_kept() {
        let file = "first_name,last_name,email,role,language\n\
                    Ana,Lee,ana@x.ca,mentor,en\n\
                    ,Roy,roy@x.ca,mentee,fr\n\
                    Bo,Li,not-an-email,mentee,\n\
                    Cy,Ng,ANA@x.ca,boss,de\n";
        let issues = check_member_file(file.as_bytes(), Lang::En).unwrap_err();
        let found = where_and_what(&issues);
        assert_eq!(
            found,
            vec![
                (3, Some("first_name"), ImportIssueCode::Required),
                (4, Some("email"), ImportIssueCode::InvalidEmail),
                (5, Some("email"), ImportIssueCode::DuplicateInFile),
                (5, Some("role"), ImportIssueCode::InvalidRole),
                (5, Some("language"), ImportIssueCode::InvalidLanguage),
            ]
        );
        assert_eq!(issues[2].other_row, Some(2));
    }

    #[test]
    fn names_must_fit_on_one_line() {
        let file = "first_name,last_name,email,role\n\
                    \"Multi\nLine\",Lee,ana@x.ca,mentor\n\
                    Bo,\"Tab\there\",bo@x.ca,mentee\n\
                    Cy,Ng,cy@x.ca,mentee\n";
        let issues = check_member_file(file.as_bytes(), Lang::En).unwrap_err();
        let found = where_and_what(&issues);
        assert_eq!(
            found,
            vec![
                (2, Some("first_name"), ImportIssueCode::ControlCharacters),
                (4, Some("last_name"), ImportIssueCode::ControlCharacters),
            ]
        );
    }

    #[test]
    fn clean_files_parse_with_defaults() {
        let file = "Prénom;Nom;Courriel;Rôle\nZoé;Roy;Zoe@X.ca;Mentorée\n";
        let lines = check_member_file(file.as_bytes(), Lang::Fr).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].email, "zoe@x.ca");
        assert_eq!(lines[0].role, Role::Mentee);
        assert_eq!(lines[0].language, Lang::Fr);
    }

    #[test]
    fn missing_columns_are_named() {
        let issues = check_member_file(b"email,role\na@b.co,mentor\n", Lang::En).unwrap_err();
        let missing: Vec<_> = issues.iter().map(|i| i.column.clone().unwrap()).collect();
        assert_eq!(missing, vec!["first_name", "last_name"]);
        assert_eq!(
            check_member_file(b"  \n", Lang::En).unwrap_err()[0].code,
            ImportIssueCode::EmptyFile
        );
    }

    #[test]
    fn deactivation_files_need_an_email_column() {
        assert!(check_deactivation_file(b"Email\na@b.co\n").is_ok());
        assert_eq!(
            check_deactivation_file(b"name\nAna\n").unwrap_err()[0].code,
            ImportIssueCode::MissingColumn
        );
        let dup = check_deactivation_file(b"courriel\na@b.co\nA@B.CO\n").unwrap_err();
        assert_eq!((dup[0].row, dup[0].other_row), (3, Some(2)));
    }
}

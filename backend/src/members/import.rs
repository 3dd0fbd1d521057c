//! Member import and bulk deactivation from a CSV file. The whole file is checked first;
//! any problem → the list of problems and nothing written. Otherwise everything is applied
//! in one transaction (all or nothing), in the background, with progress.
use super::csv_file::{self, Table};
use super::repo::{self, ImportedUser, KnownUser, NewRun};
use crate::auth::authz::MemberScope;
use crate::auth::model::{is_plausible_email, Role};
use crate::auth::recovery::SET_PASSWORD_TTL;
use crate::auth::repo as auth_repo;
use crate::auth::session::{hash_token, new_token};
use crate::db::{Db, Tx};
use crate::error::{breaks_the_line, AppError, AppResult};
use crate::i18n::Lang;
use crate::members::model::{
    ImportIssue, ImportIssueCode, ImportKind, ImportRun, ImportStatus, IMPORT_COLUMNS,
};
use crate::messaging::repo::RecipientRow;
use crate::messaging::service::{prepare_message, MessageLink};
use crate::messaging::template::{IMPORT_LOGIN, WELCOME};
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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

fn issue(
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

/// Progress of the imports this instance is applying: run id → rows done.
fn progress() -> &'static Mutex<HashMap<i64, i64>> {
    static PROGRESS: OnceLock<Mutex<HashMap<i64, i64>>> = OnceLock::new();
    PROGRESS.get_or_init(Mutex::default)
}

fn set_progress(run_id: i64, done: i64) {
    if let Ok(mut map) = progress().lock() {
        map.insert(run_id, done);
    }
}

fn take_progress(run_id: i64) {
    if let Ok(mut map) = progress().lock() {
        map.remove(&run_id);
    }
}

/// Validates an upload and, when it is clean, starts applying it in the background.
/// Returns the run to show (its problems, or its progress).
pub async fn start(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
) -> AppResult<i64> {
    let viewer_lang = scope.session.viewer.language;
    let mut known = HashMap::new();
    // Reading and checking up to MAX_ROWS rows is CPU work: keep it off the async
    // runtime's few threads, which serve every other request.
    let file = read_file(kind, bytes.to_vec(), viewer_lang).await?;
    let checked: Result<Plan, Vec<ImportIssue>> = match file {
        Ok(CheckedFile::Members(lines)) => {
            known =
                known_by_email(db, scope.program_id, lines.iter().map(|l| l.email.clone())).await?;
            let admins: Vec<ImportIssue> = lines
                .iter()
                .filter(|l| known.get(&l.email).and_then(|k| k.role) == Some(Role::Admin))
                .map(|l| {
                    issue(
                        l.row,
                        Some("email"),
                        ImportIssueCode::IsAdmin,
                        Some(&l.email),
                    )
                })
                .collect();
            if admins.is_empty() {
                Ok(Plan::Members(lines))
            } else {
                Err(admins)
            }
        }
        Ok(CheckedFile::Deactivate(lines)) => {
            known = known_by_email(db, scope.program_id, lines.iter().map(|l| l.1.clone())).await?;
            deactivation_plan(scope, &lines, &known)
        }
        Err(issues) => Err(issues),
    };
    let now = Utc::now();
    let (status, total, issues) = match &checked {
        Ok(plan) => ("running", plan.len() as i64, Vec::new()),
        Err(issues) => ("invalid", 0, issues.clone()),
    };
    let errors = serde_json::to_string(&issues).map_err(|_| AppError::Internal)?;
    let run_id = repo::insert_run(
        db,
        &NewRun {
            program_id: scope.program_id,
            admin_id: scope.session.viewer.user_id,
            kind: kind.code(),
            file_name: &file_name.chars().take(200).collect::<String>(),
            status,
            total,
            errors: &errors,
            now,
        },
    )
    .await?;
    if let Ok(plan) = checked {
        set_progress(run_id, 0);
        let (db, base_url, program_id) = (db.clone(), base_url.to_string(), scope.program_id);
        tokio::spawn(async move {
            let outcome = apply(&db, &base_url, program_id, run_id, plan, known).await;
            let (status, created, updated) = match outcome {
                Ok((created, updated)) => ("done", created, updated),
                Err(err) => {
                    tracing::error!(run_id, error = %err, "import failed; rolled back");
                    ("failed", 0, 0)
                }
            };
            if let Err(err) =
                repo::finish_run(&db, run_id, status, created, updated, Utc::now()).await
            {
                tracing::error!(run_id, error = %err, "could not record the import's outcome");
            }
            take_progress(run_id);
        });
    }
    Ok(run_id)
}

enum CheckedFile {
    Members(Vec<MemberLine>),
    Deactivate(Vec<(u32, String)>),
}

/// Reads and checks an upload on the blocking pool.
async fn read_file(
    kind: ImportKind,
    bytes: Vec<u8>,
    default_lang: Lang,
) -> AppResult<Result<CheckedFile, Vec<ImportIssue>>> {
    tokio::task::spawn_blocking(move || match kind {
        ImportKind::Members => check_member_file(&bytes, default_lang).map(CheckedFile::Members),
        ImportKind::Deactivate => check_deactivation_file(&bytes).map(CheckedFile::Deactivate),
    })
    .await
    .map_err(|err| {
        tracing::error!(error = %err, "import file check stopped");
        AppError::Internal
    })
}

enum Plan {
    Members(Vec<MemberLine>),
    Deactivate(Vec<i64>),
}

impl Plan {
    fn len(&self) -> usize {
        match self {
            Plan::Members(lines) => lines.len(),
            Plan::Deactivate(ids) => ids.len(),
        }
    }
}

async fn known_by_email(
    db: &Db,
    program_id: i64,
    emails: impl Iterator<Item = String>,
) -> AppResult<HashMap<String, KnownUser>> {
    let emails: Vec<String> = emails.collect();
    let mut tx = db.begin().await?;
    let users = repo::known_users(&mut tx, program_id, &emails).await?;
    tx.commit().await?;
    Ok(users.into_iter().map(|u| (u.email.clone(), u)).collect())
}

/// Who a deactivation file names: members of the program, never the admin themself.
fn deactivation_plan(
    scope: &MemberScope,
    lines: &[(u32, String)],
    known: &HashMap<String, KnownUser>,
) -> Result<Plan, Vec<ImportIssue>> {
    let mut issues = Vec::new();
    let mut ids = Vec::new();
    for (row, email) in lines {
        match known.get(email).filter(|k| k.role.is_some()) {
            None => issues.push(issue(
                *row,
                Some("email"),
                ImportIssueCode::NotAMember,
                Some(email),
            )),
            Some(user) if user.id == scope.session.viewer.user_id => issues.push(issue(
                *row,
                Some("email"),
                ImportIssueCode::IsYou,
                Some(email),
            )),
            // The importing admin cannot be listed, so an active administrator remains.
            Some(user) => ids.push(user.id),
        }
    }
    if issues.is_empty() {
        Ok(Plan::Deactivate(ids))
    } else {
        Err(issues)
    }
}

async fn apply(
    db: &Db,
    base_url: &str,
    program_id: i64,
    run_id: i64,
    plan: Plan,
    known: HashMap<String, KnownUser>,
) -> AppResult<(i64, i64)> {
    let mut tx = db.begin().await?;
    let (counts, members_changed) = match plan {
        Plan::Members(lines) => (
            apply_members(&mut tx, base_url, program_id, run_id, &lines, &known).await?,
            true,
        ),
        Plan::Deactivate(ids) => {
            repo::deactivate_members(&mut tx, program_id, &ids, Utc::now()).await?;
            ((0, ids.len() as i64), false)
        }
    };
    tx.commit().await?;
    if members_changed {
        // New members and changed roles: their completeness counts other fields.
        crate::profiles::repo::analyse_member_tables(db).await?;
        crate::profiles::service::refresh_program_completeness(db, program_id).await?;
    }
    Ok(counts)
}

fn imported(l: &MemberLine) -> ImportedUser<'_> {
    ImportedUser {
        email: &l.email,
        first_name: &l.first_name,
        last_name: &l.last_name,
        language: l.language.code(),
    }
}

/// Creates new members, updates existing ones, and queues each new member's set-password
/// e-mail (existing accounts joining the program get the welcome message instead).
/// Returns (members added to the program, members updated).
async fn apply_members(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    run_id: i64,
    lines: &[MemberLine],
    known: &HashMap<String, KnownUser>,
) -> AppResult<(i64, i64)> {
    let now = Utc::now();
    let (existing, new): (Vec<&MemberLine>, Vec<&MemberLine>) =
        lines.iter().partition(|l| known.contains_key(&l.email));

    let new_users: Vec<ImportedUser> = new.iter().map(|l| imported(l)).collect();
    let created = repo::insert_users(tx, &new_users, now).await?;
    let ids: HashMap<&str, i64> = created
        .iter()
        .map(|(id, email)| (email.as_str(), *id))
        .collect();
    set_progress(run_id, new.len() as i64 / 2);

    let mut memberships: Vec<(i64, Role)> = new
        .iter()
        .map(|l| (ids[l.email.as_str()], l.role))
        .collect();
    let mut updated = 0;
    for line in &existing {
        let user = &known[&line.email];
        // Someone who belongs to another program keeps their name, language and
        // password: only their place in this program is this admin's to set.
        if !user.belongs_elsewhere() {
            repo::update_person(tx, user.id, &imported(line)).await?;
        }
        if user.role.is_some() {
            repo::set_member_role(tx, program_id, user.id, line.role).await?;
            updated += 1;
        } else {
            memberships.push((user.id, line.role));
        }
    }
    // New to this program, whether or not the address had an account: the counts must not
    // tell this admin which addresses other programs know.
    let added = (lines.len() - updated) as i64;
    let updated = updated as i64;
    repo::insert_memberships(tx, program_id, &memberships, now).await?;
    set_progress(run_id, (new.len() + existing.len()) as i64 * 3 / 4);

    // Messages: a set-password link for accounts without a password, a welcome for
    // existing accounts that join this program.
    let mut set_password = Vec::new();
    let mut welcome = Vec::new();
    for line in lines {
        let (id, zone, has_password, was_member, language) = match known.get(&line.email) {
            Some(user) => (
                user.id,
                user.time_zone,
                user.has_password,
                user.role.is_some(),
                // Written in the language the person chose, unless it is ours to set.
                if user.belongs_elsewhere() {
                    user.language.clone()
                } else {
                    line.language.code().to_string()
                },
            ),
            None => (
                ids[line.email.as_str()],
                crate::zone::Zone::DEFAULT,
                false,
                false,
                line.language.code().to_string(),
            ),
        };
        let recipient = RecipientRow {
            id,
            email: line.email.clone(),
            first_name: line.first_name.clone(),
            last_name: line.last_name.clone(),
            language,
            time_zone: zone,
        };
        if !has_password {
            set_password.push(recipient);
        } else if !was_member {
            welcome.push(recipient);
        }
    }
    if let Some(message) = prepare_message(tx, base_url, program_id, IMPORT_LOGIN).await? {
        let expires_at = now + SET_PASSWORD_TTL;
        let mut tokens = Vec::with_capacity(set_password.len());
        let mut rows = Vec::with_capacity(set_password.len());
        for recipient in &set_password {
            let token = new_token();
            tokens.push((hash_token(&token), recipient.id, "set_password", expires_at));
            let link = MessageLink {
                url: Some(format!("{base_url}/password/{token}")),
                expires_at: Some(expires_at),
            };
            rows.push(message.render_for(recipient, &link));
        }
        auth_repo::insert_account_tokens(tx, &tokens, now).await?;
        message.queue(tx, &rows).await?;
    }
    if let Some(message) = prepare_message(tx, base_url, program_id, WELCOME).await? {
        let link = MessageLink {
            url: Some(format!("{base_url}/login")),
            expires_at: None,
        };
        let rows: Vec<_> = welcome
            .iter()
            .map(|r| message.render_for(r, &link))
            .collect();
        message.queue(tx, &rows).await?;
    }
    set_progress(run_id, lines.len() as i64);
    Ok((added, updated))
}

/// A run as its page shows it, with live progress when this instance is applying it.
pub async fn run(db: &Db, program_id: i64, run_id: i64) -> AppResult<ImportRun> {
    let record = repo::find_run(db, program_id, run_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = match record.status.as_str() {
        "invalid" => ImportStatus::Invalid,
        "running" => ImportStatus::Running,
        "done" => ImportStatus::Done,
        _ => ImportStatus::Failed,
    };
    let live = progress().lock().ok().and_then(|m| m.get(&run_id).copied());
    Ok(ImportRun {
        id: record.id,
        kind: ImportKind::parse(&record.kind).unwrap_or(ImportKind::Members),
        file_name: record.file_name,
        status,
        total: record.total.into(),
        processed: live.unwrap_or(record.processed.into()),
        created: record.created.into(),
        updated: record.updated.into(),
        issues: serde_json::from_str(&record.errors).unwrap_or_default(),
    })
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

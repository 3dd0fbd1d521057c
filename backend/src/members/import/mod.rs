//! Member import and bulk deactivation from a CSV file. The whole file is checked first;
//! any problem → the list of problems and nothing written. Otherwise everything is applied
//! in one transaction (all or nothing), in the background, with progress.
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::auth::recovery::SET_PASSWORD_TTL;
use crate::auth::repo as auth_repo;
use crate::auth::session::{hash_token, new_token};
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::members::model::{ImportIssue, ImportIssueCode, ImportKind, ImportRun, ImportStatus};
use crate::members::repo::{self, ImportedUser, KnownUser, NewRun};
use crate::messaging::repo::RecipientRow;
use crate::messaging::service::{prepare_message, MessageDetails};
use crate::messaging::template::{IMPORT_LOGIN, WELCOME};
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

mod check;

use check::issue;
pub use check::{check_deactivation_file, check_member_file, MemberLine, MAX_FILE_BYTES, MAX_ROWS};

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
            let now = Utc::now();
            for id in &ids {
                crate::relationships::invitations::withdraw_all_of(
                    &mut tx, base_url, program_id, *id, now,
                )
                .await?;
            }
            repo::deactivate_members(&mut tx, program_id, &ids, now).await?;
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
            let link = MessageDetails {
                url: Some(format!("{base_url}/password/{token}")),
                expires_at: Some(expires_at),
                ..Default::default()
            };
            rows.push(message.render_for(recipient, &link));
        }
        auth_repo::insert_account_tokens(tx, &tokens, now).await?;
        message.queue(tx, &rows).await?;
    }
    if let Some(message) = prepare_message(tx, base_url, program_id, WELCOME).await? {
        let link = MessageDetails {
            url: Some(format!("{base_url}/login")),
            expires_at: None,
            ..Default::default()
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

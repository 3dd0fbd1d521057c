//! Rules for deactivating, reactivating and deleting members.
use super::index::{self, MemberIndexes};
use super::repo::{self, MemberRecord};
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::auth::repo as auth_repo;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::members::filter::{parse_query, Activity, MemberColumn, MemberFilter};
use crate::members::model::{
    FilterChoice, FilterField, MemberDetail, MemberRow, MembersPage, MembersTableSetup,
    SavedFilter, MEMBERS_PAGE_SIZE, RECENT_SEARCHES, SAVED_FILTER_NAME_MAX,
};
use crate::profiles::model::ListKind;
use crate::profiles::repo as profiles_repo;
use crate::relationships::invitations::withdraw_all_of;
use crate::zone::Zone;
use chrono::{Duration, Utc};

/// The member (of the admin's program) an action is about, refusing the admin themself.
async fn target(tx: &mut Tx, scope: &MemberScope, user_id: i64) -> AppResult<MemberRecord> {
    if user_id == scope.session.viewer.user_id {
        return Err(AppError::validation("member", ValidationCode::SelfAction));
    }
    repo::find_member(tx, scope.program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The last active administrator of a program cannot be removed or deactivated.
async fn keep_an_admin(tx: &mut Tx, scope: &MemberScope, member: &MemberRecord) -> AppResult<()> {
    if member.role == Role::Admin
        && member.is_active
        && repo::active_admin_count(tx, scope.program_id).await? <= 1
    {
        return Err(AppError::validation("member", ValidationCode::LastAdmin));
    }
    Ok(())
}

/// "Active" unticked: the member's sessions in this program end at once (their other
/// programs are not this admin's to close) and their pending invitations are withdrawn;
/// data stays. Ticked: access returns.
pub async fn set_active(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    user_id: i64,
    active: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let member = target(&mut tx, scope, user_id).await?;
    let now = Utc::now();
    if !active {
        keep_an_admin(&mut tx, scope, &member).await?;
        withdraw_all_of(&mut tx, base_url, scope.program_id, user_id, now).await?;
    }
    repo::set_membership_active(&mut tx, scope.program_id, user_id, active, now).await?;
    if !active {
        auth_repo::delete_program_sessions(&mut tx, scope.program_id, user_id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Permanent delete: the person leaves the program and their pending invitations are
/// withdrawn; the e-mails the program sent them lose their content; when they belong to
/// no other program, their personal data is erased (the row stays as "deleted member" so
/// relationships and counts add up).
pub async fn delete_member(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    user_id: i64,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let member = target(&mut tx, scope, user_id).await?;
    keep_an_admin(&mut tx, scope, &member).await?;
    withdraw_all_of(&mut tx, base_url, scope.program_id, user_id, Utc::now()).await?;
    repo::delete_membership(&mut tx, scope.program_id, user_id).await?;
    repo::erase_program_emails(&mut tx, scope.program_id, user_id).await?;
    auth_repo::delete_program_sessions(&mut tx, scope.program_id, user_id).await?;
    if repo::membership_count(&mut tx, user_id).await? == 0 {
        auth_repo::delete_user_sessions(&mut tx, user_id, None).await?;
        repo::erase_user(&mut tx, user_id, Utc::now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One page of the members table for the admin's filters (dates read in the admin's zone).
pub async fn members_page(
    db: &Db,
    indexes: &MemberIndexes,
    scope: &MemberScope,
    filter: &MemberFilter,
) -> AppResult<MembersPage> {
    let zone = &scope.session.viewer.time_zone;
    let now = Utc::now();
    let search = index::MemberSearch {
        filter,
        joined_since: filter.created_after.map(|day| zone.start_of_day(day)),
        signed_in_since: match filter.activity {
            Some(Activity::Within(days)) => Some(now - Duration::days(days.into())),
            _ => None,
        },
        now,
        limit: MEMBERS_PAGE_SIZE,
        offset: (filter.page - 1).saturating_mul(MEMBERS_PAGE_SIZE),
    };
    let (records, total) = index::search_members(db, indexes, scope.program_id, &search).await?;
    Ok(MembersPage {
        rows: records.into_iter().map(|r| member_row(r, zone)).collect(),
        total,
        page: filter.page,
        page_count: ((total + MEMBERS_PAGE_SIZE - 1) / MEMBERS_PAGE_SIZE).max(1),
    })
}

pub fn member_row(record: MemberRecord, zone: &Zone) -> MemberRow {
    MemberRow {
        user_id: record.user_id,
        first_name: record.first_name,
        last_name: record.last_name,
        email: record.email,
        role: record.role,
        active: record.is_active,
        completeness: record.completeness,
        last_sign_in: record
            .last_sign_in_at
            .map(|t| LocalDateTime::from_utc(t, zone)),
        relationships: record.relationships,
        // Groups do not exist yet: nobody is in a group.
        groups: 0,
        matches: record.matches,
        mentoring_minutes: i64::from(record.mentoring_minutes),
        member_since: LocalDateTime::from_utc(record.joined_at, zone),
        end_date: (!record.is_active)
            .then_some(record.deactivated_at)
            .flatten()
            .map(|t| LocalDateTime::from_utc(t, zone)),
        member_admin_id: record.member_admin_id,
    }
}

/// One member of the admin's program, for the member panel.
pub async fn member_detail(db: &Db, scope: &MemberScope, user_id: i64) -> AppResult<MemberDetail> {
    let record = repo::find_member(&mut db.read().await?, scope.program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let zone = scope.session.viewer.time_zone;
    Ok(MemberDetail {
        joined: LocalDateTime::from_utc(record.joined_at, &zone),
        language: record.language.clone(),
        is_self: record.user_id == scope.session.viewer.user_id,
        member: member_row(record, &zone),
    })
}

/// The filter lists, administrators, saved filters and column choice of the table.
pub async fn table_setup(db: &Db, scope: &MemberScope) -> AppResult<MembersTableSetup> {
    let program = scope.program_id;
    let admin = scope.session.viewer.user_id;
    let choice = |id: i64, en: &str, fr: &str| FilterChoice {
        id,
        label_en: en.to_string(),
        label_fr: fr.to_string(),
    };
    let items = |list: Vec<crate::profiles::model::ListItem>| {
        list.iter()
            .map(|i| choice(i.id, &i.label_en, &i.label_fr))
            .collect::<Vec<_>>()
    };
    let lists = &mut db.read().await?;
    let custom_fields = profiles_repo::custom_fields(lists, program)
        .await?
        .into_iter()
        .filter(|f| !f.options.is_empty())
        .map(|f| FilterField {
            field: choice(f.id, &f.name_en, &f.name_fr),
            options: f
                .options
                .iter()
                .map(|o| choice(o.id, &o.label_en, &o.label_fr))
                .collect(),
        })
        .collect();
    Ok(MembersTableSetup {
        custom_fields,
        industries: items(profiles_repo::list_entries(lists, program, ListKind::Industry).await?),
        job_functions: items(
            profiles_repo::list_entries(lists, program, ListKind::JobFunction).await?,
        ),
        admins: repo::program_admins(db, program).await?,
        saved: repo::saved_filters(db, program, admin, RECENT_SEARCHES)
            .await?
            .into_iter()
            .map(|(id, name, query)| SavedFilter { id, name, query })
            .collect(),
        columns: MemberColumn::parse_list(&repo::members_columns(db, program, admin).await?),
    })
}

/// "Member admin": one of the program's administrators looks after this member (or none).
pub async fn set_member_admin(
    db: &Db,
    scope: &MemberScope,
    user_id: i64,
    admin_id: Option<i64>,
) -> AppResult<()> {
    if let Some(admin_id) = admin_id {
        let admins = repo::program_admins(db, scope.program_id).await?;
        if !admins.iter().any(|(id, _)| *id == admin_id) {
            return Err(AppError::validation(
                "member_admin",
                ValidationCode::InvalidChoice,
            ));
        }
    }
    let mut tx = db.begin().await?;
    repo::find_member(&mut tx, scope.program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    repo::set_member_admin(&mut tx, scope.program_id, user_id, admin_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Remembers which columns this admin shows (the name always stays).
pub async fn set_columns(
    db: &Db,
    scope: &MemberScope,
    codes: &[String],
) -> AppResult<Vec<MemberColumn>> {
    let mut chosen = Vec::new();
    for code in codes {
        chosen.push(
            MemberColumn::parse(code)
                .ok_or_else(|| AppError::validation("columns", ValidationCode::InvalidChoice))?,
        );
    }
    // Nothing ticked means "the name only", not "everything".
    if chosen.is_empty() {
        chosen.push(MemberColumn::Name);
    }
    let columns = MemberColumn::parse_list(&MemberColumn::list_code(&chosen));
    repo::set_members_columns(
        db,
        scope.program_id,
        scope.session.viewer.user_id,
        &MemberColumn::list_code(&columns),
    )
    .await?;
    Ok(columns)
}

/// "Save search filter": stores the filters (canonical form) under a name.
pub async fn save_filter(
    db: &Db,
    scope: &MemberScope,
    name: &str,
    query: &str,
) -> AppResult<SavedFilter> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::validation(
            "filter_name",
            ValidationCode::Required,
        ));
    }
    if name.chars().count() > SAVED_FILTER_NAME_MAX {
        return Err(AppError::validation("filter_name", ValidationCode::TooLong));
    }
    let query = parse_query(query)?.to_query(false);
    let id = repo::save_filter(
        db,
        scope.program_id,
        scope.session.viewer.user_id,
        name,
        &query,
        Utc::now(),
    )
    .await?;
    Ok(SavedFilter {
        id,
        name: name.to_string(),
        query,
    })
}

pub async fn delete_saved_filter(db: &Db, scope: &MemberScope, id: i64) -> AppResult<()> {
    if repo::delete_saved_filter(db, scope.program_id, scope.session.viewer.user_id, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

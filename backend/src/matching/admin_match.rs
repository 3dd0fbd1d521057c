//! "Match members": an administrator pairs a mentor and a mentee directly. The type-ahead
//! offers active members of one role with their load; the preview shows the pair's
//! compatibility as the mentee's own search scores it; the match is re-checked inside
//! its transaction and needs an explicit confirmation to go past a maximum.
use super::admin::{MatchCandidate, MatchPage, MatchPreview, MATCH_SUGGESTIONS};
use super::compatibility::compatibility;
use super::search::PartnerSearch;
use super::service::{choices, starting_search, Searcher};
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, Refusal, ValidationCode};
use crate::members::filter::MemberFilter;
use crate::members::index::{indexed_member, search_members, MemberIndexes, MemberSearch};
use crate::messaging::template::ADMIN_MATCHED;
use crate::relationships::invitation_repo::{self as pairs, NewRelationship};
use crate::relationships::model::{has_room, InvitationStatus};
use crate::relationships::relationship::tell_both;
use crate::relationships::repo::search_settings;
use chrono::{DateTime, Utc};

/// Active members of `role` whose names or e-mail hold every word typed.
pub async fn match_candidates(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    role: Role,
    typed: &str,
) -> AppResult<Vec<MatchCandidate>> {
    if role == Role::Admin || typed.trim().is_empty() {
        return Ok(Vec::new());
    }
    let filter = MemberFilter {
        search: typed.trim().chars().take(100).collect(),
        role: Some(role),
        active: Some(true),
        ..MemberFilter::default()
    };
    let search = MemberSearch {
        filter: &filter,
        joined_since: None,
        signed_in_since: None,
        now: chrono::Utc::now(),
        limit: MATCH_SUGGESTIONS,
        offset: 0,
    };
    let (records, _) = search_members(db, indexes, program_id, &search).await?;
    let mut tx = db.read().await?;
    let (_, default_max) = search_settings(&mut tx, program_id).await?;
    let mut found = Vec::with_capacity(records.len());
    for r in records {
        found.push(
            candidate(&mut tx, program_id, r.user_id, role, default_max)
                .await?
                .ok_or(AppError::NotFound)?,
        );
    }
    tx.commit().await?;
    Ok(found)
}

/// The member as a candidate of `role`, when they are an active member in that role
/// (`default_max`: the program's number of partners for a profile that sets none).
async fn candidate(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    role: Role,
    default_max: i64,
) -> AppResult<Option<MatchCandidate>> {
    if pairs::active_role(tx, program_id, user_id).await? != Some(role) {
        return Ok(None);
    }
    let Some(person) = pairs::person(tx, program_id, user_id).await? else {
        return Ok(None);
    };
    let email = pairs::email_of(tx, user_id).await?;
    let (partners, own_max) = pairs::partners_and_max(tx, program_id, user_id).await?;
    Ok(Some(MatchCandidate {
        user_id,
        name: format!("{} {}", person.first_name, person.last_name),
        email,
        role,
        partners,
        max_partners: own_max.unwrap_or(default_max),
        has_room: has_room(partners, own_max, default_max),
    }))
}

/// The mentor and the mentee as the administrator is about to match them; a member who is
/// not an active mentor (or mentee) here is refused naming the field.
pub async fn match_preview(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    mentor_id: i64,
    mentee_id: i64,
) -> AppResult<MatchPreview> {
    let mut tx = db.read().await?;
    let (mentor, mentee) = pair(&mut tx, program_id, mentor_id, mentee_id).await?;
    let already_partners = pairs::partners_now(&mut tx, program_id, mentor_id, mentee_id).await?;
    let invitation_pending = pairs::pending_between(&mut tx, program_id, mentor_id, mentee_id)
        .await?
        .is_some();
    // The mentee's own search for mentors: the criteria their Mentors page starts from.
    let searcher = Searcher {
        program_id,
        user_id: mentee_id,
        role: Role::Mentee,
    };
    let choices = choices(&mut tx, searcher, Role::Mentor).await?;
    let search = starting_search(&mut tx, searcher, PartnerSearch::default(), &choices).await?;
    tx.commit().await?;
    let indexed = indexed_member(db, indexes, program_id, mentor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(MatchPreview {
        compatibility: compatibility(&search.criteria, &indexed.candidate()),
        mentor,
        mentee,
        choices,
        already_partners,
        invitation_pending,
    })
}

/// The member the administrator chose as the `role` side; anyone else is refused naming
/// that side's field.
async fn chosen_side(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    role: Role,
    default_max: i64,
) -> AppResult<MatchCandidate> {
    let field = if role == Role::Mentor {
        "mentor"
    } else {
        "mentee"
    };
    candidate(tx, program_id, user_id, role, default_max)
        .await?
        .ok_or_else(|| AppError::validation(field, ValidationCode::InvalidChoice))
}

async fn pair(
    tx: &mut Tx,
    program_id: i64,
    mentor_id: i64,
    mentee_id: i64,
) -> AppResult<(MatchCandidate, MatchCandidate)> {
    let (_, default_max) = search_settings(tx, program_id).await?;
    let mentor = chosen_side(tx, program_id, mentor_id, Role::Mentor, default_max).await?;
    let mentee = chosen_side(tx, program_id, mentee_id, Role::Mentee, default_max).await?;
    Ok((mentor, mentee))
}

/// Matches the mentor and the mentee: the relationship starts now and both are told
/// ("administrator matched you"). Going past either one's maximum is refused unless
/// `confirmed`; an invitation waiting between them is answered by the match.
pub async fn match_pair(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    mentor_id: i64,
    mentee_id: i64,
    confirmed: bool,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let program_id = scope.program_id;
    let mut tx = db.begin().await?;
    pairs::lock_pair(&mut tx, program_id, mentor_id, mentee_id).await?;
    let (mentor, mentee) = pair(&mut tx, program_id, mentor_id, mentee_id).await?;
    if pairs::partners_now(&mut tx, program_id, mentor_id, mentee_id).await? {
        return Err(AppError::Refused(Refusal::AlreadyPartners));
    }
    if (!mentor.has_room || !mentee.has_room) && !confirmed {
        return Err(AppError::Refused(Refusal::OverCapacity));
    }
    let invitation_id =
        match pairs::pending_between(&mut tx, program_id, mentor_id, mentee_id).await? {
            Some(id) if pairs::close(&mut tx, id, InvitationStatus::Accepted, "", now).await? => {
                Some(id)
            }
            _ => None,
        };
    let relationship = pairs::insert_relationship(
        &mut tx,
        &NewRelationship {
            program_id,
            mentor_id,
            mentee_id,
            invitation_id,
            matched_by: Some(scope.session.viewer.user_id),
            started_at: now,
        },
    )
    .await?;
    let pair = (mentor_id, mentee_id);
    tell_both(
        &mut tx,
        base_url,
        program_id,
        ADMIN_MATCHED,
        relationship,
        pair,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(relationship)
}

/// The page for the typed words and the chosen pair: the people offered on each side
/// (the chosen one first, always offered) and, when both are chosen, the preview.
pub async fn match_page(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    typed: (&str, &str),
    chosen: (Option<i64>, Option<i64>),
) -> AppResult<MatchPage> {
    // Both chosen: the preview has read them already.
    let preview = match chosen {
        (Some(mentor), Some(mentee)) => {
            Some(match_preview(db, indexes, program_id, mentor, mentee).await?)
        }
        _ => None,
    };
    let mut sides = Vec::with_capacity(2);
    for (role, typed, chosen_id) in [
        (Role::Mentor, typed.0, chosen.0),
        (Role::Mentee, typed.1, chosen.1),
    ] {
        let mut offered = match_candidates(db, indexes, program_id, role, typed).await?;
        if let Some(id) = chosen_id {
            offered.retain(|c| c.user_id != id);
            let picked = match &preview {
                Some(p) if role == Role::Mentor => p.mentor.clone(),
                Some(p) => p.mentee.clone(),
                None => {
                    let mut tx = db.read().await?;
                    let (_, default_max) = search_settings(&mut tx, program_id).await?;
                    let picked = chosen_side(&mut tx, program_id, id, role, default_max).await?;
                    tx.commit().await?;
                    picked
                }
            };
            offered.insert(0, picked);
        }
        sides.push(offered);
    }
    let mentees = sides.pop().unwrap_or_default();
    let mentors = sides.pop().unwrap_or_default();
    Ok(MatchPage {
        mentors,
        mentees,
        preview,
    })
}

//! Profile completeness: stored with each membership so the members table can filter and
//! sort on it, and recomputed whenever one of its inputs changes (a profile, a list, a
//! field rule).
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult};
use crate::profiles::fields::{builtin_rules, completeness, FieldRule};
use crate::profiles::repo::{self, CompletenessChange};

/// The built-in fields' rules in force in the program (its own rule or the default), in
/// form order.
pub async fn builtin_rules_in(tx: &mut Tx, program_id: i64) -> AppResult<Vec<FieldRule>> {
    Ok(builtin_rules(
        &repo::builtin_rule_overrides(tx, program_id).await?,
    ))
}

/// Every rule that decides completeness in the program: the built-in fields' and its
/// custom fields'.
pub async fn rules_in(tx: &mut Tx, program_id: i64) -> AppResult<Vec<FieldRule>> {
    let mut rules = builtin_rules_in(tx, program_id).await?;
    rules.extend(repo::custom_field_rules(tx, program_id).await?);
    Ok(rules)
}

/// The same, read on its own.
pub async fn completeness_rules(db: &Db, program_id: i64) -> AppResult<Vec<FieldRule>> {
    rules_in(&mut db.read().await?, program_id).await
}

/// Members read per query while recomputing: bounds memory at any program size.
const FACTS_CHUNK: usize = 5_000;

/// The figures that differ from the stored ones among `members` (ids in any order): the
/// rules are read once, facts a chunk of members at a time.
async fn changes(
    tx: &mut Tx,
    program_id: i64,
    members: &[i64],
) -> AppResult<Vec<CompletenessChange>> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let rules = rules_in(tx, program_id).await?;
    let mut ids = members.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut changes = Vec::new();
    for chunk in ids.chunks(FACTS_CHUNK) {
        // A range may also hold members not asked for; recomputing them is harmless.
        let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
        for member in repo::facts_in_range(tx, program_id, first - 1, last).await? {
            let now = completeness(member.role, &rules, &member.filled);
            if now != member.stored {
                changes.push(CompletenessChange {
                    user_id: member.user_id,
                    was: member.stored,
                    now,
                });
            }
        }
    }
    Ok(changes)
}

/// Recomputes several members of one program inside the caller's transaction, so the
/// figures commit with the change that moved them. Returns how many changed.
pub async fn refresh_members(tx: &mut Tx, program_id: i64, members: &[i64]) -> AppResult<usize> {
    let changes = changes(tx, program_id, members).await?;
    repo::store_completeness(tx, program_id, &changes).await?;
    Ok(changes.len())
}

/// Recomputes one member (a mentor or mentee of the program) inside the caller's
/// transaction and returns the figure.
pub async fn refresh_member(tx: &mut Tx, program_id: i64, user_id: i64) -> AppResult<u8> {
    let rules = rules_in(tx, program_id).await?;
    let facts = repo::facts_in_range(tx, program_id, user_id - 1, user_id).await?;
    let member = facts.first().ok_or(AppError::NotFound)?;
    let now = completeness(member.role, &rules, &member.filled);
    if now != member.stored {
        let change = CompletenessChange {
            user_id,
            was: member.stored,
            now,
        };
        repo::store_completeness(tx, program_id, &[change]).await?;
    }
    Ok(now)
}

/// Recomputes the person in every program where they have a profile (mentor or mentee),
/// inside the caller's transaction: after a change to what all their profiles share
/// (names, place, languages, photo).
pub async fn refresh_person(tx: &mut Tx, user_id: i64) -> AppResult<()> {
    for program_id in repo::profile_programs(tx, user_id).await? {
        refresh_member(tx, program_id, user_id).await?;
    }
    Ok(())
}

/// One member in a transaction of its own.
pub async fn refresh_completeness(db: &Db, program_id: i64, user_id: i64) -> AppResult<u8> {
    let mut tx = db.begin().await?;
    let now = refresh_member(&mut tx, program_id, user_id).await?;
    tx.commit().await?;
    Ok(now)
}

/// What a program-wide recalculation did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recalculated {
    pub members: usize,
    pub changed: usize,
}

/// Recomputes every member of the program: after a field rule changes, after seeding, and
/// for the admin's "Recalculate". The facts are read without the write lock (a whole
/// program takes a while); a member who saves meanwhile keeps the figure their save
/// stored (`store_completeness` only replaces the value it was computed against).
pub async fn refresh_program_completeness(db: &Db, program_id: i64) -> AppResult<Recalculated> {
    let (members, changes) = {
        let mut read = db.read().await?;
        let members = repo::profile_members(&mut read, program_id).await?;
        let changes = changes(&mut read, program_id, &members).await?;
        (members.len(), changes)
    };
    let mut tx = db.begin().await?;
    repo::store_completeness(&mut tx, program_id, &changes).await?;
    tx.commit().await?;
    Ok(Recalculated {
        members,
        changed: changes.len(),
    })
}

//! The members table's index: each program's members held in memory, so any combination
//! of filters, any sort and the match count answer in a few milliseconds at 100,000
//! members. (In SQL each filter combination wanted its own index, and counting read every
//! match: p95 was 120-160 ms.)
//!
//! Every app instance keeps its own copy. Before each search it reads the program's
//! version (migration 0006: triggers bump it with every change to a member, whatever
//! writes it) and loads only the members changed since its copy, so several instances
//! behind one database always answer from current data. The rows shown are then read
//! from the database by key.
use super::repo::{self, MemberRecord};
use crate::db::Db;
use crate::members::filter::MemberFilter;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

mod member;
mod partners;
mod table;
#[cfg(test)]
mod tests;

pub use member::{IndexedMember, IndexedPosition};
pub use partners::{PartnerHit, PartnerQuery};
use table::Members;

/// What the members table asks for, with the admin's dates already turned into instants.
pub struct MemberSearch<'a> {
    pub filter: &'a MemberFilter,
    /// Joined on or after (start of the chosen day in the admin's zone).
    pub joined_since: Option<DateTime<Utc>>,
    /// "Signed in within N days": the cut-off instant.
    pub signed_in_since: Option<DateTime<Utc>>,
    /// Now: mentoring hours count the meetings over by then.
    pub now: DateTime<Utc>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of the members table and how many members match in all.
pub async fn search_members(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    search: &MemberSearch<'_>,
) -> sqlx::Result<(Vec<MemberRecord>, i64)> {
    let index = indexes.program(program_id);
    index.catch_up(db, program_id).await?;
    let (ids, total, minutes) = {
        let members = index.read();
        let (ids, total) = members.search(search);
        let minutes: HashMap<i64, u32> = ids
            .iter()
            .filter_map(|id| Some((*id, members.by_user(*id)?.mentoring_minutes(search.now))))
            .collect();
        (ids, total, minutes)
    };
    let mut rows = repo::members_by_id(db, program_id, &ids).await?;
    rows.sort_by_key(|r| ids.iter().position(|id| *id == r.user_id));
    for row in &mut rows {
        row.mentoring_minutes = minutes.get(&row.user_id).copied().unwrap_or(0);
    }
    Ok((rows, total))
}

/// One page of partner search results from the program's copy, and how many in all.
pub async fn search_partners(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    query: &PartnerQuery<'_>,
) -> sqlx::Result<(Vec<PartnerHit>, usize)> {
    let index = indexes.program(program_id);
    index.catch_up(db, program_id).await?;
    let found = index.read().partners(query);
    Ok(found)
}

/// A member's mentoring hours at `now`, in minutes (none when not a member).
pub async fn mentoring_minutes(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<u32> {
    Ok(indexed_member(db, indexes, program_id, user_id)
        .await?
        .map_or(0, |m| m.mentoring_minutes(now)))
}

/// One member as the program's copy holds them (their search text aside), or none
/// when they are not a member.
pub async fn indexed_member(
    db: &Db,
    indexes: &MemberIndexes,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<IndexedMember>> {
    let index = indexes.program(program_id);
    index.catch_up(db, program_id).await?;
    let members = index.read();
    Ok(members.by_user(user_id).cloned())
}

/// A program's copy is dropped after this long unused (memory goes back; the next search
/// loads it again).
const IDLE: Duration = Duration::from_secs(30 * 60);

/// Pages up to this far are picked in one pass; deeper ones partition every match.
const TOP_K_UP_TO: usize = 1_000;

/// This many changed members or more since the copy: load the whole program again.
const RELOAD_AT: usize = 5_000;

/// The copies of one app instance, by program: part of the instance's state (each
/// instance has its own; the database is shared).
#[derive(Default)]
pub struct MemberIndexes {
    programs: Mutex<HashMap<i64, Arc<ProgramIndex>>>,
}

impl std::fmt::Debug for MemberIndexes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemberIndexes")
    }
}

impl MemberIndexes {
    fn program(&self, program_id: i64) -> Arc<ProgramIndex> {
        let now = Instant::now();
        let mut programs = self.programs.lock().unwrap_or_else(|e| e.into_inner());
        programs.retain(|id, index| *id == program_id || !index.idle(now));
        let index = programs.entry(program_id).or_default().clone();
        *index.last_used.lock().unwrap_or_else(|e| e.into_inner()) = now;
        index
    }

    /// Loads the copies of the large programs now, so the first search after a start does
    /// not wait for them (a small program loads in a few milliseconds anyway).
    pub async fn warm(&self, db: &Db) -> sqlx::Result<usize> {
        let programs = repo::large_programs(db, 2_000).await?;
        for program_id in &programs {
            self.program(*program_id).catch_up(db, *program_id).await?;
        }
        Ok(programs.len())
    }
}

struct ProgramIndex {
    /// One loader at a time; searches keep reading the previous copy meanwhile.
    refresh: tokio::sync::Mutex<()>,
    members: RwLock<Members>,
    last_used: Mutex<Instant>,
}

impl Default for ProgramIndex {
    fn default() -> Self {
        ProgramIndex {
            refresh: tokio::sync::Mutex::new(()),
            members: RwLock::default(),
            last_used: Mutex::new(Instant::now()),
        }
    }
}

impl ProgramIndex {
    fn idle(&self, now: Instant) -> bool {
        let last = *self.last_used.lock().unwrap_or_else(|e| e.into_inner());
        now.duration_since(last) > IDLE
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Members> {
        self.members.read().unwrap_or_else(|e| e.into_inner())
    }

    fn known_version(&self) -> Option<i64> {
        self.read().version
    }

    /// Brings the copy up to the database's current version.
    async fn catch_up(&self, db: &Db, program_id: i64) -> sqlx::Result<()> {
        // Read before the members: rows loaded afterwards are at least this recent.
        let version = repo::member_index_version(db, program_id).await?;
        if self.known_version().is_some_and(|known| known >= version) {
            return Ok(());
        }
        let _loading = self.refresh.lock().await;
        let changed = match self.known_version() {
            Some(known) if known >= version => return Ok(()),
            Some(known) => {
                let changed =
                    repo::changed_members(db, program_id, known, RELOAD_AT as i64).await?;
                (changed.len() < RELOAD_AT).then_some(changed)
            }
            None => None,
        };
        let rows = repo::index_rows(db, program_id, changed.as_deref()).await?;
        let loaded = rows.into_members();
        let mut members = self.members.write().unwrap_or_else(|e| e.into_inner());
        match changed {
            Some(changed) => members.apply(&changed, loaded),
            None => members.replace(loaded),
        }
        members.version = Some(version);
        Ok(())
    }
}

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
use super::repo::{self, IndexRow, IndexRows, MemberRecord};
use crate::auth::model::Role;
use crate::db::Db;
use crate::fold::{person_search_text, person_sort_key};
use crate::members::filter::{Activity, MemberColumn, MemberFilter, RelationshipFilter};
use chrono::{DateTime, Utc};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// What the members table asks for, with the admin's dates already turned into instants.
pub struct MemberSearch<'a> {
    pub filter: &'a MemberFilter,
    /// Joined on or after (start of the chosen day in the admin's zone).
    pub joined_since: Option<DateTime<Utc>>,
    /// "Signed in within N days": the cut-off instant.
    pub signed_in_since: Option<DateTime<Utc>>,
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
    let (ids, total) = index.read().search(search);
    let mut rows = repo::members_by_id(db, program_id, &ids).await?;
    rows.sort_by_key(|r| ids.iter().position(|id| *id == r.user_id));
    Ok((rows, total))
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

/// Where a member worked: what the sector and job-function filters read.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPosition {
    pub industry: Option<i64>,
    pub job_function: Option<i64>,
    pub current: bool,
}

/// One member as the filters and sorts see them. Instants are Unix microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedMember {
    pub user_id: i64,
    pub role: Role,
    /// The membership's own switch (the "Active" column).
    pub is_active: bool,
    /// The person's account (off when an account is closed everywhere).
    pub person_active: bool,
    pub completeness: i64,
    pub joined_at: i64,
    pub deactivated_at: Option<i64>,
    pub last_sign_in_at: Option<i64>,
    /// "last first", folded (`fold::person_sort_key`): "Émile" sorts next to "Emma".
    pub name_key: String,
    /// The same, accents kept: breaks ties in a stable order.
    pub sort_name: String,
    pub email: String,
    /// Names and e-mail, folded: every folded search word must be in it. Moved into the
    /// copy's text block when the member is taken in (empty afterwards).
    pub search_text: String,
    /// Custom field answers: (field, option; none for a free-text answer).
    pub answers: Vec<(i64, Option<i64>)>,
    pub positions: Vec<IndexedPosition>,
    /// Active mentoring relationships.
    pub relationships: i64,
    /// Relationships ever started (active or completed).
    pub matches: i64,
}

impl IndexRow {
    pub fn member(self) -> IndexedMember {
        let micros = |t: DateTime<Utc>| t.timestamp_micros();
        IndexedMember {
            user_id: self.user_id,
            name_key: person_sort_key(&self.first_name, &self.last_name),
            search_text: person_search_text(&self.first_name, &self.last_name, &self.email),
            sort_name: format!("{} {}", self.last_name, self.first_name).to_lowercase(),
            role: self.role,
            is_active: self.is_active,
            person_active: self.person_active,
            completeness: self.completeness,
            joined_at: micros(self.joined_at),
            deactivated_at: self.deactivated_at.map(micros),
            last_sign_in_at: self.last_sign_in_at.map(micros),
            email: self.email.to_lowercase(),
            answers: Vec::new(),
            positions: Vec::new(),
            relationships: 0,
            matches: 0,
        }
    }
}

impl IndexRows {
    pub fn into_members(self) -> Vec<IndexedMember> {
        let mut members: Vec<IndexedMember> =
            self.members.into_iter().map(IndexRow::member).collect();
        let at: HashMap<i64, usize> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.user_id, i))
            .collect();
        for (user_id, field, option) in self.answers {
            if let Some(&i) = at.get(&user_id) {
                members[i].answers.push((field, option));
            }
        }
        for (user_id, industry, job_function, current) in self.positions {
            if let Some(&i) = at.get(&user_id) {
                members[i].positions.push(IndexedPosition {
                    industry,
                    job_function,
                    current,
                });
            }
        }
        for (mentor, mentee, status) in &self.relationships {
            for user_id in [mentor, mentee] {
                if let Some(&i) = at.get(user_id) {
                    members[i].matches += i64::from(status.is_match());
                    members[i].relationships += i64::from(status.is_current());
                }
            }
        }
        members
    }
}

/// What most filters and every sort read, packed small and stored in one array so a
/// pass over 100,000 members stays in the processor's cache. `i64::MIN` is "no date".
#[derive(Debug, Clone, Copy)]
struct Hot {
    user_id: i64,
    /// The first sixteen bytes of the folded name and of the e-mail: most comparisons end
    /// here, without reading the strings.
    name_prefix: u128,
    email_prefix: u128,
    /// The whole folded name is in the prefix, and it had no accents to fold: equal
    /// prefixes then mean equal names.
    name_in_prefix: bool,
    joined_at: i64,
    last_sign_in_at: i64,
    deactivated_at: i64,
    completeness: i64,
    relationships: i64,
    matches: i64,
    role: u8,
    is_active: bool,
    person_active: bool,
    has_current_position: bool,
}

const NO_DATE: i64 = i64::MIN;

fn prefix(text: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (b, t) in bytes.iter_mut().zip(text.bytes()) {
        *b = t;
    }
    u128::from_be_bytes(bytes)
}

fn role_code(role: Role) -> u8 {
    // Alphabetical, as the role column sorts.
    match role {
        Role::Admin => 0,
        Role::Mentee => 1,
        Role::Mentor => 2,
    }
}

impl Hot {
    fn of(m: &IndexedMember) -> Hot {
        Hot {
            user_id: m.user_id,
            name_prefix: prefix(&m.name_key),
            email_prefix: prefix(&m.email),
            name_in_prefix: m.name_key.len() <= 16 && m.name_key == m.sort_name,
            joined_at: m.joined_at,
            last_sign_in_at: m.last_sign_in_at.unwrap_or(NO_DATE),
            deactivated_at: m.deactivated_at.unwrap_or(NO_DATE),
            completeness: m.completeness,
            relationships: m.relationships,
            matches: m.matches,
            role: role_code(m.role),
            is_active: m.is_active,
            person_active: m.person_active,
            has_current_position: m.positions.iter().any(|p| p.current),
        }
    }
}

/// A program's members as last loaded; `hot[i]` packs `rows[i]`, and `texts[i]` is where
/// its search text sits in `text`.
#[derive(Default)]
pub struct Members {
    /// The program's version this copy reflects; none until loaded.
    version: Option<i64>,
    rows: Vec<IndexedMember>,
    hot: Vec<Hot>,
    /// Every member's search text one after the other, so a search reads one block of
    /// memory. A changed member's text is appended; the block is rewritten when more than
    /// half of it is old.
    text: String,
    texts: Vec<(u32, u32)>,
    by_user: HashMap<i64, usize>,
}

impl Members {
    pub fn new(rows: Vec<IndexedMember>) -> Members {
        let mut members = Members::default();
        members.replace(rows);
        members
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn replace(&mut self, mut rows: Vec<IndexedMember>) {
        self.by_user = rows
            .iter()
            .enumerate()
            .map(|(i, m)| (m.user_id, i))
            .collect();
        self.hot = rows.iter().map(Hot::of).collect();
        self.text.clear();
        self.texts.clear();
        for m in &mut rows {
            let at = self.append_text(std::mem::take(&mut m.search_text));
            self.texts.push(at);
        }
        self.rows = rows;
    }

    fn append_text(&mut self, text: String) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(&text);
        (start, self.text.len() as u32)
    }

    fn text_of(&self, i: usize) -> &[u8] {
        let (start, end) = self.texts[i];
        &self.text.as_bytes()[start as usize..end as usize]
    }

    fn compact_text(&mut self) {
        let live: usize = self.texts.iter().map(|(s, e)| (e - s) as usize).sum();
        if self.text.len() > 2 * live + 4096 {
            let old = std::mem::take(&mut self.text);
            for at in self.texts.iter_mut() {
                let start = self.text.len() as u32;
                self.text.push_str(&old[at.0 as usize..at.1 as usize]);
                *at = (start, self.text.len() as u32);
            }
        }
    }

    /// Takes in the current state of the `changed` members: `fresh` holds those still in
    /// the program; the others have left it.
    pub fn apply(&mut self, changed: &[i64], fresh: Vec<IndexedMember>) {
        let mut fresh: HashMap<i64, IndexedMember> =
            fresh.into_iter().map(|m| (m.user_id, m)).collect();
        for user_id in changed {
            match (self.by_user.get(user_id).copied(), fresh.remove(user_id)) {
                (Some(i), Some(mut member)) => {
                    self.hot[i] = Hot::of(&member);
                    self.texts[i] = self.append_text(std::mem::take(&mut member.search_text));
                    self.rows[i] = member;
                }
                (None, Some(mut member)) => {
                    self.by_user.insert(member.user_id, self.rows.len());
                    self.hot.push(Hot::of(&member));
                    let at = self.append_text(std::mem::take(&mut member.search_text));
                    self.texts.push(at);
                    self.rows.push(member);
                }
                (Some(i), None) => {
                    self.by_user.remove(user_id);
                    self.rows.swap_remove(i);
                    self.hot.swap_remove(i);
                    self.texts.swap_remove(i);
                    if let Some(moved) = self.rows.get(i) {
                        self.by_user.insert(moved.user_id, i);
                    }
                }
                (None, None) => {}
            }
        }
        self.compact_text();
    }

    /// The ids of the requested page, in order, and the number of matches.
    pub fn search(&self, search: &MemberSearch<'_>) -> (Vec<i64>, i64) {
        let test = Test::new(search);
        let offset = usize::try_from(search.offset).unwrap_or(0);
        let limit = usize::try_from(search.limit).unwrap_or(0);
        let wanted = offset.saturating_add(limit);
        let (sort, descending) = (search.filter.sort, search.filter.descending);
        let order = |a: &u32, b: &u32| self.compare(*a as usize, *b as usize, sort, descending);
        let matching = (0..self.rows.len() as u32).filter(|&i| {
            let i = i as usize;
            test.passes(&self.hot[i]) && test.finds(self.text_of(i)) && test.lists(&self.rows[i])
        });
        let mut total = 0;
        let mut first: Vec<u32> = Vec::with_capacity(wanted.min(TOP_K_UP_TO) + 1);
        if wanted <= TOP_K_UP_TO {
            // Early pages: keep the best `wanted` in order while counting; most members
            // cost one comparison with the last kept.
            for i in matching {
                total += 1;
                if first.len() == wanted
                    && first
                        .last()
                        .is_none_or(|last| order(&i, last) != Ordering::Less)
                {
                    continue;
                }
                let at = first.partition_point(|kept| order(kept, &i) == Ordering::Less);
                first.insert(at, i);
                first.truncate(wanted);
            }
        } else {
            // Deep pages: partition around the last wanted one, then sort those.
            first = matching.collect();
            total = first.len();
            if wanted < total {
                first.select_nth_unstable_by(wanted - 1, order);
                first.truncate(wanted);
            }
            first.sort_unstable_by(order);
        }
        let ids = first
            .get(offset..)
            .unwrap_or_default()
            .iter()
            .map(|&i| self.hot[i as usize].user_id)
            .collect();
        (ids, total as i64)
    }

    /// The table's order for a column: no date last either way, then the name, then the
    /// id, so pages never overlap.
    fn compare(&self, a: usize, b: usize, sort: MemberColumn, descending: bool) -> Ordering {
        let (x, y) = (&self.hot[a], &self.hot[b]);
        let directed = |o: Ordering| if descending { o.reverse() } else { o };
        let name = || {
            x.name_prefix.cmp(&y.name_prefix).then_with(|| {
                if x.name_in_prefix && y.name_in_prefix {
                    return Ordering::Equal;
                }
                let (m, n) = (&self.rows[a], &self.rows[b]);
                m.name_key
                    .cmp(&n.name_key)
                    .then_with(|| m.sort_name.cmp(&n.sort_name))
            })
        };
        let dated = |p: i64, q: i64| match (p == NO_DATE, q == NO_DATE) {
            (false, false) => directed(p.cmp(&q)),
            (false, true) => Ordering::Less,
            (true, false) => Ordering::Greater,
            (true, true) => Ordering::Equal,
        };
        let key = match sort {
            MemberColumn::Email => directed(
                x.email_prefix
                    .cmp(&y.email_prefix)
                    .then_with(|| self.rows[a].email.cmp(&self.rows[b].email)),
            ),
            MemberColumn::Completeness => {
                directed(x.completeness.cmp(&y.completeness).then_with(name))
            }
            MemberColumn::LastSignIn => dated(x.last_sign_in_at, y.last_sign_in_at),
            MemberColumn::Relationships => {
                directed(x.relationships.cmp(&y.relationships).then_with(name))
            }
            MemberColumn::Matches => directed(x.matches.cmp(&y.matches).then_with(name)),
            MemberColumn::Role => directed(x.role.cmp(&y.role).then_with(name)),
            MemberColumn::MemberSince => directed(x.joined_at.cmp(&y.joined_at)),
            MemberColumn::EndDate => {
                dated(x.deactivated_at, y.deactivated_at).then_with(|| directed(name()))
            }
            MemberColumn::Active => directed(x.is_active.cmp(&y.is_active).then_with(name)),
            MemberColumn::Name
            | MemberColumn::Groups
            | MemberColumn::Hours
            | MemberColumn::MemberAdmin => directed(name()),
        };
        key.then_with(|| directed(x.user_id.cmp(&y.user_id)))
    }
}

/// A search's conditions, prepared once for every member.
struct Test<'a> {
    filter: &'a MemberFilter,
    role: Option<u8>,
    words: Vec<memchr::memmem::Finder<'static>>,
    joined_since: Option<i64>,
    signed_in_since: Option<i64>,
}

impl<'a> Test<'a> {
    fn new(search: &MemberSearch<'a>) -> Test<'a> {
        Test {
            filter: search.filter,
            role: search.filter.role.map(role_code),
            words: search
                .filter
                .search_words()
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
            joined_since: search.joined_since.map(|t| t.timestamp_micros()),
            signed_in_since: search.signed_in_since.map(|t| t.timestamp_micros()),
        }
    }

    /// The packed conditions: checked first, the rest is read only when they hold.
    fn passes(&self, h: &Hot) -> bool {
        let f = self.filter;
        if self.role.is_some_and(|role| h.role != role)
            || f.completeness_below
                .is_some_and(|below| h.completeness >= below)
            || self.joined_since.is_some_and(|since| h.joined_at < since)
            || f.active
                .is_some_and(|active| active != (h.is_active && h.person_active))
        {
            return false;
        }
        let activity = match (f.activity, self.signed_in_since) {
            (Some(Activity::Never), _) => h.last_sign_in_at == NO_DATE,
            (Some(Activity::Within(_)), Some(since)) => {
                h.last_sign_in_at != NO_DATE && h.last_sign_in_at >= since
            }
            _ => true,
        };
        let relationship = match f.relationship {
            Some(RelationshipFilter::Active) => h.relationships > 0,
            Some(RelationshipFilter::None) => h.relationships == 0,
            None => true,
        };
        let current = !f.current_only
            || h.has_current_position
            || !(f.industries.is_empty() && f.job_functions.is_empty());
        activity && relationship && current
    }

    /// Every search word is in the member's names or e-mail.
    fn finds(&self, text: &[u8]) -> bool {
        self.words.iter().all(|w| w.find(text).is_some())
    }

    /// Custom field answers, sectors and job functions.
    fn lists(&self, m: &IndexedMember) -> bool {
        let f = self.filter;
        if (f.field.is_some() || f.option.is_some())
            && !m.answers.iter().any(|(field, option)| {
                f.field.is_none_or(|f| f == *field) && f.option.is_none_or(|o| Some(o) == *option)
            })
        {
            return false;
        }
        let worked_in = |list: &[i64], of: fn(&IndexedPosition) -> Option<i64>| {
            m.positions.iter().any(|p| {
                (p.current || !f.current_only) && of(p).is_some_and(|id| list.contains(&id))
            })
        };
        (f.industries.is_empty() || worked_in(&f.industries, |p| p.industry))
            && (f.job_functions.is_empty() || worked_in(&f.job_functions, |p| p.job_function))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::filter::parse_query;

    fn member(user_id: i64, name: &str, role: &str) -> IndexedMember {
        let sort_name = name.to_lowercase();
        IndexedMember {
            user_id,
            role: Role::parse(role).unwrap(),
            is_active: true,
            person_active: true,
            completeness: 50,
            joined_at: 1_000,
            deactivated_at: None,
            last_sign_in_at: None,
            name_key: crate::fold::fold(&sort_name),
            email: format!("{}@example.test", sort_name.replace(' ', ".")),
            search_text: crate::fold::fold(&sort_name),
            sort_name,
            answers: Vec::new(),
            positions: Vec::new(),
            relationships: 0,
            matches: 0,
        }
    }

    fn ids(members: &Members, query: &str, offset: i64, limit: i64) -> (Vec<i64>, i64) {
        let filter = parse_query(query).unwrap();
        members.search(&MemberSearch {
            filter: &filter,
            joined_since: None,
            signed_in_since: None,
            limit,
            offset,
        })
    }

    #[test]
    fn names_sort_with_accents_folded_and_ids_break_ties() {
        let members = Members::new(vec![
            member(1, "Zola Ann", "mentor"),
            member(2, "Émond Lea", "mentee"),
            member(3, "Eddy Bo", "mentee"),
            member(4, "Eddy Bo", "mentor"),
            member(5, "Fabre Max", "mentee"),
        ]);
        assert_eq!(ids(&members, "", 0, 10), (vec![3, 4, 2, 5, 1], 5));
        assert_eq!(ids(&members, "dir=desc", 0, 10), (vec![1, 5, 2, 4, 3], 5));
    }

    #[test]
    fn pages_are_slices_of_one_order_whatever_the_page_size() {
        // Early pages are picked in one pass, deep ones (past TOP_K_UP_TO) by partition.
        let members = Members::new(
            (0..1500)
                .map(|i| member(i, &format!("N{:04} X", (i * 37) % 700), "mentee"))
                .collect(),
        );
        let (all, total) = ids(&members, "", 0, 1500);
        assert_eq!(total, 1500);
        let mut expected = members.hot.clone();
        expected.sort_by_key(|h| ((h.user_id * 37) % 700, h.user_id));
        assert_eq!(all, expected.iter().map(|h| h.user_id).collect::<Vec<_>>());
        let mut paged = Vec::new();
        for page in 0..6 {
            let (ids, total) = ids(&members, "", page * 300, 300);
            assert_eq!(total, 1500);
            paged.extend(ids);
        }
        assert_eq!(paged, all);
        assert_eq!(ids(&members, "", 4000, 30), (vec![], 1500));
    }

    #[test]
    fn missing_values_sort_last_in_both_directions() {
        let mut a = member(1, "A A", "mentee");
        a.last_sign_in_at = Some(10);
        let b = member(2, "B B", "mentee");
        let mut c = member(3, "C C", "mentee");
        c.last_sign_in_at = Some(20);
        let members = Members::new(vec![a, b, c]);
        assert_eq!(ids(&members, "sort=last_sign_in", 0, 5).0, vec![1, 3, 2]);
        assert_eq!(
            ids(&members, "sort=last_sign_in&dir=desc", 0, 5).0,
            vec![3, 1, 2]
        );
    }

    #[test]
    fn every_condition_must_hold() {
        let mut a = member(1, "Roy Ana", "mentor");
        a.answers = vec![(7, Some(70))];
        a.positions = vec![IndexedPosition {
            industry: Some(3),
            job_function: None,
            current: false,
        }];
        a.relationships = 1;
        let mut b = member(2, "Roy Bea", "mentor");
        b.answers = vec![(7, Some(71))];
        b.positions = vec![IndexedPosition {
            industry: Some(3),
            job_function: Some(9),
            current: true,
        }];
        b.completeness = 90;
        let c = member(3, "Lee Ana", "mentee");
        let members = Members::new(vec![a, b, c]);
        assert_eq!(ids(&members, "q=ana", 0, 5).0, vec![3, 1]);
        assert_eq!(ids(&members, "q=roy%20ana", 0, 5).0, vec![1]);
        assert_eq!(ids(&members, "role=mentor&field=7", 0, 5).0, vec![1, 2]);
        assert_eq!(ids(&members, "field=7&option=71", 0, 5).0, vec![2]);
        assert_eq!(ids(&members, "industry=3", 0, 5).0, vec![1, 2]);
        assert_eq!(ids(&members, "industry=3&current=1", 0, 5).0, vec![2]);
        assert_eq!(ids(&members, "current=1", 0, 5).0, vec![2]);
        assert_eq!(ids(&members, "below=60", 0, 5).0, vec![3, 1]);
        assert_eq!(ids(&members, "relationship=active", 0, 5).0, vec![1]);
        assert_eq!(
            ids(&members, "relationship=none&role=mentor", 0, 5).0,
            vec![2]
        );
    }

    #[test]
    fn changes_replace_add_and_remove_members() {
        let mut members = Members::new(vec![
            member(1, "A A", "mentee"),
            member(2, "B B", "mentee"),
            member(3, "C C", "mentee"),
        ]);
        members.apply(
            &[1, 4, 9],
            vec![member(4, "D D", "mentor"), member(9, "AA Z", "mentee")],
        );
        assert_eq!(ids(&members, "", 0, 10), (vec![9, 2, 3, 4], 4));
        // The member moved into the removed one's place is still found by id.
        members.apply(&[4], vec![member(4, "0 First", "mentor")]);
        assert_eq!(ids(&members, "role=mentor", 0, 10), (vec![4], 1));
        assert_eq!(members.len(), 4);
        // Renamed many times: the search reads the latest name only, and the text block
        // is rewritten instead of growing.
        for n in 0..500 {
            members.apply(&[2], vec![member(2, &format!("Renamed{n} B"), "mentee")]);
        }
        assert_eq!(ids(&members, "q=renamed499", 0, 10), (vec![2], 1));
        assert_eq!(ids(&members, "q=renamed498", 0, 10), (vec![], 0));
        assert!(members.text.len() < 4096 + 2 * 100);
    }
}

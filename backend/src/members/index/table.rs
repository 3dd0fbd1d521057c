//! A program's members packed for one pass per search: every filter, the sort and the
//! count read the same cache-friendly array.
use super::{IndexedMember, IndexedPosition, MemberSearch, TOP_K_UP_TO};
use crate::auth::model::Role;
use crate::members::filter::{Activity, MemberColumn, MemberFilter, RelationshipFilter};
use std::cmp::Ordering;
use std::collections::HashMap;

/// What most filters and every sort read, packed small and stored in one array so a
/// pass over 100,000 members stays in the processor's cache. `i64::MIN` is "no date".
#[derive(Debug, Clone, Copy)]
pub(super) struct Hot {
    pub(super) user_id: i64,
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
    pub(super) relationships: i64,
    matches: i64,
    pub(super) role: u8,
    pub(super) is_active: bool,
    pub(super) person_active: bool,
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

pub(super) fn role_code(role: Role) -> u8 {
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
    pub(super) version: Option<i64>,
    pub(super) rows: Vec<IndexedMember>,
    pub(super) hot: Vec<Hot>,
    /// Every member's search text one after the other, so a search reads one block of
    /// memory. A changed member's text is appended; the block is rewritten when more than
    /// half of it is old.
    pub(super) text: String,
    texts: Vec<(u32, u32)>,
    by_user: HashMap<i64, usize>,
}

impl Members {
    #[cfg(test)]
    pub(super) fn new(rows: Vec<IndexedMember>) -> Members {
        let mut members = Members::default();
        members.replace(rows);
        members
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    pub(super) fn replace(&mut self, mut rows: Vec<IndexedMember>) {
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

    pub(super) fn by_user(&self, user_id: i64) -> Option<&IndexedMember> {
        self.by_user.get(&user_id).map(|&i| &self.rows[i])
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
        // Mentoring hours depend on the time (a meeting counts once it is over): computed
        // for this search, only when it filters or sorts on them.
        let f = search.filter;
        let minutes: Option<Vec<u32>> = (f.hours_min.is_some()
            || f.hours_max.is_some()
            || sort == MemberColumn::Hours)
            .then(|| {
                self.rows
                    .iter()
                    .map(|m| m.mentoring_minutes(search.now))
                    .collect()
            });
        let minutes = minutes.as_deref();
        let order = |a: &u32, b: &u32| {
            self.compare_at(*a as usize, *b as usize, (sort, descending), minutes)
        };
        let matching = (0..self.rows.len() as u32).filter(|&i| {
            let i = i as usize;
            test.passes(&self.hot[i])
                && minutes.is_none_or(|m| test.has_hours(m[i]))
                && test.finds(self.text_of(i))
                && test.lists(&self.rows[i])
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
    pub(super) fn compare(
        &self,
        a: usize,
        b: usize,
        sort: MemberColumn,
        descending: bool,
    ) -> Ordering {
        self.compare_at(a, b, (sort, descending), None)
    }

    /// `compare`, with each member's mentoring minutes at the search's time when it sorts
    /// on them.
    fn compare_at(
        &self,
        a: usize,
        b: usize,
        (sort, descending): (MemberColumn, bool),
        minutes: Option<&[u32]>,
    ) -> Ordering {
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
            MemberColumn::Hours => match minutes {
                Some(m) => directed(m[a].cmp(&m[b]).then_with(name)),
                None => directed(name()),
            },
            MemberColumn::Name | MemberColumn::Groups | MemberColumn::MemberAdmin => {
                directed(name())
            }
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

    /// Mentoring hours within the filter's at least / at most (whole hours).
    fn has_hours(&self, minutes: u32) -> bool {
        let minutes = i64::from(minutes);
        self.filter.hours_min.is_none_or(|h| minutes >= h * 60)
            && self.filter.hours_max.is_none_or(|h| minutes <= h * 60)
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

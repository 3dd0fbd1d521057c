//! The partner search over a program's copy: every candidate of the searched role is
//! scored by the one compatibility function, in one pass, and only the page's cards are
//! then read from the database.
use super::table::{role_code, Members};
use crate::auth::model::Role;
use crate::matching::compatibility::{compatibility, score, Compatibility, Criteria};
use crate::members::filter::MemberColumn;
use crate::relationships::model::has_room;

/// A partner search as the index answers it.
pub struct PartnerQuery<'a> {
    pub viewer: i64,
    pub looking_for: Role,
    pub criteria: &'a Criteria,
    /// People never shown: the viewer's partners in active relationships.
    pub excluded: &'a [i64],
    /// Partners a member takes on when their profile does not say.
    pub default_max_partners: i64,
    pub offset: usize,
    pub limit: usize,
}

/// One result: the member, their compatibility with the criteria, and whether they have
/// room for another partner.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerHit {
    pub user_id: i64,
    pub compatibility: Compatibility,
    pub has_room: bool,
    /// Their specialized skills (a mentor) or development areas (a mentee).
    pub tags: Vec<i64>,
}

impl Members {
    /// The page of candidates, best first (score, then who has room, then name), and how
    /// many there are in all. Candidates: active members of the searched role, never the
    /// viewer nor anyone excluded.
    pub fn partners(&self, q: &PartnerQuery<'_>) -> (Vec<PartnerHit>, usize) {
        let role = role_code(q.looking_for);
        let mut found: Vec<(Option<u8>, bool, u32)> = Vec::new();
        for (i, h) in self.hot.iter().enumerate() {
            if h.role != role
                || !(h.is_active && h.person_active)
                || h.user_id == q.viewer
                || q.excluded.contains(&h.user_id)
            {
                continue;
            }
            let m = &self.rows[i];
            found.push((
                score(q.criteria, &m.candidate()),
                has_room(h.relationships, m.max_partners, q.default_max_partners),
                i as u32,
            ));
        }
        let order = |a: &(Option<u8>, bool, u32), b: &(Option<u8>, bool, u32)| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| self.compare(a.2 as usize, b.2 as usize, MemberColumn::Name, false))
        };
        let total = found.len();
        let wanted = q.offset.saturating_add(q.limit).min(total);
        if wanted == 0 {
            return (Vec::new(), total);
        }
        if wanted < total {
            found.select_nth_unstable_by(wanted - 1, order);
            found.truncate(wanted);
        }
        found.sort_unstable_by(order);
        let hits = found
            .get(q.offset..)
            .unwrap_or_default()
            .iter()
            .map(|&(_, has_room, i)| {
                let m = &self.rows[i as usize];
                let candidate = m.candidate();
                PartnerHit {
                    user_id: m.user_id,
                    compatibility: compatibility(q.criteria, &candidate),
                    has_room,
                    tags: candidate.tags.to_vec(),
                }
            })
            .collect();
        (hits, total)
    }
}

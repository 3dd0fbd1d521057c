//! The administrator's Relationships page: the program's relationships searched by name,
//! split into tabs, sorted and paged; and the relationship admin.
use super::admin::{
    AdminRelationshipRow, RelationshipSort, RelationshipsPage, RelationshipsQuery, TabCounts,
    RELATIONSHIPS_PAGE_SIZE,
};
use super::admin_repo::{self as repo, ListedRelationship};
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::fold::{person_search_text, person_sort_key};
use crate::i18n::LocalDateTime;
use crate::members::repo::program_admins;
use std::cmp::Ordering;

/// The program's relationships whose mentor or mentee matches a search, and how many
/// each tab holds (the Meetings tab's count is its own page's to fill).
pub struct Searched {
    pub relationships: Vec<ListedRelationship>,
    pub counts: TabCounts,
}

/// The program's relationships found by the search `words` (see `matching`).
pub async fn searched(db: &Db, program_id: i64, words: &[String]) -> AppResult<Searched> {
    let all = repo::program_relationships(db, program_id).await?;
    let (relationships, counts) = matching(all, words);
    Ok(Searched {
        relationships,
        counts,
    })
}

/// One page of the relationships `found` for `query`'s tab, order and page.
pub async fn relationships_page(
    db: &Db,
    scope: &MemberScope,
    query: &RelationshipsQuery,
    found: Searched,
) -> AppResult<RelationshipsPage> {
    let counts = found.counts;
    let found = on_tab(found.relationships, query);
    let page_count = (found.len() as u64)
        .div_ceil(RELATIONSHIPS_PAGE_SIZE as u64)
        .max(1) as i64;
    let page = query.page.min(page_count);
    let zone = &scope.session.viewer.time_zone;
    let at = |t| LocalDateTime::from_utc(t, zone);
    let rows = found
        .into_iter()
        .skip(((page - 1) * RELATIONSHIPS_PAGE_SIZE) as usize)
        .take(RELATIONSHIPS_PAGE_SIZE as usize)
        .map(|r| AdminRelationshipRow {
            id: r.id,
            mentor_id: r.mentor_id,
            mentor_name: r.mentor_name(),
            mentee_id: r.mentee_id,
            mentee_name: r.mentee_name(),
            status: r.status,
            created: at(r.created_at),
            started: at(r.started_at),
            ended: r.ended_at.map(at),
            invitation_id: r.invitation_id,
            admin_id: r.admin_id,
            held: 0,
            held_minutes: 0,
            next_meeting: None,
        })
        .collect();
    Ok(RelationshipsPage {
        rows,
        counts,
        page,
        page_count,
        admins: program_admins(db, scope.program_id).await?,
    })
}

/// The relationships whose mentor or mentee has every search word in their names or
/// e-mail (all of them for no words), counted per tab.
pub fn matching(
    all: Vec<ListedRelationship>,
    words: &[String],
) -> (Vec<ListedRelationship>, TabCounts) {
    let mut counts = TabCounts::default();
    let found = all
        .into_iter()
        .filter(|r| {
            words.is_empty() || {
                let mentor = person_search_text(&r.mentor_first, &r.mentor_last, &r.mentor_email);
                let mentee = person_search_text(&r.mentee_first, &r.mentee_last, &r.mentee_email);
                words
                    .iter()
                    .all(|w| mentor.contains(w.as_str()) || mentee.contains(w.as_str()))
            }
        })
        .inspect(|r| counts.count(r.status))
        .collect();
    (found, counts)
}

/// The relationships of the query's tab, in its order.
fn on_tab(found: Vec<ListedRelationship>, query: &RelationshipsQuery) -> Vec<ListedRelationship> {
    let mut found: Vec<(Keys, ListedRelationship)> = found
        .into_iter()
        .filter(|r| query.tab.shows(r.status))
        .map(|r| (Keys::of(&r), r))
        .collect();
    found.sort_by(|(a, x), (b, y)| order(query, a, x, b, y));
    found.into_iter().map(|(_, r)| r).collect()
}

/// The folded names a sort compares.
struct Keys {
    mentor: String,
    mentee: String,
}

impl Keys {
    fn of(r: &ListedRelationship) -> Keys {
        Keys {
            mentor: person_sort_key(&r.mentor_first, &r.mentor_last),
            mentee: person_sort_key(&r.mentee_first, &r.mentee_last),
        }
    }
}

/// The table's order: the chosen column (relationships not ended last, either way, when
/// sorting by the end date), then the newest request, then the id, so pages never
/// overlap.
fn order(
    query: &RelationshipsQuery,
    a: &Keys,
    x: &ListedRelationship,
    b: &Keys,
    y: &ListedRelationship,
) -> Ordering {
    let directed = |o: Ordering| if query.descending { o.reverse() } else { o };
    let key = match query.sort {
        RelationshipSort::Mentor => directed(a.mentor.cmp(&b.mentor).then(a.mentee.cmp(&b.mentee))),
        RelationshipSort::Mentee => directed(a.mentee.cmp(&b.mentee).then(a.mentor.cmp(&b.mentor))),
        RelationshipSort::Status => directed(x.status.as_str().cmp(y.status.as_str())),
        RelationshipSort::Created => directed(x.created_at.cmp(&y.created_at)),
        RelationshipSort::Started => directed(x.started_at.cmp(&y.started_at)),
        RelationshipSort::Ended => match (x.ended_at, y.ended_at) {
            (Some(p), Some(q)) => directed(p.cmp(&q)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    };
    key.then_with(|| y.created_at.cmp(&x.created_at))
        .then_with(|| y.id.cmp(&x.id))
}

/// "Relationship admin": which of the program's administrators looks after it (none:
/// nobody in particular).
pub async fn set_relationship_admin(
    db: &Db,
    scope: &MemberScope,
    id: i64,
    admin_id: Option<i64>,
) -> AppResult<()> {
    if let Some(admin_id) = admin_id {
        let admins = program_admins(db, scope.program_id).await?;
        if !admins.iter().any(|(a, _)| *a == admin_id) {
            return Err(AppError::validation(
                "relationship_admin",
                ValidationCode::InvalidChoice,
            ));
        }
    }
    let mut tx = db.begin().await?;
    if !repo::set_admin(&mut tx, scope.program_id, id, admin_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relationships::model::RelationshipStatus;
    use chrono::{TimeZone, Utc};

    fn listed(
        id: i64,
        mentor: (&str, &str),
        mentee: (&str, &str),
        status: RelationshipStatus,
        day: u32,
    ) -> ListedRelationship {
        let at = Utc.with_ymd_and_hms(2026, 3, day, 12, 0, 0).unwrap();
        ListedRelationship {
            id,
            status,
            created_at: at,
            started_at: at,
            ended_at: (!status.is_current()).then_some(at + chrono::Duration::days(30)),
            invitation_id: None,
            admin_id: None,
            mentor_id: id * 10,
            mentor_first: mentor.0.into(),
            mentor_last: mentor.1.into(),
            mentor_email: format!("{}@example.org", mentor.0.to_lowercase()),
            mentee_id: id * 10 + 1,
            mentee_first: mentee.0.into(),
            mentee_last: mentee.1.into(),
            mentee_email: format!("{}@example.org", mentee.0.to_lowercase()),
        }
    }

    fn sample() -> Vec<ListedRelationship> {
        use RelationshipStatus::{Active, Completed};
        vec![
            listed(1, ("Anna", "Carter"), ("Charlotte", "Test"), Active, 13),
            listed(2, ("Émile", "Zola"), ("Bae", "Mintz"), Completed, 10),
            listed(3, ("Mary", "Smith"), ("Hélène", "Émond"), Active, 20),
            listed(4, ("Zoé", "Adams"), ("William", "Johnson"), Active, 12),
        ]
    }

    fn ids(query: &str) -> (Vec<i64>, TabCounts) {
        let query = RelationshipsQuery::parse(query).unwrap();
        let (found, counts) = matching(sample(), &query.search_words());
        (on_tab(found, &query).iter().map(|r| r.id).collect(), counts)
    }

    #[test]
    fn lists_newest_request_first_with_every_tab_counted() {
        let (found, counts) = ids("");
        assert_eq!(found, vec![3, 1, 4, 2]);
        assert_eq!((counts.all, counts.matched, counts.completed), (4, 3, 1));
        assert_eq!(ids("tab=matched").0, vec![3, 1, 4]);
        assert_eq!(ids("tab=completed").0, vec![2]);
    }

    #[test]
    fn searches_either_member_by_name_or_email_without_accents() {
        let (found, counts) = ids("q=helene");
        assert_eq!(found, vec![3]);
        assert_eq!((counts.all, counts.matched, counts.completed), (1, 1, 0));
        assert_eq!(ids("q=EMILE").0, vec![2]);
        assert_eq!(ids("q=william%40example").0, vec![4]);
        // Every word must be found, in either member.
        assert_eq!(ids("q=mary+emond").0, vec![3]);
        assert!(ids("q=mary+zola").0.is_empty());
        // The counts follow the search on every tab.
        assert_eq!(ids("q=zola&tab=matched").1.completed, 1);
    }

    #[test]
    fn sorts_by_folded_names_and_puts_relationships_not_ended_last() {
        assert_eq!(ids("sort=mentor&dir=asc").0, vec![4, 1, 3, 2]);
        assert_eq!(ids("sort=mentor&dir=desc").0, vec![2, 3, 1, 4]);
        // By last name: "Émond" sorts with the E's, first (not after "Test").
        assert_eq!(ids("sort=mentee&dir=asc").0, vec![3, 4, 2, 1]);
        assert_eq!(ids("sort=ended&dir=desc").0[0], 2);
        assert_eq!(ids("sort=ended&dir=asc").0[0], 2);
        assert_eq!(ids("sort=status&dir=asc").0, vec![3, 1, 4, 2]);
    }
}

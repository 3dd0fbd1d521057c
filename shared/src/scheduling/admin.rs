//! The Relationships page's Meetings tab (seed 002, "Suivi des invitations aux réunions"
//! and "Présence en temps réel"): every meeting of the program with who sent it, when on
//! the administrator's clock, how long, where it stands and each participant's answer;
//! its query (name search, date order, rows per page, page) lives in the URL.
use super::model::{Answer, MeetingStatus};
use crate::error::{AppError, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::percent::url_with;
use crate::relationships::admin::{parse_descending, parse_search, TabCounts, ADMIN_MEETINGS_PATH};
use serde::{Deserialize, Serialize};

/// The CSV of exactly the rows the tab's search finds, in its order.
pub const ADMIN_MEETINGS_CSV_PATH: &str = "/admin/relationships/meetings.csv";

/// The seed's "Afficher 10 entrées" choices.
pub const MEETINGS_PAGE_SIZES: [usize; 4] = [10, 25, 50, 100];

/// The tab's state, as its URL carries it. The default lists the latest meetings first,
/// ten to a page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingsQuery {
    pub search: String,
    pub latest_first: bool,
    pub per_page: usize,
    pub page: usize,
}

impl Default for MeetingsQuery {
    fn default() -> Self {
        MeetingsQuery {
            search: String::new(),
            latest_first: true,
            per_page: MEETINGS_PAGE_SIZES[0],
            page: 1,
        }
    }
}

impl MeetingsQuery {
    /// Reads a query string (`q=amy&dir=asc&size=25&page=2`); empty values are left out,
    /// a value that does not parse is refused naming its field.
    pub fn parse(query: &str) -> Result<Self, AppError> {
        let mut q = MeetingsQuery::default();
        for (key, value) in crate::percent::query_pairs(query) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "q" => q.search = parse_search(value)?,
                "dir" => q.latest_first = parse_descending(value)?,
                "size" => {
                    q.per_page = value
                        .parse()
                        .ok()
                        .filter(|n| MEETINGS_PAGE_SIZES.contains(n))
                        .ok_or_else(|| {
                            AppError::validation("size", ValidationCode::InvalidChoice)
                        })?
                }
                "page" => q.page = value.parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        Ok(q)
    }

    /// The canonical query string, without the leading `?`; `with_page` keeps a page
    /// other than the first.
    pub fn to_query(&self, with_page: bool) -> String {
        let default = MeetingsQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if self.latest_first != default.latest_first {
            pairs.push(("dir", "asc".into()));
        }
        if self.per_page != default.per_page {
            pairs.push(("size", self.per_page.to_string()));
        }
        if with_page && self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        crate::percent::query_string(&pairs)
    }

    /// The tab's address for this query.
    pub fn url(&self) -> String {
        url_with(ADMIN_MEETINGS_PATH, &[&self.to_query(true)])
    }

    /// The CSV of this query's rows (every page).
    pub fn csv_url(&self) -> String {
        url_with(ADMIN_MEETINGS_CSV_PATH, &[&self.to_query(false)])
    }

    /// The other date order, from the first page (the "Date" header's link).
    pub fn date_flipped(&self) -> Self {
        MeetingsQuery {
            latest_first: !self.latest_first,
            page: 1,
            ..self.clone()
        }
    }

    /// The search words, folded as the names they are looked for in.
    pub fn search_words(&self) -> Vec<String> {
        crate::fold::search_words(&self.search)
    }
}

/// One participant of a listed meeting and their answer (✓ ✗ ?).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedParticipant {
    pub name: String,
    pub answer: Answer,
}

/// One row of the tab; times on the administrator's clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminMeetingRow {
    pub id: i64,
    pub relationship_id: i64,
    pub mentor_id: i64,
    pub mentor_name: String,
    pub mentee_id: i64,
    pub mentee_name: String,
    /// Who booked it ("Envoyé par").
    pub sender_name: String,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub minutes: u32,
    pub status: MeetingStatus,
    pub participants: Vec<ListedParticipant>,
}

/// One page of the tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminMeetingsPage {
    pub rows: Vec<AdminMeetingRow>,
    /// The tabs' counts for the same search (this tab's is the rows found).
    pub counts: TabCounts,
    /// Every meeting of the program, before the search.
    pub total: usize,
    pub page: usize,
    pub page_count: usize,
    /// The administrator's zone, named.
    pub zone_label: crate::zone::ZoneLabel,
}

impl AdminMeetingsPage {
    /// The meetings the search found.
    pub fn found(&self) -> usize {
        self.counts.meetings as usize
    }

    /// The 1-based positions of the first and last row shown (0, 0 when none).
    pub fn shown(&self, per_page: usize) -> (usize, usize) {
        if self.rows.is_empty() {
            return (0, 0);
        }
        let first = (self.page - 1) * per_page + 1;
        (first, first + self.rows.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_reads_and_writes_its_url() {
        let q = MeetingsQuery::parse("q=amy&dir=asc&size=25&page=3").unwrap();
        assert_eq!(
            q,
            MeetingsQuery {
                search: "amy".into(),
                latest_first: false,
                per_page: 25,
                page: 3,
            }
        );
        assert_eq!(q.to_query(true), "q=amy&dir=asc&size=25&page=3");
        assert_eq!(
            q.url(),
            "/admin/relationships/meetings?q=amy&dir=asc&size=25&page=3"
        );
        assert_eq!(
            q.csv_url(),
            "/admin/relationships/meetings.csv?q=amy&dir=asc&size=25"
        );
        assert_eq!(q.date_flipped().to_query(true), "q=amy&size=25");
        assert_eq!(
            MeetingsQuery::default().url(),
            "/admin/relationships/meetings"
        );
        assert_eq!(MeetingsQuery::parse("page=0").unwrap().page, 1);
    }

    #[test]
    fn a_bad_value_names_its_field() {
        for (query, field) in [("size=7", "size"), ("dir=up", "dir")] {
            match MeetingsQuery::parse(query) {
                Err(AppError::Validation { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{query}: {other:?}"),
            }
        }
        let long = format!(
            "q={}",
            "a".repeat(crate::relationships::admin::RELATIONSHIP_SEARCH_MAX + 1)
        );
        assert!(MeetingsQuery::parse(&long).is_err());
    }

    #[test]
    fn shown_counts_from_one() {
        let page = |rows: usize, page: usize| AdminMeetingsPage {
            rows: vec![
                AdminMeetingRow {
                    id: 1,
                    relationship_id: 1,
                    mentor_id: 1,
                    mentor_name: String::new(),
                    mentee_id: 2,
                    mentee_name: String::new(),
                    sender_name: String::new(),
                    start: LocalDateTime::of_date(chrono::NaiveDate::MIN),
                    end: LocalDateTime::of_date(chrono::NaiveDate::MIN),
                    minutes: 30,
                    status: MeetingStatus::Held,
                    participants: vec![],
                };
                rows
            ],
            counts: TabCounts::default(),
            total: 0,
            page,
            page_count: 3,
            zone_label: crate::zone::ZoneLabel::default(),
        };
        assert_eq!(page(10, 1).shown(10), (1, 10));
        assert_eq!(page(3, 3).shown(10), (21, 23));
        assert_eq!(page(0, 1).shown(10), (0, 0));
    }
}

//! The administrator's Relationships page (seed 002, "Les relations"): its query in the
//! URL (search, tab, sort, page), its rows and the tabs' counts.
use super::model::RelationshipStatus;
use crate::error::{AppError, ValidationCode};
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

/// The longest name search.
pub const RELATIONSHIP_SEARCH_MAX: usize = 100;

/// Rows per page.
pub const RELATIONSHIPS_PAGE_SIZE: i64 = 50;

/// The page's address, and the one of "End all relationships".
pub const ADMIN_RELATIONSHIPS_PATH: &str = "/admin/relationships";
pub const END_ALL_PATH: &str = "/admin/relationships/end-all";
/// The page's Meetings tab ("Rencontres").
pub const ADMIN_MEETINGS_PATH: &str = "/admin/relationships/meetings";

crate::text_enum! {
    /// The tabs: every relationship, the current ones ("Jumelé"), the ended ones.
    pub enum RelationshipTab {
        All = "all",
        Matched = "matched",
        Completed = "completed",
    }
}

impl RelationshipTab {
    pub fn label_key(self) -> &'static str {
        match self {
            Self::All => "admin-relationships-tab-all",
            Self::Matched => "admin-relationships-tab-matched",
            Self::Completed => "admin-relationships-tab-completed",
        }
    }

    /// Whether a relationship with `status` is listed under this tab.
    pub fn shows(self, status: RelationshipStatus) -> bool {
        match self {
            Self::All => true,
            Self::Matched => status.is_current(),
            Self::Completed => !status.is_current(),
        }
    }
}

crate::text_enum! {
    /// The columns the table sorts on.
    pub enum RelationshipSort {
        Mentor = "mentor",
        Mentee = "mentee",
        Status = "status",
        Created = "created",
        Started = "started",
        Ended = "ended",
    }
}

/// A name search as typed in the page's search box, refused past its longest.
pub fn parse_search(value: &str) -> Result<String, AppError> {
    if value.chars().count() > RELATIONSHIP_SEARCH_MAX {
        return Err(AppError::validation("search", ValidationCode::TooLong));
    }
    Ok(value.to_string())
}

/// A sort direction from the URL: `desc` is true, `asc` false.
pub fn parse_descending(value: &str) -> Result<bool, AppError> {
    match value {
        "asc" => Ok(false),
        "desc" => Ok(true),
        _ => Err(AppError::validation("dir", ValidationCode::InvalidChoice)),
    }
}

/// The page's state, as its URL carries it. The default lists every relationship,
/// newest request first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipsQuery {
    pub search: String,
    pub tab: RelationshipTab,
    pub sort: RelationshipSort,
    pub descending: bool,
    pub page: i64,
}

impl Default for RelationshipsQuery {
    fn default() -> Self {
        RelationshipsQuery {
            search: String::new(),
            tab: RelationshipTab::All,
            sort: RelationshipSort::Created,
            descending: true,
            page: 1,
        }
    }
}

impl RelationshipsQuery {
    /// Reads a query string (`q=ana&tab=matched&sort=mentor&dir=asc&page=2`); empty values
    /// are left out, a value that does not parse is refused naming its field.
    pub fn parse(query: &str) -> Result<Self, AppError> {
        let mut q = RelationshipsQuery::default();
        for (key, value) in crate::percent::query_pairs(query) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "q" => q.search = parse_search(value)?,
                "tab" => {
                    q.tab = RelationshipTab::parse(value)
                        .ok_or_else(|| AppError::validation("tab", ValidationCode::InvalidChoice))?
                }
                "sort" => {
                    q.sort = RelationshipSort::parse(value).ok_or_else(|| {
                        AppError::validation("sort", ValidationCode::InvalidChoice)
                    })?
                }
                "dir" => q.descending = parse_descending(value)?,
                "page" => q.page = value.parse::<i64>().ok().filter(|p| *p >= 1).unwrap_or(1),
                // Notices and other parameters are not part of the query.
                _ => {}
            }
        }
        Ok(q)
    }

    /// The canonical query string, without the leading `?`; `with_page` keeps a page
    /// other than the first.
    pub fn to_query(&self, with_page: bool) -> String {
        let default = RelationshipsQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if self.tab != default.tab {
            pairs.push(("tab", self.tab.as_str().into()));
        }
        if self.sort != default.sort || self.descending != default.descending {
            pairs.push(("sort", self.sort.as_str().into()));
            pairs.push(("dir", if self.descending { "desc" } else { "asc" }.into()));
        }
        if with_page && self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        crate::percent::query_string(&pairs)
    }

    /// The page's address for this query, with an optional notice after it.
    pub fn url(&self, notice: &str) -> String {
        crate::percent::url_with(ADMIN_RELATIONSHIPS_PATH, &[&self.to_query(true), notice])
    }

    /// The same search on another tab, from its first page.
    pub fn on_tab(&self, tab: RelationshipTab) -> Self {
        RelationshipsQuery {
            tab,
            page: 1,
            ..self.clone()
        }
    }

    /// Sorted by `column`: a second click on the current column flips the direction;
    /// dates start with the newest, names from A. Back to the first page.
    pub fn sorted_by(&self, column: RelationshipSort) -> Self {
        let descending = if self.sort == column {
            !self.descending
        } else {
            matches!(
                column,
                RelationshipSort::Created | RelationshipSort::Started | RelationshipSort::Ended
            )
        };
        RelationshipsQuery {
            sort: column,
            descending,
            page: 1,
            ..self.clone()
        }
    }

    /// The search words, folded as the names they are looked for in.
    pub fn search_words(&self) -> Vec<String> {
        crate::fold::search_words(&self.search)
    }
}

/// How many relationships each tab holds, and how many meetings the Meetings tab, for
/// the current search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabCounts {
    pub all: i64,
    pub matched: i64,
    pub completed: i64,
    pub meetings: i64,
}

impl TabCounts {
    pub fn of(&self, tab: RelationshipTab) -> i64 {
        match tab {
            RelationshipTab::All => self.all,
            RelationshipTab::Matched => self.matched,
            RelationshipTab::Completed => self.completed,
        }
    }

    pub fn count(&mut self, status: RelationshipStatus) {
        self.all += 1;
        if RelationshipTab::Matched.shows(status) {
            self.matched += 1;
        } else {
            self.completed += 1;
        }
    }
}

/// One row of the table. Dates are already in the administrator's time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminRelationshipRow {
    pub id: i64,
    pub mentor_id: i64,
    pub mentor_name: String,
    pub mentee_id: i64,
    pub mentee_name: String,
    pub status: RelationshipStatus,
    /// When the pair was asked for: the invitation, or the administrator's match.
    pub created: LocalDateTime,
    pub started: LocalDateTime,
    pub ended: Option<LocalDateTime>,
    /// The mentoring request it came from; none when an administrator matched the pair.
    pub invitation_id: Option<i64>,
    /// The administrator who looks after the relationship.
    pub admin_id: Option<i64>,
    /// Its held meetings and their minutes.
    pub held: u32,
    pub held_minutes: u32,
    /// Its next meeting still to come.
    pub next_meeting: Option<LocalDateTime>,
}

/// One page of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipsPage {
    pub rows: Vec<AdminRelationshipRow>,
    pub counts: TabCounts,
    pub page: i64,
    pub page_count: i64,
    /// The program's administrators, for the "Relationship admin" column.
    pub admins: Vec<(i64, String)>,
}

crate::text_enum! {
    /// Where an "End all relationships" run stands.
    pub enum EndAllStatus {
        Running = "running",
        Done = "done",
    }
}

/// An "End all relationships" run, for its progress bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndAllRun {
    pub id: i64,
    pub status: EndAllStatus,
    /// The relationships current when it was asked for, and how many have ended so far.
    pub total: i64,
    pub processed: i64,
    /// Already in the administrator's time zone.
    pub started: LocalDateTime,
    pub finished: Option<LocalDateTime>,
}

impl EndAllRun {
    /// Done so far, in percent (a run with nothing left is complete).
    pub fn percent(&self) -> i64 {
        if self.total == 0 || self.status == EndAllStatus::Done {
            100
        } else {
            (self.processed * 100 / self.total).min(100)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_query_has_the_shortest_url_and_round_trips() {
        let q = RelationshipsQuery::default();
        assert_eq!(q.to_query(true), "");
        assert_eq!(q.url(""), "/admin/relationships");
        let q =
            RelationshipsQuery::parse("q=h%C3%A9l%C3%A8ne&tab=matched&sort=mentor&dir=asc&page=3")
                .unwrap();
        assert_eq!(q.search, "hélène");
        assert_eq!(
            (q.tab, q.sort, q.descending, q.page),
            (RelationshipTab::Matched, RelationshipSort::Mentor, false, 3)
        );
        assert_eq!(RelationshipsQuery::parse(&q.to_query(true)).unwrap(), q);
        assert!(!q.to_query(false).contains("page"));
        assert_eq!(
            q.url("ended=1"),
            format!("/admin/relationships?{}&ended=1", q.to_query(true))
        );
    }

    #[test]
    fn bad_values_name_their_field_and_empty_ones_are_ignored() {
        for (query, field) in [
            ("tab=waiting", "tab"),
            ("sort=email", "sort"),
            ("dir=up", "dir"),
        ] {
            match RelationshipsQuery::parse(query) {
                Err(AppError::Validation { field: f, .. }) => assert_eq!(f, field, "{query}"),
                other => panic!("{query}: {other:?}"),
            }
        }
        let long = format!("q={}", "a".repeat(RELATIONSHIP_SEARCH_MAX + 1));
        assert!(RelationshipsQuery::parse(&long).is_err());
        assert_eq!(
            RelationshipsQuery::parse("q=&tab=&page=0").unwrap(),
            RelationshipsQuery::default()
        );
    }

    #[test]
    fn sorting_flips_on_the_second_click_and_dates_start_with_the_newest() {
        let q = RelationshipsQuery {
            page: 4,
            ..Default::default()
        };
        let by_mentor = q.sorted_by(RelationshipSort::Mentor);
        assert_eq!((by_mentor.descending, by_mentor.page), (false, 1));
        assert!(by_mentor.sorted_by(RelationshipSort::Mentor).descending);
        assert!(by_mentor.sorted_by(RelationshipSort::Ended).descending);
        assert!(!q.sorted_by(RelationshipSort::Created).descending);
    }

    #[test]
    fn tabs_split_every_relationship_between_matched_and_completed() {
        let mut counts = TabCounts::default();
        for status in [
            RelationshipStatus::Active,
            RelationshipStatus::Active,
            RelationshipStatus::Completed,
        ] {
            counts.count(status);
        }
        assert_eq!((counts.all, counts.matched, counts.completed), (3, 2, 1));
        for status in RelationshipStatus::ALL {
            assert!(RelationshipTab::All.shows(status));
            assert_ne!(
                RelationshipTab::Matched.shows(status),
                RelationshipTab::Completed.shows(status)
            );
        }
    }
}

//! The members table's filters, sort and columns, as they travel in the URL.
//!
//! The query string is the single source of truth: the server renders from it (so filters
//! work with JavaScript off and survive reloads and shared links), the browser rewrites it
//! as the admin types, and saved filters store it. `to_query` writes a canonical form so
//! the same filters always give the same string.
use crate::auth::model::Role;
use crate::error::{AppError, ValidationCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest search text accepted (names and e-mails are shorter).
pub const SEARCH_MAX: usize = 100;

/// "Recent activity": signed in within a number of days, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activity {
    Within(u16),
    Never,
}

impl Activity {
    pub const CHOICES: [Activity; 4] = [
        Activity::Within(7),
        Activity::Within(30),
        Activity::Within(90),
        Activity::Never,
    ];

    pub fn code(self) -> String {
        match self {
            Activity::Within(days) => days.to_string(),
            Activity::Never => "never".into(),
        }
    }

    fn parse(code: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|a| a.code() == code)
    }
}

/// "Relationship": has an active mentoring relationship, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationshipFilter {
    Active,
    None,
}

impl RelationshipFilter {
    pub fn code(self) -> &'static str {
        match self {
            RelationshipFilter::Active => "active",
            RelationshipFilter::None => "none",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [RelationshipFilter::Active, RelationshipFilter::None]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

crate::text_enum! {
    /// The table's columns, in the order of the administrator's guide; the name is always
    /// shown. The codes are used in URLs and saved searches.
    pub enum MemberColumn {
        Name = "name",
        Email = "email",
        Completeness = "completeness",
        LastSignIn = "last_sign_in",
        Relationships = "relationships",
        Groups = "groups",
        Matches = "matches",
        Role = "role",
        Hours = "hours",
        MemberSince = "member_since",
        EndDate = "end_date",
        Active = "active",
        MemberAdmin = "member_admin",
    }
}

impl MemberColumn {
    pub fn label_key(self) -> &'static str {
        match self {
            MemberColumn::Name => "members-col-name",
            MemberColumn::Email => "members-col-email",
            MemberColumn::Completeness => "members-col-completeness",
            MemberColumn::LastSignIn => "members-col-last-sign-in",
            MemberColumn::Relationships => "members-col-relationships",
            MemberColumn::Groups => "members-col-groups",
            MemberColumn::Matches => "members-col-matches",
            MemberColumn::Role => "members-col-role",
            MemberColumn::Hours => "members-col-hours",
            MemberColumn::MemberSince => "members-col-member-since",
            MemberColumn::EndDate => "members-col-end-date",
            MemberColumn::Active => "members-col-active",
            MemberColumn::MemberAdmin => "members-col-member-admin",
        }
    }

    /// Columns the table can be ordered by (the counts are computed per page, not indexed).
    pub fn sortable(self) -> bool {
        // Groups do not exist yet (every value is 0).
        !matches!(self, MemberColumn::Groups | MemberColumn::MemberAdmin)
    }

    /// The stored column choice: comma-separated codes. Unknown codes are skipped; the
    /// name column is always in; an empty choice means every column.
    pub fn parse_list(list: &str) -> Vec<MemberColumn> {
        let mut chosen: Vec<MemberColumn> = list
            .split(',')
            .filter_map(|c| Self::parse(c.trim()))
            .collect();
        if chosen.is_empty() {
            return Self::ALL.to_vec();
        }
        if !chosen.contains(&MemberColumn::Name) {
            chosen.push(MemberColumn::Name);
        }
        Self::ALL
            .into_iter()
            .filter(|c| chosen.contains(c))
            .collect()
    }

    pub fn list_code(columns: &[MemberColumn]) -> String {
        Self::ALL
            .into_iter()
            .filter(|c| columns.contains(c))
            .map(MemberColumn::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Everything the members table can be narrowed and ordered by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFilter {
    /// First name, last name or e-mail (each word must match one of them).
    pub search: String,
    pub role: Option<Role>,
    /// A custom field (answered at all) and/or one of its options.
    pub field: Option<i64>,
    pub option: Option<i64>,
    /// "Sectors": any of these industries.
    pub industries: Vec<i64>,
    pub job_functions: Vec<i64>,
    /// Profile completeness strictly below this percentage.
    pub completeness_below: Option<i64>,
    /// Joined the program on or after this day (in the admin's time zone).
    #[serde(with = "crate::iso_date::optional")]
    pub created_after: Option<NaiveDate>,
    /// Only current positions count for the industry and job-function filters (and, on its
    /// own, only members with a current position).
    pub current_only: bool,
    pub active: Option<bool>,
    pub activity: Option<Activity>,
    pub relationship: Option<RelationshipFilter>,
    /// Mentoring hours (held meetings and those logged), at least / at most, in hours.
    pub hours_min: Option<i64>,
    pub hours_max: Option<i64>,
    pub sort: MemberColumn,
    pub descending: bool,
    pub page: i64,
}

impl Default for MemberFilter {
    fn default() -> Self {
        MemberFilter {
            search: String::new(),
            role: None,
            field: None,
            option: None,
            industries: Vec::new(),
            job_functions: Vec::new(),
            completeness_below: None,
            created_after: None,
            current_only: false,
            active: None,
            activity: None,
            relationship: None,
            hours_min: None,
            hours_max: None,
            sort: MemberColumn::Name,
            descending: false,
            page: 1,
        }
    }
}

pub(crate) fn id(field: &str, value: &str) -> Result<i64, AppError> {
    value
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| AppError::validation(field, ValidationCode::InvalidChoice))
}

/// The most hours the mentoring-hours filter takes.
pub const HOURS_FILTER_MAX: i64 = 100_000;

/// A whole number of mentoring hours for the filter named `field`.
fn hours(field: &str, value: &str) -> Result<i64, AppError> {
    value
        .parse::<i64>()
        .ok()
        .filter(|h| (0..=HOURS_FILTER_MAX).contains(h))
        .ok_or_else(|| AppError::validation(field, ValidationCode::OutOfRange))
}

impl MemberFilter {
    /// Reads the query string's pairs. Empty values mean "not filtered"; anything else
    /// that does not parse is refused, naming the filter.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, AppError> {
        let mut f = MemberFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" => {
                    if value.chars().count() > SEARCH_MAX {
                        return Err(AppError::validation("search", ValidationCode::TooLong));
                    }
                    f.search = value.to_string();
                }
                "role" => {
                    f.role = Some(Role::parse(value).ok_or_else(|| {
                        AppError::validation("role", ValidationCode::InvalidChoice)
                    })?)
                }
                "field" => f.field = Some(id("custom_field", value)?),
                "option" => f.option = Some(id("option", value)?),
                "industry" => f.industries.push(id("industries", value)?),
                "function" => f.job_functions.push(id("job_functions", value)?),
                "below" => {
                    f.completeness_below = Some(
                        value
                            .parse::<i64>()
                            .ok()
                            .filter(|v| (1..=100).contains(v))
                            .ok_or_else(|| {
                                AppError::validation(
                                    "completeness_below",
                                    ValidationCode::OutOfRange,
                                )
                            })?,
                    )
                }
                "after" => {
                    f.created_after =
                        Some(crate::iso_date::parse_iso_date(value).ok_or_else(|| {
                            AppError::validation("created_after", ValidationCode::InvalidChoice)
                        })?)
                }
                "current" => f.current_only = value == "1",
                "active" => {
                    f.active = Some(match value {
                        "yes" => true,
                        "no" => false,
                        _ => {
                            return Err(AppError::validation(
                                "account_active",
                                ValidationCode::InvalidChoice,
                            ))
                        }
                    })
                }
                "activity" => {
                    f.activity = Some(Activity::parse(value).ok_or_else(|| {
                        AppError::validation("activity", ValidationCode::InvalidChoice)
                    })?)
                }
                "relationship" => {
                    f.relationship = Some(RelationshipFilter::parse(value).ok_or_else(|| {
                        AppError::validation("relationship", ValidationCode::InvalidChoice)
                    })?)
                }
                "hours_min" => f.hours_min = Some(hours("hours_min", value)?),
                "hours_max" => f.hours_max = Some(hours("hours_max", value)?),
                "sort" => {
                    f.sort = MemberColumn::parse(value)
                        .filter(|c| c.sortable())
                        .ok_or_else(|| {
                            AppError::validation("sort", ValidationCode::InvalidChoice)
                        })?
                }
                "dir" => f.descending = value == "desc",
                "page" => f.page = value.parse::<i64>().ok().filter(|p| *p >= 1).unwrap_or(1),
                // Other parameters (notices, the saved-filter form) are not filters.
                _ => {}
            }
        }
        f.industries.sort_unstable();
        f.industries.dedup();
        f.job_functions.sort_unstable();
        f.job_functions.dedup();
        Ok(f)
    }

    /// The canonical query string (without the leading `?`); `with_page` adds the page
    /// number when it is not the first.
    pub fn to_query(&self, with_page: bool) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if let Some(role) = self.role {
            pairs.push(("role", role.as_str().into()));
        }
        if let Some(field) = self.field {
            pairs.push(("field", field.to_string()));
        }
        // Option ids are unique across fields, so an option alone is a complete filter.
        if let Some(option) = self.option {
            pairs.push(("option", option.to_string()));
        }
        pairs.extend(self.industries.iter().map(|i| ("industry", i.to_string())));
        pairs.extend(
            self.job_functions
                .iter()
                .map(|i| ("function", i.to_string())),
        );
        if let Some(below) = self.completeness_below {
            pairs.push(("below", below.to_string()));
        }
        if let Some(after) = self.created_after {
            pairs.push(("after", crate::iso_date::iso_date(after)));
        }
        if self.current_only {
            pairs.push(("current", "1".into()));
        }
        if let Some(active) = self.active {
            pairs.push(("active", if active { "yes" } else { "no" }.into()));
        }
        if let Some(activity) = self.activity {
            pairs.push(("activity", activity.code()));
        }
        if let Some(rel) = self.relationship {
            pairs.push(("relationship", rel.code().into()));
        }
        if let Some(min) = self.hours_min {
            pairs.push(("hours_min", min.to_string()));
        }
        if let Some(max) = self.hours_max {
            pairs.push(("hours_max", max.to_string()));
        }
        if self.sort != MemberColumn::Name {
            pairs.push(("sort", self.sort.as_str().into()));
        }
        if self.descending {
            pairs.push(("dir", "desc".into()));
        }
        if with_page && self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        crate::percent::query_string(&pairs)
    }

    /// Any filter set (the search box included)?
    pub fn is_filtered(&self) -> bool {
        let bare = MemberFilter {
            sort: self.sort,
            descending: self.descending,
            page: self.page,
            ..MemberFilter::default()
        };
        *self != bare
    }

    /// The same filters ordered by `column`: a second click on the current column flips
    /// the direction. Back to the first page.
    pub fn sorted_by(&self, column: MemberColumn) -> MemberFilter {
        MemberFilter {
            descending: self.sort == column && !self.descending,
            sort: column,
            page: 1,
            ..self.clone()
        }
    }

    /// The search words, folded like the text they are looked for in (at most four).
    pub fn search_words(&self) -> Vec<String> {
        crate::fold::search_words(&self.search)
    }
}

/// The members table's address for a query string, with an optional notice after it
/// (`assigned=1`); no dangling `?` or `&` when either is empty.
pub fn table_url(query: &str, notice: &str) -> String {
    crate::percent::url_with("/admin/members", &[query, notice])
}

/// Where a table action returns: the filters it came from (`back`, checked) plus a notice.
pub fn return_url(back: &str, notice: &str) -> Result<String, AppError> {
    Ok(table_url(&parse_query(back)?.to_query(true), notice))
}

/// Parses a raw query string (`a=1&b=2`, `+` or `%20` for spaces).
pub fn parse_query(query: &str) -> Result<MemberFilter, AppError> {
    let pairs = crate::percent::query_pairs(query);
    MemberFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_filter_in_canonical_order() {
        let q = "function=9&q=ana+l%C3%A9a&role=mentor&field=3&option=12&industry=5&industry=2&below=80&after=2026-01-31&current=1&active=no&activity=30&relationship=none&sort=last_sign_in&dir=desc&page=3";
        let f = parse_query(q).unwrap();
        assert_eq!(f.search, "ana léa");
        assert_eq!(f.role, Some(Role::Mentor));
        assert_eq!((f.field, f.option), (Some(3), Some(12)));
        assert_eq!(f.industries, vec![2, 5]);
        assert_eq!(f.job_functions, vec![9]);
        assert_eq!(f.completeness_below, Some(80));
        assert_eq!(f.created_after, NaiveDate::from_ymd_opt(2026, 1, 31));
        assert!(f.current_only);
        assert_eq!(f.active, Some(false));
        assert_eq!(f.activity, Some(Activity::Within(30)));
        assert_eq!(f.relationship, Some(RelationshipFilter::None));
        assert_eq!(
            (f.sort, f.descending, f.page),
            (MemberColumn::LastSignIn, true, 3)
        );
        let canonical = f.to_query(true);
        assert_eq!(
            canonical,
            "q=ana%20l%C3%A9a&role=mentor&field=3&option=12&industry=2&industry=5&function=9&below=80&after=2026-01-31&current=1&active=no&activity=30&relationship=none&sort=last_sign_in&dir=desc&page=3"
        );
        assert_eq!(parse_query(&canonical).unwrap(), f);
        assert!(!f.to_query(false).contains("page="));
    }

    #[test]
    fn empty_values_are_no_filter_and_bad_ones_name_their_field() {
        let f = parse_query("q=&role=&below=&page=0").unwrap();
        assert!(!f.is_filtered());
        assert_eq!(f.page, 1);
        assert_eq!(f.to_query(true), "");
        for (query, field) in [
            ("below=0", "completeness_below"),
            ("below=101", "completeness_below"),
            ("below=abc", "completeness_below"),
            ("after=31/01/2026", "created_after"),
            ("role=boss", "role"),
            ("industry=-4", "industries"),
            ("activity=8", "activity"),
            ("sort=groups", "sort"),
        ] {
            let err = parse_query(query).unwrap_err();
            assert_eq!(err.field(), Some(field), "{query}");
        }
        let long = format!("q={}", "a".repeat(SEARCH_MAX + 1));
        assert_eq!(parse_query(&long).unwrap_err().field(), Some("search"));
    }

    #[test]
    fn an_option_alone_is_a_filter() {
        let f = parse_query("option=4").unwrap();
        assert_eq!((f.field, f.option), (None, Some(4)));
        assert!(f.is_filtered());
        assert_eq!(f.to_query(true), "option=4");
    }

    #[test]
    fn sorting_the_current_column_again_flips_the_direction() {
        let f = parse_query("q=x&page=4").unwrap();
        let by_email = f.sorted_by(MemberColumn::Email);
        assert_eq!(
            (by_email.sort, by_email.descending, by_email.page),
            (MemberColumn::Email, false, 1)
        );
        let flipped = by_email.sorted_by(MemberColumn::Email);
        assert!(flipped.descending);
        assert_eq!(flipped.search, "x");
    }

    #[test]
    fn column_choice_keeps_the_name_and_the_seed_order() {
        let cols = MemberColumn::parse_list("active,email,bogus");
        assert_eq!(
            cols,
            vec![
                MemberColumn::Name,
                MemberColumn::Email,
                MemberColumn::Active
            ]
        );
        assert_eq!(MemberColumn::list_code(&cols), "name,email,active");
        assert_eq!(MemberColumn::parse_list("").len(), MemberColumn::ALL.len());
    }

    #[test]
    fn table_urls_never_dangle() {
        assert_eq!(table_url("", ""), "/admin/members");
        assert_eq!(table_url("role=mentor", ""), "/admin/members?role=mentor");
        assert_eq!(table_url("", "assigned=1"), "/admin/members?assigned=1");
        assert_eq!(
            return_url("below=80&role=mentor", "x=1").unwrap(),
            "/admin/members?role=mentor&below=80&x=1"
        );
        assert_eq!(
            return_url("below=0", "").unwrap_err().field(),
            Some("completeness_below")
        );
    }

    #[test]
    fn search_words_are_folded_and_capped() {
        let f = parse_query("q=Ana%20D%C3%89%20la%20Cruz%20Smith").unwrap();
        assert_eq!(f.search_words(), vec!["ana", "de", "la", "cruz"]);
    }
}

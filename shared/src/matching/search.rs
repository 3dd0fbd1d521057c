//! A partner search's criteria as they travel in the URL (`/mentors?tag=3&lang=fr`): the
//! server renders from them, the browser rewrites them as the member changes the form,
//! and a saved search stores them. `to_query` writes a canonical form.
use super::compatibility::Criteria;
use crate::auth::model::Role;
use crate::error::{AppError, ValidationCode};
use crate::members::filter::id;
use crate::percent::{query_pairs, query_string};
use serde::{Deserialize, Serialize};

/// The search page for `looking_for`: mentors on `/mentors`, mentees on `/mentees`.
pub fn search_path(looking_for: Role) -> &'static str {
    match looking_for {
        Role::Mentee => "/mentees",
        Role::Mentor | Role::Admin => "/mentors",
    }
}

/// Cards on one page of results.
pub const PAGE_SIZE: usize = 20;
/// The most values one criterion may list (every list is shorter in practice).
pub const VALUES_MAX: usize = 50;

/// The criteria and the page asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerSearch {
    pub criteria: Criteria,
    /// The member chose these criteria (`search=1`), even if none: without it, the page
    /// starts from their last saved search or their profile.
    pub chosen: bool,
    pub page: usize,
}

impl PartnerSearch {
    /// Reads the query string's pairs: `tag`, `lang`, `city`, `industry`, `function`,
    /// `f<field id>` (an option of that custom field) and `page`. Empty values are no
    /// criterion; anything else that does not parse is refused, naming its criterion.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, AppError> {
        let mut s = PartnerSearch {
            page: 1,
            ..PartnerSearch::default()
        };
        let c = &mut s.criteria;
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "tag" => c.tags.push(id("tags", value)?),
                "lang" => {
                    if !crate::profiles::places::is_spoken_language(value) {
                        return Err(AppError::validation(
                            "languages",
                            ValidationCode::InvalidChoice,
                        ));
                    }
                    c.languages.push(value.to_string());
                }
                "city" => c.cities.push(id("meeting_cities", value)?),
                "industry" => c.industries.push(id("industries", value)?),
                "function" => c.job_functions.push(id("job_functions", value)?),
                "search" => s.chosen = value == "1",
                "page" => s.page = value.parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {
                    if let Some(field) = key.strip_prefix('f') {
                        let field = id("custom_field", field)?;
                        let option = id("custom_field", value)?;
                        match c.fields.iter_mut().find(|(f, _)| *f == field) {
                            Some((_, options)) => options.push(option),
                            None => c.fields.push((field, vec![option])),
                        }
                    }
                    // Other parameters (notices) are not criteria.
                }
            }
        }
        let too_many = |n: usize, field: &str| {
            if n > VALUES_MAX {
                Err(AppError::validation(field, ValidationCode::TooLong))
            } else {
                Ok(())
            }
        };
        too_many(c.tags.len(), "tags")?;
        too_many(c.languages.len(), "languages")?;
        too_many(c.cities.len(), "meeting_cities")?;
        too_many(c.industries.len(), "industries")?;
        too_many(c.job_functions.len(), "job_functions")?;
        too_many(c.fields.len(), "custom_field")?;
        for list in [
            &mut c.tags,
            &mut c.cities,
            &mut c.industries,
            &mut c.job_functions,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        c.languages.sort_unstable();
        c.languages.dedup();
        for (_, options) in &mut c.fields {
            too_many(options.len(), "custom_field")?;
            options.sort_unstable();
            options.dedup();
        }
        c.fields.sort_unstable();
        Ok(s)
    }

    /// Parses a raw query string.
    pub fn parse(query: &str) -> Result<Self, AppError> {
        let pairs = query_pairs(query);
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The canonical query string (without `?`); `with_page` adds the page past the first.
    pub fn to_query(&self, with_page: bool) -> String {
        let c = &self.criteria;
        let mut pairs: Vec<(String, String)> = Vec::new();
        if self.chosen {
            pairs.push(("search".into(), "1".into()));
        }
        let mut ids = |key: &str, list: &[i64]| {
            pairs.extend(list.iter().map(|v| (key.to_string(), v.to_string())));
        };
        ids("tag", &c.tags);
        ids("city", &c.cities);
        ids("industry", &c.industries);
        ids("function", &c.job_functions);
        for (field, options) in &c.fields {
            ids(&format!("f{field}"), options);
        }
        pairs.extend(c.languages.iter().map(|l| ("lang".to_string(), l.clone())));
        if with_page && self.page > 1 {
            pairs.push(("page".into(), self.page.to_string()));
        }
        query_string(&pairs)
    }

    /// The same criteria on another page.
    pub fn on_page(&self, page: usize) -> PartnerSearch {
        PartnerSearch {
            page,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_canonical_order() {
        let s =
            PartnerSearch::parse("lang=fr&tag=4&tag=3&tag=4&f7=71&city=9&f7=70&page=2&search=1")
                .expect("parses");
        assert_eq!(s.criteria.tags, vec![3, 4]);
        assert_eq!(s.criteria.fields, vec![(7, vec![70, 71])]);
        assert_eq!(s.page, 2);
        let query = s.to_query(true);
        assert_eq!(
            query,
            "search=1&tag=3&tag=4&city=9&f7=70&f7=71&lang=fr&page=2"
        );
        assert_eq!(PartnerSearch::parse(&query).expect("parses again"), s);
        assert_eq!(
            s.to_query(false),
            "search=1&tag=3&tag=4&city=9&f7=70&f7=71&lang=fr"
        );
        assert_eq!(s.on_page(1).to_query(true), s.to_query(false));
    }

    #[test]
    fn bad_values_name_their_criterion_and_empty_ones_are_no_criterion() {
        let field_of = |q: &str| match PartnerSearch::parse(q) {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("{q}: {other:?}"),
        };
        assert_eq!(field_of("tag=x"), "tags");
        assert_eq!(field_of("lang=klingon"), "languages");
        assert_eq!(field_of("city=-1"), "meeting_cities");
        assert_eq!(field_of("fx=3"), "custom_field");
        let many: Vec<String> = (1..=51).map(|i| format!("tag={i}")).collect();
        assert_eq!(field_of(&many.join("&")), "tags");
        let empty = PartnerSearch::parse("tag=&lang=&page=zero&notice=saved").expect("parses");
        assert!(empty.criteria.is_empty());
        assert!(!empty.chosen);
        assert_eq!(empty.page, 1);
    }
}

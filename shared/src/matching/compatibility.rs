//! How well a candidate fits what a member looks for: one function, used by the partner
//! search, by the administrator's matching and by cohort matching, so the same pair has
//! the same score everywhere.
//!
//! Weights (points when the criterion is fully met; only the criteria the member asked
//! for count, and the score is the share of their points that the candidate meets):
//! - specialized skills / development areas: 40, in proportion to how many of the asked
//!   tags the candidate has (3 of 4 asked = 30);
//! - languages: 15, when the candidate speaks one of them;
//! - meeting cities: 15, when the candidate meets in one of them;
//! - industries: 10, when one of the candidate's positions is in one of them;
//! - job functions: 10, likewise;
//! - each custom field asked about: 10, when the candidate chose one of the asked options.
//!
//! With no criteria at all there is nothing to measure: the score is `None`.
use crate::profiles::model::ListItem;
use serde::{Deserialize, Serialize};

pub const TAGS_WEIGHT: u32 = 40;
pub const LANGUAGES_WEIGHT: u32 = 15;
pub const CITIES_WEIGHT: u32 = 15;
pub const INDUSTRIES_WEIGHT: u32 = 10;
pub const JOB_FUNCTIONS_WEIGHT: u32 = 10;
pub const CUSTOM_FIELD_WEIGHT: u32 = 10;

/// What a member looks for. Ids are program list items and custom field options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criteria {
    /// Skills a mentee wants to develop (matched against mentors' specialized skills), or
    /// skills a mentor offers (matched against mentees' development areas).
    pub tags: Vec<i64>,
    /// Spoken-language codes.
    pub languages: Vec<String>,
    pub cities: Vec<i64>,
    pub industries: Vec<i64>,
    pub job_functions: Vec<i64>,
    /// (custom field, accepted options).
    pub fields: Vec<(i64, Vec<i64>)>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.languages.is_empty()
            && self.cities.is_empty()
            && self.industries.is_empty()
            && self.job_functions.is_empty()
            && self.fields.iter().all(|(_, options)| options.is_empty())
    }
}

/// What a candidate offers, borrowed from wherever they are held.
#[derive(Clone, Copy, Debug, Default)]
pub struct Candidate<'a> {
    /// Their specialized skills (a mentor) or development areas (a mentee).
    pub tags: &'a [i64],
    pub languages: &'a [String],
    pub cities: &'a [i64],
    /// Industries and job functions of their positions (current or past).
    pub industries: &'a [i64],
    pub job_functions: &'a [i64],
    /// Their custom field answers: (field, option; none for free text).
    pub answers: &'a [(i64, Option<i64>)],
}

/// The asked values the candidate has: what the card highlights under "Criteria met".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Met {
    pub tags: Vec<i64>,
    /// How many tags were asked (for "3 of 4 of your development areas").
    pub tags_asked: usize,
    pub languages: Vec<String>,
    pub cities: Vec<i64>,
    pub industries: Vec<i64>,
    pub job_functions: Vec<i64>,
    /// Custom field options met.
    pub options: Vec<i64>,
}

impl Met {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.languages.is_empty()
            && self.cities.is_empty()
            && self.industries.is_empty()
            && self.job_functions.is_empty()
            && self.options.is_empty()
    }
}

/// A pair's score (0-100, none without criteria) and what it rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compatibility {
    pub score: Option<u8>,
    pub met: Met,
}

/// The compatibility symbol's four levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fit {
    Strong,
    Good,
    Some,
    None,
}

impl Fit {
    pub fn of(score: u8) -> Fit {
        match score {
            75.. => Fit::Strong,
            50.. => Fit::Good,
            1.. => Fit::Some,
            0 => Fit::None,
        }
    }

    /// The level in words (`match-fit-<code>`).
    pub fn label_key(self) -> &'static str {
        match self {
            Fit::Strong => "match-fit-strong",
            Fit::Good => "match-fit-good",
            Fit::Some => "match-fit-some",
            Fit::None => "match-fit-none",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Fit::Strong => "strong",
            Fit::Good => "good",
            Fit::Some => "some",
            Fit::None => "none",
        }
    }
}

/// The entries of `theirs` that name the same thing as the `own` entries of `mine`
/// (same label, accents and case folded, in either language): a mentee's development
/// areas become the mentors' specialized skills they are looked for among, and the reverse.
pub fn counterpart_tags(own: &[i64], mine: &[ListItem], theirs: &[ListItem]) -> Vec<i64> {
    let fold = |s: &str| crate::fold::fold(s.trim());
    let wanted: Vec<(String, String)> = mine
        .iter()
        .filter(|i| own.contains(&i.id))
        .map(|i| (fold(&i.label_en), fold(&i.label_fr)))
        .collect();
    let mut found: Vec<i64> = theirs
        .iter()
        .filter(|t| {
            let (en, fr) = (fold(&t.label_en), fold(&t.label_fr));
            wanted.iter().any(|(e, f)| *e == en || *f == fr)
        })
        .map(|t| t.id)
        .collect();
    found.sort_unstable();
    found
}

/// The score alone: what a search computes for every candidate (no allocation).
pub fn score(criteria: &Criteria, candidate: &Candidate<'_>) -> Option<u8> {
    weigh(criteria, candidate, |_| {})
}

/// The score and the criteria met: what a card or the admin's pair view shows.
pub fn compatibility(criteria: &Criteria, candidate: &Candidate<'_>) -> Compatibility {
    let mut met = Met {
        tags_asked: criteria.tags.len(),
        ..Met::default()
    };
    let score = weigh(criteria, candidate, |value| match value {
        Value::Tag(id) => met.tags.push(id),
        Value::Language(code) => met.languages.push(code.to_string()),
        Value::City(id) => met.cities.push(id),
        Value::Industry(id) => met.industries.push(id),
        Value::JobFunction(id) => met.job_functions.push(id),
        Value::Option(id) => met.options.push(id),
    });
    Compatibility { score, met }
}

enum Value<'a> {
    Tag(i64),
    Language(&'a str),
    City(i64),
    Industry(i64),
    JobFunction(i64),
    Option(i64),
}

/// The points asked and earned so far, and where each asked value found is reported.
struct Tally<M> {
    asked: u32,
    earned: u32,
    met: M,
}

impl<'c, M: FnMut(Value<'c>)> Tally<M> {
    /// A criterion met when the candidate has any of the asked `values`; nothing when
    /// none were asked.
    fn any_of<T>(
        &mut self,
        weight: u32,
        values: &'c [T],
        has: impl Fn(&T) -> bool,
        value: impl Fn(&'c T) -> Value<'c>,
    ) {
        if values.is_empty() {
            return;
        }
        self.asked += weight;
        let mut hit = false;
        for v in values.iter().filter(|v| has(v)) {
            hit = true;
            (self.met)(value(v));
        }
        if hit {
            self.earned += weight;
        }
    }
}

/// The one definition of the score: reports each asked value the candidate has to `met`.
fn weigh<'c>(
    criteria: &'c Criteria,
    candidate: &Candidate<'_>,
    met: impl FnMut(Value<'c>),
) -> Option<u8> {
    let mut t = Tally {
        asked: 0,
        earned: 0,
        met,
    };
    if !criteria.tags.is_empty() {
        t.asked += TAGS_WEIGHT;
        let mut found = 0u32;
        for tag in criteria
            .tags
            .iter()
            .filter(|tag| candidate.tags.contains(tag))
        {
            found += 1;
            (t.met)(Value::Tag(*tag));
        }
        t.earned += TAGS_WEIGHT * found / criteria.tags.len() as u32;
    }
    t.any_of(
        LANGUAGES_WEIGHT,
        &criteria.languages,
        |l| candidate.languages.contains(l),
        |l| Value::Language(l),
    );
    t.any_of(
        CITIES_WEIGHT,
        &criteria.cities,
        |c| candidate.cities.contains(c),
        |c| Value::City(*c),
    );
    t.any_of(
        INDUSTRIES_WEIGHT,
        &criteria.industries,
        |i| candidate.industries.contains(i),
        |i| Value::Industry(*i),
    );
    t.any_of(
        JOB_FUNCTIONS_WEIGHT,
        &criteria.job_functions,
        |f| candidate.job_functions.contains(f),
        |f| Value::JobFunction(*f),
    );
    for (field, options) in &criteria.fields {
        t.any_of(
            CUSTOM_FIELD_WEIGHT,
            options,
            |o| candidate.answers.contains(&(*field, Some(*o))),
            |o| Value::Option(*o),
        );
    }
    (t.asked > 0).then(|| (t.earned * 100 / t.asked) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    fn item(id: i64, en: &str, fr: &str) -> ListItem {
        ListItem {
            id,
            label_en: en.into(),
            label_fr: fr.into(),
            in_use: 0,
        }
    }

    #[test]
    fn development_areas_find_the_skills_of_the_same_name() {
        let areas = [
            item(1, "Leadership", "Leadership"),
            item(2, "Public speaking", "Prise de parole"),
            item(3, "Time Management", "Gestion du temps"),
        ];
        let skills = [
            item(10, "Public Speaking", "Prise de parole en public"),
            item(11, "Leadership", "Leadership"),
            item(12, "Negotiation", "Négociation"),
            item(13, "Gestion du temps (EN)", "gestion du TEMPS"),
        ];
        assert_eq!(
            counterpart_tags(&[1, 2, 3], &areas, &skills),
            vec![10, 11, 13]
        );
        assert_eq!(counterpart_tags(&[1], &areas, &skills), vec![11]);
        assert!(counterpart_tags(&[], &areas, &skills).is_empty());
    }

    #[test]
    fn no_criteria_means_no_score() {
        let candidate = Candidate {
            tags: &[1, 2],
            ..Candidate::default()
        };
        assert_eq!(score(&Criteria::default(), &candidate), None);
        let only_empty_field = Criteria {
            fields: vec![(7, vec![])],
            ..Criteria::default()
        };
        assert!(only_empty_field.is_empty());
        assert_eq!(score(&only_empty_field, &candidate), None);
    }

    #[test]
    fn tags_count_in_proportion_and_the_rest_all_or_nothing() {
        let criteria = Criteria {
            tags: vec![1, 2, 3, 4],
            languages: langs(&["fr", "es"]),
            cities: vec![20],
            ..Criteria::default()
        };
        let languages = langs(&["en", "fr"]);
        let candidate = Candidate {
            tags: &[1, 2, 3, 9],
            languages: &languages,
            cities: &[21],
            ..Candidate::default()
        };
        // 3 of 4 tags: 30 of 40; French: 15 of 15; city: 0 of 15 → 45 of 70.
        let c = compatibility(&criteria, &candidate);
        assert_eq!(c.score, Some(64)); // 45 * 100 / 70
        assert_eq!(c.met.tags, vec![1, 2, 3]);
        assert_eq!(c.met.tags_asked, 4);
        assert_eq!(c.met.languages, langs(&["fr"]));
        assert!(c.met.cities.is_empty());
        assert_eq!(score(&criteria, &candidate), c.score);
    }

    #[test]
    fn a_candidate_meeting_everything_scores_100_and_nothing_0() {
        let criteria = Criteria {
            tags: vec![1],
            languages: langs(&["fr"]),
            cities: vec![5],
            industries: vec![8],
            job_functions: vec![9],
            fields: vec![(30, vec![31, 32])],
        };
        let languages = langs(&["fr"]);
        let all = Candidate {
            tags: &[1],
            languages: &languages,
            cities: &[5],
            industries: &[3, 8],
            job_functions: &[9],
            answers: &[(30, Some(32)), (40, None)],
        };
        let c = compatibility(&criteria, &all);
        assert_eq!(c.score, Some(100));
        assert_eq!(c.met.options, vec![32]);
        assert_eq!(c.met.industries, vec![8]);
        assert_eq!(Fit::of(100), Fit::Strong);
        assert_eq!(score(&criteria, &Candidate::default()), Some(0));
        assert!(compatibility(&criteria, &Candidate::default())
            .met
            .is_empty());
        assert_eq!(Fit::of(0), Fit::None);
    }

    #[test]
    fn an_option_of_another_field_does_not_count() {
        let criteria = Criteria {
            fields: vec![(30, vec![31])],
            ..Criteria::default()
        };
        let candidate = Candidate {
            answers: &[(40, Some(31))],
            ..Candidate::default()
        };
        assert_eq!(score(&criteria, &candidate), Some(0));
    }

    #[test]
    fn each_custom_field_weighs_as_much_as_an_industry() {
        let criteria = Criteria {
            industries: vec![8],
            fields: vec![(30, vec![31])],
            ..Criteria::default()
        };
        let candidate = Candidate {
            answers: &[(30, Some(31))],
            ..Candidate::default()
        };
        assert_eq!(score(&criteria, &candidate), Some(50));
        assert_eq!(Fit::of(50), Fit::Good);
        assert_eq!(Fit::of(49), Fit::Some);
    }
}

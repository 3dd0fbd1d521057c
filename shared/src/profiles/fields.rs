//! The built-in profile fields, which of them count towards completeness by default, and
//! the completeness rule itself. Plain Rust: the server stores the result on every save and
//! field change; the browser can show the same figure while a member edits.
use crate::auth::model::Role;
use crate::profiles::model::{ListKind, Position, Profile};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

crate::text_enum! {
    /// A field of the profile form that a program can require or count as a base field;
    /// the codes are stored in `profile_field_rules.field_key` and used in form names.
    pub enum BuiltinField {
        Photo = "photo",
        FirstName = "first_name",
        LastName = "last_name",
        Country = "country",
        Province = "province",
        City = "city",
        TimeZone = "time_zone",
        Languages = "languages",
        Gender = "gender",
        JobTitle = "job_title",
        Company = "company",
        Industry = "industry",
        JobFunction = "job_function",
        YearsExperience = "years_experience",
        Skills = "skills",
        DevelopmentAreas = "development_areas",
        Summary = "summary",
        ThreeWords = "three_words",
        Linkedin = "linkedin",
        Twitter = "twitter",
        Skype = "skype",
        MeetingFormats = "meeting_formats",
        MeetingCities = "meeting_cities",
        MaxPartners = "max_partners",
        Goals = "goals",
    }
}

impl ListKind {
    /// The profile field a member fills by choosing entries of this list; industries and
    /// job functions are chosen in positions instead.
    pub fn chosen_field(self) -> Option<BuiltinField> {
        match self {
            ListKind::Skill => Some(BuiltinField::Skills),
            ListKind::DevelopmentArea => Some(BuiltinField::DevelopmentAreas),
            ListKind::MeetingCity => Some(BuiltinField::MeetingCities),
            ListKind::Industry | ListKind::JobFunction => None,
        }
    }
}

crate::text_enum! {
    /// Which of the three tabs of "Edit profile" a field is on; the code is the tab in the
    /// URL (`?tab=`).
    pub enum ProfileTab {
        Basic = "basic",
        Employment = "employment",
        Skills = "skills",
    }
}

impl ProfileTab {
    /// The tab's name on the page.
    pub fn label_key(self) -> &'static str {
        match self {
            ProfileTab::Basic => "profile-tab-basic",
            ProfileTab::Employment => "profile-tab-employment",
            ProfileTab::Skills => "profile-tab-skills",
        }
    }
}

impl BuiltinField {
    /// The label's message id (`field-<key>`, shared with field-level errors).
    pub fn label_key(self) -> String {
        format!("field-{}", self.as_str())
    }

    pub fn tab(self) -> ProfileTab {
        use BuiltinField::*;
        match self {
            Photo | FirstName | LastName | Country | Province | City | TimeZone | Languages
            | Gender => ProfileTab::Basic,
            JobTitle | Company | Industry | JobFunction | YearsExperience => ProfileTab::Employment,
            Skills | DevelopmentAreas | Summary | ThreeWords | Linkedin | Twitter | Skype
            | MeetingFormats | MeetingCities | MaxPartners | Goals => ProfileTab::Skills,
        }
    }

    /// The product's rule when a program has not changed it.
    pub fn default_rule(self) -> FieldRule {
        use BuiltinField::*;
        let (for_mentors, for_mentees) = match self {
            Skills => (true, false),
            DevelopmentAreas => (false, true),
            _ => (true, true),
        };
        // Names and time zone are needed to work at all (times are shown in it); the base
        // fields are what makes a profile useful for finding a match.
        let required = matches!(self, FirstName | LastName | TimeZone);
        let base_field = matches!(
            self,
            Photo
                | Country
                | City
                | Languages
                | JobTitle
                | Company
                | Industry
                | JobFunction
                | Skills
                | DevelopmentAreas
                | Summary
                | MeetingFormats
                | Goals
        );
        FieldRule {
            field: FieldRef::Builtin(self),
            for_mentors,
            for_mentees,
            required,
            base_field,
        }
    }
}

/// A built-in field or a program's custom field (by id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldRef {
    Builtin(BuiltinField),
    Custom(i64),
}

/// How one field takes part in a program's profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRule {
    pub field: FieldRef,
    pub for_mentors: bool,
    pub for_mentees: bool,
    pub required: bool,
    pub base_field: bool,
}

impl FieldRule {
    pub fn applies_to(&self, role: Role) -> bool {
        match role {
            Role::Mentor => self.for_mentors,
            Role::Mentee => self.for_mentees,
            // Program administrators have no member profile to complete.
            Role::Admin => false,
        }
    }

    /// Counted in completeness: required fields and base fields.
    pub fn counts(&self) -> bool {
        self.required || self.base_field
    }
}

/// Profile completeness in percent (0–100): the share of the counted fields that apply to
/// the member's role which the member has filled. With nothing to count it is 100.
pub fn completeness(role: Role, rules: &[FieldRule], filled: &HashSet<FieldRef>) -> u8 {
    let counted: Vec<&FieldRule> = rules
        .iter()
        .filter(|r| r.counts() && r.applies_to(role))
        .collect();
    if counted.is_empty() {
        return 100;
    }
    let done = counted.iter().filter(|r| filled.contains(&r.field)).count();
    // Round down, so 100 % always means every counted field is filled.
    (done * 100 / counted.len()) as u8
}

/// The fields a profile has filled. The server computes the same from its tables in bulk
/// (`repo::facts_in_range`); a test checks that the two agree.
pub fn filled_fields(p: &Profile) -> HashSet<FieldRef> {
    use BuiltinField as F;
    let text = |s: &str| !s.trim().is_empty();
    let current_or_any = |has: &dyn Fn(&Position) -> bool| p.positions.iter().any(has);
    let mut filled: HashSet<FieldRef> = [
        (F::Photo, p.photo_url.is_some()),
        (F::FirstName, text(&p.first_name)),
        (F::LastName, text(&p.last_name)),
        (F::Country, !p.country.is_empty()),
        (F::Province, text(&p.province)),
        (F::City, text(&p.city)),
        // Every account has a zone.
        (F::TimeZone, true),
        (F::Languages, !p.languages.is_empty()),
        (F::Gender, !p.gender.is_empty()),
        (F::JobTitle, current_or_any(&|j| !j.job_title.is_empty())),
        (F::Company, current_or_any(&|j| !j.company.is_empty())),
        (F::Industry, current_or_any(&|j| j.industry_id.is_some())),
        (
            F::JobFunction,
            current_or_any(&|j| j.job_function_id.is_some()),
        ),
        (F::YearsExperience, p.years_experience.is_some()),
        (F::Skills, !p.skills.is_empty()),
        (F::DevelopmentAreas, !p.development_areas.is_empty()),
        (F::Summary, text(&p.summary)),
        (F::ThreeWords, text(&p.three_words)),
        (F::Linkedin, text(&p.linkedin)),
        (F::Twitter, text(&p.twitter)),
        (F::Skype, text(&p.skype)),
        (F::MeetingFormats, !p.meeting_formats.is_empty()),
        (F::MeetingCities, !p.meeting_cities.is_empty()),
        (F::MaxPartners, p.max_partners.is_some()),
        (F::Goals, text(&p.goals)),
    ]
    .into_iter()
    .filter(|(_, filled)| *filled)
    .map(|(field, _)| FieldRef::Builtin(field))
    .collect();
    filled.extend(
        p.custom
            .iter()
            .filter(|(_, a)| !a.option_ids.is_empty() || !a.text.trim().is_empty())
            .map(|(id, _)| FieldRef::Custom(*id)),
    );
    filled
}

/// The first required field of the member's role that `tab` holds (custom fields are on
/// the Skills tab) and the profile leaves empty.
pub fn first_missing_required(
    role: Role,
    rules: &[FieldRule],
    tab: ProfileTab,
    filled: &HashSet<FieldRef>,
) -> Option<FieldRef> {
    rules
        .iter()
        .filter(|r| r.required && r.applies_to(role))
        .filter(|r| match r.field {
            FieldRef::Builtin(f) => f.tab() == tab,
            FieldRef::Custom(_) => tab == ProfileTab::Skills,
        })
        .map(|r| r.field)
        .find(|f| !filled.contains(f))
}

/// Every built-in field's rule: the program's own where it set one, else the default.
pub fn builtin_rules(overrides: &[FieldRule]) -> Vec<FieldRule> {
    BuiltinField::ALL
        .into_iter()
        .map(|f| {
            overrides
                .iter()
                .find(|r| r.field == FieldRef::Builtin(f))
                .copied()
                .unwrap_or_else(|| f.default_rule())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(fields: &[FieldRef]) -> HashSet<FieldRef> {
        fields.iter().copied().collect()
    }

    fn custom(
        id: i64,
        required: bool,
        base_field: bool,
        for_mentors: bool,
        for_mentees: bool,
    ) -> FieldRule {
        FieldRule {
            field: FieldRef::Custom(id),
            for_mentors,
            for_mentees,
            required,
            base_field,
        }
    }

    #[test]
    fn every_key_parses_back() {
        for f in BuiltinField::ALL {
            assert_eq!(BuiltinField::parse(f.as_str()), Some(f));
        }
        assert_eq!(BuiltinField::parse("nope"), None);
    }

    #[test]
    fn defaults_count_skills_for_mentors_and_development_areas_for_mentees() {
        let rules = builtin_rules(&[]);
        let mentor = rules
            .iter()
            .filter(|r| r.counts() && r.applies_to(Role::Mentor))
            .count();
        let mentee = rules
            .iter()
            .filter(|r| r.counts() && r.applies_to(Role::Mentee))
            .count();
        assert_eq!(mentor, 15);
        assert_eq!(mentee, 15);
        assert!(rules
            .iter()
            .any(|r| r.field == FieldRef::Builtin(BuiltinField::Skills) && !r.for_mentees));
    }

    #[test]
    fn all_filled_is_100_and_nothing_filled_is_0() {
        let rules = builtin_rules(&[]);
        let all: HashSet<FieldRef> = BuiltinField::ALL
            .into_iter()
            .map(FieldRef::Builtin)
            .collect();
        assert_eq!(completeness(Role::Mentor, &rules, &all), 100);
        assert_eq!(completeness(Role::Mentee, &rules, &HashSet::new()), 0);
    }

    #[test]
    fn only_counted_fields_of_the_role_matter() {
        let rules = vec![
            custom(1, true, false, true, true),
            custom(2, false, true, true, false),
            custom(3, false, false, true, true), // neither required nor base: ignored
        ];
        assert_eq!(
            completeness(Role::Mentor, &rules, &filled(&[FieldRef::Custom(1)])),
            50
        );
        assert_eq!(
            completeness(Role::Mentee, &rules, &filled(&[FieldRef::Custom(1)])),
            100
        );
        assert_eq!(
            completeness(Role::Mentor, &rules, &filled(&[FieldRef::Custom(3)])),
            0
        );
    }

    #[test]
    fn a_new_required_field_lowers_a_complete_profile_until_filled() {
        let mut rules = builtin_rules(&[]);
        let everything: Vec<FieldRef> = BuiltinField::ALL
            .into_iter()
            .map(FieldRef::Builtin)
            .collect();
        let mut have = filled(&everything);
        assert_eq!(completeness(Role::Mentee, &rules, &have), 100);
        rules.push(custom(7, true, false, true, true));
        assert_eq!(completeness(Role::Mentee, &rules, &have), 93); // 15 of 16, rounded down
        have.insert(FieldRef::Custom(7));
        assert_eq!(completeness(Role::Mentee, &rules, &have), 100);
    }

    #[test]
    fn rounding_down_never_shows_100_early() {
        let rules: Vec<FieldRule> = (0..201)
            .map(|i| custom(i, true, false, true, true))
            .collect();
        let have: HashSet<FieldRef> = (0..200).map(FieldRef::Custom).collect();
        assert_eq!(completeness(Role::Mentor, &rules, &have), 99);
    }

    #[test]
    fn nothing_to_count_is_complete_and_admins_have_no_profile_to_fill() {
        assert_eq!(completeness(Role::Mentor, &[], &HashSet::new()), 100);
        assert_eq!(
            completeness(Role::Admin, &builtin_rules(&[]), &HashSet::new()),
            100
        );
    }

    #[test]
    fn a_program_override_replaces_the_default() {
        let own = FieldRule {
            field: FieldRef::Builtin(BuiltinField::Gender),
            for_mentors: true,
            for_mentees: true,
            required: true,
            base_field: false,
        };
        let rules = builtin_rules(&[own]);
        assert_eq!(rules.len(), BuiltinField::ALL.len());
        assert!(rules.contains(&own));
    }
}

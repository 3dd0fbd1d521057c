//! Shared types of profiles and the program's lists.
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// The lists a program keeps for its profiles and searches; the codes are stored
    /// (`program_list_items.list`) and used in URLs.
    pub enum ListKind {
        Industry = "industry",
        JobFunction = "job_function",
        Skill = "skill",
        DevelopmentArea = "development_area",
        MeetingCity = "meeting_city",
    }
}

impl ListKind {
    /// The list's title message id (`list-<code>`).
    pub fn title_key(self) -> String {
        format!("list-{}", self.as_str())
    }
}

/// One entry of a program list, with how many profiles use it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: i64,
    pub label_en: String,
    pub label_fr: String,
    pub in_use: i64,
}

impl ListItem {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Fr => &self.label_fr,
        }
    }
}

/// The longest label an item may have.
pub const LIST_LABEL_MAX: usize = 80;
/// The most items one list may hold.
pub const LIST_ITEMS_MAX: i64 = 500;

crate::text_enum! {
    /// Who a custom field is asked of, in the order the form offers them; the codes are
    /// stored (`custom_fields.role`) and posted by the form.
    pub enum FieldAudience {
        Both = "both",
        Mentors = "mentor",
        Mentees = "mentee",
    }
}

impl FieldAudience {
    pub fn label_key(self) -> &'static str {
        match self {
            FieldAudience::Mentors => "custom-role-mentor",
            FieldAudience::Mentees => "custom-role-mentee",
            FieldAudience::Both => "custom-role-both",
        }
    }

    pub fn includes(self, role: crate::auth::model::Role) -> bool {
        use crate::auth::model::Role;
        matches!(
            (self, role),
            (FieldAudience::Both, Role::Mentor | Role::Mentee)
                | (FieldAudience::Mentors, Role::Mentor)
                | (FieldAudience::Mentees, Role::Mentee)
        )
    }
}

/// One choice of a custom field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomOption {
    pub id: i64,
    pub label_en: String,
    pub label_fr: String,
}

impl CustomOption {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Fr => &self.label_fr,
        }
    }
}

/// An admin-defined profile field ("Manage custom fields").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub id: i64,
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    pub hint_en: String,
    pub hint_fr: String,
    pub audience: FieldAudience,
    pub required: bool,
    pub in_search: bool,
    pub admin_only: bool,
    pub position: i64,
    pub single_select: bool,
    pub allow_entries: bool,
    pub base_field: bool,
    pub show_on_profile: bool,
    pub in_report: bool,
    pub options: Vec<CustomOption>,
}

impl CustomField {
    pub fn name(&self, lang: Lang) -> &str {
        pick(lang, &self.name_en, &self.name_fr)
    }

    pub fn description(&self, lang: Lang) -> &str {
        pick(lang, &self.description_en, &self.description_fr)
    }

    pub fn hint(&self, lang: Lang) -> &str {
        pick(lang, &self.hint_en, &self.hint_fr)
    }

    /// Answered in words rather than by choosing options.
    pub fn is_free_text(&self) -> bool {
        self.options.is_empty() && !self.allow_entries
    }

    /// The options as the admin form shows them: comma separated, in one language.
    pub fn options_text(&self, lang: Lang) -> String {
        self.options
            .iter()
            .map(|o| o.label(lang))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn pick<'a>(lang: Lang, en: &'a str, fr: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// The longest custom field name ("one or two words").
pub const CUSTOM_NAME_MAX: usize = 60;
/// Description and hint.
pub const CUSTOM_TEXT_MAX: usize = 300;
/// The most options a custom field may offer.
pub const CUSTOM_OPTIONS_MAX: usize = 100;
/// A member's free-text answer.
pub const CUSTOM_ANSWER_MAX: usize = 2000;

/// Splits the admin's comma-separated options, trimmed, empty ones dropped.
pub fn split_options(text: &str) -> Vec<String> {
    text.split(',')
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect()
}

/// One job on the Employment tab.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(sqlx::FromRow))]
pub struct Position {
    pub job_title: String,
    pub company: String,
    pub industry_id: Option<i64>,
    pub job_function_id: Option<i64>,
    pub is_current: bool,
}

/// A member's answer to a custom field: chosen options, or text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomAnswer {
    pub option_ids: Vec<i64>,
    pub text: String,
}

/// How a meeting can take place.
pub const MEETING_FORMATS: [&str; 3] = ["video", "in_person", "phone"];

/// Genders offered (the empty answer is "not answered").
pub const GENDERS: [&str; 5] = ["woman", "man", "non_binary", "self_described", "prefer_not"];

/// Everything on a member's profile in one program, as the three tabs edit it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub photo_url: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub country: String,
    pub province: String,
    pub city: String,
    pub time_zone: crate::zone::Zone,
    pub languages: Vec<String>,
    pub gender: String,
    pub positions: Vec<Position>,
    pub years_experience: Option<i64>,
    pub skills: Vec<i64>,
    pub development_areas: Vec<i64>,
    pub meeting_cities: Vec<i64>,
    pub summary: String,
    pub three_words: String,
    pub linkedin: String,
    pub twitter: String,
    pub skype: String,
    pub meeting_formats: Vec<String>,
    pub max_partners: Option<i64>,
    pub goals: String,
    /// Custom field id → answer.
    pub custom: Vec<(i64, CustomAnswer)>,
}

impl Profile {
    pub fn answer(&self, field_id: i64) -> Option<&CustomAnswer> {
        self.custom
            .iter()
            .find(|(id, _)| *id == field_id)
            .map(|(_, a)| a)
    }
}

/// The profile side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileStats {
    pub points: i64,
    pub mentoring_minutes: i64,
    pub completeness: u8,
}

/// Mentoring hours as every page shows them: `h:mm` (90 → "1:30").
pub fn hours_minutes(minutes: i64) -> String {
    let minutes = minutes.max(0);
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// What the "Edit profile" page needs: the profile, the choices it offers, and which
/// fields apply to this member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileEdit {
    pub user_id: i64,
    pub role: crate::auth::model::Role,
    pub profile: Profile,
    pub stats: ProfileStats,
    /// The built-in fields shown to this member's role, with whether each is required.
    pub fields: Vec<(crate::profiles::fields::BuiltinField, bool)>,
    pub custom_fields: Vec<CustomField>,
    pub industries: Vec<ListItem>,
    pub job_functions: Vec<ListItem>,
    pub skills: Vec<ListItem>,
    pub development_areas: Vec<ListItem>,
    pub meeting_cities: Vec<ListItem>,
    pub time_zones: Vec<String>,
}

impl ProfileEdit {
    pub fn shows(&self, field: crate::profiles::fields::BuiltinField) -> bool {
        self.fields.iter().any(|(f, _)| *f == field)
    }

    pub fn requires(&self, field: crate::profiles::fields::BuiltinField) -> bool {
        self.fields
            .iter()
            .any(|(f, required)| *f == field && *required)
    }
}

/// The longest short text on a profile (names, city, job title, handles).
pub const PROFILE_SHORT_MAX: usize = 100;
/// Summary and goals.
pub const PROFILE_LONG_MAX: usize = 4000;
/// Past and current positions a profile may list.
pub const POSITIONS_MAX: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentoring_hours_read_as_hours_and_minutes() {
        assert_eq!(hours_minutes(0), "0:00");
        assert_eq!(hours_minutes(65), "1:05");
        assert_eq!(hours_minutes(245 * 60), "245:00");
        assert_eq!(hours_minutes(-3), "0:00");
    }
}

/// One row of the Employment form, as posted (`position[<n>][<field>]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionInput {
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub job_function: String,
    /// "on" when the "current position" box is ticked.
    #[serde(default)]
    pub is_current: Option<String>,
}

/// Another member's profile as a member sees it (admin-only and hidden fields left out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberProfile {
    pub user_id: i64,
    pub role: crate::auth::model::Role,
    pub profile: Profile,
    pub stats: ProfileStats,
    pub custom_fields: Vec<CustomField>,
    /// Labels of the list entries the profile uses, by id.
    pub labels: Vec<ListItem>,
}

impl MemberProfile {
    pub fn label(&self, id: i64, lang: Lang) -> Option<&str> {
        self.labels
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.label(lang))
    }
}

//! What the partner search page shows.
use super::compatibility::Compatibility;
use super::search::PartnerSearch;
use crate::auth::model::Role;
use crate::profiles::model::{CustomField, ListItem};
use crate::relationships::response::ResponseStats;
use serde::{Deserialize, Serialize};

/// The longest summary a card shows (the profile has the rest).
pub const CARD_SUMMARY_MAX: usize = 280;

/// The choices the criteria form offers, labelled in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchChoices {
    /// Mentors' specialized skills (a mentee's search) or mentees' development areas.
    pub tags: Vec<ListItem>,
    pub industries: Vec<ListItem>,
    pub job_functions: Vec<ListItem>,
    pub cities: Vec<ListItem>,
    /// Spoken-language codes in use among the candidates, then the rest.
    pub languages: Vec<String>,
    /// Custom fields marked "appears in search" that have options.
    pub fields: Vec<CustomField>,
}

impl SearchChoices {
    pub fn label(list: &[ListItem], id: i64, lang: crate::i18n::Lang) -> Option<&str> {
        list.iter().find(|i| i.id == id).map(|i| i.label(lang))
    }
}

/// One result card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCard {
    pub user_id: i64,
    pub first_name: String,
    /// "T." for Tremblay.
    pub last_initial: String,
    pub photo_url: Option<String>,
    pub job_title: String,
    pub company: String,
    pub city: String,
    pub province: String,
    pub country: String,
    pub summary: String,
    /// Their specialized skills (a mentor) or development areas (a mentee).
    pub tags: Vec<i64>,
    pub compatibility: Compatibility,
    /// Below their maximum number of partners.
    pub has_room: bool,
    /// The viewer and this member have an invitation waiting for an answer.
    pub invitation_pending: bool,
    /// How readily they answer invitations, once they have answered a few.
    pub response: Option<ResponseStats>,
}

/// Whether the viewer may search, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchAllowed {
    Yes,
    /// The program's administrators match people in this role.
    AdminMatches,
    /// Not this member's search: a mentor on the Mentors page, or an administrator (who
    /// matches members instead).
    NotForYou,
}

/// What the Mentors or Mentees page is drawn from before any result: whether the viewer
/// may search, the criteria it starts with and the choices the form offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchSetup {
    pub allowed: SearchAllowed,
    /// The role searched for.
    pub looking_for: Role,
    /// The criteria used: the URL's, or else the member's last saved search, or else
    /// those taken from their profile.
    pub search: PartnerSearch,
    pub choices: SearchChoices,
}

/// One page of results; empty when the viewer may not search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerPage {
    pub allowed: SearchAllowed,
    /// The criteria the results answer.
    pub search: PartnerSearch,
    pub cards: Vec<PartnerCard>,
    pub total: usize,
    pub page_count: usize,
}

/// "Esha T." from a first and a last name.
pub fn last_initial(last_name: &str) -> String {
    last_name
        .trim()
        .chars()
        .next()
        .map(|c| format!("{}.", c.to_uppercase()))
        .unwrap_or_default()
}

/// The summary cut at a word boundary to at most [`CARD_SUMMARY_MAX`] characters.
pub fn card_summary(summary: &str) -> String {
    let summary = summary.trim();
    if summary.chars().count() <= CARD_SUMMARY_MAX {
        return summary.to_string();
    }
    let cut: String = summary.chars().take(CARD_SUMMARY_MAX).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_show_an_initial_and_a_short_summary() {
        assert_eq!(last_initial("tremblay"), "T.");
        assert_eq!(last_initial("Élie"), "É.");
        assert_eq!(last_initial(" "), "");
        assert_eq!(card_summary(" short "), "short");
        let long = "word ".repeat(100);
        let cut = card_summary(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= CARD_SUMMARY_MAX + 1);
    }
}

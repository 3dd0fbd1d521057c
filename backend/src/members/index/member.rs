//! One member as the index holds them, built from the rows the repository reads.
use crate::auth::model::Role;
use crate::fold::{person_search_text, person_sort_key};
use crate::members::repo::{IndexRow, IndexRows};
use crate::profiles::model::ListKind;
use chrono::{DateTime, Utc};
use shared::scheduling::interval::Span;
use shared::scheduling::model::{MeetingStatus, OccurrenceState};
use std::collections::HashMap;

/// Where a member worked: what the sector and job-function filters read.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPosition {
    pub industry: Option<i64>,
    pub job_function: Option<i64>,
    pub current: bool,
}

/// One member as the filters and sorts see them. Instants are Unix microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedMember {
    pub user_id: i64,
    pub role: Role,
    /// The membership's own switch (the "Active" column).
    pub is_active: bool,
    /// The person's account (off when an account is closed everywhere).
    pub person_active: bool,
    pub completeness: i64,
    pub joined_at: i64,
    pub deactivated_at: Option<i64>,
    pub last_sign_in_at: Option<i64>,
    /// "last first", folded (`fold::person_sort_key`): "Émile" sorts next to "Emma".
    pub name_key: String,
    /// The same, accents kept: breaks ties in a stable order.
    pub sort_name: String,
    pub email: String,
    /// Names and e-mail, folded: every folded search word must be in it. Moved into the
    /// copy's text block when the member is taken in (empty afterwards).
    pub search_text: String,
    /// Custom field answers: (field, option; none for a free-text answer).
    pub answers: Vec<(i64, Option<i64>)>,
    pub positions: Vec<IndexedPosition>,
    /// Active mentoring relationships.
    pub relationships: i64,
    /// Relationships ever started (active or completed).
    pub matches: i64,
    /// What the partner search scores: list choices (sorted), spoken languages, and the
    /// most partners the member takes on (none: the program's default).
    pub skills: Vec<i64>,
    pub development_areas: Vec<i64>,
    pub meeting_cities: Vec<i64>,
    pub languages: Vec<String>,
    pub max_partners: Option<i64>,
    /// The industries and job functions of their positions, current or past.
    pub industries: Vec<i64>,
    pub job_functions: Vec<i64>,
    /// Their relationships' scheduled meetings: (end in Unix microseconds, minutes), and
    /// the minutes of meetings logged by hand.
    pub meetings: Vec<(i64, u32)>,
    pub logged_minutes: u32,
}

impl IndexedMember {
    /// What the partner search scores, seen as a candidate for `looking_for`: a mentor
    /// offers their specialized skills, a mentee their development areas.
    pub fn candidate(&self) -> crate::matching::compatibility::Candidate<'_> {
        crate::matching::compatibility::Candidate {
            tags: match self.role {
                Role::Mentor => &self.skills,
                Role::Mentee | Role::Admin => &self.development_areas,
            },
            languages: &self.languages,
            cities: &self.meeting_cities,
            industries: &self.industries,
            job_functions: &self.job_functions,
            answers: &self.answers,
        }
    }

    /// "Mentoring hours" in minutes at `now`: their held meetings (`MeetingStatus::of`,
    /// the rule of every page) and those logged by hand.
    pub fn mentoring_minutes(&self, now: DateTime<Utc>) -> u32 {
        let held = |end: i64| {
            DateTime::from_timestamp_micros(end).is_some_and(|end| {
                MeetingStatus::of(OccurrenceState::Scheduled, end, now) == Some(MeetingStatus::Held)
            })
        };
        self.meetings
            .iter()
            .filter(|(end, _)| held(*end))
            .map(|(_, minutes)| minutes)
            .sum::<u32>()
            + self.logged_minutes
    }
}

impl IndexRow {
    pub fn member(self) -> IndexedMember {
        let micros = |t: DateTime<Utc>| t.timestamp_micros();
        IndexedMember {
            user_id: self.user_id,
            name_key: person_sort_key(&self.first_name, &self.last_name),
            search_text: person_search_text(&self.first_name, &self.last_name, &self.email),
            sort_name: format!("{} {}", self.last_name, self.first_name).to_lowercase(),
            role: self.role,
            is_active: self.is_active,
            person_active: self.person_active,
            completeness: self.completeness,
            joined_at: micros(self.joined_at),
            deactivated_at: self.deactivated_at.map(micros),
            last_sign_in_at: self.last_sign_in_at.map(micros),
            email: self.email.to_lowercase(),
            answers: Vec::new(),
            positions: Vec::new(),
            relationships: 0,
            matches: 0,
            skills: Vec::new(),
            development_areas: Vec::new(),
            meeting_cities: Vec::new(),
            languages: self
                .spoken_languages
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            max_partners: self.max_partners,
            industries: Vec::new(),
            job_functions: Vec::new(),
            meetings: Vec::new(),
            logged_minutes: 0,
        }
    }
}

impl IndexRows {
    pub fn into_members(self) -> Vec<IndexedMember> {
        let mut members: Vec<IndexedMember> =
            self.members.into_iter().map(IndexRow::member).collect();
        let at: HashMap<i64, usize> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.user_id, i))
            .collect();
        for (user_id, field, option) in self.answers {
            if let Some(&i) = at.get(&user_id) {
                members[i].answers.push((field, option));
            }
        }
        for (user_id, industry, job_function, current) in self.positions {
            if let Some(&i) = at.get(&user_id) {
                members[i].industries.extend(industry);
                members[i].job_functions.extend(job_function);
                members[i].positions.push(IndexedPosition {
                    industry,
                    job_function,
                    current,
                });
            }
        }
        for (mentor, mentee, status) in &self.relationships {
            for user_id in [mentor, mentee] {
                if let Some(&i) = at.get(user_id) {
                    members[i].matches += i64::from(status.is_match());
                    members[i].relationships += i64::from(status.is_current());
                }
            }
        }
        for (user_id, item, list) in self.choices {
            if let Some(&i) = at.get(&user_id) {
                let m = &mut members[i];
                match list {
                    ListKind::Skill => m.skills.push(item),
                    ListKind::DevelopmentArea => m.development_areas.push(item),
                    ListKind::MeetingCity => m.meeting_cities.push(item),
                    ListKind::Industry | ListKind::JobFunction => {}
                }
            }
        }
        for (mentor, mentee, start, end) in &self.meetings {
            let minutes = Span::new(*start, *end).minutes();
            for user_id in [mentor, mentee] {
                if let Some(&i) = at.get(user_id) {
                    members[i].meetings.push((end.timestamp_micros(), minutes));
                }
            }
        }
        for (mentor, mentee, minutes) in &self.logged {
            for user_id in [mentor, mentee] {
                if let Some(&i) = at.get(user_id) {
                    members[i].logged_minutes += u32::try_from(*minutes).unwrap_or(0);
                }
            }
        }
        for m in &mut members {
            m.skills.sort_unstable();
            m.development_areas.sort_unstable();
            m.meeting_cities.sort_unstable();
        }
        members
    }
}

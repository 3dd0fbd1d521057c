//! Rules of "Edit profile" (what each tab accepts, which fields are required) and of the
//! read-only profile page. A save checks, writes and recomputes completeness in one
//! transaction.
use super::completeness::{builtin_rules_in, refresh_member, refresh_person, rules_in};
use crate::db::{Db, Tx};
use crate::error::{
    breaks_the_line, optional_line, optional_number, optional_text, required_text, AppError,
    AppResult, ValidationCode,
};
use crate::profiles::fields::{
    filled_fields, first_missing_required, FieldRef, FieldRule, ProfileTab,
};
use crate::profiles::model::{
    split_options, CustomAnswer, CustomField, ListItem, ListKind, MemberProfile, Position, Profile,
    ProfileEdit, ProfileStats, CUSTOM_ANSWER_MAX, CUSTOM_OPTIONS_MAX, GENDERS, LIST_LABEL_MAX,
    MEETING_FORMATS, POSITIONS_MAX, PROFILE_LONG_MAX, PROFILE_SHORT_MAX,
};
use crate::profiles::places::{is_country, is_spoken_language};
use crate::profiles::repo;
use crate::zone::Zone;
use chrono::Utc;
use std::collections::HashMap;

/// Everything "Edit profile" shows for a member of the program.
pub async fn profile_edit(db: &Db, program_id: i64, user_id: i64) -> AppResult<ProfileEdit> {
    edit_in(&mut db.read().await?, program_id, user_id).await
}

async fn edit_in(tx: &mut Tx, program_id: i64, user_id: i64) -> AppResult<ProfileEdit> {
    let (role, profile, completeness) = repo::load_profile(tx, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = builtin_rules_in(tx, program_id)
        .await?
        .into_iter()
        .filter(|r| r.applies_to(role))
        .filter_map(|r| match r.field {
            FieldRef::Builtin(f) => Some((f, r.required)),
            FieldRef::Custom(_) => None,
        })
        .collect();
    let custom_fields = repo::custom_fields(tx, program_id)
        .await?
        .into_iter()
        .filter(|f| f.audience.includes(role) && !f.admin_only)
        .collect();
    Ok(ProfileEdit {
        user_id,
        role,
        profile,
        stats: ProfileStats {
            // Points do not exist yet. Hours come from the members index, which the
            // caller reads (`members::index::mentoring_minutes`).
            points: 0,
            mentoring_minutes: 0,
            completeness,
        },
        fields,
        custom_fields,
        industries: repo::list_entries(tx, program_id, ListKind::Industry).await?,
        job_functions: repo::list_entries(tx, program_id, ListKind::JobFunction).await?,
        skills: repo::list_entries(tx, program_id, ListKind::Skill).await?,
        development_areas: repo::list_entries(tx, program_id, ListKind::DevelopmentArea).await?,
        meeting_cities: repo::list_entries(tx, program_id, ListKind::MeetingCity).await?,
        time_zones: crate::i18n::local_time::selectable_time_zones(),
    })
}

/// Fails with "required" on the first required field of `tab` the profile leaves empty.
fn check_required(
    edit: &ProfileEdit,
    rules: &[FieldRule],
    tab: ProfileTab,
    profile: &Profile,
) -> AppResult<()> {
    let filled = filled_fields(profile);
    match first_missing_required(edit.role, rules, tab, &filled) {
        None => Ok(()),
        Some(FieldRef::Builtin(f)) => {
            Err(AppError::validation(f.as_str(), ValidationCode::Required))
        }
        Some(FieldRef::Custom(id)) => Err(AppError::validation(
            &format!("custom_{id}"),
            ValidationCode::Required,
        )),
    }
}

/// Refreshes the member's completeness, in the save's transaction, in every program where
/// the saved facts count.
async fn after_save(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    person_level: bool,
) -> AppResult<()> {
    if person_level {
        refresh_person(tx, user_id).await
    } else {
        refresh_member(tx, program_id, user_id).await.map(|_| ())
    }
}

/// The Basic information tab, as posted.
#[derive(Clone, Default)]
pub struct BasicForm {
    pub first_name: String,
    pub last_name: String,
    pub country: String,
    pub province: String,
    pub city: String,
    pub time_zone: String,
    pub languages: Vec<String>,
    pub gender: String,
}

/// Saves the Basic information tab (shared by all the person's programs).
pub async fn save_basic(db: &Db, program_id: i64, user_id: i64, form: &BasicForm) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let edit = edit_in(&mut tx, program_id, user_id).await?;
    let first_name = required_text("first_name", &form.first_name, PROFILE_SHORT_MAX)?;
    let last_name = required_text("last_name", &form.last_name, PROFILE_SHORT_MAX)?;
    let country = form.country.trim().to_string();
    if !country.is_empty() && !is_country(&country) {
        return Err(AppError::validation(
            "country",
            ValidationCode::InvalidChoice,
        ));
    }
    let province = optional_line("province", &form.province, PROFILE_SHORT_MAX)?;
    let city = optional_line("city", &form.city, PROFILE_SHORT_MAX)?;
    let time_zone = Zone::parse(&form.time_zone).ok_or(AppError::validation(
        "time_zone",
        ValidationCode::InvalidChoice,
    ))?;
    let mut languages: Vec<String> = Vec::new();
    for code in &form.languages {
        if !is_spoken_language(code) {
            return Err(AppError::validation(
                "languages",
                ValidationCode::InvalidChoice,
            ));
        }
        if !languages.contains(code) {
            languages.push(code.clone());
        }
    }
    if languages.len() > 20 {
        return Err(AppError::validation("languages", ValidationCode::TooLong));
    }
    let gender = form.gender.trim().to_string();
    if !gender.is_empty() && !GENDERS.contains(&gender.as_str()) {
        return Err(AppError::validation(
            "gender",
            ValidationCode::InvalidChoice,
        ));
    }
    let profile = Profile {
        first_name,
        last_name,
        country,
        province,
        city,
        time_zone,
        languages,
        gender,
        ..edit.profile.clone()
    };
    let rules = builtin_rules_in(&mut tx, program_id).await?;
    check_required(&edit, &rules, ProfileTab::Basic, &profile)?;
    repo::save_basic(&mut tx, user_id, &profile).await?;
    after_save(&mut tx, program_id, user_id, true).await?;
    tx.commit().await?;
    Ok(())
}

/// One position row as posted.
#[derive(Clone, Default)]
pub struct PositionForm {
    pub job_title: String,
    pub company: String,
    pub industry: String,
    pub job_function: String,
    pub is_current: bool,
}

fn list_choice(field: &str, value: &str, items: &[ListItem]) -> AppResult<Option<i64>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|id| items.iter().any(|i| i.id == *id))
        .map(Some)
        .ok_or(AppError::validation(field, ValidationCode::InvalidChoice))
}

fn list_choices(field: &str, values: &[String], items: &[ListItem]) -> AppResult<Vec<i64>> {
    let mut ids = Vec::new();
    for value in values {
        if let Some(id) = list_choice(field, value, items)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

/// Saves the Employment tab: positions (rows left blank are dropped) and years of experience.
pub async fn save_employment(
    db: &Db,
    program_id: i64,
    user_id: i64,
    positions: &[PositionForm],
    years_experience: &str,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let edit = edit_in(&mut tx, program_id, user_id).await?;
    let mut kept = Vec::new();
    for p in positions {
        let position = Position {
            job_title: optional_line("job_title", &p.job_title, PROFILE_SHORT_MAX)?,
            company: optional_line("company", &p.company, PROFILE_SHORT_MAX)?,
            industry_id: list_choice("industry", &p.industry, &edit.industries)?,
            job_function_id: list_choice("job_function", &p.job_function, &edit.job_functions)?,
            is_current: p.is_current,
        };
        if position != Position::default()
            && position
                != (Position {
                    is_current: true,
                    ..Position::default()
                })
        {
            kept.push(position);
        }
    }
    if kept.len() > POSITIONS_MAX {
        return Err(AppError::validation("job_title", ValidationCode::TooLong));
    }
    let years = optional_number("years_experience", years_experience, 0, 70)?;
    let profile = Profile {
        positions: kept,
        years_experience: years,
        ..edit.profile.clone()
    };
    let rules = builtin_rules_in(&mut tx, program_id).await?;
    check_required(&edit, &rules, ProfileTab::Employment, &profile)?;
    repo::save_employment(
        &mut tx,
        program_id,
        user_id,
        &profile.positions,
        years,
        Utc::now(),
    )
    .await?;
    after_save(&mut tx, program_id, user_id, false).await?;
    tx.commit().await?;
    Ok(())
}

/// The Skills tab as posted. `custom` maps `f<id>` to chosen option ids, `custom_text`
/// to a written answer, `custom_new` to options the member adds (comma separated).
#[derive(Clone, Default)]
pub struct SkillsForm {
    pub skills: Vec<String>,
    pub development_areas: Vec<String>,
    pub summary: String,
    pub three_words: String,
    pub linkedin: String,
    pub twitter: String,
    pub skype: String,
    pub meeting_formats: Vec<String>,
    pub meeting_cities: Vec<String>,
    pub max_partners: String,
    pub goals: String,
    pub custom: HashMap<String, Vec<String>>,
    pub custom_text: HashMap<String, String>,
    pub custom_new: HashMap<String, String>,
}

/// A handle or profile address: printable, no spaces or markup.
fn handle(field: &str, value: &str) -> AppResult<String> {
    let value = optional_line(field, value, 200)?;
    if value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c))
    {
        return Err(AppError::validation(field, ValidationCode::InvalidChoice));
    }
    Ok(value)
}

/// Saves the Skills tab with the member's custom answers.
pub async fn save_skills(
    db: &Db,
    program_id: i64,
    user_id: i64,
    form: &SkillsForm,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let edit = edit_in(&mut tx, program_id, user_id).await?;
    let mut formats = Vec::new();
    for f in &form.meeting_formats {
        if !MEETING_FORMATS.contains(&f.as_str()) {
            return Err(AppError::validation(
                "meeting_formats",
                ValidationCode::InvalidChoice,
            ));
        }
        if !formats.contains(f) {
            formats.push(f.clone());
        }
    }
    let mut custom = Vec::new();
    let mut new_options = Vec::new();
    for field in &edit.custom_fields {
        let key = format!("f{}", field.id);
        let name = format!("custom_{}", field.id);
        let mut answer = CustomAnswer::default();
        if field.is_free_text() {
            answer.text = optional_text(
                &name,
                form.custom_text.get(&key).map(String::as_str).unwrap_or(""),
                CUSTOM_ANSWER_MAX,
            )?;
        } else {
            for value in form.custom.get(&key).into_iter().flatten() {
                // "No answer" of a single-select field.
                if value.is_empty() {
                    continue;
                }
                let id = value
                    .parse::<i64>()
                    .ok()
                    .filter(|id| field.options.iter().any(|o| o.id == *id))
                    .ok_or(AppError::validation(&name, ValidationCode::InvalidChoice))?;
                if !answer.option_ids.contains(&id) {
                    answer.option_ids.push(id);
                }
            }
            if field.allow_entries {
                for label in
                    split_options(form.custom_new.get(&key).map(String::as_str).unwrap_or(""))
                {
                    if label.chars().count() > LIST_LABEL_MAX {
                        return Err(AppError::validation(&name, ValidationCode::TooLong));
                    }
                    if breaks_the_line(&label) {
                        return Err(AppError::validation(
                            &name,
                            ValidationCode::ControlCharacters,
                        ));
                    }
                    new_options.push((field.id, label));
                }
            }
            let chosen = answer.option_ids.len()
                + new_options.iter().filter(|(f, _)| *f == field.id).count();
            if field.single_select && chosen > 1 {
                return Err(AppError::validation(&name, ValidationCode::InvalidChoice));
            }
            if field.options.len() + new_options.len() > CUSTOM_OPTIONS_MAX * 2 {
                return Err(AppError::validation(&name, ValidationCode::TooLong));
            }
        }
        custom.push((field.id, answer));
    }
    let profile = Profile {
        skills: list_choices("skills", &form.skills, &edit.skills)?,
        development_areas: list_choices(
            "development_areas",
            &form.development_areas,
            &edit.development_areas,
        )?,
        meeting_cities: list_choices("meeting_cities", &form.meeting_cities, &edit.meeting_cities)?,
        summary: optional_text("summary", &form.summary, PROFILE_LONG_MAX)?,
        three_words: optional_line("three_words", &form.three_words, PROFILE_SHORT_MAX)?,
        linkedin: handle("linkedin", &form.linkedin)?,
        twitter: handle("twitter", &form.twitter)?,
        skype: handle("skype", &form.skype)?,
        meeting_formats: formats,
        max_partners: optional_number("max_partners", &form.max_partners, 1, 20)?,
        goals: optional_text("goals", &form.goals, PROFILE_LONG_MAX)?,
        custom,
        ..edit.profile.clone()
    };
    let rules = rules_in(&mut tx, program_id).await?;
    // An option the member types in answers the field as much as a chosen one.
    let mut for_check = profile.clone();
    for (field_id, label) in &new_options {
        if let Some((_, a)) = for_check.custom.iter_mut().find(|(id, _)| id == field_id) {
            a.text.clone_from(label);
        }
    }
    check_required(&edit, &rules, ProfileTab::Skills, &for_check)?;
    let answered: Vec<i64> = edit.custom_fields.iter().map(|f| f.id).collect();
    repo::save_skills(
        &mut tx,
        program_id,
        user_id,
        &repo::SkillsTab {
            profile: &profile,
            answered_fields: &answered,
            new_options: &new_options,
        },
        Utc::now(),
    )
    .await?;
    after_save(&mut tx, program_id, user_id, false).await?;
    tx.commit().await?;
    Ok(())
}

/// Another member's profile for the read-only page: admin-only fields only for the
/// program's administrators, fields not shown on profiles left out, and nothing from a
/// person outside the program.
pub async fn member_profile(
    db: &Db,
    program_id: i64,
    user_id: i64,
    viewer_is_admin: bool,
) -> AppResult<MemberProfile> {
    let tx = &mut db.read().await?;
    let (role, mut profile, completeness) = repo::load_profile(tx, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if role == crate::auth::model::Role::Admin {
        return Err(AppError::NotFound);
    }
    // A deactivated member is gone for other members; administrators still see them.
    if !viewer_is_admin && !repo::is_active_member(tx, program_id, user_id).await? {
        return Err(AppError::NotFound);
    }
    let custom_fields: Vec<CustomField> = repo::custom_fields(tx, program_id)
        .await?
        .into_iter()
        .filter(|f| {
            f.audience.includes(role) && f.show_on_profile && (viewer_is_admin || !f.admin_only)
        })
        .collect();
    profile
        .custom
        .retain(|(id, _)| custom_fields.iter().any(|f| f.id == *id));
    let mut labels = Vec::new();
    for kind in ListKind::ALL {
        labels.extend(repo::list_entries(tx, program_id, kind).await?);
    }
    let used: Vec<i64> = profile
        .skills
        .iter()
        .chain(&profile.development_areas)
        .chain(&profile.meeting_cities)
        .copied()
        .chain(
            profile
                .positions
                .iter()
                .flat_map(|p| [p.industry_id, p.job_function_id])
                .flatten(),
        )
        .collect();
    labels.retain(|item| used.contains(&item.id));
    Ok(MemberProfile {
        user_id,
        role,
        profile,
        // Hours: see `profile_edit`.
        stats: ProfileStats {
            points: 0,
            mentoring_minutes: 0,
            completeness,
        },
        custom_fields,
        labels,
    })
}

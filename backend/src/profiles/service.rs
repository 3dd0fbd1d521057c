//! Rules of the program lists (labels in both languages, no duplicates, a size limit) and
//! of profile completeness (stored, and recomputed whenever its inputs change).
use super::repo;
use crate::db::Db;
use crate::error::{
    breaks_the_line, optional_line, optional_number, optional_text, required_text, AppError,
    AppResult, ValidationCode,
};
use crate::profiles::fields::{
    builtin_rules, completeness, filled_fields, first_missing_required, BuiltinField, FieldRef,
    FieldRule, ProfileTab,
};
use crate::profiles::model::{
    split_options, CustomAnswer, CustomField, FieldAudience, ListItem, ListKind, MemberProfile,
    Position, Profile, ProfileEdit, ProfileStats, CUSTOM_ANSWER_MAX, CUSTOM_NAME_MAX,
    CUSTOM_OPTIONS_MAX, CUSTOM_TEXT_MAX, GENDERS, LIST_ITEMS_MAX, LIST_LABEL_MAX, MEETING_FORMATS,
    POSITIONS_MAX, PROFILE_LONG_MAX, PROFILE_SHORT_MAX,
};
use crate::profiles::options_plan::plan_options;
use crate::profiles::places::{is_country, is_spoken_language};
use chrono::Utc;
use std::collections::HashMap;

/// Both labels trimmed and checked; the French one is required too, so French members
/// never see an English word in a French page.
fn labels(label_en: &str, label_fr: &str) -> AppResult<(String, String)> {
    Ok((
        required_text("label_en", label_en, LIST_LABEL_MAX)?,
        required_text("label_fr", label_fr, LIST_LABEL_MAX)?,
    ))
}

pub async fn add_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
) -> AppResult<i64> {
    let (en, fr) = labels(label_en, label_fr)?;
    if repo::count_items(db, program_id, kind).await? >= LIST_ITEMS_MAX {
        return Err(AppError::validation("label_en", ValidationCode::ListFull));
    }
    if repo::label_taken(db, program_id, kind, &en, &fr, None).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    Ok(repo::insert_item(db, program_id, kind, &en, &fr, Utc::now()).await?)
}

pub async fn rename_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    label_en: &str,
    label_fr: &str,
) -> AppResult<()> {
    let (en, fr) = labels(label_en, label_fr)?;
    if repo::label_taken(db, program_id, kind, &en, &fr, Some(item_id)).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    if !repo::update_item(db, program_id, kind, item_id, &en, &fr).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Deletes an entry; members who had chosen it lose that choice, and their completeness
/// is recomputed at once.
pub async fn remove_item(db: &Db, program_id: i64, kind: ListKind, item_id: i64) -> AppResult<()> {
    let affected = repo::members_using_item(db, program_id, item_id).await?;
    if !repo::delete_item(db, program_id, kind, item_id).await? {
        return Err(AppError::NotFound);
    }
    refresh_members(db, program_id, &affected).await?;
    Ok(())
}

pub async fn move_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    up: bool,
) -> AppResult<()> {
    if !repo::move_item(db, program_id, kind, item_id, up).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Every rule that decides completeness in the program: built-in fields (the program's
/// own rule or the default) and its custom fields.
pub async fn completeness_rules(db: &Db, program_id: i64) -> AppResult<Vec<FieldRule>> {
    let mut rules = builtin_rules(&repo::builtin_rule_overrides(db, program_id).await?);
    rules.extend(repo::custom_field_rules(db, program_id).await?);
    Ok(rules)
}

/// Members read per query while recomputing: bounds memory at any program size.
const FACTS_CHUNK: usize = 5_000;

/// Recomputes one member's completeness from what they have filled and stores it, so the
/// members table is right the moment a profile is saved.
pub async fn refresh_completeness(db: &Db, program_id: i64, user_id: i64) -> AppResult<u8> {
    let rules = completeness_rules(db, program_id).await?;
    let facts = repo::facts_in_range(db, program_id, user_id - 1, user_id).await?;
    let member = facts.first().ok_or(AppError::NotFound)?;
    let now = completeness(member.role, &rules, &member.filled);
    if now != member.stored {
        let change = repo::CompletenessChange {
            user_id,
            was: member.stored,
            now,
        };
        repo::store_completeness(db, program_id, &[change]).await?;
    }
    Ok(now)
}

/// The same for several members of one program (ids in any order): the rules are read
/// once, facts a chunk of members at a time, and only changed figures are written, in one
/// transaction. Returns how many changed.
async fn refresh_members(db: &Db, program_id: i64, members: &[i64]) -> AppResult<usize> {
    if members.is_empty() {
        return Ok(0);
    }
    let rules = completeness_rules(db, program_id).await?;
    let mut ids = members.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut changes = Vec::new();
    for chunk in ids.chunks(FACTS_CHUNK) {
        // A range may also hold members not asked for; recomputing them is harmless.
        let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
        for member in repo::facts_in_range(db, program_id, first - 1, last).await? {
            let now = completeness(member.role, &rules, &member.filled);
            if now != member.stored {
                changes.push(repo::CompletenessChange {
                    user_id: member.user_id,
                    was: member.stored,
                    now,
                });
            }
        }
    }
    repo::store_completeness(db, program_id, &changes).await?;
    Ok(changes.len())
}

/// What a program-wide recalculation did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recalculated {
    pub members: usize,
    pub changed: usize,
}

/// Recomputes every member of the program: after a field rule changes, after seeding, and
/// for the admin's "Recalculate".
pub async fn refresh_program_completeness(db: &Db, program_id: i64) -> AppResult<Recalculated> {
    let members = repo::profile_members(db, program_id).await?;
    let changed = refresh_members(db, program_id, &members).await?;
    Ok(Recalculated {
        members: members.len(),
        changed,
    })
}

/// The admin form of a custom field, as posted (checkboxes are `true` when ticked).
#[derive(Clone, Default)]
pub struct CustomFieldForm {
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    pub options_en: String,
    pub options_fr: String,
    pub hint_en: String,
    pub hint_fr: String,
    pub role: String,
    pub position: String,
    pub required: bool,
    pub in_search: bool,
    pub admin_only: bool,
    pub single_select: bool,
    pub allow_entries: bool,
    pub base_field: bool,
    pub show_on_profile: bool,
    pub in_report: bool,
}

struct CheckedField {
    name_en: String,
    name_fr: String,
    description_en: String,
    description_fr: String,
    hint_en: String,
    hint_fr: String,
    audience: FieldAudience,
    position: Option<i64>,
    options: Vec<(String, String)>,
}

fn check_custom_field(form: &CustomFieldForm) -> AppResult<CheckedField> {
    let name_en = required_text("label_en", &form.name_en, CUSTOM_NAME_MAX)?;
    let name_fr = required_text("label_fr", &form.name_fr, CUSTOM_NAME_MAX)?;
    let description_en = optional_text("description_en", &form.description_en, CUSTOM_TEXT_MAX)?;
    let description_fr = optional_text("description_fr", &form.description_fr, CUSTOM_TEXT_MAX)?;
    let hint_en = optional_line("hint_en", &form.hint_en, CUSTOM_TEXT_MAX)?;
    let hint_fr = optional_line("hint_fr", &form.hint_fr, CUSTOM_TEXT_MAX)?;
    let audience = FieldAudience::parse(&form.role)
        .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
    let position = optional_number("position", &form.position, 0, 9_999)?;
    let en = split_options(&form.options_en);
    let fr = split_options(&form.options_fr);
    if en.len() != fr.len() {
        return Err(AppError::validation(
            "options_fr",
            ValidationCode::OptionsMismatch,
        ));
    }
    if en.len() > CUSTOM_OPTIONS_MAX {
        return Err(AppError::validation("options_en", ValidationCode::TooLong));
    }
    for (field, list) in [("options_en", &en), ("options_fr", &fr)] {
        if list.iter().any(|o| o.chars().count() > LIST_LABEL_MAX) {
            return Err(AppError::validation(field, ValidationCode::TooLong));
        }
        if list.iter().any(|o| breaks_the_line(o)) {
            return Err(AppError::validation(
                field,
                ValidationCode::ControlCharacters,
            ));
        }
        let mut seen = std::collections::HashSet::new();
        if !list.iter().all(|o| seen.insert(o.to_lowercase())) {
            return Err(AppError::validation(field, ValidationCode::Duplicate));
        }
    }
    Ok(CheckedField {
        name_en,
        name_fr,
        description_en,
        description_fr,
        hint_en,
        hint_fr,
        audience,
        position,
        options: en.into_iter().zip(fr).collect(),
    })
}

fn values<'a>(form: &CustomFieldForm, c: &'a CheckedField) -> repo::CustomFieldValues<'a> {
    repo::CustomFieldValues {
        name_en: &c.name_en,
        name_fr: &c.name_fr,
        description_en: &c.description_en,
        description_fr: &c.description_fr,
        hint_en: &c.hint_en,
        hint_fr: &c.hint_fr,
        audience: c.audience,
        required: form.required,
        in_search: form.in_search,
        admin_only: form.admin_only,
        position: c.position,
        single_select: form.single_select,
        allow_entries: form.allow_entries,
        base_field: form.base_field,
        show_on_profile: form.show_on_profile,
        in_report: form.in_report,
    }
}

pub async fn custom_field(db: &Db, program_id: i64, field_id: i64) -> AppResult<CustomField> {
    repo::custom_fields(db, program_id)
        .await?
        .into_iter()
        .find(|f| f.id == field_id)
        .ok_or(AppError::NotFound)
}

/// Adds a custom field; every member's completeness is brought up to date before this
/// returns, so the members table shows the effect at once.
pub async fn create_custom_field(
    db: &Db,
    program_id: i64,
    form: &CustomFieldForm,
) -> AppResult<i64> {
    let checked = check_custom_field(form)?;
    let id = repo::insert_custom_field(
        db,
        program_id,
        &values(form, &checked),
        &checked.options,
        Utc::now(),
    )
    .await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(id)
}

/// Saves a custom field. Options keep their answers when renamed or moved (see
/// `options_plan`); removed options lose theirs. Completeness follows at once.
pub async fn update_custom_field(
    db: &Db,
    program_id: i64,
    field_id: i64,
    form: &CustomFieldForm,
) -> AppResult<()> {
    let checked = check_custom_field(form)?;
    let existing = custom_field(db, program_id, field_id).await?;
    let plan = plan_options(&existing.options, &checked.options);
    if !repo::update_custom_field(db, program_id, field_id, &values(form, &checked), &plan).await? {
        return Err(AppError::NotFound);
    }
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}

/// Deletes a custom field with every answer to it; completeness follows at once.
pub async fn delete_custom_field(db: &Db, program_id: i64, field_id: i64) -> AppResult<()> {
    if !repo::delete_custom_field(db, program_id, field_id).await? {
        return Err(AppError::NotFound);
    }
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}

/// The built-in fields' rules in force in the program, in form order.
pub async fn builtin_field_rules(db: &Db, program_id: i64) -> AppResult<Vec<FieldRule>> {
    Ok(builtin_rules(
        &repo::builtin_rule_overrides(db, program_id).await?,
    ))
}

/// Saves "Manage profile fields": for each built-in field, which roles see it and whether
/// it is required or a base field. Names and time zone stay required for everyone (the
/// product needs them). Completeness follows at once.
pub async fn save_builtin_field_rules(
    db: &Db,
    program_id: i64,
    wanted: &[FieldRule],
) -> AppResult<()> {
    let rules: Vec<FieldRule> = BuiltinField::ALL
        .into_iter()
        .map(|field| {
            let default = field.default_rule();
            if default.required {
                return default;
            }
            wanted
                .iter()
                .find(|r| r.field == FieldRef::Builtin(field))
                .copied()
                .unwrap_or(FieldRule {
                    field: FieldRef::Builtin(field),
                    for_mentors: false,
                    for_mentees: false,
                    required: false,
                    base_field: false,
                })
        })
        .collect();
    repo::replace_builtin_rules(db, program_id, &rules).await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}

/// Everything "Edit profile" shows for a member of the program.
pub async fn profile_edit(db: &Db, program_id: i64, user_id: i64) -> AppResult<ProfileEdit> {
    let (role, profile, completeness) = repo::load_profile(db, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = builtin_field_rules(db, program_id)
        .await?
        .into_iter()
        .filter(|r| r.applies_to(role))
        .filter_map(|r| match r.field {
            FieldRef::Builtin(f) => Some((f, r.required)),
            FieldRef::Custom(_) => None,
        })
        .collect();
    let custom_fields = repo::custom_fields(db, program_id)
        .await?
        .into_iter()
        .filter(|f| f.audience.includes(role) && !f.admin_only)
        .collect();
    Ok(ProfileEdit {
        user_id,
        role,
        profile,
        stats: ProfileStats {
            // Points and hours come from logged meetings, which a later part of the
            // product records; until then every member has none.
            points: 0,
            mentoring_minutes: 0,
            completeness,
        },
        fields,
        custom_fields,
        industries: repo::list_entries(db, program_id, ListKind::Industry).await?,
        job_functions: repo::list_entries(db, program_id, ListKind::JobFunction).await?,
        skills: repo::list_entries(db, program_id, ListKind::Skill).await?,
        development_areas: repo::list_entries(db, program_id, ListKind::DevelopmentArea).await?,
        meeting_cities: repo::list_entries(db, program_id, ListKind::MeetingCity).await?,
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

/// Refreshes the member's completeness in every program where the saved facts count.
async fn after_save(db: &Db, program_id: i64, user_id: i64, person_level: bool) -> AppResult<()> {
    if person_level {
        for program in repo::profile_programs(db, user_id).await? {
            refresh_completeness(db, program, user_id).await?;
        }
    } else {
        refresh_completeness(db, program_id, user_id).await?;
    }
    Ok(())
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
    let edit = profile_edit(db, program_id, user_id).await?;
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
    let time_zone = crate::zone::Zone::parse(&form.time_zone)
        .ok_or(AppError::validation(
            "time_zone",
            ValidationCode::InvalidChoice,
        ))?
        .name()
        .to_string();
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
    let rules = builtin_field_rules(db, program_id).await?;
    check_required(&edit, &rules, ProfileTab::Basic, &profile)?;
    repo::save_basic(
        db,
        user_id,
        &repo::BasicInfo {
            first_name: &profile.first_name,
            last_name: &profile.last_name,
            country: &profile.country,
            province: &profile.province,
            city: &profile.city,
            time_zone: &profile.time_zone,
            languages: &profile.languages,
            gender: &profile.gender,
        },
    )
    .await?;
    after_save(db, program_id, user_id, true).await
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
    let edit = profile_edit(db, program_id, user_id).await?;
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
    let rules = builtin_field_rules(db, program_id).await?;
    check_required(&edit, &rules, ProfileTab::Employment, &profile)?;
    repo::save_employment(
        db,
        program_id,
        user_id,
        &profile.positions,
        years,
        Utc::now(),
    )
    .await?;
    after_save(db, program_id, user_id, false).await
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
    let edit = profile_edit(db, program_id, user_id).await?;
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
    let mut rules = builtin_field_rules(db, program_id).await?;
    rules.extend(repo::custom_field_rules(db, program_id).await?);
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
        db,
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
    after_save(db, program_id, user_id, false).await
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
    let (role, mut profile, completeness) = repo::load_profile(db, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if role == crate::auth::model::Role::Admin {
        return Err(AppError::NotFound);
    }
    // A deactivated member is gone for other members; administrators still see them.
    if !viewer_is_admin && !repo::is_active_member(db, program_id, user_id).await? {
        return Err(AppError::NotFound);
    }
    let custom_fields: Vec<CustomField> = repo::custom_fields(db, program_id)
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
        labels.extend(repo::list_entries(db, program_id, kind).await?);
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
        stats: ProfileStats {
            points: 0,
            mentoring_minutes: 0,
            completeness,
        },
        custom_fields,
        labels,
    })
}

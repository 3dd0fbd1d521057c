//! Server functions of profiles and program lists. List editing is for program admins,
//! always on the admin's current program.
// Form posts map one field to one argument; the admin custom field form has many.
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use crate::profiles::fields::FieldRule;
use crate::profiles::model::{CustomField, ListItem, MemberProfile, PositionInput, ProfileEdit};
use leptos::prelude::*;

/// The caller must administer the current program: (its id, the list asked for, the db).
#[cfg(feature = "ssr")]
fn admin_list(
    list: &str,
) -> Result<(i64, crate::profiles::model::ListKind, crate::db::Db), AppError> {
    let scope = crate::auth::server::authz::require_admin()?;
    let kind = crate::profiles::model::ListKind::parse(list).ok_or(AppError::NotFound)?;
    Ok((scope.program_id, kind, crate::state::app_state()?.db))
}

#[cfg(feature = "ssr")]
fn item_id(id: &str) -> Result<i64, AppError> {
    id.trim().parse().map_err(|_| AppError::NotFound)
}

/// Back to the list, with the notice to show (`added`, `renamed`, `deleted`, or none).
#[cfg(feature = "ssr")]
fn back_to(kind: crate::profiles::model::ListKind, notice: Option<&str>) {
    let query = notice.map(|n| format!("?{n}=1")).unwrap_or_default();
    leptos_axum::redirect(&format!("/admin/lists/{}{query}", kind.as_str()));
}

/// One of the program's lists, with how many profiles use each entry.
#[server(endpoint = "admin_program_list")]
pub async fn get_program_list(list: String) -> Result<Vec<ListItem>, AppError> {
    let (program, kind, db) = admin_list(&list)?;
    Ok(super::server::repo::list_items(&db, program, kind).await?)
}

#[server(endpoint = "admin_program_list_add")]
pub async fn add_list_item(
    list: String,
    label_en: String,
    label_fr: String,
) -> Result<(), AppError> {
    let (program, kind, db) = admin_list(&list)?;
    super::server::service::add_item(&db, program, kind, &label_en, &label_fr).await?;
    back_to(kind, Some("added"));
    Ok(())
}

#[server(endpoint = "admin_program_list_rename")]
pub async fn rename_list_item(
    list: String,
    id: String,
    label_en: String,
    label_fr: String,
) -> Result<(), AppError> {
    let (program, kind, db) = admin_list(&list)?;
    let id = item_id(&id)?;
    super::server::service::rename_item(&db, program, kind, id, &label_en, &label_fr).await?;
    back_to(kind, Some("renamed"));
    Ok(())
}

/// `direction` is "up" or "down".
#[server(endpoint = "admin_program_list_move")]
pub async fn move_list_item(list: String, id: String, direction: String) -> Result<(), AppError> {
    let (program, kind, db) = admin_list(&list)?;
    let id = item_id(&id)?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        // Only the page's own buttons send this.
        _ => return Err(AppError::BadRequest),
    };
    super::server::service::move_item(&db, program, kind, id, up).await?;
    back_to(kind, None);
    Ok(())
}

/// Removes an entry; members who had chosen it lose that choice (the page says how many).
#[server(endpoint = "admin_program_list_delete")]
pub async fn delete_list_item(list: String, id: String) -> Result<(), AppError> {
    let (program, kind, db) = admin_list(&list)?;
    let id = item_id(&id)?;
    super::server::service::remove_item(&db, program, kind, id).await?;
    back_to(kind, Some("deleted"));
    Ok(())
}

/// The caller must administer the current program: (its id, the db).
#[cfg(feature = "ssr")]
fn admin_program() -> Result<(i64, crate::db::Db), AppError> {
    let scope = crate::auth::server::authz::require_admin()?;
    Ok((scope.program_id, crate::state::app_state()?.db))
}

/// "Manage custom fields": the program's custom fields, each with how many members
/// answered it.
#[server(endpoint = "admin_custom_fields")]
pub async fn get_custom_fields() -> Result<Vec<(CustomField, i64)>, AppError> {
    let (program, db) = admin_program()?;
    super::server::service::custom_fields_answered(&db, program).await
}

#[server(endpoint = "admin_custom_field")]
pub async fn get_custom_field(id: i64) -> Result<CustomField, AppError> {
    let (program, db) = admin_program()?;
    super::server::service::custom_field(&db, program, id).await
}

/// Creates (`id` empty) or saves a custom field. Checkboxes are "on" when ticked.
#[server(endpoint = "admin_custom_field_save")]
pub async fn save_custom_field(
    #[server(default)] id: String,
    label_en: String,
    label_fr: String,
    #[server(default)] description_en: String,
    #[server(default)] description_fr: String,
    #[server(default)] options_en: String,
    #[server(default)] options_fr: String,
    #[server(default)] hint_en: String,
    #[server(default)] hint_fr: String,
    role: String,
    #[server(default)] position: String,
    required: Option<String>,
    in_search: Option<String>,
    admin_only: Option<String>,
    single_select: Option<String>,
    allow_entries: Option<String>,
    base_field: Option<String>,
    show_on_profile: Option<String>,
    in_report: Option<String>,
) -> Result<(), AppError> {
    use super::server::service::{self, CustomFieldForm};
    use crate::state::keep_draft;
    let flags = [
        ("required", &required),
        ("in_search", &in_search),
        ("admin_only", &admin_only),
        ("single_select", &single_select),
        ("allow_entries", &allow_entries),
        ("base_field", &base_field),
        ("show_on_profile", &show_on_profile),
        ("in_report", &in_report),
    ];
    let mut draft: Vec<(&str, &str)> = flags
        .iter()
        .filter(|(_, on)| on.is_some())
        .map(|(name, _)| (*name, "on"))
        .collect();
    draft.extend_from_slice(&[
        ("label_en", &label_en),
        ("label_fr", &label_fr),
        ("description_en", &description_en),
        ("description_fr", &description_fr),
        ("options_en", &options_en),
        ("options_fr", &options_fr),
        ("hint_en", &hint_en),
        ("hint_fr", &hint_fr),
        ("role", &role),
        ("position", &position),
    ]);
    keep_draft(&draft);
    let (program, db) = admin_program()?;
    let form = CustomFieldForm {
        name_en: label_en,
        name_fr: label_fr,
        description_en,
        description_fr,
        options_en,
        options_fr,
        hint_en,
        hint_fr,
        role,
        position,
        required: required.is_some(),
        in_search: in_search.is_some(),
        admin_only: admin_only.is_some(),
        single_select: single_select.is_some(),
        allow_entries: allow_entries.is_some(),
        base_field: base_field.is_some(),
        show_on_profile: show_on_profile.is_some(),
        in_report: in_report.is_some(),
    };
    match id.trim() {
        "" => {
            service::create_custom_field(&db, program, &form).await?;
        }
        id => {
            let id = item_id(id)?;
            service::update_custom_field(&db, program, id, &form).await?;
        }
    }
    leptos_axum::redirect("/admin/profile-fields?saved=1");
    Ok(())
}

/// Deletes a custom field and every answer to it.
#[server(endpoint = "admin_custom_field_delete")]
pub async fn delete_custom_field(id: String) -> Result<(), AppError> {
    let (program, db) = admin_program()?;
    super::server::service::delete_custom_field(&db, program, item_id(&id)?).await?;
    leptos_axum::redirect("/admin/profile-fields?deleted=1");
    Ok(())
}

/// "Manage profile fields": the built-in fields' rules in force.
#[server(endpoint = "admin_profile_rules")]
pub async fn get_profile_rules() -> Result<Vec<FieldRule>, AppError> {
    let (program, db) = admin_program()?;
    super::server::service::builtin_field_rules(&db, program).await
}

/// Saves the built-in fields' rules. The form posts `rule[<field>][<flag>]=on` for each
/// ticked box (flags: mentors, mentees, required, base); an unticked box posts nothing.
#[server(endpoint = "admin_profile_rules_save")]
pub async fn save_profile_rules(
    #[server(default)] rule: std::collections::HashMap<
        String,
        std::collections::HashMap<String, String>,
    >,
) -> Result<(), AppError> {
    use super::fields::{BuiltinField, FieldRef};
    let (program, db) = admin_program()?;
    let mut rules = Vec::new();
    for (key, flags) in &rule {
        let field = BuiltinField::parse(key).ok_or(AppError::BadRequest)?;
        rules.push(FieldRule {
            field: FieldRef::Builtin(field),
            for_mentors: flags.contains_key("mentors"),
            for_mentees: flags.contains_key("mentees"),
            required: flags.contains_key("required"),
            base_field: flags.contains_key("base"),
        });
    }
    super::server::service::save_builtin_field_rules(&db, program, &rules).await?;
    leptos_axum::redirect("/admin/profile-fields/builtin?saved=1");
    Ok(())
}

/// "Recalculate": recomputes every member's completeness (it is always kept current; this
/// is for parity and peace of mind).
#[server(endpoint = "admin_recalculate_completeness")]
pub async fn recalculate_completeness() -> Result<(), AppError> {
    let (program, db) = admin_program()?;
    let done = super::server::service::refresh_program_completeness(&db, program).await?;
    leptos_axum::redirect(&format!(
        "/admin/profile-fields?recalculated={}&changed={}",
        done.members, done.changed
    ));
    Ok(())
}

/// The signed-in member's profile in the current program (administrators have none).
#[cfg(feature = "ssr")]
fn profile_owner() -> Result<(i64, i64, crate::db::Db), AppError> {
    let scope = crate::auth::server::authz::require_member()?;
    if scope.role == crate::auth::model::Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok((
        scope.program_id,
        scope.session.viewer.user_id,
        crate::state::app_state()?.db,
    ))
}

/// "Edit profile": the member's own profile and the choices it offers.
#[server(endpoint = "my_profile")]
pub async fn get_my_profile() -> Result<ProfileEdit, AppError> {
    let (program, user, db) = profile_owner()?;
    let mut edit = super::server::service::profile_edit(&db, program, user).await?;
    edit.stats.mentoring_minutes = mentoring_minutes(program, user).await?;
    Ok(edit)
}

/// "Your mentoring hours" of the profile panel: held meetings and those logged, from the
/// members index (the members table's own figure).
#[cfg(feature = "ssr")]
async fn mentoring_minutes(program_id: i64, user_id: i64) -> Result<i64, AppError> {
    let state = crate::state::app_state()?;
    let minutes = backend::members::index::mentoring_minutes(
        &state.db,
        &state.member_index,
        program_id,
        user_id,
        chrono::Utc::now(),
    )
    .await?;
    Ok(i64::from(minutes))
}

/// Saves the Basic information tab.
#[server(endpoint = "save_profile_basic")]
pub async fn save_profile_basic(
    first_name: String,
    last_name: String,
    #[server(default)] country: String,
    #[server(default)] province: String,
    #[server(default)] city: String,
    time_zone: String,
    #[server(default)] languages: Vec<String>,
    #[server(default)] gender: String,
) -> Result<(), AppError> {
    let (program, user, db) = profile_owner()?;
    let form = super::server::service::BasicForm {
        first_name,
        last_name,
        country,
        province,
        city,
        time_zone,
        languages,
        gender,
    };
    super::server::service::save_basic(&db, program, user, &form).await?;
    leptos_axum::redirect("/profile?tab=basic&saved=1");
    Ok(())
}

/// Saves the Employment tab.
#[server(endpoint = "save_profile_employment")]
pub async fn save_profile_employment(
    #[server(default)] position: Vec<PositionInput>,
    #[server(default)] years_experience: String,
) -> Result<(), AppError> {
    use super::server::service::{self, PositionForm};
    let (program, user, db) = profile_owner()?;
    let rows: Vec<PositionForm> = position
        .into_iter()
        .map(|p| PositionForm {
            job_title: p.job_title,
            company: p.company,
            industry: p.industry,
            job_function: p.job_function,
            is_current: p.is_current.is_some(),
        })
        .collect();
    service::save_employment(&db, program, user, &rows, &years_experience).await?;
    leptos_axum::redirect("/profile?tab=employment&saved=1");
    Ok(())
}

/// Saves the Skills tab with the member's answers to the program's custom fields
/// (`custom[f<id>][]`: chosen options, `custom_text[f<id>]`: a written answer,
/// `custom_new[f<id>]`: options the member adds, comma separated).
#[server(endpoint = "save_profile_skills")]
pub async fn save_profile_skills(
    #[server(default)] skills: Vec<String>,
    #[server(default)] development_areas: Vec<String>,
    #[server(default)] summary: String,
    #[server(default)] three_words: String,
    #[server(default)] linkedin: String,
    #[server(default)] twitter: String,
    #[server(default)] skype: String,
    #[server(default)] meeting_formats: Vec<String>,
    #[server(default)] meeting_cities: Vec<String>,
    #[server(default)] max_partners: String,
    #[server(default)] goals: String,
    #[server(default)] custom: std::collections::HashMap<String, Vec<String>>,
    #[server(default)] custom_text: std::collections::HashMap<String, String>,
    #[server(default)] custom_new: std::collections::HashMap<String, String>,
) -> Result<(), AppError> {
    let (program, user, db) = profile_owner()?;
    let form = super::server::service::SkillsForm {
        skills,
        development_areas,
        summary,
        three_words,
        linkedin,
        twitter,
        skype,
        meeting_formats,
        meeting_cities,
        max_partners,
        goals,
        custom,
        custom_text,
        custom_new,
    };
    super::server::service::save_skills(&db, program, user, &form).await?;
    leptos_axum::redirect("/profile?tab=skills&saved=1");
    Ok(())
}

/// A member's profile as another member of the same program sees it.
#[server(endpoint = "member_profile")]
pub async fn get_member_profile(user_id: i64) -> Result<MemberProfile, AppError> {
    let scope = crate::auth::server::authz::require_member()?;
    let db = crate::state::app_state()?.db;
    let mut profile = super::server::service::member_profile(
        &db,
        scope.program_id,
        user_id,
        scope.role == crate::auth::model::Role::Admin,
    )
    .await?;
    profile.stats.mentoring_minutes = mentoring_minutes(scope.program_id, user_id).await?;
    Ok(profile)
}

//! Programs' edits of the system messages: list, edit (keywords checked), reset, preview.
use super::defaults::default_text;
use super::render::{render, Letterhead, MailVars, Rendered};
use super::repo::{self, TemplateRow};
use super::service::logo_url;
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::{breaks_the_line, AppError, AppResult, ValidationCode};
use crate::i18n::{translate, translate_with, Lang, LocalDateTime};
use crate::messaging::model::{TemplateEdit, TemplateSummary};
use crate::messaging::template::{
    find_template, first_unknown_keyword, TemplateSpec, SYSTEM_TEMPLATES,
};
use chrono::{Duration, Utc};

const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 20_000;

fn spec(key: &str) -> AppResult<&'static TemplateSpec> {
    find_template(key).ok_or(AppError::NotFound)
}

fn defaults_row(key: &str) -> TemplateRow {
    let (en, fr) = (default_text(Lang::En, key), default_text(Lang::Fr, key));
    TemplateRow {
        template_key: key.to_string(),
        subject_en: en.subject,
        subject_fr: fr.subject,
        body_en: en.body,
        body_fr: fr.body,
        is_active: true,
    }
}

pub async fn list(db: &Db, program_id: i64, lang: Lang) -> AppResult<Vec<TemplateSummary>> {
    let edited = repo::template_overrides(db, program_id).await?;
    Ok(SYSTEM_TEMPLATES
        .iter()
        .map(|spec| {
            let row = edited.iter().find(|r| r.template_key == spec.key);
            let current = row.cloned().unwrap_or_else(|| defaults_row(spec.key));
            TemplateSummary {
                key: spec.key.to_string(),
                category: spec.category,
                subject: match lang {
                    Lang::En => current.subject_en,
                    Lang::Fr => current.subject_fr,
                },
                active: current.is_active || spec.required,
                edited: row.is_some(),
                required: spec.required,
            }
        })
        .collect())
}

pub async fn get(db: &Db, program_id: i64, key: &str) -> AppResult<TemplateEdit> {
    let spec = spec(key)?;
    let edited = repo::template_overrides(db, program_id)
        .await?
        .into_iter()
        .find(|r| r.template_key == key);
    let is_edited = edited.is_some();
    let row = edited.unwrap_or_else(|| defaults_row(key));
    Ok(TemplateEdit {
        key: spec.key.to_string(),
        category: spec.category,
        keywords: spec.keywords().map(str::to_string).collect(),
        subject_en: row.subject_en,
        body_en: row.body_en,
        subject_fr: row.subject_fr,
        body_fr: row.body_fr,
        active: row.is_active || spec.required,
        required: spec.required,
        edited: is_edited,
    })
}

/// Checks one text: present, not too long, only the template's keywords.
fn check(spec: &TemplateSpec, field: &str, text: &str, max: usize) -> AppResult<String> {
    let text = text.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(AppError::validation(field, ValidationCode::Required));
    }
    if text.chars().count() > max {
        return Err(AppError::validation(field, ValidationCode::TooLong));
    }
    if let Some(keyword) = first_unknown_keyword(spec, &text) {
        return Err(AppError::UnknownKeyword {
            field: field.to_string(),
            keyword: keyword.to_string(),
        });
    }
    Ok(text)
}

/// A subject becomes an e-mail header: `check`ed, and on one line.
fn check_subject(spec: &TemplateSpec, field: &str, text: &str) -> AppResult<String> {
    let text = check(spec, field, text, MAX_SUBJECT)?;
    if breaks_the_line(&text) {
        return Err(AppError::validation(
            field,
            ValidationCode::ControlCharacters,
        ));
    }
    Ok(text)
}

pub struct TemplateForm {
    pub subject_en: String,
    pub body_en: String,
    pub subject_fr: String,
    pub body_fr: String,
    pub active: bool,
}

pub async fn save(db: &Db, scope: &MemberScope, key: &str, form: TemplateForm) -> AppResult<()> {
    let spec = spec(key)?;
    let row = TemplateRow {
        template_key: spec.key.to_string(),
        subject_en: check_subject(spec, "subject_en", &form.subject_en)?,
        body_en: check(spec, "body_en", &form.body_en, MAX_BODY)?,
        subject_fr: check_subject(spec, "subject_fr", &form.subject_fr)?,
        body_fr: check(spec, "body_fr", &form.body_fr, MAX_BODY)?,
        // Security messages always go out.
        is_active: form.active || spec.required,
    };
    repo::save_template(
        db,
        scope.program_id,
        &row,
        scope.session.viewer.user_id,
        Utc::now(),
    )
    .await?;
    Ok(())
}

pub async fn reset(db: &Db, program_id: i64, key: &str) -> AppResult<()> {
    spec(key)?;
    repo::delete_template(db, program_id, key).await?;
    Ok(())
}

/// The saved message rendered for the viewing admin as a sample member.
pub async fn preview(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    key: &str,
    lang: Lang,
) -> AppResult<Rendered> {
    let edit = get(db, scope.program_id, key).await?;
    let mut tx = db.begin().await?;
    let program = repo::program_letterhead(&mut tx, scope.program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    let viewer = &scope.session.viewer;
    let (subject, body) = match lang {
        Lang::En => (edit.subject_en, edit.body_en),
        Lang::Fr => (edit.subject_fr, edit.body_fr),
    };
    let vars = MailVars {
        first_name: viewer.first_name.clone(),
        last_name: viewer.last_name.clone(),
        email: viewer.email.clone(),
        org_name: match lang {
            Lang::En => program.name_en.clone(),
            Lang::Fr => program.name_fr.clone(),
        },
        admin_email: program.contact_email.clone(),
        here: Some(format!("{base_url}/")),
        expires: Some(
            LocalDateTime::from_utc(Utc::now() + Duration::hours(2), &viewer.time_zone)
                .format_date_time(lang),
        ),
        partner_name: Some(translate(lang, "template-sample-partner", None)),
        message: Some(translate(lang, "template-sample-message", None)),
        values: vec![
            (
                "sender_name",
                translate(lang, "template-sample-partner", None),
            ),
            (
                "cancelled_meetings",
                translate_with(lang, "meeting-mail-count", &[("count", 1.into())]),
            ),
            (
                "answered_meetings",
                translate_with(lang, "meeting-mail-count", &[("count", 1.into())]),
            ),
            (
                "meeting_answer",
                translate(lang, "meeting-answer-accepted", None),
            ),
            (
                "participants",
                translate(lang, "template-sample-partner", None),
            ),
            (
                "meeting_time",
                translate(lang, "template-sample-meeting-time", None),
            ),
            (
                "previous_time",
                translate(lang, "template-sample-previous-time", None),
            ),
            (
                "meeting_repeats",
                translate(lang, "template-sample-meeting-repeats", None),
            ),
            ("meeting_type", translate(lang, "meeting-type-video", None)),
            ("location", "https://meet.jit.si/mentora-example".into()),
        ],
        actions: Vec::new(),
    };
    let letterhead = Letterhead {
        logo_url: logo_url(base_url, &program.logo_url),
        pixel_url: None,
    };
    Ok(render(lang, &subject, &body, &vars, &letterhead))
}

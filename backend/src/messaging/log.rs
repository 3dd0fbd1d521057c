//! The e-mail log: filters from the URL resolved for the viewer, pages, and the CSV of
//! exactly the filtered rows.
use super::log_repo::{self, Cursor, LogFilter, LogRecord};
use crate::csv_out::{csv_cell, csv_record};
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::{translate, Lang, LocalDateTime};
use crate::messaging::model::{
    EmailLogPage, EmailLogQuery, EmailLogRow, EmailStatus, EMAIL_LOG_COUNT_CAP, EMAIL_LOG_PAGE,
};
use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};

fn parse_date(field: &str, value: &Option<String>) -> AppResult<Option<NaiveDate>> {
    value
        .as_deref()
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| AppError::validation(field, ValidationCode::InvalidChoice))
        })
        .transpose()
}

/// Resolves the URL's filters for the viewer: member addresses to ids, dates (inclusive,
/// in the viewer's zone) to instants.
pub async fn resolve(
    db: &Db,
    program_id: i64,
    zone: &Zone,
    query: &EmailLogQuery,
) -> AppResult<(LogFilter, Vec<(String, String)>)> {
    let from = parse_date("from", &query.from)?;
    let to = parse_date("to", &query.to)?;
    let mut filter = LogFilter {
        program_id,
        statuses: query
            .statuses
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        from: from.map(|d| zone.start_of_day(d)),
        until: to.and_then(|d| d.succ_opt()).map(|d| zone.start_of_day(d)),
        user_ids: None,
    };
    let mut chips = Vec::new();
    if !query.members.is_empty() {
        let found = log_repo::members_by_email(db, program_id, &query.members).await?;
        filter.user_ids = Some(found.iter().map(|m| m.0).collect());
        chips = found
            .into_iter()
            .map(|(_, first, last, email)| (format!("{first} {last}"), email))
            .collect();
        // Addresses with no e-mail in this program still show, so they can be removed.
        for email in &query.members {
            if !chips.iter().any(|(_, e)| e == email) {
                chips.push((String::new(), email.clone()));
            }
        }
    }
    Ok((filter, chips))
}

pub fn encode_cursor(at: DateTime<Utc>, id: i64) -> String {
    format!("{}.{id}", at.timestamp_micros())
}

pub fn decode_cursor(value: &str) -> Option<(DateTime<Utc>, i64)> {
    let (micros, id) = value.split_once('.')?;
    Some((
        DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id.parse().ok()?,
    ))
}

pub fn to_row(record: LogRecord, zone: &Zone) -> EmailLogRow {
    EmailLogRow {
        id: record.id,
        subject: record.subject,
        to_name: record.to_name,
        to_address: record.to_address,
        sent: LocalDateTime::from_utc(record.created_at, zone),
        status: record.status,
        status_at: LocalDateTime::from_utc(record.status_at, zone),
        open_automatic: record.open_automatic,
    }
}

/// One page of the log for the viewer.
pub async fn page(
    db: &Db,
    program_id: i64,
    zone: &Zone,
    query: &EmailLogQuery,
) -> AppResult<EmailLogPage> {
    let (filter, members) = resolve(db, program_id, zone, query).await?;
    let cursor = match (&query.before, &query.after) {
        (Some(before), _) => decode_cursor(before).map(|(at, id)| Cursor::Before(at, id)),
        (None, Some(after)) => decode_cursor(after).map(|(at, id)| Cursor::After(at, id)),
        _ => None,
    };
    let mut records = log_repo::page(db, &filter, cursor, EMAIL_LOG_PAGE + 1).await?;
    let has_more = records.len() as i64 > EMAIL_LOG_PAGE;
    if has_more {
        match cursor {
            // Newer pages come back oldest-extra-first after the reversal.
            Some(Cursor::After(..)) => {
                records.remove(0);
            }
            _ => {
                records.pop();
            }
        }
    }
    let (older, newer) = match cursor {
        None => (has_more, false),
        Some(Cursor::Before(..)) => (has_more, true),
        Some(Cursor::After(..)) => (true, has_more),
    };
    let older = older
        .then(|| records.last().map(|r| encode_cursor(r.created_at, r.id)))
        .flatten();
    let newer = newer
        .then(|| records.first().map(|r| encode_cursor(r.created_at, r.id)))
        .flatten();
    let total = log_repo::count_capped(db, &filter, EMAIL_LOG_COUNT_CAP).await?;
    Ok(EmailLogPage {
        rows: records.into_iter().map(|r| to_row(r, zone)).collect(),
        total,
        older,
        newer,
        members,
    })
}

fn local_stamp(at: DateTime<Utc>, zone: &Zone) -> String {
    let tz = zone.tz();
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

pub fn csv_header(lang: Lang) -> String {
    let columns = [
        "email-log-col-name",
        "email-log-col-recipient",
        "field-email",
        "email-log-col-sent",
        "email-log-col-status",
        "email-log-col-status-at",
    ];
    let cells: Vec<String> = columns
        .iter()
        .map(|key| csv_cell(&translate(lang, key, None)))
        .collect();
    csv_record(&cells)
}

pub fn csv_line(record: &LogRecord, lang: Lang, zone: &Zone) -> String {
    let status = record.status;
    let status_label = if status == EmailStatus::Opened && record.open_automatic {
        translate(lang, "email-status-opened-automatic", None)
    } else {
        translate(lang, status.label_key(), None)
    };
    let cells = [
        csv_cell(&record.subject),
        csv_cell(&record.to_name),
        csv_cell(&record.to_address),
        local_stamp(record.created_at, zone),
        csv_cell(&status_label),
        local_stamp(record.status_at, zone),
    ];
    csv_record(&cells)
}

/// Rows fetched per round trip while streaming the CSV.
pub const CSV_CHUNK: i64 = 2_000;

/// The next chunk of the CSV export after `cursor`.
pub async fn csv_chunk(
    db: &Db,
    filter: &LogFilter,
    cursor: Option<(DateTime<Utc>, i64)>,
) -> AppResult<Vec<LogRecord>> {
    Ok(log_repo::page(
        db,
        filter,
        cursor.map(|(at, id)| Cursor::Before(at, id)),
        CSV_CHUNK,
    )
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_days_follow_the_zone() {
        let at = DateTime::from_timestamp_micros(1_732_300_000_123_456).unwrap();
        assert_eq!(decode_cursor(&encode_cursor(at, 42)), Some((at, 42)));
        assert_eq!(decode_cursor("junk"), None);
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(
            Zone::parse("America/Toronto")
                .unwrap()
                .start_of_day(day)
                .to_rfc3339(),
            "2026-11-01T04:00:00+00:00"
        );
        assert_eq!(
            Zone::parse("America/Vancouver")
                .unwrap()
                .start_of_day(day)
                .to_rfc3339(),
            "2026-11-01T07:00:00+00:00"
        );
    }
}

/// Hides the secret part of one-time links (`/password/<token>`, `/unlock/<token>`, a
/// meeting's answer links) when an administrator reads a message: reading the log must
/// not let anyone into an account or answer for a member.
/// The open-tracking pixel (`/e/o/<token>.gif`) is masked too, or the admin's reading
/// would be recorded as the member opening the message.
const ANSWER_LINK_PREFIX: &str = "/meetings/answer/";

pub fn redact_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["/password/", "/unlock/", ANSWER_LINK_PREFIX, "/e/o/"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let token_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if token_len > 0 {
            out.push_str("••••••");
        }
        rest = &rest[token_len..];
    }
}

#[cfg(test)]
mod redact_tests {
    #[test]
    fn one_time_links_are_hidden() {
        let text = "Click here (https://m.example/password/AbC-12_x) or <a href=\"https://m.example/unlock/zz9\">ici</a>; see https://m.example/password/.";
        assert_eq!(
            super::redact_links(text),
            "Click here (https://m.example/password/••••••) or <a href=\"https://m.example/unlock/••••••\">ici</a>; see https://m.example/password/."
        );
        assert_eq!(
            super::redact_links(&format!(
                "Accept: https://m.example{}",
                shared::scheduling::answer_link::answer_link_path("Zq-9_a")
            )),
            "Accept: https://m.example/meetings/answer/••••••"
        );
        assert_eq!(
            super::redact_links("<img src=\"https://m.example/e/o/Tr4ck-_x.gif\" alt=\"\">"),
            "<img src=\"https://m.example/e/o/••••••.gif\" alt=\"\">"
        );
    }
}

//! `GET /admin/relationships/meetings.csv?<the tab's query>`: exactly the meetings the
//! Meetings tab's search finds, in its order, every page; times on the administrator's
//! clock, headers and statuses in their language.
use super::admin::{AdminMeetingRow, MeetingsQuery};
use super::admin_meetings::found_meetings;
use crate::auth::authz::admin_route_scope;
use crate::csv_out::{csv_cell, csv_record};
use crate::i18n::{translate, Lang, LocalDateTime};
use crate::state::AppState;
use axum::extract::{RawQuery, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Rows named and written per read transaction.
const BATCH: usize = 1_000;

pub async fn meetings_csv(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    let scope = match admin_route_scope(request.extensions()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    let query = match MeetingsQuery::parse(query.as_deref().unwrap_or("")) {
        Ok(q) => q,
        Err(err) => return err.http_status().into_response(),
    };
    let now = chrono::Utc::now();
    let zone = scope.session.viewer.time_zone;
    let lang = scope.session.viewer.language;
    let found = match found_meetings(&state.db, &scope, &query, now).await {
        Ok(found) => found,
        Err(err) => return err.http_status().into_response(),
    };
    // A byte-order mark so spreadsheets read the names' accents as UTF-8.
    let mut text = format!("\u{feff}{}", header(lang));
    let mut start = 0;
    while start < found.meetings.len() {
        match found.rows(&state.db, &zone, start..start + BATCH).await {
            Ok(rows) => text.extend(rows.iter().map(|r| record(r, lang))),
            Err(err) => return err.http_status().into_response(),
        }
        start += BATCH;
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"meetings.csv\"",
            ),
        ],
        text,
    )
        .into_response()
}

/// The columns, as the tab names them.
pub const CSV_COLUMNS: [&str; 9] = [
    "admin-relationships-col-mentor",
    "admin-relationships-col-mentee",
    "admin-meetings-col-sender",
    "admin-meetings-col-date",
    "admin-meetings-col-start",
    "admin-meetings-col-end",
    "admin-meetings-col-minutes",
    "admin-meetings-col-status",
    "admin-meetings-col-participants",
];

fn header(lang: Lang) -> String {
    let cells: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|key| csv_cell(&translate(lang, key, None)))
        .collect();
    csv_record(&cells)
}

fn hour_minute(t: &LocalDateTime) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// One meeting: its date as 2026-12-09, times as 24-hour clock, its participants as
/// "✓ Anna Carter; ? Charlotte Test".
pub fn record(row: &AdminMeetingRow, lang: Lang) -> String {
    let s = &row.start;
    let participants: Vec<String> = row
        .participants
        .iter()
        .map(|p| format!("{} {}", p.answer.mark(), p.name))
        .collect();
    let cells = [
        csv_cell(&row.mentor_name),
        csv_cell(&row.mentee_name),
        csv_cell(&row.sender_name),
        format!("{:04}-{:02}-{:02}", s.year, s.month, s.day),
        hour_minute(s),
        hour_minute(&row.end),
        row.minutes.to_string(),
        csv_cell(&translate(lang, row.status.label_key(), None)),
        csv_cell(&participants.join("; ")),
    ];
    csv_record(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::admin::ListedParticipant;
    use crate::scheduling::model::{Answer, MeetingStatus};

    #[test]
    fn a_row_reads_back_through_a_standard_csv_reader() {
        let at = |hour| LocalDateTime {
            year: 2026,
            month: 12,
            day: 9,
            hour,
            minute: 30,
        };
        let row = AdminMeetingRow {
            id: 1,
            relationship_id: 2,
            mentor_id: 3,
            mentor_name: "=Zoé, Adams".into(),
            mentee_id: 4,
            mentee_name: "Hélène Émond".into(),
            sender_name: "Zoé Adams".into(),
            start: at(9),
            end: at(10),
            minutes: 60,
            status: MeetingStatus::Held,
            participants: vec![
                ListedParticipant {
                    name: "Zoé Adams".into(),
                    answer: Answer::Accepted,
                },
                ListedParticipant {
                    name: "Hélène Émond".into(),
                    answer: Answer::Pending,
                },
            ],
        };
        let text = format!("{}{}", header(Lang::Fr), record(&row, Lang::Fr));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "Nom du mentor");
        assert_eq!(headers.len(), CSV_COLUMNS.len());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[0], "'=Zoé, Adams");
        assert_eq!(&record[1], "Hélène Émond");
        assert_eq!(&record[3], "2026-12-09");
        assert_eq!(
            (&record[4], &record[5], &record[6]),
            ("09:30", "10:30", "60")
        );
        assert_eq!(&record[7], "Terminée");
        assert_eq!(&record[8], "✓ Zoé Adams; ? Hélène Émond");
    }
}

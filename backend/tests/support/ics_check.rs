//! Runs `scripts/check-ics.py` (Python's icalendar and e-mail parser, not ours) over a
//! folder of calendar files and meeting e-mails. It runs where `scripts/setup.sh --test`
//! installed it (`.tools/py`, or `MENTORA_ICS_PYTHON`); `MENTORA_REQUIRE_ICS_CHECK=1`
//! (set by `scripts/test.sh`) makes its absence a failure.
#![allow(dead_code)]
use chrono::{Duration, NaiveDateTime};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one event of a checked file must say (written beside it as JSON).
#[derive(Clone, Debug)]
pub struct ExpectedEvent {
    pub uid: String,
    pub sequence: u32,
    pub tzid: String,
    /// On the zone's clock.
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub recurrence_id: Option<NaiveDateTime>,
    pub cancelled: bool,
    pub rrule: Option<String>,
    pub exdates: Vec<NaiveDateTime>,
    /// (address, PARTSTAT) of each attendee.
    pub attendees: Vec<(String, &'static str)>,
}

fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

impl ExpectedEvent {
    /// A 30-minute event that follows its rule: no RRULE, EXDATE or RECURRENCE-ID, not
    /// cancelled.
    pub fn half_hour(
        (uid, sequence): (&str, u32),
        tzid: &str,
        start: NaiveDateTime,
        attendees: Vec<(String, &'static str)>,
    ) -> ExpectedEvent {
        ExpectedEvent {
            uid: uid.into(),
            sequence,
            tzid: tzid.into(),
            start,
            minutes: 30,
            recurrence_id: None,
            cancelled: false,
            rrule: None,
            exdates: vec![],
            attendees,
        }
    }

    pub fn json(&self) -> Value {
        let attendees: serde_json::Map<String, Value> = self
            .attendees
            .iter()
            .map(|(address, partstat)| (format!("mailto:{address}"), json!(partstat)))
            .collect();
        json!({
            "uid": self.uid,
            "sequence": self.sequence,
            "tzid": self.tzid,
            "dtstart": stamp(self.start),
            "dtend": stamp(self.start + Duration::minutes(self.minutes)),
            "recurrence_id": self.recurrence_id.map(stamp),
            "status": if self.cancelled { "CANCELLED" } else { "CONFIRMED" },
            "rrule": self.rrule,
            "exdates": self.exdates.iter().copied().map(stamp).collect::<Vec<_>>(),
            "attendees": attendees,
        })
    }
}

/// An empty folder for one test's files, under the target's temporary folder.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn checker_python() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("MENTORA_ICS_PYTHON") {
        return Some(PathBuf::from(path));
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/py/bin/python");
    venv.exists().then_some(venv)
}

/// Checks every file of `dir` (there must be `files` of them); panics with the checker's
/// report when one fails.
pub fn check_folder(dir: &Path, files: usize) {
    let Some(python) = checker_python() else {
        assert!(
            std::env::var("MENTORA_REQUIRE_ICS_CHECK").is_err(),
            "the independent iCalendar checker is required but not installed (scripts/setup.sh --test)"
        );
        eprintln!("skipped: Python's icalendar is not installed (scripts/setup.sh --test)");
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/check-ics.py");
    let out = Command::new(python)
        .arg(script)
        .arg(dir)
        .output()
        .expect("run the checker");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains(&format!("checked {files} files")),
        "{report}"
    );
}

//! One instance's state: the database, its configuration and its workers' health. The app
//! hands it to pages and server functions; plain routes get it from the router.
use crate::db::Db;
use crate::members::index::MemberIndexes;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    /// This instance's in-memory copy of the members table (each instance has its own).
    pub member_index: std::sync::Arc<MemberIndexes>,
    /// Set when the public base URL is https: cookies then carry `Secure`.
    pub secure_cookies: bool,
    /// The public URL, without a trailing slash: links in e-mails start with it.
    pub base_url: String,
    /// Behind a reverse proxy: take the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// Shared secret of the delivery-report webhook; `None` disables it.
    pub email_webhook_secret: Option<String>,
    /// How this instance's background workers are doing (read by `/healthz`).
    pub workers: WorkerHealth,
    /// Reads members' own calendars (busy time), within the operator's limits.
    pub calendar_fetch: crate::remote_fetch::RemoteFetch,
    /// How often each member's calendar is read again.
    pub calendar_read_every: chrono::Duration,
}

/// The state of each supervised background worker of this instance.
#[derive(Clone, Debug, Default)]
pub struct WorkerHealth(std::sync::Arc<std::sync::Mutex<Vec<WorkerReport>>>);

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WorkerReport {
    pub name: &'static str,
    pub running: bool,
    /// Times the worker stopped and was started again.
    pub restarts: u32,
    /// Why it last stopped.
    pub last_stop: Option<String>,
}

impl WorkerHealth {
    fn update(&self, name: &'static str, change: impl FnOnce(&mut WorkerReport)) {
        let mut reports = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let index = match reports.iter().position(|r| r.name == name) {
            Some(index) => index,
            None => {
                reports.push(WorkerReport {
                    name,
                    running: false,
                    restarts: 0,
                    last_stop: None,
                });
                reports.len() - 1
            }
        };
        change(&mut reports[index]);
    }

    pub fn started(&self, name: &'static str) {
        self.update(name, |r| r.running = true);
    }

    pub fn stopped(&self, name: &'static str, reason: String) {
        self.update(name, |r| {
            r.running = false;
            r.restarts += 1;
            r.last_stop = Some(reason);
        });
    }

    pub fn reports(&self) -> Vec<WorkerReport> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

//! A local SMTP server for tests: accepts everything, except recipients whose address
//! starts with "defer" (451, temporary) or "bounce" (550, permanent). It can "hold" a
//! message: receive it completely but never answer, as if the sender died before our 250;
//! such a message is not delivered (RFC 5321: no reply, no responsibility).
#![allow(dead_code)]
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.data
            .split("\r\n\r\n")
            .next()?
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_string())
    }
}

#[derive(Default)]
struct State {
    received: Vec<Received>,
    /// Hold the n-th message (1-based) to arrive from now on.
    hold_at: Option<usize>,
    arrived: usize,
    holding: bool,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    state: Arc<Mutex<State>>,
    changed: Arc<Notify>,
    hang_up: Arc<Notify>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = SmtpSink {
            port,
            state: Arc::default(),
            changed: Arc::default(),
            hang_up: Arc::default(),
        };
        let accept = sink.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let sink = accept.clone();
                tokio::spawn(async move { sink.session(socket).await });
            }
        });
        sink
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    pub fn hold_message(&self, n: usize) {
        let mut state = self.state.lock().unwrap();
        state.hold_at = Some(state.arrived + n);
    }

    /// Closes the held connection, as the operating system does when a sender is killed
    /// (an aborted task may leave its pooled connection open).
    pub fn hang_up(&self) {
        self.hang_up.notify_waiters();
    }

    pub fn is_holding(&self) -> bool {
        self.state.lock().unwrap().holding
    }

    /// Waits (up to `secs`) until `done` holds.
    pub async fn wait_until(&self, secs: u64, done: impl Fn(&SmtpSink) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            if done(self) {
                return true;
            }
            let notified = self.changed.notified();
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return done(self);
            }
        }
    }

    async fn session(&self, socket: tokio::net::TcpStream) {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read);
        if write.write_all(b"220 sink ESMTP\r\n").await.is_err() {
            return;
        }
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                break;
            }
            let command = line.trim_end().to_string();
            let upper = command.to_ascii_uppercase();
            let answer: String = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n".into()
            } else if upper.starts_with("MAIL FROM:") {
                from = command[10..].trim().to_string();
                to.clear();
                "250 OK\r\n".into()
            } else if upper.starts_with("RCPT TO:") {
                let address = command[8..]
                    .trim()
                    .trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap_or("")
                    .to_string();
                if address.starts_with("defer") {
                    "451 4.3.0 Try again later\r\n".into()
                } else if address.starts_with("bounce") {
                    "550 5.1.1 No such user\r\n".into()
                } else {
                    to.push(address);
                    "250 OK\r\n".into()
                }
            } else if upper == "DATA" {
                if write.write_all(b"354 Go ahead\r\n").await.is_err() {
                    return;
                }
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        // Connection lost mid-message: nothing was accepted.
                        self.release_hold();
                        return;
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    // Dot-stuffing: a leading ".." stands for ".".
                    data.push_str(if line.starts_with("..") {
                        &line[1..]
                    } else {
                        &line
                    });
                }
                let hold = {
                    let mut state = self.state.lock().unwrap();
                    state.arrived += 1;
                    let hold = state.hold_at == Some(state.arrived);
                    if hold {
                        state.holding = true;
                    } else {
                        state.received.push(Received {
                            from: from.clone(),
                            to: to.clone(),
                            data,
                        });
                    }
                    hold
                };
                self.changed.notify_waiters();
                if hold {
                    // Never answer; wait for the sender (or the test) to hang up.
                    let hang_up = self.hang_up.notified();
                    let drain = async {
                        let mut rest = String::new();
                        while lines.read_line(&mut rest).await.unwrap_or(0) > 0 {
                            rest.clear();
                        }
                    };
                    tokio::select! {
                        _ = hang_up => {}
                        _ = drain => {}
                    }
                    self.release_hold();
                    return;
                }
                "250 OK queued\r\n".into()
            } else if upper == "QUIT" {
                let _ = write.write_all(b"221 Bye\r\n").await;
                return;
            } else {
                // RSET, NOOP and anything else.
                "250 OK\r\n".into()
            };
            if write.write_all(answer.as_bytes()).await.is_err() {
                return;
            }
        }
    }

    fn release_hold(&self) {
        let mut state = self.state.lock().unwrap();
        state.holding = false;
        state.hold_at = None;
        drop(state);
        self.changed.notify_waiters();
    }
}

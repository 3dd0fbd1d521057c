//! The mail worker's settings for a test's local SMTP sink.
use super::smtp_sink::SmtpSink;
use server::mailer::{SmtpSettings, TlsMode};

pub fn settings(sink: &SmtpSink) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: sink.port,
        tls: TlsMode::None,
        username: None,
        password: None,
        from: "Mentora Tests <no-reply@mentora.test>".parse().unwrap(),
        message_id_domain: "mentora.test".into(),
    }
}

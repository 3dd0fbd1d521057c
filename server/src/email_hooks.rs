//! Delivery reports from outside: the open-tracking pixel and the provider webhook.
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::messaging::delivery::{apply_event, record_open, token_from_message_id, Applied};
use backend::state::AppState;
use chrono::{DateTime, TimeZone, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use shared::messaging::model::DeliveryEvent;

/// The smallest transparent GIF.
const PIXEL: [u8; 43] = [
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

/// `GET /e/o/{token}.gif`: records an open; always answers with the pixel, so a
/// recipient never sees a broken image (and learns nothing about other tokens).
pub async fn open_pixel(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let token = file.strip_suffix(".gif").unwrap_or(&file);
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Err(err) = record_open(&state.db, token, agent, Utc::now()).await {
        tracing::warn!(error = %err, "open pixel");
    }
    (
        [
            (header::CONTENT_TYPE, "image/gif"),
            (header::CACHE_CONTROL, "no-store, max-age=0"),
        ],
        PIXEL.as_slice(),
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Payload {
    Wrapped { events: Vec<ProviderEvent> },
    List(Vec<ProviderEvent>),
    One(ProviderEvent),
}

#[derive(Debug, Deserialize)]
struct ProviderEvent {
    event: String,
    #[serde(default, alias = "smtp-id", alias = "Message-ID", alias = "message-id")]
    message_id: Option<String>,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
    #[serde(default)]
    reason: Option<String>,
}

impl ProviderEvent {
    fn token(&self) -> Option<&str> {
        self.token
            .as_deref()
            .or_else(|| self.message_id.as_deref().map(token_from_message_id))
    }

    fn at(&self) -> DateTime<Utc> {
        match &self.timestamp {
            Some(serde_json::Value::Number(n)) => {
                n.as_i64().and_then(|s| Utc.timestamp_opt(s, 0).single())
            }
            Some(serde_json::Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            _ => None,
        }
        .unwrap_or_else(Utc::now)
    }
}

/// Checks `X-Mentora-Signature: sha256=<hex HMAC-SHA256 of the body>`.
pub fn signature_ok(secret: &str, body: &[u8], header_value: Option<&str>) -> bool {
    let Some(hex_sig) = header_value.and_then(|v| v.trim().strip_prefix("sha256=")) else {
        return false;
    };
    let Ok(expected) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// `POST /webhooks/email`: provider events (delivered, open, bounce, deferred, spam
/// complaint), one object, a list, or `{"events": [...]}`.
pub async fn provider_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(secret) = state.email_webhook_secret.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signature = headers
        .get("x-mentora-signature")
        .and_then(|v| v.to_str().ok());
    if !signature_ok(secret, &body, signature) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let events = match serde_json::from_slice::<Payload>(&body) {
        Ok(Payload::Wrapped { events }) | Ok(Payload::List(events)) => events,
        Ok(Payload::One(event)) => vec![event],
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let (mut applied, mut unknown) = (0, 0);
    for event in &events {
        let (Some(kind), Some(token)) = (DeliveryEvent::parse(&event.event), event.token()) else {
            unknown += 1;
            continue;
        };
        let detail = event.reason.clone().unwrap_or_default();
        match apply_event(&state.db, token, kind, &detail, event.at()).await {
            Ok(Applied::UnknownEmail) => unknown += 1,
            Ok(_) => applied += 1,
            Err(err) => {
                tracing::error!(error = %err, "webhook event");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        }
    }
    axum::Json(serde_json::json!({ "applied": applied, "ignored": unknown })).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_with_the_secret() {
        let body = br#"{"event":"bounce","token":"t"}"#;
        let sig = sign("s3cret", body);
        assert!(signature_ok("s3cret", body, Some(&sig)));
        assert!(!signature_ok("other", body, Some(&sig)));
        assert!(!signature_ok("s3cret", b"tampered", Some(&sig)));
        assert!(!signature_ok("s3cret", body, None));
        assert!(!signature_ok("s3cret", body, Some("sha256=zz")));
    }
}

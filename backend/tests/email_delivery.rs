//! E-mail after it is queued, on SQLite and PostgreSQL: delivery reports and opens move a
//! message's status forward; edited system-message templates are checked and used.
mod support;

use backend::auth::{recovery, registration};
use backend::messaging::delivery::{apply_event, record_open};
use backend::seed::{DEMO_INVITE_TOKEN, DEMO_MENTEE, DEMO_MENTOR};
use chrono::Utc;
use shared::error::AppError;
use shared::messaging::model::DeliveryEvent;
use support::{admin_scope, outbox, registration};

use support::BASE;

#[tokio::test]
async fn delivery_reports_move_the_status_forward() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        for email in [DEMO_MENTOR, DEMO_MENTEE] {
            recovery::request_password_reset(&db, BASE, "10.0.0.9", email)
                .await
                .unwrap();
        }
        let mail = outbox(&db).await;
        let (a, b) = (&mail[0].tracking_token, &mail[1].tracking_token);
        let now = Utc::now();
        apply_event(&db, a, DeliveryEvent::Bounce, "550 no such user", now)
            .await
            .unwrap();
        assert_eq!(outbox(&db).await[0].status, "bounced");
        // A proxy fetching images on arrival is not a person reading.
        backend::with_db!(&db, pool => sqlx::query("UPDATE emails SET status = 'sent', sent_at = $1").bind(now).execute(pool).await.map(|_| ()).unwrap());
        record_open(&db, b, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", now).await.unwrap();
        let mail = outbox(&db).await;
        assert_eq!(
            (mail[1].status.as_str(), mail[1].open_automatic),
            ("opened", true)
        );
        record_open(
            &db,
            b,
            "Mozilla/5.0 (X11; Linux x86_64) Chrome/130",
            now + chrono::Duration::minutes(5),
        )
        .await
        .unwrap();
        let mail = outbox(&db).await;
        assert_eq!(
            (mail[1].status.as_str(), mail[1].open_automatic),
            ("opened", false)
        );
        apply_event(&db, a, DeliveryEvent::Delivered, "", now)
            .await
            .unwrap();
        assert_eq!(outbox(&db).await[0].status, "delivered");
        apply_event(&db, a, DeliveryEvent::Deferred, "", now)
            .await
            .unwrap();
        assert_eq!(
            outbox(&db).await[0].status,
            "delivered",
            "a late deferral changes nothing"
        );
        apply_event(&db, a, DeliveryEvent::Spam, "", now)
            .await
            .unwrap();
        apply_event(&db, a, DeliveryEvent::Open { automatic: false }, "", now)
            .await
            .unwrap();
        assert_eq!(
            outbox(&db).await[0].status,
            "spam",
            "a spam report is final"
        );
    }
}

#[tokio::test]
async fn edited_templates_are_checked_used_and_switchable() {
    use backend::messaging::templates::{self, TemplateForm};
    for db in support::databases().await {
        let db = support::demo(db).await;
        let scope = admin_scope(&db).await;
        let form = |body_fr: &str, active: bool| TemplateForm {
            subject_en: "Reset for {org_name}".into(),
            body_en: "Hi {first_name}, go {here} before {expires}.".into(),
            subject_fr: "Réinitialisation".into(),
            body_fr: body_fr.into(),
            active,
        };
        let unknown = templates::save(
            &db,
            &scope,
            "password-reset",
            form("Votre {password}", true),
        )
        .await;
        assert_eq!(
            unknown.unwrap_err(),
            AppError::UnknownKeyword {
                field: "body_fr".into(),
                keyword: "password".into()
            }
        );
        // A security message cannot be switched off.
        templates::save(
            &db,
            &scope,
            "password-reset",
            form("Bonjour {first_name}, cliquez {here}.", false),
        )
        .await
        .unwrap();
        recovery::request_password_reset(&db, BASE, "10.0.0.9", DEMO_MENTEE)
            .await
            .unwrap();
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 1);
        assert_eq!(mail[0].subject, "Réinitialisation");
        assert!(
            mail[0]
                .body_text
                .contains("cliquez ici (http://mentora.test/password/"),
            "{}",
            mail[0].body_text
        );
        let list = templates::list(&db, scope.program_id, shared::i18n::Lang::En)
            .await
            .unwrap();
        let reset = list.iter().find(|t| t.key == "password-reset").unwrap();
        assert!(reset.active && reset.edited && reset.required);

        // An optional message switched off is not sent.
        let welcome = templates::get(&db, scope.program_id, "welcome")
            .await
            .unwrap();
        let off = TemplateForm {
            subject_en: welcome.subject_en.clone(),
            body_en: welcome.body_en.clone(),
            subject_fr: welcome.subject_fr.clone(),
            body_fr: welcome.body_fr.clone(),
            active: false,
        };
        templates::save(&db, &scope, "welcome", off).await.unwrap();
        registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("quiet@x.ca", "mentor"),
        )
        .await
        .unwrap();
        assert_eq!(outbox(&db).await.len(), 1, "no welcome e-mail");
        templates::reset(&db, scope.program_id, "welcome")
            .await
            .unwrap();
        assert!(
            templates::get(&db, scope.program_id, "welcome")
                .await
                .unwrap()
                .active
        );
        let preview =
            templates::preview(&db, BASE, &scope, "password-reset", shared::i18n::Lang::Fr)
                .await
                .unwrap();
        assert!(preview.html.contains("Bonjour Claire"));
    }
}

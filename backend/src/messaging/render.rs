//! Turns a template and a recipient into a multipart message (subject, text, HTML).
//! Template text is plain text, so nothing an admin writes can inject markup: the HTML
//! part escapes everything and only adds paragraphs and the `{here}` link.
use crate::i18n::{translate, translate_with, Lang};
use crate::messaging::template::{pieces, Piece};

/// Values for the keywords, already in the recipient's language and time zone.
#[derive(Clone, Debug, Default)]
pub struct MailVars {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub org_name: String,
    pub admin_email: String,
    /// The message's action link (`{here}`).
    pub here: Option<String>,
    /// When that link stops working (`{expires}`).
    pub expires: Option<String>,
    /// The other member of an invitation or relationship (`{partner_name}`).
    pub partner_name: Option<String>,
    /// Their words: an invitation's message, a reason (`{message}`).
    pub message: Option<String>,
    /// The keywords of one domain's messages, already worded for the recipient (a
    /// meeting's time in their zone and language, …).
    pub values: Vec<(&'static str, String)>,
    /// Buttons under the body, whatever the template says: (label, URL), such as a
    /// meeting's accept / decline / maybe links.
    pub actions: Vec<(String, String)>,
}

impl MailVars {
    fn plain(&self, keyword: &str) -> Option<&str> {
        Some(match keyword {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "email" => &self.email,
            "org_name" => &self.org_name,
            "admin_email" => &self.admin_email,
            "expires" => self.expires.as_deref()?,
            "partner_name" => self.partner_name.as_deref()?,
            "message" => self.message.as_deref()?,
            other => self
                .values
                .iter()
                .find(|(name, _)| *name == other)
                .map(|(_, value)| value.as_str())?,
        })
    }
}

/// What surrounds the body in the HTML part.
#[derive(Clone, Debug, Default)]
pub struct Letterhead {
    pub logo_url: Option<String>,
    /// The open-tracking pixel; `None` in previews.
    pub pixel_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn fill_text(lang: Lang, template: &str, vars: &MailVars) -> String {
    let here_word = translate(lang, "email-link-here", None);
    pieces(template)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string(),
            Piece::Keyword("here") => match &vars.here {
                Some(url) => format!("{here_word} ({url})"),
                None => here_word.clone(),
            },
            Piece::Keyword(k) => vars.plain(k).unwrap_or_default().to_string(),
        })
        .collect()
}

fn fill_html(lang: Lang, template: &str, vars: &MailVars) -> String {
    let here_word = escape_html(&translate(lang, "email-link-here", None));
    pieces(template)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => escape_html(t).replace('\n', "<br>"),
            Piece::Keyword("here") => match &vars.here {
                Some(url) => format!(
                    "<a href=\"{}\" style=\"color:#1f5fa8\">{here_word}</a>",
                    escape_html(url)
                ),
                None => here_word.clone(),
            },
            Piece::Keyword(k) => escape_html(vars.plain(k).unwrap_or_default()),
        })
        .collect()
}

pub fn render(
    lang: Lang,
    subject: &str,
    body: &str,
    vars: &MailVars,
    letterhead: &Letterhead,
) -> Rendered {
    let subject = fill_text(lang, subject, vars)
        .replace(['\r', '\n'], " ")
        .trim()
        .to_string();
    let footer = translate_with(
        lang,
        "email-footer",
        &[("org", vars.org_name.clone().into())],
    );
    let actions_text: String = vars
        .actions
        .iter()
        .map(|(label, url)| {
            let line = translate_with(
                lang,
                "email-action",
                &[("label", label.clone().into()), ("url", url.clone().into())],
            );
            format!("\n{line}")
        })
        .collect();
    let actions_text = if actions_text.is_empty() {
        actions_text
    } else {
        format!("\n{actions_text}")
    };
    let text = format!(
        "{}{actions_text}\n\n-- \n{footer}\n",
        fill_text(lang, body, vars).trim()
    );

    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p style=\"margin:0 0 16px\">{}</p>",
                fill_html(lang, p, vars)
            )
        })
        .collect();
    let buttons: String = vars
        .actions
        .iter()
        .map(|(label, url)| {
            format!(
                "<a href=\"{}\" style=\"display:inline-block;margin:0 8px 8px 0;padding:10px 18px;\
                 background:#1f5fa8;color:#ffffff;border-radius:4px;text-decoration:none\">{}</a>",
                escape_html(url),
                escape_html(label)
            )
        })
        .collect();
    let paragraphs = if buttons.is_empty() {
        paragraphs
    } else {
        format!("{paragraphs}<p style=\"margin:0 0 16px\">{buttons}</p>")
    };
    let logo = letterhead
        .logo_url
        .as_deref()
        .map(|url| {
            format!(
                "<img src=\"{}\" alt=\"\" height=\"40\" style=\"display:block;margin-bottom:8px\">",
                escape_html(url)
            )
        })
        .unwrap_or_default();
    let pixel = letterhead
        .pixel_url
        .as_deref()
        .map(|url| {
            format!(
                "<img src=\"{}\" alt=\"\" width=\"1\" height=\"1\" style=\"display:block\">",
                escape_html(url)
            )
        })
        .unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2430\">\
         <div style=\"max-width:600px;margin:0 auto;padding:24px\">\
         <div style=\"padding:16px 24px;background:#ffffff;border-bottom:3px solid #1f5fa8\">{logo}\
         <strong style=\"font-size:18px\">{org}</strong></div>\
         <div style=\"padding:24px;background:#ffffff;font-size:15px;line-height:1.5\">{paragraphs}</div>\
         <p style=\"padding:0 24px;font-size:12px;color:#5b6472\">{footer}</p>{pixel}</div></body></html>",
        lang = lang.code(),
        title = escape_html(&subject),
        org = escape_html(&vars.org_name),
        footer = escape_html(&footer),
    );
    Rendered {
        subject,
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> MailVars {
        MailVars {
            first_name: "Zoé <b>".into(),
            last_name: "Roy".into(),
            email: "zoe@example.org".into(),
            org_name: "Pilot & Co".into(),
            admin_email: "admin@example.org".into(),
            here: Some("https://m.example/reset/abc?x=1&y=2".into()),
            expires: Some("22 nov. 2026 à 21 h 30".into()),
            partner_name: Some("Léa <Tremblay>".into()),
            message: Some("Bonjour !\nÀ bientôt & merci".into()),
            values: vec![("meeting_time", "9 déc. 2026 <10 h>".into())],
            actions: Vec::new(),
        }
    }

    #[test]
    fn fills_keywords_and_escapes_html() {
        let out = render(
            Lang::Fr,
            "Bonjour {first_name}",
            "Bonjour {first_name},\n\nCliquez {here} avant le {expires}. Quand : {meeting_time}{nothing}",
            &vars(),
            &Letterhead {
                logo_url: None,
                pixel_url: Some("https://m.example/e/o/t.gif".into()),
            },
        );
        assert_eq!(out.subject, "Bonjour Zoé <b>");
        assert!(out.text.contains(
            "Cliquez ici (https://m.example/reset/abc?x=1&y=2) avant le 22 nov. 2026 à 21 h 30."
        ));
        assert!(
            out.text.contains("Quand : 9 déc. 2026 <10 h>\n"),
            "a domain's keyword, none for an unknown one"
        );
        assert!(out.html.contains("Quand : 9 déc. 2026 &lt;10 h&gt;"));
        assert!(out.html.contains("Bonjour Zoé &lt;b&gt;,"));
        assert!(out.html.contains(
            "<a href=\"https://m.example/reset/abc?x=1&amp;y=2\" style=\"color:#1f5fa8\">ici</a>"
        ));
        assert!(out.html.contains("Pilot &amp; Co"));
        assert!(out.html.contains("https://m.example/e/o/t.gif"));
        assert!(!out.html.contains("<b>"));
    }

    #[test]
    fn actions_are_buttons_under_the_body_whatever_the_template() {
        let mut with_actions = vars();
        with_actions.actions = vec![
            ("Accept".into(), "https://m.example/a?x=1&y=2".into()),
            ("Decline <now>".into(), "https://m.example/d".into()),
        ];
        let out = render(
            Lang::En,
            "S",
            "Hello",
            &with_actions,
            &Letterhead::default(),
        );
        assert!(out
            .text
            .starts_with("Hello\n\nAccept: https://m.example/a?x=1&y=2\nDecline <now>: https://m.example/d\n\n-- \n"));
        assert!(out
            .html
            .contains("href=\"https://m.example/a?x=1&amp;y=2\""));
        assert!(out.html.contains(">Decline &lt;now&gt;</a>"));
        let plain = render(Lang::En, "S", "Hello", &vars(), &Letterhead::default());
        assert!(plain.text.starts_with("Hello\n\n-- \n"));
    }

    #[test]
    fn subject_is_one_line() {
        let out = render(
            Lang::En,
            "A\nB {org_name}",
            "x",
            &vars(),
            &Letterhead::default(),
        );
        assert_eq!(out.subject, "A B Pilot & Co");
    }
}

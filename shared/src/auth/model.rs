use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// A person's role in one program.
    pub enum Role {
        Admin = "admin",
        Mentor = "mentor",
        Mentee = "mentee",
    }
}

impl Role {
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => "role-admin",
            Role::Mentor => "role-mentor",
            Role::Mentee => "role-mentee",
        }
    }
}

/// A program the viewer belongs to, with their role in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramMembership {
    pub program_id: i64,
    pub name_en: String,
    pub name_fr: String,
    pub role: Role,
}

impl ProgramMembership {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Fr => &self.name_fr,
        }
    }
}

/// The signed-in person, as every page sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub language: Lang,
    pub time_zone: crate::zone::Zone,
    /// Their profile photo, if they uploaded one (the avatar in the top bar).
    #[serde(default)]
    pub photo_url: Option<String>,
    /// The current program and the viewer's role in it; `None` when they belong to none.
    pub membership: Option<ProgramMembership>,
    pub program_count: i64,
}

impl Viewer {
    pub fn role(&self) -> Option<Role> {
        self.membership.as_ref().map(|m| m.role)
    }

    pub fn is_admin(&self) -> bool {
        self.role() == Some(Role::Admin)
    }

    pub fn program_id(&self) -> Option<i64> {
        self.membership.as_ref().map(|m| m.program_id)
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// The shortest password accepted (length beats complexity rules; NIST SP 800-63B).
pub const MIN_PASSWORD_LEN: usize = 10;

/// A cheap plausibility check: the real test of an address is the e-mail we send to it.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// What the invitation-link registration page shows about the program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub name_en: String,
    pub name_fr: String,
    pub roles: Vec<Role>,
    /// The e-mail of whoever is signed in on this browser: they join with that account.
    pub signed_in_as: Option<String>,
    /// Whether that account is already in the program: the link then just opens it.
    pub already_member: bool,
}

/// A one-time link's state, for the page that opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordLinkKind {
    /// Chosen after an import: "Choose your password".
    SetPassword,
    /// After "Forgot password?".
    ResetPassword,
}

#[cfg(test)]
mod email_tests {
    use super::is_plausible_email;

    #[test]
    fn plausible_emails() {
        for ok in ["a@b.co", "zoé.roy+x@exemple.québec"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.co", "a@.co", "a@b.", "a b@c.co", "a@b@c.co",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}

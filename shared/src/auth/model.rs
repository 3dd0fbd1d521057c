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

/// The roles a program lets people register as through its invitation link, stored as
/// their codes (`programs.signup_roles`: "mentor,mentee"). Administrators are never among
/// them: the type cannot say so, and a stored list naming one (or an unknown code) does
/// not decode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupRoles {
    pub mentors: bool,
    pub mentees: bool,
}

impl SignupRoles {
    /// The roles offered, in form order.
    pub fn roles(self) -> Vec<Role> {
        [(self.mentors, Role::Mentor), (self.mentees, Role::Mentee)]
            .into_iter()
            .filter_map(|(on, role)| on.then_some(role))
            .collect()
    }

    pub fn allows(self, role: Role) -> bool {
        self.roles().contains(&role)
    }

    /// The stored form.
    pub fn code(self) -> String {
        self.roles()
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn parse(code: &str) -> Option<SignupRoles> {
        let mut roles = SignupRoles::default();
        for part in code.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match Role::parse(part)? {
                Role::Mentor => roles.mentors = true,
                Role::Mentee => roles.mentees = true,
                Role::Admin => return None,
            }
        }
        Some(roles)
    }
}

#[cfg(feature = "server")]
crate::stored_as_text!(SignupRoles, code, SignupRoles::parse, "sign-up roles");

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
    /// Their unread notifications in the current program (the top bar's bell).
    #[serde(default)]
    pub unread_notifications: i64,
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

#[cfg(test)]
mod sign_up_tests {
    use super::*;

    #[test]
    fn sign_up_roles_never_include_administrators() {
        let both = SignupRoles::parse("mentor, mentee").unwrap();
        assert_eq!(both.roles(), [Role::Mentor, Role::Mentee]);
        assert_eq!(SignupRoles::parse(&both.code()), Some(both));
        assert!(!both.allows(Role::Admin));
        assert_eq!(SignupRoles::parse("mentor,admin"), None);
        assert_eq!(SignupRoles::parse("mentor,x"), None);
        assert_eq!(
            SignupRoles::parse("mentee").unwrap().roles(),
            [Role::Mentee]
        );
    }
}

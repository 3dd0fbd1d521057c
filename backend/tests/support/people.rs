//! The members the invitation tests work with.
use super::member_scope;
use backend::auth::authz::MemberScope;
use backend::db::Db;
use shared::auth::model::Role;

pub struct Pair {
    pub db: Db,
    pub program: i64,
    pub mentor: MemberScope,
    pub mentee: MemberScope,
    pub other_mentee: MemberScope,
}

/// The demo program with a fresh French-speaking mentor and two mentees, none of them in
/// any relationship (the program's default: one partner each).
pub async fn pair(db: Db) -> Pair {
    let db = super::demo(db).await;
    let program = super::admin_scope(&db).await.program_id;
    let add = |email: &'static str, lang: &'static str, role| {
        let db = db.clone();
        async move { super::add_member(&db, program, email, lang, role).await }
    };
    let mentor = add("mona@invitations.test", "fr", Role::Mentor).await;
    let mentee = add("eli@invitations.test", "en", Role::Mentee).await;
    let other = add("ora@invitations.test", "en", Role::Mentee).await;
    Pair {
        program,
        mentor: member_scope(program, mentor, Role::Mentor),
        mentee: member_scope(program, mentee, Role::Mentee),
        other_mentee: member_scope(program, other, Role::Mentee),
        db,
    }
}

pub fn id(scope: &MemberScope) -> i64 {
    scope.session.viewer.user_id
}

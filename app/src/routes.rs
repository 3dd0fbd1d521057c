//! Every page is its own lazily loaded route: the browser fetches a page's code (a split
//! wasm chunk) the first time that page is shown, so the first download carries only the
//! runtime, the shell and shared components. The server renders all pages as before and
//! adds a preload hint for the chunk the current page needs.
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::account::AccountSettingsPage;
use crate::admin::{AdminDashboardPage, ProgramSettingsPage};
use crate::auth::{
    ForgotPasswordPage, JoinPage, PasswordLinkPage, ResendUnlockPage, SignInPage,
    SwitchProgramPage, UnlockPage,
};
use crate::dashboard::DashboardPage;
use crate::matching::{MatchMembersPage, MenteesPage, MentorsPage};
use crate::members::{
    DeactivateMembersPage, ImportMembersPage, ImportRunPage, MemberAdminPage, MembersTablePage,
};
use crate::messaging::{EmailDetailPage, EmailLogPage, SystemMessageEditPage, SystemMessagesPage};
use crate::notifications::NotificationsPage;
use crate::profiles::{
    CustomFieldEditPage, CustomFieldsPage, MemberProfilePage, ProfileEditPage, ProfileRulesPage,
    ProgramListsPage,
};
use crate::relationships::{
    AdminMeetingsPage, AdminRelationshipsPage, ConnectionsPage, EndAllPage, InvitationPage,
    InvitePage, RelationshipPage,
};
use crate::scheduling::{AnswerLinkPage, AvailabilityPage, BookPage, CalendarPage};

/// `Route => Page`: declares a unit route type whose view is the page component, loaded
/// on demand in the browser.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    SignInRoute => SignInPage,
    JoinRoute => JoinPage,
    ForgotPasswordRoute => ForgotPasswordPage,
    PasswordLinkRoute => PasswordLinkPage,
    ResendUnlockRoute => ResendUnlockPage,
    UnlockRoute => UnlockPage,
    AnswerLinkRoute => AnswerLinkPage,
    DashboardRoute => DashboardPage,
    ConnectionsRoute => ConnectionsPage,
    InviteRoute => InvitePage,
    InvitationRoute => InvitationPage,
    RelationshipRoute => RelationshipPage,
    AvailabilityRoute => AvailabilityPage,
    CalendarRoute => CalendarPage,
    NotificationsRoute => NotificationsPage,
    BookRoute => BookPage,
    MentorsRoute => MentorsPage,
    MenteesRoute => MenteesPage,
    AdminDashboardRoute => AdminDashboardPage,
    ProgramSettingsRoute => ProgramSettingsPage,
    ProgramListsRoute => ProgramListsPage,
    CustomFieldsRoute => CustomFieldsPage,
    CustomFieldEditRoute => CustomFieldEditPage,
    ProfileRulesRoute => ProfileRulesPage,
    ProfileEditRoute => ProfileEditPage,
    MemberProfileRoute => MemberProfilePage,
    MembersTableRoute => MembersTablePage,
    AdminRelationshipsRoute => AdminRelationshipsPage,
    AdminMeetingsRoute => AdminMeetingsPage,
    EndAllRoute => EndAllPage,
    MatchMembersRoute => MatchMembersPage,
    EmailLogRoute => EmailLogPage,
    EmailDetailRoute => EmailDetailPage,
    SystemMessagesRoute => SystemMessagesPage,
    SystemMessageEditRoute => SystemMessageEditPage,
    ImportMembersRoute => ImportMembersPage,
    ImportRunRoute => ImportRunPage,
    DeactivateMembersRoute => DeactivateMembersPage,
    MemberAdminRoute => MemberAdminPage,
    SwitchProgramRoute => SwitchProgramPage,
    AccountSettingsRoute => AccountSettingsPage,
}

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub active_relationships: i64,
    pub invitations_received: i64,
    pub invitations_sent: i64,
}

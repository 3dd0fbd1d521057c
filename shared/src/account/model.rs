use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSettings {
    pub email: String,
    pub language: Lang,
    pub time_zone: crate::zone::Zone,
    /// Every IANA zone name the server knows, for the picker.
    pub time_zones: Vec<String>,
}

use crate::i18n::I18n;
use shared::zone::ZoneLabel;

/// A zone as people read it: "Eastern Time (Toronto)", else "Kolkata (UTC+05:30)".
pub fn zone_name(i18n: I18n, label: &ZoneLabel) -> String {
    match &label.generic {
        Some(key) => i18n.t_with(
            "zone-label-generic",
            &[
                ("generic", i18n.t(key).into()),
                ("city", label.city.clone().into()),
            ],
        ),
        None => i18n.t_with(
            "zone-label-offset",
            &[
                ("city", label.city.clone().into()),
                ("offset", label.offset_text().into()),
            ],
        ),
    }
}

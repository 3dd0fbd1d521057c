//! How an edited comma-separated option list maps onto the options a field already has, so
//! members' answers survive renames: an option keeps its id (and every answer that chose
//! it) when either of its names is kept, or when it is renamed in place.
use super::model::CustomOption;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct OptionsPlan {
    /// (id, English, French, position): kept options, possibly renamed or moved.
    pub keep: Vec<(i64, String, String, i64)>,
    /// (English, French, position): new options.
    pub add: Vec<(String, String, i64)>,
    /// Removed options; answers that chose them go too.
    pub remove: Vec<i64>,
}

pub fn plan_options(existing: &[CustomOption], wanted: &[(String, String)]) -> OptionsPlan {
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let mut owner: Vec<Option<usize>> = vec![None; wanted.len()];
    let mut used = vec![false; existing.len()];
    // First, options whose English or French name is unchanged.
    for (w, (en, fr)) in wanted.iter().enumerate() {
        if let Some(e) = existing
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && (same(&o.label_en, en) || same(&o.label_fr, fr)))
        {
            used[e] = true;
            owner[w] = Some(e);
        }
    }
    // Then an option renamed in both languages at the same place.
    for w in 0..wanted.len() {
        if owner[w].is_none() && w < existing.len() && !used[w] {
            used[w] = true;
            owner[w] = Some(w);
        }
    }
    let mut plan = OptionsPlan::default();
    for (w, (en, fr)) in wanted.iter().enumerate() {
        let position = w as i64;
        match owner[w] {
            Some(e) => plan
                .keep
                .push((existing[e].id, en.clone(), fr.clone(), position)),
            None => plan.add.push((en.clone(), fr.clone(), position)),
        }
    }
    plan.remove = existing
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(o, _)| o.id)
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(id: i64, en: &str, fr: &str) -> CustomOption {
        CustomOption {
            id,
            label_en: en.into(),
            label_fr: fr.into(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(e, f)| (e.to_string(), f.to_string()))
            .collect()
    }

    #[test]
    fn a_new_field_adds_every_option_in_order() {
        let plan = plan_options(&[], &pairs(&[("Always", "Toujours"), ("Never", "Jamais")]));
        assert!(plan.keep.is_empty() && plan.remove.is_empty());
        assert_eq!(
            plan.add,
            vec![
                ("Always".into(), "Toujours".into(), 0),
                ("Never".into(), "Jamais".into(), 1)
            ]
        );
    }

    #[test]
    fn fixing_one_language_keeps_the_option_and_its_answers() {
        let existing = [opt(7, "He/Him", "Il/Lui"), opt(8, "She/Her", "Elle/Elle")];
        let plan = plan_options(
            &existing,
            &pairs(&[("he/him", "Il / lui"), ("She/Her", "Elle")]),
        );
        assert_eq!(plan.keep[0].0, 7);
        assert_eq!(plan.keep[1].0, 8);
        assert_eq!(plan.keep[1].2, "Elle");
        assert!(plan.add.is_empty() && plan.remove.is_empty());
    }

    #[test]
    fn reordering_moves_options_without_losing_them() {
        let existing = [opt(1, "A", "A"), opt(2, "B", "B"), opt(3, "C", "C")];
        let plan = plan_options(&existing, &pairs(&[("C", "C"), ("A", "A")]));
        assert_eq!(
            plan.keep.iter().map(|k| (k.0, k.3)).collect::<Vec<_>>(),
            vec![(3, 0), (1, 1)]
        );
        assert_eq!(plan.remove, vec![2]);
    }

    #[test]
    fn an_option_renamed_in_both_languages_in_place_is_kept() {
        let existing = [opt(1, "Often", "Souvent"), opt(2, "Never", "Jamais")];
        let plan = plan_options(
            &existing,
            &pairs(&[("Frequently", "Fréquemment"), ("Never", "Jamais")]),
        );
        assert_eq!(plan.keep[0].0, 1);
        assert_eq!(plan.keep[0].1, "Frequently");
        assert!(plan.add.is_empty() && plan.remove.is_empty());
    }

    #[test]
    fn new_names_beyond_the_old_list_are_added() {
        let existing = [opt(1, "Yes", "Oui")];
        let plan = plan_options(&existing, &pairs(&[("Yes", "Oui"), ("No", "Non")]));
        assert_eq!(plan.keep.len(), 1);
        assert_eq!(plan.add, vec![("No".into(), "Non".into(), 1)]);
    }
}

//! Demo and benchmark data (operator commands `seed --demo` and `seed --members N`).
use crate::db::Db;
use crate::profiles::model::ListKind;
mod demo;
mod meetings;
mod repo;
mod synthetic;

pub use demo::{
    circle_program_id, demo_present, demo_program_id, seed_demo, DemoReport, CIRCLE_INVITE_TOKEN,
    DEMO_ADMIN, DEMO_INVITE_TOKEN, DEMO_MENTEE, DEMO_MENTOR, DEMO_PASSWORD,
};
pub use repo::insert_relationship;
pub use synthetic::{seed_members, SyntheticReport};

/// A small deterministic generator, so every demo database is the same.
pub(crate) struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Places across Canada, Pacific to Newfoundland: (city, province, IANA zone).
pub(crate) const PLACES: [(&str, &str, &str); 20] = [
    ("Vancouver", "British Columbia", "America/Vancouver"),
    ("Victoria", "British Columbia", "America/Vancouver"),
    ("Kelowna", "British Columbia", "America/Vancouver"),
    ("Calgary", "Alberta", "America/Edmonton"),
    ("Edmonton", "Alberta", "America/Edmonton"),
    ("Regina", "Saskatchewan", "America/Regina"),
    ("Saskatoon", "Saskatchewan", "America/Regina"),
    ("Winnipeg", "Manitoba", "America/Winnipeg"),
    ("Toronto", "Ontario", "America/Toronto"),
    ("Ottawa", "Ontario", "America/Toronto"),
    ("Hamilton", "Ontario", "America/Toronto"),
    ("Thunder Bay", "Ontario", "America/Toronto"),
    ("Montréal", "Québec", "America/Toronto"),
    ("Québec", "Québec", "America/Toronto"),
    ("Sherbrooke", "Québec", "America/Toronto"),
    ("Moncton", "New Brunswick", "America/Moncton"),
    ("Halifax", "Nova Scotia", "America/Halifax"),
    ("Charlottetown", "Prince Edward Island", "America/Halifax"),
    (
        "St. John's",
        "Newfoundland and Labrador",
        "America/St_Johns",
    ),
    ("Whitehorse", "Yukon", "America/Whitehorse"),
];

pub(crate) const FIRST_NAMES: [&str; 40] = [
    "Amélie", "Noah", "Priya", "Liam", "Sofia", "Mathieu", "Aisha", "Ethan", "Mei", "Olivier",
    "Fatima", "Lucas", "Hannah", "Gabriel", "Chloé", "Arjun", "Emma", "Kwame", "Léa", "Daniel",
    "Nadia", "Samuel", "Yuki", "Félix", "Isabelle", "Omar", "Zoé", "Raj", "Camille", "Jonah",
    "Ana", "Thomas", "Layla", "Étienne", "Grace", "Mohamed", "Julie", "Wei", "Maya", "Antoine",
];

pub(crate) const LAST_NAMES: [&str; 40] = [
    "Tremblay",
    "Singh",
    "Nguyen",
    "Gagnon",
    "Roy",
    "Chen",
    "Côté",
    "MacDonald",
    "Bouchard",
    "Patel",
    "Gauthier",
    "Wong",
    "Morin",
    "Campbell",
    "Lavoie",
    "Ahmed",
    "Fortin",
    "Kaur",
    "Gagné",
    "Smith",
    "Ouellet",
    "Li",
    "Pelletier",
    "Martin",
    "Bélanger",
    "Okafor",
    "Lévesque",
    "Brown",
    "Bergeron",
    "Kim",
    "Leblanc",
    "Wilson",
    "Paquette",
    "Haddad",
    "Girard",
    "Thompson",
    "Simard",
    "Rossi",
    "Boucher",
    "Cardinal",
];

pub(crate) const JOBS: [(&str, &str, &str, &str); 16] = [
    (
        "Software Developer",
        "Northwind Software",
        "Information Technology",
        "Engineering",
    ),
    (
        "Engineering Manager",
        "Maple Leaf Systems",
        "Information Technology",
        "Engineering",
    ),
    (
        "Data Analyst",
        "Prairie Analytics",
        "Financial Services",
        "Analytics",
    ),
    (
        "Financial Advisor",
        "Laurentian Wealth",
        "Financial Services",
        "Finance",
    ),
    (
        "Registered Nurse",
        "Harbourview Health",
        "Health Care",
        "Clinical Care",
    ),
    (
        "Marketing Director",
        "Boréal Communications",
        "Media and Communications",
        "Marketing",
    ),
    (
        "HR Business Partner",
        "Cascadia Energy",
        "Energy",
        "Human Resources",
    ),
    (
        "Policy Analyst",
        "Public Service Renewal Office",
        "Public Administration",
        "Policy",
    ),
    (
        "Project Manager",
        "Atlantic Builders",
        "Construction",
        "Project Management",
    ),
    (
        "Teacher",
        "Fraser Valley School District",
        "Education",
        "Teaching",
    ),
    (
        "Chief Executive Officer",
        "Aurora Outfitters",
        "Retail",
        "Executive Leadership",
    ),
    (
        "Product Designer",
        "Rideau Labs",
        "Information Technology",
        "Design",
    ),
    (
        "Supply Chain Lead",
        "Great Lakes Logistics",
        "Transportation and Logistics",
        "Operations",
    ),
    ("Lawyer", "Fundy Legal LLP", "Legal Services", "Legal"),
    (
        "Research Scientist",
        "Arctic Climate Institute",
        "Research",
        "Research and Development",
    ),
    (
        "Sales Manager",
        "Okanagan Foods",
        "Agriculture and Food",
        "Sales",
    ),
];

/// Spoken languages as ISO 639-1 codes; English and French dominate.
pub(crate) const LANGUAGE_SETS: [&str; 10] = [
    "en", "fr", "en,fr", "en,fr", "en,es", "fr,ar", "en,zh", "en,pa", "en,tl", "fr,en,pt",
];

/// The demo program's lists, in English and French.
pub(crate) const PROGRAM_LISTS: [(ListKind, &[(&str, &str)]); 5] = [
    (
        ListKind::Industry,
        &[
            ("Agriculture and Food", "Agriculture et alimentation"),
            ("Construction", "Construction"),
            ("Education", "Éducation"),
            ("Energy", "Énergie"),
            ("Financial Services", "Services financiers"),
            ("Health Care", "Soins de santé"),
            ("Information Technology", "Technologies de l'information"),
            ("Legal Services", "Services juridiques"),
            ("Media and Communications", "Médias et communications"),
            ("Public Administration", "Administration publique"),
            ("Research", "Recherche"),
            ("Retail", "Commerce de détail"),
            ("Transportation and Logistics", "Transport et logistique"),
        ],
    ),
    (
        ListKind::JobFunction,
        &[
            ("Analytics", "Analytique"),
            ("Clinical Care", "Soins cliniques"),
            ("Design", "Design"),
            ("Engineering", "Ingénierie"),
            ("Executive Leadership", "Direction"),
            ("Finance", "Finance"),
            ("Human Resources", "Ressources humaines"),
            ("Legal", "Juridique"),
            ("Marketing", "Marketing"),
            ("Operations", "Opérations"),
            ("Policy", "Politiques publiques"),
            ("Program Management", "Gestion de programmes"),
            ("Project Management", "Gestion de projets"),
            ("Research and Development", "Recherche et développement"),
            ("Sales", "Ventes"),
            ("Teaching", "Enseignement"),
        ],
    ),
    (
        ListKind::Skill,
        &[
            ("Leadership", "Leadership"),
            ("Networking", "Réseautage"),
            ("Public Speaking", "Prise de parole en public"),
            ("Presentation Skills", "Présentations"),
            ("Negotiation", "Négociation"),
            ("Career Planning", "Planification de carrière"),
            ("Entrepreneurship", "Entrepreneuriat"),
            ("Data Literacy", "Littératie des données"),
            ("Self-confidence", "Confiance en soi"),
            ("Work-life Balance", "Conciliation travail-vie personnelle"),
        ],
    ),
    (
        ListKind::DevelopmentArea,
        &[
            ("Leadership", "Leadership"),
            ("Networking", "Réseautage"),
            ("Public Speaking", "Prise de parole en public"),
            ("Job Search", "Recherche d'emploi"),
            ("Career Change", "Réorientation de carrière"),
            ("Managing People", "Gestion d'équipe"),
            ("Entrepreneurship", "Entrepreneuriat"),
            ("Self-confidence", "Confiance en soi"),
            ("Time Management", "Gestion du temps"),
        ],
    ),
    (
        ListKind::MeetingCity,
        &[
            ("Toronto", "Toronto"),
            ("Montréal", "Montréal"),
            ("Vancouver", "Vancouver"),
            ("Calgary", "Calgary"),
            ("Ottawa", "Ottawa"),
            ("Québec City", "Québec"),
            ("Winnipeg", "Winnipeg"),
            ("Halifax", "Halifax"),
        ],
    ),
];

/// (job title, company, industry, job function), as in `JOBS`.
pub(crate) type Job = (&'static str, &'static str, &'static str, &'static str);

/// Gives each member their job as the current position in the program, with industry and
/// job function matched to the program's list entries by English name (none if absent).
pub(crate) async fn seed_positions(
    db: &Db,
    program_id: i64,
    jobs: &[(i64, Job)],
) -> sqlx::Result<()> {
    use crate::profiles::repo::item_names;
    let industries = item_names(db, program_id, ListKind::Industry).await?;
    let functions = item_names(db, program_id, ListKind::JobFunction).await?;
    let find = |items: &[(i64, String)], label: &str| {
        items
            .iter()
            .find(|(_, name)| name == label)
            .map(|(id, _)| *id)
    };
    let rows: Vec<repo::NewPosition> = jobs
        .iter()
        .map(|(user_id, job)| repo::NewPosition {
            user_id: *user_id,
            job_title: job.0,
            company: job.1,
            industry_id: find(&industries, job.2),
            job_function_id: find(&functions, job.3),
        })
        .collect();
    for chunk in rows.chunks(1000) {
        repo::insert_positions(db, program_id, chunk).await?;
    }
    Ok(())
}

/// The "Favourite sport" question (the administrator guide's example of a custom field), created once
/// per program: its id and its options' ids.
/// Mentors offer two skills, mentees name two development areas, and each meets in one
/// city: what the partner search scores. Administrators pick nothing.
pub(crate) async fn seed_list_choices(
    db: &Db,
    program_id: i64,
    members: &[(i64, crate::auth::model::Role)],
    rng: &mut Lcg,
) -> sqlx::Result<()> {
    use crate::auth::model::Role;
    let ids_of = |kind| async move {
        crate::profiles::repo::item_names(db, program_id, kind)
            .await
            .map(|items| items.into_iter().map(|(id, _)| id).collect::<Vec<_>>())
    };
    let skills = ids_of(ListKind::Skill).await?;
    let areas = ids_of(ListKind::DevelopmentArea).await?;
    let cities = ids_of(ListKind::MeetingCity).await?;
    let mut choices = Vec::with_capacity(members.len() * 3);
    for (id, role) in members {
        let tags = match role {
            Role::Mentor => &skills,
            Role::Mentee => &areas,
            Role::Admin => continue,
        };
        if tags.len() >= 2 {
            let first = (rng.next() as usize) % tags.len();
            let second = (first + 1 + (rng.next() as usize) % (tags.len() - 1)) % tags.len();
            choices.extend([(*id, tags[first]), (*id, tags[second])]);
        }
        if !cities.is_empty() {
            choices.push((*id, *rng.pick(&cities)));
        }
    }
    repo::insert_list_choices(db, program_id, &choices).await
}

pub(crate) async fn sports_question(db: &Db, program_id: i64) -> sqlx::Result<(i64, Vec<i64>)> {
    use crate::profiles::service;
    const SPORTS: &str = "Favourite sport";
    let existing = service::custom_fields(db, program_id)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("custom field: {e}")))?
        .into_iter()
        .find(|f| f.name_en == SPORTS);
    let field = match existing {
        Some(f) => f,
        None => {
            let id = service::create_custom_field(
                db,
                program_id,
                &service::CustomFieldForm {
                    name_en: SPORTS.into(),
                    name_fr: "Sport préféré".into(),
                    options_en: "Baseball, Hockey, Soccer, Tennis, Swimming".into(),
                    options_fr: "Baseball, Hockey, Soccer, Tennis, Natation".into(),
                    role: "both".into(),
                    in_search: true,
                    in_report: true,
                    show_on_profile: true,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("custom field: {e}")))?;
            service::custom_field(db, program_id, id)
                .await
                .map_err(|e| sqlx::Error::Protocol(format!("custom field: {e}")))?
        }
    };
    Ok((field.id, field.options.iter().map(|o| o.id).collect()))
}

/// The demo's industries, job functions, skills, development areas and meeting cities.
pub(crate) async fn seed_program_lists(
    db: &Db,
    program_id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let mut tx = db.begin().await?;
    for (kind, items) in PROGRAM_LISTS {
        for (en, fr) in items {
            crate::profiles::repo::insert_item(&mut tx, program_id, kind, en, fr, now).await?;
        }
    }
    tx.commit().await
}

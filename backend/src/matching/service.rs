//! The partner search: who may search, which criteria apply (the URL's, the member's last
//! saved search, or their profile), the choices the form offers, and the page of cards.
use super::compatibility::{counterpart_tags, Criteria};
use super::model::{
    card_summary, last_initial, PartnerCard, PartnerPage, SearchAllowed, SearchChoices, SearchSetup,
};
use super::repo;
use super::search::{search_path, PartnerSearch, PAGE_SIZE};
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::AppResult;
use crate::members::index::{search_partners, MemberIndexes, PartnerQuery};
use crate::profiles::model::{ListItem, ListKind};
use crate::profiles::places::SPOKEN_LANGUAGE_CODES;
use crate::profiles::repo as profiles;
use crate::relationships::repo as relationships;
use chrono::{DateTime, Utc};

/// Who is searching.
#[derive(Clone, Copy, Debug)]
pub struct Searcher {
    pub program_id: i64,
    pub user_id: i64,
    pub role: Role,
}

impl Searcher {
    /// The role they look for; none for an administrator.
    pub fn looking_for(self) -> Option<Role> {
        match self.role {
            Role::Mentee => Some(Role::Mentor),
            Role::Mentor => Some(Role::Mentee),
            Role::Admin => None,
        }
    }

    /// The list whose entries they look for in candidates, and their own list of the
    /// same things.
    fn tag_lists(self) -> (ListKind, ListKind) {
        match self.role {
            Role::Mentee => (ListKind::Skill, ListKind::DevelopmentArea),
            Role::Mentor | Role::Admin => (ListKind::DevelopmentArea, ListKind::Skill),
        }
    }
}

/// The page's starting point for `looking_for` with the criteria of `raw_query` (the
/// page's query string).
pub async fn search_setup(
    db: &Db,
    searcher: Searcher,
    looking_for: Role,
    raw_query: &str,
) -> AppResult<SearchSetup> {
    let asked = PartnerSearch::parse(raw_query)?;
    let mut tx = db.read().await?;
    Ok(setup_in(&mut tx, searcher, looking_for, asked).await?.0)
}

/// The setup and the program's default number of partners.
async fn setup_in(
    tx: &mut Tx,
    searcher: Searcher,
    looking_for: Role,
    asked: PartnerSearch,
) -> AppResult<(SearchSetup, i64)> {
    let closed = |allowed| SearchSetup {
        allowed,
        looking_for,
        search: PartnerSearch::default(),
        choices: SearchChoices::default(),
    };
    if searcher.looking_for() != Some(looking_for) {
        return Ok((closed(SearchAllowed::NotForYou), 0));
    }
    let (access, default_max_partners) =
        relationships::search_settings(tx, searcher.program_id).await?;
    if !access.allows(searcher.role) {
        return Ok((closed(SearchAllowed::AdminMatches), default_max_partners));
    }
    let choices = choices(tx, searcher, looking_for).await?;
    let search = starting_search(tx, searcher, asked, &choices).await?;
    let setup = SearchSetup {
        allowed: SearchAllowed::Yes,
        looking_for,
        search,
        choices,
    };
    Ok((setup, default_max_partners))
}

/// One page of the search for `looking_for` with the criteria of `raw_query`.
pub async fn partner_page(
    db: &Db,
    indexes: &MemberIndexes,
    searcher: Searcher,
    looking_for: Role,
    raw_query: &str,
) -> AppResult<PartnerPage> {
    let asked = PartnerSearch::parse(raw_query)?;
    let mut tx = db.read().await?;
    let (setup, default_max_partners) = setup_in(&mut tx, searcher, looking_for, asked).await?;
    let search = setup.search;
    if setup.allowed != SearchAllowed::Yes {
        return Ok(PartnerPage {
            allowed: setup.allowed,
            search,
            cards: Vec::new(),
            total: 0,
            page_count: 1,
        });
    }
    let excluded =
        relationships::current_partners(&mut tx, searcher.program_id, searcher.user_id).await?;
    let pending =
        relationships::pending_invitations_with(&mut tx, searcher.program_id, searcher.user_id)
            .await?;
    let (hits, total) = search_partners(
        db,
        indexes,
        searcher.program_id,
        &PartnerQuery {
            viewer: searcher.user_id,
            looking_for,
            criteria: &search.criteria,
            excluded: &excluded,
            default_max_partners,
            offset: (search.page - 1).saturating_mul(PAGE_SIZE),
            limit: PAGE_SIZE,
        },
    )
    .await?;
    let ids: Vec<i64> = hits.iter().map(|h| h.user_id).collect();
    let mut rows = repo::cards(&mut tx, searcher.program_id, &ids).await?;
    let mut responses =
        crate::relationships::responsiveness::response_stats_of(&mut tx, searcher.program_id, &ids)
            .await?;
    let cards = hits
        .into_iter()
        .filter_map(|hit| {
            let at = rows.iter().position(|r| r.user_id == hit.user_id)?;
            let r = rows.swap_remove(at);
            Some(PartnerCard {
                user_id: r.user_id,
                first_name: r.first_name,
                last_initial: last_initial(&r.last_name),
                photo_url: r
                    .photo_key
                    .as_deref()
                    .map(|key| crate::profiles::photo_url::photo_url(r.user_id, key)),
                job_title: r.job_title,
                company: r.company,
                city: r.city,
                province: r.province,
                country: r.country,
                summary: card_summary(&r.summary),
                tags: hit.tags,
                compatibility: hit.compatibility,
                has_room: hit.has_room,
                invitation_pending: pending.contains(&r.user_id),
                response: responses.remove(&r.user_id),
            })
        })
        .collect();
    Ok(PartnerPage {
        allowed: SearchAllowed::Yes,
        search,
        cards,
        total,
        page_count: total.div_ceil(PAGE_SIZE).max(1),
    })
}

/// The lists the form offers; the custom fields are those asked of the searched role,
/// shown in search and with options.
pub(super) async fn choices(
    tx: &mut Tx,
    searcher: Searcher,
    looking_for: Role,
) -> AppResult<SearchChoices> {
    let program_id = searcher.program_id;
    let (their_tags, _) = searcher.tag_lists();
    let fields = profiles::custom_fields(tx, program_id)
        .await?
        .into_iter()
        .filter(|f| {
            f.in_search
                && !f.admin_only
                && f.audience.includes(looking_for)
                && !f.options.is_empty()
        })
        .collect();
    Ok(SearchChoices {
        tags: profiles::list_entries(tx, program_id, their_tags).await?,
        industries: profiles::list_entries(tx, program_id, ListKind::Industry).await?,
        job_functions: profiles::list_entries(tx, program_id, ListKind::JobFunction).await?,
        cities: profiles::list_entries(tx, program_id, ListKind::MeetingCity).await?,
        languages: SPOKEN_LANGUAGE_CODES
            .iter()
            .map(|c| c.to_string())
            .collect(),
        fields,
    })
}

/// The criteria the page starts from: those in the URL when the member chose some; else
/// their last saved search; else the counterparts of their own skills or development
/// areas. Values no longer offered (an entry deleted since) are dropped.
pub(super) async fn starting_search(
    tx: &mut Tx,
    searcher: Searcher,
    asked: PartnerSearch,
    choices: &SearchChoices,
) -> AppResult<PartnerSearch> {
    let mut search = if asked.chosen || !asked.criteria.is_empty() {
        asked
    } else if let Some(saved) = repo::latest_search(tx, searcher.program_id, searcher.user_id)
        .await?
        .and_then(|q| PartnerSearch::parse(&q).ok())
    {
        PartnerSearch {
            page: asked.page,
            ..saved
        }
    } else {
        let (_, own_tags) = searcher.tag_lists();
        let own = match profiles::load_profile(tx, searcher.program_id, searcher.user_id).await? {
            Some((_, profile, _)) => match own_tags {
                ListKind::Skill => profile.skills,
                _ => profile.development_areas,
            },
            None => Vec::new(),
        };
        let mine = profiles::list_entries(tx, searcher.program_id, own_tags).await?;
        PartnerSearch {
            criteria: Criteria {
                tags: counterpart_tags(&own, &mine, &choices.tags),
                ..Criteria::default()
            },
            chosen: false,
            page: asked.page,
        }
    };
    keep_offered(&mut search.criteria, choices);
    Ok(search)
}

fn keep_offered(c: &mut Criteria, choices: &SearchChoices) {
    let offered = |list: &[ListItem], id: &i64| list.iter().any(|i| i.id == *id);
    c.tags.retain(|id| offered(&choices.tags, id));
    c.cities.retain(|id| offered(&choices.cities, id));
    c.industries.retain(|id| offered(&choices.industries, id));
    c.job_functions
        .retain(|id| offered(&choices.job_functions, id));
    c.fields.retain_mut(|(field, options)| {
        let Some(f) = choices.fields.iter().find(|f| f.id == *field) else {
            return false;
        };
        options.retain(|o| f.options.iter().any(|x| x.id == *o));
        !options.is_empty()
    });
}

/// "Save and search": stores the criteria (canonical, first page) and returns the
/// search page's address for them.
pub async fn save_search(
    db: &Db,
    searcher: Searcher,
    raw_query: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let mut search = PartnerSearch::parse(raw_query)?;
    search.chosen = true;
    search.page = 1;
    let query = search.to_query(false);
    let mut tx = db.begin().await?;
    let (access, _) = relationships::search_settings(&mut tx, searcher.program_id).await?;
    if searcher.looking_for().is_none() || !access.allows(searcher.role) {
        return Err(crate::error::AppError::Forbidden);
    }
    repo::insert_search(&mut tx, searcher.program_id, searcher.user_id, &query, now).await?;
    tx.commit().await?;
    let page = search_path(searcher.looking_for().unwrap_or(Role::Mentor));
    Ok(format!("{page}?{query}&saved=1"))
}

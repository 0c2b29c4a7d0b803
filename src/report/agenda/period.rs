//! Section 4 of the agenda: what happened since the last review. Seed 000 asks the
//! documentation to show "the services provided and the family's response to services
//! and visitation", and the agency's reasonable efforts; this is that, for one period.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Case, ContactPlace, HearingKind, PersonRef, ReviewKind, VisitLevel, Vocab};
use crate::people::People;
use crate::policy::CaseFacts;
use crate::policy::arith::add_days;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SinceReview {
    /// The meeting the period follows; `None` when there was none since removal.
    pub last_review: Option<LastReview>,
    /// First and last day of the period, both included.
    pub from: String,
    pub to: String,
    /// Visits per parent and level, held and missed.
    pub visits: Vec<VisitTally>,
    pub missed_visits: Vec<MissedVisit>,
    /// Visits with siblings placed apart, by date; left out unless the siblings are placed
    /// apart or a sibling visit is logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sibling_visits: Option<Vec<SiblingVisitItem>>,
    pub contacts: Vec<ContactTally>,
    pub disclosures: Vec<DisclosureItem>,
    pub services: Vec<ServiceItem>,
    pub activities_done: Vec<ActivityItem>,
    /// Overdue on the as-of date, whenever they fell due.
    pub activities_overdue: Vec<ActivityItem>,
    pub efforts: Vec<Dated>,
    pub hearings: Vec<HearingItem>,
    /// For the questions only, which are asked before an agenda is staged on disk
    /// (`cli::agenda`): not written, and not read back.
    #[serde(skip)]
    pub first_day: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LastReview {
    pub date: String,
    /// "staffing", "case review", "court review hearing", "permanency hearing", …
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VisitTally {
    pub with: String,
    /// Whom `with` shows, for the questions that ask after a parent.
    /// For the questions only, like `SinceReview::first_day`.
    #[serde(skip, default = "nobody")]
    pub person: PersonRef,
    pub level: String,
    pub held: usize,
    pub missed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MissedVisit {
    pub date: String,
    pub with: String,
    pub level: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiblingVisitItem {
    pub date: String,
    /// The sibling's case id.
    pub with: String,
    pub held: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContactTally {
    pub with: String,
    /// Oldest first.
    pub contacts: Vec<ContactItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContactItem {
    pub date: String,
    /// `where` in the file: placement, home, office, school, court, other.
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DisclosureItem {
    pub date: String,
    pub with: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dated {
    pub date: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServiceItem {
    pub name: String,
    #[serde(rename = "for")]
    pub person: Option<String>,
    pub provider: Option<String>,
    pub referred: Option<String>,
    pub started: Option<String>,
    pub ended: Option<String>,
    /// The family's response to the service, as the file records it.
    pub response: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActivityItem {
    pub id: Option<String>,
    pub objective: String,
    pub text: String,
    pub who: Option<String>,
    pub due: Option<String>,
    pub done: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HearingItem {
    pub date: String,
    pub hearing: String,
    pub findings: Vec<String>,
    pub orders: Vec<String>,
    pub note: Option<String>,
}

/// What a visit's person reads back as from a staged agenda (see `VisitTally::person`).
fn nobody() -> PersonRef {
    PersonRef::Unlisted(String::new())
}

pub fn since_last_review(case: &Case, facts: &CaseFacts<'_>, names: &People) -> SinceReview {
    let as_of = facts.as_of;
    let last = last_review(case, facts.episode.removed, as_of);
    let first_day = last
        .as_ref()
        .map_or(facts.episode.removed, |(date, _)| add_days(*date, 1));
    let within = |d: NaiveDate| d >= first_day && d <= as_of;
    let (visits, missed_visits) = visits(case, &within, names);
    SinceReview {
        last_review: last.map(|(date, kind)| LastReview {
            date: date.to_string(),
            kind,
        }),
        from: first_day.to_string(),
        to: as_of.to_string(),
        visits,
        missed_visits,
        sibling_visits: sibling_visits(case, &within, names),
        contacts: contacts(case, &within, names),
        disclosures: (case.disclosures.iter())
            .filter(|d| within(d.date))
            .map(|d| DisclosureItem {
                date: d.date.to_string(),
                with: names.who(&d.with),
                note: d.note.as_deref().map(|n| names.text(n)),
            })
            .collect(),
        services: services(case, first_day, as_of, names),
        activities_done: activities(case, names, |a| a.done.is_some_and(within)),
        activities_overdue: activities(case, names, |a| {
            a.done.is_none_or(|done| done > as_of) && a.due.is_some_and(|due| due < as_of)
        }),
        efforts: (case.efforts.iter())
            .filter(|e| within(e.date))
            .map(|e| Dated {
                date: e.date.to_string(),
                text: names.text(&e.text),
            })
            .collect(),
        hearings: (case.court.iter())
            .filter(|h| within(h.date))
            .map(|h| HearingItem {
                date: h.date.to_string(),
                hearing: h.hearing.word().to_owned(),
                findings: h.findings.iter().map(|f| f.word().replace('_', " ")).collect(),
                orders: h.orders.iter().map(|o| o.word().replace('_', " ")).collect(),
                note: h.note.as_deref().map(|n| names.text(n)),
            })
            .collect(),
        first_day,
    }
}

/// The latest review before the as-of date in the current episode: a `reviews` entry,
/// or a court review or permanency hearing. On one day, the court's hearing is named.
fn last_review(case: &Case, removed: NaiveDate, as_of: NaiveDate) -> Option<(NaiveDate, String)> {
    let in_episode = |d: NaiveDate| d >= removed && d < as_of;
    let reviews = (case.reviews.iter())
        .filter(|r| in_episode(r.date))
        .map(|r| (r.date, 0, review_word(r.kind)));
    let hearings = (case.court.iter())
        .filter(|h| in_episode(h.date))
        .filter_map(|h| match h.hearing {
            HearingKind::Review => Some((h.date, 1, "court review hearing")),
            HearingKind::Permanency => Some((h.date, 1, "permanency hearing")),
            _ => None,
        });
    reviews
        .chain(hearings)
        .max()
        .map(|(date, _, kind)| (date, kind.to_owned()))
}

fn review_word(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::Staffing => "staffing",
        ReviewKind::CaseReview => "case review",
        ReviewKind::AdministrativeReview => "administrative review",
        ReviewKind::TeamMeeting => "team meeting",
    }
}

/// Where a person comes in lists: the child, the caregiver, parents in file order, others.
fn rank(who: &PersonRef) -> usize {
    match who {
        PersonRef::Child => 0,
        PersonRef::Caregiver => 1,
        PersonRef::Parent(index) => index + 2,
        _ => usize::MAX,
    }
}

fn visits(
    case: &Case,
    within: &dyn Fn(NaiveDate) -> bool,
    names: &People,
) -> (Vec<VisitTally>, Vec<MissedVisit>) {
    // Keyed by rank then the reference as written, so that people of one rank (those
    // not listed) come in the order of their text.
    let mut tally: BTreeMap<(usize, &str, VisitLevel), (usize, usize, &PersonRef)> = BTreeMap::new();
    let mut missed = Vec::new();
    for v in case.visits.iter().filter(|v| within(v.date)) {
        let counts = tally
            .entry((rank(&v.with), case.written(&v.with), v.level))
            .or_insert((0, 0, &v.with));
        if v.held {
            counts.0 += 1;
        } else {
            counts.1 += 1;
            missed.push(MissedVisit {
                date: v.date.to_string(),
                with: names.who(&v.with),
                level: v.level.word().to_owned(),
                note: v.note.as_deref().map(|n| names.text(n)),
            });
        }
    }
    missed.sort_by(|a, b| (&a.date, &a.with).cmp(&(&b.date, &b.with)));
    let tally = tally
        .into_iter()
        .map(|((_, _, level), (held, missed, with))| VisitTally {
            with: names.who(with),
            person: with.clone(),
            level: level.word().to_owned(),
            held,
            missed,
        })
        .collect();
    (tally, missed)
}

fn sibling_visits(
    case: &Case,
    within: &dyn Fn(NaiveDate) -> bool,
    names: &People,
) -> Option<Vec<SiblingVisitItem>> {
    let apart = case.current_placement().and_then(|(_, p)| p.siblings_together) == Some(false);
    if !apart && case.sibling_visits.is_empty() {
        return None;
    }
    let mut items: Vec<SiblingVisitItem> = (case.sibling_visits.iter())
        .filter(|v| within(v.date))
        .map(|v| SiblingVisitItem {
            date: v.date.to_string(),
            with: v.with.clone(),
            held: v.held,
            note: v.note.as_deref().map(|n| names.text(n)),
        })
        .collect();
    items.sort_by(|a, b| (&a.date, &a.with).cmp(&(&b.date, &b.with)));
    Some(items)
}

/// A contact's day and place, to sort by.
type ContactOn = (NaiveDate, Option<ContactPlace>);

fn contacts(case: &Case, within: &dyn Fn(NaiveDate) -> bool, names: &People) -> Vec<ContactTally> {
    // Keyed by rank then id, so the child and the caregiver come first.
    let mut by_person: BTreeMap<(usize, &str), (&PersonRef, Vec<ContactOn>)> = BTreeMap::new();
    for c in case.contacts.iter().filter(|c| within(c.date)) {
        by_person
            .entry((rank(&c.with), case.written(&c.with)))
            .or_insert_with(|| (&c.with, Vec::new()))
            .1
            .push((c.date, c.place));
    }
    by_person
        .into_values()
        .map(|(with, mut dates)| {
            dates.sort();
            ContactTally {
                with: names.who(with),
                contacts: (dates.into_iter())
                    .map(|(date, place)| ContactItem {
                        date: date.to_string(),
                        place: place.map(|p| p.word().to_owned()),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Services running at some time in the period (or whose dates are not recorded).
fn services(case: &Case, first_day: NaiveDate, as_of: NaiveDate, names: &People) -> Vec<ServiceItem> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    case.services
        .iter()
        .filter(|s| s.started.or(s.referred).is_none_or(|begun| begun <= as_of))
        .filter(|s| s.ended.is_none_or(|ended| ended >= first_day))
        .map(|s| ServiceItem {
            name: names.text(&s.name),
            person: s.person.as_ref().map(|p| names.who(p)),
            provider: s.provider.as_deref().map(|p| names.text(p)),
            referred: day(s.referred),
            started: day(s.started),
            ended: day(s.ended),
            response: s.response.as_deref().map(|r| names.text(r)),
        })
        .collect()
}

fn activities(
    case: &Case,
    names: &People,
    keep: impl Fn(&crate::model::Activity) -> bool,
) -> Vec<ActivityItem> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    (case.goals.iter())
        .flat_map(|g| &g.objectives)
        .flat_map(|o| o.activities.iter().map(move |a| (o, a)))
        .filter(|(_, a)| keep(a))
        .map(|(o, a)| ActivityItem {
            id: a.id.clone(),
            objective: o.id.clone(),
            text: names.text(&a.text),
            who: a.who.as_ref().map(|w| names.text(&names.who(w))),
            due: day(a.due),
            done: day(a.done),
        })
        .collect()
}

//! Reading a profile document (a built-in profile or a `cplan.yaml`) over a base
//! profile: every key written replaces the base's setting, every other stays.
//! The case-file converter does the reading, so a typo in `cplan.yaml` gets the
//! same located "did you mean" as a typo in a case file.

use super::arith::Span;
use super::config::RuleCodes;
use super::deadline::Kind;
use super::formula::{Choice, Formula};
use super::profile::{ByAge, Profile, Recurring, RuleSetting, TransitionRule};
use crate::finding::code;
use crate::load::convert::{Conv, Field, FromNode, Obj, Parsed, Within};
use crate::load::core_schema::{CoreType, bool_value};
use crate::load::node::{Node, Value};
use crate::load::positions::Place;
use crate::model::ConcurrentGoal;

/// Applies every profile setting written in `o` to `profile`. The caller asks for
/// its own keys (`extends`, `profiles`, …) and calls `finish` afterwards.
pub(crate) fn apply(c: &mut Conv, o: &mut Obj<'_>, p: &mut Profile, codes: RuleCodes) {
    set(&mut p.description, c.opt::<String>(o, "description"));
    let deadlines = c.get(o, "deadlines");
    if let Some(node) = deadlines.node {
        apply_deadlines(c, node, deadlines.path, p);
    }
    let stages = c.get(o, "stages");
    set(&mut p.stages, stage_ends(c, &stages));
    let visits = c.get(o, "visits");
    if let Some(node) = visits.node
        && let Some(mut v) = c.obj(node, visits.path)
    {
        set(
            &mut p.visits.window_days,
            c.opt::<AYearOfDays>(&mut v, "window_days"),
        );
        let f = c.get(&mut v, "min");
        set(&mut p.visits.min, three::<Visits>(c, &f));
        set(&mut p.visits.min_under_3, c.opt::<Visits>(&mut v, "min_under_3"));
        let f = c.get(&mut v, "max_gap_days");
        set(&mut p.visits.max_gap_days, three::<AYearOfDays>(c, &f));
        c.finish(v);
    }
    // In the order of the keys allowed here, which a CP002 help lists.
    for (key, target) in [
        ("fdi_interval_days", &mut p.fdi_interval_days),
        ("sibling_visit_days", &mut p.sibling_visit_days),
        ("efforts_interval_days", &mut p.efforts_interval_days),
        ("recruitment_interval_days", &mut p.recruitment_interval_days),
        ("early_review_days", &mut p.early_review_days),
        ("service_response_days", &mut p.service_response_days),
    ] {
        set(target, c.opt::<Days>(o, key));
    }
    for (key, target) in [
        ("court_report_days", &mut p.court_report_days),
        ("reunification_notice_days", &mut p.reunification_notice_days),
    ] {
        set(target, c.opt::<DaysBefore>(o, key));
    }
    for (key, target) in [
        ("appla_min_age", &mut p.appla_min_age),
        ("youth_consultation_age", &mut p.youth_consultation_age),
    ] {
        set(target, c.opt::<Age>(o, key));
    }
    set(&mut p.activity_max, c.opt::<Parsed<Span>>(o, "activity_max"));
    set(&mut p.warning_window, c.opt::<Parsed<Span>>(o, "warning_window"));
    // Written as a list that cannot be read, it empties the base's list.
    let f = c.get(o, "checks_required_for");
    if f.node.is_some() {
        p.checks_required_for = c.read::<Vec<ConcurrentGoal>>(&f).unwrap_or_default();
    }
    let f = c.get(o, "rules");
    apply_rules(c, &f, p, codes);
    let f = c.get(o, "sources");
    apply_sources(c, &f, p);
}

/// `sources: {case_plan: "WIC 16501.1"}`: the statute each deadline kind cites.
fn apply_sources(c: &mut Conv, field: &Field<'_>, p: &mut Profile) {
    for (entry, path) in c.named_entries(field) {
        if Kind::from_word(&entry.key).is_none() {
            let words: Vec<&str> = Kind::ALL.iter().map(|k| k.word()).collect();
            let near = crate::load::convert::closest(&entry.key, &words)
                .map(|s| format!(": did you mean `{s}`?"))
                .unwrap_or_default();
            c.report_at(
                code::CP002,
                entry.key_loc,
                format!(
                    "`sources` names `{}`, which is not a deadline kind{near}",
                    entry.key
                ),
            );
            continue;
        }
        if let Some(text) = String::from_node(c, &entry.value, path) {
            p.sources.insert(entry.key.to_string(), text.into());
        }
    }
}

fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *target = value;
    }
}

/// Days between two events: up to 100 years, the longest duration a profile may write.
type Days = Within<1, 36525>;
/// Days before an event (a court report, a notice): 0 is the day itself.
type DaysBefore = Within<0, 36525>;
/// A visit window and the longest gap between visits: a year at most.
type AYearOfDays = Within<1, 366>;
/// Visits needed in the window: at most one a day of the longest window.
type Visits = Within<0, 366>;
/// The last month of a stage, counted from removal: up to 100 years.
type Months = Within<1, 1200>;
/// An age in years: foster care ends at 21 at the latest.
type Age = Within<0, 21>;

/// `stages`: the last months of stages 1, 2 and 3, each later than the one before.
fn stage_ends(c: &mut Conv, field: &Field<'_>) -> Option<[u32; 3]> {
    let ends = three::<Months>(c, field)?;
    if ends[0] < ends[1] && ends[1] < ends[2] {
        return Some(ends);
    }
    if let Some(node) = field.node {
        c.report_invalid(
            node,
            format!(
                "`{}` must rise, each stage ending after the one before: [stage 1, stage 2, stage 3] \
                 months from removal, e.g. [4, 8, 15]",
                c.path_of(field.path)
            ),
        );
    }
    None
}

/// A list of exactly three whole numbers of the range `R`, one per stage.
fn three<R: FromNode<Value = u32>>(c: &mut Conv, field: &Field<'_>) -> Option<[u32; 3]> {
    let node = field.node?;
    let items = c.item_fields(field);
    let numbers: Vec<u32> = items.iter().filter_map(|item| c.read::<R>(item)).collect();
    match <[u32; 3]>::try_from(numbers) {
        Ok(three) => Some(three),
        // Three items of which one is out of range were each reported already.
        Err(_) if matches!(node.value, Value::Seq(_)) && items.len() != 3 => {
            c.report_invalid(
                node,
                format!(
                    "`{}` needs three numbers, one per stage: [stage 1, stage 2, stage 3]",
                    c.path_of(field.path)
                ),
            );
            None
        }
        Err(_) => None,
    }
}

fn apply_deadlines(c: &mut Conv, node: &Node, path: Place, p: &mut Profile) {
    let Some(mut o) = c.obj(node, path) else { return };
    let d = &mut p.deadlines;
    for (key, target) in [
        ("relatives_notice", &mut d.relatives_notice),
        ("diligent_search", &mut d.diligent_search),
        ("case_plan", &mut d.case_plan),
        ("concurrent_goal_due", &mut d.concurrent_goal_due),
        ("efforts_finding_removal", &mut d.efforts_finding_removal),
    ] {
        let f = c.get(&mut o, key);
        set(target, formula(c, &f));
    }
    for (key, target) in [
        ("periodic_review", &mut d.periodic_review),
        ("permanency_hearing", &mut d.permanency_hearing),
        ("efforts_finding_permanency", &mut d.efforts_finding_permanency),
    ] {
        let f = c.get(&mut o, key);
        set(target, recurring(c, &f));
    }
    let f = c.get(&mut o, "reunification_period_end");
    set(&mut d.reunification_period_end, by_age(c, &f));
    let f = c.get(&mut o, "transition_plan");
    set(&mut d.transition_plan, transition(c, &f));
    c.finish(o);
}

/// `{age: 18, window: 90d}`, or `none` (`Some(None)`); `None` when not written or wrong.
fn transition(c: &mut Conv, field: &Field<'_>) -> Option<Option<TransitionRule>> {
    let node = field.node?;
    if node.value.scalar_text() == Some("none") {
        return Some(None);
    }
    let mut o = c.obj(node, field.path)?;
    let age = c.req::<Age>(&mut o, "age");
    let window = c.req::<Parsed<Span>>(&mut o, "window");
    c.finish(o);
    Some(Some(TransitionRule {
        age: age?,
        window: window?,
    }))
}

/// `removed + 60d`, a list of such (earliest wins), or `none`.
fn formula(c: &mut Conv, field: &Field<'_>) -> Option<Formula> {
    let node = field.node?;
    match &node.value {
        value if value.scalar_text() == Some("none") => Some(Formula::default()),
        Value::Seq(_) => {
            let items = c.item_fields(field);
            // Every item is read (and reported) before one that is wrong spoils the list.
            let choices: Vec<Option<Choice>> = items
                .iter()
                .filter(|item| item.node.is_some())
                .map(|item| c.read::<Parsed<Choice>>(item))
                .collect();
            choices.into_iter().collect::<Option<Vec<_>>>().map(Formula)
        }
        _ => c
            .read::<Parsed<Choice>>(field)
            .map(|choice| Formula(vec![choice])),
    }
}

fn recurring(c: &mut Conv, field: &Field<'_>) -> Option<Recurring> {
    let node = field.node?;
    let mut o = c.obj(node, field.path)?;
    let first = c.need(&mut o, "first");
    let first = formula(c, &first);
    let every = c.opt::<Parsed<Span>>(&mut o, "every");
    c.finish(o);
    Some(Recurring { first: first?, every })
}

/// A formula for every child, `none`, or `{under_3: …, otherwise: …}`.
fn by_age(c: &mut Conv, field: &Field<'_>) -> Option<ByAge> {
    let node = field.node?;
    if !matches!(node.value, Value::Map(_)) {
        let all = formula(c, field)?;
        return Some(ByAge {
            under_3: all.clone(),
            otherwise: all,
        });
    }
    let mut o = c.obj(node, field.path)?;
    let under_3 = c.need(&mut o, "under_3");
    let under_3 = formula(c, &under_3);
    let otherwise = c.need(&mut o, "otherwise");
    let otherwise = formula(c, &otherwise);
    c.finish(o);
    Some(ByAge {
        under_3: under_3?,
        otherwise: otherwise?,
    })
}

/// `rules: {CP203: off, CP305: warning}`; a code no rule has is reported with the nearest.
fn apply_rules(c: &mut Conv, field: &Field<'_>, p: &mut Profile, codes: RuleCodes) {
    for (entry, path) in c.named_entries(field) {
        let (code, node) = (entry.key.as_ref(), &entry.value);
        let Some(known) = codes.find(code) else {
            let near = crate::load::convert::closest(code, codes.all())
                .map(|s| format!(": did you mean {s}?"))
                .unwrap_or_default();
            c.report_at(code::CP002, entry.key_loc, format!("`rules` names `{code}`, which is not a rule code{near} (`cplan explain --all` lists them)"));
            continue;
        };
        // `CP203: false` turns it off, as `off` does.
        let setting = match node.value.scalar() {
            Some(s) if s.core_type() == CoreType::Bool && bool_value(&s.text) == Some(false) => {
                Some(RuleSetting::Off)
            }
            _ => Parsed::<RuleSetting>::from_node(c, node, path),
        };
        if let Some(setting) = setting {
            p.rules.insert(known, setting);
        }
    }
}

//! Case files made to attack the outputs, generated (YAML escapes), never pasted raw:
//! every person field and free text filled from one `Hostile`.

/// `text` as a YAML double-quoted scalar: quotes, backslashes and every control or
/// bidi character written as a YAML escape, so the file holds no raw control byte.
pub fn q(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// People and words of one generated case.
pub struct Hostile {
    pub id: String,
    pub worker: String,
    pub child: String,
    pub parent_id: String,
    pub parent_name: String,
    pub caregiver: String,
    /// A relative the diligent search found.
    pub relative: String,
    pub note: String,
}

/// A case with every person field and free text filled from `h`: a parent named in
/// place of an id (`with:`, `for:`, `who:`), notes, services, efforts, the search.
pub fn case_yaml(h: &Hostile) -> String {
    let (id, worker, child) = (q(&h.id), q(&h.worker), q(&h.child));
    let (pid, parent, caregiver, note) = (q(&h.parent_id), q(&h.parent_name), q(&h.caregiver), q(&h.note));
    let relative = q(&h.relative);
    format!(
        "case: {id}
worker: {worker}
child:
  name: {child}
  born: 2015-03-02
parents:
  - id: {pid}
    name: {parent}
    relationship: mother
episodes:
  - removed: 2026-06-01
    court_finding: 2026-06-20
    reason: {note}
placements:
  - from: 2026-06-01
    setting: foster
    caregiver: {caregiver}
    permanency_willing: \"yes\"
plan:
  case_plan: 2026-07-20
  primary: reunification
  reunification:
    conditions: [{note}]
  concurrent:
    goal: adoption
    resource: {caregiver}
goals:
  - id: G1
    track: both
    term: short
    text: {note}
    objectives:
      - id: O1
        text: {note}
        measure: {note}
        activities:
          - text: {note}
            who: {parent}
            start: 2026-07-01
            due: 2026-12-10
visits:
  - {{date: 2026-11-20, with: {pid}, level: supervised, note: {note}}}
  - {{date: 2026-11-21, with: {parent}, level: supervised, held: false, note: {note}}}
contacts:
  - {{date: 2026-11-02, with: child, where: placement}}
disclosures:
  - {{date: 2026-09-01, with: {pid}, note: {note}}}
services:
  - {{name: {note}, for: {parent}, provider: {note}, referred: 2026-07-01, started: 2026-07-05, response: {note}}}
court:
  - {{date: 2026-12-20, hearing: review, note: {note}}}
efforts:
  - {{date: 2026-11-01, text: {note}}}
search:
  found: [{parent}, {relative}]
notes: {note}
"
    )
}

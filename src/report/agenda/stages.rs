//! What each stage of the three-stage casework model expects of the parent and of the
//! worker (seed 002, "Concurrent planning: a three-stage model of casework"), summarised
//! from its table and its stage-by-stage lists. Kept as data so that a reviewer can read
//! it against the seed line by line.

use crate::policy::care::Stage;

pub struct Expectations {
    pub parent: &'static [&'static str],
    pub worker: &'static [&'static str],
}

const DOING_FOR: Expectations = Expectations {
    parent: &[
        "Grieving the loss of the child: in shock and crisis, often in denial; capacity very low and disorganised",
        "Responsibility lies with the worker; the parent is stabilised with basics and support",
        "Significant others are involved as resource managers, if available",
    ],
    worker: &[
        "Understand the parent's grief and crisis; stabilise by providing basics and support",
        "Plan intensive visitation: frequent, supervised or teaching visits",
        "Engage the parent in collaborative planning and prioritise the behaviour and environment changes",
        "Plan and get resources, role-modelling calls, appointments and transport; check on progress",
        "Begin full disclosure interviews (FDI); ongoing selection process and diligent search; \
         set up care (permanency planning home, kinship support)",
    ],
};

const DOING_WITH: Expectations = Expectations {
    parent: &[
        "Has accepted the situation and the behaviour that led to placement, and is moving towards change",
        "Does the tasks with the worker's feedback: sets own appointments, gets resources, \
         reports progress on schedule, manages money",
        "Asks the support network for help and adds members; after a relapse, uses supports to return to sobriety",
        "Takes more responsibility for the children: increased visitation, unsupervised and overnight visits",
    ],
    worker: &[
        "Continue collaborative planning and prioritising the change objectives",
        "Guide the parent to take on more responsibility for connecting to services and planning for the child: \
         offer information, prompt for steps",
        "Less frequent home visits; calls initiated by the parent",
        "Continue periodic FDIs; selection process and diligent search as needed",
        "Give a clear report of progress to the court, parent advocates and the child's attorney",
    ],
};

const MOVING_TOWARDS_INDEPENDENCE: Expectations = Expectations {
    parent: &[
        "Shows the ability to care for the child full-time; connected to family and community supports",
        "Secures and manages resources, arranges own support services and calls the worker only after trying",
        "Takes more responsibility for the child's care (school, medical, decisions) and shares parenting challenges",
        "After a relapse, uses supports to return to sobriety at once; if the child is not home, \
         extended and overnight visits as often as possible",
    ],
    worker: &[
        "Finalise permanency planning for the child",
        "Support the parent in the final planning stage of reunification; understand that relapse is part of recovery",
        "Teach problem-solving and help the parent plan for the future; support the child in the permanency process",
        "Selection process and diligent search as needed; schedule an early review hearing as needed",
        "Give a clear report of progress to the court, parent advocates and the child's attorney",
    ],
};

/// Past month 15 the model has no stage of its own: stage 3's expectations still
/// apply, and the permanency decision they lead to is due.
const PAST: Expectations = Expectations {
    parent: &[
        "The model's 15 months are over: the parent should be caring for the child full-time, \
         or ready to, with family and community supports",
        "Stage 3 still applies: secures own resources and services, extended and overnight visits",
    ],
    worker: &[
        "The model's 15 months are over: the permanency decision is due (return home, or the concurrent goal)",
        "Finalise permanency planning and support the child in the permanency process",
        "Give a clear report of progress to the court, parent advocates and the child's attorney",
    ],
};

pub fn expectations(stage: Stage) -> &'static Expectations {
    match stage {
        Stage::One => &DOING_FOR,
        Stage::Two => &DOING_WITH,
        Stage::Three => &MOVING_TOWARDS_INDEPENDENCE,
        Stage::Past => &PAST,
    }
}

/// "months 1–4", "months 9–15", "month 16 on", with the profile's stage bounds.
pub fn months(stage: Stage, bounds: [u32; 3]) -> String {
    let range = |first: u32, last: u32| match first.cmp(&last) {
        std::cmp::Ordering::Less => format!("months {first}–{last}"),
        std::cmp::Ordering::Equal => format!("month {first}"),
        std::cmp::Ordering::Greater => "no months (an empty stage in this profile)".to_owned(),
    };
    match stage {
        Stage::One => range(1, bounds[0]),
        Stage::Two => range(bounds[0].saturating_add(1), bounds[1]),
        Stage::Three => range(bounds[1].saturating_add(1), bounds[2]),
        Stage::Past => format!("month {} on", bounds[2].saturating_add(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_follow_the_profile_bounds() {
        assert_eq!(months(Stage::One, [4, 8, 15]), "months 1–4");
        assert_eq!(months(Stage::Three, [4, 8, 15]), "months 9–15");
        assert_eq!(months(Stage::Past, [4, 8, 15]), "month 16 on");
        assert_eq!(months(Stage::Two, [4, 5, 15]), "month 5");
    }
}

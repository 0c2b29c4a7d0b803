//! The fixed words of the case format (`setting: kin`, `level: supervised`, …).

/// An enumeration written in case files as one of a fixed list of lower-case words.
pub trait Vocab: Sized + Copy + 'static {
    /// Every allowed word, in the order the format documents them.
    const WORDS: &'static [&'static str];
    fn from_word(word: &str) -> Option<Self>;
    fn word(self) -> &'static str;
}

/// Declares an enum together with the words that spell it in a case file. Each word's
/// doc comment is what an editor shows for it (the JSON Schema's `enumDescriptions`).
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[doc = $vdoc])* #[serde(rename = $word)] $variant),+
        }

        impl $crate::model::Vocab for $name {
            const WORDS: &'static [&'static str] = &[$($word),+];

            fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some(Self::$variant),)+
                    _ => None,
                }
            }

            fn word(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Vocab::word(*self))
            }
        }

        // Written by hand rather than derived so that the schema is a plain `enum` of
        // the words (what editors complete) with one description per word.
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let descriptions: &[&str] = &[$(concat!($($vdoc, "\n",)* "")),+];
                $crate::model::schema::word_list(
                    <Self as $crate::model::Vocab>::WORDS,
                    descriptions,
                )
            }
        }
    };
}

vocab!(
    /// `parents[].relationship`
    Relationship {
        /// The child's mother.
        Mother = "mother",
        /// The child's father.
        Father = "father",
        /// A legal guardian who is not a parent.
        LegalGuardian = "legal_guardian",
        /// Another relationship; say which in `name` or the notes.
        Other = "other",
    }
);
vocab!(
    /// `parents[].whereabouts`
    Whereabouts {
        /// The default. The parent signs the written agreement and has full disclosure interviews.
        Known = "known",
        /// Starts the diligent search clock: a search is due within 30 days of removal.
        Unknown = "unknown",
        /// Left out of the written agreement and the full disclosure interviews.
        Deceased = "deceased",
    }
);
vocab!(
    /// `episodes[].exit_reason`
    ExitReason {
        /// The child went home to a parent.
        Reunification = "reunification",
        /// The child was adopted.
        Adoption = "adoption",
        /// Legal guardianship was granted.
        Guardianship = "guardianship",
        /// The child was placed with a fit and willing relative.
        Relative = "relative",
        /// The youth left care as an adult.
        Emancipation = "emancipation",
        /// Any other reason.
        Other = "other",
    }
);
vocab!(
    /// `placements[].setting`
    Setting {
        /// An emergency shelter.
        Shelter = "shelter",
        /// A foster home.
        Foster = "foster",
        /// A relative or family friend.
        Kin = "kin",
        /// A concurrent-planning foster/adopt or kin home able to become the child's permanent home.
        ResourceFamily = "resource_family",
        /// A group home or residential care.
        Group = "group",
        /// With a parent, for example a trial home visit.
        Parent = "parent",
        /// Any other setting.
        Other = "other",
    }
);
vocab!(
    /// `placements[].permanency_willing`
    Willing {
        /// The caregiver is willing to be the child's permanent home. Write it in quotes: "yes".
        Yes = "yes",
        /// The caregiver is not willing. Write it in quotes: "no".
        No = "no",
        /// The caregiver has not decided yet.
        Undecided = "undecided",
    }
);
vocab!(
    /// `plan.primary`
    PrimaryTrack {
        /// The default: working first towards the child's return home.
        Reunification = "reunification",
        /// The alternative plan comes first now, for example after the court found reunification not viable (CP108).
        Concurrent = "concurrent",
    }
);
vocab!(
    /// `plan.concurrent.goal`
    ConcurrentGoal {
        /// Adoption, usually by the resource family.
        Adoption = "adoption",
        /// Legal guardianship.
        Guardianship = "guardianship",
        /// Placement with a fit and willing relative.
        Relative = "relative",
        /// Another planned permanent living arrangement: only for youth 16 and older (CP109).
        Appla = "appla",
    }
);
vocab!(
    /// `plan.tpr_exception`
    TprException {
        /// The child is placed with a relative.
        Relative = "relative",
        /// There is a compelling reason why termination is not in the child's best interest.
        CompellingReason = "compelling_reason",
        /// The agency did not provide the services in the case plan.
        ServicesNotProvided = "services_not_provided",
    }
);
vocab!(
    /// `goals[].track`
    Track {
        /// The goal serves the return home.
        Reunification = "reunification",
        /// The goal serves the alternative permanency plan.
        Concurrent = "concurrent",
        /// The goal serves both tracks.
        Both = "both",
    }
);
vocab!(
    /// `goals[].term`
    Term {
        /// A short-term goal.
        Short = "short",
        /// A long-term goal.
        Long = "long",
    }
);
vocab!(
    /// `visits[].level`
    VisitLevel {
        /// A staff member is present for the whole visit.
        Supervised = "supervised",
        /// Someone checks in on the visit from time to time.
        Monitored = "monitored",
        /// Parent and child on their own.
        Unsupervised = "unsupervised",
        /// The child stays the night with the parent.
        Overnight = "overnight",
        /// Several days in a row with the parent.
        Extended = "extended",
    }
);
vocab!(
    /// `contacts[].where`
    ContactPlace {
        /// The child's residence.
        Placement = "placement",
        /// The parent's home.
        Home = "home",
        /// The agency's office.
        Office = "office",
        /// The child's school.
        School = "school",
        /// At court.
        Court = "court",
        /// Anywhere else.
        Other = "other",
    }
);
vocab!(
    /// `court[].hearing`
    HearingKind {
        /// The detention (first) hearing after removal.
        Detention = "detention",
        /// The jurisdiction (adjudication) hearing: the court's finding of abuse or neglect.
        Jurisdiction = "jurisdiction",
        /// The disposition hearing.
        Disposition = "disposition",
        /// A review hearing: meets the periodic review deadline.
        Review = "review",
        /// A permanency hearing: meets the periodic review and the permanency hearing deadlines.
        Permanency = "permanency",
        /// The termination of parental rights hearing: meets the 15-of-22-months deadline.
        Tpr = "tpr",
        /// A selection and implementation hearing.
        Selection = "selection",
        /// Any other hearing.
        Other = "other",
    }
);
vocab!(
    /// `court[].findings[]`
    CourtFinding {
        /// The agency made reasonable efforts. Within 60 days of removal it is read as the finding on efforts to prevent removal, later as the finding on efforts to finalize the permanency plan.
        ReasonableEfforts = "reasonable_efforts",
        /// The court's determination that the agency made reasonable efforts to prevent the removal: due within 60 days of removal, or the child is not eligible for title IV-E for the whole stay in care (45 CFR 1356.21(b)(1); CP412).
        EffortsToPreventRemoval = "efforts_to_prevent_removal",
        /// The court's finding that the agency made reasonable efforts to finalize the permanency plan: due 12 months after the child entered foster care and every 12 months after, or the placement is not paid for by title IV-E until it is made (45 CFR 1356.21(b)(2); CP411).
        EffortsToFinalizePlan = "efforts_to_finalize_plan",
        /// The agency did not make reasonable efforts. Within 60 days of removal, the child is not eligible for title IV-E for the whole stay in care (CP412).
        NoReasonableEfforts = "no_reasonable_efforts",
        /// Reunification is not viable: `plan.primary` must become `concurrent` (CP108).
        ReunificationNotViable = "reunification_not_viable",
        /// Any other finding.
        Other = "other",
    }
);
vocab!(
    /// `court[].orders[]`
    CourtOrder {
        /// Reunification services are ordered.
        ReunificationServices = "reunification_services",
        /// Reunification services end: `plan.primary` must become `concurrent` (CP108).
        TerminateServices = "terminate_services",
        /// A petition to terminate parental rights: meets the 15-of-22-months deadline.
        TprPetition = "tpr_petition",
        /// Any other order.
        Other = "other",
    }
);
vocab!(
    /// `reviews[].kind`
    ReviewKind {
        /// A concurrent planning staffing.
        Staffing = "staffing",
        /// A collaborative case review.
        CaseReview = "case_review",
        /// An administrative review: also meets the six-month periodic review deadline.
        AdministrativeReview = "administrative_review",
        /// A team meeting (family team, child and family team).
        TeamMeeting = "team_meeting",
    }
);

/// The fixed words that name people inside a file besides parent ids.
pub const FIXED_PEOPLE: &[&str] = &["child", "worker", "supervisor", "caregiver", "agency"];

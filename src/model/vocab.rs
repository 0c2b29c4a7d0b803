//! The fixed words of the case format (`setting: kin`, `level: supervised`, …).

/// An enumeration written in case files as one of a fixed list of lower-case words.
pub trait Vocab: Sized + Copy + 'static {
    /// Every allowed word, in the order the format documents them.
    const WORDS: &'static [&'static str];
    fn from_word(word: &str) -> Option<Self>;
    fn word(self) -> &'static str;
}

/// Declares an enum together with the words that spell it in a case file.
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
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
    };
}

vocab!(
    /// `parents[].relationship`
    Relationship { Mother = "mother", Father = "father", LegalGuardian = "legal_guardian", Other = "other" }
);
vocab!(
    /// `parents[].whereabouts`
    Whereabouts { Known = "known", Unknown = "unknown", Deceased = "deceased" }
);
vocab!(
    /// `episodes[].exit_reason`
    ExitReason {
        Reunification = "reunification",
        Adoption = "adoption",
        Guardianship = "guardianship",
        Relative = "relative",
        Emancipation = "emancipation",
        Other = "other",
    }
);
vocab!(
    /// `placements[].setting`
    Setting {
        Shelter = "shelter",
        Foster = "foster",
        Kin = "kin",
        /// A concurrent-planning foster/adopt or kin home able to become permanent.
        ResourceFamily = "resource_family",
        Group = "group",
        Parent = "parent",
        Other = "other",
    }
);
vocab!(
    /// `placements[].permanency_willing`
    Willing { Yes = "yes", No = "no", Undecided = "undecided" }
);
vocab!(
    /// `plan.primary`
    PrimaryTrack { Reunification = "reunification", Concurrent = "concurrent" }
);
vocab!(
    /// `plan.concurrent.goal`
    ConcurrentGoal {
        Adoption = "adoption",
        Guardianship = "guardianship",
        /// Placement with a fit and willing relative.
        Relative = "relative",
        /// Another planned permanent living arrangement (youth 16 and older).
        Appla = "appla",
    }
);
vocab!(
    /// `plan.tpr_exception`
    TprException {
        Relative = "relative",
        CompellingReason = "compelling_reason",
        ServicesNotProvided = "services_not_provided",
    }
);
vocab!(
    /// `goals[].track`
    Track { Reunification = "reunification", Concurrent = "concurrent", Both = "both" }
);
vocab!(
    /// `goals[].term`
    Term { Short = "short", Long = "long" }
);
vocab!(
    /// `visits[].level`
    VisitLevel {
        Supervised = "supervised",
        Monitored = "monitored",
        Unsupervised = "unsupervised",
        Overnight = "overnight",
        Extended = "extended",
    }
);
vocab!(
    /// `contacts[].where`
    ContactPlace {
        /// The child's residence.
        Placement = "placement",
        Home = "home",
        Office = "office",
        School = "school",
        Court = "court",
        Other = "other",
    }
);
vocab!(
    /// `court[].hearing`
    HearingKind {
        Detention = "detention",
        Jurisdiction = "jurisdiction",
        Disposition = "disposition",
        Review = "review",
        Permanency = "permanency",
        Tpr = "tpr",
        Selection = "selection",
        Other = "other",
    }
);
vocab!(
    /// `court[].findings[]`
    CourtFinding {
        ReasonableEfforts = "reasonable_efforts",
        NoReasonableEfforts = "no_reasonable_efforts",
        ReunificationNotViable = "reunification_not_viable",
        Other = "other",
    }
);
vocab!(
    /// `court[].orders[]`
    CourtOrder {
        ReunificationServices = "reunification_services",
        TerminateServices = "terminate_services",
        TprPetition = "tpr_petition",
        Other = "other",
    }
);
vocab!(
    /// `reviews[].kind`
    ReviewKind {
        Staffing = "staffing",
        CaseReview = "case_review",
        AdministrativeReview = "administrative_review",
        TeamMeeting = "team_meeting",
    }
);

/// The fixed words that name people inside a file besides parent ids.
pub const FIXED_PEOPLE: &[&str] = &["child", "worker", "supervisor", "caregiver", "agency"];

//! The practice sources cplan's rules and questions rest on, named by their titles, as
//! a reader can look them up (statutes are cited by number where they are used).

/// A practice source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// National Resource Center for Permanency and Family Connections, *Core Components
    /// of Concurrent Planning* (with UC Berkeley CSSR, *Promising Practices:
    /// Collaborative Case Reviews*).
    CoreComponents,
    /// Kansas DCF, PPS Policy and Procedure Manual 3232, *Concurrent Case Planning*.
    KansasPpm,
    /// *Concurrent Planning: A Three-Stage Model of Casework*.
    ThreeStageModel,
    /// *Case Planning in Child Welfare* (caseworker core training, Module VI).
    CasePlanning,
    /// Advokids, *Concurrent Planning* (California law, policy and practice).
    Advokids,
}

impl Source {
    /// The title a reader can find it by.
    pub fn title(self) -> &'static str {
        match self {
            Source::CoreComponents => "Core Components of Concurrent Planning",
            Source::KansasPpm => "Kansas DCF Policy and Procedure Manual 3232",
            Source::ThreeStageModel => "Concurrent Planning: A Three-Stage Model of Casework",
            Source::CasePlanning => "Case Planning in Child Welfare",
            Source::Advokids => "Advokids, Concurrent Planning",
        }
    }
}

/// "Concurrent Planning: A Three-Stage Model of Casework: intensive visitation from
/// stage 1": what a source says, under its title.
pub fn cite(source: Source, what: &str) -> String {
    format!("{}: {what}", source.title())
}

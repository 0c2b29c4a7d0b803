//! The cases of a run in the order of their ids, four bytes a case: how the folder
//! rules find every file of an id, or a sibling's case. A map from each id to its
//! cases, built at the end of a run over a whole caseload, held more than the rest of
//! the run together (16 MB at 100,000 cases; BENCHMARKS.md).

use super::{CaseRefs, CaseView};

pub struct ById<'a> {
    refs: &'a CaseRefs,
    /// Case numbers, by id; the cases of one id in the order they were pushed.
    order: Vec<u32>,
}

impl<'a> ById<'a> {
    pub fn new(refs: &'a CaseRefs) -> ById<'a> {
        let mut order: Vec<u32> = (0..refs.len()).filter_map(|i| u32::try_from(i).ok()).collect();
        // Stable, so that the files of one id stay in file order.
        order.sort_by(|&a, &b| id_of(refs, a).cmp(id_of(refs, b)));
        ById { refs, order }
    }

    /// Every case whose id is `id`, in the order they were pushed.
    pub fn cases(&self, id: &str) -> impl Iterator<Item = CaseView<'a>> {
        let start = self.order.partition_point(|&i| id_of(self.refs, i) < id);
        let end = start + self.order[start..].partition_point(|&i| id_of(self.refs, i) == id);
        self.views(&self.order[start..end])
    }

    /// The cases of each id that more than one case declares, id by id.
    pub fn shared(&self) -> impl Iterator<Item = Vec<CaseView<'a>>> {
        (self
            .order
            .chunk_by(|&a, &b| id_of(self.refs, a) == id_of(self.refs, b)))
        .filter(|group| group.len() > 1)
        .map(|group| self.views(group).collect())
    }

    fn views(&self, numbers: &[u32]) -> impl Iterator<Item = CaseView<'a>> {
        let refs = self.refs;
        numbers.iter().filter_map(move |&i| refs.case(i as usize))
    }
}

fn id_of(refs: &CaseRefs, case: u32) -> &str {
    refs.case(case as usize).map_or("", |c| c.id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::folder::test_cases::case;

    #[test]
    fn the_cases_of_an_id_are_found_in_file_order() {
        let mut refs = CaseRefs::default();
        for (file, id) in ["B-2", "A-1", "C-3", "A-1", "B-2", "A-10", "A-1"]
            .iter()
            .enumerate()
        {
            refs.push(&case(id, &[], None), u32::try_from(file).expect("small"), false);
        }
        let by_id = ById::new(&refs);
        let files = |id: &str| by_id.cases(id).map(|c| c.file()).collect::<Vec<_>>();
        assert_eq!(files("A-1"), [1, 3, 6]);
        assert_eq!(files("A-10"), [5]);
        assert_eq!(files("C-3"), [2]);
        assert_eq!(files("A-"), [0u32; 0]);
        assert_eq!(files("Z-9"), [0u32; 0]);
        let shared: Vec<Vec<u32>> = (by_id.shared())
            .map(|cases| cases.iter().map(CaseView::file).collect())
            .collect();
        assert_eq!(shared, [vec![1, 3, 6], vec![0, 4]]);
    }
}

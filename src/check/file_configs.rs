//! The configuration of each file of a run, kept once per stretch of files that share
//! it: a run holds it until its last file is read, files come folder by folder, and a
//! whole caseload has a handful of `cplan.yaml` files. A pointer a file was 800 KB at
//! 100,000 cases, growing with the caseload; a stretch is one entry for a thousand.

use std::sync::Arc;

use crate::policy::Config;

#[derive(Debug, Default)]
pub struct FileConfigs {
    /// The first file of each stretch, and its configuration.
    stretches: Vec<(usize, Arc<Config>)>,
    files: usize,
}

impl FileConfigs {
    /// Adds the configuration of the next file.
    pub fn push(&mut self, config: Arc<Config>) {
        let same = (self.stretches.last()).is_some_and(|(_, last)| Arc::ptr_eq(last, &config));
        if !same {
            self.stretches.push((self.files, config));
        }
        self.files += 1;
    }

    /// The configuration of file `index`.
    pub fn get(&self, index: usize) -> Option<&Arc<Config>> {
        if index >= self.files {
            return None;
        }
        let after = self.stretches.partition_point(|(first, _)| *first <= index);
        self.stretches
            .get(after.checked_sub(1)?)
            .map(|(_, config)| config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_gets_the_configuration_it_was_given() {
        let a = Arc::new(Config::builtin());
        let b = Arc::new(Config::builtin());
        let given = [&a, &a, &b, &b, &b, &a];
        let mut configs = FileConfigs::default();
        for config in given {
            configs.push(Arc::clone(config));
        }
        assert_eq!(configs.stretches.len(), 3);
        for (i, config) in given.iter().enumerate() {
            assert!(configs.get(i).is_some_and(|c| Arc::ptr_eq(c, config)), "file {i}");
        }
        assert!(configs.get(given.len()).is_none());
        assert!(FileConfigs::default().get(0).is_none());
    }
}

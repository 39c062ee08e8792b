//! Stable string ids. Random, so that files made by different people never collide.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A small, seedable id generator (SplitMix64). The app seeds it from the browser's
/// crypto source; tests seed it with a constant so that results are reproducible.
#[derive(Debug, Clone)]
pub struct IdGen {
    state: u64,
}

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl IdGen {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A fresh id such as `mem_3k9x0q7d1r2ab`: a kind prefix and 64 random bits in base 32.
    pub fn next_id(&mut self, prefix: &str) -> String {
        let mut bits = self.next_u64();
        let mut out = String::with_capacity(prefix.len() + 14);
        out.push_str(prefix);
        out.push('_');
        for _ in 0..13 {
            out.push(ALPHABET[(bits & 31) as usize] as char);
            bits >>= 5;
        }
        out
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The prefix every generated id of this kind starts with.
            pub const PREFIX: &'static str = $prefix;

            /// A fresh random id.
            pub fn generate(ids: &mut IdGen) -> Self {
                Self(ids.next_id($prefix))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(/// Identifies a team member.
    MemberId, "mem");
id_type!(/// Identifies a role.
    RoleId, "rol");
id_type!(/// Identifies a skill in the catalogue.
    SkillId, "skl");
id_type!(/// Identifies a team or department.
    DepartmentId, "dep");
id_type!(/// Identifies a duty (an activity in the responsibility chart).
    DutyId, "dut");
id_type!(/// Identifies a board column.
    ColumnId, "col");
id_type!(/// Identifies a task on the board.
    TaskId, "tsk");
id_type!(/// Identifies a training item.
    TrainingId, "trn");
id_type!(/// Identifies a KPI.
    KpiId, "kpi");
id_type!(/// Identifies a recurring meeting.
    MeetingId, "mtg");
id_type!(/// Identifies the minutes of one meeting held.
    MinutesId, "mnt");
id_type!(/// Identifies an entry of the improvement log.
    ImprovementId, "imp");
id_type!(/// Identifies a recurring routine (a task template that repeats).
    RoutineId, "rtn");
id_type!(/// Identifies a 1:1 check-in.
    CheckInId, "chk");
id_type!(/// Identifies a recognition.
    RecognitionId, "rec");
id_type!(/// Identifies an entry of a task's thread (a comment, or a change recorded).
    EntryId, "ent");

#[cfg(test)]
mod tests {
    use super::*;

    // Ids must not collide within a generator's run.
    #[test]
    fn generated_ids_are_distinct_and_prefixed() {
        let mut ids = IdGen::new(7);
        let a = MemberId::generate(&mut ids);
        let b = MemberId::generate(&mut ids);
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("mem_"));
        assert_eq!(a.as_str().len(), 4 + 13);
    }
}

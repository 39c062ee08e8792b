//! Training planned to close skill gaps, and the record of level changes.

use super::ids::{MemberId, SkillId, TaskId, TrainingId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A recorded change of a member's level in a skill.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LevelChange {
    #[serde(deserialize_with = "super::dates::read::instant")]
    pub at: DateTime<Utc>,
    pub member: MemberId,
    pub skill: SkillId,
    pub from: u8,
    pub to: u8,
}

/// How long training planned for a skill gap has before it is due, in days.
pub const GAP_TRAINING_DAYS: i64 = 30;

/// When training planned today for a skill gap is due.
pub fn due_for_gap(today: NaiveDate) -> NaiveDate {
    super::dates::add_days(today, GAP_TRAINING_DAYS)
}

/// Where a training item stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

impl TrainingStatus {
    pub const ALL: [TrainingStatus; 3] = [TrainingStatus::Planned, TrainingStatus::InProgress, TrainingStatus::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            TrainingStatus::Planned => "planned",
            TrainingStatus::InProgress => "in-progress",
            TrainingStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A plan to bring a member to a level in a skill.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingItem {
    pub id: TrainingId,
    pub member: MemberId,
    pub skill: SkillId,
    pub target_level: u8,
    #[serde(deserialize_with = "super::dates::read::day_or_none")]
    pub due: Option<NaiveDate>,
    pub status: TrainingStatus,
    /// The board task created for it, if any.
    pub task: Option<TaskId>,
}

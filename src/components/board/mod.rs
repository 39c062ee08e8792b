mod board_page;
mod board_settings;
mod cards;
mod task_card;
mod task_editor;
mod task_thread;
mod workload;

pub use board_page::BoardPage;

use crate::model::{ColumnId, Priority, TaskId, TaskType};

/// What a card shows; cards re-render only when this changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardView {
    pub id: TaskId,
    pub title: String,
    pub priority: Priority,
    pub kind: TaskType,
    pub column_name: String,
    /// Initials, full name, and whether that person is over capacity.
    pub people: Vec<(String, String, bool)>,
    /// A CSS modifier and the badge text.
    pub badge: Option<(&'static str, String)>,
    pub skills: Vec<String>,
    pub labels: Vec<String>,
}

/// One swimlane: its title (none when lanes are off) and its tasks per column. Ids only: each
/// card follows its own task.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LaneView {
    pub key: String,
    pub title: Option<String>,
    pub cells: Vec<(ColumnId, Vec<TaskId>)>,
}

/// How many cards a column shows on the first frame; the rest follow a frame at a time.
pub const FIRST_CARDS: usize = 24;
/// How many more cards each following frame adds.
pub const MORE_CARDS: usize = 120;

/// How the board is split into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lanes {
    None,
    Assignee,
    Role,
    Priority,
    Type,
}

impl Lanes {
    pub const ALL: [Lanes; 5] = [Lanes::None, Lanes::Assignee, Lanes::Role, Lanes::Priority, Lanes::Type];

    pub fn as_str(self) -> &'static str {
        match self {
            Lanes::None => "none",
            Lanes::Assignee => "assignee",
            Lanes::Role => "role",
            Lanes::Priority => "priority",
            Lanes::Type => "type",
        }
    }
}

/// The element id of a card's button.
pub fn card_id(task: &TaskId) -> String {
    format!("task-{task}")
}

//! A task's thread: the comments people write on it, and the changes of assignment and
//! priority recorded as they are made. With the task's own history of moves, it makes the
//! task's activity list (issue 15).
//!
//! Entries are rows of their own (not a list inside the task), so that two people commenting
//! on one task at once both keep their comment when their browsers sync.

use super::board::{Priority, Task};
use super::dates;
use super::ids::{ColumnId, EntryId, MemberId, TaskId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A change the app records on a task's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Assigned(MemberId),
    Unassigned(MemberId),
    Priority { from: Priority, to: Priority },
}

impl Change {
    /// The member an assignment or unassignment names.
    pub fn member(&self) -> Option<&MemberId> {
        match self {
            Change::Assigned(m) | Change::Unassigned(m) => Some(m),
            Change::Priority { .. } => None,
        }
    }
}

/// One entry of a task's thread: a comment (`text`, no `change`) or a recorded change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub id: EntryId,
    pub task: TaskId,
    /// Who wrote it or made the change ("I am" in that browser); `None` when nobody was chosen.
    pub author: Option<MemberId>,
    #[serde(deserialize_with = "dates::read::instant")]
    pub at: DateTime<Utc>,
    /// The comment (empty for a recorded change).
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// The changes between a task as it was and as it is saved: members assigned and unassigned,
/// and the priority.
pub fn changes(before: &Task, after: &Task) -> Vec<Change> {
    let mut out: Vec<Change> =
        after.assignees.iter().filter(|m| !before.assignees.contains(m)).cloned().map(Change::Assigned).collect();
    out.extend(before.assignees.iter().filter(|m| !after.assignees.contains(m)).cloned().map(Change::Unassigned));
    if before.priority != after.priority {
        out.push(Change::Priority { from: before.priority, to: after.priority });
    }
    out
}

/// One line of a task's activity list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activity {
    /// Made in this column.
    Created { at: DateTime<Utc>, column: ColumnId },
    /// Moved between columns.
    Moved { at: DateTime<Utc>, from: ColumnId, to: ColumnId },
    /// A change recorded on the thread, with who made it.
    Changed { at: DateTime<Utc>, author: Option<MemberId>, change: Change },
}

impl Activity {
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Activity::Created { at, .. } | Activity::Moved { at, .. } | Activity::Changed { at, .. } => *at,
        }
    }
}

/// A task's comments, in the order they were written (`thread` is the workspace's whole
/// thread, which entries join at its end as they are made).
pub fn comments<'a>(task: &TaskId, thread: &'a [Entry]) -> Vec<&'a Entry> {
    thread.iter().filter(|e| &e.task == task && e.change.is_none()).collect()
}

/// A task's activity, newest first: its moves (from the task's history) and the changes
/// recorded on its thread, each list in the order it was made, merged by time (what happened at
/// the same moment keeps its order). O(n) in the task's history and the thread: no sort, so no
/// sorting code in the wasm for it.
pub fn activity(task: &Task, thread: &[Entry]) -> Vec<Activity> {
    let mut moves = task.history.iter().rev().map(|m| match &m.from {
        None => Activity::Created { at: m.at, column: m.to.clone() },
        Some(from) => Activity::Moved { at: m.at, from: from.clone(), to: m.to.clone() },
    });
    let mut changes = thread.iter().rev().filter(|e| e.task == task.id).filter_map(|e| {
        e.change.clone().map(|change| Activity::Changed { at: e.at, author: e.author.clone(), change })
    });
    let (mut m, mut c) = (moves.next(), changes.next());
    let mut out = Vec::new();
    loop {
        let take_change = match (&m, &c) {
            (None, None) => return out,
            (Some(a), Some(b)) => b.at() >= a.at(),
            (None, Some(_)) => true,
            (Some(_), None) => false,
        };
        if take_change {
            out.extend(c.take());
            c = changes.next();
        } else {
            out.extend(m.take());
            m = moves.next();
        }
    }
}

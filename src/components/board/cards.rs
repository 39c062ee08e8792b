//! What the board and its cards share: the filter's result, the capacity flags, the "Move to…"
//! columns, and what a card shows.

use super::CardView;
use crate::components::shared::keyed_signals::KeyedSignals;
use crate::components::t;
use crate::i18n::fill;
use crate::model::board::{initials, is_overdue, Sla};
use crate::model::{ColumnId, MemberId, Task, Workspace};
use leptos::prelude::*;

/// The ids of the tasks the board's filter lets through, sorted (`None`: no filter on).
pub(super) type Matching = Memo<Option<Vec<String>>>;

/// Each member's "over capacity" flag, made when a card first shows the member.
#[derive(Clone, Copy)]
pub(super) struct OverFlags(pub(super) KeyedSignals<bool>);

impl OverFlags {
    /// Whether `member` is over capacity, following that member alone.
    pub(super) fn get(&self, member: &MemberId, over: Memo<Vec<MemberId>>) -> bool {
        self.0.get(member.as_str(), || over.with_untracked(|o| o.contains(member))).is_some_and(|f| f.get())
    }
}

/// The columns a card's "Move to…" offers, given where touch is the way to move cards (a finger
/// cannot drag, and Shift + arrows need a keyboard). `None` elsewhere: a thousand cards need no
/// thousand menus when a mouse can drag them.
#[derive(Clone, Copy)]
pub(super) struct MoveTo(pub(super) Memo<Vec<(ColumnId, String)>>);

/// Whether the filter hides the task `id`.
pub(super) fn filtered_out(matching: &Option<Vec<String>>, id: &str) -> bool {
    matching.as_ref().is_some_and(|m| m.binary_search_by(|x| x.as_str().cmp(id)).is_err())
}

pub(super) fn card_view(
    ws: &Workspace,
    task: &Task,
    now: chrono::DateTime<chrono::Utc>,
    offset: chrono::FixedOffset,
    is_over: impl Fn(&MemberId) -> bool,
) -> CardView {
    let t = t();
    let board = &ws.board;
    let people = task
        .assignees
        .iter()
        .filter_map(|m| ws.member(m))
        .map(|m| (initials(&m.name), m.name.clone(), is_over(&m.id)))
        .collect();
    let badge = if is_overdue(board, task, now, offset) {
        Some(("overdue", t.badge_overdue.to_string()))
    } else {
        match board.sla(task, now) {
            Sla::Breached => Some(("breached", t.badge_breached.to_string())),
            Sla::AtRisk => Some(("at-risk", t.badge_at_risk.to_string())),
            _ if board.is_open(task) => {
                task.due.map(|d| ("due", fill(t.badge_due, &[("date", &crate::i18n::date(t, d))])))
            }
            _ => None,
        }
    };
    CardView {
        id: task.id.clone(),
        title: task.title.clone(),
        priority: task.priority,
        kind: task.kind,
        column_name: board.column(&task.column).map(|c| c.name.clone()).unwrap_or_default(),
        people,
        badge,
        skills: task
            .required_skills
            .iter()
            .filter_map(|s| ws.skill(&s.skill).map(|k| format!("{} {}", k.name, s.min_level)))
            .collect(),
        labels: task.labels.clone(),
    }
}

//! Undo history: what a change did, in words a user recognises, found by comparing the
//! workspace before and after it.

use super::team::Workspace;

/// The part of the workspace a change touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Members,
    Roles,
    Skills,
    Departments,
    Chart,
    Board,
    Training,
    Kpis,
    Settings,
}

/// Whether things were added, removed or edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Added,
    Removed,
    Edited,
}

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub area: Area,
    pub action: Action,
}

fn action(before: usize, after: usize) -> Action {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => Action::Added,
        std::cmp::Ordering::Less => Action::Removed,
        std::cmp::Ordering::Equal => Action::Edited,
    }
}

/// The first part (in a fixed order) that differs between two workspaces.
pub fn describe(before: &Workspace, after: &Workspace) -> Change {
    let (area, action) = if before.board != after.board {
        (Area::Board, action(before.board.tasks.len(), after.board.tasks.len()))
    } else if before.duties != after.duties || before.thresholds != after.thresholds {
        (Area::Chart, action(before.duties.len(), after.duties.len()))
    } else if before.members != after.members {
        (Area::Members, action(before.members.len(), after.members.len()))
    } else if before.roles != after.roles {
        (Area::Roles, action(before.roles.len(), after.roles.len()))
    } else if before.skills != after.skills {
        (Area::Skills, action(before.skills.len(), after.skills.len()))
    } else if before.departments != after.departments {
        (Area::Departments, action(before.departments.len(), after.departments.len()))
    } else if before.training != after.training {
        (Area::Training, action(before.training.len(), after.training.len()))
    } else if before.kpis != after.kpis {
        (Area::Kpis, action(before.kpis.len(), after.kpis.len()))
    } else {
        (Area::Settings, Action::Edited)
    };
    Change { area, action }
}

/// Undo and redo stacks of whole workspaces, with the change each step made.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<(Change, Workspace)>,
    redo: Vec<(Change, Workspace)>,
}

/// How many steps are kept.
pub const LIMIT: usize = 100;

impl History {
    /// Records that `before` became the current workspace through `change`. A change to the
    /// same area, made within `merge` of the last one (typing in a field), extends that step.
    pub fn record(&mut self, change: Change, before: Workspace, merge: bool) {
        self.redo.clear();
        if merge && self.undo.last().is_some_and(|(c, _)| c.area == change.area && c.action == Action::Edited && change.action == Action::Edited) {
            return;
        }
        self.undo.push((change, before));
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Takes the last step back: returns the workspace to restore, and records `current` for redo.
    pub fn undo(&mut self, current: Workspace) -> Option<Workspace> {
        let (change, before) = self.undo.pop()?;
        self.redo.push((change, current));
        Some(before)
    }

    /// Re-applies the last undone step.
    pub fn redo(&mut self, current: Workspace) -> Option<Workspace> {
        let (change, after) = self.redo.pop()?;
        self.undo.push((change, current));
        Some(after)
    }

    /// What undo would undo.
    pub fn next_undo(&self) -> Option<Change> {
        self.undo.last().map(|(c, _)| *c)
    }

    /// What redo would redo.
    pub fn next_redo(&self) -> Option<Change> {
        self.redo.last().map(|(c, _)| *c)
    }

    /// Forgets everything (another tab replaced the workspace).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Steps that can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::team::Member;

    fn with_members(n: usize) -> Workspace {
        let mut ws = Workspace::default();
        for i in 0..n {
            ws.members.push(Member { name: format!("M{i}"), ..Member::default() });
        }
        ws
    }

    // The description names the part and what happened to it.
    #[test]
    fn a_change_is_described_by_area_and_action() {
        assert_eq!(describe(&with_members(1), &with_members(2)), Change { area: Area::Members, action: Action::Added });
        assert_eq!(describe(&with_members(2), &with_members(1)), Change { area: Area::Members, action: Action::Removed });
        let mut renamed = with_members(1);
        renamed.name = "New".into();
        assert_eq!(describe(&with_members(1), &renamed), Change { area: Area::Settings, action: Action::Edited });
    }

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_new_change_clears_redo() {
        let mut h = History::default();
        let (a, b, c) = (with_members(0), with_members(1), with_members(2));
        h.record(describe(&a, &b), a.clone(), false);
        h.record(describe(&b, &c), b.clone(), false);
        assert_eq!(h.undo(c.clone()), Some(b.clone()));
        assert_eq!(h.undo(b.clone()), Some(a.clone()));
        assert_eq!(h.undo(a.clone()), None);
        assert_eq!(h.redo(a.clone()), Some(b.clone()));
        h.record(describe(&b, &a), b.clone(), false);
        assert_eq!(h.next_redo(), None);
    }

    // Typing in a field is one step, not one per key.
    #[test]
    fn quick_edits_to_the_same_area_merge_and_the_limit_holds() {
        let mut h = History::default();
        let edit = Change { area: Area::Settings, action: Action::Edited };
        h.record(edit, with_members(0), false);
        h.record(edit, with_members(0), true);
        assert_eq!(h.len(), 1);
        for _ in 0..150 {
            h.record(Change { area: Area::Members, action: Action::Added }, with_members(0), false);
        }
        assert_eq!(h.len(), LIMIT);
    }
}

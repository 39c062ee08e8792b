//! Undo history: the ops of each user action, and what it did in words a user recognises.

use super::ops::{invert, Coll, Op};

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
    Meetings,
    Improvements,
    Routines,
    /// Check-ins and recognition.
    People,
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

/// What a step of ops did: the part named by its first op, and whether that op added,
/// removed or edited.
pub fn describe(ops: &[Op]) -> Change {
    let Some(first) = ops.first() else { return Change { area: Area::Settings, action: Action::Edited } };
    let area = match first.coll() {
        Coll::Settings => Area::Settings,
        Coll::Departments => Area::Departments,
        Coll::Members | Coll::LevelChanges => Area::Members,
        Coll::Roles => Area::Roles,
        Coll::Skills => Area::Skills,
        Coll::Duties => Area::Chart,
        Coll::Columns | Coll::Tasks | Coll::Thread => Area::Board,
        Coll::Training => Area::Training,
        Coll::Kpis => Area::Kpis,
        Coll::Meetings | Coll::Minutes => Area::Meetings,
        Coll::Improvements => Area::Improvements,
        Coll::Routines => Area::Routines,
        Coll::CheckIns | Coll::Recognitions => Area::People,
    };
    let action = match first {
        Op::Insert { .. } => Action::Added,
        Op::Remove { .. } => Action::Removed,
        _ => Action::Edited,
    };
    Change { area, action }
}

/// One user action: its ops, and when it was made (ms), for merging typing.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    change: Change,
    ops: Vec<Op>,
    at: f64,
}

/// Undo and redo stacks of ops. Memory grows with the size of each change, never with the
/// size of the workspace.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// How many steps are kept.
pub const LIMIT: usize = 200;

/// Typing within this long (ms) of the last keystroke in the same field stays one step.
pub const TYPING_MS: f64 = 1500.0;

/// Whether `next` continues typing in the very fields `prev` typed into.
fn same_typing(prev: &[Op], next: &[Op]) -> bool {
    let key = |o: &Op| match o {
        Op::Set { coll, id, field, .. } => Some((*coll, id.clone(), field.clone())),
        _ => None,
    };
    !next.is_empty()
        && prev.len() == next.len()
        && prev.iter().chain(next).all(Op::is_text)
        && prev.iter().zip(next).all(|(a, b)| key(a) == key(b))
}

impl History {
    /// Records one user action made at `at` (ms). Typing into one field, keystroke after
    /// keystroke, extends the last step; anything else is a step of its own.
    pub fn record(&mut self, ops: Vec<Op>, at: f64) {
        if ops.is_empty() {
            return;
        }
        self.redo.clear();
        if let Some(last) = self.undo.last_mut() {
            if at - last.at < TYPING_MS && same_typing(&last.ops, &ops) {
                for (old, new) in last.ops.iter_mut().zip(ops) {
                    if let (Op::Set { new: keep, .. }, Op::Set { new, .. }) = (old, new) {
                        *keep = new;
                    }
                }
                last.at = at;
                return;
            }
        }
        self.undo.push(Step { change: describe(&ops), ops, at });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Takes the last step back: returns the ops to apply (the inverse of the step's).
    pub fn undo(&mut self) -> Option<Vec<Op>> {
        let step = self.undo.pop()?;
        let back = invert(&step.ops);
        self.redo.push(step);
        Some(back)
    }

    /// Re-applies the last undone step: returns its ops.
    pub fn redo(&mut self) -> Option<Vec<Op>> {
        let step = self.redo.pop()?;
        let ops = step.ops.clone();
        self.undo.push(step);
        Some(ops)
    }

    /// What undo would undo.
    pub fn next_undo(&self) -> Option<Change> {
        self.undo.last().map(|s| s.change)
    }

    /// What redo would redo.
    pub fn next_redo(&self) -> Option<Change> {
        self.redo.last().map(|s| s.change)
    }

    /// Forgets everything (the workspace was replaced by a file).
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

    /// The ops held, for measuring memory.
    pub fn op_count(&self) -> usize {
        self.undo.iter().chain(&self.redo).map(|s| s.ops.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn set(id: &str, field: &str, old: serde_json::Value, new: serde_json::Value) -> Op {
        Op::Set { coll: Coll::Tasks, id: id.into(), field: field.into(), old, new }
    }

    fn insert(id: &str) -> Op {
        Op::Insert { coll: Coll::Members, id: id.into(), after: None, value: json!({}) }
    }

    // The description names the part and what happened to it.
    #[test]
    fn a_step_is_described_by_area_and_action() {
        assert_eq!(describe(&[insert("m")]), Change { area: Area::Members, action: Action::Added });
        assert_eq!(
            describe(&[set("t", "column", json!("a"), json!("b"))]),
            Change { area: Area::Board, action: Action::Edited }
        );
    }

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_new_change_clears_redo() {
        let mut h = History::default();
        let a = set("t1", "column", json!("x"), json!("y"));
        h.record(vec![a.clone()], 0.0);
        h.record(vec![insert("m")], 10_000.0);
        assert_eq!(h.undo().unwrap()[0], insert("m").inverse());
        assert_eq!(h.undo(), Some(vec![a.inverse()]));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(vec![a.clone()]));
        h.record(vec![insert("n")], 20_000.0);
        assert_eq!(h.next_redo(), None);
    }

    // Bug: three quick card moves were one undo step. Each action is one step; only typing into
    // one field merges.
    #[test]
    fn quick_moves_are_separate_steps_and_typing_in_one_field_is_one() {
        let mut h = History::default();
        for (i, t) in ["t1", "t2", "t3"].into_iter().enumerate() {
            h.record(
                vec![set(t, "column", json!("a"), json!("b")), set(t, "history", json!([]), json!([1]))],
                i as f64 * 100.0,
            );
        }
        assert_eq!(h.len(), 3);
        let mut h = History::default();
        h.record(vec![set("t1", "title", json!(""), json!("a"))], 0.0);
        h.record(vec![set("t1", "title", json!("a"), json!("ab"))], 300.0);
        h.record(vec![set("t1", "title", json!("ab"), json!("abc"))], 600.0);
        assert_eq!(h.len(), 1);
        assert_eq!(h.undo(), Some(vec![set("t1", "title", json!("abc"), json!(""))]));
        // Another field, or a pause, starts a new step.
        h.record(vec![set("t1", "title", json!(""), json!("a"))], 1000.0);
        h.record(vec![set("t1", "description", json!(""), json!("a"))], 1100.0);
        h.record(vec![set("t1", "description", json!("a"), json!("ab"))], 5000.0);
        assert_eq!(h.len(), 3);
    }

    #[test]
    fn the_limit_holds() {
        let mut h = History::default();
        for i in 0..(LIMIT + 50) {
            h.record(vec![insert(&format!("m{i}"))], i as f64 * 10_000.0);
        }
        assert_eq!(h.len(), LIMIT);
    }
}

//! The one way to write: model commands, their ops recorded for undo and sent to the views.

use super::{AppState, Origin};
use crate::browser;
use crate::model::commands::Cmd;
use crate::model::history::Change;
use crate::model::ops::Op;
use leptos::prelude::*;

impl AppState {
    /// Runs a model command (or several, as one step). Only a success changes (and saves)
    /// anything: a step whose last command fails is taken back whole. Its ops become one undo
    /// step and notify only the views that show what changed.
    pub fn edit<E>(&self, f: impl FnOnce(&mut Cmd) -> Result<Vec<Op>, E>) -> Result<(), E> {
        self.edit_with(|c| f(c).map(|ops| ((), ops)))
    }

    /// [`AppState::edit`] for a command that also returns a result.
    pub fn edit_with<T, E>(&self, f: impl FnOnce(&mut Cmd) -> Result<(T, Vec<Op>), E>) -> Result<T, E> {
        // The generic part is only this hand-over; the work is in one non-generic function.
        let (mut f, mut out) = (Some(f), None);
        self.run(&mut |c| match f.take().map(|f| f(c)) {
            Some(Ok((t, _))) => {
                out = Some(Ok(t));
                true
            }
            Some(Err(e)) => {
                out = Some(Err(e));
                false
            }
            None => false,
        });
        out.expect("run calls the command once")
    }

    /// The non-generic part of [`AppState::edit_with`]: `f` says whether the step succeeded.
    fn run(&self, f: &mut dyn FnMut(&mut Cmd) -> bool) {
        let now = browser::now();
        let mut ids = self.ids.get_value();
        // Measured (as the save is): the command and its notifications, before the views run.
        browser::measure("rolecall:edit", || {
            let ops = self.ws.update(|ws| {
                let mut c = Cmd::new(ws, &mut ids, now);
                if !f(&mut c) {
                    c.roll_back();
                }
                c.into_made()
            });
            self.ids.set_value(ids);
            self.commit(ops, Origin::User);
        });
    }

    /// Makes the tasks of routines whose day has come (see `Workspace::run_routines`): at start
    /// and as the clock ticks. What was made, and how many days were missed, is shown once.
    pub fn run_routines(&self) {
        if self.mode.get_untracked() != super::Mode::Ready || !self.complete_here() {
            return;
        }
        // In a team room, only once the room's workspace is in: this browser's copy may be days
        // behind, and the team may have made (and moved on) today's task already.
        if super::sync_link::sync_on() && self.sync.status.get_untracked() != super::SyncStatus::Connected {
            return;
        }
        let now = browser::now();
        let today = browser::local_day(now);
        let due =
            self.ws.with_untracked(|w| w.routines.iter().any(|r| crate::model::service::catch_up(r, today).is_some()));
        if !due {
            return;
        }
        let missing = self.lang.get_untracked().strings().routine_missed_line;
        let mut ids = self.ids.get_value();
        let made = self.ws.update(|ws| Cmd::new(ws, &mut ids, now).run_routines(today, missing));
        self.ids.set_value(ids);
        if let Ok((runs, ops)) = made {
            self.commit(ops, Origin::Auto);
            if !runs.is_empty() {
                self.routine_runs.update(|r| r.extend(runs));
            }
        }
    }

    /// Tells the views, the undo history and the save what `ops` changed.
    pub(super) fn commit(&self, ops: Vec<Op>, origin: Origin) {
        if ops.is_empty() {
            return;
        }
        self.ws.notify(&ops);
        self.note_rows(&ops);
        if origin != Origin::Remote {
            self.sync_out(&ops);
        }
        self.unsaved.update_value(|u| u.extend(ops.iter().cloned()));
        if origin == Origin::User {
            self.history.update_value(|h| h.record(ops, js_sys::Date::now()));
        }
        self.history_tick.update(|t| *t += 1);
        self.changed();
    }

    /// What undo would undo, and what redo would redo.
    pub fn undo_redo(&self) -> (Option<Change>, Option<Change>) {
        self.history_tick.track();
        self.history.with_value(|h| (h.next_undo(), h.next_redo()))
    }

    /// Takes back the last step: its inverse ops are applied, and only the views they touch
    /// change (focus stays where it is).
    pub fn undo(&self) {
        self.step(true);
    }

    /// Re-applies the last step taken back.
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        if !self.complete_here() {
            return;
        }
        let Some(ops) = self.history.try_update_value(|h| if back { h.undo() } else { h.redo() }).flatten() else {
            return;
        };
        // A view that the step moves (a card to its old column) is built anew: focus follows it.
        let focused = document().active_element().map(|e| e.id()).filter(|id| !id.is_empty());
        // A field a colleague (or another tab) has changed since is theirs now: left alone.
        let done = browser::measure("rolecall:undo", || self.ws.update(|w| w.apply_checked(&ops)));
        if done.is_empty() {
            // Nothing of the step fits any more, but it moved between the stacks all the same.
            self.history_tick.update(|t| *t += 1);
        } else {
            self.commit(done, Origin::History);
        }
        if let Some(id) = focused {
            browser::focus_soon(id);
        }
    }
}

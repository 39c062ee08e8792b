//! Saving: the one place that writes the workspace, after a quiet period or at once when the
//! page hides; and other tabs, whose saves merge with this tab's unsaved changes.

use super::{AppState, Mode, SaveStatus};
use crate::browser;
use crate::model::import::Repairs;
use crate::model::ops::rebase;
use crate::model::schema;
use crate::storage::{self, MERGE_NOTE_KEY, WORKSPACE_KEY};
use leptos::prelude::*;
use std::time::Duration;

/// How long the workspace must be quiet before it is saved.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// The revision of the workspace in storage right now (0 when there is none).
pub(super) fn stored_revision() -> u64 {
    storage::read(WORKSPACE_KEY).ok().flatten().map_or(0, |t| schema::stored_revision(&t))
}

impl AppState {
    /// The storage revision this tab's workspace was last saved at (or read from).
    pub fn saved_revision(&self) -> u64 {
        self.revision.get_value()
    }

    /// A change was made here: save it after a quiet period (the one save effect).
    pub(super) fn changed(&self) {
        self.dirty.set_value(true);
        if !matches!(self.save.get_untracked(), SaveStatus::Failed(_)) {
            self.save.set(SaveStatus::Pending);
        }
        self.save_generation.update_value(|g| *g += 1);
        let (state, mine) = (*self, self.save_generation.get_value());
        set_timeout(
            move || {
                if state.save_generation.get_value() == mine {
                    state.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Writes the workspace now if it has unsaved changes.
    pub fn flush(&self) {
        if self.dirty.get_value() {
            self.flush_now();
        }
    }

    pub(super) fn flush_now(&self) {
        if self.mode.get_untracked() != Mode::Ready {
            return;
        }
        if self.held_original.with_untracked(Option::is_some) {
            self.dirty.set_value(true);
            self.save.set(SaveStatus::Held);
            return;
        }
        // Another tab saved after this tab's copy: take its workspace with this tab's changes
        // on top, never write over it. (Storage is read once per save.)
        let stored = match storage::read(WORKSPACE_KEY) {
            Ok(Some(text)) => {
                let stored = schema::stored_revision(&text);
                if stored > self.revision.get_value() && !self.merge_stored(&text) {
                    self.dirty.set_value(true);
                    self.save.set(SaveStatus::Blocked);
                    return;
                }
                stored
            }
            _ => 0,
        };
        let next = stored.max(self.revision.get_value()) + 1;
        if self.clash_pending.get_value() {
            // Tells the other tab, when it takes this save, that its change was replaced.
            let _ = storage::write(MERGE_NOTE_KEY, &next.to_string());
        }
        let written = browser::measure("rolecall:save", || {
            let text = self.ws.with_untracked(|ws| schema::encode_stored(ws, browser::now(), next));
            storage::write(WORKSPACE_KEY, &text)
        });
        match written {
            Ok(()) => {
                self.revision.set_value(next);
                self.clash_pending.set_value(false);
                self.unsaved.update_value(Vec::clear);
                self.dirty.set_value(false);
                self.save.set(SaveStatus::Saved);
                self.ask_to_keep();
            }
            Err(e) => {
                // The data stays in memory and stays dirty: the next change or page hide retries.
                self.dirty.set_value(true);
                self.save.set(SaveStatus::Failed(e));
            }
        }
    }

    /// Takes another tab's stored workspace and replays this tab's unsaved changes on top. A
    /// field both tabs changed ends on this tab's value (the later change), and both tabs say so.
    /// False when the stored text cannot be read here: then nothing may be saved over it.
    /// (Text that needs the reader, which is fetched first: false meanwhile, and the save is
    /// tried again once it is here.)
    fn merge_stored(&self, text: &str) -> bool {
        let state = *self;
        let Some(Ok(got)) = self.read_stored(text, move || state.flush(), || ()) else { return false };
        let mut theirs = got.workspace;
        let clashes = self.unsaved.with_value(|mine| rebase(&mut theirs, mine));
        self.revision.set_value(schema::stored_revision(text));
        self.ws.replace(theirs);
        if !clashes.is_empty() {
            self.clash.set(true);
            self.clash_pending.set_value(true);
        }
        true
    }

    pub(super) fn install_persistence(self) {
        // The handle does not remove the listener when dropped; these live as long as the page.
        let _ = window_event_listener_untyped("pagehide", move |_| self.flush());
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        // Another tab saved: merge its workspace, with no page rebuild.
        let _ = window_event_listener_untyped("storage", move |ev| {
            use wasm_bindgen::JsCast;
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            if ev.key().as_deref() != Some(WORKSPACE_KEY) {
                return;
            }
            if let Some(text) = ev.new_value() {
                self.stored_changed(&text);
            }
        });
    }

    /// Another tab stored `text`: merged with this tab's unsaved changes, or taken as it is.
    fn stored_changed(&self, text: &str) {
        if matches!(self.mode.get_untracked(), Mode::Recovery(_)) {
            return;
        }
        if schema::stored_revision(text) <= self.revision.get_value() && self.mode.get_untracked() == Mode::Ready {
            return;
        }
        if self.dirty.get_value() && self.mode.get_untracked() == Mode::Ready {
            if self.merge_stored(text) {
                self.flush_now();
            } else {
                self.save.set(SaveStatus::Blocked);
            }
            return;
        }
        self.adopt_stored(text);
    }

    /// Bases this tab on whatever revision storage holds, so that the next save replaces it.
    pub(super) fn take_over_storage(&self) {
        // Leaving the recovery screen (through the welcome screen or an import) replaces the
        // unreadable data: the user was offered it.
        if self.mode.get_untracked() != Mode::Ready {
            self.held_original.set(None);
        }
        self.revision.set_value(stored_revision());
    }

    /// Takes the workspace another tab stored (this tab has nothing unsaved).
    fn adopt_stored(&self, text: &str) {
        let state = *self;
        // Text that needs the reader: read again once its code is here (whatever is stored then).
        let again = move || {
            if let Ok(Some(text)) = storage::read(WORKSPACE_KEY) {
                state.stored_changed(&text);
            }
        };
        let blocked = move || {
            if state.mode.get_untracked() == Mode::Ready {
                state.save.set(SaveStatus::Blocked);
            }
        };
        let got = match self.read_stored(text, again, blocked) {
            Some(Ok(got)) => got,
            Some(Err(_)) => {
                // Unreadable here (a newer version's save): this tab's view is now behind, and it
                // must never write over that data.
                return blocked();
            }
            None => return,
        };
        // Another tab has saved: the original this tab held back for is gone already.
        self.held_original.set(None);
        self.load_repairs.set(Repairs::default());
        let revision = schema::stored_revision(text);
        self.revision.set_value(revision);
        self.dirty.set_value(false);
        self.ws.replace(got.workspace);
        if self.mode.get_untracked() == Mode::Ready {
            let note = storage::read(MERGE_NOTE_KEY).ok().flatten();
            if note.and_then(|n| n.trim().parse::<u64>().ok()) == Some(revision) {
                self.clash.set(true);
            }
        } else {
            let opening = matches!(self.mode.get_untracked(), Mode::Reading(_));
            self.mode.set(Mode::Ready);
            self.epoch.update(|e| *e += 1);
            if opening {
                self.became_ready();
            }
        }
        self.save.set(SaveStatus::Saved);
    }
}

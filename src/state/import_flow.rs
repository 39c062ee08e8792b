//! Whole workspaces in and out: files, share links, a fresh start, export and the downloads of
//! stored data that could not be read.

use super::{navigate, AppState, Mode, Page, Preview, ReplaceReason};
use crate::browser;
use crate::model::import::{ImportError, Repairs};
use crate::model::{schema, share, Workspace};
use crate::storage::{self, BACKUP_KEY};
use leptos::prelude::*;

impl AppState {
    /// Leaves the welcome screen with a first workspace.
    pub fn start_with(&self, ws: Workspace) {
        // A first workspace is not a change to undo, and it deliberately takes the place of
        // whatever storage held (unreadable data stays under the backup key).
        self.take_over_storage();
        self.mode.set(Mode::Ready);
        self.put_back(ws);
        navigate(Page::Team);
    }

    /// Reads a file for import. Success opens the preview; failure is shown and changes nothing.
    pub fn read_file(&self, file_name: String, text: String) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let got = state.read_any(text).await;
            if matches!(state.mode.get_untracked(), Mode::Reading(_)) {
                // The stored workspace waited for the reader too, which is here now: it opens
                // first, so that what the file would replace is what the user sees.
                state.open_stored();
            }
            match got {
                Some(Ok(imported)) => {
                    state.import_error.set(None);
                    state.preview.set(Some(Preview { file_name, imported }));
                }
                Some(Err(e)) => state.refuse(file_name, e),
                None => state.refuse(file_name, ImportError::NotLoaded),
            }
        });
    }

    /// Says why the file (or link) `name` was refused, in place of any preview.
    fn refuse(&self, name: String, e: ImportError) {
        self.preview.set(None);
        self.import_error.set(Some((name, e)));
    }

    /// Reads the workspace in a share link's fragment payload: success opens the same preview
    /// as a file, failure says why. The payload is taken out of the address bar first, so that a
    /// reload does not offer it again and the data does not linger in the tab's history.
    pub fn open_share(&self, payload: &str) {
        browser::replace_hash(self.page.get_untracked().hash());
        let name = self.lang.get_untracked().strings().share_link_name.to_string();
        let state = *self;
        let bytes = match share::decode(payload) {
            Ok(bytes) => bytes,
            Err(e) => return self.refuse(name, ImportError::Link(e)),
        };
        leptos::task::spawn_local(async move {
            match browser::decompress(&bytes, share::MAX_INFLATED_BYTES).await {
                Ok(text) => state.read_file(name, text),
                Err(e) => state.refuse(
                    name,
                    match e {
                        browser::InflateError::TooLarge => ImportError::Link(share::ShareError::TooBig),
                        browser::InflateError::Damaged => ImportError::Link(share::ShareError::Damaged),
                    },
                ),
            }
        });
    }

    /// Replaces the workspace with the previewed file.
    pub fn confirm_import(&self) {
        if !self.complete.get_untracked() {
            // The history is still being read: what the file would replace is not all here yet
            // (the preview stays; the page says it opens the history).
            return;
        }
        if let Some(p) = self.preview.get_untracked() {
            self.preview.set(None);
            let mut next = p.imported.workspace;
            if next.checkins.is_empty() {
                // A file without check-ins (a colleague's, or one exported without them) leaves
                // this browser's private notes in place, for the members it has.
                self.ws.with_untracked(|ws| ws.keep_private_in(&mut next));
            }
            self.replace(next, ReplaceReason::Import);
        }
    }

    /// Takes a merged workspace (a colleague's file merged into this one) as one step of undo.
    pub fn merge_in(&self, next: &Workspace) {
        if !self.complete.get_untracked() {
            return;
        }
        self.preview.set(None);
        // The ops are what undo takes back; the workspace is taken whole (applying the ops one by
        // one would look each row up anew: quadratic on a large file).
        let ops = self.ws.with_untracked(|ws| crate::model::ops::diff(ws, next));
        self.ws.update(|w| *w = next.clone());
        self.commit(ops, super::Origin::User);
    }

    /// Replaces the whole workspace, keeping the previous one for one-click undo. In a synced
    /// workspace the replacement goes to the room.
    pub fn replace(&self, next: Workspace, reason: ReplaceReason) {
        self.sync_replacement(&next);
        self.replace_quietly(next, reason);
    }

    /// [`AppState::replace`], not sent to any room.
    pub(super) fn replace_quietly(&self, next: Workspace, reason: ReplaceReason) {
        let previous = self.ws.get_untracked();
        if matches!(self.mode.get_untracked(), Mode::Reading(_)) {
            // The stored workspace was not read yet: a copy of it is kept before it is replaced.
            let stored = storage::read(storage::HOT_KEY).ok().flatten();
            if let Some(text) = stored.or_else(|| storage::read(storage::WORKSPACE_KEY).ok().flatten()) {
                let _ = storage::keep_backup(&text, js_sys::Date::now() as i64);
            }
        }
        if self.mode.get_untracked() != Mode::Ready {
            self.take_over_storage();
        }
        if self.mode.get_untracked() == Mode::Ready {
            // Kept in the database: a workspace of years does not fit beside itself in
            // localStorage.
            self.job(super::persist::Job::KeepBefore(schema::encode(&previous, browser::now(), false)));
            self.replaced.set(Some((reason, previous)));
        }
        self.mode.set(Mode::Ready);
        self.put_back(next);
    }

    /// Puts back the workspace from before the last import or reset.
    pub fn undo_replace(&self) {
        if self.mode.get_untracked() != Mode::Ready {
            return;
        }
        if let Some((reason, previous)) = self.replaced.get_untracked() {
            if reason == ReplaceReason::Join {
                // This browser's own workspace comes back outside the room: putting it back must
                // not overwrite the team's.
                self.sync_disconnect();
            } else {
                self.sync_replacement(&previous);
            }
            self.replaced.set(None);
            self.job(super::persist::Job::ForgetBefore);
            self.put_back(previous);
        }
    }

    /// A whole other workspace: the step-by-step history does not apply to it, and open forms
    /// start over.
    fn put_back(&self, ws: Workspace) {
        if !self.syncing() {
            // A whole other workspace, outside any room: the stored sync document no longer
            // describes it, so the next connect asks again (replace or merge) instead of
            // writing the difference over the team's workspace.
            storage::forget_sync_doc();
        }
        self.ws.replace(ws);
        self.write_whole_next();
        self.replacing_next.set_value(true);
        self.history.update_value(|h| h.clear());
        self.unsaved.update_value(Vec::clear);
        self.history_tick.update(|t| *t += 1);
        self.epoch.update(|e| *e += 1);
        self.save_now();
    }

    /// Forgets the undo point.
    pub fn dismiss_replaced(&self) {
        self.replaced.set(None);
        self.job(super::persist::Job::ForgetBefore);
    }

    /// The workspace as it may leave this browser: with the private check-ins only when the user
    /// ticked "include private notes".
    pub fn shareable(&self) -> Workspace {
        let include = self.include_private.get_untracked();
        self.ws.with_untracked(|ws| if include { ws.clone() } else { ws.without_private() })
    }

    /// Downloads the workspace as a pretty, versioned JSON file.
    pub fn export(&self) {
        let now = browser::now();
        let ws = self.shareable();
        let (name, mut text) = (schema::export_file_name(&ws.name, now.date_naive()), schema::encode(&ws, now, true));
        if let (Some(doc), Some(room)) = (self.sync_doc_state(), self.sync_room()) {
            text = schema::with_sync_doc(&text, &room, &doc);
        }
        let _ = browser::download(&name, &text, "application/json");
    }

    /// Downloads the unreadable stored data exactly as it was found (with its history's records
    /// where the history could not be read: the store group's part).
    pub fn download_backup(&self) {
        let text = self.held_original.get_untracked().or_else(|| storage::read(BACKUP_KEY).ok().flatten());
        let Some(text) = text else { return };
        if matches!(self.mode.get_untracked(), Mode::Recovery(ImportError::History(_))) {
            self.job(super::persist::Job::DownloadHistory(text));
        } else {
            let _ = browser::download(super::persist::UNREADABLE_FILE, &text, "application/json");
        }
    }

    /// Downloads the stored text that needed repairs, as it was found.
    pub fn download_original(&self) {
        if let Some(text) = self.held_original.get_untracked() {
            let _ = browser::download("rolecall-original-data.json", &text, "application/json");
        }
    }

    /// The user has seen the repairs: the repaired workspace may now be saved over the original.
    pub fn save_repaired(&self) {
        self.held_original.set(None);
        self.load_repairs.set(Repairs::default());
        self.save_now();
    }
}

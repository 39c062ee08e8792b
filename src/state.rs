//! The app's state: the workspace signal, its context accessor, and the one save effect.

use crate::browser;
use crate::i18n::Lang;
use crate::model::import::{self, ImportError, Imported, Repairs};
use crate::model::{schema, share, IdGen, ModelError, Workspace};
use crate::storage::{self, StorageError, BACKUP_KEY, BEFORE_REPLACE_KEY, WORKSPACE_KEY};
use leptos::prelude::*;
use std::time::Duration;

/// How long the workspace must be quiet before it is saved.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the app is showing as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// First visit: nothing stored yet. Nothing is saved until the user chooses how to start.
    Welcome,
    /// Normal work; changes are saved.
    Ready,
    /// The stored data could not be read. Saving is off so that it is never overwritten.
    Recovery(ImportError),
}

/// Whether the workspace on screen is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Nothing is saved until the user confirms the repairs of the stored data (see
    /// [`AppState::held_original`]).
    Held,
    Failed(StorageError),
}

/// The pages of the app, addressed by the URL fragment so that any static host serves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Team,
    Roles,
    Skills,
    Chart,
    Handbook,
    Board,
    Insights,
    Workspace,
}

impl Page {
    pub const ALL: [Page; 8] = [
        Page::Team,
        Page::Roles,
        Page::Skills,
        Page::Chart,
        Page::Handbook,
        Page::Board,
        Page::Insights,
        Page::Workspace,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Page::Team => "#/team",
            Page::Roles => "#/roles",
            Page::Skills => "#/skills",
            Page::Chart => "#/responsibilities",
            Page::Handbook => "#/handbook",
            Page::Board => "#/board",
            Page::Insights => "#/insights",
            Page::Workspace => "#/workspace",
        }
    }

    pub fn from_hash(hash: &str) -> Page {
        Page::ALL.into_iter().find(|p| p.hash() == hash).unwrap_or(Page::Team)
    }
}

/// Why the workspace was replaced wholesale (and can be put back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceReason {
    Import,
    Reset,
}

/// A file that was read and is waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file_name: String,
    pub imported: Imported,
}

/// Everything components share. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub mode: RwSignal<Mode>,
    pub save: RwSignal<SaveStatus>,
    pub page: RwSignal<Page>,
    pub lang: RwSignal<Lang>,
    /// A read file waiting for "Replace workspace".
    pub preview: RwSignal<Option<Preview>>,
    /// The last refused file and why.
    pub import_error: RwSignal<Option<(String, ImportError)>>,
    /// The workspace before the last import or reset.
    pub replaced: RwSignal<Option<(ReplaceReason, Workspace)>>,
    /// What had to be repaired in the stored data at start.
    pub load_repairs: RwSignal<Repairs>,
    /// The stored text as found at start, when it needed repairs and no backup copy of it could
    /// be written: nothing is saved over it until the user confirms ([`AppState::save_repaired`]).
    pub held_original: RwSignal<Option<String>>,
    /// The clock, ticking every minute, for service targets and due dates.
    pub now: RwSignal<chrono::DateTime<chrono::Utc>>,
    /// The board's search and filters (kept while moving between pages).
    pub board_filter: RwSignal<crate::model::board::TaskFilter>,
    /// Counts wholesale replacements of the workspace (import, undo, another tab), so that pages
    /// with local form state start over.
    pub epoch: RwSignal<u64>,
    /// Another tab saved while this one had unsaved changes: the user chooses.
    pub conflict: RwSignal<bool>,
    /// The storage revision this tab's workspace is based on.
    revision: StoredValue<u64>,
    /// Bumped whenever the undo history changes, so that its buttons follow.
    pub history_tick: RwSignal<u64>,
    history: StoredValue<crate::model::history::History>,
    /// The workspace as of the last change seen, for the undo history.
    last: StoredValue<Workspace>,
    last_change_at: StoredValue<f64>,
    /// Set while undo or redo puts a workspace back, so that it is not recorded as a change.
    restoring: StoredValue<bool>,
    ids: StoredValue<IdGen>,
    dirty: StoredValue<bool>,
    /// Set when a change came from another tab, so that it is not written back.
    from_other_tab: StoredValue<bool>,
}

impl AppState {
    /// The state provided by [`AppState::provide`].
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Loads the stored workspace, provides the state as context, and installs the save effect
    /// and the listeners for page hide, other tabs and navigation.
    pub fn provide() -> Self {
        let mut ids = IdGen::new(browser::random_seed());
        let mut load_repairs = Repairs::default();
        let mut held_original = None;
        // Keeps a copy of stored text that was not read as it is; where none can be written, the
        // text is held in memory and nothing is saved over it (see `held_original`).
        let mut keep_or_hold = |text: &String| {
            if storage::keep_backup(text, js_sys::Date::now() as i64).is_err() {
                held_original = Some(text.clone());
            }
        };
        let mut revision = 0;
        let (ws, mode) = match storage::read(WORKSPACE_KEY) {
            Ok(None) => (Workspace::default(), Mode::Welcome),
            Ok(Some(text)) => match import::read(&text, &mut ids) {
                Ok(got) => {
                    revision = schema::stored_revision(&text);
                    if !got.repairs.is_empty() {
                        // Keep the original before the first save replaces it with the repaired
                        // copy. Where no copy can be kept (a full quota), nothing is saved over the
                        // original until the user has seen the repairs and confirms.
                        keep_or_hold(&text);
                        load_repairs = got.repairs;
                    }
                    (got.workspace, Mode::Ready)
                }
                Err(e) => {
                    // Where no copy can be kept, the recovery screen downloads this one and says so.
                    keep_or_hold(&text);
                    (Workspace::default(), Mode::Recovery(e))
                }
            },
            Err(_) => (Workspace::default(), Mode::Welcome),
        };
        let replaced = storage::read(BEFORE_REPLACE_KEY)
            .ok()
            .flatten()
            .and_then(|t| import::read(&t, &mut ids).ok())
            .map(|got| (ReplaceReason::Import, got.workspace));
        let state = AppState {
            conflict: RwSignal::new(false),
            revision: StoredValue::new(revision),
            history_tick: RwSignal::new(0),
            history: StoredValue::new(Default::default()),
            last: StoredValue::new(ws.clone()),
            last_change_at: StoredValue::new(0.0),
            restoring: StoredValue::new(false),
            ws: RwSignal::new(ws),
            mode: RwSignal::new(mode),
            save: RwSignal::new(SaveStatus::Saved),
            page: RwSignal::new(Page::from_hash(&location_hash())),
            lang: RwSignal::new(initial_lang()),
            preview: RwSignal::new(None),
            import_error: RwSignal::new(None),
            replaced: RwSignal::new(replaced),
            load_repairs: RwSignal::new(load_repairs),
            held_original: RwSignal::new(held_original),
            epoch: RwSignal::new(0),
            now: RwSignal::new(browser::now()),
            board_filter: RwSignal::new(Default::default()),
            ids: StoredValue::new(ids),
            dirty: StoredValue::new(false),
            from_other_tab: StoredValue::new(false),
        };
        provide_context(state);
        state.install_autosave();
        let _ = set_interval_with_handle(move || state.now.set(browser::now()), Duration::from_secs(60));
        state.install_listeners();
        if let Some(payload) = share::payload(&location_hash()) {
            state.open_share(payload);
        }
        state
    }

    /// Runs `f` with the id generator.
    pub fn with_ids<R>(&self, f: impl FnOnce(&mut IdGen) -> R) -> R {
        let mut ids = self.ids.get_value();
        let out = f(&mut ids);
        self.ids.set_value(ids);
        out
    }

    /// Applies a model command. The workspace only changes (and is only saved) when it succeeds.
    pub fn edit<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, ModelError>) -> Result<T, ModelError> {
        let mut out = None;
        self.ws.maybe_update(|w| {
            let r = f(w);
            let changed = r.is_ok();
            out = Some(r);
            changed
        });
        out.expect("maybe_update runs its closure")
    }

    /// Applies a board command with the current time. Only a success changes (and saves) anything.
    pub fn edit_board<T>(
        &self,
        f: impl FnOnce(&mut crate::model::Board, chrono::DateTime<chrono::Utc>) -> Result<T, crate::model::board::BoardError>,
    ) -> Result<T, crate::model::board::BoardError> {
        let now = browser::now();
        let mut out = None;
        self.ws.maybe_update(|w| {
            let r = f(&mut w.board, now);
            let changed = r.is_ok();
            out = Some(r);
            changed
        });
        out.expect("maybe_update runs its closure")
    }

    /// Changes plain workspace fields that have no rules (name, purpose, goals…).
    pub fn set(&self, f: impl FnOnce(&mut Workspace)) {
        self.ws.update(f);
    }

    /// Leaves the welcome screen with a first workspace.
    pub fn start_with(&self, ws: Workspace) {
        // A first workspace is not a change to undo, and it deliberately takes the place of
        // whatever storage held (unreadable data stays under the backup key).
        self.take_over_storage();
        self.restoring.set_value(true);
        self.mode.set(Mode::Ready);
        self.ws.set(ws);
        self.flush_now();
        navigate(Page::Team);
    }

    /// Reads a file for import. Success opens the preview; failure is shown and changes nothing.
    pub fn read_file(&self, file_name: String, text: &str) {
        match browser::measure("rolecall:import", || self.with_ids(|ids| import::read(text, ids))) {
            Ok(imported) => {
                self.import_error.set(None);
                self.preview.set(Some(Preview { file_name, imported }));
            }
            Err(e) => self.refuse(file_name, e),
        }
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
                Ok(text) => state.read_file(name, &text),
                Err(e) => state.refuse(name, match e {
                    browser::InflateError::TooLarge => ImportError::Link(share::ShareError::TooBig),
                    browser::InflateError::Damaged => ImportError::Link(share::ShareError::Damaged),
                }),
            }
        });
    }

    /// Replaces the workspace with the previewed file.
    pub fn confirm_import(&self) {
        if let Some(p) = self.preview.get_untracked() {
            self.preview.set(None);
            self.replace(p.imported.workspace, ReplaceReason::Import);
        }
    }

    /// Replaces the whole workspace, keeping the previous one for one-click undo.
    pub fn replace(&self, next: Workspace, reason: ReplaceReason) {
        let previous = self.ws.get_untracked();
        if self.mode.get_untracked() != Mode::Ready {
            self.take_over_storage();
        }
        if self.mode.get_untracked() == Mode::Ready {
            let _ = storage::write(BEFORE_REPLACE_KEY, &schema::encode(&previous, browser::now(), false));
            self.replaced.set(Some((reason, previous)));
        }
        self.mode.set(Mode::Ready);
        self.ws.set(next);
        self.epoch.update(|e| *e += 1);
        self.flush_now();
    }

    /// Puts back the workspace from before the last import or reset.
    pub fn undo_replace(&self) {
        if let Some((_, previous)) = self.replaced.get_untracked() {
            self.replaced.set(None);
            storage::remove(BEFORE_REPLACE_KEY);
            self.ws.set(previous);
            self.epoch.update(|e| *e += 1);
            self.flush_now();
        }
    }

    /// Forgets the undo point.
    pub fn dismiss_replaced(&self) {
        self.replaced.set(None);
        storage::remove(BEFORE_REPLACE_KEY);
    }

    /// Downloads the workspace as a pretty, versioned JSON file.
    pub fn export(&self) {
        let ws = self.ws.get_untracked();
        let now = browser::now();
        let name = schema::export_file_name(&ws.name, now.date_naive());
        let _ = browser::download(&name, &schema::encode(&ws, now, true), "application/json");
    }

    /// Downloads the unreadable stored data exactly as it was found.
    pub fn download_backup(&self) {
        if let Some(text) = self.held_original.get_untracked() {
            let _ = browser::download("rolecall-unreadable-data.json", &text, "application/json");
        } else if let Ok(Some(text)) = storage::read(BACKUP_KEY) {
            let _ = browser::download("rolecall-unreadable-data.json", &text, "application/json");
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
        self.flush_now();
    }

    /// Writes the workspace now if it has unsaved changes.
    pub fn flush(&self) {
        if self.dirty.get_value() {
            self.flush_now();
        }
    }

    fn flush_now(&self) {
        if self.mode.get_untracked() != Mode::Ready {
            return;
        }
        if self.held_original.with_untracked(Option::is_some) {
            self.dirty.set_value(true);
            self.save.set(SaveStatus::Held);
            return;
        }
        // Never overwrite what another tab saved after this tab's copy: let the user choose.
        let stored = stored_revision();
        if stored > self.revision.get_value() {
            self.dirty.set_value(true);
            self.conflict.set(true);
            return;
        }
        let next = stored.max(self.revision.get_value()) + 1;
        let written = browser::measure("rolecall:save", || {
            let text = self.ws.with_untracked(|ws| schema::encode_stored(ws, browser::now(), next));
            storage::write(WORKSPACE_KEY, &text)
        });
        if written.is_ok() {
            self.revision.set_value(next);
        }
        match written {
            Ok(()) => {
                self.dirty.set_value(false);
                self.save.set(SaveStatus::Saved);
            }
            Err(e) => {
                // The data stays in memory and stays dirty: the next change or page hide retries.
                self.dirty.set_value(true);
                self.save.set(SaveStatus::Failed(e));
            }
        }
    }

    /// What undo would undo, and what redo would redo.
    pub fn undo_redo(&self) -> (Option<crate::model::history::Change>, Option<crate::model::history::Change>) {
        self.history_tick.track();
        self.history.with_value(|h| (h.next_undo(), h.next_redo()))
    }

    /// Takes back the last change.
    pub fn undo(&self) {
        self.step(true);
    }

    /// Re-applies the last change taken back.
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        let current = self.ws.get_untracked();
        let mut target = None;
        self.history.update_value(|h| target = if back { h.undo(current) } else { h.redo(current) });
        if let Some(ws) = target {
            self.restoring.set_value(true);
            self.ws.set(ws);
            self.epoch.update(|e| *e += 1);
            self.history_tick.update(|t| *t += 1);
        }
    }

    /// Records a change in the undo history (called by the workspace effect).
    fn record_change(&self) {
        let now = js_sys::Date::now();
        let current = self.ws.get_untracked();
        if std::mem::take(&mut *self.restoring.write_value()) {
            self.last.set_value(current);
            return;
        }
        let before = std::mem::replace(&mut *self.last.write_value(), current.clone());
        if before == current {
            return;
        }
        let change = crate::model::history::describe(&before, &current);
        // Typing in a field within a second and a half of the last edit extends that step.
        let merge = now - self.last_change_at.get_value() < 1500.0;
        self.last_change_at.set_value(now);
        self.history.update_value(|h| h.record(change, before, merge));
        self.history_tick.update(|t| *t += 1);
    }

    /// The one effect on workspace changes: it records the undo history and writes the
    /// workspace after a quiet period.
    fn install_autosave(self) {
        let generation = StoredValue::new(0u64);
        Effect::new(move |prev: Option<()>| {
            self.ws.track();
            if prev.is_none() || self.mode.get_untracked() != Mode::Ready {
                self.last.set_value(self.ws.get_untracked());
                return;
            }
            if self.from_other_tab.get_value() {
                // Another tab's workspace cannot be undone here: start the history afresh.
                self.from_other_tab.set_value(false);
                self.last.set_value(self.ws.get_untracked());
                self.history.update_value(|h| h.clear());
                self.history_tick.update(|t| *t += 1);
                return;
            }
            self.record_change();
            self.dirty.set_value(true);
            if !matches!(self.save.get_untracked(), SaveStatus::Failed(_)) {
                self.save.set(SaveStatus::Pending);
            }
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            set_timeout(
                move || {
                    if generation.get_value() == mine {
                        self.flush();
                    }
                },
                SAVE_DELAY,
            );
        });
    }

    fn install_listeners(self) {
        // The handle does not remove the listener when dropped; these live as long as the page.
        let _ = window_event_listener_untyped("pagehide", move |_| self.flush());
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        })
        ;
        // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes — except in text fields, which
        // keep their own undo.
        let _ = window_event_listener_untyped("keydown", move |ev| {
            use wasm_bindgen::JsCast;
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if !(ev.ctrl_key() || ev.meta_key()) || self.mode.get_untracked() != Mode::Ready {
                return;
            }
            let in_field = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
            });
            if in_field {
                return;
            }
            match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
                ("z", false) => self.undo(),
                ("z", true) | ("y", false) => self.redo(),
                _ => return,
            }
            ev.prevent_default();
        });
        // A share link pasted into this tab changes only the fragment: no reload, a hashchange.
        let _ = window_event_listener_untyped("hashchange", move |_| {
            let hash = location_hash();
            match share::payload(&hash) {
                Some(payload) => self.open_share(payload),
                None => self.page.set(Page::from_hash(&hash)),
            }
        });
        // Another tab saved: take its workspace rather than overwrite it later.
        let _ = window_event_listener_untyped("storage", move |ev| {
            use wasm_bindgen::JsCast;
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            if ev.key().as_deref() != Some(WORKSPACE_KEY) || matches!(self.mode.get_untracked(), Mode::Recovery(_)) {
                return;
            }
            let Some(text) = ev.new_value() else { return };
            if self.dirty.get_value() && self.mode.get_untracked() == Mode::Ready {
                // This tab has a change the other tab has not seen: ask, do not pick silently.
                self.conflict.set(true);
                return;
            }
            self.adopt_stored(&text);
        });
    }

    /// Takes the workspace another tab stored, dropping this tab's unsaved change.
    pub fn use_other_tab(&self) {
        if let Ok(Some(text)) = storage::read(WORKSPACE_KEY) {
            self.conflict.set(false);
            self.adopt_stored(&text);
        }
    }

    /// Bases this tab on whatever revision storage holds, so that the next save replaces it.
    fn take_over_storage(&self) {
        // Leaving the recovery screen (through the welcome screen or an import) replaces the
        // unreadable data: the user was offered it.
        if self.mode.get_untracked() != Mode::Ready {
            self.held_original.set(None);
        }
        self.revision.set_value(stored_revision());
    }

    /// Keeps this tab's workspace, saving it over the other tab's.
    pub fn keep_this_tab(&self) {
        self.take_over_storage();
        self.conflict.set(false);
        self.flush_now();
    }

    fn adopt_stored(&self, text: &str) {
        {
            if let Ok(got) = self.with_ids(|ids| import::read(text, ids)) {
                // Another tab has saved: the original this tab held back for is gone already.
                self.held_original.set(None);
                self.load_repairs.set(Repairs::default());
                self.revision.set_value(schema::stored_revision(text));
                self.from_other_tab.set_value(self.mode.get_untracked() == Mode::Ready);
                self.dirty.set_value(false);
                self.mode.set(Mode::Ready);
                self.ws.set(got.workspace);
                self.epoch.update(|e| *e += 1);
                self.save.set(SaveStatus::Saved);
            }
        }
    }
}

/// The revision of the workspace in storage right now (0 when there is none).
fn stored_revision() -> u64 {
    storage::read(WORKSPACE_KEY).ok().flatten().map_or(0, |t| schema::stored_revision(&t))
}

/// The stored choice, or the browser's language on a first visit.
fn initial_lang() -> Lang {
    let tag = storage::pref("lang").or_else(|| window().navigator().language()).unwrap_or_default();
    Lang::from_tag(&tag)
}

impl AppState {
    /// Switches the language, stores the choice and re-renders the app in it.
    pub fn set_lang(&self, lang: Lang) {
        storage::set_pref("lang", lang.tag());
        self.lang.set(lang);
    }
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Shows `page` (through the URL fragment, so that back and forward work).
pub fn navigate(page: Page) {
    let _ = window().location().set_hash(page.hash());
}

//! The app's state: the workspace store, its context accessor, and the flows around it.
//!
//! - `store`: the workspace as plain data, with keyed notification;
//! - `undo`: the one write path (model commands), the undo history;
//! - `persist`: the one save, and other tabs;
//! - `import_flow`: whole workspaces in and out;
//! - `navigation`: pages, language, shortcuts;
//! - `sync_link`: team sync's settings and status, and the engine's handle.

mod import_flow;
mod navigation;
mod persist;
mod reader;
mod store;
mod sync_link;
mod undo;

pub use navigation::{navigate, Page};
pub use store::WsStore;
pub use sync_link::{install_engine, JoinChoice, SyncConfig, SyncEngine, SyncLink, SyncStatus};

use crate::browser;
use crate::i18n::Lang;
use crate::model::import::{ImportError, Imported, Repairs};
use crate::model::ops::Op;
use crate::model::{share, IdGen, Workspace};
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::time::Duration;

/// Where a step of ops came from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// A command the user ran here: recorded for undo.
    User,
    /// Undo or redo.
    History,
    /// A colleague's change, from the team's room: neither undone here nor sent back.
    Remote,
    /// Made by the app itself (a routine's task when due): sent to the room, never a step of
    /// undo (undoing it would only have it made again).
    Auto,
}

/// What the app is showing as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// First visit: nothing stored yet. Nothing is saved until the user chooses how to start.
    Welcome,
    /// Normal work; changes are saved.
    Ready,
    /// The stored data could not be read. Saving is off so that it is never overwritten.
    Recovery(ImportError),
    /// The stored data is being read through the reader of older or damaged data, whose code is
    /// being fetched (true: it could not be; the user may try again). Nothing is saved.
    Reading(bool),
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
    /// Another tab stored data this tab cannot read (a newer version's): nothing is saved over it.
    Blocked,
}

/// Why the workspace was replaced wholesale (and can be put back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceReason {
    Import,
    Reset,
    /// The team's workspace, taken on joining a room.
    Join,
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
    pub ws: WsStore,
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
    /// Counts replacements of the workspace by another one (import, reset), so that pages with
    /// local form state start over. Undo and other tabs do not bump it.
    pub epoch: RwSignal<u64>,
    /// This tab and another changed the same thing at once; the later change was kept.
    pub clash: RwSignal<bool>,
    /// Team sync.
    pub sync: SyncLink,
    /// Routines that made their task since the page opened (shown until dismissed).
    pub routine_runs: RwSignal<Vec<crate::model::review::RoutineRun>>,
    /// Whether exports and share links carry the private check-ins (off on every visit).
    pub include_private: RwSignal<bool>,
    /// Who uses this browser ("me", for "My work"): a member id, kept per browser.
    pub me: RwSignal<Option<crate::model::MemberId>>,
    /// Whether the whole workspace is here: false while the first screen shows the hot part and
    /// the history (the cold rows) is read; nothing changes meanwhile.
    pub complete: RwSignal<bool>,
    /// This window keeps no database (a private window): the whole workspace is in localStorage.
    pub no_database: RwSignal<bool>,
    /// Rows of growing collections the ops named since the store group last looked.
    noted: StoredValue<Vec<(crate::model::ops::Coll, String)>>,
    /// The next save writes the whole workspace (a whole other one is on screen).
    whole_next: StoredValue<bool>,
    /// That whole workspace is one the user chose (an import, a reset, an undo of one): it
    /// replaces a save another tab makes while it is written.
    replacing_next: StoredValue<bool>,
    clash_pending: StoredValue<bool>,
    /// The storage revision this tab's workspace is based on.
    revision: StoredValue<u64>,
    /// Bumped whenever the undo history changes, so that its buttons follow.
    pub history_tick: RwSignal<u64>,
    history: StoredValue<crate::model::history::History>,
    /// The ops made here since the last save, replayed onto another tab's newer save.
    unsaved: StoredValue<Vec<Op>>,
    ids: StoredValue<IdGen>,
    dirty: StoredValue<bool>,
    save_generation: StoredValue<u64>,
}

impl AppState {
    /// The state provided by [`AppState::provide`].
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Loads the stored workspace, provides the state as context, and installs the save and
    /// the listeners for page hide, other tabs and navigation.
    pub fn provide() -> Self {
        let ids = IdGen::new(browser::random_seed());
        let state = AppState {
            ws: WsStore::new(Workspace::default()),
            mode: RwSignal::new(Mode::Reading(false)),
            save: RwSignal::new(SaveStatus::Saved),
            page: RwSignal::new(Page::from_hash(&navigation::location_hash())),
            lang: RwSignal::new(navigation::initial_lang()),
            preview: RwSignal::new(None),
            import_error: RwSignal::new(None),
            replaced: RwSignal::new(None),
            load_repairs: RwSignal::new(Repairs::default()),
            held_original: RwSignal::new(None),
            now: RwSignal::new(browser::now()),
            board_filter: RwSignal::new(Default::default()),
            epoch: RwSignal::new(0),
            clash: RwSignal::new(false),
            sync: SyncLink::new(),
            routine_runs: RwSignal::new(Vec::new()),
            include_private: RwSignal::new(false),
            me: RwSignal::new(storage::pref("me").filter(|m| !m.is_empty()).map(crate::model::MemberId)),
            complete: RwSignal::new(false),
            no_database: RwSignal::new(false),
            noted: StoredValue::new(Vec::new()),
            whole_next: StoredValue::new(false),
            replacing_next: StoredValue::new(false),
            clash_pending: StoredValue::new(false),
            revision: StoredValue::new(0),
            history_tick: RwSignal::new(0),
            history: StoredValue::new(Default::default()),
            unsaved: StoredValue::new(Vec::new()),
            ids: StoredValue::new(ids),
            dirty: StoredValue::new(false),
            save_generation: StoredValue::new(0),
        };
        provide_context(state);
        let _ = set_interval_with_handle(
            move || {
                state.now.set(browser::now());
                state.run_routines();
            },
            Duration::from_secs(60),
        );
        state.install_persistence();
        state.install_navigation();
        state.open_stored();
        if let Some(payload) = share::payload(&navigation::location_hash()) {
            state.open_share(payload);
        }
        // Connected to a team room: the routines that waited for it run now.
        Effect::new(move |_| {
            if state.sync.status.get() == SyncStatus::Connected {
                state.run_routines();
            }
        });
        state
    }

    /// The stored workspace is open (read at start, or taken from another tab's save): the
    /// undo of the last import is offered again, team sync resumes and routines run.
    pub(super) fn became_ready(&self) {
        self.ask_to_keep();
        self.open_replaced();
        self.resume_sync();
        self.run_routines();
    }

    /// A team with data asks the browser to keep it (once per page).
    pub(super) fn ask_to_keep(&self) {
        if self.ws.with_untracked(|ws| !ws.members.is_empty() || !ws.board.tasks.is_empty()) {
            storage::ask_to_keep();
        }
    }

    /// Keeps a copy of stored text that was not read as it is; where none can be written, the
    /// text is held in memory and nothing is saved over it (see `held_original`).
    fn keep_or_hold(&self, text: &str) {
        if storage::keep_backup(text, js_sys::Date::now() as i64).is_err() {
            self.held_original.set(Some(text.to_owned()));
        }
    }

    /// The workspace before the last import or reset, kept across a reload: while the team
    /// syncs, putting it back leaves the room rather than overwrite the team's workspace.
    fn open_replaced(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let Some(text) = storage::kept_whole(storage::BEFORE_REPLACE).await else { return };
            state.read_replaced(text);
        });
    }

    fn read_replaced(&self, text: String) {
        let state = *self;
        let again = text.clone();
        if let Some(Ok(got)) = state.read_stored(&text, move || state.read_replaced(again), || ()) {
            let reason = if sync_link::sync_on() { ReplaceReason::Join } else { ReplaceReason::Import };
            state.replaced.set(Some((reason, got.workspace)));
        }
    }

    /// Whether the whole workspace is here (see [`AppState::complete`]).
    pub(super) fn complete_here(&self) -> bool {
        self.complete.get_untracked()
    }

    /// Runs `f` with the id generator.
    pub fn with_ids<R>(&self, f: impl FnOnce(&mut IdGen) -> R) -> R {
        let mut ids = self.ids.get_value();
        let out = f(&mut ids);
        self.ids.set_value(ids);
        out
    }
}

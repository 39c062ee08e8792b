//! Team sync as the rest of the app sees it: its settings, its status, who else is here, and a
//! handle on the engine. The engine itself (yrs, the WebSocket and the Yjs protocol) is a page
//! group of its own (`crate::sync`), fetched only when a team turns sync on: a workspace that
//! never syncs does not pay for it.

use super::{AppState, ReplaceReason};
use crate::model::ops::{diff, Op};
use crate::model::Workspace;
use crate::storage::{self, SYNC_KEY, SYNC_ON_KEY};
use leptos::prelude::*;
use serde_json::Value;
use std::rc::Rc;

/// What the user typed into "Team sync" (the token stays in this browser and goes only to the
/// server typed in; share links and exports never carry it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncConfig {
    pub server: String,
    pub room: String,
    pub token: String,
    /// The name others see while this person is here.
    pub name: String,
}

impl SyncConfig {
    // Read and written through `Value`, whose code the app holds already (a derived
    // deserialiser would add its own to the main module).
    pub fn load() -> Self {
        let v: Value =
            storage::read(SYNC_KEY).ok().flatten().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        SyncConfig { server: text("server"), room: text("room"), token: text("token"), name: text("name") }
    }

    /// Keeps the settings (the panel, before it connects). Whether sync is on is kept apart
    /// ([`SYNC_ON_KEY`]), so that the main module reads no settings.
    pub fn store(&self) {
        let mut v = serde_json::Map::new();
        for (k, x) in [("server", &self.server), ("room", &self.room), ("token", &self.token), ("name", &self.name)] {
            v.insert(k.into(), Value::String(x.clone()));
        }
        let _ = storage::write(SYNC_KEY, &crate::model::json::text(&Value::Object(v)));
    }

    /// The address to open: the server, the room as its path, the token as a query. `None`
    /// when the server is not a ws:// or wss:// address or the room is empty.
    pub fn url(&self) -> Option<String> {
        let server = self.server.trim().trim_end_matches('/');
        let rest = server.strip_prefix("ws://").or_else(|| server.strip_prefix("wss://"))?;
        if rest.is_empty() || rest.contains(['?', '#', ' ']) || self.room.trim().is_empty() {
            return None;
        }
        let mut url = format!("{server}/{}", js_sys::encode_uri_component(self.room.trim()));
        if !self.token.is_empty() {
            url.push_str("?token=");
            url.push_str(&String::from(js_sys::encode_uri_component(&self.token)));
        }
        Some(url)
    }
}

/// Whether team sync is on (it starts with the page).
pub fn sync_on() -> bool {
    storage::read(SYNC_ON_KEY).ok().flatten().is_some()
}

/// Where team sync stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncStatus {
    Off,
    /// The sync code is being fetched.
    Loading,
    Connecting,
    Connected,
    /// Not connected; it tries again in `retry_in` seconds. `waiting`: changes made here wait
    /// for the server.
    Offline {
        waiting: bool,
        retry_in: u32,
    },
    /// The room holds another workspace than this browser's: the user chooses.
    Choosing,
    /// The server refused the access token.
    Refused,
    /// The sync code could not be fetched.
    LoadFailed,
    /// The server sent something that does not read as a workspace: nothing of it was applied.
    Hostile(String),
}

/// The answer to "this room already holds a workspace".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinChoice {
    /// Take the team's workspace (this browser's is kept for undo).
    Replace,
    /// Put this browser's workspace together with the team's.
    Merge,
}

/// The engine, as the page group that holds it implements it.
pub trait SyncEngine {
    /// A change made here (a command, undo, an import): write it into the document.
    fn local(&self, ws: &Workspace, ops: &[Op]);
    fn join(&self, choice: JoinChoice);
    fn stop(&self);
    /// The document's state (one update, v2 encoding, base64url), for exports made in a synced
    /// workspace.
    fn doc_state(&self) -> String;
    /// Merges another copy of the document (from a file exported in this room) into this one,
    /// and returns the workspace it makes; `None` when it does not read.
    fn merge_doc(&self, doc: &str) -> Option<Workspace>;
    /// The room this engine syncs.
    fn room(&self) -> String;
}

/// Team sync's part of the app state. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct SyncLink {
    pub status: RwSignal<SyncStatus>,
    /// The names of the others in the room.
    pub peers: RwSignal<Vec<String>>,
    engine: StoredValue<Option<Rc<dyn SyncEngine>>, LocalStorage>,
    /// Counts connects, so that an engine that finishes loading after a disconnect is dropped.
    generation: StoredValue<u64>,
}

impl SyncLink {
    pub(super) fn new() -> Self {
        SyncLink {
            status: RwSignal::new(SyncStatus::Off),
            peers: RwSignal::new(Vec::new()),
            engine: StoredValue::new_local(None),
            generation: StoredValue::new(0),
        }
    }

    fn engine(&self) -> Option<Rc<dyn SyncEngine>> {
        self.engine.try_get_value().flatten()
    }
}

/// Starts the sync engine for a state, fetching its page group first. The app hands it over
/// ([`install_engine`]), so that the state never reaches into the engine, which uses it.
pub type EngineStart =
    fn(AppState) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Rc<dyn SyncEngine>, ()>>>>;

thread_local! {
    static ENGINE_START: std::cell::Cell<Option<EngineStart>> = const { std::cell::Cell::new(None) };
}

/// Says how to start the sync engine (once, before the state is provided).
pub fn install_engine(start: EngineStart) {
    ENGINE_START.with(|s| s.set(Some(start)));
}

impl AppState {
    /// Connects to the room in the stored settings ([`SyncConfig::store`]); the sync code is
    /// fetched first if need be.
    pub fn sync_connect(&self) {
        self.stop_engine();
        let _ = storage::write(SYNC_ON_KEY, "1");
        self.sync.status.set(SyncStatus::Loading);
        let generation = self.sync.generation.get_value();
        let state = *self;
        let Some(start) = ENGINE_START.with(std::cell::Cell::get) else {
            self.sync.status.set(SyncStatus::LoadFailed);
            return;
        };
        leptos::task::spawn_local(async move {
            match start(state).await {
                Ok(engine) if state.sync.generation.get_value() == generation => {
                    state.sync.engine.set_value(Some(engine));
                }
                // Disconnected (or connected anew) while this one loaded: it goes, and the
                // status it set is put right.
                Ok(engine) => {
                    engine.stop();
                    if !sync_on() {
                        state.sync.status.set(SyncStatus::Off);
                    }
                }
                Err(_) if state.sync.generation.get_value() == generation => {
                    state.sync.status.set(SyncStatus::LoadFailed)
                }
                Err(_) => {}
            }
        });
    }

    /// Leaves the room: changes stay here, and nothing more is sent or taken.
    pub fn sync_disconnect(&self) {
        self.stop_engine();
        storage::remove(SYNC_ON_KEY);
        self.sync.status.set(SyncStatus::Off);
    }

    fn stop_engine(&self) {
        self.sync.generation.update_value(|g| *g += 1);
        if let Some(engine) = self.sync.engine() {
            engine.stop();
        }
        self.sync.engine.set_value(None);
        self.sync.peers.set(Vec::new());
    }

    /// Answers "this room already holds a workspace".
    pub fn sync_join(&self, choice: JoinChoice) {
        if let Some(engine) = self.sync.engine() {
            engine.join(choice);
        }
    }

    /// The document's state, when this workspace syncs (exports carry it).
    pub fn sync_doc_state(&self) -> Option<String> {
        self.sync.engine().map(|e| e.doc_state())
    }

    /// Merges a file's sync document into the room's, when this workspace syncs: the merged
    /// workspace, to take as a step of undo ([`AppState::merge_in`]).
    pub fn sync_merge_doc(&self, doc: &str) -> Option<Workspace> {
        let mut merged = self.sync.engine().and_then(|e| e.merge_doc(doc))?;
        // The document never holds check-ins: this browser's stay.
        self.ws.with_untracked(|ws| ws.keep_private_in(&mut merged));
        Some(merged)
    }

    /// The room this workspace syncs with now, if any.
    pub fn sync_room(&self) -> Option<String> {
        self.sync.engine().map(|e| e.room())
    }

    /// Whether this workspace syncs with a room now.
    pub fn syncing(&self) -> bool {
        self.sync.engine().is_some()
    }

    /// Sends a change made here to the room, when there is one.
    pub(super) fn sync_out(&self, ops: &[Op]) {
        if let Some(engine) = self.sync.engine() {
            self.ws.with_untracked(|ws| engine.local(ws, ops));
        }
    }

    /// Starts sync if it was on when the page was last open.
    pub(super) fn resume_sync(&self) {
        if sync_on() {
            self.sync_connect();
        }
    }

    /// Shows colleagues' changes (from the room), as ops: only the views they touch change,
    /// they are not a step of this person's undo, and they are saved here.
    pub fn apply_remote(&self, ops: &[Op]) {
        // The team's document never holds the private collections (check-ins): a difference
        // against it that names them says nothing about them, and must not remove this
        // browser's own.
        let ops: Vec<Op> = ops.iter().filter(|op| !op.coll().is_private()).cloned().collect();
        if ops.is_empty() {
            return;
        }
        let done = self.ws.update(|w| w.apply(&ops));
        self.commit(done, super::Origin::Remote);
    }

    /// Takes the team's workspace in place of this browser's, which is kept for one-click undo
    /// (undoing it leaves the room first, so that the team's workspace is not overwritten).
    pub fn adopt_team(&self, mut team: Workspace) {
        // The team's document holds no check-ins: this browser's private notes stay.
        self.ws.with_untracked(|ws| ws.keep_private_in(&mut team));
        self.replace_quietly(team, ReplaceReason::Join);
    }

    /// The ops from the workspace on screen to `next`, sent to the room (a whole replacement:
    /// an import or a reset in a synced workspace replaces it for the team).
    pub(super) fn sync_replacement(&self, next: &Workspace) {
        if let Some(engine) = self.sync.engine() {
            let ops = self.ws.with_untracked(|ws| diff(ws, next));
            engine.local(next, &ops);
        }
    }
}

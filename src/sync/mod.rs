//! The team sync engine: the workspace's Yjs document (`model::ydoc`), kept in step with a room
//! on a stock Yjs WebSocket server through the Yjs sync and awareness protocols (`yrs::sync`).
//!
//! This module is a page group of its own (`start` is its split point): its code and yrs are
//! fetched only when a team turns sync on.
//!
//! - Changes made here go into the document as the ops of their commands, and out as updates.
//! - Updates from the room are applied to the document, which is read back as a workspace and
//!   shown through the state layer (only the views it touches change). An update that is no
//!   update, or a document that does not read as a workspace, is refused: nothing of it reaches
//!   the workspace, the stored document stays the last good one, and sync stops with a message.
//! - The document is stored in IndexedDB as its updates, appended as they come and compacted
//!   into one now and then, so that changes made offline survive a reload and merge when the
//!   connection is back. (Without IndexedDB, as in some private windows, the whole document goes
//!   to localStorage as before.) The engine connects once the stored document is read.

use crate::model::ops::{diff, Op};
use crate::model::share::{base64url_decode, base64url_encode};
use crate::model::ydoc::{self, Roots};
use crate::model::Workspace;
use crate::state::{AppState, JoinChoice, SyncConfig, SyncEngine, SyncStatus};
use crate::storage::{self, SYNC_DOC_KEY};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};
use yrs::sync::awareness::AwarenessUpdateEntry;
use yrs::sync::{AwarenessUpdate, Message, MessageReader, SyncMessage};
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{ClientID, Doc, ReadTxn, StateVector, Transact, Update};

/// The origin of this person's own transactions.
const LOCAL: &str = "rolecall:local";
/// The close code the sync server gives when it refuses the access token.
const REFUSED: u16 = 4401;
/// Seconds before each next try to reconnect.
const BACKOFF: [u32; 5] = [1, 2, 4, 8, 8];
/// How often this person's presence is renewed, and when another's expires.
const PRESENCE_EVERY: Duration = Duration::from_secs(15);
const PRESENCE_EXPIRES_MS: f64 = 40_000.0;
/// Silence after which a connection counts as lost.
const SILENCE_MS: f64 = 45_000.0;
/// The most others listed as here.
const MAX_PEERS: usize = 100;

/// Starts the engine (fetching this page group first).
pub async fn start(state: AppState) -> Result<Rc<dyn SyncEngine>, SplitLoaderError> {
    start_engine(state).await
}

#[wasm_split(sync, wasm_split_path = ::leptos::wasm_split, fallible)]
fn start_engine(state: AppState) -> Result<Rc<dyn SyncEngine>, SplitLoaderError> {
    Ok(Engine::start(state, SyncConfig::load()))
}

/// How many updates are appended before the stored document is compacted into one.
const COMPACT_AFTER: usize = 200;
/// How long after a failed store of the document it is tried again.
const RETRY_STORE: Duration = Duration::from_secs(5);

/// The stored document's description (its updates are stored apart, in IndexedDB).
#[derive(Serialize, Deserialize)]
struct Stored {
    server: String,
    room: String,
    /// The document's state as one update (v2 encoding, base64url), where IndexedDB is not used
    /// (a browser without it, or a version before it): empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    doc: String,
    /// Changes made here that the server has not had yet.
    waiting: bool,
    /// The workspace's storage revision when the document was stored: a workspace saved later
    /// holds changes the document may lack.
    #[serde(default)]
    revision: u64,
}

/// A handler of the socket's events.
type Handler = Closure<dyn FnMut(JsValue)>;

struct Peer {
    clock: u32,
    name: String,
    seen: f64,
}

struct Engine {
    me: Weak<Engine>,
    state: AppState,
    config: SyncConfig,
    doc: Doc,
    roots: Roots,
    socket: RefCell<Option<WebSocket>>,
    /// The socket's handlers, kept alive while it is open.
    handlers: RefCell<Vec<Handler>>,
    listeners: RefCell<Vec<WindowListenerHandle>>,
    presence_timer: Cell<Option<IntervalHandle>>,
    /// Whether this browser's workspace is the room's (false until the first sync decides).
    joined: Cell<bool>,
    /// Whether this connection has had the room's state.
    synced: Cell<bool>,
    /// Whether the socket is open.
    open: Cell<bool>,
    /// When the server was last heard from (it echoes presence at least every 15 s).
    heard: Cell<f64>,
    /// The workspace as last read from (or written to) the document: a remote update applies
    /// only what changed in the document since, never undoing what this tab has that the
    /// document lacks (a change another tab made, say).
    last_read: RefCell<Option<Workspace>>,
    waiting: Cell<bool>,
    attempt: Cell<usize>,
    stopped: Cell<bool>,
    /// The document holds something refused: it is not stored.
    tainted: Cell<bool>,
    save_queued: Cell<bool>,
    /// Whether the stored document has been read (the engine connects only then).
    loaded: Cell<bool>,
    /// What this person changed while the stored document was being read: it goes into the
    /// document once read, on top of it.
    early: RefCell<Vec<Op>>,
    /// Updates of the document not stored yet (Yjs v1), and how many are stored since the last
    /// compaction.
    pending: RefCell<Vec<Vec<u8>>>,
    appended: Cell<usize>,
    /// The next store writes the whole document (updates were left out, or the layout moves).
    store_whole: Cell<bool>,
    /// Whether IndexedDB holds the document (false: localStorage, as before).
    in_idb: Cell<bool>,
    /// A store is under way: the next waits for it (stores go in one at a time, in order).
    storing: Cell<bool>,
    /// The `waiting` last stored.
    stored_waiting: Cell<bool>,
    /// The mark of a forgotten stored document when this engine read it (its first whole store
    /// replaces it).
    replaces_forgotten: RefCell<Option<String>>,
    presence_clock: Cell<u32>,
    peers: RefCell<BTreeMap<ClientID, Peer>>,
}

impl Engine {
    fn start(state: AppState, config: SyncConfig) -> Rc<dyn SyncEngine> {
        let doc = Doc::new();
        let roots = Roots::new(&doc);
        let engine = Rc::new_cyclic(|me| Engine {
            me: me.clone(),
            state,
            config,
            doc,
            roots,
            socket: RefCell::new(None),
            handlers: RefCell::new(Vec::new()),
            listeners: RefCell::new(Vec::new()),
            presence_timer: Cell::new(None),
            joined: Cell::new(false),
            synced: Cell::new(false),
            open: Cell::new(false),
            heard: Cell::new(0.0),
            last_read: RefCell::new(None),
            waiting: Cell::new(false),
            attempt: Cell::new(0),
            stopped: Cell::new(false),
            tainted: Cell::new(false),
            save_queued: Cell::new(false),
            loaded: Cell::new(false),
            early: RefCell::new(Vec::new()),
            pending: RefCell::new(Vec::new()),
            appended: Cell::new(0),
            store_whole: Cell::new(false),
            in_idb: Cell::new(true),
            storing: Cell::new(false),
            stored_waiting: Cell::new(false),
            replaces_forgotten: RefCell::new(None),
            presence_clock: Cell::new(0),
            peers: RefCell::new(BTreeMap::new()),
        });
        let weak = engine.me.clone();
        let _ = engine.doc.observe_update_v1("rolecall", move |txn, e| {
            let Some(engine) = weak.upgrade() else { return };
            engine.pending.borrow_mut().push(e.update.clone());
            let local = txn.origin().is_some_and(|o| o.as_ref() == LOCAL.as_bytes());
            if local {
                if engine.is_live() {
                    engine.send(Message::Sync(SyncMessage::Update(e.update.clone())));
                } else {
                    engine.waiting.set(true);
                }
            }
            engine.queue_save();
        });
        let (online, offline, hide) = (engine.me.clone(), engine.me.clone(), engine.me.clone());
        engine.listeners.borrow_mut().extend([
            window_event_listener_untyped("pagehide", move |_| {
                if let Some(e) = hide.upgrade() {
                    e.save();
                }
            }),
            window_event_listener_untyped("online", move |_| {
                if let Some(e) = online.upgrade() {
                    e.attempt.set(0);
                    e.connect();
                }
            }),
            window_event_listener_untyped("offline", move |_| {
                if let Some(e) = offline.upgrade() {
                    e.drop_socket();
                    e.offline(0);
                }
            }),
        ]);
        let weak = engine.me.clone();
        let timer = set_interval_with_handle(
            move || {
                if let Some(e) = weak.upgrade() {
                    // A connection that went silent (a half-open socket) is dropped and tried again.
                    if e.open.get() && js_sys::Date::now() - e.heard.get() > SILENCE_MS {
                        e.drop_socket();
                        e.retry();
                        return;
                    }
                    e.send_presence(false);
                    e.prune_peers();
                }
            },
            PRESENCE_EVERY,
        );
        engine.presence_timer.set(timer.ok());
        let weak = engine.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let forgotten = storage::sync_doc_forgotten();
            let stored = storage::read_sync_doc().await;
            let Some(e) = weak.upgrade() else { return };
            *e.replaces_forgotten.borrow_mut() = forgotten;
            e.load_stored(stored);
            e.loaded.set(true);
            e.connect();
        });
        engine
    }

    /// Takes the stored document of this room, with the changes made here since it was stored:
    /// from IndexedDB, or from localStorage where an earlier version (or a browser without
    /// IndexedDB) kept it, which then moves to IndexedDB with the next store.
    fn load_stored(&self, stored: Result<Option<storage::SyncDoc>, storage::StorageError>) {
        let (meta, updates) = match stored {
            Ok(Some(doc)) => (Some(doc.meta), doc.updates),
            Ok(None) => {
                self.store_whole.set(true);
                (storage::read(SYNC_DOC_KEY).ok().flatten(), Vec::new())
            }
            Err(_) => {
                // No IndexedDB here: the document stays in localStorage, whole.
                self.in_idb.set(false);
                (storage::read(SYNC_DOC_KEY).ok().flatten(), Vec::new())
            }
        };
        // What this document already holds is stored: only later updates are appended.
        self.appended.set(updates.len());
        let Some(stored) = meta
            .and_then(|t| serde_json::from_str::<Stored>(&t).ok())
            .filter(|s| s.server == self.config.server && s.room == self.config.room)
        else {
            // Nothing stored for this room (another room's document is replaced whole).
            self.store_whole.set(true);
            return;
        };
        let mut all = Vec::with_capacity(updates.len() + 1);
        if !stored.doc.is_empty() {
            let Some(update) = base64url_decode(&stored.doc).ok().and_then(|b| Update::decode_v2(&b).ok()) else {
                return;
            };
            all.push(update);
        }
        for bytes in &updates {
            let Ok(update) = Update::decode_v1(bytes) else { return self.store_whole.set(true) };
            all.push(update);
        }
        {
            let mut txn = self.doc.transact_mut();
            for update in all {
                if txn.apply_update(update).is_err() {
                    return;
                }
            }
        }
        // What was read is stored already.
        self.pending.borrow_mut().clear();
        let Ok(saved) = ydoc::read(&self.doc.transact(), &self.roots) else { return };
        self.joined.set(true);
        self.waiting.set(stored.waiting);
        self.stored_waiting.set(stored.waiting);
        *self.last_read.borrow_mut() = Some(saved.clone());
        let early = std::mem::take(&mut *self.early.borrow_mut());
        if self.state.saved_revision() > stored.revision {
            // The workspace was saved after the document: it holds changes made here while the
            // sync code was not running (before it loaded, in another tab), which go in now.
            let ops = self.state.ws.with_untracked(|ws| diff(&saved, ws));
            if !ops.is_empty() {
                self.state.ws.with_untracked(|ws| self.write(ws, &ops));
            }
        } else {
            // The document is as new or newer (colleagues' changes that came in after the last
            // save of the workspace): the workspace takes it, and nothing goes back as this
            // person's own change, but for what was changed here while the document was read,
            // which goes in on top of it.
            let mut target = saved;
            target.apply(&early);
            let ops = self.state.ws.with_untracked(|ws| diff(ws, &target));
            self.state.apply_remote(&ops);
            if !early.is_empty() {
                self.state.ws.with_untracked(|ws| self.write(ws, &early));
            }
        }
    }

    fn write(&self, ws: &Workspace, ops: &[Op]) {
        {
            let mut txn = self.doc.transact_mut_with(LOCAL);
            ydoc::write_ops(&mut txn, &self.roots, ws, ops);
        }
        if let Some(last) = self.last_read.borrow_mut().as_mut() {
            last.apply(ops);
        }
    }

    /// Whether a change made here goes out now. Not only once synced: an update sent during the
    /// handshake is merely early (Yjs updates apply in any order, and twice is harmless), while
    /// one held back would hold back every later one on the server.
    fn is_live(&self) -> bool {
        self.joined.get() && self.open.get()
    }

    fn connect(&self) {
        if self.stopped.get() || !self.loaded.get() || self.socket.borrow().is_some() {
            return;
        }
        let Some(url) = self.config.url() else {
            // No room to go to (the settings were cleared): sync is off.
            return self.state.sync_disconnect();
        };
        let Ok(socket) = WebSocket::new(&url) else { return self.retry() };
        socket.set_binary_type(BinaryType::Arraybuffer);
        self.state.sync.status.set(SyncStatus::Connecting);
        let (a, b, c) = (self.me.clone(), self.me.clone(), self.me.clone());
        let on_open = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(e) = a.upgrade() {
                e.opened();
            }
        });
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(e) = b.upgrade() else { return };
            let Some(ev) = ev.dyn_ref::<MessageEvent>() else { return };
            let Ok(buf) = ev.data().dyn_into::<js_sys::ArrayBuffer>() else { return };
            e.received(&js_sys::Uint8Array::new(&buf).to_vec());
        });
        let on_close = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(e) = c.upgrade() else { return };
            let code = ev.dyn_ref::<CloseEvent>().map_or(0, |c| c.code());
            e.closed(code);
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() = vec![on_open, on_message, on_close];
        *self.socket.borrow_mut() = Some(socket);
    }

    fn opened(&self) {
        self.attempt.set(0);
        self.open.set(true);
        self.heard.set(js_sys::Date::now());
        let sv = self.doc.transact().state_vector();
        self.send(Message::Sync(SyncMessage::SyncStep1(sv)));
        self.send_presence(false);
    }

    fn send(&self, message: Message) {
        if let Some(socket) = self.socket.borrow().as_ref() {
            let _ = socket.send_with_u8_array(&message.encode_v1());
        }
    }

    /// One message from the server (it may hold several protocol messages).
    fn received(&self, data: &[u8]) {
        self.heard.set(js_sys::Date::now());
        let mut decoder = DecoderV1::from(data);
        let mut changed = false;
        let mut first_sync = false;
        let messages: Vec<_> = MessageReader::new(&mut decoder).collect();
        for message in messages {
            let Ok(message) = message else { return self.refuse("message") };
            match message {
                Message::Sync(SyncMessage::SyncStep1(sv)) => {
                    let update = self.doc.transact().encode_state_as_update_v1(&sv);
                    self.send(Message::Sync(SyncMessage::SyncStep2(update)));
                    if self.joined.get() {
                        self.waiting.set(false);
                        self.queue_save();
                    }
                }
                Message::Sync(SyncMessage::SyncStep2(bytes)) => {
                    if !self.apply(&bytes) {
                        return self.refuse("update");
                    }
                    changed = true;
                    first_sync |= !self.synced.get();
                }
                Message::Sync(SyncMessage::Update(bytes)) => {
                    if !self.apply(&bytes) {
                        return self.refuse("update");
                    }
                    changed = true;
                }
                Message::Awareness(update) => self.presence(update),
                Message::AwarenessQuery => self.send_presence(false),
                Message::Auth(Some(_)) => {
                    self.stop_with(SyncStatus::Refused);
                    return;
                }
                _ => {}
            }
        }
        if first_sync {
            self.synced.set(true);
            if !self.joined.get() {
                return self.first_sync();
            }
            self.state.sync.status.set(SyncStatus::Connected);
        }
        if changed && self.joined.get() {
            self.refresh();
        }
    }

    /// Applies an update from the room to the document; false when the bytes are no update.
    fn apply(&self, bytes: &[u8]) -> bool {
        match Update::decode_v1(bytes) {
            Ok(update) => self.doc.transact_mut().apply_update(update).is_ok(),
            Err(_) => false,
        }
    }

    /// Shows the document as it now is.
    fn refresh(&self) {
        // The read transaction ends before the workspace changes.
        let read = ydoc::read(&self.doc.transact(), &self.roots);
        match read {
            Ok(ws) => {
                let ops = match self.last_read.borrow().as_ref() {
                    Some(before) => diff(before, &ws),
                    None => self.state.ws.with_untracked(|mine| diff(mine, &ws)),
                };
                // Kept as read, not copied: the next update diffs against it.
                *self.last_read.borrow_mut() = Some(ws);
                self.state.apply_remote(&ops);
            }
            Err(e) => self.refuse(&e.to_string()),
        }
    }

    /// The room's state has arrived on a first connect: publish to an empty room, take a room's
    /// workspace into an empty browser, or ask.
    fn first_sync(&self) {
        if self.roots.is_empty(&self.doc.transact()) {
            self.joined.set(true);
            let mut txn = self.doc.transact_mut_with(LOCAL);
            self.state.ws.with_untracked(|ws| ydoc::write_all(&mut txn, &self.roots, ws));
            drop(txn);
            *self.last_read.borrow_mut() = Some(self.state.ws.get_untracked());
            self.state.sync.status.set(SyncStatus::Connected);
            return;
        }
        // A browser with nothing of its own yet (a fresh empty workspace) just takes the team's.
        let blank = self.state.ws.with_untracked(|ws| {
            ws.members.is_empty()
                && ws.roles.is_empty()
                && ws.skills.is_empty()
                && ws.duties.is_empty()
                && ws.board.tasks.is_empty()
                && ws.kpis.is_empty()
                && ws.purpose.is_empty()
                && ws.goals.is_empty()
        });
        if blank {
            self.join(JoinChoice::Replace);
        } else {
            self.state.sync.status.set(SyncStatus::Choosing);
        }
    }

    fn closed(&self, code: u16) {
        self.drop_socket();
        if self.stopped.get() {
            return;
        }
        if code == REFUSED {
            return self.stop_with(SyncStatus::Refused);
        }
        self.retry();
    }

    fn drop_socket(&self) {
        if let Some(socket) = self.socket.borrow_mut().take() {
            socket.set_onclose(None);
            socket.set_onmessage(None);
            socket.set_onopen(None);
            let _ = socket.close();
        }
        self.handlers.borrow_mut().clear();
        self.synced.set(false);
        self.open.set(false);
        self.peers.borrow_mut().clear();
        self.state.sync.peers.set(Vec::new());
    }

    /// Tries again after a while, longer after each failure.
    fn retry(&self) {
        let delay = BACKOFF[self.attempt.get().min(BACKOFF.len() - 1)];
        self.attempt.set(self.attempt.get() + 1);
        self.offline(delay);
        let weak = self.me.clone();
        set_timeout(
            move || {
                if let Some(e) = weak.upgrade() {
                    e.connect();
                }
            },
            Duration::from_secs(delay.into()),
        );
    }

    fn offline(&self, retry_in: u32) {
        if !self.stopped.get() {
            self.state.sync.status.set(SyncStatus::Offline { waiting: self.waiting.get(), retry_in });
        }
    }

    /// A message or document from the server that cannot be taken: sync stops, and nothing of
    /// it is stored or shown.
    fn refuse(&self, what: &str) {
        // The document now holds what was refused: it is never stored (the stored one stays the
        // last good one, and the next connect refuses the same again).
        self.tainted.set(true);
        self.stop_with(SyncStatus::Hostile(what.to_owned()));
    }

    fn stop_with(&self, status: SyncStatus) {
        self.stop();
        self.state.sync.status.set(status);
    }

    fn presence(&self, update: AwarenessUpdate) {
        let me = self.doc.client_id();
        let now = js_sys::Date::now();
        {
            let mut peers = self.peers.borrow_mut();
            for (client, entry) in update.clients {
                if client == me || peers.get(&client).is_some_and(|p| p.clock > entry.clock) {
                    continue;
                }
                let state: serde_json::Value = serde_json::from_str(&entry.json).unwrap_or_default();
                if state.is_null() {
                    peers.remove(&client);
                    continue;
                }
                let name = state.pointer("/user/name").and_then(|n| n.as_str()).unwrap_or_default();
                let name: String = name.chars().take(60).collect();
                if peers.len() < MAX_PEERS || peers.contains_key(&client) {
                    peers.insert(client, Peer { clock: entry.clock, name, seen: now });
                }
            }
        }
        self.show_peers();
    }

    fn prune_peers(&self) {
        let now = js_sys::Date::now();
        self.peers.borrow_mut().retain(|_, p| now - p.seen < PRESENCE_EXPIRES_MS);
        self.show_peers();
    }

    fn show_peers(&self) {
        let mut names: Vec<String> = self.peers.borrow().values().map(|p| p.name.clone()).collect();
        names.sort();
        self.state.sync.peers.set(names);
    }

    /// Tells the room who is here (`leaving`: that this person has left).
    fn send_presence(&self, leaving: bool) {
        let clock = self.presence_clock.get() + 1;
        self.presence_clock.set(clock);
        let json = if leaving {
            "null".to_owned()
        } else {
            crate::model::json::text(&serde_json::json!({ "user": { "name": self.config.name.trim() } }))
        };
        let entry = AwarenessUpdateEntry { clock, json: json.into() };
        let update = AwarenessUpdate { clients: HashMap::from([(self.doc.client_id(), entry)]) };
        self.send(Message::Awareness(update));
    }

    /// Stores the document a moment after it changes (one write for a burst of changes).
    fn queue_save(&self) {
        if self.save_queued.replace(true) {
            return;
        }
        let weak = self.me.clone();
        set_timeout(
            move || {
                if let Some(e) = weak.upgrade() {
                    e.save_queued.set(false);
                    e.save();
                }
            },
            Duration::from_millis(250),
        );
    }

    /// Stores what changed in the document: its new updates appended, or the whole document
    /// (now and then, to compact it, and whenever updates were left out). A failure (a full
    /// quota) is said like a failed save of the workspace, and the next store writes it whole.
    fn save(&self) {
        if self.stopped.get() || self.tainted.get() || !self.loaded.get() || self.storing.get() {
            // (A store under way stores again when it is done, if anything came meanwhile.)
            return;
        }
        if !self.joined.get() {
            // Not this browser's room yet: nothing of it is stored, so the first store after
            // joining writes the whole document.
            self.pending.borrow_mut().clear();
            self.store_whole.set(true);
            return;
        }
        let updates = std::mem::take(&mut *self.pending.borrow_mut());
        if updates.is_empty() && !self.store_whole.get() && self.stored_waiting.get() == self.waiting.get() {
            return;
        }
        let stored = Stored {
            server: self.config.server.clone(),
            room: self.config.room.clone(),
            doc: String::new(),
            waiting: self.waiting.get(),
            revision: self.state.saved_revision(),
        };
        if !self.in_idb.get() {
            let stored = Stored { doc: self.doc_state(), ..stored };
            match storage::write(SYNC_DOC_KEY, &serde_json::to_string(&stored).unwrap_or_default()) {
                Ok(()) => self.stored_waiting.set(stored.waiting),
                Err(e) => {
                    self.store_whole.set(true);
                    self.state.save.set(crate::state::SaveStatus::Failed(e));
                }
            }
            return;
        }
        let whole = (self.store_whole.get() || self.appended.get() + updates.len() > COMPACT_AFTER)
            .then(|| self.doc.transact().encode_state_as_update_v1(&StateVector::default()));
        // The updates of a burst go in as one record.
        let (appended, updates) = match &whole {
            Some(_) => (1, Vec::new()),
            None if updates.len() > 1 => match yrs::merge_updates_v1(&updates) {
                Ok(one) => (self.appended.get() + 1, vec![one]),
                Err(_) => (self.appended.get() + updates.len(), updates),
            },
            None => (self.appended.get() + updates.len(), updates),
        };
        self.store_whole.set(false);
        self.storing.set(true);
        let meta = serde_json::to_string(&stored).unwrap_or_default();
        let waiting = stored.waiting;
        let weak = self.me.clone();
        let replaces = if whole.is_some() { self.replaces_forgotten.borrow_mut().take() } else { None };
        wasm_bindgen_futures::spawn_local(async move {
            let result = storage::store_sync_doc(&meta, &updates, whole.as_deref()).await;
            if let (Ok(()), Some(mark)) = (&result, &replaces) {
                storage::sync_doc_replaced(mark);
            }
            let Some(engine) = weak.upgrade() else { return };
            engine.storing.set(false);
            match result {
                Ok(()) => {
                    engine.appended.set(appended);
                    engine.stored_waiting.set(waiting);
                    // What came in meanwhile.
                    if !engine.pending.borrow().is_empty() || engine.store_whole.get() {
                        engine.save();
                    }
                }
                Err(e) => {
                    // Nothing of this store was written: the next writes the whole document,
                    // tried again in a while (or with the next change).
                    engine.store_whole.set(true);
                    *engine.replaces_forgotten.borrow_mut() = replaces;
                    engine.state.save.set(crate::state::SaveStatus::Failed(e));
                    let weak = engine.me.clone();
                    set_timeout(
                        move || {
                            if let Some(e) = weak.upgrade() {
                                e.save();
                            }
                        },
                        RETRY_STORE,
                    );
                }
            }
        });
    }
}

impl SyncEngine for Engine {
    fn local(&self, ws: &Workspace, ops: &[Op]) {
        if !self.loaded.get() {
            // Taken in when the stored document is read (see `load_stored`).
            self.early.borrow_mut().extend_from_slice(ops);
        } else if self.joined.get() && !self.stopped.get() {
            self.write(ws, ops);
            if !self.is_live() {
                self.offline(0);
            }
        }
    }

    fn join(&self, choice: JoinChoice) {
        if self.joined.get() || self.stopped.get() {
            return;
        }
        let read = ydoc::read(&self.doc.transact(), &self.roots);
        let team = match read {
            Ok(team) => team,
            Err(e) => return self.refuse(&e.to_string()),
        };
        self.joined.set(true);
        let next = match choice {
            JoinChoice::Replace => team,
            JoinChoice::Merge => {
                let merged = self.state.ws.with_untracked(|mine| crate::model::ops::union(&team, mine));
                self.write(&merged, &diff(&team, &merged));
                merged
            }
        };
        *self.last_read.borrow_mut() = Some(next.clone());
        self.state.adopt_team(next);
        self.state.sync.status.set(SyncStatus::Connected);
        self.queue_save();
    }

    fn stop(&self) {
        if self.stopped.get() {
            return;
        }
        self.save();
        self.send_presence(true);
        self.stopped.set(true);
        self.drop_socket();
        for l in self.listeners.borrow_mut().drain(..) {
            l.remove();
        }
        if let Some(t) = self.presence_timer.take() {
            t.clear();
        }
    }

    fn doc_state(&self) -> String {
        // The compact (v2) encoding: a 1,000-task workspace is about 1.1 MB in it, 1.5 MB in v1.
        base64url_encode(&self.doc.transact().encode_state_as_update_v2(&StateVector::default()))
    }

    fn merge_doc(&self, doc: &str) -> Option<Workspace> {
        if !self.joined.get() || self.stopped.get() {
            return None;
        }
        let bytes = base64url_decode(doc).ok()?;
        let update = Update::decode_v2(&bytes).ok()?;
        // Checked on a copy first: a file whose document does not read changes nothing.
        let copy = Doc::new();
        let copy_roots = Roots::new(&copy);
        let mine = self.doc.transact().encode_state_as_update_v2(&StateVector::default());
        let own = Update::decode_v2(&mine).ok()?;
        let ok = {
            let mut txn = copy.transact_mut();
            txn.apply_update(own).is_ok()
        } && {
            let mut txn = copy.transact_mut();
            txn.apply_update(update).is_ok()
        };
        if !ok || ydoc::read(&copy.transact(), &copy_roots).is_err() {
            return None;
        }
        // Taken as this person's change: it goes to the room. The caller shows the result as a
        // step of undo.
        let update = Update::decode_v2(&bytes).ok()?;
        if self.doc.transact_mut_with(LOCAL).apply_update(update).is_err() {
            return None;
        }
        let merged = ydoc::read(&self.doc.transact(), &self.roots).ok()?;
        *self.last_read.borrow_mut() = Some(merged.clone());
        Some(merged)
    }

    fn room(&self) -> String {
        self.config.room.clone()
    }
}

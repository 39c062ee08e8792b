//! Saving: the one place that writes the workspace, after a quiet period or at once when the
//! page hides; and other tabs, whose saves merge with this tab's unsaved changes.
//!
//! The workspace is stored in two parts (`model::layout`): the hot part in localStorage, written
//! whole (it holds what the first screens show, not the history), and the cold rows in
//! IndexedDB, written row by row as the commands' ops name them. A whole new workspace (an
//! import, the move from the older layout) writes a new generation of cold rows first and the
//! hot part that names it after. Other tabs hear of each save on a `BroadcastChannel`, with its
//! ops.
//!
//! The main module holds only what the first screen needs (reading the hot part) and the
//! hand-overs below; the rest (the whole read, saving, other tabs, the move from the older
//! layout) is the "store" page group, fetched at start alongside the first screen: nothing
//! changes before the whole workspace is read, and that is done by the group.

use super::{AppState, Mode, SaveStatus};
use crate::browser;
use crate::model::import::{self, ImportError, Repairs};
use crate::model::layout::{self, Ords};
use crate::model::ops::{rebase, Coll, Op};
use crate::model::{json, schema, Workspace};
use crate::storage::{self, StorageError, HOT_KEY, MERGE_NOTE_KEY, WORKSPACE_KEY};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long the workspace must be quiet before it is saved.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How long a failed write of cold rows waits before it is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// How a read of stored rows that are damaged (not a passing failure) begins its reason.
const DAMAGED: &str = "damaged: ";
/// The channel other tabs of this site hear saves on.
const CHANNEL: &str = "rolecall";

/// Where the stored copy of this tab's workspace stands.
#[derive(Default)]
struct Layout {
    /// The generation of cold rows the stored hot part names (`None`: every row is in the hot
    /// part, as where the browser keeps no database).
    gen: Option<String>,
    /// Every row's place (see `model::layout`).
    ords: Ords,
    /// Rows of growing collections changed since their cold write was confirmed.
    pending: BTreeMap<Coll, BTreeSet<String>>,

    /// The next save writes the whole workspace anew (a new generation).
    whole: bool,
    /// A whole write is under way: saves wait for it.
    writing_whole: bool,
    /// Cold rows written but not yet confirmed, by how many writes of them are under way: the
    /// hot part keeps a copy of them meanwhile, so that a write lost with a closing page loses
    /// nothing.
    in_flight: BTreeMap<String, u32>,
    /// Deletes of cold rows (and rewrites of a collection's rows, by the start of its range)
    /// not yet confirmed, with the revision of the first and how many are under way: the hot
    /// part lists them meanwhile, so that a delete lost with a closing page brings nothing back.
    deleting: BTreeMap<String, (u64, u32)>,
    /// The stored text of the older layout this workspace was read from: moved once the new
    /// layout is written.
    moving: Option<String>,
    /// Another tab's save is being read.
    reloading: bool,
    /// Another tab saved while a whole write was under way here: read once it is done.
    reload_after: bool,
    /// The whole workspace to write is one the user chose, not yet written: a save another
    /// tab makes meanwhile is replaced by it (and kept for undo), never taken in its place.
    replacing: bool,
    /// The last write of cold rows failed (and is tried again): the save is not done.
    cold_failed: bool,
    /// The open tasks' JSON as the last save wrote it, less the tasks changed since.
    texts: layout::TaskTexts,
}

impl Layout {
    /// Lists the stale records a read skipped as deletes under way (the next hot parts say so
    /// until the next save's delete of them is confirmed).
    fn seed_skipped(&mut self, skipped: &[(Coll, String, u64)]) {
        let Some(gen) = self.gen.clone() else { return };
        for (coll, key, rev) in skipped {
            let e = self.deleting.entry(layout::cold_key(&gen, *coll, key)).or_insert((*rev, 0));
            e.0 = e.0.max(*rev);
        }
    }
}

thread_local! {
    /// The stored copy's layout: the store group's own state (the main module only lists the
    /// rows the ops named, in `AppState::noted`, and asks for a whole write, `whole_next`).
    static LAYOUT: std::cell::RefCell<Layout> = std::cell::RefCell::new(Layout::default());
    /// The latest revision another tab said it saved. Its message can come before this tab's
    /// copy of localStorage shows that save (each tab's copy is brought up to date after the
    /// fact): until it does, this tab neither reads storage nor writes over it.
    static ANNOUNCED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Stand-in for a `StoredValue` of the layout, with its two methods.
struct LayoutCell;

impl LayoutCell {
    fn with_value<R>(&self, f: impl FnOnce(&Layout) -> R) -> R {
        LAYOUT.with_borrow(f)
    }
    fn update_value(&self, f: impl FnOnce(&mut Layout)) {
        LAYOUT.with_borrow_mut(f)
    }
    fn try_update_value<R>(&self, f: impl FnOnce(&mut Layout) -> R) -> Option<R> {
        Some(self.update_with(f))
    }
    fn update_with<R>(&self, f: impl FnOnce(&mut Layout) -> R) -> R {
        LAYOUT.with_borrow_mut(f)
    }
}

impl AppState {
    /// The layout, with what the main module noted since the store group last looked.
    fn layout(&self) -> LayoutCell {
        let noted = self.noted.try_update_value(std::mem::take).unwrap_or_default();
        let whole = self.whole_next.try_update_value(std::mem::take).unwrap_or_default();
        let replacing = self.replacing_next.try_update_value(std::mem::take).unwrap_or_default();
        if !noted.is_empty() || whole {
            LAYOUT.with_borrow_mut(|l| {
                for (coll, key) in noted {
                    if coll == Coll::Tasks {
                        l.texts.forget(&key);
                    }
                    l.pending.entry(coll).or_default().insert(key);
                }
                if whole {
                    l.whole = true;
                    l.replacing = replacing;
                    l.pending.clear();
                    l.texts.clear();
                }
            });
        }
        LayoutCell
    }
}

/// The revision of the workspace in storage right now (0 when there is none).
pub(super) fn stored_revision() -> u64 {
    // The revision is in the first 200 bytes, which 200 characters hold.
    storage::read_head(HOT_KEY, 200).ok().flatten().map_or(0, |t| schema::stored_revision(&t))
}

/// Whether the save at `revision` replaced this tab's simultaneous change (the saving tab says
/// so under [`MERGE_NOTE_KEY`]).
fn merge_note_names(revision: u64) -> bool {
    storage::read(MERGE_NOTE_KEY).ok().flatten().and_then(|n| n.trim().parse::<u64>().ok()) == Some(revision)
}

/// Waits `d` (a timer, as a future).
async fn pause(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)), d);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A new generation's name: the time and a random part, letters and digits only.
fn new_gen() -> String {
    let n = js_sys::Date::now() as u64;
    format!("g{n:x}{:04x}", browser::random_seed() & 0xffff)
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

    /// Notes the rows `ops` changed, for the next save's cold rows.
    pub(super) fn note_rows(&self, ops: &[Op]) {
        self.noted.update_value(|n| {
            n.extend(ops.iter().filter(|op| layout::splits(op.coll())).map(|op| (op.coll(), op.id().to_owned())));
        });
    }

    /// The workspace on screen is a whole other one (an import, a reset, the team's): the next
    /// save writes it whole.
    pub(super) fn write_whole_next(&self) {
        // A whole other workspace is whole: it replaces one whose history was still being read.
        self.complete.set(true);
        self.whole_next.set_value(true);
        self.noted.update_value(Vec::clear);
    }

    /// Writes the workspace now if it has unsaved changes.
    pub fn flush(&self) {
        if self.dirty.get_value() {
            self.job(Job::Save);
        }
    }

    /// Writes the workspace now.
    pub(super) fn save_now(&self) {
        self.job(Job::Save);
    }

    /// Hands `job` to the store group: at once when its code is here (a save as the page hides
    /// is written before the page goes), else once it has been fetched.
    pub(super) fn job(&self, job: Job) {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        let state = *self;
        let mut fut = Box::pin(run_job(state, job));
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(())) => {}
            Poll::Ready(Err(_)) => state.store_not_loaded(),
            Poll::Pending => leptos::task::spawn_local(async move {
                if fut.await.is_err() {
                    state.store_not_loaded();
                }
            }),
        }
    }

    /// The store group could not be fetched (offline before it was ever cached).
    fn store_not_loaded(&self) {
        if matches!(self.mode.get_untracked(), Mode::Reading(_)) || !self.complete.get_untracked() {
            self.mode.set(Mode::Reading(true));
        } else {
            self.dirty.set_value(true);
            self.save.set(SaveStatus::Failed(StorageError::Other(
                "the part of Rolecall that saves could not be loaded".into(),
            )));
        }
    }

    pub(super) fn flush_now(&self) {
        if self.mode.get_untracked() != Mode::Ready || !self.complete.get_untracked() {
            return;
        }
        if self.held_original.with_untracked(Option::is_some) {
            self.dirty.set_value(true);
            self.save.set(SaveStatus::Held);
            return;
        }
        if self.layout().with_value(|l| l.writing_whole || l.reloading) {
            // Saved once that is done.
            self.dirty.set_value(true);
            return;
        }
        // Another tab saved after this tab's copy: take its workspace with this tab's changes
        // on top, never write over it.
        let stored = stored_revision();
        if stored > self.revision.get_value() {
            self.dirty.set_value(true);
            return self.reload_stored();
        }
        if ANNOUNCED.get() > stored {
            // Another tab's save is on its way to this tab's copy of storage: taken, with this
            // tab's changes on top, when it arrives (the storage event).
            self.dirty.set_value(true);
            return self.await_announced();
        }
        let next = stored.max(self.revision.get_value()) + 1;
        if self.clash_pending.get_value() {
            // Tells the other tab, when it takes this save, that its change was replaced.
            let _ = storage::write(MERGE_NOTE_KEY, &next.to_string());
        }
        if self.layout().with_value(|l| l.whole) {
            return self.save_whole(next);
        }
        let base = self.revision.get_value();
        let replaced = self.clash_pending.get_value();
        let written = browser::measure("rolecall:save", || {
            self.write_cold_rows(next);
            let text = self.ws.with_untracked(|ws| {
                self.layout().update_with(|l| {
                    let gen = l.gen.as_deref();
                    let also =
                        |c: Coll, k: &str| gen.is_some_and(|g| l.in_flight.contains_key(&layout::cold_key(g, c, k)));
                    let deleting: Vec<(Coll, String, u64)> = gen
                        .map(|g| {
                            l.deleting
                                .iter()
                                .filter_map(|(k, (rev, _))| {
                                    layout::parse_cold_key(g, k).map(|(c, key)| (c, key.to_owned(), *rev))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    layout::hot_text_with(ws, &l.ords, gen, next, browser::now(), &also, &deleting, &mut l.texts)
                })
            });
            storage::write(HOT_KEY, &text)
        });
        match written {
            Ok(()) => {
                let ops = self.unsaved.try_update_value(std::mem::take).unwrap_or_default();
                self.saved_at(next);
                self.broadcast(base, next, Some(&ops), replaced);
            }
            Err(e) => {
                // The data stays in memory and stays dirty: the next change or page hide retries.
                self.dirty.set_value(true);
                self.save.set(SaveStatus::Failed(e));
            }
        }
    }

    /// The save at revision `next` is stored.
    fn saved_at(&self, next: u64) {
        self.revision.set_value(next);
        self.clash_pending.set_value(false);
        self.dirty.set_value(false);
        if !self.layout().with_value(|l| l.cold_failed) {
            self.save.set(SaveStatus::Saved);
        }
        self.ask_to_keep();
    }

    /// Writes the cold rows the ops since the last save named (their own transaction, begun
    /// now: the hot part that follows keeps a copy of them until it is committed).
    fn write_cold_rows(&self, revision: u64) {
        let Some(gen) = self.layout().with_value(|l| l.gen.clone()) else {
            self.layout().update_value(|l| l.pending.clear());
            return;
        };
        let pending = self.layout().try_update_value(|l| std::mem::take(&mut l.pending)).unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        let mut changes = Vec::new();
        let (mut keys, mut gone) = (Vec::new(), Vec::new());
        self.ws.with_untracked(|ws| {
            self.layout().update_value(|l| {
                for (coll, rows) in &pending {
                    let touched = l.ords.touch(ws, *coll, rows);
                    let w = layout::cold_changes(ws, &l.ords, &gen, revision, *coll, &touched);
                    for key in w.clear.iter().map(|(a, _)| a).chain(&w.deletes) {
                        let e = l.deleting.entry(key.clone()).or_insert((revision, 0));
                        e.0 = e.0.max(revision);
                        e.1 += 1;
                        gone.push(key.clone());
                    }
                    changes.extend(w.clear.into_iter().map(|(a, b)| storage::idb::Write::DeleteRange(a, b)));
                    changes.extend(w.deletes.into_iter().map(storage::idb::Write::Delete));
                    for (key, record) in w.puts {
                        *l.in_flight.entry(key.clone()).or_default() += 1;
                        keys.push(key.clone());
                        changes.push(storage::idb::Write::Put(key, record.into()));
                    }
                }
            })
        });
        if changes.is_empty() {
            return;
        }
        let rewrote = changes.iter().any(|c| matches!(c, storage::idb::Write::DeleteRange(..)));
        let state = *self;
        leptos::task::spawn_local(async move {
            let done = storage::idb::write(storage::idb::ROWS, changes).await;
            state.layout().update_value(|l| {
                // A failed put stays carried by the hot part until it is written again.
                for key in &keys {
                    if let Some(n) = l.in_flight.get_mut(key) {
                        *n = n.saturating_sub(1);
                        if *n == 0 && done.is_ok() {
                            l.in_flight.remove(key);
                        }
                    }
                }
                // A failed delete stays listed until it is written again.
                for key in &gone {
                    if let Some((_, n)) = l.deleting.get_mut(key) {
                        *n = n.saturating_sub(1);
                        if *n == 0 && done.is_ok() {
                            l.deleting.remove(key);
                        }
                    }
                    // A collection written anew: its older deletes are done too.
                    if done.is_ok() && key.ends_with('|') {
                        l.deleting.retain(|k, (_, n)| !(k.starts_with(key.as_str()) && *n == 0));
                    }
                }
            });
            state.layout().update_value(|l| l.cold_failed = done.is_err());
            if let Err(e) = done {
                // Written again with the next save (the rows are still in memory, and the hot
                // part kept a copy of them meanwhile).
                state.layout().update_value(|l| {
                    for (coll, rows) in pending {
                        l.pending.entry(coll).or_default().extend(rows);
                    }
                    // The database is gone (cleared, or refused now): the next save keeps
                    // every row in the hot part. A collection's rows written anew must be
                    // written anew again (a write of single rows would leave the hot part
                    // saying its older rows are stale): the next save writes everything anew.
                    if e == StorageError::Unavailable || rewrote {
                        l.whole = true;
                    }
                });
                state.cold_failed(e);
            }
        });
    }

    /// A write of cold rows failed: the save says so, and is tried again in a while.
    fn cold_failed(&self, e: StorageError) {
        self.dirty.set_value(true);
        self.save.set(SaveStatus::Failed(e));
        let state = *self;
        set_timeout(move || state.flush(), RETRY_DELAY);
    }

    /// Writes the whole workspace as a new generation: its cold rows first, then the hot part
    /// that names them, then the older generation goes. Where the browser keeps no database,
    /// the hot part holds every row.
    fn save_whole(&self, next: u64) {
        let gen = new_gen();
        let now = browser::now();
        let (ords, rows, text) = browser::measure("rolecall:save-whole", || {
            self.ws.with_untracked(|ws| {
                let ords = Ords::fresh(ws);
                let rows = layout::cold_rows(ws, &ords, &gen, next);
                let text = layout::hot_text(ws, &ords, Some(&gen), next, now, &|_, _| false, &[]);
                (ords, rows, text)
            })
        });
        let (moving, previous) = self.layout().with_value(|l| (l.moving.clone(), l.gen.clone()));
        let saved = self.unsaved.with_value(Vec::len);
        let base = self.revision.get_value();
        // A whole other workspace the user chose (an import, a reset): it replaces a save
        // another tab makes meanwhile. Any other whole write merges with that save instead.
        let replacing = self.layout().with_value(|l| l.replacing);
        self.layout().update_value(|l| {
            l.writing_whole = true;
            l.whole = false;
            l.pending.clear();
        });
        self.save.set(SaveStatus::Pending);
        let state = *self;
        leptos::task::spawn_local(async move {
            let changes: Vec<storage::idb::Write> =
                rows.into_iter().map(|(k, v)| storage::idb::Write::Put(k, v.into())).collect();
            // Written even when empty: the write says whether this browser keeps a database.
            let cold = {
                // The older layout's copy first, kept until the move is confirmed.
                let kept = match &moving {
                    Some(old) => storage::keep_whole(storage::MOVED_FROM, old.clone()).await,
                    None => Ok(()),
                };
                match kept {
                    Ok(()) => storage::idb::write(storage::idb::ROWS, changes).await,
                    Err(e) => Err(e),
                }
            };
            let (gen, text) = match cold {
                Ok(()) => (Some(gen), text),
                // No database here (a private window): every row in the hot part (the workspace
                // as it is now: changes made meanwhile are in it too).
                Err(StorageError::Unavailable) => (
                    None,
                    state.ws.with_untracked(|ws| layout::hot_text(ws, &ords, None, next, now, &|_, _| false, &[])),
                ),
                Err(e) => {
                    state.layout().update_value(|l| {
                        l.writing_whole = false;
                        l.whole = true;
                        l.cold_failed = true;
                    });
                    state.cold_failed(e);
                    return state.after_whole();
                }
            };
            state.no_database.set(gen.is_none());
            state.layout().update_value(|l| l.cold_failed = false);
            if let (Some(old), Some(g)) = (&moving, &gen) {
                let found = storage::read(WORKSPACE_KEY).ok().flatten();
                if let Some(found) = found.filter(|t| t != old && !layout::is_moved_mark(t)) {
                    // A tab of an earlier version saved the older layout meanwhile: that save is
                    // what moves, with this tab's changes on top; what was written goes.
                    state.layout().update_value(|l| {
                        l.writing_whole = false;
                        l.reload_after = false;
                    });
                    let g = g.clone();
                    leptos::task::spawn_local(async move {
                        let _ = storage::drop_generation(Some(&g), false).await;
                    });
                    return state.move_again(found);
                }
            }
            // Another tab saved while this was written: a whole other workspace the user chose
            // replaces its save, which is kept as what "Undo import" brings back, and both tabs
            // say so. Otherwise (or where its save cannot be read) nothing is written over it.
            let (next, text, replaced, theirs) = match state.saved_meanwhile(base, replacing).await {
                Meanwhile::Nothing => (next, text, false, None),
                Meanwhile::Kept(theirs) => {
                    let later = stored_revision().max(ANNOUNCED.get()).max(next) + 1;
                    // The same text (the rows written go with it), at a revision above theirs:
                    // the envelope's revision is its third field.
                    let text = text.replacen(&format!("\"revision\":{next},"), &format!("\"revision\":{later},"), 1);
                    let _ = storage::write(MERGE_NOTE_KEY, &later.to_string());
                    (later, text, true, theirs)
                }
                Meanwhile::Merge | Meanwhile::Unreadable => {
                    state.layout().update_value(|l| {
                        l.writing_whole = false;
                        l.whole = true;
                    });
                    if let Some(g) = gen.clone() {
                        leptos::task::spawn_local(async move {
                            let _ = storage::drop_generation(Some(&g), false).await;
                        });
                    }
                    state.dirty.set_value(true);
                    state.layout().update_value(|l| l.reload_after = false);
                    // Read it, with this tab's changes on top (what cannot be read blocks);
                    // where nothing is stored any more, written as it is.
                    if matches!(storage::read_head(HOT_KEY, 1), Ok(Some(_))) {
                        return state.reload_stored();
                    }
                    return state.flush_now();
                }
            };
            if moving.is_some() && gen.is_some() {
                // The older layout's key gets the mark that keeps older tabs off it (and frees
                // its room for the hot part); its copy is in the database until this is done.
                let _ = storage::write(WORKSPACE_KEY, &layout::moved_mark(HOT_KEY, now));
            }
            let written = storage::write(HOT_KEY, &text);
            state.layout().update_value(|l| {
                l.writing_whole = false;
                if written.is_ok() {
                    l.gen = gen.clone();
                    l.ords = ords;
                    // (Unless another replacement came while this was written: it is next.)
                    l.replacing &= l.whole;
                    // Deletes and puts of older generations no longer matter.
                    if let Some(g) = gen.as_deref() {
                        let mine = format!("{g}|");
                        l.deleting.retain(|k, _| k.starts_with(&mine));
                        l.in_flight.retain(|k, _| k.starts_with(&mine));
                    }
                } else {
                    l.whole = true;
                }
            });
            state.after_whole();
            match written {
                Ok(()) => {
                    if moving.is_some() {
                        if gen.is_none() {
                            let _ = storage::write(WORKSPACE_KEY, &layout::moved_mark(HOT_KEY, now));
                        }
                        state.layout().update_value(|l| l.moving = None);
                    }
                    state.unsaved.update_value(|u| drop(u.drain(..saved.min(u.len()))));
                    let still = state.unsaved.with_value(|u| !u.is_empty());
                    state.saved_at(next);
                    state.broadcast(base, next, None, replaced);
                    if replaced {
                        state.clash.set(true);
                    }
                    let moved = moving.is_some();
                    // Only the generations this one replaces go (one that could not be read
                    // stays, never deleted unread).
                    let previous = previous.filter(|p| gen.as_ref() != Some(p));
                    let theirs = theirs.filter(|t| gen.as_ref() != Some(t) && previous.as_ref() != Some(t));
                    leptos::task::spawn_local(async move {
                        let _ = storage::drop_generation(previous.as_deref(), moved).await;
                        if theirs.is_some() {
                            let _ = storage::drop_generation(theirs.as_deref(), false).await;
                        }
                    });
                    // A whole other workspace came meanwhile (an undo of the import, another
                    // import), or rows changed: saved now, never left unsaved as "saved".
                    let again = state.layout().with_value(|l| l.whole || !l.pending.is_empty());
                    if still || again {
                        state.dirty.set_value(true);
                        state.flush_now();
                    }
                }
                Err(e) => {
                    state.dirty.set_value(true);
                    state.save.set(SaveStatus::Failed(e));
                }
            }
        });
    }

    /// Moves the older layout's `text` (saved by a tab of an earlier version while this tab was
    /// moving what it read before): taken with this tab's unsaved changes on top, and written
    /// whole.
    fn move_again(&self, text: String) {
        let state = *self;
        // Written whole (with the move's mark) whatever comes first.
        self.layout().update_value(|l| {
            l.moving = Some(text.clone());
            l.whole = true;
        });
        let again_text = text.clone();
        let again = move || state.move_again(again_text);
        let Some(got) = self.read_stored(&text, again, move || state.blocked()) else { return };
        match got {
            Ok(got) => {
                self.layout().update_value(|l| l.moving = Some(text.clone()));
                self.take_stored(Read::other(got.workspace), &text);
                if !self.dirty.get_value() {
                    self.dirty.set_value(true);
                    self.flush_now();
                }
            }
            // Not readable here: the workspace on screen is not written over it.
            Err(_) => self.blocked(),
        }
    }

    /// Whether another tab saved since revision `base` while a whole workspace was written here;
    /// when it did and `replacing`, its workspace is kept as the one an undo of this
    /// replacement brings back.
    async fn saved_meanwhile(&self, base: u64, replacing: bool) -> Meanwhile {
        if stored_revision().max(ANNOUNCED.get()) <= base {
            return Meanwhile::Nothing;
        }
        // Its message can come before this tab's copy of storage shows its save.
        for _ in 0..40 {
            if stored_revision() >= ANNOUNCED.get() {
                break;
            }
            pause(Duration::from_millis(50)).await;
        }
        if !replacing {
            return Meanwhile::Merge;
        }
        let Some(text) = storage::read(HOT_KEY).ok().flatten() else { return Meanwhile::Kept(None) };
        match read_whole(&text).await {
            Ok(Whole::Read(read)) => {
                self.keep_replaced(read.ws).await;
                Meanwhile::Kept(read.gen)
            }
            _ => Meanwhile::Unreadable,
        }
    }

    /// Keeps `theirs` (another tab's save, replaced by the user's whole workspace) as what an
    /// undo of the replacement brings back: in the database for a reload, in memory for this
    /// page.
    async fn keep_replaced(&self, theirs: Workspace) {
        let kept = schema::encode(&theirs, browser::now(), false);
        let _ = storage::keep_whole(storage::BEFORE_REPLACE, kept).await;
        let reason = self.replaced.get_untracked().map_or(super::ReplaceReason::Import, |(r, _)| r);
        self.replaced.set(Some((reason, theirs)));
    }

    /// A whole write is done: another tab's save heard meanwhile is read now.
    fn after_whole(&self) {
        let again = self.layout().update_with(|l| std::mem::take(&mut l.reload_after));
        if again {
            self.reload_stored();
        }
    }

    fn channel(&self) -> Option<web_sys::BroadcastChannel> {
        thread_local! {
            static CH: std::cell::OnceCell<Option<web_sys::BroadcastChannel>> = const { std::cell::OnceCell::new() };
        }
        CH.with(|c| c.get_or_init(|| web_sys::BroadcastChannel::new(CHANNEL).ok()).clone())
    }

    /// Tells other tabs of a save: its revision, the one it was made on and its ops (`None`: a
    /// whole other workspace, read from storage), and whether it replaced another tab's change
    /// to the same thing (the message can arrive before the merge note does).
    fn broadcast(&self, base: u64, rev: u64, ops: Option<&[Op]>, replaced: bool) {
        let Some(ch) = self.channel() else { return };
        let msg = match ops {
            Some(ops) => {
                let gen = self.layout().with_value(|l| l.gen.clone());
                serde_json::json!({ "base": base, "rev": rev, "gen": gen, "ops": ops, "replaced": replaced })
            }
            None => serde_json::json!({ "base": base, "rev": rev, "whole": true }),
        };
        let _ = ch.post_message(&json::text(&msg).into());
    }

    pub(super) fn install_persistence(self) {
        // The handle does not remove the listener when dropped; these live as long as the page.
        let _ = window_event_listener_untyped("pagehide", move |_| self.flush());
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        // Another tab saved: its ops, or (when this tab is not where that save began) its
        // stored workspace, merged with this tab's unsaved changes, with no page rebuild.
        if let Some(ch) = self.channel() {
            let on = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |ev: web_sys::MessageEvent| {
                    if let Some(text) = ev.data().as_string() {
                        self.job(Job::Heard(text));
                    }
                },
            );
            ch.set_onmessage(Some(on.as_ref().unchecked_ref()));
            on.forget();
        }
        // A tab that wrote storage without a message (another version's): read once its
        // message, if any, had its turn (the message's ops cost less than a whole read).
        let _ = window_event_listener_untyped("storage", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            if ev.key().as_deref() != Some(HOT_KEY) {
                return;
            }
            // A save whose message came first and could not be applied: read now.
            let now = stored_revision();
            if now > self.revision.get_value() && now <= ANNOUNCED.get() {
                return self.job(Job::Reload);
            }
            set_timeout(
                move || {
                    if stored_revision() > self.revision.get_value() || self.mode.get_untracked() != Mode::Ready {
                        self.job(Job::Reload);
                    }
                },
                Duration::from_millis(100),
            );
        });
    }

    /// Waits for an announced save to reach this tab's copy of storage (the storage event reads
    /// it); should it never come (storage cleared meanwhile), what storage holds is taken as it
    /// is after a while.
    fn await_announced(&self) {
        let (state, waited) = (*self, ANNOUNCED.get());
        set_timeout(
            move || {
                // Only the announcement waited for is given up (a later one waits its own turn).
                if ANNOUNCED.get() == waited {
                    ANNOUNCED.set(waited.min(stored_revision()));
                }
                state.flush();
            },
            Duration::from_secs(2),
        );
    }

    /// Another tab's save, as it told it.
    fn heard(&self, text: &str) {
        if matches!(self.mode.get_untracked(), Mode::Recovery(_)) {
            return;
        }
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(text) else { return };
        let (base, rev) = (msg["base"].as_u64().unwrap_or(0), msg["rev"].as_u64().unwrap_or(0));
        ANNOUNCED.set(ANNOUNCED.get().max(rev));
        if self.layout().with_value(|l| l.writing_whole) {
            // Read once the whole write is done (which sees this save and acts on it).
            return self.layout().update_value(|l| l.reload_after = true);
        }
        if rev <= self.revision.get_value() && self.mode.get_untracked() == Mode::Ready {
            return;
        }
        let here = self.mode.get_untracked() == Mode::Ready
            && self.complete.get_untracked()
            && !self.dirty.get_value()
            && base == self.revision.get_value()
            && msg.get("whole").is_none()
            && self.layout().with_value(|l| l.gen.as_deref() == msg["gen"].as_str() && !l.reloading);
        let ops: Option<Vec<Op>> = here.then(|| serde_json::from_value(msg["ops"].clone()).ok()).flatten();
        match ops {
            Some(ops) => {
                // The same ops on the same workspace: the same rows, and the same places.
                let done = self.ws.update(|w| w.apply(&ops));
                self.ws.notify(&done);
                self.ws.with_untracked(|ws| {
                    self.layout().update_value(|l| {
                        let mut by: BTreeMap<Coll, BTreeSet<String>> = BTreeMap::new();
                        for op in ops.iter().filter(|op| layout::splits(op.coll())) {
                            by.entry(op.coll()).or_default().insert(op.id().to_owned());
                        }
                        for (coll, rows) in by {
                            l.ords.touch(ws, coll, &rows);
                        }
                    })
                });
                // Written to the cold store by this tab's next save as well: the saving tab's
                // own write of them may be cut short (its page closing).
                self.note_rows(&ops);
                self.revision.set_value(rev);
                self.held_original.set(None);
                if msg["replaced"].as_bool() == Some(true) || merge_note_names(rev) {
                    self.clash.set(true);
                }
            }
            // Read once this tab's copy of storage shows that save (the storage event).
            None if stored_revision() < rev => {}
            None => self.reload_stored(),
        }
    }

    /// Bases this tab on whatever revision storage holds, so that the next save replaces it.
    pub(super) fn take_over_storage(&self) {
        // Leaving the recovery screen (through the welcome screen or an import) replaces the
        // unreadable data: the user was offered it.
        if self.mode.get_untracked() != Mode::Ready {
            self.held_original.set(None);
        }
        self.revision.set_value(stored_revision());
        self.write_whole_next();
    }

    /// Reads what storage holds now (another tab's save) and takes it: merged with this tab's
    /// unsaved changes, or as it is.
    pub(super) fn reload_stored(&self) {
        if self.layout().with_value(|l| l.reloading) {
            return;
        }
        if self.layout().with_value(|l| l.writing_whole) {
            return self.layout().update_value(|l| l.reload_after = true);
        }
        let Ok(Some(text)) = storage::read(HOT_KEY) else { return };
        self.layout().update_value(|l| l.reloading = true);
        let state = *self;
        leptos::task::spawn_local(async move {
            let got = read_whole(&text).await;
            state.layout().update_value(|l| l.reloading = false);
            match got {
                Ok(Whole::Read(read)) => state.take_stored(*read, &text),
                Ok(Whole::Text(joined)) => {
                    let again = move || state.reload_stored();
                    let blocked = move || state.blocked();
                    match state.read_stored(&joined, again, blocked) {
                        Some(Ok(got)) => {
                            state.take_stored(Read::other(got.workspace), &text);
                            if state.mode.get_untracked() == Mode::Ready && !state.dirty.get_value() {
                                state.dirty.set_value(true);
                                state.flush_now();
                            }
                        }
                        Some(Err(_)) => state.blocked(),
                        None => {}
                    }
                }
                Err(_) => state.blocked(),
            }
        });
    }

    /// Another tab stored data this tab cannot read (a newer version's): this tab's view is now
    /// behind, and it must never write over that data.
    fn blocked(&self) {
        if self.mode.get_untracked() == Mode::Ready {
            self.save.set(SaveStatus::Blocked);
        }
    }

    /// Takes the stored workspace `theirs` (read from `text` and its cold rows): this tab's
    /// unsaved changes replayed on top. A field both tabs changed ends on this tab's value (the
    /// later change), and both tabs say so.
    fn take_stored(&self, read: Read, text: &str) {
        let Read { ws: mut theirs, gen, ords, unsettled, whole, skipped } = read;
        if self.layout().with_value(|l| l.replacing) && self.mode.get_untracked() == Mode::Ready {
            // The user's whole workspace, not yet written, replaces that save: kept as what an
            // undo brings back; its generation goes once this one is written.
            self.revision.set_value(schema::stored_revision(text));
            self.layout().update_value(|l| {
                if gen.is_some() {
                    l.gen = gen;
                }
                l.whole = true;
            });
            self.clash.set(true);
            self.dirty.set_value(true);
            let state = *self;
            leptos::task::spawn_local(async move {
                state.keep_replaced(theirs).await;
                state.flush_now();
            });
            return;
        }
        let settle = !unsettled.is_empty();
        let revision = schema::stored_revision(text);
        let mine = self.unsaved.get_value();
        let merging = self.dirty.get_value() && self.mode.get_untracked() == Mode::Ready && !mine.is_empty();
        let clashes = if merging { rebase(&mut theirs, &mine) } else { Vec::new() };
        self.revision.set_value(revision);
        self.layout().update_value(|l| {
            l.gen = gen;
            l.ords = ords;
            l.whole = whole;
            // Whatever replacement was waiting is not this one.
            l.replacing = false;
            l.pending.clear();
            l.texts.clear();
            l.seed_skipped(&skipped);
        });
        // Cold rows the saving tab may not have written: written by this tab's next save.
        self.noted.update_value(|n| n.extend(unsettled));
        self.held_original.set(None);
        self.load_repairs.set(Repairs::default());
        self.ws.replace(theirs);
        self.ws.with_untracked(|ws| self.layout().update_value(|l| l.texts.fill(ws)));
        if merging {
            self.note_rows(&mine);
            if !clashes.is_empty() {
                self.clash.set(true);
                self.clash_pending.set_value(true);
            }
            self.complete.set(true);
            return self.flush_now();
        }
        self.dirty.set_value(false);
        self.unsaved.update_value(Vec::clear);
        // Still opening: the first screen showed the hot part, or the reader was on its way.
        let opening = matches!(self.mode.get_untracked(), Mode::Reading(_))
            || (self.mode.get_untracked() == Mode::Ready && !self.complete_here());
        if self.mode.get_untracked() == Mode::Ready {
            if merge_note_names(revision) {
                self.clash.set(true);
            }
        } else {
            self.mode.set(Mode::Ready);
            self.epoch.update(|e| *e += 1);
        }
        self.complete.set(true);
        self.save.set(SaveStatus::Saved);
        if opening {
            self.became_ready();
        }
        if settle {
            self.changed();
        }
    }

    /// Opens what storage holds at start: the hot part at once when it reads on its own (the
    /// first screen shows it, and nothing changes until the history is here), then the whole.
    /// The older layout (one text) is read whole and moved to the new one by the first save.
    pub fn open_stored(&self) {
        let state = *self;
        if !matches!(state.mode.get_untracked(), Mode::Reading(_)) {
            // Another tab's save was taken meanwhile.
            return;
        }
        let hot = storage::read(HOT_KEY).ok().flatten();
        let older = storage::read(WORKSPACE_KEY).ok().flatten();
        let (text, moving) = match (hot, older) {
            (Some(text), _) => (text, false),
            (None, Some(old)) if layout::is_moved_mark(&old) => return state.job(Job::OpenMoved),
            (None, Some(old)) => (old, true),
            (None, None) => return state.job(Job::OpenMoved),
        };
        state.mode.set(Mode::Reading(false));
        if let Some(env) = layout::hot_part(&text) {
            if let Some(part) = import::read_own_envelope(env, false) {
                // The first screen, before the database is read.
                state.ws.replace(part);
                state.complete.set(false);
                state.mode.set(Mode::Ready);
            }
        }
        state.job(Job::Open(text, moving));
    }

    /// Reads the stored text `text` whole (the store group's part of [`AppState::open_stored`]).
    fn open_whole(&self, text: String, moving: bool) {
        let state = *self;
        leptos::task::spawn_local(async move {
            // Text without a layout (the older layout's, a damaged one) comes back as it is. A
            // database that fails for a moment (busy with another tab's upgrade) is asked again.
            let mut got = read_whole(&text).await;
            for wait in [200, 800, 2000] {
                match &got {
                    Err(StorageError::Other(why)) if !why.starts_with(DAMAGED) => {
                        pause(Duration::from_millis(wait)).await;
                        got = read_whole(&text).await;
                    }
                    _ => break,
                }
            }
            match got {
                Ok(Whole::Read(read)) => state.opened(*read, &text),
                Ok(Whole::Text(joined)) => state.open_text(&joined, &text, moving),
                Err(e) => state.unreadable_history(e),
            }
        });
    }

    /// The stored workspace, read whole at start.
    fn opened(&self, read: Read, text: &str) {
        let Read { ws, gen, ords, unsettled, whole: _, skipped } = read;
        if !matches!(self.mode.get_untracked(), Mode::Reading(_)) && self.complete.get_untracked() {
            // Another tab's save was taken meanwhile.
            return;
        }
        self.revision.set_value(schema::stored_revision(text));
        self.no_database.set(gen.is_none());
        self.layout().update_value(|l| {
            l.gen = gen;
            l.ords = ords;
            l.texts.clear();
            l.seed_skipped(&skipped);
        });
        self.ws.replace(ws);
        self.ws.with_untracked(|ws| self.layout().update_value(|l| l.texts.fill(ws)));
        self.complete.set(true);
        self.mode.set(Mode::Ready);
        self.became_ready();
        if !unsettled.is_empty() {
            // Cold rows found only in the hot part (their write was cut short): saved now.
            self.noted.update_value(|n| n.extend(unsettled));
            self.changed();
        }
    }

    /// Reads stored text through the reader (an older version's save, a damaged one, the older
    /// layout): what it reads is written whole by the first save. `from` is the stored text as
    /// found, kept before anything is saved over it.
    fn open_text(&self, text: &str, from: &str, moving: bool) {
        let state = *self;
        let (again_text, again_from) = (text.to_owned(), from.to_owned());
        let again = move || state.open_text(&again_text, &again_from, moving);
        let failed = move || {
            if matches!(state.mode.get_untracked(), Mode::Reading(_)) || !state.complete.get_untracked() {
                state.mode.set(Mode::Reading(true));
            }
        };
        let Some(got) = state.read_stored(text, again, failed) else { return };
        match got {
            Ok(got) => {
                if !matches!(state.mode.get_untracked(), Mode::Reading(_)) && state.complete.get_untracked() {
                    return;
                }
                state.revision.set_value(schema::stored_revision(from).min(1 << 52));
                if !got.repairs.is_empty() {
                    // Keep the original before the first save replaces it with the repaired
                    // copy. Where no copy can be kept (a full quota), nothing is saved over the
                    // original until the user has seen the repairs and confirms.
                    state.keep_or_hold(from);
                    state.load_repairs.set(got.repairs.clone());
                }
                state.ws.replace(got.workspace);
                state.write_whole_next();
                state.layout().update_value(|l| l.moving = moving.then(|| from.to_owned()));
                state.complete.set(true);
                state.mode.set(Mode::Ready);
                if moving || !got.repairs.is_empty() || layout::read_hot(from).is_none() {
                    // The move to the new layout (or the repaired copy) is saved at once.
                    state.dirty.set_value(true);
                    state.changed();
                }
                state.became_ready();
            }
            Err(e) => {
                // Where no copy can be kept, the recovery screen downloads this one and says so.
                state.keep_or_hold(from);
                state.complete.set(true);
                state.mode.set(Mode::Recovery(e));
            }
        }
    }

    /// The history (the database's rows) could not be read: nothing is saved over it.
    fn unreadable_history(&self, e: StorageError) {
        if let Ok(Some(text)) = storage::read(HOT_KEY) {
            self.keep_or_hold(&text);
        }
        self.complete.set(true);
        self.mode.set(Mode::Recovery(ImportError::History(match e {
            StorageError::Unavailable => String::new(),
            StorageError::QuotaExceeded => "QuotaExceededError".into(),
            StorageError::Other(m) => m,
        })));
    }

    /// No hot part: a move from the older layout was cut short after its mark (its copy is in
    /// the database), or nothing was ever stored.
    fn open_moved(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match storage::idb::get(storage::idb::KEPT, storage::MOVED_FROM).await {
                Ok(Some(old)) => state.open_text(&old, &old, true),
                _ => {
                    if matches!(state.mode.get_untracked(), Mode::Reading(_)) {
                        state.complete.set(true);
                        state.mode.set(Mode::Welcome);
                    }
                }
            }
        });
    }
}

/// What a whole write found another tab did meanwhile.
enum Meanwhile {
    /// Nothing.
    Nothing,
    /// It saved; its workspace is kept for undo (and its generation, to drop once replaced).
    Kept(Option<String>),
    /// It saved, and this write is not a replacement: merge with it instead.
    Merge,
    /// It saved something this tab cannot read: never written over.
    Unreadable,
}

/// What the store group does.
pub(super) enum Job {
    /// Save now.
    Save,
    /// Another tab's message.
    Heard(String),
    /// Read what storage holds (another tab's save, without a message).
    Reload,
    /// Open the stored text whole at start (and whether it is the older layout's, to move).
    Open(String, bool),
    /// Open the copy a cut-short move kept, or the welcome screen.
    OpenMoved,
    /// Keep the workspace before an import or reset (its text), for undo.
    KeepBefore(String),
    /// Forget it.
    ForgetBefore,
    /// Download the stored hot part `text`, whose history could not be read, with every record
    /// of that history the database gives.
    DownloadHistory(String),
}

/// The name of the file the recovery screen downloads.
pub(super) const UNREADABLE_FILE: &str = "rolecall-unreadable-data.json";

#[wasm_split(store, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_store))]
fn run_job(state: AppState, job: Job) -> Result<(), SplitLoaderError> {
    match job {
        Job::Save => state.flush_now(),
        Job::Heard(text) => state.heard(&text),
        Job::Reload => state.reload_stored(),
        Job::Open(text, moving) => state.open_whole(text, moving),
        Job::OpenMoved => state.open_moved(),
        Job::KeepBefore(text) => leptos::task::spawn_local(async move {
            let _ = storage::keep_whole(storage::BEFORE_REPLACE, text).await;
        }),
        Job::ForgetBefore => storage::forget_whole(storage::BEFORE_REPLACE),
        Job::DownloadHistory(text) => leptos::task::spawn_local(async move {
            // As found: the hot part as its text, and each record as its text
            // (`{"hot": …, "rows": [[key, record], …]}`).
            let gen = layout::read_hot(&text).and_then(|h| h.gen);
            let (rows, error) = match gen {
                Some(gen) => match storage::cold_rows(&gen).await {
                    Ok(rows) => (rows, None),
                    // The file says the database gave none, and why.
                    Err(e) => (Vec::new(), Some(format!("{e:?}"))),
                },
                None => (Vec::new(), None),
            };
            let all = serde_json::json!({ "hot": text, "rows": rows, "rows_error": error });
            let _ = browser::download(UNREADABLE_FILE, &json::text(&all), "application/json");
        }),
    }
    Ok(())
}

/// What a whole read found: the workspace, its generation, its rows' places, and the cold rows
/// found only in the hot part (see `layout::Joined::unsettled`).
struct Read {
    ws: Workspace,
    gen: Option<String>,
    ords: Ords,
    unsettled: Vec<(Coll, String)>,
    /// Read from text that is not this version's layout: the next save writes it whole.
    whole: bool,
    /// Stale records the read skipped (see `layout::Joined::skipped`).
    skipped: Vec<(Coll, String, u64)>,
}

impl Read {
    /// A workspace read from text that is not this version's layout (the older layout, an
    /// earlier version's save).
    fn other(ws: Workspace) -> Read {
        Read { ws, gen: None, ords: Ords::default(), unsettled: Vec::new(), whole: true, skipped: Vec::new() }
    }
}

/// A stored workspace read whole.
enum Whole {
    /// Read as this version stored it: the workspace, its generation and places.
    Read(Box<Read>),
    /// Text that needs the reader (damaged, or an older version's): the hot part and the cold
    /// rows joined.
    Text(String),
}

/// Reads the hot part `text` and the cold rows it names.
async fn read_whole(text: &str) -> Result<Whole, StorageError> {
    let Some(hot) = layout::read_hot(text) else { return Ok(Whole::Text(text.to_owned())) };
    let gen = hot.gen.clone();
    let cold = match &gen {
        Some(gen) => storage::cold_rows(gen).await?,
        None => Vec::new(),
    };
    match layout::join(hot, cold) {
        Ok(j) => match import::read_own_envelope(j.envelope.clone(), true) {
            Some(ws) => Ok(Whole::Read(Box::new(Read {
                ws,
                gen,
                ords: j.ords,
                unsettled: j.unsettled,
                whole: false,
                skipped: j.skipped,
            }))),
            None => Ok(Whole::Text(json::text(&j.envelope))),
        },
        Err(layout::Damaged(what)) => Err(StorageError::Other(format!("{DAMAGED}{what}"))),
    }
}

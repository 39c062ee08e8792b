//! The workspace as plain data, with keyed change notification: a view subscribes to the rows
//! or collections it shows, and a change notifies only the views its ops name. Rows are kept in
//! ordered maps, not hashes: no crafted ids can make a look-up slow.

use crate::model::ops::{diff, find_row, keys_of, row_is, Coll, Op};
use crate::model::Workspace;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What the store keeps per row: the views that follow it, and where it is in its collection.
#[derive(Default)]
struct Slot {
    trigger: Option<ArcTrigger>,
    at: Option<usize>,
}

/// The rows of one collection that views follow or look up.
#[derive(Default)]
struct Rows {
    slots: BTreeMap<String, Slot>,
    /// Whether the places were ever filled in (a whole new workspace empties them).
    placed: bool,
}

/// The workspace and its subscriptions. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct WsStore {
    data: StoredValue<Workspace>,
    /// Any change at all (the share link encodes the whole workspace).
    all: Trigger,
    /// Any change to a collection (its rows, their order or fields).
    colls: StoredValue<Vec<ArcTrigger>>,
    rows: StoredValue<Vec<Rows>>,
}

impl WsStore {
    pub fn new(ws: Workspace) -> Self {
        WsStore {
            data: StoredValue::new(ws),
            all: Trigger::new(),
            colls: StoredValue::new(Coll::ALL.iter().map(|_| ArcTrigger::new()).collect()),
            rows: StoredValue::new(Coll::ALL.iter().map(|_| Rows::default()).collect()),
        }
    }

    /// Subscribes to any change (for views that read the whole workspace, untracked, later).
    pub fn track(&self) {
        self.all.track();
    }

    /// Reads the workspace, re-running when any of `colls` changes.
    pub fn watch<R>(&self, colls: &[Coll], f: impl FnOnce(&Workspace) -> R) -> R {
        self.colls.with_value(|c| colls.iter().for_each(|x| c[x.index()].track()));
        self.data.with_value(f)
    }

    /// Reads one row, re-running when it changes: `f` gets the workspace and the row's index in
    /// its collection (`None` when it is gone), found in O(log n).
    pub fn entity<R>(&self, coll: Coll, id: &str, f: impl FnOnce(&Workspace, Option<usize>) -> R) -> R {
        let found = self.rows.try_update_value(|all| {
            let rows = &mut all[coll.index()];
            if !rows.placed {
                rows.slots.values_mut().for_each(|s| s.at = None);
                let keys = self.data.with_value(|w| keys_of(w, coll));
                for (i, k) in keys.into_iter().enumerate() {
                    rows.slots.entry(k).or_default().at = Some(i);
                }
                rows.placed = true;
            }
            let slot = rows.slots.entry(id.to_owned()).or_default();
            // A row added, removed or moved since shifts others: a kept place is checked, and
            // a wrong one found again by one scan (a card move re-renders one card, not all).
            let at = match slot.at {
                Some(i) if self.data.with_value(|w| row_is(w, coll, i, id)) => Some(i),
                _ => self.data.with_value(|w| find_row(w, coll, id)),
            };
            slot.at = at;
            (slot.trigger.get_or_insert_with(ArcTrigger::new).clone(), at)
        });
        let at = found.and_then(|(trigger, at)| {
            trigger.track();
            at
        });
        self.data.with_value(|w| f(w, at))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.data.with_value(f)
    }

    pub fn get_untracked(&self) -> Workspace {
        self.data.get_value()
    }

    /// Changes the data without notifying anyone: the caller notifies with the ops made.
    pub(super) fn update<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        self.data.try_update_value(f).expect("the workspace store lives as long as the app")
    }

    /// Notifies the views that show what `ops` changed.
    pub(super) fn notify(&self, ops: &[Op]) {
        let mut colls = [false; Coll::ALL.len()];
        let mut moved = [0usize; Coll::ALL.len()];
        self.rows.update_value(|all| {
            for op in ops {
                let rows = &mut all[op.coll().index()];
                colls[op.coll().index()] = true;
                if !matches!(op, Op::Set { .. }) {
                    moved[op.coll().index()] += 1;
                    // Many rows moved at once: fill the places in again in one pass, rather
                    // than one scan per row shown.
                    if moved[op.coll().index()] > 16 {
                        rows.placed = false;
                    }
                }
                if let Some(t) = rows.slots.get(op.id()).and_then(|s| s.trigger.as_ref()) {
                    t.notify();
                }
            }
        });
        self.colls.with_value(|c| c.iter().zip(colls).filter(|(_, on)| *on).for_each(|(t, _)| t.notify()));
        self.all.notify();
    }

    /// Replaces the whole workspace (a file, another tab), notifying what differs.
    pub(super) fn replace(&self, next: Workspace) {
        let ops = self.data.with_value(|w| diff(w, &next));
        self.data.set_value(next);
        self.rows.update_value(|all| all.iter_mut().for_each(|r| r.placed = false));
        self.notify(&ops);
    }
}

//! The workspace as plain data, with keyed change notification (ordered maps, not hashes: no
//! crafted ids can make a look-up slow): a view subscribes to the rows
//! or collections it shows, and a change notifies only the views its ops name.

use crate::model::ops::{diff, keys_of, Coll, Op};
use crate::model::Workspace;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The workspace and its subscriptions. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct WsStore {
    data: StoredValue<Workspace>,
    /// Any change at all, for the few views that show the whole workspace.
    all: Trigger,
    /// Any change to a collection (its rows, their order or fields).
    colls: StoredValue<Vec<ArcTrigger>>,
    /// A change to one row, made when a view first asks for it.
    rows: StoredValue<BTreeMap<(Coll, String), ArcTrigger>>,
    /// Where each row of a collection is, built when first asked for and dropped when rows are
    /// added, removed or moved: a row is found in O(1), not by a scan.
    positions: StoredValue<Vec<Option<BTreeMap<String, usize>>>>,
}

impl WsStore {
    pub fn new(ws: Workspace) -> Self {
        WsStore {
            data: StoredValue::new(ws),
            all: Trigger::new(),
            colls: StoredValue::new(Coll::ALL.iter().map(|_| ArcTrigger::new()).collect()),
            rows: StoredValue::new(BTreeMap::new()),
            positions: StoredValue::new(vec![None; Coll::ALL.len()]),
        }
    }

    /// Subscribes to any change (for views that read the workspace later, untracked).
    pub fn track(&self) {
        self.all.track();
    }

    /// Reads the workspace, re-running when any of `colls` changes.
    pub fn watch<R>(&self, colls: &[Coll], f: impl FnOnce(&Workspace) -> R) -> R {
        self.colls.with_value(|c| colls.iter().for_each(|x| c[x.index()].track()));
        self.data.with_value(f)
    }

    /// Reads the workspace, re-running when the row `id` of `coll` changes.
    pub fn row<R>(&self, coll: Coll, id: &str, f: impl FnOnce(&Workspace) -> R) -> R {
        let trigger = self.rows.try_update_value(|m| m.entry((coll, id.to_owned())).or_default().clone());
        if let Some(t) = trigger {
            t.track();
        }
        self.data.with_value(f)
    }

    /// Reads one row, re-running when it changes: `f` gets the workspace and the row's index
    /// in its collection (`None` when it is gone).
    pub fn entity<R>(&self, coll: Coll, id: &str, f: impl FnOnce(&Workspace, Option<usize>) -> R) -> R {
        self.row(coll, id, |_| ());
        let at = self
            .positions
            .try_update_value(|p| {
                let map = p[coll.index()].get_or_insert_with(|| self.data.with_value(|w| index(w, coll)));
                map.get(id).copied()
            })
            .flatten();
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
        self.positions.update_value(|p| {
            for op in ops.iter().filter(|o| !matches!(o, Op::Set { .. })) {
                p[op.coll().index()] = None;
            }
        });
        let mut colls = [false; Coll::ALL.len()];
        self.rows.with_value(|rows| {
            for op in ops {
                colls[op.coll().index()] = true;
                if let Some(t) = rows.get(&(op.coll(), op.id().to_owned())) {
                    t.notify();
                }
            }
        });
        self.colls.with_value(|c| c.iter().zip(colls).filter(|(_, on)| *on).for_each(|(t, _)| t.notify()));
        self.all.notify();
    }

    /// Replaces the whole workspace (a file, another tab), notifying what differs. Returns the
    /// ops of the difference.
    pub(super) fn replace(&self, next: Workspace) -> Vec<Op> {
        let ops = self.data.with_value(|w| diff(w, &next));
        self.data.set_value(next);
        self.positions.update_value(|p| p.iter_mut().for_each(|x| *x = None));
        self.notify(&ops);
        ops
    }
}

/// Row id → index for one collection.
fn index(ws: &Workspace, coll: Coll) -> BTreeMap<String, usize> {
    keys_of(ws, coll).into_iter().enumerate().map(|(i, k)| (k, i)).collect()
}

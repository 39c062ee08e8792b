//! Changes as data: what a command did to a workspace, entity by entity.
//!
//! A command (see `commands.rs`) applies itself and returns the [`Op`]s it made. Undo applies
//! their inverse; the views notify only what the ops name; a sync engine can send them. Ops are
//! serialisable and keyed by stable ids, never by list positions: an order is "after this id".
//! Applied to a workspace that changed meanwhile, an op that no longer fits is skipped, and an
//! anchor that is gone puts the entity last.

use super::board::Board;
use super::decl::{ModelError, COLLECTIONS};
use super::keys::KeySet;
use super::rows::Rows;
use super::rules::{check_row, detach, may_refer, Detached, Look};
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use super::decl::Coll;

/// The id of the one `Settings` entity.
pub const SETTINGS_ID: &str = "workspace";

/// One change to one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    /// One field of one entity, before and after.
    Set { coll: Coll, id: String, field: String, old: Value, new: Value },
    /// An entity added after `after` (`None`: first).
    Insert { coll: Coll, id: String, after: Option<String>, value: Value },
    /// An entity removed; it stood after `after`.
    Remove { coll: Coll, id: String, after: Option<String>, value: Value },
    /// An entity moved within its collection's order.
    Place { coll: Coll, id: String, old_after: Option<String>, new_after: Option<String> },
}

impl Op {
    pub fn coll(&self) -> Coll {
        match self {
            Op::Set { coll, .. } | Op::Insert { coll, .. } | Op::Remove { coll, .. } | Op::Place { coll, .. } => *coll,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Op::Set { id, .. } | Op::Insert { id, .. } | Op::Remove { id, .. } | Op::Place { id, .. } => id,
        }
    }

    /// The op that takes this one back.
    pub fn inverse(&self) -> Op {
        match self.clone() {
            Op::Set { coll, id, field, old, new } => Op::Set { coll, id, field, old: new, new: old },
            Op::Insert { coll, id, after, value } => Op::Remove { coll, id, after, value },
            Op::Remove { coll, id, after, value } => Op::Insert { coll, id, after, value },
            Op::Place { coll, id, old_after, new_after } => {
                Op::Place { coll, id, old_after: new_after, new_after: old_after }
            }
        }
    }

    /// Whether the op only changes text in one field (typing), so that undo may take it
    /// together with the op before it.
    pub fn is_text(&self) -> bool {
        matches!(self, Op::Set { old: Value::String(_), new: Value::String(_), .. })
    }
}

/// The ops that take back `ops` (in reverse order, each inverted).
pub fn invert(ops: &[Op]) -> Vec<Op> {
    ops.iter().rev().map(Op::inverse).collect()
}

/// The workspace's own fields (name, purpose, goals, collaboration, thresholds, and the
/// board's service standards), as one entity. Written through the workspace's own serde code,
/// which the wasm holds already for files.
pub(super) fn settings(ws: &Workspace) -> Value {
    let shell = Workspace {
        name: ws.name.clone(),
        purpose: ws.purpose.clone(),
        goals: ws.goals.clone(),
        collaboration: ws.collaboration,
        thresholds: ws.thresholds.clone(),
        board: Board { columns: Vec::new(), tasks: Vec::new(), standards: ws.board.standards },
        ..Workspace::default()
    };
    let mut v = super::json::value_of(&shell);
    if let Value::Object(obj) = &mut v {
        let standards = obj.get("board").and_then(|b| b.get("standards")).cloned().unwrap_or(Value::Null);
        for c in &COLLECTIONS[1..] {
            obj.remove(c.file[0]);
        }
        obj.insert("standards".into(), standards);
    }
    v
}

pub(super) fn put_settings(ws: &mut Workspace, v: &Value) -> bool {
    let Value::Object(obj) = v else { return false };
    let mut obj = obj.clone();
    let standards = obj.remove("standards").unwrap_or(Value::Null);
    obj.insert("board".into(), serde_json::json!({ "standards": standards }));
    let Ok(s) = Workspace::deserialize(&Value::Object(obj)) else { return false };
    ws.take_settings(s);
    true
}

pub(super) fn rows(ws: &Workspace, coll: Coll) -> Option<&dyn Rows> {
    ws.rows(coll)
}

pub(super) fn rows_mut(ws: &mut Workspace, coll: Coll) -> Option<&mut dyn Rows> {
    ws.rows_mut(coll)
}

/// The keys of a collection in order, a repeated key numbered from its second occurrence on
/// (`key#2`), so that every row has a key of its own.
pub(super) fn keys(rows: &dyn Rows) -> Vec<String> {
    numbered((0..rows.count()).map(|i| rows.key_at(i)).collect())
}

/// Keys with a repeated one numbered from its second occurrence on (`key#2`), in O(n log n).
pub(super) fn numbered(mut ks: Vec<String>) -> Vec<String> {
    let firsts = super::keys::first_of(&ks.iter().map(String::as_str).collect::<Vec<_>>());
    let mut seen = vec![1usize; ks.len()];
    for i in 0..ks.len() {
        let f = firsts[i];
        if f != i {
            seen[f] += 1;
            ks[i] = format!("{}#{}", ks[i], seen[f]);
        }
    }
    ks
}

/// Where the row `id` is: the row with that key, or for a repeated key numbered `key#n` (see
/// [`keys`]), its n-th occurrence.
fn position(rows: &dyn Rows, id: &str) -> Option<usize> {
    if let Some(i) = (0..rows.count()).find(|&i| rows.key_is(i, id)) {
        return Some(i);
    }
    let (base, n) = id.rsplit_once('#')?;
    let n: usize = n.parse().ok().filter(|n| *n >= 2)?;
    (0..rows.count()).filter(|&i| rows.key_is(i, base)).nth(n - 1)
}

/// The field-by-field difference of one entity.
fn field_ops(coll: Coll, id: &str, old: &Value, new: &Value, out: &mut Vec<Op>) {
    let empty = Map::new();
    let (o, n) = (old.as_object().unwrap_or(&empty), new.as_object().unwrap_or(&empty));
    for (field, nv) in n {
        let ov = o.get(field).cloned().unwrap_or(Value::Null);
        if &ov != nv {
            out.push(Op::Set { coll, id: id.to_owned(), field: field.clone(), old: ov, new: nv.clone() });
        }
    }
    for (field, ov) in o {
        if !n.contains_key(field) {
            out.push(Op::Set { coll, id: id.to_owned(), field: field.clone(), old: ov.clone(), new: Value::Null });
        }
    }
}

/// What a command may change, saved before it runs so that its ops can be found after.
#[derive(Debug, Clone, PartialEq)]
pub enum Touch {
    /// One entity (it may be added, changed, moved or removed).
    Entity(Coll, String),
    /// Rows appended at the end of a collection.
    Append(Coll),
    /// Anything in a collection.
    All(Coll),
}

enum Before {
    Entity { coll: Coll, id: String, value: Option<Value>, after: Option<String> },
    Append { coll: Coll, len: usize },
    All { coll: Coll, rows: Vec<(String, Value)> },
}

fn snapshot(ws: &Workspace, touch: &Touch) -> Before {
    match touch {
        Touch::Entity(Coll::Settings, id) => {
            Before::Entity { coll: Coll::Settings, id: id.clone(), value: Some(settings(ws)), after: None }
        }
        Touch::All(Coll::Settings) | Touch::Append(Coll::Settings) => {
            Before::Entity { coll: Coll::Settings, id: SETTINGS_ID.into(), value: Some(settings(ws)), after: None }
        }
        Touch::Entity(coll, id) => {
            let r = rows(ws, *coll).expect("not settings");
            let at = position(r, id);
            Before::Entity {
                coll: *coll,
                id: id.clone(),
                value: at.map(|i| r.value_at(i)),
                after: at.and_then(|i| i.checked_sub(1)).map(|p| r.key_at(p)),
            }
        }
        Touch::Append(coll) => Before::Append { coll: *coll, len: rows(ws, *coll).map_or(0, |r| r.count()) },
        Touch::All(coll) => {
            let r = rows(ws, *coll).expect("not settings");
            let ks = keys(r);
            Before::All { coll: *coll, rows: ks.into_iter().enumerate().map(|(i, k)| (k, r.value_at(i))).collect() }
        }
    }
}

fn changes(ws: &Workspace, before: Before, out: &mut Vec<Op>) {
    match before {
        Before::Entity { coll: Coll::Settings, id, value, .. } => {
            field_ops(Coll::Settings, &id, &value.unwrap_or(Value::Null), &settings(ws), out)
        }
        Before::Entity { coll, id, value, after } => {
            let r = rows(ws, coll).expect("not settings");
            let at = position(r, &id);
            let now_after = at.and_then(|i| i.checked_sub(1)).map(|p| r.key_at(p));
            match (value, at) {
                (None, None) => {}
                (None, Some(i)) => out.push(Op::Insert { coll, id, after: now_after, value: r.value_at(i) }),
                (Some(old), None) => out.push(Op::Remove { coll, id, after, value: old }),
                (Some(old), Some(i)) => {
                    field_ops(coll, &id, &old, &r.value_at(i), out);
                    if after != now_after {
                        out.push(Op::Place { coll, id, old_after: after, new_after: now_after });
                    }
                }
            }
        }
        Before::Append { coll, len } => {
            let r = rows(ws, coll).expect("not settings");
            let ks = keys(r);
            for i in len..r.count() {
                let after = i.checked_sub(1).map(|p| ks[p].clone());
                out.push(Op::Insert { coll, id: ks[i].clone(), after, value: r.value_at(i) });
            }
        }
        Before::All { coll, rows: old } => {
            let r = rows(ws, coll).expect("not settings");
            let ks = keys(r);
            let new: Vec<(String, Value)> = ks.into_iter().enumerate().map(|(i, k)| (k, r.value_at(i))).collect();
            diff_rows(coll, &old, &new, out);
        }
    }
}

/// The ops that turn one list of keyed rows into another, in O(n log n): removals, then field
/// changes, then the rows that must move (those off a longest run kept in order) and the new
/// ones, each placed after its final predecessor. Every anchor is the predecessor the row has at
/// the moment its op applies, so that the ops invert exactly.
fn diff_rows(coll: Coll, old: &[(String, Value)], new: &[(String, Value)], out: &mut Vec<Op>) {
    let (old_set, new_set) =
        (KeySet::new(old.iter().map(|r| r.0.as_str())), KeySet::new(new.iter().map(|r| r.0.as_str())));
    // A doubly linked list of rows as the ops go, so each anchor is known in O(1). Node `i` is
    // old row `i`; node `old.len() + j` is new row `j` when it is new; the last node is the head.
    let n = old.len() + new.len();
    let head = n;
    let key = |node: usize| if node < old.len() { &old[node].0 } else { &new[node - old.len()].0 };
    let anchor = |node: usize| (node != head).then(|| key(node).clone());
    let (mut prev, mut next) = (vec![head; n + 1], vec![head; n + 1]);
    let mut last = head;
    for (i, p) in prev.iter_mut().take(old.len()).enumerate() {
        *p = last;
        next[last] = i;
        last = i;
    }
    next[last] = head;
    prev[head] = last;
    let unlink = |x: usize, prev: &mut Vec<usize>, next: &mut Vec<usize>| {
        let (p, q) = (prev[x], next[x]);
        next[p] = q;
        prev[q] = p;
        p
    };
    let link_after = |x: usize, p: usize, prev: &mut Vec<usize>, next: &mut Vec<usize>| {
        let q = next[p];
        next[p] = x;
        prev[x] = p;
        next[x] = q;
        prev[q] = x;
    };
    for (i, (k, v)) in old.iter().enumerate() {
        if !new_set.contains(k) {
            let after = unlink(i, &mut prev, &mut next);
            out.push(Op::Remove { coll, id: k.clone(), after: anchor(after), value: v.clone() });
        }
    }
    // Where each new row was (None: it is new).
    let was: Vec<Option<usize>> = new.iter().map(|(k, _)| old_set.position(k)).collect();
    for (j, (k, v)) in new.iter().enumerate() {
        if let Some(i) = was[j] {
            field_ops(coll, k, &old[i].1, v, out);
        }
    }
    // The kept rows in their new order, by old position; those on a longest increasing run stay.
    let kept: Vec<(usize, usize)> = was.iter().enumerate().filter_map(|(j, i)| i.map(|i| (j, i))).collect();
    let mut stays = vec![false; new.len()];
    for s in longest_increasing(&kept.iter().map(|&(_, i)| i).collect::<Vec<_>>()) {
        stays[kept[s].0] = true;
    }
    let mut node_of = vec![head; new.len()];
    for (j, (k, v)) in new.iter().enumerate() {
        let node = was[j].unwrap_or(old.len() + j);
        node_of[j] = node;
        if stays[j] {
            continue;
        }
        let want = j.checked_sub(1).map_or(head, |p| node_of[p]);
        match was[j] {
            Some(_) => {
                let had = unlink(node, &mut prev, &mut next);
                link_after(node, want, &mut prev, &mut next);
                if had != want {
                    out.push(Op::Place { coll, id: k.clone(), old_after: anchor(had), new_after: anchor(want) });
                }
            }
            None => {
                link_after(node, want, &mut prev, &mut next);
                out.push(Op::Insert { coll, id: k.clone(), after: anchor(want), value: v.clone() });
            }
        }
    }
}

/// The indices (into `xs`) of one longest strictly increasing subsequence, in O(n log n).
fn longest_increasing(xs: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // indices into xs
    let mut back: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let at = tails.partition_point(|&t| xs[t] < x);
        back[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = back[i];
    }
    out.reverse();
    out
}

/// The ops that turn `before` into `after`, collection by collection.
pub fn diff(before: &Workspace, after: &Workspace) -> Vec<Op> {
    let mut out = Vec::new();
    for coll in Coll::ALL {
        let (Some(b), Some(a)) = (rows(before, coll), rows(after, coll)) else {
            changes(after, snapshot(before, &Touch::All(coll)), &mut out);
            continue;
        };
        // Rows equal on both sides (compared as typed data) need no value, only their place:
        // a colleague's one edit among a thousand tasks serialises one task, not two thousand.
        let (bk, ak) = (keys(b), keys(a));
        let at_b = KeySet::new(bk.iter().map(String::as_str));
        let same: Vec<Option<usize>> =
            ak.iter().enumerate().map(|(j, k)| at_b.position(k).filter(|&i| b.row_eq(i, a, j))).collect();
        let mut same_b = vec![false; bk.len()];
        same.iter().flatten().for_each(|&i| same_b[i] = true);
        let value = |r: &dyn Rows, i: usize, same: bool| if same { Value::Null } else { r.value_at(i) };
        let old: Vec<(String, Value)> = bk.into_iter().enumerate().map(|(i, k)| (k, value(b, i, same_b[i]))).collect();
        let new: Vec<(String, Value)> =
            ak.into_iter().enumerate().map(|(j, k)| (k, value(a, j, same[j].is_some()))).collect();
        diff_rows(coll, &old, &new, &mut out);
    }
    out
}

impl Workspace {
    /// Runs `f`, a command that changes at most what `touches` names, and returns its result
    /// with the ops it made. What the change removed takes its references along (as the
    /// declaration says: cleared, or their entities removed too), and every entity the change
    /// added or changed is checked against the declaration. A failed command, or a change that
    /// breaks a rule, has changed nothing, and makes no ops.
    pub fn change<T, E: From<ModelError>>(
        &mut self,
        touches: &[Touch],
        f: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Result<(T, Vec<Op>), E> {
        let (mut f, mut out) = (Some(f), None);
        let ops = self.change_with(touches, &mut |w| {
            let r = f.take().map(|f| f(w));
            let ok = matches!(r, Some(Ok(_)));
            out = r;
            ok
        });
        let t = out.expect("change_with calls the command once")?;
        Ok((t, ops?))
    }

    /// The non-generic part of [`Workspace::change`]: `f` says whether it succeeded.
    fn change_with(
        &mut self,
        touches: &[Touch],
        f: &mut dyn FnMut(&mut Workspace) -> bool,
    ) -> Result<Vec<Op>, ModelError> {
        let before: Vec<Before> = touches.iter().map(|t| snapshot(self, t)).collect();
        let mut ops = Vec::new();
        if !f(self) {
            return Ok(ops);
        }
        for b in before {
            changes(self, b, &mut ops);
        }
        // What was removed takes its references along, those it removes too, and so on.
        let mut i = 0;
        while i < ops.len() {
            if let Op::Remove { coll, id, .. } = &ops[i] {
                let (coll, id) = (*coll, id.clone());
                detach_all(self, coll, &id, &mut ops);
            }
            i += 1;
        }
        if let Err(e) = check(self, &ops) {
            self.apply(&invert(&ops));
            return Err(e);
        }
        Ok(ops)
    }

    /// Applies ops (a step of undo or redo, or another person's change). An op that no longer
    /// fits (its entity is gone, its value does not read) is skipped. Returns the ops applied.
    pub fn apply(&mut self, ops: &[Op]) -> Vec<Op> {
        self.apply_ops(ops, false)
    }

    /// [`Workspace::apply`] for undo and redo: a field change applies only where the field still
    /// holds the value it changes from, so that a later change by someone else (a colleague in
    /// the room, another tab) is never taken back.
    pub fn apply_checked(&mut self, ops: &[Op]) -> Vec<Op> {
        self.apply_ops(ops, true)
    }

    fn apply_ops(&mut self, ops: &[Op], checked: bool) -> Vec<Op> {
        let mut done = Vec::with_capacity(ops.len());
        let mut i = 0;
        while i < ops.len() {
            // A run of field changes to one row (or to the settings) is read and written once.
            let run = ops[i..].iter().take_while(|o| is_set_of(o, ops[i].coll(), ops[i].id())).count();
            if run > 0 {
                done.extend(set_fields(self, &ops[i..i + run], checked));
                i += run;
                continue;
            }
            if apply_one(self, &ops[i]) {
                done.push(ops[i].clone());
            }
            i += 1;
        }
        done
    }
}

/// Takes the references to `id` of `removed` out of every entity that may hold one, as the
/// declaration says, adding the ops that makes. An entity that belongs to what was removed (a
/// comment on a removed task) is removed too; what refers to it is the next round's business.
fn detach_all(ws: &mut Workspace, removed: Coll, id: &str, ops: &mut Vec<Op>) {
    for c in &COLLECTIONS[1..] {
        if !may_refer(c.coll, removed) {
            continue;
        }
        let Some(r) = rows_mut(ws, c.coll) else { continue };
        let ks = keys(r);
        let mut gone = Vec::new();
        for (i, key) in ks.iter().enumerate() {
            // Most entities do not name it at all: a search of their text says so cheaply.
            if !r.text_at(i).contains(id) {
                continue;
            }
            let old = r.value_at(i);
            let mut new = old.clone();
            match detach(&mut new, c.coll, removed, id) {
                Detached::Same => {}
                Detached::Changed => {
                    field_ops(c.coll, key, &old, &new, ops);
                    r.put(i, new, false);
                }
                Detached::Drop => gone.push((i, old)),
            }
        }
        // From the last, so that each anchor is the row's predecessor when its op applies.
        for (i, old) in gone.into_iter().rev() {
            let after = i.checked_sub(1).map(|p| ks[p].clone());
            r.remove_at(i);
            ops.push(Op::Remove { coll: c.coll, id: ks[i].clone(), after, value: old });
        }
    }
}

impl Look for Workspace {
    fn has(&self, coll: Coll, id: &str) -> bool {
        rows(self, coll).is_some_and(|r| (0..r.count()).any(|i| r.key_is(i, id)))
    }

    fn name_taken(&self, coll: Coll, field: &str, key: &str, id: &str) -> bool {
        let Some(r) = rows(self, coll) else { return false };
        (0..r.count()).any(|i| {
            !r.key_is(i, id)
                && r.value_at(i).get(field).and_then(Value::as_str).is_some_and(|n| super::rules::name_key(n) == key)
        })
    }
}

/// Checks every entity that `ops` added or changed against the declaration: an added one
/// whole, a changed one in the fields changed; in the order the ops name them (the entity a
/// command is about first, so that its error is the one told).
fn check(ws: &Workspace, ops: &[Op]) -> Result<(), ModelError> {
    let mut order: Vec<(Coll, &str)> = Vec::new();
    // Per entity: whether it was added (checked whole), and the fields changed.
    let mut changed: std::collections::BTreeMap<(Coll, &str), (bool, Vec<&str>)> = Default::default();
    for op in ops {
        let (coll, id) = match op {
            Op::Insert { coll, id, .. } | Op::Set { coll, id, .. } => (*coll, id.as_str()),
            Op::Remove { .. } | Op::Place { .. } => continue,
        };
        let entry = changed.entry((coll, id)).or_insert_with(|| {
            order.push((coll, id));
            (false, Vec::new())
        });
        match op {
            Op::Set { field, .. } => entry.1.push(field),
            _ => entry.0 = true,
        }
    }
    // Rows found by an ordered map of their collection's keys, made once (a removal may change
    // thousands of rows), not by a scan per row.
    let mut places: std::collections::BTreeMap<Coll, std::collections::BTreeMap<String, usize>> = Default::default();
    for (coll, id) in order {
        let (whole, fields) = &changed[&(coll, id)];
        let ruled = *whole
            || coll.decl().fields.iter().any(|f| fields.contains(&f.path.split(['.', '[']).next().unwrap_or_default()));
        if !ruled {
            continue;
        }
        let row = match rows(ws, coll) {
            None => Some(settings(ws)),
            // One row (a card moved): a scan is cheaper than a map.
            Some(r) if changed.range((coll, "")..).take_while(|((c, _), _)| *c == coll).nth(1).is_none() => {
                position(r, id).map(|i| r.value_at(i))
            }
            Some(r) => {
                let at = places
                    .entry(coll)
                    .or_insert_with(|| keys(r).into_iter().enumerate().map(|(i, k)| (k, i)).collect());
                at.get(id).map(|&i| r.value_at(i))
            }
        };
        if let Some(row) = row {
            check_row(coll, &row, (!whole).then_some(fields.as_slice()), ws)?;
        }
    }
    Ok(())
}

fn is_set_of(op: &Op, coll: Coll, id: &str) -> bool {
    matches!(op, Op::Set { coll: c, id: i, .. } if *c == coll && i == id)
}

/// Applies field changes to one entity (every op a `Set` of that entity); `checked`: only those
/// whose field still holds their old value. Returns the ops applied (none when the entity is
/// gone or the result does not read).
fn set_fields(ws: &mut Workspace, sets: &[Op], checked: bool) -> Vec<Op> {
    let (coll, id) = (sets[0].coll(), sets[0].id());
    let (mut v, at) = match rows(ws, coll) {
        None => (settings(ws), 0),
        Some(r) => match position(r, id) {
            Some(at) => (r.value_at(at), at),
            None => return Vec::new(),
        },
    };
    let Some(obj) = v.as_object_mut() else { return Vec::new() };
    let mut done = Vec::with_capacity(sets.len());
    for op in sets {
        if let Op::Set { field, old, new, .. } = op {
            if checked && obj.get(field).unwrap_or(&Value::Null) != old {
                continue;
            }
            obj.insert(field.clone(), new.clone());
            done.push(op.clone());
        }
    }
    let written = match rows_mut(ws, coll) {
        None => put_settings(ws, &v),
        Some(r) => r.put(at, v, false),
    };
    if written {
        done
    } else {
        Vec::new()
    }
}

/// Applies one op that adds, removes or moves a row (field changes go through `set_fields`).
fn apply_one(ws: &mut Workspace, op: &Op) -> bool {
    if matches!(op, Op::Set { .. }) {
        return set_fields(ws, std::slice::from_ref(op), false).len() == 1;
    }
    let Some(r) = rows_mut(ws, op.coll()) else { return false };
    let anchor = |r: &dyn Rows, after: &Option<String>| match after {
        None => 0,
        Some(a) => position(r, a).map_or(r.count(), |p| p + 1),
    };
    match op {
        Op::Set { .. } => false,
        Op::Insert { id, after, value, .. } => match position(r, id) {
            Some(i) => r.put(i, value.clone(), false),
            None => {
                let at = anchor(r, after);
                r.put(at, value.clone(), true)
            }
        },
        Op::Remove { id, .. } => match position(r, id) {
            Some(i) => {
                r.remove_at(i);
                true
            }
            None => false,
        },
        Op::Place { id, new_after, .. } => {
            let Some(from) = position(r, id) else { return false };
            if new_after.as_deref() == Some(id.as_str()) {
                return false;
            }
            // The index after the row is taken out: an anchor beyond it moves down by one.
            let to = match new_after {
                None => 0,
                Some(a) => match position(r, a) {
                    Some(p) if p > from => p,
                    Some(p) => p + 1,
                    None => r.count() - 1,
                },
            };
            r.shift(from, to);
            true
        }
    }
}

/// `base` with the rows of `extra` that it lacks (by key), each after its predecessor in
/// `extra`; where both have a row or a setting, `base` keeps its own. Joining a team's room with
/// "merge" takes the team's workspace plus what only this browser had. One pass per collection,
/// O(n log n): the new rows are grouped under the last row of `base` before them in `extra`.
pub fn union(base: &Workspace, extra: &Workspace) -> Workspace {
    let mut out = base.clone();
    for coll in Coll::ALL.into_iter().skip(1) {
        let (Some(have), Some(add)) = (rows(base, coll), rows(extra, coll)) else { continue };
        let have_keys = keys(have);
        let known = KeySet::new(have_keys.iter().map(String::as_str));
        // New rows of `extra` by the base row they follow (`None`: before all of them).
        let mut after: std::collections::BTreeMap<Option<usize>, Vec<usize>> = Default::default();
        let mut anchor = None;
        for (i, k) in keys(add).iter().enumerate() {
            match known.position(k) {
                Some(at) => anchor = Some(at),
                None => after.entry(anchor).or_default().push(i),
            }
        }
        if after.is_empty() {
            continue;
        }
        let mut values = Vec::with_capacity(have.count() + add.count());
        let group = |at: Option<usize>, values: &mut Vec<Value>| {
            values.extend(after.get(&at).into_iter().flatten().map(|&i| add.value_at(i)));
        };
        group(None, &mut values);
        for at in 0..have.count() {
            values.push(have.value_at(at));
            group(Some(at), &mut values);
        }
        let r = rows_mut(&mut out, coll).expect("not settings");
        while r.count() > 0 {
            r.remove_at(r.count() - 1);
        }
        for v in values {
            let at = r.count();
            r.put(at, v, true);
        }
    }
    out
}

/// The keys of a collection, in order (a repeated key numbered, as in ops).
pub fn keys_of(ws: &Workspace, coll: Coll) -> Vec<String> {
    rows(ws, coll).map(keys).unwrap_or_default()
}

/// Whether row `i` of `coll` is the row `id`.
pub fn row_is(ws: &Workspace, coll: Coll, i: usize, id: &str) -> bool {
    rows(ws, coll).is_some_and(|r| i < r.count() && r.key_is(i, id))
}

/// Where the row `id` of `coll` is, by a scan.
pub fn find_row(ws: &Workspace, coll: Coll, id: &str) -> Option<usize> {
    rows(ws, coll).and_then(|r| position(r, id))
}

/// What happened to an entity elsewhere (another tab, a colleague) while a form was open on it.
#[derive(Debug, Clone, PartialEq)]
pub enum Underneath {
    Same,
    Removed,
    /// The fields that now differ from what the form opened with, with their new values.
    Changed(Vec<(String, Value)>),
}

/// Compares the entity as a form opened it (`original`) with the entity now (`current`).
pub fn underneath(original: &Value, current: Option<&Value>) -> Underneath {
    let Some(current) = current else { return Underneath::Removed };
    let empty = Map::new();
    let (o, c) = (original.as_object().unwrap_or(&empty), current.as_object().unwrap_or(&empty));
    let changed: Vec<(String, Value)> = c
        .iter()
        .filter(|(k, v)| o.get(*k).unwrap_or(&Value::Null) != *v)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if changed.is_empty() {
        Underneath::Same
    } else {
        Underneath::Changed(changed)
    }
}

/// A form's save over what changed elsewhere while it was open: each field the form changed
/// (from `base`, the entity as the form opened it, to `mine`) takes the form's value; every
/// other field keeps `current`'s, so that another person's change to another field survives. A
/// list both sides changed merges part by part (two people's assignees both stay).
pub fn three_way(base: &Value, mine: &Value, current: &Value) -> Value {
    let (Some(b), Some(m), Some(c)) = (base.as_object(), mine.as_object(), current.as_object()) else {
        return mine.clone();
    };
    let mut out = c.clone();
    for (field, mv) in m {
        let bv = b.get(field).unwrap_or(&Value::Null);
        if mv == bv {
            continue;
        }
        let cv = c.get(field).unwrap_or(&Value::Null);
        let v = match (bv, mv, cv) {
            (Value::Array(o), Value::Array(n), Value::Array(t)) if cv != bv => Value::Array(merge_list(o, n, t).0),
            _ => mv.clone(),
        };
        out.insert(field.clone(), v);
    }
    Value::Object(out)
}

/// One entity as a JSON object (the settings as theirs), if it is there.
pub fn entity_value(ws: &Workspace, coll: Coll, id: &str) -> Option<Value> {
    match rows(ws, coll) {
        None => Some(settings(ws)),
        Some(r) => Some(r.value_at(position(r, id)?)),
    }
}

/// The value of one field of one entity, if the entity is there.
pub fn field_value(ws: &Workspace, coll: Coll, id: &str, field: &str) -> Option<Value> {
    let v = match rows(ws, coll) {
        None => settings(ws),
        Some(r) => r.value_at(position(r, id)?),
    };
    v.get(field).cloned()
}

/// The key of an element of a list field, so that lists of keyed parts (a duty's letters, a
/// member's skills, a KPI's values) merge part by part: a plain string is its own key.
pub(super) fn element_key(v: &Value) -> String {
    if let Value::Object(o) = v {
        for k in ["id", "role", "member", "skill", "period"] {
            if let Some(Value::String(s)) = o.get(k) {
                return s.clone();
            }
        }
    }
    super::json::text(v)
}

/// Three-way merge of a list field: `theirs`, plus the parts `old` → `new` changed. Returns the
/// list, and whether a part both sides changed differently was taken from `new`.
fn merge_list(old: &[Value], new: &[Value], theirs: &[Value]) -> (Vec<Value>, bool) {
    let find = |list: &[Value], k: &str| list.iter().find(|v| element_key(v) == k).cloned();
    let mut out: Vec<Value> = theirs.to_vec();
    let mut clash = false;
    let all: Vec<String> = old.iter().chain(new).map(element_key).collect();
    let firsts = super::keys::first_of(&all.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, k) in all.into_iter().enumerate() {
        if firsts[i] != i {
            continue;
        }
        let (o, n) = (find(old, &k), find(new, &k));
        if o == n {
            continue;
        }
        let t = find(theirs, &k);
        if t != o && t != n {
            clash = true;
        }
        match (out.iter().position(|v| element_key(v) == k), n) {
            (Some(i), Some(n)) => out[i] = n,
            (Some(i), None) => {
                out.remove(i);
            }
            (None, Some(n)) => out.push(n),
            (None, None) => {}
        }
    }
    (out, clash)
}

/// Replays `mine` (this side's ops since both sides last agreed) onto `theirs` (the other side's
/// newer workspace). A field both changed: a list merges part by part (two cells of one duty both
/// survive); a plain value takes this side's, the later change. Returns the ops that clashed,
/// so that the user can be told.
pub fn rebase(theirs: &mut Workspace, mine: &[Op]) -> Vec<Op> {
    let mut clashes = Vec::new();
    for op in mine {
        let Op::Set { coll, id, field, old, new } = op else {
            theirs.apply(std::slice::from_ref(op));
            continue;
        };
        let Some(current) = field_value(theirs, *coll, id, field) else { continue };
        let (value, clash) = match (old, new, &current) {
            _ if &current == old => (new.clone(), false),
            _ if &current == new => continue,
            (Value::Array(o), Value::Array(n), Value::Array(t)) => {
                let (list, clash) = merge_list(o, n, t);
                (Value::Array(list), clash)
            }
            _ => (new.clone(), true),
        };
        if clash {
            clashes.push(op.clone());
        }
        let set = Op::Set { coll: *coll, id: id.clone(), field: field.clone(), old: current, new: value };
        theirs.apply(&[set]);
    }
    clashes
}

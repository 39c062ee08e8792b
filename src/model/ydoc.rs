//! The workspace as a Yjs document (through `yrs`), for team sync. The layout merges entity by
//! entity, field by field, and avoids the trap of nested objects that two people create apart
//! (on merge, one side's object would silently win):
//!
//! - each collection is a root map keyed by the entity's id (`members`, `tasks` …); the
//!   workspace's own fields are the root map `settings`;
//! - each entity is a flat map: a scalar field under its name; an object field as one JSON
//!   text under `field{}`; a list field as a marker `field[]` and one key per element,
//!   `field[]` + the element's key, holding `[order, JSON]` (a RACI cell is one key, an
//!   assignee one key);
//! - orders are fractional-index strings (`@` for an entity's place), never list positions.
//!
//! Local changes go in as the ops a command made ([`write_ops`]); the document comes out as a
//! workspace ([`read`]), which the app diffs against the one on screen.

use super::ids::IdGen;
use super::import::restore;
use super::ops::{element_key, keys, numbered, rows, settings, Coll, Op, SETTINGS_ID};
use super::workspace::Workspace;
use serde_json::{Map as JsonMap, Value};
use std::collections::BTreeMap;
use yrs::any::Number;
use yrs::{Any, Doc, Map, MapPrelim, MapRef, Out, ReadTxn, Transact, TransactionMut};

/// The key of an entity's place in its collection.
const ORDER: &str = "@";

/// The root map of a collection.
fn root_name(coll: Coll) -> &'static str {
    coll.decl().doc
}

/// Why a document does not read as a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// An entry of a collection is not an entity, or its fields do not make one.
    Entity { coll: &'static str, id: String },
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Entity { coll, id } => write!(f, "{coll}/{}", id.chars().take(40).collect::<String>()),
        }
    }
}

/// The root maps of a document, one per collection (made once, before any transaction).
pub struct Roots {
    maps: Vec<MapRef>,
}

impl Roots {
    pub fn new(doc: &Doc) -> Self {
        Roots { maps: Coll::ALL.iter().map(|c| doc.get_or_insert_map(root_name(*c))).collect() }
    }

    fn of(&self, coll: Coll) -> &MapRef {
        &self.maps[coll.index()]
    }

    /// Whether the document holds no workspace yet (an empty room).
    pub fn is_empty<T: ReadTxn>(&self, txn: &T) -> bool {
        self.maps.iter().all(|m| m.len(txn) == 0)
    }
}

// ---- Fractional indexes ----------------------------------------------------------------

const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE: u8 = DIGITS.len() as u8;

fn digit(c: u8) -> u8 {
    DIGITS.iter().position(|d| *d == c).unwrap_or(0) as u8
}

/// An order key strictly between `a` and `b` (`""`: the start; `None`: the end). Keys never end
/// on the lowest digit, so that there is always room below one. Where `b` is not above `a` (two
/// people placed things at one spot at once), the key goes after `a`.
///
/// At either end of a list (the common case: a comment, a move, a KPI value added last) the key
/// steps by one at its width and widens only when that width is used up, doubling, so that keys
/// grow with the logarithm of the list's length: a million appends stay within 8 digits.
pub fn between(a: &str, b: Option<&str>) -> String {
    let b = b.filter(|b| *b > a);
    let a: Vec<u8> = a.bytes().map(digit).collect();
    let b: Option<Vec<u8>> = b.map(|b| b.bytes().map(digit).collect());
    let key = match (&a[..], b.as_deref()) {
        ([], None) => vec![BASE / 2],
        (_, None) => after(&a),
        ([], Some(b)) => before(b),
        (a, b) => midpoint(a, b),
    };
    key.into_iter().map(|d| DIGITS[d as usize] as char).collect()
}

/// The next key after `a` at its width (carrying), or `a` widened (see [`widening`]) when every
/// digit is the highest. Never ends on the lowest digit.
fn after(a: &[u8]) -> Vec<u8> {
    let top = BASE - 1;
    match a.iter().rposition(|d| *d < top) {
        Some(i) => {
            let mut out = a.to_vec();
            out[i] += 1;
            out[i + 1..].iter_mut().for_each(|d| *d = 0);
            if let Some(last) = out.last_mut().filter(|d| **d == 0) {
                *last = 1;
            }
            out
        }
        None => {
            let mut out = a.to_vec();
            out.extend(std::iter::repeat_n(0, widening(a) - 1));
            out.push(1);
            out
        }
    }
}

/// How many digits a key widens by: its own width (so that widths double), at most 8 (so that a
/// long key of an earlier version stays readable).
fn widening(key: &[u8]) -> usize {
    key.len().min(8).min(MAX_ORDER_LEN.saturating_sub(key.len())).max(1)
}

/// The key before `b` at its width (borrowing), or widened by its width where that would end on
/// the lowest digit. Above the empty key, and never ends on the lowest digit.
fn before(b: &[u8]) -> Vec<u8> {
    let top = BASE - 1;
    // The last digit that can go down by one without the key ending on the lowest digit.
    let last = b.len().saturating_sub(1);
    match (0..b.len()).rev().find(|&i| b[i] > 1 || (b[i] == 1 && i < last)) {
        Some(i) => {
            let mut out = b.to_vec();
            out[i] -= 1;
            out[i + 1..].iter_mut().for_each(|d| *d = top);
            out
        }
        // `b` is 0…01 (or, not made here, all zeros): 0…00 then as many highest digits.
        _ => {
            let mut out = vec![0; b.len()];
            out.extend(std::iter::repeat_n(top, widening(b)));
            out
        }
    }
}

fn midpoint(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    if let Some(b) = b {
        let n = (0..b.len()).take_while(|&i| a.get(i).copied().unwrap_or(0) == b[i]).count();
        if n > 0 {
            let mut out = b[..n].to_vec();
            out.extend(midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..])));
            return out;
        }
    }
    let da = a.first().copied().unwrap_or(0);
    let db = b.and_then(|b| b.first().copied()).unwrap_or(BASE);
    if db > da + 1 {
        return vec![((u16::from(da) + u16::from(db)) / 2) as u8];
    }
    match b {
        Some(b) if b.len() > 1 => vec![b[0]],
        _ => {
            let mut out = vec![da];
            out.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
            out
        }
    }
}

/// An order key as this app makes them: digits of [`DIGITS`], not too long (a hostile key could
/// otherwise make `between` recurse once per character).
fn valid_order(key: &str) -> bool {
    key.len() <= MAX_ORDER_LEN && key.bytes().all(|c| DIGITS.contains(&c))
}

/// The longest order key read.
const MAX_ORDER_LEN: usize = 256;

// ---- Values ----------------------------------------------------------------------------

fn to_any(v: &Value) -> Any {
    match v {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Any::Number(Number::Int(i)),
            None => Any::Number(Number::Float(n.as_f64().unwrap_or(0.0))),
        },
        Value::String(s) => Any::String(s.as_str().into()),
        other => Any::String(other.to_string().into()),
    }
}

fn from_any(a: &Any) -> Option<Value> {
    Some(match a {
        Any::Null | Any::Undefined => Value::Null,
        Any::Bool(b) => Value::Bool(*b),
        Any::Number(Number::Int(i)) => Value::from(*i),
        Any::Number(Number::Float(f)) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Any::String(s) => Value::String(s.to_string()),
        _ => return None,
    })
}

/// An element of a list field under its key: its order, and its JSON unless the key is that JSON
/// already (a plain value, an assignee, a label, a move), which would store it twice.
fn element(order: &str, key: &str, item: &Value) -> Any {
    let json = serde_json::to_string(item).unwrap_or_default();
    if strip_number(key) == json {
        Any::String(order.into())
    } else {
        Any::Array(vec![Any::String(order.into()), Any::String(json.into())].into())
    }
}

/// An element's order and value, from its stored entry and its key.
fn read_element(a: &Any, key: &str) -> Option<(String, Value)> {
    match a {
        Any::String(order) => Some((order.to_string(), serde_json::from_str(strip_number(key)).ok()?)),
        Any::Array(parts) => match &parts[..] {
            [Any::String(order), Any::String(json)] => Some((order.to_string(), serde_json::from_str(json).ok()?)),
            _ => None,
        },
        _ => None,
    }
}

/// A key without the `#n` that numbers a repeated element (see [`element_keys`]).
fn strip_number(key: &str) -> &str {
    if serde_json::from_str::<serde::de::IgnoredAny>(key).is_ok() {
        return key;
    }
    key.rsplit_once('#').map_or(key, |(k, _)| k)
}

/// The keys of a list's elements, a repeated one numbered as rows are.
fn element_keys(items: &[Value]) -> Vec<String> {
    numbered(items.iter().map(element_key).collect())
}

// ---- Writing ---------------------------------------------------------------------------

/// Writes the fields of one entity into its flat map, changing only the keys that differ.
fn write_fields(txn: &mut TransactionMut, map: &MapRef, value: &Value) {
    let empty = JsonMap::new();
    let obj = value.as_object().unwrap_or(&empty);
    let existing: BTreeMap<String, Any> = map
        .iter(txn)
        .filter_map(|(k, v)| match v {
            Out::Any(a) => Some((k.to_string(), a)),
            _ => None,
        })
        .collect();
    let mut want: BTreeMap<String, Any> = BTreeMap::new();
    for (field, v) in obj {
        match v {
            Value::Object(_) => {
                want.insert(format!("{field}{{}}"), Any::String(super::json::text(v).into()));
            }
            Value::Array(items) => {
                want.insert(format!("{field}[]"), Any::Bool(true));
                let ks = element_keys(items);
                let olds: Vec<Option<String>> = ks
                    .iter()
                    .map(|k| existing.get(&format!("{field}[]{k}")).and_then(|a| read_element(a, k)).map(|(o, _)| o))
                    .collect();
                let mut prev = String::new();
                for (i, (k, item)) in ks.iter().zip(items).enumerate() {
                    // An element keeps its order key while that stays in order.
                    let order = match &olds[i] {
                        Some(o) if *o > prev => o.clone(),
                        _ => between(&prev, olds.get(i + 1).and_then(|o| o.as_deref())),
                    };
                    want.insert(format!("{field}[]{k}"), element(&order, k, item));
                    prev = order;
                }
            }
            _ => {
                want.insert(field.clone(), to_any(v));
            }
        }
    }
    for k in existing.keys() {
        if k != ORDER && !want.contains_key(k) {
            map.remove(txn, k);
        }
    }
    for (k, a) in want {
        if existing.get(&k) != Some(&a) {
            map.insert(txn, k, a);
        }
    }
}

/// The order key of entity `id` of `coll`, if it is in the document.
fn order_of<T: ReadTxn>(txn: &T, root: &MapRef, id: &str) -> Option<String> {
    match root.get(txn, id)? {
        Out::YMap(m) => match m.get(txn, ORDER)? {
            Out::Any(Any::String(s)) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Writes what `ops` changed (as `ws` now is) into the document, collection by collection: each
/// touched entity's fields (or its removal), then the order keys of those added or moved.
pub fn write_ops(txn: &mut TransactionMut, roots: &Roots, ws: &Workspace, ops: &[Op]) {
    // Per collection: the touched ids, and whether each was added or moved.
    let mut touched: BTreeMap<usize, BTreeMap<&str, bool>> = BTreeMap::new();
    // Private collections (check-ins) never leave this browser.
    for op in ops.iter().filter(|op| !op.coll().is_private()) {
        let place = matches!(op, Op::Insert { .. } | Op::Place { .. });
        *touched.entry(op.coll().index()).or_default().entry(op.id()).or_insert(false) |= place;
    }
    for (c, ids) in touched {
        let coll = Coll::ALL[c];
        let root = roots.of(coll);
        let Some(r) = rows(ws, coll) else {
            write_fields(txn, root, &settings(ws));
            continue;
        };
        // The keys once per collection, and each touched one's place: O(n log n) for a bulk change.
        let ks = keys(r);
        let at: BTreeMap<&str, usize> = ks.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let mut to_place: Vec<usize> = Vec::new();
        for (id, place) in ids {
            let Some(&i) = at.get(id) else {
                root.remove(txn, id);
                continue;
            };
            let map = match root.get(txn, id) {
                Some(Out::YMap(m)) => m,
                _ => root.insert(txn, id, MapPrelim::default()),
            };
            write_fields(txn, &map, &r.value_at(i));
            if place || !matches!(map.get(txn, ORDER), Some(Out::Any(Any::String(_)))) {
                to_place.push(i);
            }
        }
        match to_place[..] {
            [] => {}
            // One entity: between its neighbours, whose keys stand.
            [i] => {
                let prev = i.checked_sub(1).and_then(|p| order_of(txn, root, &ks[p])).unwrap_or_default();
                let next = ks.get(i + 1).and_then(|k| order_of(txn, root, k));
                set_order(txn, root, &ks[i], &between(&prev, next.as_deref()));
            }
            // Several: one pass in the workspace's order, so that each key is made between
            // neighbours already in place (an entity out of order is placed again too).
            _ => {
                let mut placing = vec![false; ks.len()];
                to_place.iter().for_each(|i| placing[*i] = true);
                let orders: Vec<Option<String>> =
                    ks.iter().zip(&placing).map(|(k, p)| if *p { None } else { order_of(txn, root, k) }).collect();
                // The next standing key after each position.
                let mut next_standing: Vec<Option<usize>> = vec![None; ks.len()];
                let mut seen = None;
                for i in (0..ks.len()).rev() {
                    next_standing[i] = seen;
                    if orders[i].is_some() {
                        seen = Some(i);
                    }
                }
                let mut prev = String::new();
                for i in 0..ks.len() {
                    match &orders[i] {
                        Some(o) if *o > prev => prev = o.clone(),
                        _ => {
                            let next = next_standing[i].and_then(|j| orders[j].as_deref());
                            prev = between(&prev, next);
                            set_order(txn, root, &ks[i], &prev);
                        }
                    }
                }
            }
        }
    }
}

fn set_order(txn: &mut TransactionMut, root: &MapRef, id: &str, order: &str) {
    if let Some(Out::YMap(m)) = root.get(txn, id) {
        m.insert(txn, ORDER, Any::String(order.into()));
    }
}

/// `n` order keys, evenly spaced and of one width, so that a long list does not grow its keys.
fn spaced(n: usize) -> Vec<String> {
    let base = u128::from(BASE);
    let mut width = 1;
    while base.pow(width) < (n as u128 + 2) * 4 {
        width += 1;
    }
    let step = base.pow(width) / (n as u128 + 1);
    (1..=n as u128)
        .map(|i| {
            let mut v = i * step;
            // Never end on the lowest digit (see `between`).
            if v.is_multiple_of(base) {
                v += 1;
            }
            let mut digits = vec![0u8; width as usize];
            for d in digits.iter_mut().rev() {
                *d = DIGITS[(v % base) as usize];
                v /= base;
            }
            String::from_utf8(digits).unwrap_or_default()
        })
        .collect()
}

/// Writes a whole workspace into an empty document (the first person in a room publishes).
pub fn write_all(txn: &mut TransactionMut, roots: &Roots, ws: &Workspace) {
    write_fields(txn, roots.of(Coll::Settings), &settings(ws));
    for coll in Coll::ALL.into_iter().skip(1).filter(|c| !c.is_private()) {
        let Some(r) = rows(ws, coll) else { continue };
        let root = roots.of(coll);
        let ks = keys(r);
        for (i, (id, order)) in ks.iter().zip(spaced(ks.len())).enumerate() {
            let map = match root.get(txn, id) {
                Some(Out::YMap(m)) => m,
                _ => root.insert(txn, id.as_str(), MapPrelim::default()),
            };
            write_fields(txn, &map, &r.value_at(i));
            map.insert(txn, ORDER, Any::String(order.into()));
        }
    }
}

// ---- Reading ---------------------------------------------------------------------------

/// The fields of one flat map as a JSON object, and its order key.
fn read_fields<T: ReadTxn>(txn: &T, map: &MapRef) -> Option<(Value, String)> {
    let mut obj = JsonMap::new();
    let mut order = String::new();
    let mut lists: BTreeMap<String, Vec<(String, String, Value)>> = BTreeMap::new();
    for (k, v) in map.iter(txn) {
        let Out::Any(a) = v else { return None };
        if k == ORDER {
            order = match a {
                Any::String(s) if valid_order(&s) => s.to_string(),
                _ => return None,
            };
        } else if let Some(field) = k.strip_suffix("{}") {
            let Any::String(json) = a else { return None };
            obj.insert(field.to_owned(), serde_json::from_str(&json).ok()?);
        } else if let Some(field) = k.strip_suffix("[]") {
            lists.entry(field.to_owned()).or_default();
        } else if let Some((field, ekey)) = k.split_once("[]") {
            let (o, item) = read_element(&a, ekey)?;
            if !valid_order(&o) {
                return None;
            }
            lists.entry(field.to_owned()).or_default().push((o, ekey.to_owned(), item));
        } else {
            obj.insert(k.to_owned(), from_any(&a)?);
        }
    }
    for (field, mut items) in lists {
        items.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        obj.insert(field, Value::Array(items.into_iter().map(|(_, _, v)| v).collect()));
    }
    Some((Value::Object(obj), order))
}

/// The workspace a document holds. Entities are ordered by their order keys (ties by id);
/// references left dangling by two people's changes at once (a task assigned to someone another
/// person removed) are repaired the same way on every side.
pub fn read<T: ReadTxn>(txn: &T, roots: &Roots) -> Result<Workspace, DocError> {
    let (s, _) = read_fields(txn, roots.of(Coll::Settings))
        .ok_or(DocError::Entity { coll: root_name(Coll::Settings), id: SETTINGS_ID.into() })?;
    // The workspace as a file holds it: its own fields, with the standards in its board.
    let mut tree = JsonMap::new();
    let mut board = JsonMap::new();
    if let Value::Object(fields) = &s {
        for (k, v) in fields {
            if k == "standards" {
                board.insert(k.clone(), v.clone());
            } else {
                tree.insert(k.clone(), v.clone());
            }
        }
    }
    for coll in Coll::ALL.into_iter().skip(1).filter(|c| !c.is_private()) {
        let bad = |id: &str| DocError::Entity { coll: root_name(coll), id: id.to_owned() };
        let mut found: Vec<(String, String, Value)> = Vec::new();
        for (id, v) in roots.of(coll).iter(txn) {
            let Out::YMap(m) = v else { return Err(bad(id)) };
            let (mut value, order) = read_fields(txn, &m).ok_or_else(|| bad(id))?;
            if let Some(obj) = value.as_object_mut().filter(|o| o.contains_key("id")) {
                obj.insert("id".into(), Value::String(id.to_owned()));
            }
            found.push((order, id.to_owned(), value));
        }
        found.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        let list = Value::Array(found.into_iter().map(|(_, _, v)| v).collect());
        match coll.decl().file {
            [key] => tree.insert((*key).to_owned(), list),
            [_, key] => board.insert((*key).to_owned(), list),
            _ => None,
        };
    }
    tree.insert("board".into(), Value::Object(board));
    // A room written by version 4 keeps its rhythm lines in the settings: they become the same
    // meetings on every side, as a file's do on import.
    let no_meetings = tree.get("meetings").and_then(Value::as_array).is_none_or(Vec::is_empty);
    if let (true, Some(Value::Array(lines))) = (no_meetings, s.get("rhythm")) {
        tree.insert("meetings".into(), Value::Array(super::schema::rhythm_meetings(lines)));
    }
    // Repaired the same way on every side: the same rules, and the same seed for any id made.
    let refused = DocError::Entity { coll: root_name(Coll::Settings), id: SETTINGS_ID.into() };
    match restore(Value::Object(tree), &mut IdGen::new(0)) {
        // What does not read at all is refused whole: a team's document is never half read.
        Ok((_, repairs)) if repairs.unreadable => Err(refused),
        Ok((ws, _)) => Ok(ws),
        Err(_) => Err(refused),
    }
}

/// A document holding `ws` (for tests and for merging files).
pub fn doc_of(ws: &Workspace) -> (Doc, Roots) {
    let doc = Doc::new();
    let roots = Roots::new(&doc);
    {
        let mut txn = doc.transact_mut();
        write_all(&mut txn, &roots, ws);
    }
    (doc, roots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::Cmd;
    use crate::model::ops::Touch;
    use crate::model::template::service_team;
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;
    use yrs::updates::decoder::Decode;
    use yrs::{StateVector, Update};

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn team() -> Workspace {
        service_team(&mut IdGen::new(7), now())
    }

    fn read_doc(doc: &Doc, roots: &Roots) -> Workspace {
        read(&doc.transact(), roots).expect("reads")
    }

    /// Brings `to` up to date with `from`.
    fn exchange(from: &Doc, to: &Doc) {
        let sv = to.transact().state_vector();
        let update = from.transact().encode_state_as_update_v1(&sv);
        to.transact_mut().apply_update(Update::decode_v1(&update).unwrap()).unwrap();
    }

    #[test]
    fn order_keys_fall_strictly_between() {
        let mut keys = vec![between("", None)];
        // Insert at the front, the back and in the middle, many times over.
        for i in 0..300 {
            let at = i % 3;
            let k = match at {
                0 => between("", Some(&keys[0])),
                1 => between(keys.last().unwrap(), None),
                _ => {
                    let m = keys.len() / 2;
                    between(&keys[m - 1], Some(&keys[m]))
                }
            };
            let pos = keys.partition_point(|x| *x < k);
            assert!(pos == keys.len() || keys[pos] != k, "{k} is new");
            keys.insert(pos, k);
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert!(keys.iter().all(|k| !k.ends_with('0')));
        // Equal neighbours (two people at one spot): the key goes after.
        assert!(between("V", Some("V")).as_str() > "V");
    }

    #[test]
    fn keys_at_either_end_grow_with_the_logarithm_of_the_list() {
        // A task moved 100,000 times, a KPI with 100,000 values: each key added last.
        let mut last = between("", None);
        for _ in 0..100_000 {
            let next = between(&last, None);
            assert!(next > last && !next.ends_with('0'), "{last} then {next}");
            last = next;
        }
        assert!(last.len() <= 8, "{last}");
        // And added first, just as often.
        let mut first = between("", None);
        for _ in 0..100_000 {
            let next = between("", Some(&first));
            assert!(!next.is_empty() && next < first && !next.ends_with('0'), "{next} before {first}");
            first = next;
        }
        assert!(first.len() <= 8, "{first}");
        // Keys made by earlier versions (grown one digit per few appends) still go on.
        let old = "z".repeat(200);
        assert!(between(&old, None) > old);
        assert!(valid_order(&between(&old, None)));
    }

    #[test]
    fn a_workspace_round_trips_through_the_document() {
        let ws = team();
        let (doc, roots) = doc_of(&ws);
        assert_eq!(read_doc(&doc, &roots), ws);
        // An empty document is an empty room.
        let empty = Doc::new();
        let r = Roots::new(&empty);
        assert!(r.is_empty(&empty.transact()));
        assert!(!roots.is_empty(&doc.transact()));
    }

    #[test]
    fn a_raci_cell_is_one_key_and_an_assignee_another() {
        let ws = team();
        let (doc, roots) = doc_of(&ws);
        let duty = &ws.duties[0];
        let txn = doc.transact();
        let Some(Out::YMap(m)) = roots.of(Coll::Duties).get(&txn, &duty.id.0) else { panic!() };
        let cell = format!("roles[]{}", duty.roles[0].role.0);
        assert!(m.get(&txn, &cell).is_some(), "{cell}");
        assert!(matches!(m.get(&txn, "title"), Some(Out::Any(Any::String(_)))));
        // An assignee is its own key, and its entry holds only its order (not its JSON again).
        let task = ws.board.tasks.iter().find(|t| !t.assignees.is_empty()).expect("an assigned task");
        let Some(Out::YMap(t)) = roots.of(Coll::Tasks).get(&txn, &task.id.0) else { panic!() };
        let key = format!("assignees[]\"{}\"", task.assignees[0].0);
        assert!(matches!(t.get(&txn, &key), Some(Out::Any(Any::String(_)))), "{key}");
    }

    #[test]
    fn repeated_plain_elements_round_trip() {
        let mut ws = team();
        ws.goals = vec!["a#2".into(), "a".into(), "a".into(), "a#2".into(), "".into()];
        let (doc, roots) = doc_of(&ws);
        assert_eq!(read_doc(&doc, &roots).goals, ws.goals);
    }

    #[test]
    fn commands_written_as_ops_keep_the_document_equal_to_the_workspace() {
        let mut ws = team();
        let (doc, roots) = doc_of(&ws);
        let mut ids = IdGen::new(3);
        let task = ws.board.tasks[0].id.clone();
        let last = ws.board.columns.last().unwrap().id.clone();
        let member = ws.members[1].id.clone();
        let batches = [
            Cmd::new(&mut ws, &mut ids, now()).move_task(&task, &last, Some(0)).unwrap(),
            Cmd::new(&mut ws, &mut ids, now()).remove_member(&member).unwrap(),
            Cmd::new(&mut ws, &mut ids, now()).set_name("Night shift".into()).unwrap(),
        ];
        for ops in batches {
            let mut txn = doc.transact_mut();
            write_ops(&mut txn, &roots, &ws, &ops);
        }
        assert_eq!(read_doc(&doc, &roots), ws);
    }

    #[test]
    fn a_task_moved_two_thousand_times_stays_in_the_document() {
        // Past the 1,530 moves at which earlier versions' order keys outgrew what a document
        // may hold, and the whole room stopped syncing: each move's key is made after the last.
        let mut ws = team();
        let task = ws.board.tasks[0].id.clone();
        let cols: Vec<_> = ws.board.columns.iter().map(|c| c.id.clone()).take(2).collect();
        let t = ws.board.tasks.iter_mut().find(|t| t.id == task).unwrap();
        let first = t.history[0].clone();
        t.history =
            (0..2_000).map(|i| crate::model::board::Move { to: cols[i % 2].clone(), ..first.clone() }).collect();
        let (doc, roots) = doc_of(&ws);
        // And a few more moves by command, written as their ops.
        let mut ids = IdGen::new(3);
        for i in 0..5 {
            let ops = Cmd::new(&mut ws, &mut ids, now()).move_task(&task, &cols[i % 2], Some(0)).unwrap();
            write_ops(&mut doc.transact_mut(), &roots, &ws, &ops);
        }
        assert!(ws.board.tasks.iter().any(|t| t.history.len() >= 2_004));
        assert_eq!(read_doc(&doc, &roots), ws);
    }

    #[test]
    fn rows_added_together_keep_their_order() {
        // Three columns added in one change, in an order unlike their ids' (as an import does).
        let mut ws = team();
        let (doc, roots) = doc_of(&ws);
        let ops = ws
            .change(&[Touch::All(Coll::Columns)], |w| {
                let mut c = w.board.columns[0].clone();
                for id in ["col_a", "col_c", "col_b"] {
                    c.id = crate::model::ids::ColumnId(id.into());
                    c.name = id.into();
                    w.board.columns.push(c.clone());
                }
                Ok::<_, crate::model::ModelError>(())
            })
            .unwrap()
            .1;
        write_ops(&mut doc.transact_mut(), &roots, &ws, &ops);
        assert_eq!(read_doc(&doc, &roots), ws);
        // And a whole list's keys keep one width.
        let keys = spaced(5000);
        assert!(keys.windows(2).all(|w| w[0] < w[1] && w[0].len() == w[1].len()));
        assert!(keys.iter().all(|k| !k.ends_with('0')));
    }

    // A room written by version 4 still has its rhythm lines: they read as version 5's meetings,
    // the same on every side, so an upgraded browser never removes them from the team.
    #[test]
    fn a_version_4_room_reads_its_rhythm_lines_as_meetings() {
        let (doc, roots) = doc_of(&Workspace { name: "Desk".into(), ..Workspace::default() });
        {
            // Version 4 wrote a list of plain text one key per line: `rhythm[]"line"` → its order.
            let mut txn = doc.transact_mut();
            let settings = roots.of(Coll::Settings);
            let orders = spaced(2);
            for (line, order) in ["Daily stand-up, 15 minutes", "Weekly review"].iter().zip(&orders) {
                let key = format!("rhythm[]{}", Value::String((*line).into()));
                settings.insert(&mut txn, key, Any::String(order.as_str().into()));
            }
        }
        let ws = read(&doc.transact(), &roots).unwrap();
        let names: Vec<&str> = ws.meetings.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Daily stand-up, 15 minutes", "Weekly review"]);
        assert_eq!(ws.meetings[0].id.0, "mtg_rhythm_1");
    }

    #[test]
    fn a_hostile_document_is_refused_whole() {
        let (doc, roots) = doc_of(&team());
        {
            let mut txn = doc.transact_mut();
            roots.of(Coll::Tasks).insert(&mut txn, "bad", Any::Number(Number::Int(3)));
        }
        assert!(matches!(read(&doc.transact(), &roots), Err(DocError::Entity { coll: "tasks", .. })));
        let (doc, roots) = doc_of(&team());
        {
            let mut txn = doc.transact_mut();
            let Some(Out::YMap(m)) = roots.of(Coll::Members).iter(&txn).next().map(|(_, v)| v) else { panic!() };
            m.insert(&mut txn, "capacity_hours", "lots");
        }
        assert!(read(&doc.transact(), &roots).is_err());
        // An order key this app would never make (it could make `between` recurse deeply).
        let (doc, roots) = doc_of(&team());
        {
            let mut txn = doc.transact_mut();
            let Some(Out::YMap(m)) = roots.of(Coll::Tasks).iter(&txn).next().map(|(_, v)| v) else { panic!() };
            m.insert(&mut txn, ORDER, "z".repeat(100_000));
        }
        assert!(read(&doc.transact(), &roots).is_err());
        // Bytes that are no update at all are refused before anything applies.
        assert!(Update::decode_v1(&[0xff, 0xff, 0xff]).is_err());
    }

    /// A random change, by a person, to a workspace.
    #[derive(Debug, Clone)]
    enum Edit {
        Rename(usize, String),
        Move(usize, usize, usize),
        AddTask(usize, String),
        RemoveTask(usize),
        Letter(usize, usize, u8),
        TeamName(String),
        /// Several rows moved in one change (a reorder, an import, an undo of many).
        Rotate(usize),
        /// Several rows added in one change, at the front, the middle and the end.
        Bulk(String),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (0..40usize, "[a-z]{1,6}").prop_map(|(i, s)| Edit::Rename(i, s)),
            (0..40usize, 0..8usize, 0..10usize).prop_map(|(i, c, at)| Edit::Move(i, c, at)),
            (0..8usize, "[a-z]{1,6}").prop_map(|(c, s)| Edit::AddTask(c, s)),
            (0..40usize).prop_map(Edit::RemoveTask),
            (0..30usize, 0..10usize, 0..5u8).prop_map(|(d, r, l)| Edit::Letter(d, r, l)),
            "[a-z]{1,6}".prop_map(Edit::TeamName),
            (1..9usize).prop_map(Edit::Rotate),
            "[a-z]{1,4}".prop_map(Edit::Bulk),
        ]
    }

    fn run(ws: &mut Workspace, ids: &mut IdGen, e: &Edit) -> Vec<Op> {
        use crate::model::board::Task;
        use crate::model::raci::Raci;
        let mut c = Cmd::new(ws, ids, now());
        let tasks: Vec<_> = c.ws().board.tasks.iter().map(|t| t.id.clone()).collect();
        let cols: Vec<_> = c.ws().board.columns.iter().map(|t| t.id.clone()).collect();
        let got = match e {
            Edit::Rename(i, s) if !tasks.is_empty() => {
                let mut t = c.ws().board.tasks[i % tasks.len()].clone();
                t.title = s.clone();
                c.save_task(t).ok()
            }
            Edit::Move(i, col, at) if !tasks.is_empty() && !cols.is_empty() => {
                c.move_task(&tasks[i % tasks.len()], &cols[col % cols.len()], Some(*at)).ok()
            }
            Edit::AddTask(col, s) if !cols.is_empty() => {
                let id = crate::model::ids::TaskId::generate(c.ids());
                let t = Task { id, title: s.clone(), column: cols[col % cols.len()].clone(), ..Task::default() };
                c.save_task(t).ok()
            }
            Edit::RemoveTask(i) if !tasks.is_empty() => c.remove_task(&tasks[i % tasks.len()]).ok(),
            Edit::Letter(d, r, l) if !c.ws().duties.is_empty() && !c.ws().roles.is_empty() => {
                let duty = c.ws().duties[d % c.ws().duties.len()].id.clone();
                let role = c.ws().roles[r % c.ws().roles.len()].id.clone();
                let letter = [None, Some(Raci::R), Some(Raci::A), Some(Raci::C), Some(Raci::I)][*l as usize];
                c.set_role_letter(&duty, &role, letter).ok()
            }
            Edit::TeamName(s) => c.set_name(s.clone()).ok(),
            Edit::Rotate(k) if !tasks.is_empty() => c
                .ws_mut()
                .change(&[Touch::All(Coll::Tasks)], |w| {
                    let k = *k % w.board.tasks.len();
                    w.board.tasks.rotate_left(k);
                    Ok::<_, crate::model::ModelError>(())
                })
                .ok()
                .map(|(_, ops)| ops),
            Edit::Bulk(s) if !cols.is_empty() => {
                let made: Vec<Task> = (0..3)
                    .map(|i| Task {
                        id: crate::model::ids::TaskId::generate(c.ids()),
                        title: format!("{s}{i}"),
                        column: cols[0].clone(),
                        ..Task::default()
                    })
                    .collect();
                c.ws_mut()
                    .change(&[Touch::All(Coll::Tasks)], |w| {
                        let n = w.board.tasks.len();
                        w.board.tasks.push(made[2].clone());
                        w.board.tasks.insert(n / 2, made[1].clone());
                        w.board.tasks.insert(0, made[0].clone());
                        Ok::<_, crate::model::ModelError>(())
                    })
                    .ok()
                    .map(|(_, ops)| ops)
            }
            _ => None,
        };
        got.unwrap_or_default()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
        /// Two people edit one room at once, and their updates cross in any order: both end on
        /// the same workspace, and each document reads as the workspace its person sees.
        #[test]
        fn concurrent_edits_converge(
            mine in prop::collection::vec(edit(), 1..12),
            theirs in prop::collection::vec(edit(), 1..12),
            split in 0..12usize,
        ) {
            let start = team();
            let (a, ra) = doc_of(&start);
            let b = Doc::new();
            let rb = Roots::new(&b);
            exchange(&a, &b);
            let (mut wa, mut wb) = (read_doc(&a, &ra), read_doc(&b, &rb));
            prop_assert_eq!(&wa, &start);
            let (mut ia, mut ib) = (IdGen::new(1), IdGen::new(2));
            // Some of one side's updates arrive part way through the other side's edits.
            for (n, e) in mine.iter().enumerate() {
                let ops = run(&mut wa, &mut ia, e);
                write_ops(&mut a.transact_mut(), &ra, &wa, &ops);
                if n == split {
                    exchange(&a, &b);
                    wb = read_doc(&b, &rb);
                }
            }
            for e in &theirs {
                let ops = run(&mut wb, &mut ib, e);
                write_ops(&mut b.transact_mut(), &rb, &wb, &ops);
                prop_assert_eq!(&read_doc(&b, &rb), &wb);
            }
            prop_assert_eq!(&read_doc(&a, &ra), &wa);
            exchange(&b, &a);
            exchange(&a, &b);
            wa = read_doc(&a, &ra);
            prop_assert_eq!(&wa, &read_doc(&b, &rb));
            // Nothing is left over: a second exchange changes nothing.
            let sv = a.transact().state_vector();
            prop_assert_eq!(sv, b.transact().state_vector());
            let _ = StateVector::default();
        }
    }
}

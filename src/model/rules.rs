//! The declaration (`decl.rs`) applied to entities as JSON values, written once for every
//! collection: the check a command's change must pass, the repair a file gets on import, and
//! the references taken out when something is removed. Working on values keeps one copy of
//! each in the wasm, whatever the number of entity types.

use super::dates::{clamp_day, clamp_instant, iso_day, parse_instant, parse_written_day};
use super::decl::{Coll, Field, Gone, Kind, ModelError, Need, Rule, COLLECTIONS, MAX_ID_BYTES};
use super::ids::IdGen;
use super::keys::{first_of, repeats, KeySet};
use serde_json::{Map, Value};

// ── Paths ───────────────────────────────────────────────────────────────────────────────────
//
// A path is walked as it is read, a part at a time (`skills[]`, then `level`): no allocation,
// whatever the number of entities.

/// The first part of a path: its key, whether it goes into each entry of a list, and the rest.
fn step(path: &str) -> (&str, bool, &str) {
    let (part, rest) = path.split_once('.').unwrap_or((path, ""));
    match part.strip_suffix("[]") {
        Some(key) => (key, true, rest),
        None => (part, false, rest),
    }
}

/// Calls `f` with each value at `path` in `v`, and whether it is inside a list. Absent keys give
/// nothing; with `absent`, a last key an object lacks (or an entry of a list that is no object
/// where one should be) gives `null`.
fn visit<'v>(v: &'v Value, path: &str, absent: bool, f: &mut dyn FnMut(&'v Value, bool)) {
    fn walk<'v>(v: &'v Value, path: &str, listed: bool, absent: bool, f: &mut dyn FnMut(&'v Value, bool)) {
        if path.is_empty() {
            return f(v, listed);
        }
        let (key, each, rest) = step(path);
        let Some(obj) = v.as_object() else {
            if absent && listed {
                f(&Value::Null, listed);
            }
            return;
        };
        let Some(child) = obj.get(key) else {
            if absent && !each && rest.is_empty() {
                f(&Value::Null, listed);
            }
            return;
        };
        if !each {
            return walk(child, rest, listed, absent, f);
        }
        for e in child.as_array().into_iter().flatten() {
            walk(e, rest, true, absent, f);
        }
    }
    walk(v, path, false, absent, f)
}

/// What to do with a value a walk visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Keep,
    /// Take the entry of the nearest list out (the value, or the object holding it).
    Entry,
    /// Drop the whole entity.
    Row,
}

/// Visits the values at `path`; `f` gets each with whether it is inside a list, and says what to
/// do. With `absent`, a last key an object lacks is visited too, as `null` put in its place, and
/// an entry of a list that should be an object but is not is taken out. Returns [`Act::Row`]
/// when any visit asked for it.
fn edit_leaves(v: &mut Value, path: &str, absent: bool, f: &mut dyn FnMut(&mut Value, bool) -> Act) -> Act {
    fn walk(v: &mut Value, path: &str, listed: bool, absent: bool, f: &mut dyn FnMut(&mut Value, bool) -> Act) -> Act {
        if path.is_empty() {
            return f(v, listed);
        }
        let (key, each, rest) = step(path);
        let Some(obj) = v.as_object_mut() else {
            if absent && listed {
                // An entry that should hold the field but is no object: seen as naming nothing.
                f(&mut Value::Null, listed);
                return Act::Entry;
            }
            return Act::Keep;
        };
        if absent && !each && rest.is_empty() && !obj.contains_key(key) {
            obj.insert(key.to_owned(), Value::Null);
        }
        let Some(child) = obj.get_mut(key) else { return Act::Keep };
        if !each {
            return walk(child, rest, listed, absent, f);
        }
        let Some(list) = child.as_array_mut() else { return Act::Keep };
        let mut row = false;
        list.retain_mut(|e| match walk(e, rest, true, absent, f) {
            Act::Keep => true,
            Act::Entry => false,
            Act::Row => {
                row = true;
                true
            }
        });
        if row {
            Act::Row
        } else {
            Act::Keep
        }
    }
    match walk(v, path, false, absent, f) {
        Act::Row => Act::Row,
        _ => Act::Keep,
    }
}

/// The top-level key a path starts with.
fn top(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or(path)
}

// ── Names ───────────────────────────────────────────────────────────────────────────────────

/// The form of a name that uniqueness is judged on: trimmed, case folded.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `text`, cut to 80 characters for a message.
pub fn shortened(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A number as people read it in a message (no `.0` on whole numbers).
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

// ── Checking a change ───────────────────────────────────────────────────────────────────────

/// What a check needs to know of the rest of the workspace.
pub trait Look {
    /// Whether `coll` holds an entity with id `id`.
    fn has(&self, coll: Coll, id: &str) -> bool;
    /// Whether an entity of `coll` other than `id` has `field` with the name key `key`.
    fn name_taken(&self, coll: Coll, field: &str, key: &str, id: &str) -> bool;
}

/// Checks one entity of `coll` (as a value) against its declaration: every field, or with
/// `changed`, the fields named there (by their top-level key). The first rule broken is the
/// error.
pub fn check_row(coll: Coll, row: &Value, changed: Option<&[&str]>, look: &dyn Look) -> Result<(), ModelError> {
    let decl = coll.decl();
    let id = row.get("id").and_then(Value::as_str).unwrap_or("");
    for field in decl.fields {
        if changed.is_some_and(|c| !c.contains(&top(field.path))) {
            continue;
        }
        check_field(coll, field, row, id, look)?;
    }
    Ok(())
}

fn check_field(coll: Coll, field: &Field, row: &Value, id: &str, look: &dyn Look) -> Result<(), ModelError> {
    let kind = coll.decl().kind;
    let mut err: Option<ModelError> = None;
    let mut named: Vec<&str> = Vec::new();
    // A reference that must be there is visited where it is missing too (as null), as the
    // repair sees it.
    let required = matches!(field.rule, Rule::Ref { optional: false, gone, .. } if gone != Gone::Keep);
    visit(row, field.path, required, &mut |v, listed| {
        if err.is_some() {
            return;
        }
        err = match field.rule {
            Rule::Id | Rule::Ref { gone: Gone::Keep, .. } => None,
            Rule::Text { max, .. } => v.as_str().filter(|s| too_long(s, max)).map(|_| ModelError::TooLong { max }),
            Rule::Int { .. } | Rule::Num { .. } | Rule::Day | Rule::Instant => {
                (!value_ok(field.rule, v, listed)).then(|| match field.rule {
                    Rule::Int { min, max } => range_error(field.path, min as f64, max as f64),
                    Rule::Num { min, max, .. } => range_error(field.path, min, max),
                    _ => ModelError::DateOutOfRange,
                })
            }
            Rule::Ref { to, .. } if !v.is_null() => {
                let r = v.as_str().unwrap_or("");
                if listed {
                    named.push(r);
                }
                (!look.has(to, r)).then(|| ModelError::UnknownReference { kind: to.decl().kind, id: r.to_owned() })
            }
            Rule::Ref { to, .. } if required => {
                Some(ModelError::UnknownReference { kind: to.decl().kind, id: String::new() })
            }
            Rule::Ref { .. } => None,
        };
    });
    if let Some(e) = err {
        return Err(e);
    }
    match field.rule {
        Rule::Id => {
            let ok =
                row.get("id").and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty() && s.len() <= MAX_ID_BYTES);
            if !ok {
                return Err(ModelError::DuplicateId { kind, id: id.to_owned() });
            }
        }
        Rule::Text { need, .. } => {
            let text = row.get(field.path).and_then(Value::as_str).unwrap_or("");
            let empty = text.trim().is_empty();
            match need {
                Need::Any => {}
                Need::Some | Need::Unique if empty => return Err(ModelError::EmptyName { kind }),
                Need::Unless(other) if empty && row.get(other).is_none_or(Value::is_null) => {
                    return Err(ModelError::EmptyName { kind })
                }
                _ => {}
            }
            if need == Need::Unique && look.name_taken(coll, field.path, &name_key(text), id) {
                return Err(ModelError::DuplicateName { kind, name: text.trim().to_owned() });
            }
        }
        Rule::Ref { to, .. } if named.len() > 1 => {
            if let Some(i) = repeats(&named).iter().position(|r| *r) {
                return Err(ModelError::DuplicateEntry { kind: to.decl().kind, id: named[i].to_owned() });
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `s` has more than `max` characters (its bytes say so first, without counting).
fn too_long(s: &str, max: usize) -> bool {
    s.len() > max && chars(s) > max
}

/// Whether a number or date keeps its rule, as a command must leave it.
fn value_ok(rule: Rule, v: &Value, listed: bool) -> bool {
    match rule {
        Rule::Int { min, max } => (v.is_null() && !listed) || v.as_i64().is_some_and(|n| (min..=max).contains(&n)),
        Rule::Num { min, max, optional } => {
            (optional && v.is_null()) || v.as_f64().is_some_and(|n| n.is_finite() && (min..=max).contains(&n))
        }
        Rule::Day | Rule::Instant => v.is_null() || date_in_range(v, rule),
        _ => true,
    }
}

/// Whether a value needs no repair: it keeps its rule, or is of a shape only the typed reader
/// can judge (a date that does not read is its to default).
fn repaired_already(rule: Rule, v: &Value, listed: bool) -> bool {
    match rule {
        Rule::Text { max, .. } => v.as_str().is_some_and(|s| !too_long(s, max)),
        Rule::Day | Rule::Instant => {
            v.as_str().is_none_or(|s| {
                if rule == Rule::Day {
                    parse_written_day(s).is_none()
                } else {
                    parse_instant(s).is_none()
                }
            }) || date_in_range(v, rule)
        }
        _ => value_ok(rule, v, listed),
    }
}

fn range_error(field: &'static str, min: f64, max: f64) -> ModelError {
    ModelError::NotBetween { field, min: number_text(min), max: number_text(max) }
}

/// Whether a date value reads and falls in the years a workspace holds.
fn date_in_range(v: &Value, rule: Rule) -> bool {
    let Some(s) = v.as_str() else { return false };
    match rule {
        Rule::Day => parse_written_day(s).is_some_and(|d| clamp_day(d) == d),
        _ => parse_instant(s).is_some_and(|t| clamp_instant(t) == t),
    }
}

// ── Removal ─────────────────────────────────────────────────────────────────────────────────

/// What a removal did to an entity that may refer to what was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detached {
    /// It did not refer to it.
    Same,
    /// Its references to it were taken out.
    Changed,
    /// It belonged to it, and goes too.
    Drop,
}

/// Takes the references to `id` of `removed` out of `row`, an entity of `coll`, as the
/// declaration says (clear them, or drop the entity). A reference that must always name
/// something ([`Gone::First`]) is left for the command to move first.
pub fn detach(row: &mut Value, coll: Coll, removed: Coll, id: &str) -> Detached {
    let mut changed = false;
    for field in coll.decl().fields {
        let Rule::Ref { to, gone, .. } = field.rule else { continue };
        if to != removed || matches!(gone, Gone::Keep | Gone::First) {
            continue;
        }
        let act = edit_leaves(row, field.path, false, &mut |v, listed| {
            if v.as_str() != Some(id) {
                return Act::Keep;
            }
            changed = true;
            match gone {
                Gone::DropRow => Act::Row,
                _ if listed => Act::Entry,
                _ => {
                    *v = Value::Null;
                    Act::Keep
                }
            }
        });
        if act == Act::Row {
            return Detached::Drop;
        }
    }
    if changed {
        Detached::Changed
    } else {
        Detached::Same
    }
}

/// Whether a removal of an entity of `to` may change an entity of `coll` (a reference it holds
/// is cleared, or it goes too): what [`detach`] must look at.
pub fn may_refer(coll: Coll, to: Coll) -> bool {
    coll.decl()
        .fields
        .iter()
        .any(|f| matches!(f.rule, Rule::Ref { to: t, gone: Gone::Clear | Gone::DropRow, .. } if t == to))
}

// ── Repairs ─────────────────────────────────────────────────────────────────────────────────

/// What was changed to make the input usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// A field was missing or unreadable and got its default value.
    FieldDefaulted { kind: Kind, item: String, field: String },
    /// An item that was not an object (or was empty) was left out.
    ItemDropped { kind: Kind, index: usize },
    /// Unreadable entries of a list field were left out.
    EntriesDropped { kind: Kind, item: String, field: String, count: usize },
    /// An item had an empty or duplicate id and got a fresh one.
    IdReplaced { kind: Kind, item: String, old: String },
    /// An item had no name and was given one.
    NameGiven { kind: Kind, name: String },
    /// Two items shared a name; the later one was renamed.
    NameChanged { kind: Kind, from: String, to: String },
    /// A number outside its range was brought inside it.
    ValueClamped { kind: Kind, item: String, field: String, from: String, to: String },
    /// A text longer than its field allows was cut to `max` characters.
    NameShortened { kind: Kind, item: String, max: usize },
    /// A date outside the years the workspace holds was moved to the nearest day inside them.
    DateClamped { kind: Kind, item: String, field: String, from: String, to: String },
    /// A reference to something that does not exist, or a repeated one, was removed.
    ReferenceRemoved { kind: Kind, item: String, target: Kind, id: String },
}

/// How many repairs are kept in full; past it they are only counted. A hostile file can need
/// hundreds of thousands, and writing each one out would cost more than the rest of the import.
pub const KEPT_REPAIRS: usize = 1_000;

/// What was repaired: the first [`KEPT_REPAIRS`] repairs in full, and how many there were.
/// Reads as the slice of the repairs kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs {
    list: Vec<Repair>,
    /// Every repair made, kept or not.
    pub count: usize,
    /// Whether something did not read at all (a word where a number goes, an entry that is no
    /// object), rather than only breaking a rule: a team's document holding such a thing is
    /// refused, not repaired.
    pub unreadable: bool,
    /// List entries the fallback has tried one by one so far (see `import`).
    trials: usize,
}

/// How many list entries the field-by-field fallback may try one by one in a whole import. A
/// file past it has its unreadable lists defaulted whole (and reported), so no input can make
/// the fallback slow.
const ENTRY_TRIALS: usize = 100_000;

impl Repairs {
    /// Whether the fallback may try `n` more entries one by one.
    pub fn may_try(&mut self, n: usize) -> bool {
        self.trials += n;
        self.trials <= ENTRY_TRIALS
    }

    /// Records a repair; `make` runs only while the repair is still kept in full.
    pub fn note(&mut self, make: impl FnOnce() -> Repair) {
        self.count += 1;
        if self.list.len() < KEPT_REPAIRS {
            self.list.push(make());
        }
    }
}

impl std::ops::Deref for Repairs {
    type Target = [Repair];
    fn deref(&self) -> &[Repair] {
        &self.list
    }
}

impl PartialEq<Vec<Repair>> for Repairs {
    fn eq(&self, other: &Vec<Repair>) -> bool {
        self.count == other.len() && self.list == *other
    }
}

/// The title of a kind at the start of a made-up name ("Member 3").
pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Member => "Member",
        Kind::Role => "Role",
        Kind::Skill => "Skill",
        Kind::Department => "Department",
        Kind::Workspace => "Workspace",
        Kind::Duty => "Duty",
        Kind::Task => "Task",
        Kind::Column => "Column",
        Kind::Kpi => "KPI",
        Kind::Training => "Training item",
        Kind::Meeting => "Meeting",
        Kind::Improvement => "Improvement",
        Kind::Routine => "Routine",
        Kind::Note => "Note",
    }
}

/// The list of `coll` in a workspace tree (the workspace as a JSON object), if it is a list.
pub fn list_mut(tree: &mut Value, coll: Coll) -> Option<&mut Vec<Value>> {
    let mut v = tree;
    for k in coll.decl().file {
        v = v.as_object_mut()?.get_mut(*k)?;
    }
    v.as_array_mut()
}

/// The list of `coll` in a workspace tree.
pub fn list(tree: &Value, coll: Coll) -> Option<&Vec<Value>> {
    let mut v = tree;
    for k in coll.decl().file {
        v = v.as_object()?.get(*k)?;
    }
    v.as_array()
}

/// How an entity is named in a repair's message.
pub fn label_of(row: &Value, index: usize) -> String {
    match ["name", "title", "problem", "text"].iter().find_map(|k| row.get(*k).and_then(Value::as_str)) {
        Some(n) if !n.trim().is_empty() => shortened(n.trim()),
        _ => match row.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => shortened(id),
            _ => format!("#{}", index + 1),
        },
    }
}

/// Makes a workspace tree (a parsed file, after migration) keep every rule of the declaration,
/// reporting each change. Collections that are missing or not lists become empty ones; entries
/// that are not objects are dropped; then, entity by entity: ids, texts, numbers, dates, names
/// and references. What a field's type cannot hold (a word where a number goes) is left for the
/// typed reader, which defaults it. O(n log n): every look-up is a sorted set.
pub fn repair_tree(tree: &mut Value, ids: &mut IdGen, repairs: &mut Repairs, default_columns: &[Value]) {
    if !tree.is_object() {
        *tree = Value::Object(Map::new());
    }
    // Lists in place, of objects only.
    for c in COLLECTIONS.iter().skip(1) {
        let ok = list_mut(tree, c.coll).is_some();
        if !ok {
            let (parent, key) = c.file.split_at(c.file.len() - 1);
            let mut at = &mut *tree;
            for k in parent {
                let obj = at.as_object_mut().expect("an object");
                let next = obj.entry((*k).to_owned()).or_insert_with(|| Value::Object(Map::new()));
                if !next.is_object() {
                    *next = Value::Object(Map::new());
                }
                at = next;
            }
            let obj = at.as_object_mut().expect("an object");
            if obj.contains_key(key[0]) || c.file.len() > 1 {
                repairs.note(|| Repair::FieldDefaulted {
                    kind: Kind::Workspace,
                    item: parent.first().copied().unwrap_or("workspace").to_owned(),
                    field: key[0].to_owned(),
                });
            }
            obj.insert(key[0].to_owned(), Value::Array(Vec::new()));
        }
        let list = list_mut(tree, c.coll).expect("made above");
        let mut index = 0;
        list.retain(|v| {
            index += 1;
            let keep = v.is_object();
            if !keep {
                repairs.unreadable = true;
                repairs.note(|| Repair::ItemDropped { kind: c.kind, index: index - 1 });
            }
            keep
        });
    }
    let columns = list_mut(tree, Coll::Columns).expect("made above");
    if columns.is_empty() {
        columns.extend(default_columns.iter().cloned());
        repairs.note(|| Repair::FieldDefaulted {
            kind: Kind::Workspace,
            item: "board".into(),
            field: "columns".into(),
        });
    }
    for c in &COLLECTIONS[1..] {
        let rows = list_mut(tree, c.coll).expect("made above");
        fresh_ids(rows, c.kind, c.prefix, ids, repairs);
        for (i, row) in rows.iter_mut().enumerate() {
            repair_values(row, c.coll, i, repairs);
        }
        for field in c.fields {
            if let Rule::Text { max, need: need @ (Need::Some | Need::Unique) } = field.rule {
                name_rows(rows, field.path, max, need == Need::Unique, c.kind, repairs);
            }
        }
    }
    repair_settings(tree, repairs);
    // References, once every collection's ids are settled. No entity that a repair may drop
    // is referred to by another, so one pass settles them.
    let known: Vec<Vec<String>> = COLLECTIONS
        .iter()
        .map(|c| {
            list(tree, c.coll)
                .map(|l| l.iter().filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_owned)).collect())
                .unwrap_or_default()
        })
        .collect();
    let sets: Vec<KeySet> = known.iter().map(|ids| KeySet::new(ids.iter().map(String::as_str))).collect();
    for c in &COLLECTIONS[1..] {
        let rows = list_mut(tree, c.coll).expect("made above");
        let mut index = 0;
        rows.retain_mut(|row| {
            index += 1;
            if !needs_met(c.coll, row) {
                repairs.note(|| Repair::ItemDropped { kind: c.kind, index: index - 1 });
                return false;
            }
            repair_refs(row, c.coll, index - 1, &sets, &known, repairs)
        });
    }
}

/// Gives a fresh id to every entity whose id is missing, not text, too long, or repeats an
/// earlier one.
fn fresh_ids(rows: &mut [Value], kind: Kind, prefix: &str, ids: &mut IdGen, repairs: &mut Repairs) {
    if prefix.is_empty() {
        return;
    }
    let keys: Vec<String> =
        rows.iter().map(|r| r.get("id").and_then(Value::as_str).unwrap_or_default().to_owned()).collect();
    let again = repeats(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, row) in rows.iter_mut().enumerate() {
        let id = row.get("id").and_then(Value::as_str);
        if id.is_some_and(|s| !s.trim().is_empty() && s.len() <= MAX_ID_BYTES) && !again[i] {
            continue;
        }
        let old = id.map(shortened).unwrap_or_default();
        let item = label_of(row, i);
        if let Some(obj) = row.as_object_mut() {
            obj.insert("id".into(), Value::String(ids.next_id(prefix)));
        }
        repairs.note(|| Repair::IdReplaced { kind, item, old });
    }
}

/// Brings one entity's texts, numbers and dates within their rules.
fn repair_values(row: &mut Value, coll: Coll, index: usize, repairs: &mut Repairs) {
    let kind = coll.decl().kind;
    let mut item = None;
    for field in coll.decl().fields {
        if matches!(field.rule, Rule::Id | Rule::Ref { .. }) {
            continue;
        }
        // Most entities need nothing: a look first, and no work for them.
        let mut sound = true;
        visit(row, field.path, false, &mut |v, listed| sound &= repaired_already(field.rule, v, listed));
        if sound {
            continue;
        }
        let item = item.get_or_insert_with(|| label_of(row, index)).clone();
        let mut dropped = 0usize;
        let mut unreadable = false;
        match field.rule {
            Rule::Text { max, .. } => {
                edit_leaves(row, field.path, false, &mut |v, listed| match v {
                    Value::String(s) => {
                        if chars(s) > max {
                            *s = s.chars().take(max).collect();
                            repairs.note(|| Repair::NameShortened { kind, item: shortened(s), max });
                        }
                        Act::Keep
                    }
                    _ if listed => {
                        dropped += 1;
                        Act::Entry
                    }
                    _ => {
                        unreadable = true;
                        Act::Keep
                    }
                });
            }
            Rule::Int { min, max } => {
                edit_leaves(row, field.path, false, &mut |v, listed| {
                    let n = match v {
                        Value::Null if !listed => return Act::Keep,
                        Value::Number(n) => n.as_i64().or_else(|| n.as_u64().map(|_| i64::MAX)),
                        _ => None,
                    };
                    match n {
                        Some(n) if (min..=max).contains(&n) => Act::Keep,
                        // An entry of a list of numbers (a weekday) out of range means nothing.
                        _ if listed && field.path.ends_with("[]") => {
                            dropped += 1;
                            Act::Entry
                        }
                        Some(n) => {
                            let to = n.clamp(min, max);
                            let from = super::json::text(v);
                            *v = Value::from(to);
                            repairs.note(|| Repair::ValueClamped {
                                kind,
                                item: item.clone(),
                                field: top(field.path).to_owned(),
                                from,
                                to: to.to_string(),
                            });
                            Act::Keep
                        }
                        None => {
                            unreadable = true;
                            Act::Keep
                        }
                    }
                });
            }
            Rule::Num { min, max, optional } => {
                edit_leaves(row, field.path, false, &mut |v, listed| {
                    let n = match v {
                        Value::Null if optional => return Act::Keep,
                        Value::Number(n) => n.as_f64().filter(|n| n.is_finite()),
                        _ => None,
                    };
                    match n {
                        Some(n) if (min..=max).contains(&n) => Act::Keep,
                        Some(n) => {
                            let to = n.clamp(min, max);
                            let from = super::json::text(v);
                            *v = Value::from(to);
                            repairs.note(|| Repair::ValueClamped {
                                kind,
                                item: item.clone(),
                                field: top(field.path).to_owned(),
                                from,
                                to: number_text(to),
                            });
                            Act::Keep
                        }
                        None if listed => {
                            dropped += 1;
                            Act::Entry
                        }
                        None => {
                            unreadable = true;
                            Act::Keep
                        }
                    }
                });
            }
            Rule::Day | Rule::Instant => {
                edit_leaves(row, field.path, false, &mut |v, _| {
                    let Some(s) = v.as_str() else { return Act::Keep };
                    let moved = if field.rule == Rule::Day {
                        parse_written_day(s).filter(|d| clamp_day(*d) != *d).map(|d| {
                            let to = clamp_day(d);
                            (iso_day(d), iso_day(to), Value::String(iso_day(to)))
                        })
                    } else {
                        parse_instant(s).filter(|t| clamp_instant(*t) != *t).map(|t| {
                            let to = clamp_instant(t);
                            (iso_day(t.date_naive()), iso_day(to.date_naive()), super::json::value_of(&to))
                        })
                    };
                    if let Some((from, to, value)) = moved {
                        *v = value;
                        repairs.note(|| Repair::DateClamped {
                            kind,
                            item: item.clone(),
                            field: top(field.path).to_owned(),
                            from,
                            to,
                        });
                    }
                    Act::Keep
                });
            }
            Rule::Id | Rule::Ref { .. } => {}
        }
        if dropped > 0 {
            repairs.note(|| Repair::EntriesDropped {
                kind,
                item: item.clone(),
                field: top(field.path).to_owned(),
                count: dropped,
            });
        }
        // A value its field cannot hold is left out, for the typed reader to default (and
        // report) like a missing one.
        repairs.unreadable |= unreadable || dropped > 0;
        if unreadable && !field.path.contains(['.', '[']) {
            if let Some(obj) = row.as_object_mut() {
                obj.remove(field.path);
            }
        }
    }
}

/// Gives every entity without a name (at `field`) one, and with `unique`, renames later copies
/// of a name "name (n)". Names made this way cannot meet each other: the last " (n)" tells which
/// name each came from; the name is cut to leave room for it within `max`.
fn name_rows(rows: &mut [Value], field: &str, max: usize, unique: bool, kind: Kind, repairs: &mut Repairs) {
    for (i, row) in rows.iter_mut().enumerate() {
        let has = row.get(field).and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty());
        if !has {
            let name = format!("{} {}", kind_title(kind), i + 1);
            if let Some(obj) = row.as_object_mut() {
                obj.insert(field.to_owned(), Value::String(name.clone()));
            }
            repairs.note(|| Repair::NameGiven { kind, name });
        }
    }
    if !unique {
        return;
    }
    let names: Vec<String> =
        rows.iter().map(|r| r.get(field).and_then(Value::as_str).unwrap_or_default().to_owned()).collect();
    let keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let first = first_of(&key_refs);
    let taken = KeySet::new(key_refs.iter().copied());
    let mut next = vec![2usize; rows.len()];
    for i in 0..rows.len() {
        if first[i] == i {
            continue;
        }
        let base: String = names[i].trim().chars().take(max.saturating_sub(11)).collect();
        let mut n = next[first[i]];
        while taken.contains(&name_key(&format!("{base} ({n})"))) {
            n += 1;
        }
        next[first[i]] = n + 1;
        let to = format!("{base} ({n})");
        if let Some(obj) = rows[i].as_object_mut() {
            obj.insert(field.to_owned(), Value::String(to.clone()));
        }
        repairs.note(|| Repair::NameChanged { kind, from: shortened(&names[i]), to: shortened(&to) });
    }
}

/// The workspace's own fields as the settings entity: the workspace object's fields that the
/// declaration names, with the service standards from its board.
fn settings_of(tree: &Value) -> Value {
    let mut s = Map::new();
    for f in Coll::Settings.decl().fields {
        let key = top(f.path);
        let v = if key == "standards" { tree.get("board").and_then(|b| b.get(key)) } else { tree.get(key) };
        if let Some(v) = v {
            s.insert(key.to_owned(), v.clone());
        }
    }
    Value::Object(s)
}

/// The workspace's own fields brought within the settings entity's rules.
fn repair_settings(tree: &mut Value, repairs: &mut Repairs) {
    let mut settings = settings_of(tree);
    repair_values(&mut settings, Coll::Settings, 0, repairs);
    let Some(obj) = tree.as_object_mut() else { return };
    for f in Coll::Settings.decl().fields {
        let key = top(f.path);
        // A field left out as unreadable is left out here too, for the typed reader to default.
        let v = settings.get(key).cloned();
        let at =
            if key == "standards" { obj.get_mut("board").and_then(|b| b.as_object_mut()) } else { Some(&mut *obj) };
        if let Some(at) = at {
            match v {
                Some(v) => at.insert(key.to_owned(), v),
                None => at.remove(key),
            };
        }
    }
}

/// Whether a row has what its texts need beside themselves (a thread entry: a comment's text,
/// or a change).
pub fn needs_met(coll: Coll, row: &Value) -> bool {
    coll.decl().fields.iter().all(|f| match f.rule {
        Rule::Text { need: Need::Unless(other), .. } => {
            row.get(f.path).and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty())
                || row.get(other).is_some_and(|v| !v.is_null())
        }
        _ => true,
    })
}

/// Takes out the references of one entity that name nothing (or name something twice in one
/// list), as the declaration says. False when the entity goes.
fn repair_refs(
    row: &mut Value,
    coll: Coll,
    index: usize,
    sets: &[KeySet],
    known: &[Vec<String>],
    repairs: &mut Repairs,
) -> bool {
    let kind = coll.decl().kind;
    let mut item = None;
    for field in coll.decl().fields {
        let Rule::Ref { to, gone, optional } = field.rule else { continue };
        if gone == Gone::Keep {
            continue;
        }
        // Most entities name only what exists, once: a look first, and no work for them.
        let mut sound = true;
        let mut listed_ids: Vec<&str> = Vec::new();
        visit(row, field.path, !optional, &mut |v, listed| {
            if v.is_null() && optional {
                return;
            }
            let id = v.as_str();
            sound &= id.is_some_and(|id| sets[to.index()].contains(id));
            if listed {
                listed_ids.push(id.unwrap_or_default());
            }
        });
        if sound && (listed_ids.len() < 2 || !repeats(&listed_ids).contains(&true)) {
            continue;
        }
        let item = item.get_or_insert_with(|| label_of(row, index)).clone();
        let target = to.decl().kind;
        let mut seen: Vec<String> = Vec::new();
        let act = edit_leaves(row, field.path, !optional, &mut |v, listed| {
            if v.is_null() && optional {
                return Act::Keep;
            }
            let id = v.as_str().unwrap_or_default();
            let known_once = sets[to.index()].contains(id) && (!listed || !seen.iter().any(|s| s == id));
            if known_once {
                if listed {
                    seen.push(id.to_owned());
                }
                return Act::Keep;
            }
            let shown = match &*v {
                Value::String(s) => shortened(s),
                other => shortened(&other.to_string()),
            };
            repairs.note(|| Repair::ReferenceRemoved { kind, item: item.clone(), target, id: shown });
            match gone {
                Gone::DropRow => Act::Row,
                Gone::First => match known[to.index()].first() {
                    Some(first) => {
                        *v = Value::String(first.clone());
                        Act::Keep
                    }
                    None => Act::Row,
                },
                _ if listed => Act::Entry,
                _ => {
                    *v = Value::Null;
                    Act::Keep
                }
            }
        });
        if act == Act::Row {
            return false;
        }
    }
    true
}

// ── A whole workspace ───────────────────────────────────────────────────────────────────────

/// A rule that a whole workspace breaks, and what breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The id of the item that breaks the rule.
    pub subject: String,
    pub error: ModelError,
}

/// Look-ups over a workspace tree, built once by sorting.
struct TreeLook<'a> {
    ids: Vec<KeySet<'a>>,
}

impl Look for TreeLook<'_> {
    fn has(&self, coll: Coll, id: &str) -> bool {
        self.ids[coll.index()].contains(id)
    }
    // Uniqueness over a whole collection is checked once per collection by `problems`.
    fn name_taken(&self, _: Coll, _: &str, _: &str, _: &str) -> bool {
        false
    }
}

/// Every rule of the declaration a workspace tree breaks: ids, names, texts, numbers, dates and
/// references. Empty for a sound workspace. O(n log n).
pub fn problems(tree: &Value) -> Vec<Problem> {
    let empty = Vec::new();
    let rows = |c: Coll| list(tree, c).unwrap_or(&empty);
    let ids: Vec<KeySet> = Coll::ALL
        .iter()
        .map(|c| KeySet::new(rows(*c).iter().filter_map(|r| r.get("id").and_then(Value::as_str))))
        .collect();
    let look = TreeLook { ids };
    let mut out = Vec::new();
    if let Err(error) = check_row(Coll::Settings, &settings_of(tree), None, &look) {
        out.push(Problem { subject: String::new(), error });
    }
    for c in &COLLECTIONS[1..] {
        let list = rows(c.coll);
        let id_of = |r: &Value| r.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        if !c.prefix.is_empty() {
            let keys: Vec<String> = list.iter().map(id_of).collect();
            for (i, again) in repeats(&keys.iter().map(String::as_str).collect::<Vec<_>>()).into_iter().enumerate() {
                if again {
                    out.push(Problem {
                        subject: keys[i].clone(),
                        error: ModelError::DuplicateId { kind: c.kind, id: keys[i].clone() },
                    });
                }
            }
        }
        for field in c.fields {
            if let Rule::Text { need: Need::Unique, .. } = field.rule {
                let names: Vec<String> =
                    list.iter().map(|r| name_key(r.get(field.path).and_then(Value::as_str).unwrap_or(""))).collect();
                for (i, again) in repeats(&names.iter().map(String::as_str).collect::<Vec<_>>()).into_iter().enumerate()
                {
                    if again && !names[i].is_empty() {
                        out.push(Problem {
                            subject: id_of(&list[i]),
                            error: ModelError::DuplicateName { kind: c.kind, name: names[i].clone() },
                        });
                    }
                }
            }
        }
        for row in list {
            if let Err(error) = check_row(c.coll, row, None, &look) {
                out.push(Problem { subject: id_of(row), error });
            }
        }
    }
    if list(tree, Coll::Columns).is_none_or(Vec::is_empty) {
        out.push(Problem { subject: String::new(), error: ModelError::LastColumn });
    }
    out
}

//! Reading a Rolecall file (or the stored copy, or a team's document): parse → migrate →
//! repair → read. Never trusts input: each item is restored on its own, missing fields get
//! defaults, duplicate ids get fresh ones, dangling references are removed, and every repair is
//! reported. The repairs are the declaration's (`decl.rs`, applied by `rules.rs`): the same
//! rules the commands keep, so what the app wrote reads back unchanged.

use super::board::default_columns;
use super::dates::clamp_instant;
use super::decl::{Coll, Kind, COLLECTIONS};
use super::ids::IdGen;
use super::kpi::one_per_period;
use super::rows::Rows;
use super::rules::{label_of, list_mut, needs_met, repair_tree, shortened};
use super::rules::{problems, Problem};
use super::schema::{migrate, MigrationError, CURRENT_VERSION, FORMAT};
use super::workspace::Workspace;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};

pub use super::decl::MAX_ID_BYTES;
pub use super::rules::{Repair, Repairs, KEPT_REPAIRS};

/// Files larger than this are refused before they are read: ten years of a 30-person team's
/// work (20,000 tasks, 100,000 comments and changes) is about 35 MB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// JSON nested deeper than this is refused (a Rolecall file needs about 6 levels).
pub const MAX_DEPTH: usize = 64;
/// A file holding more entries than this in all its lists together is refused: it bounds the
/// memory and work a hostile file of tiny entries (`{},` is 3 bytes) can ask for. Ordinary use
/// never comes near it: ten years of a 30-person team is about 300,000 entries. No single list
/// has a cap of its own, so nothing the app made is ever refused for being long.
pub const MAX_ITEMS: usize = 1_000_000;

/// Why a file cannot be used at all. Nothing is changed when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {bytes} bytes, more than the {} MB limit", MAX_BYTES >> 20)]
    TooLarge { bytes: usize },
    #[error("the file is nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
    #[error("the file holds more than {MAX_ITEMS} entries")]
    TooManyItems,
    #[error("the file ends too early: it looks truncated")]
    Truncated,
    /// The app's reader of files could not be fetched (the browser is offline and has not
    /// cached it): nothing was read.
    #[error("the reader could not be loaded")]
    NotLoaded,
    #[error("the file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the file is JSON but not a Rolecall file")]
    NotRolecall,
    #[error("the file has no valid version number")]
    BadVersion,
    #[error("the file was written by a newer Rolecall (version {found}; this app reads up to {supported})")]
    FutureVersion { found: u64, supported: u64 },
    #[error("{0}")]
    Migration(MigrationError),
    #[error("the file holds no workspace")]
    NoWorkspace,
    #[error("the file still breaks {} rule(s) after repair", .0.len())]
    Invalid(Vec<Problem>),
    /// A share link that could not be read (see [`crate::model::share`]).
    #[error("{0}")]
    Link(crate::model::share::ShareError),
    /// The workspace's history (its rows in this browser's database) could not be read: the
    /// browser's reason, empty when it allows no database.
    #[error("the history stored in this browser's database could not be read ({0})")]
    History(String),
}

/// A file that can be used, with everything that was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub workspace: Workspace,
    /// The version the file was written at (before migration).
    pub from_version: u64,
    pub saved_at: Option<DateTime<Utc>>,
    pub repairs: Repairs,
    /// The team sync document the file was exported with (base64url), if it was synced: a
    /// merge then takes it change by change.
    pub sync_doc: Option<String>,
    /// The room that document belongs to.
    pub sync_room: Option<String>,
}

/// Reads a Rolecall envelope from text. `ids` makes fresh ids for repairs.
pub fn read(text: &str, ids: &mut IdGen) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    check_shape(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
    })?;
    let Value::Object(mut env) = value else { return Err(ImportError::NotRolecall) };
    if env.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotRolecall);
    }
    let version = env.get("version").and_then(Value::as_u64).filter(|v| *v >= 1).ok_or(ImportError::BadVersion)?;
    if version > CURRENT_VERSION {
        return Err(ImportError::FutureVersion { found: version, supported: CURRENT_VERSION });
    }
    let saved_at = env.get("saved_at").and_then(Value::as_str).and_then(super::dates::parse_instant).map(clamp_instant);
    let workspace = env.remove("workspace").filter(Value::is_object).ok_or(ImportError::NoWorkspace)?;
    let sync = |k: &str| env.get("teamSync").and_then(|s| s.get(k)).and_then(Value::as_str).map(str::to_owned);
    let (sync_doc, sync_room) = (sync("doc"), sync("room"));
    let workspace = migrate(workspace, version).map_err(ImportError::Migration)?;
    let (workspace, repairs) = restore(workspace, ids)?;
    Ok(Imported { workspace, from_version: version, saved_at, repairs, sync_doc, sync_room })
}

impl Imported {
    /// A workspace read as it was written by this version of the app: nothing to report.
    pub fn own(workspace: Workspace) -> Self {
        Imported {
            workspace,
            from_version: CURRENT_VERSION,
            saved_at: None,
            repairs: Repairs::default(),
            sync_doc: None,
            sync_room: None,
        }
    }
}

/// Reads what this version of the app wrote (its stored copy, another tab's save) directly,
/// without the migrations and repairs of [`read`]: None when anything in it would need them
/// (an older version's save, a damaged or foreign one), and the caller then runs [`read`].
/// What it reads is what [`read`] makes of the same text (the property tests hold it to that),
/// so the start of the app needs none of the repair code. O(n log n).
pub fn read_own(text: &str) -> Option<Workspace> {
    if text.len() > MAX_BYTES {
        return None;
    }
    check_shape(text).ok()?;
    read_own_envelope(serde_json::from_str(text).ok()?, true)
}

/// [`read_own`] of an envelope already parsed (a stored hot part joined with its cold rows).
/// `whole: false` reads a part for the first screen only: its references may name rows that are
/// not in it (they are checked once the whole is read).
#[inline(never)] // one copy, for the text and for the envelope
pub fn read_own_envelope(env: Value, whole: bool) -> Option<Workspace> {
    let Value::Object(mut env) = env else { return None };
    if env.get("format")?.as_str()? != FORMAT || env.get("version")?.as_u64()? != CURRENT_VERSION {
        return None;
    }
    let mut tree = env.remove("workspace").filter(Value::is_object)?;
    if whole && !problems(&tree).is_empty() {
        return None;
    }
    let mut ws = Workspace::default();
    for c in &COLLECTIONS[1..] {
        let items = list_mut(&mut tree, c.coll).map(std::mem::take).unwrap_or_default();
        let rows = ws.rows_mut(c.coll)?;
        rows.clear();
        let mut defaults = None;
        for v in &items {
            let obj = v.as_object()?;
            if !rows.push_read(v) {
                return None;
            }
            let defaults = defaults.get_or_insert_with(|| rows.defaults());
            if defaults.len() > obj.len() || defaults.keys().any(|k| !obj.contains_key(k)) {
                return None;
            }
        }
    }
    ws.take_settings(Workspace::deserialize(&tree).ok()?);
    let mut repairs = Repairs::default();
    tidy(&mut ws, &mut repairs);
    repairs.is_empty().then_some(ws)
}

/// Refuses text whose brackets nest deeper than [`MAX_DEPTH`] or whose arrays hold more than
/// [`MAX_ITEMS`] entries in all, scanning it once without parsing, so that a hostile file can neither
/// exhaust the parser's stack nor ask for unbounded work later. (Long texts are fine: ids and
/// names, the only texts copied into other places, are cut to length by the repair.)
fn check_shape(text: &str) -> Result<(), ImportError> {
    // For each open bracket: whether it is an array. Entries: n commas separate n + 1 of them,
    // so each array counts one more than its commas (an empty one too: it costs 2 bytes).
    let mut open: Vec<bool> = Vec::new();
    let mut entries = 0usize;
    for (_, b) in super::json::structure(text) {
        match b {
            b'[' | b'{' => {
                open.push(b == b'[');
                entries += usize::from(b == b'[');
                if open.len() > MAX_DEPTH {
                    return Err(ImportError::TooDeep);
                }
            }
            b']' | b'}' => {
                open.pop();
            }
            b',' if open.last() == Some(&true) => entries += 1,
            _ => continue,
        }
        if entries > MAX_ITEMS {
            return Err(ImportError::TooManyItems);
        }
    }
    Ok(())
}

/// Reads a workspace tree (a file's `workspace`, after migration, or a team document's) into a
/// workspace: repaired by the declaration's rules first, then read collection by collection,
/// each entity on its own. O(n log n).
pub fn restore(mut tree: Value, ids: &mut IdGen) -> Result<(Workspace, Repairs), ImportError> {
    let mut repairs = Repairs::default();
    let columns: Vec<Value> = default_columns().iter().map(super::json::value_of).collect();
    repair_tree(&mut tree, ids, &mut repairs, &columns);
    // The repair keeps every rule by construction (the fuzz and property tests hold it to
    // that); the debug build, which every test runs, checks once more and refuses what would
    // still break one, never keeping it half right.
    if cfg!(debug_assertions) {
        let problems = problems(&tree);
        if !problems.is_empty() {
            return Err(ImportError::Invalid(problems));
        }
    }
    let mut ws = Workspace::default();
    for c in &COLLECTIONS[1..] {
        let items = list_mut(&mut tree, c.coll).map(std::mem::take).unwrap_or_default();
        let rows = ws.rows_mut(c.coll).expect("not settings");
        rows.clear();
        read_rows(rows, items, c.coll, &mut repairs);
    }
    // What is left is the workspace's own fields (its lists were taken above).
    ws.take_settings(read_settings(&tree, &mut repairs));
    tidy(&mut ws, &mut repairs);
    Ok((ws, repairs))
}

/// Reads each item of a collection: whole if it reads (the common case, straight from the parsed
/// value), otherwise field by field, keeping every field (and every entry of a list field) that
/// reads and defaulting the rest.
fn read_rows(rows: &mut dyn Rows, items: Vec<Value>, coll: Coll, repairs: &mut Repairs) {
    let kind = coll.decl().kind;
    let mut defaults = None;
    for (index, v) in items.into_iter().enumerate() {
        let at = rows.count();
        let Some(obj) = v.as_object() else {
            repairs.note(|| Repair::ItemDropped { kind, index });
            continue;
        };
        if rows.push_read(&v) {
            let defaults = defaults.get_or_insert_with(|| rows.defaults());
            if defaults.len() > obj.len() || defaults.keys().any(|k| !obj.contains_key(k)) {
                note_missing(obj, defaults, kind, &label_of(&v, index), repairs);
            }
            continue;
        }
        let item = label_of(&v, index);
        repairs.unreadable = true;
        let defaults = defaults.get_or_insert_with(|| rows.defaults());
        let fields = readable_fields(obj, defaults, kind, &item, repairs, &|v| rows.reads(v));
        // What the fields left makes no entity (a thread entry that is neither a comment nor a
        // change it could read).
        if !needs_met(coll, &fields) || !rows.put(at, fields, true) {
            repairs.note(|| Repair::ItemDropped { kind, index });
        }
    }
}

/// The workspace's own fields, read from what is left of the tree (lists taken out).
fn read_settings(tree: &Value, repairs: &mut Repairs) -> Workspace {
    if let Ok(ws) = Workspace::deserialize(tree) {
        return ws;
    }
    repairs.unreadable = true;
    let empty = Map::new();
    let obj = tree.as_object().unwrap_or(&empty);
    let mut defaults = match super::json::value_of(&Workspace::default()) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    for c in &COLLECTIONS[1..] {
        if c.file.len() == 1 {
            defaults.remove(c.file[0]);
        }
    }
    let fields =
        readable_fields(obj, &defaults, Kind::Workspace, "workspace", repairs, &|v| Workspace::deserialize(v).is_ok());
    Workspace::deserialize(&fields).unwrap_or_default()
}

/// Reports each field of `defaults` that `obj` lacks.
fn note_missing(
    obj: &Map<String, Value>,
    defaults: &Map<String, Value>,
    kind: Kind,
    item: &str,
    repairs: &mut Repairs,
) {
    for field in defaults.keys().filter(|k| !obj.contains_key(*k)) {
        repairs.note(|| Repair::FieldDefaulted { kind, item: item.to_owned(), field: field.to_owned() });
    }
}

/// The fields of an object that does not read as a whole, kept where they read (`reads` says
/// whether a value reads as the type): each field alone, a list's entries one by one. Fields
/// the object has beyond the defaults (one written only when set) are tried too.
fn readable_fields(
    obj: &Map<String, Value>,
    defaults: &Map<String, Value>,
    kind: Kind,
    item: &str,
    repairs: &mut Repairs,
    reads: &dyn Fn(&Value) -> bool,
) -> Value {
    let missing = |repairs: &mut Repairs, field: &str| {
        repairs.note(|| Repair::FieldDefaulted { kind, item: item.to_owned(), field: field.to_owned() })
    };
    // Every type here fills a missing field with its default, so a field reads alone, in an
    // object of its own; fields read independently, so the fields that read alone read together.
    let reads_alone = |field: &str, value: Value| {
        let mut alone = Map::new();
        alone.insert(field.to_owned(), value);
        reads(&Value::Object(alone))
    };
    let mut acc = Map::new();
    let extra = obj.keys().filter(|k| !defaults.contains_key(*k));
    for field in defaults.keys().chain(extra) {
        let Some(given) = obj.get(field) else {
            missing(repairs, field);
            continue;
        };
        if reads_alone(field, given.clone()) {
            acc.insert(field.clone(), given.clone());
            continue;
        }
        // A list keeps the entries that read; anything else that does not read is defaulted.
        let kept = match given {
            Value::Array(entries)
                if defaults.get(field).is_some_and(Value::is_array) && repairs.may_try(entries.len()) =>
            {
                let kept: Vec<Value> =
                    entries.iter().filter(|e| reads_alone(field, Value::Array(vec![(*e).clone()]))).cloned().collect();
                let count = entries.len() - kept.len();
                Some((Value::Array(kept), count)).filter(|(kept, _)| reads_alone(field, kept.clone()))
            }
            _ => None,
        };
        match kept {
            Some((kept, count)) => {
                acc.insert(field.clone(), kept);
                repairs.note(|| Repair::EntriesDropped { kind, item: item.to_owned(), field: field.clone(), count });
            }
            None => missing(repairs, field),
        }
    }
    Value::Object(acc)
}

/// The rules that span a list of one entity, on the typed workspace: one KPI value per period,
/// in order; a routine's weekdays once each, in order; a duty's role entries each with a letter.
fn tidy(ws: &mut Workspace, repairs: &mut Repairs) {
    let mut dropped = |kind: Kind, item: &str, field: &str, count: usize| {
        if count > 0 {
            repairs.note(|| Repair::EntriesDropped { kind, item: shortened(item), field: field.to_owned(), count });
        }
    };
    for k in &mut ws.kpis {
        let sorted = k.values.windows(2).all(|w| w[0].period < w[1].period);
        if !sorted {
            let n = one_per_period(&mut k.values);
            dropped(Kind::Kpi, &k.name, "values", n);
        }
    }
    for r in &mut ws.routines {
        let before = r.weekdays.len();
        r.weekdays.sort_unstable();
        r.weekdays.dedup();
        dropped(Kind::Routine, &r.title, "weekdays", before - r.weekdays.len());
    }
    for d in &mut ws.duties {
        let before = d.roles.len();
        d.roles.retain(|x| x.letter.is_some());
        dropped(Kind::Duty, &d.title, "roles", before - d.roles.len());
    }
}

//! How the workspace is stored in a browser: a **hot** part, read before the first screen (the
//! team, the chart, the open board, the settings: what does not grow with time), and **cold**
//! rows, one record per row, for what grows with time (archived tasks, the thread, the logs,
//! minutes, check-ins: the collections whose declaration says they grow). The browser keeps the
//! hot part in localStorage and the cold rows in IndexedDB (`storage`); this module only says
//! what goes where and reads the two back into one workspace, so that it is tested natively.
//!
//! Every row of a growing collection has a place (an order key, as the team's Yjs document
//! orders its lists), so that hot and cold rows read back in the order they were in. A save
//! writes the rows its ops named (and their places); a whole new workspace (an import) writes a
//! new generation of cold rows, and the hot part names the generation it goes with, so that a
//! half-written one is never read.
//!
//! A row can be in both stores for a while (a task archived or brought back): the copy saved at
//! the later revision is the row.

use super::decl::Coll;
use super::json;
use super::ops::find_row;
use super::rules::list_mut;
use super::schema;
use super::workspace::Workspace;
use super::ydoc::between;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The collections whose rows can be cold: those that grow with time.
pub fn splits(coll: Coll) -> bool {
    coll.decl().grows
}

/// The collections whose rows can be cold, in order.
pub fn split_colls() -> impl Iterator<Item = Coll> {
    Coll::ALL.into_iter().filter(|c| splits(*c))
}

/// Whether row `i` of `coll` is cold: every row of a growing collection, except a task that is
/// still on the board.
pub fn cold_at(ws: &Workspace, coll: Coll, i: usize) -> bool {
    splits(coll) && (coll != Coll::Tasks || ws.board.tasks.get(i).is_some_and(|t| t.archived))
}

/// Places changed for more than this many rows of one collection at once are given anew to the
/// whole collection (cheaper than finding each row, and the keys stay short).
const MANY: usize = 64;
/// A place longer than this (many inserts at one spot) has the collection's places given anew.
const LONGEST: usize = 48;

/// The place of every row of the growing collections, by collection and row key.
#[derive(Debug, Clone, Default)]
pub struct Ords {
    by: BTreeMap<usize, BTreeMap<String, String>>,
}

impl PartialEq for Ords {
    // A collection without rows has no places, whether or not it ever had a map.
    fn eq(&self, other: &Ords) -> bool {
        let full =
            |o: &Ords| o.by.iter().filter(|(_, m)| !m.is_empty()).map(|(c, m)| (*c, m.clone())).collect::<Vec<_>>();
        full(self) == full(other)
    }
}

/// Which rows of one collection a save must write.
#[derive(Debug, Clone, PartialEq)]
pub enum Touched {
    /// These rows (by key).
    Rows(BTreeSet<String>),
    /// Every row: the collection's places were given anew.
    All,
}

impl Ords {
    /// Places for every row of `ws`, in order.
    pub fn fresh(ws: &Workspace) -> Ords {
        let mut ords = Ords::default();
        for coll in split_colls() {
            ords.fresh_coll(ws, coll);
        }
        ords
    }

    fn fresh_coll(&mut self, ws: &Workspace, coll: Coll) {
        let map = self.by.entry(coll.index()).or_default();
        map.clear();
        let mut last = String::new();
        for key in super::ops::keys_of(ws, coll) {
            last = between(&last, None);
            map.insert(key, last.clone());
        }
    }

    /// The place of row `key` of `coll`.
    pub fn get(&self, coll: Coll, key: &str) -> Option<&str> {
        self.by.get(&coll.index())?.get(key).map(String::as_str)
    }

    /// Sets the place of row `key` of `coll` (as read back).
    pub fn set(&mut self, coll: Coll, key: String, ord: String) {
        self.by.entry(coll.index()).or_default().insert(key, ord);
    }

    /// Gives the rows `keys` of `coll` (changed, added, moved or removed) places between their
    /// neighbours, keeping a place that still fits. Returns the rows to write.
    pub fn touch(&mut self, ws: &Workspace, coll: Coll, keys: &BTreeSet<String>) -> Touched {
        // Rows without ids of their own (the level changes) are keyed by position when repeated:
        // their places are given anew (they change seldom).
        if keys.len() > MANY || coll.decl().prefix.is_empty() {
            self.fresh_coll(ws, coll);
            return Touched::All;
        }
        let Some(rows) = ws.rows(coll) else { return Touched::Rows(BTreeSet::new()) };
        let map = self.by.entry(coll.index()).or_default();
        let mut at: Vec<usize> = Vec::new();
        for key in keys {
            match find_row(ws, coll, key) {
                Some(i) => at.push(i),
                None => {
                    map.remove(key);
                }
            }
        }
        at.sort_unstable();
        let pending: BTreeSet<usize> = at.iter().copied().collect();
        for &i in &at {
            let key = rows.key_at(i);
            let prev = if i > 0 { map.get(&rows.key_at(i - 1)).cloned() } else { Some(String::new()) };
            let next_at = (i + 1..rows.count()).find(|j| !pending.contains(j));
            let next = match next_at {
                Some(j) => map.get(&rows.key_at(j)).map(|o| Some(o.clone())),
                None => Some(None),
            };
            let (Some(prev), Some(next)) = (prev, next) else {
                self.fresh_coll(ws, coll);
                return Touched::All;
            };
            let fits = |o: &str| o > prev.as_str() && next.as_deref().is_none_or(|n| o < n);
            if map.get(&key).is_some_and(|o| fits(o)) {
                continue;
            }
            let ord = between(&prev, next.as_deref());
            if !fits(&ord) || ord.len() > LONGEST {
                self.fresh_coll(ws, coll);
                return Touched::All;
            }
            map.insert(key, ord);
        }
        Touched::Rows(keys.clone())
    }
}

/// The key of a cold row in its store: the generation, the collection and the row.
/// The collection and row key of a cold key of generation `gen` (the key is empty for the start
/// of a collection's range).
pub fn parse_cold_key<'a>(gen: &str, key: &'a str) -> Option<(Coll, &'a str)> {
    let rest = key.strip_prefix(gen)?.strip_prefix('|')?;
    let (coll, row) = rest.split_once('|')?;
    let coll = Coll::ALL.get(coll.parse::<usize>().ok()?).copied()?;
    Some((coll, row))
}

pub fn cold_key(gen: &str, coll: Coll, key: &str) -> String {
    format!("{gen}|{:02}|{key}", coll.index())
}

/// A cold row as stored: its place, the revision of the save that wrote it, and the row.
pub fn cold_record(ws: &Workspace, coll: Coll, i: usize, ord: &str, revision: u64) -> Option<String> {
    let rows = ws.rows(coll)?;
    // By hand around the row's own text: places are letters and digits.
    Some(format!("{{\"o\":\"{ord}\",\"r\":{revision},\"v\":{}}}", rows.text_at(i)))
}

/// Every cold row of `ws` (for a new generation): key and record.
pub fn cold_rows(ws: &Workspace, ords: &Ords, gen: &str, revision: u64) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for coll in split_colls() {
        let Some(rows) = ws.rows(coll) else { continue };
        let keys = super::ops::keys_of(ws, coll);
        for (i, key) in keys.iter().enumerate().take(rows.count()) {
            if !cold_at(ws, coll, i) {
                continue;
            }
            if let Some(rec) = ords.get(coll, key).and_then(|o| cold_record(ws, coll, i, o, revision)) {
                out.push((cold_key(gen, coll, key), rec));
            }
        }
    }
    out
}

/// What a save writes to the cold store for one collection.
#[derive(Debug, Default, PartialEq)]
pub struct ColdWrites {
    /// Key ranges (from, to: excluded) to clear first: every row of a collection whose places
    /// were given anew, whatever keys its rows had (a level change's key is its fields).
    pub clear: Vec<(String, String)>,
    /// Records to put (cold rows).
    pub puts: Vec<(String, String)>,
    /// Keys to delete (rows gone, or now hot).
    pub deletes: Vec<String>,
}

/// The writes of a save for rows `touched` of `coll`.
pub fn cold_changes(
    ws: &Workspace,
    ords: &Ords,
    gen: &str,
    revision: u64,
    coll: Coll,
    touched: &Touched,
) -> ColdWrites {
    let mut out = ColdWrites::default();
    let Some(rows) = ws.rows(coll) else { return out };
    let mut write = |key: &str, at: Option<usize>| match at {
        Some(i) if cold_at(ws, coll, i) => {
            if let Some(rec) = ords.get(coll, key).and_then(|o| cold_record(ws, coll, i, o, revision)) {
                out.puts.push((cold_key(gen, coll, key), rec));
            }
        }
        Some(_) if matches!(touched, Touched::All) => {}
        _ => out.deletes.push(cold_key(gen, coll, key)),
    };
    match touched {
        Touched::Rows(keys) => {
            for key in keys {
                write(key, find_row(ws, coll, key));
            }
        }
        Touched::All => {
            for (i, key) in super::ops::keys_of(ws, coll).iter().enumerate().take(rows.count()) {
                write(key, Some(i));
            }
            let from = format!("{gen}|{:02}|", coll.index());
            let to = format!("{gen}|{:02}}}", coll.index());
            out.clear.push((from, to));
        }
    }
    out
}

/// The hot part as stored: the workspace's envelope without its cold rows (but with those
/// `also` keeps there, cold rows not yet known to be written), and its layout: the generation of
/// cold rows it goes with (`None`: there are none, every row is here), the places of the
/// rows of growing collections it holds, and the deletes of cold rows not yet known to be
/// written (`deleting`: collection, key and the revision of its latest delete; an empty key is the
/// whole collection's rows, written anew), so that a row whose delete was lost is not read back.
pub fn hot_text(
    ws: &Workspace,
    ords: &Ords,
    gen: Option<&str>,
    revision: u64,
    saved_at: DateTime<Utc>,
    also: &dyn Fn(Coll, &str) -> bool,
    deleting: &[(Coll, String, u64)],
) -> String {
    hot_text_with(ws, ords, gen, revision, saved_at, also, deleting, &mut TaskTexts::default())
}

/// The open tasks' JSON, kept between saves (the hot part's largest list): a save serializes
/// only the tasks its ops named ([`TaskTexts::forget`]) and copies the rest.
#[derive(Debug, Default)]
pub struct TaskTexts {
    by: BTreeMap<String, String>,
}

impl TaskTexts {
    /// Task `id` changed (or went): its text is made again by the next save.
    pub fn forget(&mut self, id: &str) {
        self.by.remove(id);
    }

    /// The workspace was replaced: every text is made again.
    pub fn clear(&mut self) {
        self.by.clear();
    }

    /// Makes the texts of the open tasks not made yet (done once a workspace is read, so that
    /// the first save does not make them all).
    pub fn fill(&mut self, ws: &Workspace) {
        for task in ws.board.tasks.iter().filter(|t| !t.archived) {
            self.text(task);
        }
    }

    /// Task `task`'s text, made now if it is not kept.
    fn text(&mut self, task: &super::board::Task) -> &str {
        if !self.by.contains_key(&task.id.0) {
            self.by.insert(task.id.0.clone(), serde_json::to_string(task).unwrap_or_default());
        }
        self.by.get(&task.id.0).map_or("", String::as_str)
    }
}

/// [`hot_text`], with the open tasks' texts kept in `texts` (which must have been told of every
/// task changed since it was last used).
#[allow(clippy::too_many_arguments)]
pub fn hot_text_with(
    ws: &Workspace,
    ords: &Ords,
    gen: Option<&str>,
    revision: u64,
    saved_at: DateTime<Utc>,
    also: &dyn Fn(Coll, &str) -> bool,
    deleting: &[(Coll, String, u64)],
    texts: &mut TaskTexts,
) -> String {
    let Some(gen) = gen else {
        let text = schema::encode_stored(ws, saved_at, revision);
        return with_layout(text, json!({ "gen": Value::Null }));
    };
    let mut places = Map::new();
    let mut kept: BTreeMap<usize, Vec<bool>> = BTreeMap::new();
    for coll in split_colls() {
        let Some(rows) = ws.rows(coll) else { continue };
        let mut keep = Vec::with_capacity(rows.count());
        let mut pairs = Vec::new();
        // Keys are numbered only where a collection has rows without ids of their own.
        let keys: Vec<String> = if coll.decl().prefix.is_empty() {
            super::ops::keys_of(ws, coll)
        } else {
            (0..rows.count()).map(|i| rows.key_at(i)).collect()
        };
        for (i, key) in keys.iter().enumerate() {
            let k = !cold_at(ws, coll, i) || also(coll, key);
            keep.push(k);
            if k {
                pairs.push(json!([key, ords.get(coll, key).unwrap_or_default()]));
            }
        }
        places.insert(coll.index().to_string(), Value::Array(pairs));
        kept.insert(coll.index(), keep);
    }
    let keep = |coll: Coll| kept.get(&coll.index()).map_or(&[][..], Vec::as_slice);
    // The kept tasks' list, from their kept texts (each made once, as a whole save makes it).
    let kept_tasks = keep(Coll::Tasks);
    let mut tasks = String::from("[");
    for (i, task) in ws.board.tasks.iter().enumerate() {
        if !kept_tasks.get(i).copied().unwrap_or(true) {
            continue;
        }
        if tasks.len() > 1 {
            tasks.push(',');
        }
        tasks.push_str(texts.text(task));
    }
    tasks.push(']');
    // Written by reference through the entities' own serialisers (the ones a whole save uses):
    // no copy of the workspace is made.
    let hot = HotWs {
        name: &ws.name,
        purpose: &ws.purpose,
        goals: &ws.goals,
        collaboration: &ws.collaboration,
        departments: &ws.departments,
        members: &ws.members,
        roles: &ws.roles,
        skills: &ws.skills,
        duties: &ws.duties,
        thresholds: &ws.thresholds,
        board: HotBoard { columns: &ws.board.columns, tasks: TasksSlot, standards: &ws.board.standards },
        training: Kept(&ws.training, keep(Coll::Training)),
        skill_history: Kept(&ws.skill_history, keep(Coll::LevelChanges)),
        kpis: &ws.kpis,
        meetings: &ws.meetings,
        minutes: Kept(&ws.minutes, keep(Coll::Minutes)),
        improvements: Kept(&ws.improvements, keep(Coll::Improvements)),
        routines: &ws.routines,
        checkins: Kept(&ws.checkins, keep(Coll::CheckIns)),
        recognitions: Kept(&ws.recognitions, keep(Coll::Recognitions)),
        thread: Kept(&ws.thread, keep(Coll::Thread)),
    };
    let env =
        HotEnvelope { format: schema::FORMAT, version: schema::CURRENT_VERSION, revision, saved_at, workspace: hot };
    let text = serde_json::to_string(&env).unwrap_or_default();
    let text = text.replacen(&format!("\"tasks\":{TASKS_SLOT}"), &format!("\"tasks\":{tasks}"), 1);
    let mut layout = json!({ "gen": gen, "places": places });
    let (mut gone, mut cleared) = (Map::new(), Map::new());
    for (coll, key, rev) in deleting {
        let idx = coll.index().to_string();
        if key.is_empty() {
            let latest = cleared.get(&idx).and_then(Value::as_u64).map_or(*rev, |r| r.max(*rev));
            cleared.insert(idx, json!(latest));
        } else if find_row(ws, *coll, key).is_none() {
            if let Value::Array(list) = gone.entry(idx).or_insert_with(|| json!([])) {
                list.push(json!([key, rev]));
            }
        }
    }
    if !gone.is_empty() {
        layout["gone"] = Value::Object(gone);
    }
    if !cleared.is_empty() {
        layout["cleared"] = Value::Object(cleared);
    }
    with_layout(text, layout)
}

/// The stored envelope of a hot part (as `schema::encode_stored` writes a whole one).
#[derive(Serialize)]
struct HotEnvelope<'a> {
    format: &'a str,
    version: u64,
    revision: u64,
    saved_at: DateTime<Utc>,
    workspace: HotWs<'a>,
}

/// The workspace's fields, in its own order, with only the kept rows of growing collections.
#[derive(Serialize)]
struct HotWs<'a> {
    name: &'a String,
    purpose: &'a String,
    goals: &'a Vec<String>,
    collaboration: &'a super::team::CollaborationModel,
    departments: &'a Vec<super::team::Department>,
    members: &'a Vec<super::team::Member>,
    roles: &'a Vec<super::team::Role>,
    skills: &'a Vec<super::team::Skill>,
    duties: &'a Vec<super::raci::Duty>,
    thresholds: &'a super::raci::Thresholds,
    board: HotBoard<'a>,
    training: Kept<'a, super::training::TrainingItem>,
    skill_history: Kept<'a, super::training::LevelChange>,
    kpis: &'a Vec<super::kpi::Kpi>,
    meetings: &'a Vec<super::service::Meeting>,
    minutes: Kept<'a, super::service::Minutes>,
    improvements: Kept<'a, super::service::Improvement>,
    routines: &'a Vec<super::service::Routine>,
    checkins: Kept<'a, super::service::CheckIn>,
    recognitions: Kept<'a, super::service::Recognition>,
    thread: Kept<'a, super::thread::Entry>,
}

#[derive(Serialize)]
struct HotBoard<'a> {
    columns: &'a Vec<super::board::Column>,
    tasks: TasksSlot,
    standards: &'a [super::board::ServiceStandard; 4],
}

/// Where the tasks' list goes: written as a number no field holds, replaced by the list. (No
/// string the serialiser writes can hold the unescaped `"tasks":` before it, so the only
/// match is this one.)
struct TasksSlot;

const TASKS_SLOT: u64 = u64::MAX;

impl Serialize for TasksSlot {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(TASKS_SLOT)
    }
}

/// The rows of a list that `keep` marks (all of them where it is shorter).
struct Kept<'a, T>(&'a [T], &'a [bool]);

impl<T: Serialize> Serialize for Kept<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        for (i, row) in self.0.iter().enumerate() {
            if self.1.get(i).copied().unwrap_or(true) {
                seq.serialize_element(row)?;
            }
        }
        seq.end()
    }
}

/// The envelope with its layout as one more field, after the workspace (its revision stays in
/// the first bytes, where `schema::stored_revision` reads it).
fn with_layout(text: String, layout: Value) -> String {
    let body = text.trim_end().strip_suffix('}').unwrap_or(&text);
    format!("{body},\"layout\":{}}}", json::text(&layout))
}

/// A stored hot part, read: the envelope (without its layout), the generation of cold rows it
/// goes with and the places of the rows it holds.
#[derive(Debug, Clone)]
pub struct Hot {
    pub envelope: Value,
    pub gen: Option<String>,
    pub revision: u64,
    places: BTreeMap<usize, Vec<(String, String)>>,
    /// Rows deleted by a write not known to be done, with its revision: a cold record of one
    /// older than that is not read.
    gone: BTreeMap<usize, BTreeMap<String, u64>>,
    /// Collections whose cold rows were written anew by a write not known to be done, with its
    /// revision: their cold records older than that are not read.
    cleared: BTreeMap<usize, u64>,
}

/// Reads a stored hot part. `None`: not JSON, or no layout (then the text is a whole workspace
/// as older versions stored it, read as any stored text is).
pub fn read_hot(text: &str) -> Option<Hot> {
    let Value::Object(mut env) = serde_json::from_str(text).ok()? else { return None };
    let Value::Object(layout) = env.remove("layout")? else { return None };
    let gen = layout.get("gen").and_then(Value::as_str).map(str::to_owned);
    let mut places = BTreeMap::new();
    if let Some(Value::Object(p)) = layout.get("places") {
        for (coll, pairs) in p {
            let coll: usize = coll.parse().ok()?;
            let pairs = pairs
                .as_array()?
                .iter()
                .map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned())))
                .collect::<Option<Vec<_>>>()?;
            places.insert(coll, pairs);
        }
    }
    let mut gone: BTreeMap<usize, BTreeMap<String, u64>> = BTreeMap::new();
    if let Some(Value::Object(g)) = layout.get("gone") {
        for (coll, pairs) in g {
            let at = gone.entry(coll.parse().ok()?).or_default();
            for p in pairs.as_array()? {
                at.insert(p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_u64()?);
            }
        }
    }
    let mut cleared = BTreeMap::new();
    if let Some(Value::Object(c)) = layout.get("cleared") {
        for (coll, rev) in c {
            cleared.insert(coll.parse().ok()?, rev.as_u64()?);
        }
    }
    let revision = env.get("revision").and_then(Value::as_u64).unwrap_or(0);
    Some(Hot { envelope: Value::Object(env), gen, revision, places, gone, cleared })
}

/// The envelope of a stored hot part whose cold rows are elsewhere (for the first screen,
/// before they are read), without its layout. `None` for anything else.
pub fn hot_part(text: &str) -> Option<Value> {
    let Value::Object(mut env) = serde_json::from_str(text).ok()? else { return None };
    env.remove("layout")?.get("gen")?.as_str()?;
    Some(Value::Object(env))
}

/// Why the stored rows could not be read back into one workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged(pub String);

/// A stored workspace read back whole.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The envelope, as `import::read_own` reads it.
    pub envelope: Value,
    /// Every row's place.
    pub ords: Ords,
    /// Cold rows read from the hot part (kept there while their own write was under way, which
    /// may not have happened): the next save writes them to the cold store.
    pub unsettled: Vec<(Coll, String)>,
    /// Stale records skipped (a delete, or a rewrite of their collection, that may not have
    /// been written), with the revision of that delete: listed by the next hot parts until the
    /// next save's delete of them is confirmed.
    pub skipped: Vec<(Coll, String, u64)>,
}

/// The hot part and the cold rows of its generation (key and record), read back into one
/// workspace. O(n log n).
pub fn join(hot: Hot, cold: Vec<(String, String)>) -> Result<Joined, Damaged> {
    let Hot { mut envelope, gen, revision, mut places, gone, cleared } = hot;
    let mut ords = Ords::default();
    let mut unsettled = Vec::new();
    let mut skipped = Vec::new();
    let Some(tree) = envelope.get_mut("workspace").filter(|t| t.is_object()) else {
        return Err(Damaged("no workspace".into()));
    };
    // Cold rows by collection: key → (place, revision, row).
    let mut by: BTreeMap<usize, BTreeMap<String, (String, u64, Value)>> = BTreeMap::new();
    if let Some(gen) = gen.as_deref() {
        for (key, record) in cold {
            let rest = key.strip_prefix(gen).and_then(|r| r.strip_prefix('|')).ok_or_else(|| Damaged(key.clone()))?;
            let (coll, row) = rest.split_once('|').ok_or_else(|| Damaged(key.clone()))?;
            let coll: usize = coll.parse().map_err(|_| Damaged(key.clone()))?;
            let Ok(Value::Object(mut rec)) = serde_json::from_str::<Value>(&record) else {
                return Err(Damaged(key));
            };
            let ord = rec.get("o").and_then(Value::as_str).map(str::to_owned).ok_or_else(|| Damaged(key.clone()))?;
            let rev = rec.get("r").and_then(Value::as_u64).unwrap_or(0);
            let value = rec.remove("v").filter(Value::is_object).ok_or_else(|| Damaged(key.clone()))?;
            by.entry(coll).or_default().insert(row.to_owned(), (ord, rev, value));
        }
    }
    for coll in split_colls() {
        let Some(list) = list_mut(tree, coll) else { continue };
        let mut cold = by.remove(&coll.index()).unwrap_or_default();
        // Records older than a delete (or a rewrite of the collection) that may not have been
        // written: not rows any more, and deleted by the next save.
        let before = |key: &str, rev: u64| {
            let c = cleared.get(&coll.index()).filter(|r| rev < **r);
            let g = gone.get(&coll.index()).and_then(|g| g.get(key)).filter(|r| rev < **r);
            c.into_iter().chain(g).max().copied()
        };
        if cleared.contains_key(&coll.index()) || gone.contains_key(&coll.index()) {
            cold.retain(|key, (_, rev, _)| match before(key, *rev) {
                Some(at) => {
                    unsettled.push((coll, key.clone()));
                    skipped.push((coll, key.clone(), at));
                    false
                }
                None => true,
            });
        }
        let hot_rows = std::mem::take(list);
        let pairs = places.remove(&coll.index());
        if gen.is_none() {
            // Every row is here, in order.
            *list = hot_rows;
            continue;
        }
        let pairs = pairs.unwrap_or_default();
        if pairs.len() != hot_rows.len() {
            return Err(Damaged(format!("places of {}", coll.decl().file.join("."))));
        }
        let mut all: Vec<(String, String, Value)> = Vec::with_capacity(hot_rows.len() + cold.len());
        for ((key, ord), row) in pairs.into_iter().zip(hot_rows) {
            match cold.remove(&key) {
                // Written later than this hot part (whose own write did not happen).
                Some((cord, rev, value)) if rev > revision => all.push((cord, key, value)),
                found => {
                    // A cold row here: its own record may be older, or missing.
                    let cold_row = coll != Coll::Tasks || row.get("archived") == Some(&Value::Bool(true));
                    if cold_row && found.is_none_or(|(_, rev, _)| rev < revision) {
                        unsettled.push((coll, key.clone()));
                    }
                    all.push((ord, key, row));
                }
            }
        }
        all.extend(cold.into_iter().map(|(key, (ord, _, value))| (ord, key, value)));
        all.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        for (ord, key, row) in all {
            ords.set(coll, key, ord);
            list.push(row);
        }
    }
    if let Some(stray) = by.keys().next() {
        return Err(Damaged(format!("rows of collection {stray}")));
    }
    Ok(Joined { envelope, ords, unsettled, skipped })
}

/// What the older layout's key holds once its workspace has moved: a save of a version no older
/// tab can read, at a revision none reaches, so that a tab of an older version open meanwhile
/// neither opens it nor saves over it.
pub fn moved_mark(to: &str, saved_at: DateTime<Utc>) -> String {
    let at = json::text(&json::value_of(&saved_at));
    format!(
        "{{\"format\":\"{}\",\"version\":{MOVED_VERSION},\"revision\":{MOVED_REVISION},\"saved_at\":{at},\"moved\":\"{to}\"}}",
        schema::FORMAT
    )
}

/// Whether `text` is the mark [`moved_mark`] leaves.
pub fn is_moved_mark(text: &str) -> bool {
    text.len() < 400 && schema::stored_revision(text) == MOVED_REVISION && text.contains("\"moved\":")
}

/// A schema version far above any this app will reach, and a revision no tab's save reaches.
const MOVED_VERSION: u64 = 1_000_000;
const MOVED_REVISION: u64 = 1 << 53;

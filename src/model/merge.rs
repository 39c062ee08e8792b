//! Merging a colleague's file into this workspace, entity by entity, by id: what only the file
//! has is added; where both have an entity and a field differs, that is a conflict the user
//! settles, one by one (this workspace's value unless they pick the file's).

use super::ids::IdGen;
use super::import::{restore, Repairs};
use super::ops::{entity_value, keys_of, union, Coll, Op, SETTINGS_ID};
use super::workspace::Workspace;
use serde_json::Value;
use std::collections::BTreeMap;

/// One field that this workspace and the file hold differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub coll: Coll,
    pub id: String,
    /// The entity's name or title, for the list.
    pub label: String,
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
}

impl Conflict {
    /// A value as the user reads it: text as it is, anything else as JSON (cut to 200 chars).
    pub fn show(v: &Value) -> String {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        text.chars().take(200).collect()
    }
}

/// A merge waiting for the user's picks.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// This workspace with what only the file has added (conflicts at this workspace's values).
    pub merged: Workspace,
    /// How many entities the file adds.
    pub added: usize,
    pub conflicts: Vec<Conflict>,
    /// What the merge had to change to keep every rule (both sides added a person, a skill or a
    /// column of the same name: the file's is renamed).
    pub repairs: Repairs,
}

/// The ids of a collection's rows by where they are, looked up by sorting (O(n log n)).
fn index(ws: &Workspace, coll: Coll) -> BTreeMap<String, usize> {
    keys_of(ws, coll).into_iter().enumerate().map(|(i, k)| (k, i)).collect()
}

/// One row of a collection as a JSON object (the settings as theirs).
fn value(ws: &Workspace, coll: Coll, at: usize) -> Option<Value> {
    match ws.rows(coll) {
        None => entity_value(ws, coll, SETTINGS_ID),
        Some(r) => (at < r.count()).then(|| r.value_at(at)),
    }
}

/// `ws` brought within every rule of the declaration, the same way on every side (a fixed seed
/// for any id made), with what that changed.
fn within_rules(ws: Workspace) -> (Workspace, Repairs) {
    let tree = super::json::value_of(&ws);
    match restore(tree, &mut IdGen::new(0)) {
        Ok(got) => got,
        Err(_) => (ws, Repairs::default()),
    }
}

/// Merges `theirs` into `mine`. O(n log n) in the number of entities (keys are looked up in
/// ordered maps), plus the fields compared.
pub fn merge(mine: &Workspace, theirs: &Workspace) -> Merge {
    let (merged, repairs) = within_rules(union(mine, theirs));
    let mut added = 0;
    let mut conflicts = Vec::new();
    for coll in Coll::ALL {
        let (mine_at, theirs_at) = if coll == Coll::Settings {
            let one: BTreeMap<String, usize> = [(SETTINGS_ID.to_owned(), 0)].into_iter().collect();
            (one.clone(), one)
        } else {
            (index(mine, coll), index(theirs, coll))
        };
        for (id, &j) in &theirs_at {
            let Some(&i) = mine_at.get(id) else {
                added += 1;
                continue;
            };
            let (Some(Value::Object(a)), Some(Value::Object(b))) = (value(mine, coll, i), value(theirs, coll, j))
            else {
                continue;
            };
            let label = ["name", "title"]
                .iter()
                .find_map(|k| a.get(*k).and_then(Value::as_str))
                .filter(|s| !s.is_empty())
                .unwrap_or(id)
                .to_owned();
            for (field, theirs_v) in &b {
                let mine_v = a.get(field).cloned().unwrap_or(Value::Null);
                if &mine_v != theirs_v {
                    conflicts.push(Conflict {
                        coll,
                        id: id.clone(),
                        label: label.clone(),
                        field: field.clone(),
                        mine: mine_v,
                        theirs: theirs_v.clone(),
                    });
                }
            }
        }
    }
    Merge { merged, added, conflicts, repairs }
}

/// The merged workspace with the file's value taken where `take_theirs[i]` is set for
/// conflict `i`, brought within every rule again (a name taken from the file may meet another).
pub fn resolve(merge: &Merge, take_theirs: &[bool]) -> Workspace {
    let mut ws = merge.merged.clone();
    let ops: Vec<Op> = merge
        .conflicts
        .iter()
        .zip(take_theirs)
        .filter(|(_, take)| **take)
        .map(|(c, _)| Op::Set {
            coll: c.coll,
            id: c.id.clone(),
            field: c.field.clone(),
            old: c.mine.clone(),
            new: c.theirs.clone(),
        })
        .collect();
    ws.apply(&ops);
    within_rules(ws).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::IdGen;
    use crate::model::template::service_team;
    use chrono::{TimeZone, Utc};

    fn team() -> Workspace {
        service_team(&mut IdGen::new(7), Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap())
    }

    #[test]
    fn a_plain_file_merge_adds_what_only_it_has_and_reports_its_conflicts() {
        let mine = team();
        let mut theirs = mine.clone();
        theirs.name = "Their team".into();
        theirs.members[0].capacity_hours = 12;
        theirs.members[1].name = "Renamed".into();
        let mut extra = theirs.members[2].clone();
        extra.id = crate::model::ids::MemberId("mem_extra".into());
        extra.name = "Only in the file".into();
        theirs.members.push(extra);
        let m = merge(&mine, &theirs);
        assert_eq!(m.added, 1);
        let fields: Vec<(&str, &str)> = m.conflicts.iter().map(|c| (c.label.as_str(), c.field.as_str())).collect();
        assert_eq!(fields.len(), 3, "{fields:?}");
        assert!(fields.contains(&(mine.name.as_str(), "name")));
        assert!(fields.contains(&(mine.members[0].name.as_str(), "capacity_hours")));
        assert!(fields.contains(&(mine.members[1].name.as_str(), "name")));
        // Unpicked, this workspace's values stay; the added member is there either way.
        let kept = resolve(&m, &[false, false, false]);
        assert_eq!(kept.name, mine.name);
        assert_eq!(kept.members.len(), mine.members.len() + 1);
        assert!(kept.members.iter().any(|x| x.name == "Only in the file"));
        // Picked one by one.
        let picks: Vec<bool> = m.conflicts.iter().map(|c| c.field == "capacity_hours").collect();
        let took = resolve(&m, &picks);
        assert_eq!(took.members[0].capacity_hours, 12);
        assert_eq!(took.name, mine.name);
        assert_eq!(took.members[1].name, mine.members[1].name);
    }

    // Bug (issue 23): both sides added a person of the same name; the merge saved two members
    // of one name, which the next reload renamed. The merge says so and keeps every rule.
    #[test]
    fn two_sides_adding_the_same_name_merge_into_a_workspace_that_keeps_the_rules() {
        let mine = team();
        let mut theirs = mine.clone();
        let mut extra = theirs.members[2].clone();
        extra.id = crate::model::ids::MemberId("mem_theirs".into());
        extra.name = mine.members[0].name.to_uppercase();
        theirs.members.push(extra);
        let m = merge(&mine, &theirs);
        assert_eq!(m.added, 1);
        assert!(
            m.repairs.iter().any(|r| matches!(r, crate::model::import::Repair::NameChanged { .. })),
            "{:?}",
            m.repairs
        );
        assert_eq!(crate::model::validate(&m.merged), vec![]);
        assert_eq!(crate::model::validate(&resolve(&m, &[])), vec![]);
    }

    #[test]
    fn the_same_file_merges_to_nothing() {
        let ws = team();
        let m = merge(&ws, &ws);
        assert_eq!((m.added, m.conflicts.len()), (0, 0));
        assert_eq!(m.merged, ws);
    }

    #[test]
    fn an_export_carries_the_sync_document_and_an_import_reads_it_back() {
        let ws = team();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let file =
            crate::model::schema::with_sync_doc(&crate::model::schema::encode(&ws, now, true), "support \"A\"", "AAEC");
        let got = crate::model::import::read(&file, &mut IdGen::new(1)).unwrap();
        assert_eq!(got.sync_doc.as_deref(), Some("AAEC"));
        assert_eq!(got.sync_room.as_deref(), Some("support \"A\""));
        assert_eq!(got.workspace, ws);
        let plain =
            crate::model::import::read(&crate::model::schema::encode(&ws, now, true), &mut IdGen::new(1)).unwrap();
        assert_eq!(plain.sync_doc, None);
    }
}

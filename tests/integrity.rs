//! What the app accepts, it reads back unchanged (issue 23): random sequences of real commands,
//! with text at every limit, dates at the ends of what the date inputs accept, removals of
//! things in use and repeated names, then export → import reports no repair and gives the same
//! workspace; the same through the team's Yjs document; and two workspaces grown apart from one
//! merge into one that keeps every rule.

mod common;

use common::{now, run, small};
use proptest::prelude::*;
use rolecall::model::commands::Cmd;
use rolecall::model::dates::{first_day, last_day};
use rolecall::model::decl::{MAX_NAME, MAX_TEXT, MAX_TITLE, MAX_VALUE};
use rolecall::model::ids::{ImprovementId, MeetingId, RoutineId};
use rolecall::model::json::value_of;
use rolecall::model::kpi::Direction;
use rolecall::model::merge::{merge, resolve};
use rolecall::model::ops::three_way;
use rolecall::model::rules::problems;
use rolecall::model::schema::encode;
use rolecall::model::service::{Improvement, Meeting, Repeat, Routine};
use rolecall::model::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Text of exactly `n` characters, some of them outside ASCII (a limit counts characters).
fn text(n: usize, seed: usize) -> String {
    let alphabet = ['a', '名', 'é', ' ', 'Z', '好'];
    // No leading or trailing space: commands trim names, and a name at the limit must stay one.
    (0..n).map(|i| if i == 0 || i + 1 == n { 'x' } else { alphabet[(i + seed) % alphabet.len()] }).collect()
}

/// A command at an edge of what the app accepts: texts at their limits, dates at the ends of the
/// date inputs, numbers at the ends of their ranges, removals of things others refer to, and
/// names another entity has. `None` when it refused (which must then change nothing).
fn edge(ws: &mut Workspace, ids: &mut IdGen, pick: u8, a: usize) -> Option<Vec<rolecall::model::ops::Op>> {
    let mut cmd = Cmd::new(ws, ids, now());
    let ends = [first_day(), last_day()];
    match pick % 14 {
        0 => {
            let mut t = cmd.ws().board.tasks.get(a % cmd.ws().board.tasks.len().max(1))?.clone();
            t.title = text(MAX_TITLE, a);
            t.description = text(MAX_TEXT, a);
            t.labels = vec![text(MAX_NAME, a)];
            t.due = Some(ends[a % 2]);
            t.estimate_hours = [0.0, 1000.0][a % 2];
            cmd.save_task(t).ok()
        }
        1 => {
            let mut m = cmd.ws().members.get(a % cmd.ws().members.len().max(1))?.clone();
            m.name = text(MAX_NAME, a);
            m.title = text(MAX_NAME, a + 1);
            m.contact = text(MAX_TITLE, a);
            m.notes = text(MAX_TEXT, a);
            m.capacity_hours = [0, 168][a % 2];
            cmd.save_member(m).ok()
        }
        2 => {
            let id = cmd.ws().members.get(a % cmd.ws().members.len().max(1))?.id.clone();
            cmd.remove_member(&id).ok()
        }
        3 => {
            let id = cmd.ws().skills.get(a % cmd.ws().skills.len().max(1))?.id.clone();
            cmd.remove_skill(&id).ok()
        }
        4 => {
            let id = cmd.ws().board.tasks.get(a % cmd.ws().board.tasks.len().max(1))?.id.clone();
            cmd.remove_task(&id).ok()
        }
        5 => {
            // A name another meeting has (in another case) is refused; a new one at the limit is not.
            let name = match cmd.ws().meetings.first() {
                Some(m) if a.is_multiple_of(2) => m.name.to_uppercase(),
                _ => text(MAX_NAME, a),
            };
            let fresh = Meeting::fresh(MeetingId::generate(cmd.ids()));
            cmd.save_meeting(Meeting { name, ..fresh }).ok()
        }
        6 => {
            let task = cmd.ws().board.tasks.get(a % cmd.ws().board.tasks.len().max(1)).map(|t| t.id.clone());
            let kpi = cmd.ws().kpis.first().map(|k| k.id.clone());
            let x = Improvement {
                id: ImprovementId::generate(cmd.ids()),
                problem: text(MAX_TITLE, a),
                cause: text(MAX_TEXT, a),
                due: Some(ends[a % 2]),
                kpi,
                before: Some([-MAX_VALUE, MAX_VALUE][a % 2]),
                tasks: task.into_iter().collect(),
                ..Improvement::default()
            };
            cmd.save_improvement(x).ok()
        }
        7 => {
            let r = Routine {
                title: text(MAX_TITLE, a),
                repeat: [Repeat::Daily, Repeat::Weekly, Repeat::Monthly][a % 3],
                month_day: [1, 31][a % 2],
                estimate_hours: 1000.0,
                ..Routine::fresh(RoutineId::generate(cmd.ids()), now().date_naive())
            };
            cmd.save_routine(r).ok()
        }
        8 => cmd.add_kpi(&text(MAX_NAME, a), "", Direction::HigherIsBetter, [-MAX_VALUE, MAX_VALUE][a % 2], None).ok(),
        9 => {
            let k = cmd.ws().kpis.iter().find(|k| k.unit.is_empty()).or(cmd.ws().kpis.first())?.clone();
            let v = if k.unit.is_empty() { [-MAX_VALUE, MAX_VALUE][a % 2] } else { 0.0 };
            cmd.record_kpi(&k.id, ends[a % 2], v).ok()
        }
        10 => {
            let task = cmd.ws().board.tasks.get(a % cmd.ws().board.tasks.len().max(1))?.id.clone();
            cmd.comment(&task, None, &text(MAX_TEXT, a)).ok()
        }
        11 => {
            let id = cmd.ws().kpis.get(a % cmd.ws().kpis.len().max(1))?.id.clone();
            cmd.remove_kpi(&id).ok()
        }
        12 => {
            let id = cmd.ws().meetings.get(a % cmd.ws().meetings.len().max(1))?.id.clone();
            let (_, mut ops) = cmd.hold_meeting(&id, ends[a % 2]).ok()?;
            let id = cmd.ws().meetings.get(a % cmd.ws().meetings.len().max(1))?.id.clone();
            let mut m = cmd.ws().minutes_of(&id, ends[a % 2])?.clone();
            m.decisions = text(MAX_TEXT, a);
            ops.extend(cmd.save_minutes(m).ok()?);
            Some(ops)
        }
        _ => {
            let mut t = cmd.ws().thresholds.clone();
            t.max_informed = 999;
            t.member_load_factor = 100.0;
            cmd.set_thresholds(t).ok()
        }
    }
}

/// Grows `ws` by `steps`: each either one of the everyday commands or one at an edge. After
/// every step the workspace keeps every rule of the declaration, and a refused step changed
/// nothing.
fn grow(ws: &mut Workspace, ids: &mut IdGen, steps: &[(u8, bool, usize, usize, usize)]) {
    for &(pick, at_edge, a, b, c) in steps {
        let before = ws.clone();
        let made = if at_edge { edge(ws, ids, pick, a) } else { run(ws, ids, pick, a, b, c) };
        if made.is_none() {
            assert_eq!(*ws, before, "a refused command (pick {pick}, edge {at_edge}) changed nothing");
        }
        let found = problems(&value_of(ws));
        assert!(found.is_empty(), "pick {pick} (edge {at_edge}) broke a rule: {found:?}");
    }
}

fn steps() -> impl Strategy<Value = Vec<(u8, bool, usize, usize, usize)>> {
    proptest::collection::vec((any::<u8>(), any::<bool>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    // Rule (issue 23): what commands accept, import reads back unchanged, with no repair.
    #[test]
    fn what_commands_accept_reads_back_unchanged(seed in 0u64..1000, steps in steps()) {
        let mut ws = small(seed);
        let mut ids = IdGen::new(seed);
        grow(&mut ws, &mut ids, &steps);
        let got = import::read(&encode(&ws, now(), false), &mut IdGen::new(1)).unwrap();
        prop_assert_eq!(got.repairs.to_vec(), vec![]);
        prop_assert_eq!(&got.workspace, &ws);
        // The start of the app reads its own save directly, with none of the repair code.
        prop_assert_eq!(import::read_own(&rolecall::model::schema::encode_stored(&ws, now(), 7)), Some(ws.clone()));
        // And through the team's document (which never holds the private check-ins).
        let shared = ws.without_private();
        let (doc, roots) = ydoc::doc_of(&shared);
        let back = ydoc::read(&yrs::Transact::transact(&doc), &roots).unwrap();
        prop_assert_eq!(back, shared);
    }

    // Rule (issue 23): two workspaces grown apart from one merge into one that keeps every rule
    // (both sides may add a person, a skill or a column of one name) and reloads clean,
    // whatever is taken from the file.
    #[test]
    fn what_a_merge_makes_keeps_every_rule(seed in 0u64..1000, mine in steps(), theirs in steps(), picks in any::<u64>()) {
        let start = small(seed);
        let (mut a, mut b) = (start.clone(), start);
        grow(&mut a, &mut IdGen::new(seed ^ 1), &mine);
        grow(&mut b, &mut IdGen::new(seed ^ 2), &theirs);
        let m = merge(&a, &b);
        prop_assert_eq!(problems(&value_of(&m.merged)), vec![]);
        let take: Vec<bool> = (0..m.conflicts.len()).map(|i| picks >> (i % 64) & 1 == 1).collect();
        let merged = resolve(&m, &take);
        prop_assert_eq!(problems(&value_of(&merged)), vec![]);
        let got = import::read(&encode(&merged, now(), false), &mut IdGen::new(1)).unwrap();
        prop_assert_eq!(got.repairs.to_vec(), vec![]);
        prop_assert_eq!(got.workspace, merged);
    }

    // A form's save: the fields it changed are its own, the rest keep what is current.
    #[test]
    fn a_three_way_save_keeps_both_sides_changes(name in "[a-z]{1,8}", notes in "[a-z]{0,8}", capacity in 0u32..169) {
        let base = value_of(&small(1).members[0]);
        let mut mine = base.clone();
        mine["notes"] = json!(notes);
        let mut current = base.clone();
        current["capacity_hours"] = json!(capacity);
        current["name"] = json!(name);
        let merged = three_way(&base, &mine, &current);
        prop_assert_eq!(&merged["notes"], &json!(notes));
        prop_assert_eq!(&merged["capacity_hours"], &json!(capacity));
        prop_assert_eq!(&merged["name"], &json!(name));
        prop_assert_eq!(three_way(&base, &mine, &base), mine.clone());
        prop_assert_eq!(three_way(&base, &base, &current), current.clone());
    }
}

// Bug (issue 23): a title of 250 characters (the editor allows 300) was cut to 200 on reload.
#[test]
fn a_title_of_250_characters_reads_back_whole() {
    let mut ws = small(7);
    let mut ids = IdGen::new(7);
    let mut t = ws.board.tasks[0].clone();
    t.title = text(250, 3);
    Cmd::new(&mut ws, &mut ids, now()).save_task(t.clone()).unwrap();
    let got = import::read(&encode(&ws, now(), false), &mut IdGen::new(1)).unwrap();
    assert_eq!(got.repairs.to_vec(), vec![]);
    assert_eq!(got.workspace.board.tasks[0].title, t.title);
}

// Bug (issue 23): removing a member, a skill or a task left references that the next reload
// removed and reported (level history, training, an improvement's tasks, a routine's last task).
#[test]
fn removing_what_others_refer_to_leaves_nothing_for_a_reload_to_repair() {
    let mut ws = small(11);
    let mut ids = IdGen::new(11);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let (m, s) = (cmd.ws().members[0].id.clone(), cmd.ws().skills[0].id.clone());
    cmd.set_level(&m, &s, 3).unwrap();
    cmd.plan_training(&m, &s, 4, None).unwrap();
    let task = cmd.ws().board.tasks[0].id.clone();
    let x = Improvement {
        id: ImprovementId::generate(cmd.ids()),
        problem: "Slow replies".into(),
        tasks: vec![task.clone()],
        owner: Some(m.clone()),
        ..Improvement::default()
    };
    cmd.save_improvement(x).unwrap();
    cmd.comment(&task, Some(m.clone()), "Called back").unwrap();
    cmd.remove_task(&task).unwrap();
    cmd.remove_skill(&s).unwrap();
    cmd.remove_member(&m).unwrap();
    let got = import::read(&encode(&ws, now(), false), &mut IdGen::new(1)).unwrap();
    assert_eq!(got.repairs.to_vec(), vec![]);
    assert_eq!(got.workspace, ws);
}

// Bug (issue 23): a merge bringing 7,000 new tasks took 1.6 s, about n^1.7. It is compared with
// reading the merged workspace as JSON in the same run (a busy machine slows both alike).
#[test]
fn a_merge_bringing_thousands_of_tasks_costs_about_what_reading_them_does() {
    let mine = small(3);
    let mut theirs = mine.clone();
    let size = generate::Size { members: 8, skills: 6, roles: 4, duties: 10, tasks: 7_000, weeks: 4 };
    let big = generate::large(5, now(), size);
    theirs.board.tasks.extend(big.board.tasks.into_iter().map(|mut t| {
        t.assignees.clear();
        t.required_skills.clear();
        t.duty = None;
        t.column = mine.board.columns[0].id.clone();
        t
    }));
    let start = Instant::now();
    let m = merge(&mine, &theirs);
    let took = start.elapsed();
    assert_eq!(m.added, 7_000);
    let text = encode(&m.merged, now(), false);
    let start = Instant::now();
    let _ = serde_json::from_str::<serde_json::Value>(&text);
    let reading = start.elapsed();
    assert!(took < reading * 40 + Duration::from_millis(200), "the merge took {took:?}, reading it {reading:?}");
}

/// Each thing the full read would repair or migrate sends the direct read of a save to it.
#[test]
fn the_direct_read_of_a_save_leaves_every_repair_to_the_full_read() {
    let ws = rolecall::model::template::service_team(&mut IdGen::new(5), now());
    let stored: Value = serde_json::from_str(&rolecall::model::schema::encode_stored(&ws, now(), 1)).unwrap();
    assert_eq!(import::read_own(&stored.to_string()), Some(ws.clone()));
    type Bend = (&'static str, fn(&mut Value));
    let bends: Vec<Bend> = vec![
        ("an older version", |v| v["version"] = json!(6)),
        ("a future version", |v| v["version"] = json!(99)),
        ("another format", |v| v["format"] = json!("other")),
        ("a missing field", |v| {
            v["workspace"]["members"][0].as_object_mut().unwrap().remove("notes");
        }),
        ("a field of the wrong type", |v| v["workspace"]["members"][0]["capacity_hours"] = json!("many")),
        ("a repeated id", |v| v["workspace"]["skills"][1]["id"] = v["workspace"]["skills"][0]["id"].clone()),
        ("a name too long", |v| v["workspace"]["roles"][0]["name"] = json!("r".repeat(500))),
        ("a reference to nothing", |v| v["workspace"]["members"][0]["roles"] = json!(["role_gone"])),
        ("no columns", |v| v["workspace"]["board"]["columns"] = json!([])),
        ("an item that is not an object", |v| v["workspace"]["members"][0] = json!(3)),
        ("a duty's role without a letter", |v| {
            v["workspace"]["duties"][0]["roles"] = json!([{ "role": v["workspace"]["roles"][0]["id"], "letter": null }])
        }),
        ("settings that do not read", |v| v["workspace"]["thresholds"] = json!("none")),
        ("a member's skill that names no skill", |v| v["workspace"]["members"][0]["skills"] = json!([{ "level": 2 }])),
        ("a duty's role entry that names no role", |v| {
            v["workspace"]["duties"][0]["roles"] = json!([{ "letter": "R" }])
        }),
        ("a task with no column", |v| {
            v["workspace"]["board"]["tasks"][0].as_object_mut().unwrap().remove("column");
        }),
    ];
    for (what, bend) in bends {
        let mut v = stored.clone();
        bend(&mut v);
        let text = v.to_string();
        assert_eq!(import::read_own(&text), None, "{what} was read directly");
        if let Ok(full) = import::read(&text, &mut IdGen::new(1)) {
            assert!(full.from_version != 7 || !full.repairs.is_empty(), "{what}: the full read found nothing to do");
        }
    }
}

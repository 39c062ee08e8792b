//! The stored layout (issue 24): the hot part and the cold rows read back into the workspace
//! that was saved, after a whole write and after any run of commands saved row by row.

mod common;

use common::{fixture, now, run, small};
use proptest::prelude::*;
use rolecall::model::commands::Cmd;
use rolecall::model::ids::IdGen;
use rolecall::model::import::{read_own, read_own_envelope};
use rolecall::model::layout::{
    self, cold_changes, cold_rows, hot_text, hot_text_with, join, read_hot, Ords, TaskTexts,
};
use rolecall::model::ops::{Coll, Op};
use rolecall::model::Workspace;
use std::collections::{BTreeMap, BTreeSet};

/// A browser's two stores, as the app keeps them.
struct Stored {
    hot: String,
    cold: BTreeMap<String, String>,
    gen: String,
    ords: Ords,
    revision: u64,
    /// The open tasks' texts, as the app keeps them between saves.
    texts: TaskTexts,
}

impl Stored {
    /// A whole write (an import, the move from the older layout).
    fn whole(ws: &Workspace, gen: &str) -> Stored {
        let ords = Ords::fresh(ws);
        let cold = cold_rows(ws, &ords, gen, 1).into_iter().collect();
        let hot = hot_text(ws, &ords, Some(gen), 1, now(), &|_, _| false, &[]);
        Stored { hot, cold, gen: gen.into(), ords, revision: 1, texts: TaskTexts::default() }
    }

    /// A save of the rows `ops` named.
    fn save(&mut self, ws: &Workspace, ops: &[Op], in_flight: bool) {
        self.save_losing(ws, ops, in_flight, false);
    }

    /// A save, its cold write still under way as the hot part is written (`in_flight`), and
    /// that write lost (`lost`: the page closed first).
    fn save_losing(&mut self, ws: &Workspace, ops: &[Op], in_flight: bool, lost: bool) {
        self.save_rows(ws, touched(ops), in_flight, lost);
        if lost {
            self.reopen(ws);
        }
    }

    /// The page closed: the next one reads the stores, and its first save writes what the hot
    /// part alone held (`layout::Joined::unsettled`).
    fn reopen(&mut self, ws: &Workspace) {
        let joined = join(read_hot(&self.hot).unwrap(), self.cold.clone().into_iter().collect()).unwrap();
        self.ords = joined.ords;
        let mut touched: BTreeMap<Coll, BTreeSet<String>> = BTreeMap::new();
        for (coll, key) in joined.unsettled {
            touched.entry(coll).or_default().insert(key);
        }
        self.save_rows(ws, touched, false, false);
    }

    fn save_rows(&mut self, ws: &Workspace, touched: BTreeMap<Coll, BTreeSet<String>>, in_flight: bool, lost: bool) {
        let touched_here = touched.clone();
        self.revision += 1;
        let before = self.cold.clone();
        let mut deleting = Vec::new();
        let mut written = BTreeSet::new();
        for (coll, keys) in touched {
            let t = self.ords.touch(ws, coll, &keys);
            let w = cold_changes(ws, &self.ords, &self.gen, self.revision, coll, &t);
            for (from, to) in w.clear {
                deleting.push((coll, String::new(), self.revision));
                let gone: Vec<String> = self.cold.range(from..to).map(|(k, _)| k.clone()).collect();
                gone.iter().for_each(|k| drop(self.cold.remove(k)));
            }
            for k in w.deletes {
                let (_, key) = layout::parse_cold_key(&self.gen, &k).unwrap();
                deleting.push((coll, key.to_owned(), self.revision));
                self.cold.remove(&k);
            }
            for (k, v) in w.puts {
                written.insert(k.clone());
                self.cold.insert(k, v);
            }
        }
        let gen = self.gen.clone();
        let also = |c: Coll, k: &str| in_flight && written.contains(&layout::cold_key(&gen, c, k));
        let deleting = if in_flight { deleting } else { Vec::new() };
        let at = now();
        // The app's way: the tasks the save names made anew, the rest copied.
        for key in touched_here.get(&Coll::Tasks).into_iter().flatten() {
            self.texts.forget(key);
        }
        let fresh = hot_text(ws, &self.ords, Some(&self.gen), self.revision, at, &also, &deleting);
        self.hot = hot_text_with(ws, &self.ords, Some(&self.gen), self.revision, at, &also, &deleting, &mut self.texts);
        assert_eq!(self.hot, fresh, "the kept texts make the same hot part as a whole write of it");
        if lost {
            self.cold = before;
        }
    }

    fn read(&self) -> (Workspace, Ords) {
        let hot = read_hot(&self.hot).expect("a hot part");
        let cold: Vec<(String, String)> = self.cold.clone().into_iter().collect();
        let joined = join(hot, cold).expect("joins");
        let (env, ords) = (joined.envelope, joined.ords);
        match read_own_envelope(env.clone(), true) {
            Some(ws) => (ws, ords),
            None => {
                let text = rolecall::model::json::text(&env);
                let got = rolecall::model::import::read(&text, &mut IdGen::new(1));
                panic!("not the app's own save: {:?}", got.map(|g| g.repairs));
            }
        }
    }
}

/// The rows of growing collections `ops` named.
fn touched(ops: &[Op]) -> BTreeMap<Coll, BTreeSet<String>> {
    let mut touched: BTreeMap<Coll, BTreeSet<String>> = BTreeMap::new();
    for op in ops.iter().filter(|op| layout::splits(op.coll())) {
        touched.entry(op.coll()).or_default().insert(op.id().to_owned());
    }
    touched
}

/// One step: a comment on a task (every fifth), or one of the everyday commands.
fn step(ws: &mut Workspace, ids: &mut IdGen, pick: u8, a: usize, b: usize, c: usize) -> Option<Vec<Op>> {
    if pick.is_multiple_of(5) && !ws.board.tasks.is_empty() {
        let task = ws.board.tasks[a % ws.board.tasks.len()].id.clone();
        let author = ws.members.get(b % ws.members.len().max(1)).map(|m| m.id.clone());
        return Cmd::new(ws, ids, now()).comment(&task, author, &format!("Comment {c}")).ok();
    }
    run(ws, ids, pick, a, b, c)
}

/// A workspace with history: archived tasks, comments and changes on the thread, level changes.
fn with_history(seed: u64) -> Workspace {
    let mut ws = small(seed);
    // Ids of a generator other than the one `small` used (the app seeds it at random).
    let mut ids = IdGen::new(seed ^ 0xdead_beef);
    for i in 0..160usize {
        let _ = step(&mut ws, &mut ids, (i * 13 + seed as usize) as u8, i, i * 3, i * 5);
    }
    ws
}

#[test]
fn a_whole_write_reads_back_unchanged() {
    let ws = with_history(3);
    let stored = Stored::whole(&ws, "g1");
    assert!(!stored.cold.is_empty(), "the history is cold");
    let (back, _) = stored.read();
    assert_eq!(back, ws);
}

#[test]
fn the_hot_part_holds_no_history() {
    let mut ws = small(5);
    for t in ws.board.tasks.iter_mut().take(20) {
        t.archived = true;
    }
    let stored = Stored::whole(&ws, "g1");
    let hot = read_hot(&stored.hot).unwrap();
    let part = read_own_envelope(hot.envelope, false).expect("the first screen reads the hot part alone");
    assert_eq!(part.board.tasks.len(), ws.board.tasks.len() - 20);
    assert!(part.board.tasks.iter().all(|t| !t.archived));
    assert_eq!(stored.cold.len(), 20);
}

#[test]
fn without_a_database_everything_is_hot() {
    let ws = with_history(4);
    let text = hot_text(&ws, &Ords::default(), None, 3, now(), &|_, _| false, &[]);
    let hot = read_hot(&text).unwrap();
    assert_eq!(hot.gen, None);
    let joined = join(hot, Vec::new()).unwrap();
    assert!(joined.unsettled.is_empty());
    assert_eq!(read_own_envelope(joined.envelope, true).unwrap(), ws);
}

#[test]
fn a_row_in_both_stores_is_the_copy_saved_later() {
    let ws = with_history(6);
    let mut stored = Stored::whole(&ws, "g1");
    // A task archived: its cold record is written, and the hot part of that save is lost.
    let mut next = ws.clone();
    let i = next.board.tasks.iter().position(|t| !t.archived).unwrap();
    next.board.tasks[i].archived = true;
    let id = next.board.tasks[i].id.0.clone();
    let old_hot = stored.hot.clone();
    stored.save(
        &next,
        &[Op::Set { coll: Coll::Tasks, id, field: "archived".into(), old: false.into(), new: true.into() }],
        false,
    );
    stored.hot = old_hot;
    let (back, _) = stored.read();
    assert_eq!(back, next, "the later copy (the archived one) is the row");
}

#[test]
fn a_damaged_record_is_reported_not_skipped() {
    let ws = with_history(7);
    let mut stored = Stored::whole(&ws, "g1");
    let key = stored.cold.keys().next().unwrap().clone();
    stored.cold.insert(key, "{\"o\":".into());
    let hot = read_hot(&stored.hot).unwrap();
    assert!(join(hot, stored.cold.into_iter().collect()).is_err());
}

#[test]
fn the_older_layout_is_marked_so_that_no_older_tab_reads_or_saves_over_it() {
    let mark = layout::moved_mark("rolecall.hot", now());
    assert!(layout::is_moved_mark(&mark));
    assert!(rolecall::model::schema::stored_revision(&mark) > 1 << 50);
    assert!(read_own(&mark).is_none(), "no version reads it as a workspace");
    let mut ids = IdGen::new(1);
    assert!(rolecall::model::import::read(&mark, &mut ids).is_err());
    assert!(!layout::is_moved_mark(&fixture("v7.json")));
}

#[test]
fn todays_stored_fixture_moves_to_the_new_layout_unchanged() {
    // The localStorage of a browser before issue 24: the workspace whole under one key.
    let text = fixture("layout-v1-localstorage.json");
    let storage: serde_json::Value = serde_json::from_str(&text).unwrap();
    let stored = storage["rolecall.workspace"].as_str().unwrap();
    let ws = read_own(stored).expect("the fixture is a save of this version");
    assert!(ws.thread.len() >= 10 && ws.board.tasks.iter().any(|t| t.archived));
    let moved = Stored::whole(&ws, "g1");
    assert_eq!(moved.read().0, ws);
}

fn steps() -> impl Strategy<Value = Vec<(u8, usize, usize, usize, bool)>> {
    proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>(), any::<bool>()), 1..24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    // What is saved row by row reads back as the workspace was, after every save.
    #[test]
    fn saves_of_the_rows_commands_named_read_back_unchanged(seed in 0u64..500, steps in steps()) {
        let mut ws = with_history(seed);
        let mut ids = IdGen::new(seed ^ 0x0bad_cafe);
        let mut stored = Stored::whole(&ws, "g7");
        for (pick, a, b, c, in_flight) in steps {
            let Some(ops) = step(&mut ws, &mut ids, pick, a, b, c) else { continue };
            let own = read_own(&rolecall::model::schema::encode_stored(&ws, now(), 1)).is_some();
            prop_assume!(own, "the commands' own output needs no repair");
            // A cold write under way may be lost (the page closed): the hot part holds enough.
            stored.save_losing(&ws, &ops, in_flight, in_flight && c % 2 == 0);
            let (back, ords) = stored.read();
            prop_assert_eq!(&back, &ws);
            prop_assert_eq!(ords, stored.ords.clone());
        }
    }
}

#[test]
fn a_cold_row_kept_only_in_the_hot_part_is_written_by_the_next_save() {
    let mut ws = with_history(8);
    let mut stored = Stored::whole(&ws, "g1");
    let mut ids = IdGen::new(77);
    let task = ws.board.tasks[0].id.clone();
    let ops = Cmd::new(&mut ws, &mut ids, now()).comment(&task, None, "Written as the page closed").unwrap();
    let before = stored.cold.clone();
    // The hot part keeps the comment while its record is written; that write is lost.
    stored.save(&ws, &ops, true);
    stored.cold = before;
    let hot = read_hot(&stored.hot).unwrap();
    let joined = join(hot, stored.cold.clone().into_iter().collect()).unwrap();
    assert_eq!(read_own_envelope(joined.envelope, true).unwrap(), ws, "read back from the hot part");
    let entry = ws.thread.last().unwrap().id.0.clone();
    assert_eq!(joined.unsettled, vec![(Coll::Thread, entry)], "and written to the cold store by the next save");
}

#[test]
fn two_years_of_history_read_back_unchanged_after_a_whole_write_and_saves_row_by_row() {
    // The benchmark's two-year workspace: 4,000 tasks (3,000 archived), 21,000 comments.
    let size =
        rolecall::model::generate::Size { members: 30, tasks: 4000, weeks: 105, ..rolecall::model::generate::BENCH };
    let mut ws = rolecall::model::generate::large(7, now(), size);
    rolecall::model::generate::with_history(&mut ws, 7, 1000, 21_000);
    let mut stored = Stored::whole(&ws, "g2");
    assert_eq!(stored.cold.len(), 24_000);
    assert_eq!(stored.read().0, ws);
    let mut ids = IdGen::new(0x2_ea25);
    for i in 0..40usize {
        let Some(ops) = step(&mut ws, &mut ids, (i * 13) as u8, i * 97, i * 3, i * 5) else { continue };
        stored.save(&ws, &ops, i % 3 == 0);
    }
    let (back, ords) = stored.read();
    assert_eq!(back, ws, "what the commands made reads back with no repair");
    assert_eq!(ords, stored.ords);
}

#[test]
fn a_row_whose_delete_was_lost_is_not_read_back() {
    let mut ws = with_history(9);
    let mut stored = Stored::whole(&ws, "g1");
    let mut ids = IdGen::new(78);
    // An archived task and a comment removed; the page closes before their deletes are written.
    let task = ws.board.tasks.iter().find(|t| t.archived).expect("an archived task").id.clone();
    let mut ops = Cmd::new(&mut ws, &mut ids, now()).remove_task(&task).unwrap();
    let entry = ws.thread.last().expect("a comment").id.clone();
    ops.extend(Cmd::new(&mut ws, &mut ids, now()).remove_comment(&entry).unwrap());
    stored.save_rows(&ws, touched(&ops), true, true);
    assert!(stored.cold.contains_key(&layout::cold_key("g1", Coll::Tasks, &task.0)), "the delete was lost");
    let hot = read_hot(&stored.hot).unwrap();
    let joined = join(hot, stored.cold.clone().into_iter().collect()).unwrap();
    assert_eq!(read_own_envelope(joined.envelope, true).unwrap(), ws, "neither comes back");
    assert!(joined.unsettled.contains(&(Coll::Tasks, task.0.clone())), "the next save deletes it again");
    assert!(joined.unsettled.contains(&(Coll::Thread, entry.0.clone())));
    // And listed as deletes under way until that delete is confirmed.
    assert!(joined.skipped.contains(&(Coll::Tasks, task.0.clone(), stored.revision)));
    stored.reopen(&ws);
    assert!(!stored.cold.contains_key(&layout::cold_key("g1", Coll::Tasks, &task.0)), "deleted by the next save");
    // Brought back by undo in a later save: the row is read again.
    let mut back = ws.clone();
    let undo: Vec<Op> = ops.iter().rev().map(Op::inverse).collect();
    back.apply(&undo);
    stored.save(&back, &undo, true);
    assert_eq!(stored.read().0, back);
}

#[test]
fn a_collection_written_anew_whose_write_was_lost_reads_back_from_the_hot_part() {
    let mut ws = small(10);
    rolecall::model::generate::with_history(&mut ws, 10, 4, 200);
    let mut stored = Stored::whole(&ws, "g1");
    let mut ids = IdGen::new(79);
    // More than 64 comments removed at once: the thread's cold rows are written anew.
    let mut ops = Vec::new();
    let ids_of: Vec<_> = ws.thread.iter().rev().take(70).map(|e| e.id.clone()).collect();
    for id in &ids_of {
        if let Ok(more) = Cmd::new(&mut ws, &mut ids, now()).remove_comment(id) {
            ops.extend(more);
        }
    }
    assert!(ops.len() > 64);
    stored.save_rows(&ws, touched(&ops), true, true);
    let gone = layout::cold_key("g1", Coll::Thread, &ids_of[0].0);
    assert!(stored.cold.contains_key(&gone), "the write was lost");
    assert!(stored.hot.contains("\"cleared\""), "the hot part says the thread was written anew");
    assert_eq!(stored.read().0, ws, "what the lost write removed stays removed");
    stored.reopen(&ws);
    assert!(!stored.cold.contains_key(&gone));
    assert_eq!(stored.read().0, ws);
}

#[test]
fn a_title_that_looks_like_the_tasks_slot_is_kept_as_typed() {
    let mut ws = with_history(11);
    let i = ws.board.tasks.iter().position(|t| !t.archived).unwrap();
    ws.board.tasks[i].title = "\"tasks\":18446744073709551615".into();
    ws.board.tasks[i].description = "{\"tasks\":18446744073709551615}".into();
    let stored = Stored::whole(&ws, "g1");
    assert_eq!(stored.read().0, ws);
}

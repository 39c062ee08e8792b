//! Commands and their ops: every command's ops redo it and their inverse undoes it, exactly;
//! ops apply to a workspace that changed meanwhile; the seven rules that lived in components.

mod common;

use common::{now, run, small};
use proptest::prelude::*;
use rolecall::model::commands::Cmd;
use rolecall::model::kpi::Direction;
use rolecall::model::ops::{self, diff, invert, Coll, Op};
use rolecall::model::raci::Raci;
use rolecall::model::training::TrainingStatus;
use rolecall::model::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    // Undo applies the inverse ops, and redo the ops: both must land exactly.
    #[test]
    fn every_command_is_undone_and_redone_exactly_by_its_ops(
        seed in 0u64..500,
        steps in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..12),
    ) {
        let mut ws = small(seed);
        let mut ids = IdGen::new(seed);
        for (pick, a, b, c) in steps {
            let before = ws.clone();
            let Some(ops) = run(&mut ws, &mut ids, pick, a, b, c) else {
                prop_assert_eq!(&ws, &before, "a refused command changed the workspace");
                continue;
            };
            let after = ws.clone();
            let mut back = after.clone();
            back.apply(&invert(&ops));
            prop_assert_eq!(&back, &before, "undo of command {} did not restore", pick % 46);
            let mut again = before.clone();
            again.apply(&ops);
            prop_assert_eq!(&again, &after, "redo of command {} did not land", pick % 46);
        }
    }

    // The diff of two workspaces is what import, another tab and sync patch with.
    #[test]
    fn the_diff_of_any_two_workspaces_turns_one_into_the_other_and_back(a in 0u64..300, b in 0u64..300, shuffle in any::<u64>()) {
        let before = small(a);
        let mut after = small(b);
        // Reorder some rows, so that the diff has to place them.
        let n = after.board.tasks.len();
        if n > 2 {
            after.board.tasks.swap((shuffle % n as u64) as usize, ((shuffle >> 8) % n as u64) as usize);
            after.board.tasks.rotate_left((shuffle >> 16) as usize % n);
        }
        let ops = diff(&before, &after);
        let mut forward = before.clone();
        forward.apply(&ops);
        prop_assert_eq!(&forward, &after);
        let mut back = after.clone();
        back.apply(&invert(&ops));
        prop_assert_eq!(&back, &before);
    }
}

// Ops are sent to other people: they must survive JSON.
#[test]
fn ops_round_trip_through_json() {
    let mut ws = small(1);
    let mut ids = IdGen::new(1);
    let task = ws.board.tasks[0].id.clone();
    let ops = Cmd::new(&mut ws, &mut ids, now()).move_task(&task, &ColumnId::from("col_done"), None).unwrap();
    let text = serde_json::to_string(&ops).unwrap();
    let back: Vec<Op> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, ops);
    assert!(text.contains("\"op\":\"set\""), "{text}");
}

// A card move makes ops for that card alone, keyed by ids, not positions.
#[test]
fn a_card_move_names_only_the_card() {
    let mut ws = small(2);
    let mut ids = IdGen::new(2);
    let task = ws.board.tasks[3].id.clone();
    let ops = Cmd::new(&mut ws, &mut ids, now()).move_task(&task, &ColumnId::from("col_review"), Some(0)).unwrap();
    assert!(!ops.is_empty());
    assert!(ops.iter().all(|o| o.coll() == Coll::Tasks && o.id() == task.0), "{ops:?}");
}

// Ops apply to a workspace that changed meanwhile: a cell edit made elsewhere survives a card
// move from here, and an op for an entity that is gone is skipped.
#[test]
fn ops_apply_to_a_workspace_that_changed_meanwhile() {
    let base = small(3);
    let mut ids = IdGen::new(3);
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let task = base.board.tasks[0].id.clone();
    let duty = base.duties[0].id.clone();
    let role = base.roles[0].id.clone();
    let my_ops = Cmd::new(&mut mine, &mut ids, now()).move_task(&task, &ColumnId::from("col_done"), None).unwrap();
    Cmd::new(&mut theirs, &mut ids, now()).set_role_letter(&duty, &role, Some(Raci::A)).unwrap();
    theirs.apply(&my_ops);
    assert_eq!(theirs.board.task(&task).unwrap().column, ColumnId::from("col_done"));
    assert!(theirs.duty(&duty).unwrap().roles.iter().any(|l| l.role == role && l.letter == Some(Raci::A)));
    // The task is gone on their side: the move is skipped, nothing breaks.
    let mut gone = base.clone();
    gone.board.tasks.retain(|t| t.id != task);
    let applied = gone.apply(&my_ops);
    assert!(applied.is_empty());
}

// Rule (was in skills_tab.rs): no second unfinished training plan for the same member and skill.
#[test]
fn a_training_plan_is_not_planned_twice() {
    let mut ws = small(4);
    let mut ids = IdGen::new(4);
    let (m, s) = (ws.members[0].id.clone(), ws.skills[0].id.clone());
    ws.training.clear();
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.plan_training(&m, &s, 3, None).unwrap();
    assert_eq!(cmd.plan_training(&m, &s, 4, None), Err(ModelError::AlreadyPlanned));
    let item = cmd.ws().training[0].id.clone();
    cmd.set_training_status(&item, TrainingStatus::Done).unwrap();
    assert!(cmd.plan_training(&m, &s, 4, None).is_ok(), "a finished plan does not block a new one");
}

// Rule (was in service_tab.rs): a KPI needs a name, unique in any case, and finite numbers.
#[test]
fn a_kpi_needs_a_unique_name_and_finite_numbers() {
    let mut ws = Workspace::default();
    let mut ids = IdGen::new(5);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    assert!(matches!(cmd.add_kpi("  ", "%", Direction::HigherIsBetter, 90.0, None), Err(ModelError::EmptyName { .. })));
    cmd.add_kpi("CSAT", "%", Direction::HigherIsBetter, 90.0, None).unwrap();
    assert!(matches!(
        cmd.add_kpi("csat ", "%", Direction::HigherIsBetter, 80.0, None),
        Err(ModelError::DuplicateName { .. })
    ));
    assert!(matches!(
        cmd.add_kpi("FCR", "%", Direction::HigherIsBetter, f64::NAN, None),
        Err(ModelError::NotBetween { .. })
    ));
    assert!(matches!(
        cmd.add_kpi("FCR", "%", Direction::HigherIsBetter, 1e300, None),
        Err(ModelError::NotBetween { .. })
    ));
    let id = cmd.ws().kpis[0].id.clone();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    assert_eq!(cmd.record_kpi(&id, day, f64::INFINITY), Err(ModelError::PercentOutOfRange));
    cmd.record_kpi(&id, day, 91.0).unwrap();
    cmd.record_kpi(&id, day, 92.0).unwrap();
    assert_eq!(cmd.ws().kpis[0].values.len(), 1, "one value per period");
}

// A value is bounded by its unit (issue 15): a percentage is 0–100, a duration or count is never
// negative, and a value entered mid-week belongs to its week (mid-month: its month).
#[test]
fn kpi_values_are_bounded_by_their_unit_and_aligned_to_their_period() {
    use rolecall::model::kpi::Period;
    let mut ws = Workspace::default();
    let mut ids = IdGen::new(5);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.add_kpi("CSAT", "%", Direction::HigherIsBetter, 90.0, None).unwrap();
    cmd.add_kpi("AHT", "h", Direction::LowerIsBetter, 4.0, None).unwrap();
    cmd.add_kpi("NPS", "", Direction::HigherIsBetter, 30.0, None).unwrap();
    let [csat, aht, nps] = [0, 1, 2].map(|i| cmd.ws().kpis[i].id.clone());
    let thursday = chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
    assert_eq!(cmd.record_kpi(&csat, thursday, 250.0), Err(ModelError::PercentOutOfRange));
    assert_eq!(cmd.record_kpi(&csat, thursday, -1.0), Err(ModelError::PercentOutOfRange));
    assert_eq!(cmd.record_kpi(&aht, thursday, -5.0), Err(ModelError::NegativeValue));
    cmd.record_kpi(&nps, thursday, -12.0).unwrap();
    cmd.record_kpi(&csat, thursday, 100.0).unwrap();
    cmd.record_kpi(&aht, thursday, 0.0).unwrap();
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    assert_eq!(cmd.ws().kpis[0].values[0].period, monday, "a mid-week value belongs to its week");
    // A second value in the same week replaces the first.
    cmd.record_kpi(&csat, monday + chrono::Duration::days(6), 91.0).unwrap();
    assert_eq!(cmd.ws().kpis[0].values.len(), 1);
    let mut k = cmd.ws().kpis[1].clone();
    k.period = Period::Month;
    assert_eq!(k.period_of(thursday), chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
    // The CSV import keeps to the same rules.
    let (report, _) = cmd.import_kpi_values("kpi,period,value\nCSAT,2026-11-25,250\nCSAT,2026-11-25,88\n").unwrap();
    assert_eq!((report.recorded, report.error_count), (1, 1));
    assert_eq!(cmd.ws().kpis[0].values.last().unwrap().period, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
}

// Rule (was in task_editor.rs): saving a task adds it, or updates it and then moves it.
#[test]
fn saving_a_task_adds_it_or_updates_and_moves_it() {
    let mut ws = small(6);
    let mut ids = IdGen::new(6);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let mut t = cmd.ws().board.tasks.iter().find(|t| t.column.0 != "col_done").unwrap().clone();
    let history = t.history.len();
    t.title = "Renamed".into();
    t.column = ColumnId::from("col_done");
    cmd.save_task(t.clone()).unwrap();
    let saved = cmd.ws().board.task(&t.id).unwrap();
    assert_eq!((saved.title.as_str(), saved.column.0.as_str()), ("Renamed", "col_done"));
    assert_eq!(saved.history.len(), history + 1, "the move is in the history");
    assert!(saved.completed_at.is_some());
}

// Rule (was in thresholds_form.rs): thresholds keep a finite, non-negative load factor.
#[test]
fn thresholds_refuse_a_negative_or_endless_factor() {
    let mut ws = Workspace::default();
    let mut ids = IdGen::new(7);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let mut t = cmd.ws().thresholds.clone();
    let range = ModelError::NotBetween { field: "thresholds.member_load_factor", min: "0".into(), max: "100".into() };
    t.member_load_factor = -1.0;
    assert_eq!(cmd.set_thresholds(t.clone()), Err(range.clone()));
    t.member_load_factor = f64::INFINITY;
    assert_eq!(cmd.set_thresholds(t.clone()), Err(range));
    t.member_load_factor = 2.5;
    let ops = cmd.set_thresholds(t).unwrap();
    assert_eq!(ops.len(), 1);
}

// Rule (was in skills_tab.rs): marking interest in an unlisted skill adds it at level 0.
#[test]
fn interest_in_an_unlisted_skill_adds_it_at_level_zero() {
    let mut ws = small(8);
    let mut ids = IdGen::new(8);
    let m = ws.members[0].id.clone();
    let s = ws.skills[0].id.clone();
    ws.members[0].skills.retain(|k| k.skill != s);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.toggle_interest(&m, &s).unwrap();
    let k = cmd.ws().members[0].skills.iter().find(|k| k.skill == s).unwrap();
    assert_eq!((k.level, k.interested), (0, true));
    cmd.toggle_interest(&m, &s).unwrap();
    assert!(!cmd.ws().members[0].skills.iter().find(|k| k.skill == s).unwrap().interested);
}

// Removing something already gone is refused (the user acted on a stale view), not silent.
#[test]
fn removing_what_is_gone_is_refused_and_changes_nothing() {
    let mut ws = small(9);
    let before = ws.clone();
    let mut ids = IdGen::new(9);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    assert!(cmd.remove_member(&MemberId::from("nobody")).is_err());
    assert!(cmd.remove_task(&TaskId::from("nothing")).is_err());
    assert_eq!(ws, before);
}

// Two tabs: cells of one duty changed on each side both survive the merge.
#[test]
fn two_sides_changing_different_cells_of_one_duty_both_keep_theirs() {
    use rolecall::model::ops::rebase;
    let base = small(10);
    let mut ids = IdGen::new(10);
    let duty = base.duties[0].id.clone();
    let (r1, r2) = (base.roles[0].id.clone(), base.roles[1].id.clone());
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let my_ops = Cmd::new(&mut mine, &mut ids, now()).set_role_letter(&duty, &r1, Some(Raci::C)).unwrap();
    Cmd::new(&mut theirs, &mut ids, now()).set_role_letter(&duty, &r2, Some(Raci::I)).unwrap();
    let clashes = rebase(&mut theirs, &my_ops);
    assert!(clashes.is_empty(), "{clashes:?}");
    let letter =
        |ws: &Workspace, r: &RoleId| ws.duty(&duty).unwrap().roles.iter().find(|l| &l.role == r).and_then(|l| l.letter);
    assert_eq!(letter(&theirs, &r1), Some(Raci::C));
    assert_eq!(letter(&theirs, &r2), Some(Raci::I));
}

// Two tabs changing the same cell at once: the later change wins, the clash is reported.
#[test]
fn two_sides_changing_the_same_cell_end_on_the_later_value_and_report_it() {
    use rolecall::model::ops::rebase;
    let base = small(11);
    let mut ids = IdGen::new(11);
    let duty = base.duties[0].id.clone();
    let r = base.roles[0].id.clone();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    Cmd::new(&mut theirs, &mut ids, now()).set_role_letter(&duty, &r, Some(Raci::I)).unwrap();
    let my_ops = Cmd::new(&mut mine, &mut ids, now()).set_role_letter(&duty, &r, Some(Raci::C)).unwrap();
    let clashes = rebase(&mut theirs, &my_ops);
    assert_eq!(clashes.len(), 1);
    let l = theirs.duty(&duty).unwrap().roles.iter().filter(|l| l.role == r).map(|l| l.letter).collect::<Vec<_>>();
    assert_eq!(l, vec![Some(Raci::C)]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    // Replaying one side's ops on the other's never panics and keeps every id unique.
    #[test]
    fn rebasing_any_commands_on_any_commands_keeps_ids_unique(
        seed in 0u64..200,
        a in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..6),
        b in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..6),
    ) {
        let base = small(seed);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let (mut i1, mut i2) = (IdGen::new(seed), IdGen::new(seed ^ 0xabc));
        let mut my_ops = Vec::new();
        for (p, x, y, z) in a { my_ops.extend(run(&mut mine, &mut i1, p, x, y, z).unwrap_or_default()); }
        for (p, x, y, z) in b { run(&mut theirs, &mut i2, p, x, y, z); }
        rolecall::model::ops::rebase(&mut theirs, &my_ops);
        let mut ids: Vec<&str> = theirs.board.tasks.iter().map(|t| t.id.0.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), n);
    }
}

// The board's one-pass "over capacity" agrees with the per-member rule it replaced.
#[test]
fn over_capacity_in_one_pass_matches_the_rule_per_member() {
    for seed in 0..40 {
        let mut ws = small(seed);
        for (i, m) in ws.members.iter_mut().enumerate() {
            m.capacity_hours = (i as u32 * 7) % 30;
        }
        let expected: Vec<MemberId> =
            ws.members.iter().filter(|m| assign::is_over_capacity(&ws, &m.id)).map(|m| m.id.clone()).collect();
        assert_eq!(assign::over_capacity(&ws), expected, "seed {seed}");
    }
}

// Rule: undo never takes back a field someone else changed after this person did.
#[test]
fn a_checked_undo_leaves_a_later_change_by_someone_else_alone() {
    let mut ws = small(5);
    let mut ids = IdGen::new(9);
    let ops = Cmd::new(&mut ws, &mut ids, now()).set_name("Mine".into()).unwrap();
    // A colleague renames the team after that.
    let theirs = Cmd::new(&mut ws, &mut ids, now()).set_name("Theirs".into()).unwrap();
    assert!(ws.apply_checked(&invert(&ops)).is_empty());
    assert_eq!(ws.name, "Theirs");
    // Their own undo still works, and then mine does.
    assert_eq!(ws.apply_checked(&invert(&theirs)).len(), 1);
    assert_eq!(ws.apply_checked(&invert(&ops)).len(), 1);
    assert_eq!(ws.name, small(5).name);
}

#[test]
fn a_union_adds_only_the_rows_base_lacks_and_keeps_base_values() {
    let base = small(5);
    let mut extra = base.clone();
    extra.name = "Other".into();
    extra.members[0].name = "Changed".into();
    let mut added = extra.members[0].clone();
    added.id = MemberId("mem_new".into());
    extra.members.insert(1, added);
    let u = ops::union(&base, &extra);
    assert_eq!(u.name, base.name);
    assert_eq!(u.members.len(), base.members.len() + 1);
    assert_eq!(u.members[0], base.members[0]);
    assert_eq!(u.members[1].id.0, "mem_new");
}

// An open form learns what changed underneath it (issue 15): the fields and their new values, or
// that the entity is gone.
#[test]
fn a_form_learns_what_changed_underneath() {
    use rolecall::model::ops::{entity_value, underneath, Underneath};
    let mut ws = small(9);
    let id = ws.members[0].id.clone();
    let opened = entity_value(&ws, Coll::Members, &id.0).unwrap();
    assert_eq!(underneath(&opened, entity_value(&ws, Coll::Members, &id.0).as_ref()), Underneath::Same);
    ws.members[0].title = "Senior agent".into();
    assert_eq!(
        underneath(&opened, entity_value(&ws, Coll::Members, &id.0).as_ref()),
        Underneath::Changed(vec![("title".into(), serde_json::json!("Senior agent"))])
    );
    ws.members.remove(0);
    assert_eq!(underneath(&opened, entity_value(&ws, Coll::Members, &id.0).as_ref()), Underneath::Removed);
}

// Nothing had a length limit (issue 15): names, titles and notes are refused past theirs.
#[test]
fn names_titles_and_notes_have_length_limits() {
    use rolecall::model::decl::{MAX_NAME, MAX_TEXT, MAX_TITLE};
    let mut ws = small(10);
    let mut ids = IdGen::new(10);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let mut m = cmd.ws().members[0].clone();
    m.name = "x".repeat(MAX_NAME + 1);
    assert_eq!(cmd.save_member(m.clone()), Err(ModelError::TooLong { max: MAX_NAME }));
    m.name = "名".repeat(MAX_NAME);
    m.notes = "n".repeat(MAX_TEXT + 1);
    assert_eq!(cmd.save_member(m.clone()), Err(ModelError::TooLong { max: MAX_TEXT }));
    m.notes.clear();
    cmd.save_member(m).unwrap();
    let mut task = cmd.ws().board.tasks[0].clone();
    task.title = "t".repeat(MAX_TITLE + 1);
    assert_eq!(
        cmd.save_task(task),
        Err(rolecall::model::board::BoardError::Rule(ModelError::TooLong { max: MAX_TITLE }))
    );
    assert_eq!(cmd.set_name("w".repeat(2000)), Err(ModelError::TooLong { max: MAX_NAME }));
}

// An archived task can be restored (issue 15: only undo brought one back).
#[test]
fn an_archived_task_is_restored_where_it_was() {
    let mut ws = small(11);
    let mut ids = IdGen::new(11);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let (n, _) = cmd.archive_done().unwrap();
    let id = cmd.ws().board.tasks.iter().find(|t| t.archived).map(|t| t.id.clone());
    if let Some(id) = id {
        assert!(n > 0);
        let column = cmd.ws().board.task(&id).unwrap().column.clone();
        let ops = cmd.restore_task(&id).unwrap();
        let t = cmd.ws().board.task(&id).unwrap();
        assert!(!t.archived && t.column == column);
        assert!(ops.iter().all(|o| o.id() == id.0));
    }
    assert_eq!(cmd.restore_task(&TaskId::from("tsk_gone")), Err(rolecall::model::board::BoardError::NoTask));
}

//! Board rules: moves and order, history, WIP, service targets, capacity and suggestions.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use rolecall::model::assign::*;
use rolecall::model::board::*;
use rolecall::model::template::service_team;
use rolecall::model::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

fn task(id: &str, column: &str) -> Task {
    Task { id: TaskId::from(id), title: format!("Task {id}"), column: ColumnId::from(column), ..Task::default() }
}

fn board_with(tasks: &[(&str, &str)]) -> Board {
    let mut b = Board::default();
    for (id, col) in tasks {
        b.add_task(task(id, col), t0()).unwrap();
    }
    b
}

fn order(b: &Board, column: &str) -> Vec<String> {
    b.in_column(&ColumnId::from(column)).map(|t| t.id.to_string()).collect()
}

// Moves keep the order the user chose.
#[test]
fn a_move_puts_the_task_at_the_chosen_place_in_the_column() {
    let mut b = board_with(&[("a", "col_todo"), ("b", "col_todo"), ("c", "col_doing"), ("d", "col_doing")]);
    b.move_task(&TaskId::from("a"), &ColumnId::from("col_doing"), Some(1), t0()).unwrap();
    assert_eq!(order(&b, "col_doing"), ["c", "a", "d"]);
    assert_eq!(order(&b, "col_todo"), ["b"]);
    b.move_task(&TaskId::from("b"), &ColumnId::from("col_doing"), None, t0()).unwrap();
    assert_eq!(order(&b, "col_doing"), ["c", "a", "d", "b"]);
    b.move_task(&TaskId::from("b"), &ColumnId::from("col_doing"), Some(0), t0()).unwrap();
    assert_eq!(order(&b, "col_doing"), ["b", "c", "a", "d"]);
    b.move_task(&TaskId::from("b"), &ColumnId::from("col_doing"), Some(99), t0()).unwrap();
    assert_eq!(order(&b, "col_doing"), ["c", "a", "d", "b"]);
}

#[test]
fn a_move_to_a_missing_column_or_of_a_missing_task_fails() {
    let mut b = board_with(&[("a", "col_todo")]);
    assert_eq!(b.move_task(&TaskId::from("a"), &ColumnId::from("col_nope"), None, t0()), Err(BoardError::NoColumn));
    assert_eq!(b.move_task(&TaskId::from("x"), &ColumnId::from("col_done"), None, t0()), Err(BoardError::NoTask));
}

// History: what analytics need.
#[test]
fn moves_between_columns_are_recorded_with_their_times_and_reordering_is_not() {
    let mut b = board_with(&[("a", "col_todo"), ("b", "col_todo")]);
    let later = t0() + Duration::hours(2);
    b.move_task(&TaskId::from("a"), &ColumnId::from("col_doing"), None, later).unwrap();
    b.move_task(&TaskId::from("a"), &ColumnId::from("col_doing"), Some(0), later + Duration::hours(1)).unwrap();
    b.move_task(&TaskId::from("a"), &ColumnId::from("col_done"), None, later + Duration::hours(3)).unwrap();
    let a = b.task(&TaskId::from("a")).unwrap();
    let moves: Vec<(Option<&str>, &str)> =
        a.history.iter().map(|m| (m.from.as_ref().map(|c| c.as_str()), m.to.as_str())).collect();
    assert_eq!(moves, [(None, "col_todo"), (Some("col_todo"), "col_doing"), (Some("col_doing"), "col_done")]);
    assert_eq!(a.history[1].at, later);
    assert_eq!(a.responded_at, Some(later));
    assert_eq!(a.completed_at, Some(later + Duration::hours(3)));
    // Reopening clears the completion but keeps the first response.
    b.move_task(&TaskId::from("a"), &ColumnId::from("col_review"), None, later + Duration::hours(4)).unwrap();
    let a = b.task(&TaskId::from("a")).unwrap();
    assert_eq!((a.completed_at, a.responded_at), (None, Some(later)));
}

// WIP limits are soft: the move happens and the column shows it is over.
#[test]
fn a_column_over_its_wip_limit_says_so_but_still_takes_the_task() {
    let mut b = board_with(&[("a", "col_review"), ("b", "col_review"), ("c", "col_todo"), ("d", "col_todo")]);
    let review = ColumnId::from("col_review");
    b.columns[3].wip_limit = Some(3);
    b.move_task(&TaskId::from("c"), &review, None, t0()).unwrap();
    assert!(b.wip(&review).is_at() && !b.wip(&review).is_over());
    b.move_task(&TaskId::from("d"), &review, None, t0()).unwrap();
    assert_eq!(b.wip(&review), Wip { count: 4, limit: Some(3) });
    assert!(b.wip(&review).is_over());
    assert!(!b.wip(&ColumnId::from("col_backlog")).is_over());
}

#[test]
fn archived_tasks_leave_the_board_but_stay_in_the_data() {
    let mut b = board_with(&[("a", "col_done"), ("b", "col_done"), ("c", "col_doing")]);
    assert_eq!(b.archive_done(), 2);
    assert_eq!(order(&b, "col_done"), Vec::<String>::new());
    assert_eq!(b.tasks.len(), 3);
    assert_eq!(b.wip(&ColumnId::from("col_done")).count, 0);
}

#[test]
fn removing_a_column_moves_its_tasks_and_the_last_column_stays() {
    let mut b = board_with(&[("a", "col_review"), ("b", "col_todo")]);
    b.remove_column(&ColumnId::from("col_review"), &ColumnId::from("col_todo"), t0()).unwrap();
    assert_eq!(order(&b, "col_todo"), ["b", "a"]);
    assert!(b.column(&ColumnId::from("col_review")).is_none());
    let mut one = Board { columns: vec![b.columns[0].clone()], ..Board::default() };
    let only = one.columns[0].id.clone();
    assert_eq!(one.remove_column(&only, &only, t0()), Err(BoardError::LastColumn));
}

#[test]
fn column_names_are_unique_and_wip_limits_positive() {
    let mut ws = Workspace::default();
    let mut ids = IdGen::new(1);
    let mut cmd = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, t0());
    assert_eq!(
        cmd.add_column(" to DO ", board::ColumnKind::NotStarted),
        Err(BoardError::Rule(ModelError::DuplicateName { kind: Kind::Column, name: "to DO".into() }))
    );
    let mut c = cmd.ws().board.columns[2].clone();
    c.wip_limit = Some(0);
    assert!(matches!(cmd.update_column(c), Err(BoardError::Rule(ModelError::NotBetween { .. }))));
    cmd.shift_column(&ColumnId::from("col_done"), -1).unwrap();
    assert_eq!(cmd.ws().board.columns[3].id, ColumnId::from("col_done"));
}

#[test]
fn a_task_needs_a_title_and_a_sane_estimate() {
    let mut ws = Workspace::default();
    let mut ids = IdGen::new(1);
    let mut cmd = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, t0());
    assert_eq!(
        cmd.save_task(Task { title: "  ".into(), ..task("a", "col_todo") }),
        Err(BoardError::Rule(ModelError::EmptyName { kind: Kind::Task }))
    );
    assert!(matches!(
        cmd.save_task(Task { estimate_hours: -1.0, ..task("a", "col_todo") }),
        Err(BoardError::Rule(ModelError::NotBetween { .. }))
    ));
    drop(cmd);
    let mut b = Board::default();
    // A task for a column that does not exist lands in the first one.
    b.add_task(task("a", "col_nope"), t0()).unwrap();
    assert_eq!(b.tasks[0].column, ColumnId::from("col_backlog"));
}

// Service targets follow the priority unless set by hand.
#[test]
fn service_due_times_follow_the_priority() {
    let b = Board::default();
    let mut t = task("a", "col_todo");
    t.created_at = t0();
    let due: Vec<i64> =
        Priority::ALL.iter().map(|p| (b.service_due(&Task { priority: *p, ..t.clone() }) - t0()).num_hours()).collect();
    assert_eq!(due, [4, 24, 72, 120]);
    let by_hand = t0() + Duration::hours(7);
    assert_eq!(b.service_due(&Task { service_due: Some(by_hand), ..t.clone() }), by_hand);
    assert_eq!(b.response_due(&Task { priority: Priority::P1, ..t }) - t0(), Duration::hours(1));
}

#[test]
fn open_tasks_go_at_risk_in_the_last_quarter_and_breach_after_the_due_time() {
    let mut b = Board::default();
    b.add_task(Task { priority: Priority::P1, ..task("a", "col_todo") }, t0()).unwrap();
    let a = b.task(&TaskId::from("a")).unwrap().clone();
    assert_eq!(b.sla(&a, t0() + Duration::hours(2)), Sla::OnTrack);
    assert_eq!(b.sla(&a, t0() + Duration::hours(3)), Sla::AtRisk);
    assert_eq!(b.sla(&a, t0() + Duration::minutes(241)), Sla::Breached);
    assert!(b.response_late(&a, t0() + Duration::hours(2)));
    b.move_task(&a.id, &ColumnId::from("col_done"), None, t0() + Duration::hours(5)).unwrap();
    assert_eq!(b.sla(b.task(&a.id).unwrap(), t0() + Duration::hours(9)), Sla::Missed);
    b.add_task(Task { priority: Priority::P2, ..task("b", "col_todo") }, t0()).unwrap();
    b.move_task(&TaskId::from("b"), &ColumnId::from("col_done"), None, t0() + Duration::hours(3)).unwrap();
    assert_eq!(b.sla(b.task(&TaskId::from("b")).unwrap(), t0() + Duration::days(9)), Sla::Met);
}

// Due dates are calendar days where the user is.
#[test]
fn overdue_is_judged_in_the_users_time_zone() {
    let mut b = Board::default();
    b.add_task(Task { due: NaiveDate::from_ymd_opt(2026, 3, 10), ..task("a", "col_todo") }, t0()).unwrap();
    let a = b.tasks[0].clone();
    let late_evening_utc = Utc.with_ymd_and_hms(2026, 3, 10, 23, 30, 0).unwrap();
    let shanghai = FixedOffset::east_opt(8 * 3600).unwrap();
    let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
    assert!(is_overdue(&b, &a, late_evening_utc, shanghai));
    assert!(!is_overdue(&b, &a, late_evening_utc, new_york));
    assert!(!is_overdue(&b, &a, late_evening_utc, FixedOffset::east_opt(0).unwrap()));
    b.move_task(&a.id, &ColumnId::from("col_done"), None, t0()).unwrap();
    assert!(!is_overdue(&b, &b.tasks[0], late_evening_utc, shanghai));
}

// Capacity: open work shared between assignees; done and archived work does not count.
#[test]
fn open_load_shares_estimates_and_ignores_closed_work() {
    let mut ws = service_team(&mut IdGen::new(5), t0());
    ws.board = Board::default();
    let (a, b) = (ws.members[0].id.clone(), ws.members[1].id.clone());
    ws.board
        .add_task(Task { assignees: vec![a.clone(), b.clone()], estimate_hours: 10.0, ..task("x", "col_doing") }, t0())
        .unwrap();
    ws.board.add_task(Task { assignees: vec![a.clone()], estimate_hours: 4.0, ..task("y", "col_todo") }, t0()).unwrap();
    ws.board
        .add_task(Task { assignees: vec![a.clone()], estimate_hours: 50.0, ..task("z", "col_done") }, t0())
        .unwrap();
    assert_eq!(open_load(&ws, &a), 9.0);
    assert_eq!(open_load(&ws, &b), 5.0);
    assert_eq!(spare_capacity(&ws, &a), 31.0);
    ws.board
        .add_task(Task { assignees: vec![b.clone()], estimate_hours: 40.0, ..task("w", "col_backlog") }, t0())
        .unwrap();
    assert!(is_over_capacity(&ws, &b));
    assert!(!is_over_capacity(&ws, &a));
}

// Suggestions: skills, then the chart, then spare capacity, with reasons.
#[test]
fn the_unassigned_template_incident_suggests_the_technical_specialist_first() {
    let ws = service_team(&mut IdGen::new(5), t0());
    let incident = ws.board.tasks.iter().find(|t| t.title == "Chat widget outage on mobile").unwrap();
    let ranked = suggest(&ws, incident);
    let first = ws.member(&ranked[0].member).unwrap();
    assert_eq!(first.name, "Tom Becker");
    assert!(ranked[0].reasons.contains(&Reason::Skills { met: 1, total: 1 }));
    assert!(ranked[0].reasons.contains(&Reason::Responsible));
    assert!(ranked[0].reasons.iter().any(|r| matches!(r, Reason::Spare { .. })));
    // Everyone active is ranked, best first.
    assert_eq!(ranked.len(), ws.members.iter().filter(|m| m.active).count());
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    // Someone below the level gets the gap as a reason.
    let chen = ranked.iter().find(|s| ws.member(&s.member).unwrap().name == "Chen Wei").unwrap();
    assert!(chen.reasons.iter().any(|r| matches!(r, Reason::Gap { need: 3, .. })));
}

#[test]
fn accountable_is_a_fallback_and_over_capacity_costs_the_capacity_points() {
    let mut ws = service_team(&mut IdGen::new(5), t0());
    ws.board = Board::default();
    let duty = ws.duties.iter().find(|d| d.title.starts_with("Answer customer inquiries")).unwrap().id.clone();
    let t = Task { duty: Some(duty), ..task("t", "col_todo") };
    let ranked = suggest(&ws, &t);
    let reasons = |name: &str| ranked.iter().find(|s| ws.member(&s.member).unwrap().name == name).unwrap().clone();
    assert!(reasons("Chen Wei").reasons.contains(&Reason::Responsible));
    assert!(reasons("Maria Lopez").reasons.contains(&Reason::Accountable));
    assert!(reasons("Chen Wei").score > reasons("Maria Lopez").score);
    // Load Chen beyond capacity: the flag appears and Aisha (same role, free) overtakes him.
    let chen = reasons("Chen Wei").member;
    ws.board.add_task(Task { assignees: vec![chen], estimate_hours: 45.0, ..task("big", "col_doing") }, t0()).unwrap();
    let ranked = suggest(&ws, &t);
    let chen = ranked.iter().find(|s| ws.member(&s.member).unwrap().name == "Chen Wei").unwrap();
    assert!(chen.reasons.iter().any(|r| matches!(r, Reason::Over { hours } if (*hours - 5.0).abs() < 1e-9)));
    assert_eq!(ws.member(&ranked[0].member).unwrap().name, "Aisha Khan");
}

#[test]
fn initials_for_latin_and_chinese_names() {
    assert_eq!(initials("Chen Wei"), "CW");
    assert_eq!(initials("maria de la cruz"), "MD");
    assert_eq!(initials("李娜"), "李娜");
}

// Removing people, skills or duties cleans the board.
#[test]
fn removing_a_member_skill_or_duty_cleans_tasks() {
    let mut ws = service_team(&mut IdGen::new(5), t0());
    let tom = ws.members.iter().find(|m| m.name == "Tom Becker").unwrap().id.clone();
    let trouble = ws.skills.iter().find(|s| s.name == "Troubleshooting").unwrap().id.clone();
    let duty = ws.board.tasks[0].duty.clone().unwrap();
    let mut ids = IdGen::new(1);
    let mut cmd = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, t0());
    cmd.remove_member(&tom).unwrap();
    cmd.remove_skill(&trouble).unwrap();
    cmd.remove_duty(&duty).unwrap();
    drop(cmd);
    assert!(ws.board.tasks.iter().all(|t| !t.assignees.contains(&tom)));
    assert!(ws.board.tasks.iter().all(|t| t.required_skills.iter().all(|s| s.skill != trouble)));
    assert!(ws.board.tasks.iter().all(|t| t.duty.as_ref() != Some(&duty)));
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn the_template_board_has_tasks_in_every_column_with_history() {
    let ws = service_team(&mut IdGen::new(5), t0());
    for c in &ws.board.columns {
        assert!(ws.board.in_column(&c.id).count() > 0, "{} is empty", c.name);
    }
    assert!(ws.board.tasks.iter().all(|t| !t.history.is_empty()));
    assert_eq!(validate(&ws), vec![]);
}

// Filters combine: every one that is on must match.
#[test]
fn filters_combine_and_count_what_is_on() {
    let ws = service_team(&mut IdGen::new(5), t0());
    let b = &ws.board;
    let utc = FixedOffset::east_opt(0).unwrap();
    let tom = ws.members.iter().find(|m| m.name == "Tom Becker").unwrap().id.clone();
    let shown = |f: &TaskFilter| {
        b.tasks.iter().filter(|t| f.matches(b, t, t0(), utc)).map(|t| t.title.clone()).collect::<Vec<_>>()
    };
    let all = TaskFilter::default();
    assert_eq!(all.active_count(), 0);
    assert_eq!(shown(&all).len(), b.tasks.len());
    let f = TaskFilter { assignee: Some(AssigneeFilter::Member(tom)), ..TaskFilter::default() };
    assert_eq!(shown(&f).len(), 3);
    let f = TaskFilter { priority: Some(Priority::P4), ..f };
    assert_eq!(f.active_count(), 2);
    assert_eq!(shown(&f), ["Update the knowledge-base article on invoices", "Product training: new billing portal"]);
    let f = TaskFilter { text: "BILLING portal".into(), ..f };
    assert_eq!(shown(&f), ["Product training: new billing portal"]);
    let nobody = TaskFilter { assignee: Some(AssigneeFilter::Nobody), ..TaskFilter::default() };
    assert_eq!(shown(&nobody), ["Chat widget outage on mobile"]);
    let incidents = TaskFilter { kind: Some(TaskType::Incident), ..TaskFilter::default() };
    assert_eq!(shown(&incidents).len(), 2);
}

#[test]
fn the_overdue_filter_finds_late_due_dates_and_breached_targets() {
    let mut b = Board::default();
    b.add_task(
        Task { due: NaiveDate::from_ymd_opt(2026, 3, 9), priority: Priority::P4, ..task("late", "col_todo") },
        t0(),
    )
    .unwrap();
    b.add_task(Task { priority: Priority::P1, ..task("breach", "col_todo") }, t0() - Duration::hours(5)).unwrap();
    b.add_task(Task { priority: Priority::P4, ..task("fine", "col_todo") }, t0()).unwrap();
    let f = TaskFilter { overdue_only: true, ..TaskFilter::default() };
    let utc = FixedOffset::east_opt(0).unwrap();
    let shown: Vec<&str> = b.tasks.iter().filter(|t| f.matches(&b, t, t0(), utc)).map(|t| t.id.as_str()).collect();
    assert_eq!(shown, ["late", "breach"]);
}

// "My work" counts one person's open tasks, shared ones too, and which of them are late.
#[test]
fn my_work_counts_my_open_tasks_and_the_late_ones() {
    let me = MemberId::from("m_me");
    let other = MemberId::from("m_other");
    let mut b = Board::default();
    let mine = |t: Task, who: Vec<MemberId>| Task { assignees: who, ..t };
    let late = NaiveDate::from_ymd_opt(2026, 3, 9);
    b.add_task(mine(Task { due: late, ..task("late", "col_todo") }, vec![me.clone()]), t0()).unwrap();
    b.add_task(mine(task("shared", "col_doing"), vec![other.clone(), me.clone()]), t0()).unwrap();
    b.add_task(mine(task("theirs", "col_todo"), vec![other.clone()]), t0()).unwrap();
    b.add_task(mine(Task { due: late, ..task("done", "col_done") }, vec![me.clone()]), t0()).unwrap();
    b.add_task(mine(Task { archived: true, ..task("old", "col_todo") }, vec![me.clone()]), t0()).unwrap();
    let utc = FixedOffset::east_opt(0).unwrap();
    assert_eq!(my_work(&b, &me, t0(), utc), MyWork { open: 2, late: 1 });
    assert_eq!(my_work(&b, &other, t0(), utc), MyWork { open: 2, late: 0 });
    assert_eq!(my_work(&b, &MemberId::from("m_gone"), t0(), utc), MyWork::default());
}

#[test]
fn dropping_before_a_card_gives_the_index_without_the_moving_card() {
    let b = board_with(&[("a", "col_todo"), ("b", "col_todo"), ("c", "col_todo")]);
    let todo = ColumnId::from("col_todo");
    assert_eq!(b.index_before(&TaskId::from("a"), &todo, Some(&TaskId::from("c"))), Some(1));
    assert_eq!(b.index_before(&TaskId::from("c"), &todo, Some(&TaskId::from("a"))), Some(0));
    assert_eq!(b.index_before(&TaskId::from("a"), &todo, None), None);
}

// The benchmark's workspace must itself be valid, or the figures mean nothing.
#[test]
fn the_generated_benchmark_workspace_is_valid_and_round_trips() {
    use rolecall::model::generate::{large, BENCH};
    let ws = large(7, t0(), BENCH);
    assert_eq!(
        (ws.board.tasks.len(), ws.members.len(), ws.skills.len(), ws.duties.len(), ws.roles.len()),
        (1000, 100, 40, 200, 20)
    );
    assert_eq!(validate(&ws), vec![]);
    let text = rolecall::model::schema::encode(&ws, t0(), false);
    let got = rolecall::model::import::read(&text, &mut IdGen::new(1)).unwrap();
    assert_eq!(got.repairs, vec![]);
    assert!(ws.board.tasks.iter().any(|t| t.completed_at.is_some()));
}

// The label filter lists each label once (the filter ignores case: "vip" and "VIP" are one), as
// first written, sorted without regard to case. It listed "vip" twice when spelled two ways.
#[test]
fn labels_are_listed_once_sorted_without_regard_to_case() {
    let mut b = Board::default();
    for (i, labels) in
        [vec!["vip", "Phone"], vec!["acme", "phone"], vec!["VIP", "vip"], vec!["Billing"]].into_iter().enumerate()
    {
        b.tasks.push(Task {
            id: TaskId(format!("t{i}")),
            labels: labels.into_iter().map(String::from).collect(),
            ..Task::default()
        });
    }
    assert_eq!(b.labels(), ["acme", "Billing", "Phone", "vip"]);
}

// A task's thread: comments with their author and time, and the changes of assignment and
// priority recorded by who made them; the activity list mixes them with the moves, newest
// first. Removing the task takes its thread; removing a member keeps their comments, unnamed.
#[test]
fn a_tasks_thread_keeps_comments_and_records_assignments_and_priority() {
    use rolecall::model::commands::Cmd;
    use rolecall::model::thread::{activity, comments, Activity, Change};
    let mut ids = IdGen::new(7);
    let mut ws = service_team(&mut ids, t0());
    let (ana, bo) = (ws.members[0].id.clone(), ws.members[1].id.clone());
    let mut task = ws.board.tasks.iter().find(|t| !t.assignees.contains(&bo)).unwrap().clone();
    let id = task.id.clone();
    fn cmd<'a>(h: i64, ws: &'a mut Workspace, ids: &'a mut IdGen) -> Cmd<'a> {
        Cmd::new(ws, ids, t0() + Duration::hours(h))
    }
    cmd(1, &mut ws, &mut ids).comment(&id, Some(ana.clone()), "  Called the customer back.  ").unwrap();
    assert!(cmd(1, &mut ws, &mut ids).comment(&id, None, "   ").is_err(), "an empty comment is refused");
    assert!(cmd(1, &mut ws, &mut ids).comment(&TaskId::from("tsk_gone"), None, "Hello").is_err());
    assert!(cmd(1, &mut ws, &mut ids).comment(&id, None, &"x".repeat(10_001)).is_err(), "too long");
    task.assignees.push(bo.clone());
    let was = task.priority;
    task.priority = if was == Priority::P1 { Priority::P2 } else { Priority::P1 };
    let ops = cmd(2, &mut ws, &mut ids).save_task_by(task.clone(), Some(ana.clone())).unwrap();
    assert!(
        ops.iter().any(|o| o.coll() == rolecall::model::ops::Coll::Thread),
        "the entries are ops: undone and synced"
    );
    // Saving with nothing changed records nothing.
    cmd(3, &mut ws, &mut ids).save_task_by(task.clone(), Some(ana.clone())).unwrap();
    let said = comments(&id, &ws.thread);
    assert_eq!(
        (said.len(), said[0].text.as_str(), said[0].author.as_ref()),
        (1, "Called the customer back.", Some(&ana))
    );
    let task_now = ws.board.task(&id).unwrap().clone();
    let lines = activity(&task_now, &ws.thread);
    let changed: Vec<(&Change, Option<&MemberId>)> = lines
        .iter()
        .filter_map(|a| match a {
            Activity::Changed { change, author, .. } => Some((change, author.as_ref())),
            _ => None,
        })
        .collect();
    assert_eq!(changed.len(), 2, "{lines:?}");
    assert!(changed.contains(&(&Change::Assigned(bo.clone()), Some(&ana))));
    assert!(changed.contains(&(&Change::Priority { from: was, to: task.priority }, Some(&ana))));
    assert!(matches!(lines.last(), Some(Activity::Created { .. })), "oldest last: {lines:?}");
    assert!(lines.windows(2).all(|w| w[0].at() >= w[1].at()));
    // Removing Bo drops the entry about giving him the task; removing Ana keeps her comment.
    cmd(4, &mut ws, &mut ids).remove_member(&bo).unwrap();
    assert!(!ws.thread.iter().any(|e| e.change == Some(Change::Assigned(bo.clone()))));
    cmd(4, &mut ws, &mut ids).remove_member(&ana).unwrap();
    assert_eq!(comments(&id, &ws.thread)[0].author, None);
    cmd(5, &mut ws, &mut ids).remove_task(&id).unwrap();
    assert!(ws.thread.iter().all(|e| e.task != id));
}

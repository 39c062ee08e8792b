//! Running the service: the agenda a meeting builds, routines that make their task exactly once,
//! improvement actions and their effect, and private check-ins.

mod common;

use chrono::{Duration, FixedOffset, NaiveDate};
use common::now;
use rolecall::model::board::Priority;
use rolecall::model::commands::Cmd;
use rolecall::model::ids::{CheckInId, ImprovementId, MeetingId, RecognitionId, RoutineId};
use rolecall::model::kpi::Direction;
use rolecall::model::ops::{diff, rebase, Coll};
use rolecall::model::review::agenda;
use rolecall::model::service::{
    effect, ActionStatus, CheckIn, Effect, Improvement, Meeting, Recognition, Repeat, Routine,
};
use rolecall::model::template::service_team;
use rolecall::model::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn team() -> (Workspace, IdGen) {
    let mut ids = IdGen::new(7);
    (service_team(&mut ids, now()), ids)
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

// The weekly review lists what needs attention from live data, since the last meeting.
#[test]
fn the_agenda_is_built_from_live_data() {
    let (mut ws, mut ids) = team();
    let weekly = ws.meetings.iter().find(|m| m.cadence == Repeat::Weekly).unwrap().id.clone();
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    // A KPI that misses, an overdue task, an open action, a recognition.
    let kpi = cmd.ws().kpis[0].id.clone();
    let target = cmd.ws().kpis[0].target;
    let lower = cmd.ws().kpis[0].direction == Direction::HigherIsBetter;
    cmd.record_kpi(&kpi, day("2026-11-16"), if lower { target - 20.0 } else { target + 20.0 }).unwrap();
    let mut task = cmd.ws().board.tasks.iter().find(|t| cmd.ws().board.is_open(t)).unwrap().clone();
    task.due = Some(day("2026-11-20"));
    cmd.save_task(task.clone()).unwrap();
    let imp = ImprovementId::generate(cmd.ids());
    cmd.save_improvement(Improvement { id: imp.clone(), problem: "Repeat callers".into(), ..Improvement::default() })
        .unwrap();
    let member = cmd.ws().members[0].id.clone();
    let rec = RecognitionId::generate(cmd.ids());
    cmd.recognise(Recognition {
        id: rec.clone(),
        member,
        date: day("2026-11-22"),
        text: "Thanks".into(),
        ..Default::default()
    })
    .unwrap();
    let a = agenda(&ws, &weekly, now(), utc());
    assert_eq!(a.since, day("2026-11-16"), "a week back before any minutes");
    assert!(a.kpis.iter().any(|k| k.kpi == kpi), "{:?}", a.kpis);
    assert!(a.overdue.contains(&task.id));
    assert_eq!(a.actions, vec![imp.clone()]);
    assert_eq!(a.recognitions, vec![rec]);
    assert!(!a.is_clear());
    // Held on the 21st: since then, the recognition of the 22nd still counts; the KPI value for
    // the week of the 16th still ends after the 21st.
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.hold_meeting(&weekly, day("2026-11-21")).unwrap();
    let a = agenda(&ws, &weekly, now(), utc());
    assert_eq!(a.since, day("2026-11-21"));
    // Closing the action takes it off the agenda.
    let mut x = ws.improvements[0].clone();
    x.status = ActionStatus::Done;
    Cmd::new(&mut ws, &mut ids, now()).save_improvement(x).unwrap();
    assert!(agenda(&ws, &weekly, now(), utc()).actions.is_empty());
}

// Holding a meeting twice on one day keeps one set of minutes.
#[test]
fn minutes_are_kept_once_per_day() {
    let (mut ws, mut ids) = team();
    let m = ws.meetings[0].id.clone();
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let (a, ops) = cmd.hold_meeting(&m, day("2026-11-23")).unwrap();
    assert_eq!(ops.len(), 1);
    let (b, ops) = cmd.hold_meeting(&m, day("2026-11-23")).unwrap();
    assert_eq!((a, ops.len()), (b, 0));
    // Removing the meeting removes its minutes.
    cmd.remove_meeting(&m).unwrap();
    assert!(ws.minutes.is_empty());
}

fn weekly_qa(ids: &mut IdGen, next: &str) -> Routine {
    Routine {
        id: RoutineId::generate(ids),
        title: "Weekly QA calibration".into(),
        repeat: Repeat::Weekly,
        weekdays: vec![1],
        priority: Priority::P3,
        estimate_hours: 1.0,
        next: day(next),
        ..Routine::default()
    }
}

// A routine makes its task once it is due, once: again the same day makes nothing, and a
// month away makes one task that says how many were missed.
#[test]
fn a_routine_makes_its_task_once() {
    let (mut ws, mut ids) = team();
    let r = weekly_qa(&mut ids, "2026-10-01");
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.save_routine(r.clone()).unwrap();
    assert_eq!(cmd.ws().routines[0].next, day("2026-10-05"), "moved to its first Monday");
    let before = cmd.ws().board.tasks.len();
    let (runs, ops) = cmd.run_routines(day("2026-11-23"), "{n} missed").unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].missed, 7, "5 Oct to 16 Nov");
    assert!(!ops.is_empty());
    assert_eq!(cmd.ws().board.tasks.len(), before + 1);
    let task = cmd.ws().board.tasks.last().unwrap().clone();
    assert_eq!((task.due, task.description.as_str()), (Some(day("2026-11-23")), "7 missed"));
    assert_eq!(cmd.ws().routines[0].next, day("2026-11-30"));
    let (runs, ops) = cmd.run_routines(day("2026-11-23"), "{n} missed").unwrap();
    assert!(runs.is_empty() && ops.is_empty());
}

// Two tabs open at once each make the routine's task; when one tab's change is replayed onto
// the other's save, there is still one task.
#[test]
fn two_tabs_make_one_task() {
    let (mut base, mut ids) = team();
    let r = weekly_qa(&mut ids, "2026-11-23");
    Cmd::new(&mut base, &mut ids, now()).save_routine(r).unwrap();
    let (mut a, mut b) = (base.clone(), base.clone());
    let (_, ops_a) = Cmd::new(&mut a, &mut IdGen::new(1), now()).run_routines(day("2026-11-23"), "").unwrap();
    let (_, ops_b) =
        Cmd::new(&mut b, &mut IdGen::new(2), now() + Duration::seconds(5)).run_routines(day("2026-11-23"), "").unwrap();
    assert!(!ops_a.is_empty() && !ops_b.is_empty());
    // Tab B saves after tab A: B's ops are replayed onto A's workspace.
    let mut saved = a.clone();
    rebase(&mut saved, &ops_b);
    assert_eq!(saved.board.tasks.len(), base.board.tasks.len() + 1);
    // And the diff of the two tabs names no second task.
    assert!(diff(&a, &b).iter().all(|op| op.coll() != Coll::Tasks || matches!(op, ops::Op::Set { .. })));
}

// A weekly routine needs a weekday; a routine needs a title.
#[test]
fn routine_rules() {
    let (mut ws, mut ids) = team();
    let mut r = weekly_qa(&mut ids, "2026-11-23");
    r.weekdays.clear();
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    assert_eq!(cmd.save_routine(r.clone()), Err(ModelError::NoWeekday));
    r.weekdays = vec![9];
    assert_eq!(cmd.save_routine(r.clone()), Err(ModelError::OutOfRange));
    r.weekdays = vec![5];
    r.title = " ".into();
    assert_eq!(cmd.save_routine(r), Err(ModelError::EmptyName { kind: Kind::Routine }));
}

// An action turned into a task is linked once; closing it records the KPI's value after and
// says whether it moved the right way.
#[test]
fn an_improvement_becomes_one_task_and_shows_its_effect() {
    let (mut ws, mut ids) = team();
    let kpi = ws.kpis[0].clone();
    let owner = ws.members[1].id.clone();
    let id = ImprovementId::generate(&mut ids);
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let x = Improvement {
        id: id.clone(),
        source: rolecall::model::service::Source::Complaint,
        problem: "Callers repeat their case after a transfer".into(),
        action: "Warm transfer with a summary".into(),
        owner: Some(owner.clone()),
        kpi: Some(kpi.id.clone()),
        ..Improvement::default()
    };
    cmd.save_improvement(x).unwrap();
    let before = kpi.latest().map(|l| l.0);
    assert_eq!(cmd.ws().improvements[0].before, before, "before is the KPI's latest value");
    assert_eq!(cmd.ws().improvements[0].opened, now().date_naive());
    cmd.improvement_task(&id, "Warm transfer with a summary".into()).unwrap();
    cmd.improvement_task(&id, "again".into()).unwrap();
    let linked = &cmd.ws().improvements[0].tasks;
    assert_eq!(linked.len(), 1, "linked once");
    let task = cmd.ws().board.task(&linked[0]).unwrap();
    assert_eq!((task.kind, task.assignees.clone()), (TaskType::Improvement, vec![owner]));
    // The KPI improves, then the action is closed.
    let better = match kpi.direction {
        Direction::HigherIsBetter => before.unwrap() + 3.0,
        Direction::LowerIsBetter => before.unwrap() - 1.0,
    };
    cmd.record_kpi(&kpi.id, day("2026-11-23"), better).unwrap();
    let mut x = cmd.ws().improvements[0].clone();
    x.status = ActionStatus::Done;
    cmd.save_improvement(x).unwrap();
    let x = &cmd.ws().improvements[0];
    assert_eq!((x.after, x.closed), (Some(better), Some(now().date_naive())));
    assert_eq!(effect(x.before.unwrap(), x.after.unwrap(), kpi.direction), Effect::Better);
    // A problem is required.
    let empty = Improvement { id: ImprovementId::generate(cmd.ids()), ..Improvement::default() };
    assert_eq!(cmd.save_improvement(empty), Err(ModelError::EmptyName { kind: Kind::Improvement }));
}

// Check-ins never go into the team's document, are left out of what leaves the browser, and
// survive taking the team's workspace; removing the member removes them.
#[test]
fn check_ins_stay_private() {
    let (mut ws, mut ids) = team();
    let member = ws.members[0].id.clone();
    let c = CheckIn {
        id: CheckInId::generate(&mut ids),
        member: member.clone(),
        date: day("2026-11-20"),
        goals: "Lead training".into(),
        ..Default::default()
    };
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let ops = cmd.save_checkin(c).unwrap();
    assert!(ops.iter().all(|o| o.coll().is_private()));
    let (doc, roots) = ydoc::doc_of(&ws);
    let read = {
        use yrs::Transact;
        ydoc::read(&doc.transact(), &roots).unwrap()
    };
    assert!(read.checkins.is_empty(), "never in the team's document");
    assert_eq!(Workspace { checkins: Vec::new(), ..ws.clone() }, read.clone().without_private());
    assert!(ws.without_private().checkins.is_empty());
    let mut team = read;
    ws.keep_private_in(&mut team);
    assert_eq!(team.checkins, ws.checkins);
    Cmd::new(&mut ws, &mut ids, now()).remove_member(&member).unwrap();
    assert!(ws.checkins.is_empty());
}

// A meeting needs a name and at most a working day.
#[test]
fn meeting_rules() {
    let (mut ws, mut ids) = team();
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    let m = Meeting {
        id: MeetingId::generate(cmd.ids()),
        name: "Calibration".into(),
        duration_minutes: 9 * 60,
        ..Default::default()
    };
    assert_eq!(
        cmd.save_meeting(m.clone()),
        Err(ModelError::NotBetween { field: "duration_minutes", min: "0".into(), max: "480".into() })
    );
    assert_eq!(
        cmd.save_meeting(Meeting { name: " ".into(), ..m.clone() }),
        Err(ModelError::EmptyName { kind: Kind::Meeting })
    );
    cmd.save_meeting(Meeting { duration_minutes: 30, ..m }).unwrap();
}

// From a review: editing a routine back to a day already made, or resuming it after a pause,
// never makes a day's task twice or counts the pause as missed.
#[test]
fn editing_or_resuming_a_routine_never_repeats_a_day() {
    let (mut ws, mut ids) = team();
    let r = weekly_qa(&mut ids, "2026-11-23");
    let mut cmd = Cmd::new(&mut ws, &mut ids, now());
    cmd.save_routine(r.clone()).unwrap();
    cmd.run_routines(day("2026-11-23"), "{n}").unwrap();
    let tasks = cmd.ws().board.tasks.len();
    // The editor still holds the routine as it was before the task: saved back, it starts after.
    cmd.save_routine(r.clone()).unwrap();
    assert_eq!(cmd.ws().routines[0].next, day("2026-11-30"));
    assert_eq!(cmd.ws().routines[0].last_day, Some(day("2026-11-23")));
    let (runs, _) = cmd.run_routines(day("2026-11-23"), "{n}").unwrap();
    assert!(runs.is_empty());
    assert_eq!(cmd.ws().board.tasks.len(), tasks);
    // Paused for a month, then resumed: the next day counts from today.
    let mut paused = cmd.ws().routines[0].clone();
    paused.paused = true;
    cmd.save_routine(paused.clone()).unwrap();
    paused.paused = false;
    drop(cmd);
    let mut later = Cmd::new(&mut ws, &mut ids, now() + Duration::days(30));
    later.save_routine(paused).unwrap();
    let (runs, _) = later.run_routines(day("2026-12-23"), "{n}").unwrap();
    assert!(runs.is_empty(), "{runs:?}");
    assert_eq!(later.ws().routines[0].next, day("2026-12-28"));
}

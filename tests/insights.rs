//! Skills coverage and gaps, the training plan, KPIs and their CSV, board analytics and the
//! demand forecast.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rolecall::model::analytics::*;
use rolecall::model::board::{Board, Task};
use rolecall::model::csv::*;
use rolecall::model::kpi::*;
use rolecall::model::skills::*;
use rolecall::model::template::service_team;
use rolecall::model::training::*;
use rolecall::model::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 18, 10, 0, 0).unwrap() // a Wednesday
}

fn template() -> Workspace {
    service_team(&mut IdGen::new(11), t0())
}

fn skill(ws: &Workspace, name: &str) -> SkillId {
    ws.skills.iter().find(|s| s.name == name).unwrap().id.clone()
}

fn member(ws: &Workspace, name: &str) -> MemberId {
    ws.members.iter().find(|m| m.name == name).unwrap().id.clone()
}

#[test]
fn coverage_counts_active_members_per_level() {
    let mut ws = template();
    let comm = skill(&ws, "Communication");
    // Levels: 4, 4, 3, 2, 3, 3 → [0, 0, 1, 3, 2]
    assert_eq!(coverage(&ws, &comm), [0, 0, 1, 3, 2]);
    ws.members[0].active = false;
    assert_eq!(coverage(&ws, &comm), [0, 0, 1, 3, 1]);
    assert_eq!(qualified(&ws, &comm, 4).len(), 1);
}

// A skill a role requires that only one person has is a single point of failure.
#[test]
fn a_required_skill_only_one_person_has_is_flagged() {
    let ws = template();
    let risks = single_points_of_failure(&ws);
    let troubleshooting = skill(&ws, "Troubleshooting");
    let r = risks.iter().find(|r| r.skill == troubleshooting).unwrap();
    assert_eq!(r.only, Some(member(&ws, "Tom Becker")));
    // Communication at 3 is widely held: no risk there for the representatives.
    let csr = ws.roles.iter().find(|r| r.name == "Customer Service Representative").unwrap().id.clone();
    assert!(!risks.iter().any(|r| r.role == csr && r.skill == skill(&ws, "Communication")));
}

#[test]
fn a_required_skill_nobody_has_is_flagged_with_nobody() {
    let mut ws = template();
    let coaching = skill(&ws, "Coaching");
    for m in &mut ws.members {
        m.skills.retain(|s| s.skill != coaching);
    }
    assert!(single_points_of_failure(&ws).iter().any(|r| r.skill == coaching && r.only.is_none()));
}

#[test]
fn gaps_list_each_members_missing_levels_and_staffing_counts_the_qualified() {
    let ws = template();
    let g = gaps(&ws);
    let aisha = member(&ws, "Aisha Khan");
    let product = skill(&ws, "Product knowledge");
    assert!(g.contains(&Gap {
        member: aisha.clone(),
        role: ws.member(&aisha).unwrap().roles[0].clone(),
        skill: product,
        have: 2,
        need: 3
    }));
    let s = staffing(&ws);
    let csr = s.iter().find(|s| ws.role(&s.role).unwrap().name == "Customer Service Representative").unwrap();
    // Chen meets every required level; Aisha is below in product knowledge.
    assert_eq!((csr.needed, csr.holders, csr.qualified), (3, 2, 1));
    assert!(!csr.is_met());
    let lead = s.iter().find(|s| ws.role(&s.role).unwrap().name == "Team Lead").unwrap();
    assert!(lead.is_met());
}

// Level changes are recorded with dates.
#[test]
fn level_changes_are_recorded_with_their_time() {
    let mut ws = template();
    let (aisha, product) = (member(&ws, "Aisha Khan"), skill(&ws, "Product knowledge"));
    assert!(ws.set_level(&aisha, &product, 3, t0()));
    assert!(!ws.set_level(&aisha, &product, 3, t0()), "no change, no record");
    assert_eq!(
        ws.skill_history,
        vec![LevelChange { at: t0(), member: aisha.clone(), skill: product.clone(), from: 2, to: 3 }]
    );
    assert!(!gaps(&ws).iter().any(|g| g.member == aisha && g.skill == product));
    let mut m = ws.member(&aisha).unwrap().clone();
    m.skills.iter_mut().find(|s| s.skill == product).unwrap().level = 4;
    ws.save_member_recording(m, t0() + Duration::days(1)).unwrap();
    assert_eq!(ws.skill_history.last().map(|c| (c.from, c.to)), Some((3, 4)));
}

// A gap becomes a training item and, in one step, a training task on the board.
#[test]
fn a_training_item_becomes_a_training_task_once() {
    let mut ws = template();
    let mut ids = IdGen::new(2);
    let (aisha, product) = (member(&ws, "Aisha Khan"), skill(&ws, "Product knowledge"));
    let due = NaiveDate::from_ymd_opt(2026, 12, 1);
    let item = ws.plan_training(&mut ids, &aisha, &product, 3, due);
    let task = ws.training_task(&mut ids, &item, "Training: Product knowledge for Aisha Khan".into(), t0()).unwrap();
    let t = ws.board.task(&task).unwrap();
    assert_eq!((t.kind, t.assignees.clone(), t.due), (board::TaskType::Training, vec![aisha.clone()], due));
    assert_eq!(ws.board.kind_of(t), board::ColumnKind::NotStarted);
    assert_eq!(ws.training[0].task, Some(task.clone()));
    // Asking again gives the same task, not a second one.
    assert_eq!(ws.training_task(&mut ids, &item, "again".into(), t0()), Some(task));
    assert_eq!(
        ws.board
            .tasks
            .iter()
            .filter(|t| t.kind == board::TaskType::Training && t.title.starts_with("Training:"))
            .count(),
        1
    );
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn kpi_status_depends_on_direction_and_is_near_within_ten_percent() {
    let mut ids = IdGen::new(1);
    let csat = Kpi::new(&mut ids, "CSAT", "%", Direction::HigherIsBetter, 90.0);
    assert_eq!(csat.status_of(91.0), Status::On);
    assert_eq!(csat.status_of(82.0), Status::Near);
    assert_eq!(csat.status_of(80.0), Status::Off);
    let aht = Kpi::new(&mut ids, "AHT", "min", Direction::LowerIsBetter, 6.0);
    assert_eq!(aht.status_of(5.0), Status::On);
    assert_eq!(aht.status_of(6.5), Status::Near);
    assert_eq!(aht.status_of(7.0), Status::Off);
}

#[test]
fn recording_a_value_replaces_the_same_period_and_keeps_order() {
    let mut k = Kpi::new(&mut IdGen::new(1), "FCR", "%", Direction::HigherIsBetter, 75.0);
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    k.record(d(16), 70.0);
    k.record(d(9), 68.0);
    k.record(d(16), 72.0);
    assert_eq!(k.values.iter().map(|v| (v.period, v.value)).collect::<Vec<_>>(), [(d(9), 68.0), (d(16), 72.0)]);
    assert_eq!(k.latest(), Some((72.0, Status::Near, Some(4.0))));
}

// CSV import reports bad rows by line and keeps the good ones.
#[test]
fn kpi_csv_import_records_good_rows_and_reports_bad_ones_by_line() {
    let mut ids = IdGen::new(1);
    let mut kpis = vec![
        Kpi::new(&mut ids, "CSAT", "%", Direction::HigherIsBetter, 90.0),
        Kpi::new(&mut ids, "Average handle time, phone", "min", Direction::LowerIsBetter, 6.0),
    ];
    let text = "\u{feff}kpi,period,value\r\ncsat,2026-11-09,88.5\r\n\"Average handle time, phone\",2026-11-09,\"6,4\"\r\nNPS,2026-11-09,40\r\nCSAT,9 Nov,90\r\nCSAT,2026-11-16,lots\r\nCSAT,2026-11-16\r\n\r\nCSAT,2026-11-16,91\r\n";
    let report = import_values(&mut kpis, text);
    assert_eq!(report.recorded, 3);
    assert_eq!(
        report.errors,
        vec![
            (4, RowError::UnknownKpi("NPS".into())),
            (5, RowError::BadDate("9 Nov".into())),
            (6, RowError::BadNumber("lots".into())),
            (7, RowError::Columns),
        ]
    );
    assert_eq!(kpis[1].values[0].value, 6.4);
    let csv = values_csv(&kpis);
    assert!(csv.starts_with("\u{feff}kpi,period,value\r\nCSAT,2026-11-09,88.5\r\nCSAT,2026-11-16,91\r\n\"Average handle time, phone\",2026-11-09,6.4\r\n"));
    // What is exported imports again unchanged.
    let mut again = kpis.clone();
    for k in &mut again {
        k.values.clear();
    }
    assert_eq!(import_values(&mut again, &csv).errors, vec![]);
    assert_eq!(again, kpis);
}

#[test]
fn csv_records_may_hold_quoted_line_breaks() {
    let rows = parse_csv("a,\"two\nlines\",c\nd,e,f");
    assert_eq!(
        rows,
        vec![(1, vec!["a".into(), "two\nlines".into(), "c".into()]), (3, vec!["d".into(), "e".into(), "f".into()])]
    );
}

/// A board whose tasks were created, started and finished at known times.
fn history_board() -> Board {
    let mut b = Board::default();
    let (todo, doing, done) = (ColumnId::from("col_todo"), ColumnId::from("col_doing"), ColumnId::from("col_done"));
    // Cycle times 2, 4, 6, 8 and 30 hours; completed in two different weeks.
    for (i, (created_days_ago, cycle)) in [(10, 2), (10, 4), (9, 6), (3, 8), (2, 30)].iter().enumerate() {
        let id = TaskId(format!("t{i}"));
        let created = t0() - Duration::days(*created_days_ago);
        b.add_task(Task { id: id.clone(), title: format!("T{i}"), column: todo.clone(), ..Task::default() }, created)
            .unwrap();
        b.move_task(&id, &doing, None, created + Duration::hours(1)).unwrap();
        b.move_task(&id, &done, None, created + Duration::hours(1 + cycle)).unwrap();
    }
    b.add_task(Task { id: TaskId::from("open"), title: "Open".into(), column: todo, ..Task::default() }, t0()).unwrap();
    b
}

#[test]
fn cycle_time_median_and_85th_percentile_come_from_the_history() {
    let b = history_board();
    let mut c = cycle_times(&b);
    c.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(c, [2.0, 4.0, 6.0, 8.0, 30.0]);
    assert_eq!(percentile(&c, 50.0), Some(6.0));
    assert!((percentile(&c, 85.0).unwrap() - 16.8).abs() < 1e-9);
    assert_eq!(percentile(&[], 50.0), None);
}

#[test]
fn throughput_counts_completions_per_week() {
    let b = history_board();
    let weeks = recent_weeks(t0(), 3);
    assert_eq!(weeks[2], NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
    // Completions: Sun 8 Nov (two), Mon 9 and Sun 15 Nov, Tue 17 Nov.
    assert_eq!(throughput(&b, &weeks), [2, 2, 1]);
    assert_eq!(created_per_week(&b, &weeks), [2, 2, 2]);
    // Every completion is within the 72-hour P3 target.
    assert_eq!(sla_met_per_week(&b, &weeks, t0()), [Some(100.0), Some(100.0), Some(100.0)]);
    let late = history_board();
    let mut late = late;
    late.standards[2].resolution_hours = 5;
    assert_eq!(sla_met_per_week(&late, &weeks, t0()), [Some(100.0), Some(0.0), Some(0.0)]);
}

#[test]
fn cumulative_flow_counts_tasks_per_column_at_the_end_of_each_day() {
    let b = history_board();
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let flow = cumulative_flow(&b, &[day(7), day(8), day(18)]);
    // Columns: backlog, to do, in progress, review, done.
    assert_eq!(flow[0], [0, 0, 0, 0, 0]);
    assert_eq!(flow[1], [0, 0, 0, 0, 2]);
    assert_eq!(flow[2], [0, 1, 0, 0, 5]);
}

// The forecast method on known series.
#[test]
fn a_forecast_needs_four_weeks_of_history() {
    assert_eq!(forecast(&[0, 0, 0, 3, 4, 5], 4), Forecast::TooShort { weeks: 3 });
    assert_eq!(forecast(&[], 4), Forecast::TooShort { weeks: 0 });
}

#[test]
fn a_flat_series_forecasts_its_level_and_a_rising_one_its_trend() {
    let Forecast::Ahead { per_week, slope, .. } = forecast(&[5, 5, 5, 5, 5], 3) else { panic!() };
    assert_eq!((per_week, slope), (vec![5.0, 5.0, 5.0], 0.0));
    let Forecast::Ahead { per_week, slope, .. } = forecast(&[2, 4, 6, 8], 2) else { panic!() };
    assert!((slope - 2.0).abs() < 1e-9);
    assert!((per_week[0] - 10.0).abs() < 1e-9 && (per_week[1] - 12.0).abs() < 1e-9);
    // A falling series never forecasts below zero.
    let Forecast::Ahead { per_week, .. } = forecast(&[9, 6, 3, 1], 6) else { panic!() };
    assert!(per_week.iter().all(|v| *v >= 0.0));
    assert_eq!(*per_week.last().unwrap(), 0.0);
}

#[test]
fn only_the_last_twelve_weeks_count() {
    let mut series = vec![100; 20];
    series.extend([4; 12]);
    let Forecast::Ahead { per_week, .. } = forecast(&series, 1) else { panic!() };
    assert_eq!(per_week, vec![4.0]);
}

#[test]
fn the_template_has_kpis_with_eight_weeks_of_values_and_a_short_history() {
    let ws = template();
    assert_eq!(ws.kpis.len(), 6);
    assert_eq!(ws.kpis[0].values.len(), 8);
    let weeks = recent_weeks(t0(), 8);
    assert!(matches!(forecast(&created_per_week(&ws.board, &weeks), 4), Forecast::TooShort { .. }));
    assert_eq!(average_estimate(&ws.board), 3.0);
}

#[test]
fn forecast_hours_are_shared_out_to_roles_by_their_past_work() {
    let ws = template();
    let need = role_need(&ws, 80.0);
    let total: f64 = need.iter().map(|(_, n)| *n).sum();
    assert!(total > 0.0);
    let by_name = |name: &str| need.iter().find(|(r, _)| ws.role(r).unwrap().name == name).unwrap().1;
    // Tom (technical support) carries the most estimated hours in the template.
    assert!(by_name("Technical Support Specialist") > by_name("Project Manager"));
    assert_eq!(role_need(&Workspace::default(), 80.0), vec![]);
}

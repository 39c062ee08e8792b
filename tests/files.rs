//! The envelope, its migrations and every kind of bad file.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rolecall::model::import::{read, ImportError, Repair, MAX_BYTES};
use rolecall::model::raci::{MemberLetter, RoleLetter};
use rolecall::model::schema::{encode, migrate, MigrationError, CURRENT_VERSION, STEPS};
use rolecall::model::template::service_team;
use rolecall::model::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn ids() -> IdGen {
    IdGen::new(42)
}

// Each released version has a fixture that still reads, unchanged in meaning.
#[test]
fn the_version_1_fixture_reads_without_repairs() {
    let got = read(&fixture("v1.json"), &mut ids()).unwrap();
    assert_eq!(got.from_version, 1);
    assert_eq!(got.repairs, vec![]);
    let ws = got.workspace;
    assert_eq!(ws.name, "Helpdesk North");
    assert_eq!(ws.collaboration, CollaborationModel::Departmental);
    assert_eq!(ws.members.len(), 3);
    assert_eq!(ws.members[0].level(&SkillId::from("skl_coach")), 3);
    assert!(!ws.members[2].active);
    assert_eq!(ws.roles[1].headcount, 2);
    assert_eq!(ws.skills[2].category, SkillCategory::Technical);
    assert_eq!(got.saved_at, Some(Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap()));
    // Version 2 turned each role's plain-text duties into duties held A/R by that role.
    let titles: Vec<&str> = ws.duties.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Run the daily stand-up", "Handle escalated complaints", "Troubleshoot escalated issues"]);
    let lead = RoleId::from("rol_lead");
    assert_eq!(ws.duties[0].role_letter(&lead), Some(Raci::AR));
    assert_eq!(ws.duties[0].area, "Team Lead");
    assert_eq!(ws.duties[2].role_letter(&RoleId::from("rol_tech")), Some(Raci::AR));
    assert_eq!(ws.duties[0].id, DutyId::from("dut_rol_lead_1"));
}

// The same duty text under two roles becomes one duty, and the chart shows the overlap.
#[test]
fn migrating_shared_plain_duties_merges_them_and_keeps_both_roles() {
    let v1 = serde_json::json!({
        "roles": [
            { "id": "rol_a", "name": "A", "duties": ["Answer the phone", "  "] },
            { "id": "rol_b", "name": "B", "duties": ["answer the phone"] }
        ]
    });
    let v2 = migrate(v1, 1).unwrap();
    let duties = v2["duties"].as_array().unwrap();
    assert_eq!(duties.len(), 1);
    assert_eq!(duties[0]["roles"].as_array().unwrap().len(), 2);
    assert!(v2["roles"][0].get("duties").is_none());
}

#[test]
fn the_version_2_fixture_reads_without_repairs() {
    let got = read(&fixture("v2.json"), &mut ids()).unwrap();
    assert_eq!(got.from_version, 2);
    assert_eq!(got.repairs, vec![]);
    let ws = got.workspace;
    assert_eq!(ws.duties.len(), 3);
    assert_eq!(ws.duties[1].frequency, Some(Frequency::AsNeeded));
    assert_eq!(ws.duties[1].member_override(&MemberId::from("mem_cy")), Some(Some(Raci::C)));
    assert_eq!(ws.duties[2].member_override(&MemberId::from("mem_bo")), Some(None));
    assert_eq!(ws.thresholds.max_responsible, 2);
    assert_eq!(ws.thresholds.member_load_factor, 1.5);
    // Version 3 added the board with its default columns.
    assert_eq!(ws.board.columns.len(), 5);
    assert_eq!(ws.board.columns[0].id, ColumnId::from("col_backlog"));
    assert!(ws.board.tasks.is_empty());
}

#[test]
fn the_version_4_fixture_reads_without_repairs() {
    use rolecall::model::kpi::{Direction, Status};
    use rolecall::model::training::TrainingStatus;
    let got = read(&fixture("v4.json"), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (4, vec![]));
    let ws = got.workspace;
    assert_eq!(ws.training[0].status, TrainingStatus::InProgress);
    assert_eq!(ws.training[0].task, Some(TaskId::from("tsk_1")));
    assert_eq!(ws.skill_history[0].to, 2);
    assert_eq!(ws.kpis[0].latest().map(|l| l.1), Some(Status::On));
    assert_eq!(ws.kpis[1].direction, Direction::LowerIsBetter);
    // Version 3 files get an empty training plan, history and KPI list.
    let v3 = read(&fixture("v3.json"), &mut ids()).unwrap().workspace;
    assert!(v3.training.is_empty() && v3.kpis.is_empty() && v3.skill_history.is_empty());
}

#[test]
fn the_version_5_fixture_reads_without_repairs() {
    use rolecall::model::service::{ActionStatus, Repeat, Source};
    let got = read(&fixture("v5.json"), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (5, vec![]));
    let ws = got.workspace;
    assert_eq!(ws.meetings[0].cadence, Repeat::Daily);
    assert_eq!(ws.meetings[0].roles.len(), 2);
    assert_eq!(ws.minutes[0].decisions, "Sample five calls a day");
    let imp = &ws.improvements[0];
    assert_eq!((imp.source, imp.status, imp.before), (Source::Complaint, ActionStatus::InProgress, Some(88.0)));
    assert_eq!(imp.tasks, vec![TaskId::from("tsk_2")]);
    assert_eq!(ws.routines[0].weekdays, vec![1]);
    assert_eq!(ws.routines[0].priority, Priority::P3);
    assert_eq!(ws.checkins[0].actions, "Shadow QA for a week");
    assert_eq!(ws.recognitions[0].from, Some(MemberId::from("mem_ana")));
    // A version 4 file's rhythm lines become meetings; the rest starts empty.
    let v4 = read(&fixture("v4.json"), &mut ids()).unwrap().workspace;
    assert_eq!(v4.meetings.len(), 1);
    assert_eq!((v4.meetings[0].name.as_str(), v4.meetings[0].cadence), ("Daily stand-up, 09:15", Repeat::Daily));
    assert_eq!(v4.meetings[0].duration_minutes, 15);
    assert!(v4.improvements.is_empty() && v4.routines.is_empty() && v4.checkins.is_empty());
}

// Version 6 added the tasks' threads: comments and recorded changes, read back as written; an
// older file's threads start empty.
#[test]
fn the_version_6_fixture_reads_without_repairs() {
    use rolecall::model::thread::{activity, comments, Activity, Change};
    let got = read(&fixture("v6.json"), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (6, vec![]));
    let ws = got.workspace;
    let task = &ws.board.tasks[0];
    let said = comments(&task.id, &ws.thread);
    assert_eq!(said.len(), 1);
    assert_eq!(
        (said[0].author.clone(), said[0].text.as_str()),
        (Some(MemberId::from("mem_ana")), "Customer called again; escalated to Bo.")
    );
    let changes: Vec<Change> = activity(task, &ws.thread)
        .into_iter()
        .filter_map(|a| match a {
            Activity::Changed { change, .. } => Some(change),
            _ => None,
        })
        .collect();
    assert_eq!(
        changes,
        vec![Change::Priority { from: Priority::P2, to: Priority::P1 }, Change::Assigned(MemberId::from("mem_bo"))]
    );
    assert!(read(&fixture("v5.json"), &mut ids()).unwrap().workspace.thread.is_empty());
}

// Version 7 holds every field to one declaration: a file it wrote, with texts at their limits,
// reads back without a repair; version 6's laxer routines and thresholds are brought within it
// by the migration, not by a repair.
#[test]
fn the_version_7_fixture_reads_without_repairs_and_version_6_migrates_without_them() {
    let got = read(&fixture("v7.json"), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (7, vec![]));
    assert_eq!(got.workspace.board.tasks[0].title.chars().count(), rolecall::model::decl::MAX_TITLE);
    assert_eq!(got.workspace.members[0].name.chars().count(), rolecall::model::decl::MAX_NAME);
    let mut v6: serde_json::Value = serde_json::from_str(&fixture("v6.json")).unwrap();
    v6["workspace"]["routines"][0]["month_day"] = serde_json::json!(0);
    v6["workspace"]["thresholds"]["max_informed"] = serde_json::json!(5000);
    let got = read(&v6.to_string(), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (6, vec![]));
    assert_eq!(got.workspace.routines[0].month_day, 1);
    assert_eq!(got.workspace.thresholds.max_informed, 999);
}

#[test]
fn the_version_3_fixture_reads_without_repairs() {
    let got = read(&fixture("v3.json"), &mut ids()).unwrap();
    assert_eq!((got.from_version, got.repairs.to_vec()), (3, vec![]));
    let b = &got.workspace.board;
    assert_eq!(b.columns[1].wip_limit, Some(2));
    let t = &b.tasks[0];
    assert_eq!((t.priority, t.kind, t.estimate_hours), (Priority::P1, TaskType::Incident, 2.5));
    assert_eq!(t.history.len(), 2);
    assert_eq!(t.labels, vec!["acme".to_string(), "hardware".to_string()]);
    assert!(b.tasks[1].archived);
    assert_eq!(b.standards[2].resolution_hours, 48);
}

// Every step of the chain is covered by a fixture named after the version it starts from.
#[test]
fn every_migration_step_has_a_fixture() {
    for step in STEPS {
        let path = format!("{}/tests/fixtures/v{}.json", env!("CARGO_MANIFEST_DIR"), step.from);
        assert!(std::path::Path::new(&path).exists(), "no fixture for version {}", step.from);
    }
    let path = format!("{}/tests/fixtures/v{CURRENT_VERSION}.json", env!("CARGO_MANIFEST_DIR"));
    assert!(std::path::Path::new(&path).exists());
}

#[test]
fn migrating_from_a_newer_version_fails_by_name() {
    let v = serde_json::json!({});
    assert_eq!(
        migrate(v.clone(), CURRENT_VERSION + 1),
        Err(MigrationError::TargetVersionTooNew { found: CURRENT_VERSION + 1, supported: CURRENT_VERSION })
    );
    assert_eq!(migrate(v, 0), Err(MigrationError::UnknownVersion(0)));
}

// Bad files: each kind gets its own error.
#[test]
fn a_file_that_is_not_json_says_where() {
    assert_eq!(read(&fixture("bad-not-json.json"), &mut ids()), Err(ImportError::NotJson { line: 1, column: 2 }));
}

#[test]
fn a_truncated_file_is_called_truncated() {
    assert_eq!(read(&fixture("bad-truncated.json"), &mut ids()), Err(ImportError::Truncated));
}

#[test]
fn a_foreign_json_file_is_not_a_rolecall_file() {
    assert_eq!(read(&fixture("bad-foreign.json"), &mut ids()), Err(ImportError::NotRolecall));
    assert_eq!(read("[1,2,3]", &mut ids()), Err(ImportError::NotRolecall));
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    assert_eq!(
        read(&fixture("bad-future-version.json"), &mut ids()),
        Err(ImportError::FutureVersion { found: 99, supported: CURRENT_VERSION })
    );
}

#[test]
fn a_deeply_nested_file_is_refused_before_parsing() {
    assert_eq!(read(&fixture("bad-too-deep.json"), &mut ids()), Err(ImportError::TooDeep));
    // Brackets inside strings do not count.
    let s = format!(r#"{{"format":"rolecall","version":1,"workspace":{{"name":"{}"}}}}"#, "[".repeat(500));
    assert!(read(&s, &mut ids()).is_ok());
}

#[test]
fn a_file_over_10_mb_is_refused() {
    let big = " ".repeat(MAX_BYTES + 1);
    assert_eq!(read(&big, &mut ids()), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
}

#[test]
fn an_empty_file_or_missing_parts_get_their_own_errors() {
    assert_eq!(read("  \n", &mut ids()), Err(ImportError::Empty));
    assert_eq!(read(r#"{"format":"rolecall","workspace":{}}"#, &mut ids()), Err(ImportError::BadVersion));
    assert_eq!(read(r#"{"format":"rolecall","version":1}"#, &mut ids()), Err(ImportError::NoWorkspace));
}

// Repair: every item restored on its own, and each change reported.
#[test]
fn an_import_with_duplicate_ids_dangling_references_and_bad_fields_is_repaired() {
    let got = read(&fixture("needs-repair.json"), &mut ids()).unwrap();
    let ws = &got.workspace;
    assert_eq!(validate(ws), vec![]);
    // Markup is kept as text; the view escapes it.
    assert_eq!(ws.name, "<b>Repair</b> shop");
    // 42 was not an object: dropped.
    assert!(got.repairs.contains(&Repair::ItemDropped { kind: Kind::Member, index: 4 }));
    assert_eq!(ws.members.len(), 4);
    // The second mem_1 got a fresh id.
    assert_ne!(ws.members[0].id, ws.members[1].id);
    assert!(got
        .repairs
        .iter()
        .any(|r| matches!(r, Repair::IdReplaced { kind: Kind::Member, old, .. } if old == "mem_1")));
    // The empty name got one; "dana" clashes with "Dana" and was renamed.
    assert!(got.repairs.iter().any(|r| matches!(r, Repair::NameGiven { kind: Kind::Member, .. })));
    assert_eq!(ws.members[2].name, "dana (2)");
    // Out-of-range values clamped, dangling and repeated references removed.
    let dana = &ws.members[0];
    assert_eq!(dana.capacity_hours, 168);
    assert_eq!(dana.roles, vec![RoleId::from("rol_1")]);
    assert_eq!(dana.skills.len(), 1);
    assert_eq!(dana.skills[0].level, 4);
    assert_eq!(dana.department, None);
    // The entries that were not skills of the catalogue ("junk", a level [2] for a skill gone).
    let skill_repairs = got
        .repairs
        .iter()
        .filter(|r| matches!(r, Repair::ReferenceRemoved { kind: Kind::Member, target: Kind::Skill, .. }))
        .count();
    assert_eq!(skill_repairs, 3, "{:?}", got.repairs);
    // A bad field gets its default and is reported.
    assert_eq!(ws.roles[0].headcount, 1);
    assert!(got.repairs.contains(&Repair::FieldDefaulted {
        kind: Kind::Role,
        item: "Agent".into(),
        field: "headcount".into()
    }));
    assert_eq!(ws.skills[0].category, SkillCategory::Other);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture("v1.json"));
    assert!(read(&text, &mut ids()).is_ok());
}

// Export files are pretty and keep a stable key order.
#[test]
fn an_export_is_pretty_and_starts_with_the_envelope_keys() {
    let ws = service_team(&mut ids(), Utc.timestamp_opt(1_790_000_000, 0).unwrap());
    let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    let text = encode(&ws, at, true);
    assert!(text.starts_with("{\n  \"format\": \"rolecall\",\n  \"version\": 7,\n  \"saved_at\": \"2026-01-02T03:04:05Z\",\n  \"workspace\": {\n    \"name\""));
    assert_eq!(text, encode(&ws, at, true));
}

#[test]
fn the_template_round_trips() {
    let ws = service_team(&mut ids(), Utc.timestamp_opt(1_790_000_000, 0).unwrap());
    let got = read(&encode(&ws, Utc.timestamp_opt(1_790_000_000, 0).unwrap(), false), &mut ids()).unwrap();
    assert_eq!(got.repairs, vec![]);
    assert_eq!(got.workspace, ws);
}

// Property: export → import is the identity for every valid workspace.
fn arb_name() -> impl Strategy<Value = String> {
    "[A-Za-z\u{4e00}-\u{4e2f}<>&\"' ]{0,12}"
}

prop_compose! {
    fn arb_workspace()(
        name in arb_name(),
        goals in prop::collection::vec(arb_name(), 0..4),
        n_skills in 0usize..6, n_roles in 0usize..5, n_members in 0usize..8, n_deps in 0usize..3, n_duties in 0usize..8,
        seed in any::<u64>(),
        levels in prop::collection::vec(0u8..=4, 64),
        hours in prop::collection::vec(0u32..=168, 8),
        picks in prop::collection::vec(any::<bool>(), 64),
        model in 0usize..4,
    ) -> Workspace {
        let mut ids = IdGen::new(seed);
        let mut ws = Workspace { name, goals, collaboration: CollaborationModel::ALL[model], ..Workspace::default() };
        for i in 0..n_deps { ws.departments.push(Department { id: DepartmentId::generate(&mut ids), name: format!("Dept {i}") }); }
        for i in 0..n_skills {
            ws.skills.push(Skill { id: SkillId::generate(&mut ids), name: format!("Skill {i} <x>"), category: SkillCategory::ALL[i % 5], description: "d,\"q\"\n".into() });
        }
        for i in 0..n_roles {
            let required_skills = ws.skills.iter().enumerate().filter(|(j, _)| picks[(i * 7 + j) % 64])
                .map(|(j, s)| RequiredSkill { skill: s.id.clone(), min_level: levels[(i + j) % 64] }).collect();
            ws.roles.push(Role { id: RoleId::generate(&mut ids), name: format!("Role {i}"), purpose: "p".into(),
                required_skills, headcount: i as u32 });
        }
        for i in 0..n_members {
            let roles = ws.roles.iter().enumerate().filter(|(j, _)| picks[(i * 3 + j + 11) % 64]).map(|(_, r)| r.id.clone()).collect();
            let skills = ws.skills.iter().enumerate().filter(|(j, _)| picks[(i * 5 + j + 23) % 64])
                .map(|(j, s)| MemberSkill { skill: s.id.clone(), level: levels[(i * 2 + j) % 64], interested: picks[(i + j) % 64] }).collect();
            let department = if n_deps > 0 && picks[i] { Some(ws.departments[i % n_deps].id.clone()) } else { None };
            ws.members.push(Member { id: MemberId::generate(&mut ids), name: format!("Person {i}"), title: "t".into(),
                capacity_hours: hours[i], roles, skills, department, active: picks[i + 1], ..Member::default() });
        }
        let letters = [None, Some(Raci::R), Some(Raci::A), Some(Raci::AR), Some(Raci::C), Some(Raci::I)];
        for i in 0..n_duties {
            let roles = ws.roles.iter().enumerate()
                .filter_map(|(j, r)| letters[(levels[(i * 3 + j) % 64] as usize + j) % 6].map(|l| RoleLetter { role: r.id.clone(), letter: Some(l) }))
                .collect();
            let members = ws.members.iter().enumerate().filter(|(j, _)| picks[(i * 13 + j + 5) % 64] && picks[(i + j * 7) % 64])
                .map(|(j, m)| MemberLetter { member: m.id.clone(), letter: letters[(j + i) % 6] }).collect();
            ws.duties.push(Duty { id: DutyId::generate(&mut ids), title: format!("Duty {i} \"q\""), area: format!("Area {}", i % 3),
                description: "d".into(), frequency: if picks[i] { Some(Frequency::ALL[i % 5]) } else { None }, roles, members });
        }
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn export_then_import_gives_the_same_workspace(ws in arb_workspace()) {
        prop_assert_eq!(validate(&ws), vec![]);
        let text = encode(&ws, Utc.timestamp_opt(1_790_000_000, 0).unwrap(), true);
        let got = read(&text, &mut ids()).unwrap();
        prop_assert_eq!(got.repairs, vec![]);
        prop_assert_eq!(got.workspace, ws);
    }
}

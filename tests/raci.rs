//! The responsibility chart's rules: letters, keys, and every check.

use rolecall::model::raci::Thresholds;

use rolecall::model::raci_check::{check, member_letter, Check, Finding, Severity};
use rolecall::model::template::service_team;
use rolecall::model::*;
use Raci::*;

/// A workspace with `roles` roles ("Role 0"…), one active member per role, and no duties.
fn team(roles: usize) -> Workspace {
    let mut ws = Workspace::default();
    for i in 0..roles {
        let role = RoleId(format!("rol_{i}"));
        ws.roles.push(Role { id: role.clone(), name: format!("Role {i}"), ..Role::default() });
        ws.members.push(Member {
            id: MemberId(format!("mem_{i}")),
            name: format!("Person {i}"),
            roles: vec![role],
            ..Member::default()
        });
    }
    ws
}

/// Adds a duty with these letters, one per role in order.
fn duty(ws: &mut Workspace, title: &str, letters: &[Option<Raci>]) -> DutyId {
    let id = DutyId(format!("dut_{}", ws.duties.len()));
    let mut d = Duty { id: id.clone(), title: title.into(), area: "Area".into(), ..Duty::default() };
    for (i, l) in letters.iter().enumerate() {
        if l.is_some() {
            d.roles.push(rolecall::model::raci::RoleLetter { role: RoleId(format!("rol_{i}")), letter: *l });
        }
    }
    ws.save_duty(d);
    id
}

fn codes(ws: &Workspace) -> Vec<&'static str> {
    check(ws).iter().map(|f| f.check.code()).collect()
}

fn has(ws: &Workspace, code: &str) -> bool {
    codes(ws).contains(&code)
}

// Clicking cycles through every value and back to empty.
#[test]
fn a_click_cycles_empty_r_a_ar_c_i_empty() {
    let mut v = None;
    let mut seen = vec![];
    for _ in 0..6 {
        v = Raci::cycle(v);
        seen.push(v);
    }
    assert_eq!(seen, [Some(R), Some(A), Some(AR), Some(C), Some(I), None]);
}

// Typing R on A makes A/R (the one combination allowed); typing it again takes the R away.
#[test]
fn letter_keys_combine_a_and_r_and_toggle() {
    assert_eq!(Raci::press(None, 'r'), Some(R));
    assert_eq!(Raci::press(Some(A), 'R'), Some(AR));
    assert_eq!(Raci::press(Some(AR), 'r'), Some(A));
    assert_eq!(Raci::press(Some(R), 'a'), Some(AR));
    assert_eq!(Raci::press(Some(AR), 'a'), Some(R));
    assert_eq!(Raci::press(Some(C), 'c'), None);
    assert_eq!(Raci::press(Some(AR), 'i'), Some(I));
    assert_eq!(Raci::press(Some(I), 'x'), Some(I));
}

#[test]
fn letters_from_several_roles_combine_to_the_strongest() {
    assert_eq!(Raci::combine([C, I]), Some(C));
    assert_eq!(Raci::combine([A, R, C]), Some(AR));
    assert_eq!(Raci::combine([I]), Some(I));
    assert_eq!(Raci::combine([]), None);
}

// The template must show a good chart at once.
#[test]
fn the_template_chart_has_no_errors_and_no_warnings() {
    let ws = service_team(&mut IdGen::new(3), chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap());
    assert_eq!(check(&ws), vec![]);
    assert_eq!(validate(&ws), vec![]);
    assert!(ws.areas().len() >= 6);
}

#[test]
fn a_duty_without_accountable_is_an_error() {
    let mut ws = team(2);
    duty(&mut ws, "Answer", &[Some(R), Some(I)]);
    assert!(has(&ws, "raci.no-accountable"));
    let f = check(&ws).into_iter().find(|f| f.check == Check::NoAccountable).unwrap();
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.duty, Some(DutyId::from("dut_0")));
    let mut ws = team(2);
    duty(&mut ws, "Answer", &[Some(R), Some(A)]);
    assert!(!has(&ws, "raci.no-accountable"));
}

#[test]
fn two_accountable_on_one_duty_is_an_error() {
    let mut ws = team(3);
    duty(&mut ws, "Decide", &[Some(A), Some(AR), Some(I)]);
    assert!(check(&ws).iter().any(|f| f.check == Check::ManyAccountable { count: 2 }));
    let mut ws = team(3);
    duty(&mut ws, "Decide", &[Some(A), Some(R), Some(I)]);
    assert!(!has(&ws, "raci.many-accountable"));
}

// A/R counts as doing the work.
#[test]
fn a_duty_nobody_does_is_an_error_unless_the_accountable_does_it() {
    let mut ws = team(2);
    duty(&mut ws, "Report", &[Some(A), Some(I)]);
    assert!(has(&ws, "raci.no-responsible"));
    let mut ws = team(2);
    duty(&mut ws, "Report", &[Some(AR), Some(I)]);
    assert!(!has(&ws, "raci.no-responsible"));
}

#[test]
fn letters_only_on_roles_nobody_active_holds_are_an_error() {
    let mut ws = team(2);
    duty(&mut ws, "Triage", &[Some(AR), Some(I)]);
    assert!(!has(&ws, "raci.unstaffed"));
    ws.members[0].active = false;
    let f = check(&ws).into_iter().find(|f| f.check.code() == "raci.unstaffed").unwrap();
    assert_eq!(f.check, Check::Unstaffed { responsible: true, accountable: true });
    // A named person can cover it.
    let d = ws.duties[0].id.clone();
    ws.set_member_letter(&d, &MemberId::from("mem_1"), Some(Some(AR))).unwrap();
    assert!(!has(&ws, "raci.unstaffed"));
}

#[test]
fn a_member_override_replaces_what_the_roles_give() {
    let mut ws = team(2);
    let d = duty(&mut ws, "Triage", &[Some(AR), Some(I)]);
    let m = MemberId::from("mem_0");
    assert_eq!(member_letter(&ws, ws.duty(&d).unwrap(), &m), (Some(AR), false));
    ws.set_member_letter(&d, &m, Some(None)).unwrap();
    assert_eq!(member_letter(&ws, ws.duty(&d).unwrap(), &m), (None, true));
    ws.set_member_letter(&d, &m, None).unwrap();
    assert_eq!(member_letter(&ws, ws.duty(&d).unwrap(), &m), (Some(AR), false));
}

#[test]
fn too_many_responsible_consulted_or_informed_warn_at_their_thresholds() {
    let mut ws = team(8);
    duty(&mut ws, "Busy", &[Some(A), Some(R), Some(R), Some(R), Some(C), Some(C), Some(I), Some(I)]);
    assert!(!has(&ws, "raci.too-many-responsible"));
    ws.thresholds.max_responsible = 2;
    ws.thresholds.max_consulted = 1;
    ws.thresholds.max_informed = 1;
    let c = codes(&ws);
    assert!(c.contains(&"raci.too-many-responsible"));
    assert!(c.contains(&"raci.too-many-consulted"));
    assert!(c.contains(&"raci.too-many-informed"));
    assert!(check(&ws).iter().any(|f| f.check == Check::TooManyResponsible { count: 3, limit: 2 }));
}

#[test]
fn a_duty_with_no_consulted_and_no_informed_is_a_silo() {
    let mut ws = team(3);
    duty(&mut ws, "Alone", &[Some(AR), None, None]);
    assert!(has(&ws, "raci.silo"));
    let mut ws = team(3);
    duty(&mut ws, "Together", &[Some(AR), Some(C), None]);
    assert!(!has(&ws, "raci.silo"));
}

#[test]
fn every_role_on_one_duty_warns() {
    let mut ws = team(3);
    duty(&mut ws, "Everyone", &[Some(AR), Some(C), Some(I)]);
    assert!(has(&ws, "raci.every-role-involved"));
    let mut ws = team(3);
    duty(&mut ws, "Some", &[Some(AR), Some(C), None]);
    assert!(!has(&ws, "raci.every-role-involved"));
}

#[test]
fn a_role_accountable_or_responsible_for_too_much_warns() {
    let mut ws = team(2);
    for i in 0..4 {
        duty(&mut ws, &format!("D{i}"), &[Some(AR), Some(I)]);
    }
    assert!(!has(&ws, "raci.role-bottleneck"));
    ws.thresholds = Thresholds { max_accountable_per_role: 3, max_responsible_per_role: 3, ..Thresholds::default() };
    let found: Vec<Finding> =
        check(&ws).into_iter().filter(|f| f.role.as_ref() == Some(&RoleId::from("rol_0"))).collect();
    assert!(found.iter().any(|f| f.check == Check::RoleBottleneck { count: 4, limit: 3 }));
    assert!(found.iter().any(|f| f.check == Check::RoleOverload { count: 4, limit: 3 }));
}

#[test]
fn a_role_neither_responsible_nor_accountable_anywhere_warns() {
    let mut ws = team(2);
    duty(&mut ws, "D", &[Some(AR), Some(I)]);
    let idle: Vec<_> = check(&ws).into_iter().filter(|f| f.check == Check::RoleIdle).collect();
    assert_eq!(idle.len(), 1);
    assert_eq!(idle[0].role, Some(RoleId::from("rol_1")));
    // With no duties at all there is nothing to judge.
    assert!(!has(&team(2), "raci.role-idle"));
}

#[test]
fn a_member_far_above_the_median_load_warns() {
    let mut ws = team(4);
    for i in 0..6 {
        duty(&mut ws, &format!("Lead {i}"), &[Some(AR), Some(C), None, None]);
    }
    duty(&mut ws, "Shared 1", &[Some(I), Some(AR), None, None]);
    duty(&mut ws, "Shared 2", &[Some(I), None, Some(AR), None]);
    duty(&mut ws, "Shared 3", &[Some(I), None, None, Some(AR)]);
    // Loads: 6, 1, 1, 1 — median 1.
    let f = check(&ws).into_iter().find(|f| f.check.code() == "raci.member-overload").unwrap();
    assert_eq!(f.member, Some(MemberId::from("mem_0")));
    assert_eq!(f.check, Check::MemberOverload { load: 6, median: 1.0 });
    ws.thresholds.member_load_factor = 10.0;
    assert!(!has(&ws, "raci.member-overload"));
}

#[test]
fn errors_come_before_warnings() {
    let mut ws = team(3);
    duty(&mut ws, "Silo", &[Some(AR), None, None]);
    duty(&mut ws, "Orphan", &[None, Some(C), None]);
    let sev: Vec<Severity> = check(&ws).iter().map(|f| f.severity()).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(sev[0], Severity::Error);
}

// Removing a role or member cleans the chart.
#[test]
fn removing_a_role_or_member_removes_their_letters() {
    let mut ws = team(2);
    let d = duty(&mut ws, "D", &[Some(AR), Some(I)]);
    let mut ids = IdGen::new(1);
    let mut c = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, common_now());
    c.set_member_letter(&d, &MemberId::from("mem_1"), Some(Some(C))).unwrap();
    c.remove_role(&RoleId::from("rol_0")).unwrap();
    c.remove_member(&MemberId::from("mem_1")).unwrap();
    assert!(ws.duty(&d).unwrap().roles.iter().all(|x| x.role != RoleId::from("rol_0")));
    assert!(ws.duty(&d).unwrap().members.is_empty());
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn duty_titles_are_unique_and_letters_need_known_roles() {
    let mut ws = team(1);
    duty(&mut ws, "Answer", &[Some(AR)]);
    let again = Duty { id: DutyId::from("dut_x"), title: " answer ".into(), ..Duty::default() };
    let mut ids = IdGen::new(1);
    let mut c = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, common_now());
    assert!(matches!(c.save_duty(again), Err(ModelError::DuplicateName { kind: Kind::Duty, .. })));
    let d = c.ws().duties[0].id.clone();
    assert!(c.set_role_letter(&d, &RoleId::from("rol_nope"), Some(R)).is_err());
    c.set_role_letter(&d, &RoleId::from("rol_0"), None).unwrap();
    assert!(c.ws().duties[0].roles.is_empty());
}

// The problems list is keyed by Finding::key: two findings must never share one.
#[test]
fn every_finding_has_a_key_of_its_own() {
    for seed in 0..5 {
        let ws = rolecall::model::generate::large(seed, common_now(), rolecall::model::generate::BENCH);
        let mut keys: Vec<String> = rolecall::model::raci_check::check(&ws).iter().map(|f| f.key()).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "seed {seed}");
    }
}

fn common_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap()
}

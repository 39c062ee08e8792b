//! The rules the team model enforces on every change.

use rolecall::model::commands::{Cmd, Done};
use rolecall::model::decl::MAX_HEADCOUNT;
use rolecall::model::template::service_team;
use rolecall::model::*;

fn ws() -> (Workspace, IdGen) {
    let mut ids = IdGen::new(1);
    (service_team(&mut ids, chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()), ids)
}

fn skill_id(ws: &Workspace, name: &str) -> SkillId {
    ws.skills.iter().find(|s| s.name == name).unwrap().id.clone()
}

// The template must itself keep every rule.
#[test]
fn the_service_team_template_is_valid_and_complete() {
    let (ws, _) = ws();
    assert_eq!(validate(&ws), vec![]);
    let roles: Vec<&str> = ws.roles.iter().map(|r| r.name.as_str()).collect();
    for expected in [
        "Team Lead",
        "Customer Service Representative",
        "Technical Support Specialist",
        "Project Manager",
        "Quality Assurance Specialist",
    ] {
        assert!(roles.contains(&expected), "template lacks {expected}");
    }
    assert!(ws.roles.iter().all(|r| !r.required_skills.is_empty() && !r.purpose.is_empty()));
    assert!(ws.members.len() >= 5);
    assert!(ws.duties.len() >= 20);
}

/// Runs one command on `ws`; its ops, or the rule it broke (and then `ws` is unchanged).
fn run(ws: &mut Workspace, ids: &mut IdGen, f: impl FnOnce(&mut Cmd) -> Done) -> Done {
    let before = ws.clone();
    let r = f(&mut Cmd::new(ws, ids, chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()));
    if r.is_err() {
        assert_eq!(*ws, before, "a refused command changed nothing");
    }
    r
}

// Names are unique per kind, judged without case or surrounding spaces.
#[test]
fn a_member_with_the_name_of_another_is_refused() {
    let (mut ws, mut ids) = ws();
    let m = Member { id: MemberId::generate(&mut ids), name: "  maria LOPEZ ".into(), ..Member::default() };
    assert_eq!(
        run(&mut ws, &mut ids, |c| c.save_member(m)),
        Err(ModelError::DuplicateName { kind: Kind::Member, name: "maria LOPEZ".into() })
    );
}

#[test]
fn a_skill_or_role_needs_a_name() {
    let (mut ws, mut ids) = ws();
    let s = Skill { id: SkillId::generate(&mut ids), name: "   ".into(), ..Skill::default() };
    assert_eq!(run(&mut ws, &mut ids, |c| c.save_skill(s)), Err(ModelError::EmptyName { kind: Kind::Skill }));
    let r = Role { id: RoleId::generate(&mut ids), ..Role::default() };
    assert_eq!(run(&mut ws, &mut ids, |c| c.save_role(r)), Err(ModelError::EmptyName { kind: Kind::Role }));
}

// Renaming an item to its own name (or only changing case) is allowed.
#[test]
fn saving_an_item_under_its_own_name_is_allowed() {
    let (mut ws, mut ids) = ws();
    let mut m = ws.members[0].clone();
    m.name = m.name.to_uppercase();
    assert!(run(&mut ws, &mut ids, |c| c.save_member(m.clone())).is_ok());
    assert_eq!(ws.members[0].name, m.name);
}

// Capacity is hours in a week.
#[test]
fn capacity_must_be_within_a_week() {
    let (mut ws, mut ids) = ws();
    let mut m = ws.members[0].clone();
    m.capacity_hours = 169;
    let range = ModelError::NotBetween { field: "capacity_hours", min: "0".into(), max: "168".into() };
    assert_eq!(run(&mut ws, &mut ids, |c| c.save_member(m.clone())), Err(range));
    m.capacity_hours = 168;
    assert!(run(&mut ws, &mut ids, |c| c.save_member(m)).is_ok());
}

#[test]
fn proficiency_and_required_levels_must_be_0_to_4() {
    let (mut ws, mut ids) = ws();
    let levels = |field| ModelError::NotBetween { field, min: "0".into(), max: "4".into() };
    let mut m = ws.members[0].clone();
    m.skills[0].level = 5;
    assert_eq!(run(&mut ws, &mut ids, |c| c.save_member(m)), Err(levels("skills[].level")));
    let mut r = ws.roles[0].clone();
    r.required_skills[0].min_level = 7;
    assert_eq!(run(&mut ws, &mut ids, |c| c.save_role(r.clone())), Err(levels("required_skills[].min_level")));
    r.required_skills[0].min_level = 4;
    r.headcount = MAX_HEADCOUNT + 1;
    assert_eq!(
        run(&mut ws, &mut ids, |c| c.save_role(r)),
        Err(ModelError::NotBetween { field: "headcount", min: "0".into(), max: MAX_HEADCOUNT.to_string() })
    );
}

// No dangling references are accepted.
#[test]
fn a_member_cannot_hold_a_role_or_skill_that_does_not_exist() {
    let (mut ws, mut ids) = ws();
    let mut m = ws.members[0].clone();
    m.roles.push(RoleId::from("rol_nope"));
    assert!(matches!(
        run(&mut ws, &mut ids, |c| c.save_member(m)),
        Err(ModelError::UnknownReference { kind: Kind::Role, .. })
    ));
    let mut m = ws.members[0].clone();
    m.skills.push(MemberSkill { skill: SkillId::from("skl_nope"), level: 1, interested: false });
    assert!(matches!(
        run(&mut ws, &mut ids, |c| c.save_member(m)),
        Err(ModelError::UnknownReference { kind: Kind::Skill, .. })
    ));
    let mut m = ws.members[0].clone();
    m.department = Some(DepartmentId::from("dep_nope"));
    assert!(matches!(
        run(&mut ws, &mut ids, |c| c.save_member(m)),
        Err(ModelError::UnknownReference { kind: Kind::Department, .. })
    ));
}

#[test]
fn a_skill_listed_twice_on_a_member_is_refused() {
    let (mut ws, mut ids) = ws();
    let mut m = ws.members[0].clone();
    let again = m.skills[0].clone();
    m.skills.push(again);
    assert!(matches!(
        run(&mut ws, &mut ids, |c| c.save_member(m)),
        Err(ModelError::DuplicateEntry { kind: Kind::Skill, .. })
    ));
}

// Removing a role or skill cleans every reference to it.
#[test]
fn removing_a_skill_cleans_members_and_roles() {
    let (mut ws, mut ids) = ws();
    let comm = skill_id(&ws, "Communication");
    let (members, roles) = ws.skill_usage(&comm);
    assert!(members > 0 && roles > 0);
    run(&mut ws, &mut ids, |c| c.remove_skill(&comm)).unwrap();
    assert_eq!(ws.skill_usage(&comm), (0, 0));
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn removing_a_role_cleans_members_and_removing_a_department_unassigns() {
    let (mut ws, mut ids) = ws();
    let role = ws.roles[1].id.clone();
    assert!(ws.role_usage(&role) >= 2);
    run(&mut ws, &mut ids, |c| c.remove_role(&role)).unwrap();
    assert_eq!(ws.role_usage(&role), 0);
    let dep = ws.departments[0].id.clone();
    assert!(ws.department_usage(&dep) > 0);
    run(&mut ws, &mut ids, |c| c.remove_department(&dep)).unwrap();
    assert_eq!(ws.department_usage(&dep), 0);
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn save_role_trims_the_name() {
    let (mut ws, mut ids) = ws();
    let r = Role { id: RoleId::generate(&mut ids), name: " Night shift ".into(), ..Role::default() };
    run(&mut ws, &mut ids, |c| c.save_role(r.clone())).unwrap();
    assert_eq!(ws.role(&r.id).unwrap().name, "Night shift");
}

// validate() finds what a hand-edited file might break.
#[test]
fn validate_reports_duplicate_ids_and_out_of_range_values() {
    let (mut ws, _) = ws();
    ws.members[1].id = ws.members[0].id.clone();
    ws.members[2].capacity_hours = 500;
    let problems = validate(&ws);
    assert!(problems.iter().any(|p| matches!(p.error, ModelError::DuplicateId { kind: Kind::Member, .. })));
    assert!(problems
        .iter()
        .any(|p| p.error == ModelError::NotBetween { field: "capacity_hours", min: "0".into(), max: "168".into() }));
}

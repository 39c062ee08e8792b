//! A generator of large, valid workspaces for benchmarks: deterministic for a given seed.

use super::board::{Board, Priority, Task, TaskType};
use super::ids::{DepartmentId, DutyId, EntryId, IdGen, MemberId, RoleId, SkillId, TaskId};
use super::raci::{Duty, Raci, RoleLetter, Thresholds};
use super::team::{CollaborationModel, Department, Member, MemberSkill, RequiredSkill, Role, Skill, SkillCategory};
use super::thread::Entry;
use super::workspace::Workspace;
use chrono::{DateTime, Duration, Utc};

/// How big a workspace to make.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub members: usize,
    pub skills: usize,
    pub roles: usize,
    pub duties: usize,
    pub tasks: usize,
    /// Weeks of board history the tasks are spread over.
    pub weeks: i64,
}

/// The size the benchmark uses: 1,000 tasks, 100 members, 40 skills, 200 duties × 20 roles.
pub const BENCH: Size = Size { members: 100, skills: 40, roles: 20, duties: 200, tasks: 1000, weeks: 16 };

/// Years of history on a large workspace: all tasks but the newest `open` archived (moved to
/// the last column first), and `comments` comments spread over the tasks, oldest first, as a
/// team's thread grows.
pub fn with_history(ws: &mut Workspace, seed: u64, open: usize, comments: usize) {
    let mut ids = IdGen::new(seed ^ 0x0dd_ba11);
    let done = ws.board.columns.last().map(|c| c.id.clone());
    let n = ws.board.tasks.len();
    let old: Vec<(TaskId, DateTime<Utc>)> =
        ws.board.tasks.iter().take(n.saturating_sub(open)).map(|t| (t.id.clone(), t.created_at)).collect();
    if let Some(done) = done {
        for (id, created) in &old {
            let _ = ws.board.move_task(id, &done, None, *created + Duration::hours(30));
        }
    }
    for t in ws.board.tasks.iter_mut().take(old.len()) {
        t.archived = true;
    }
    let members: Vec<MemberId> = ws.members.iter().map(|m| m.id.clone()).collect();
    for i in 0..comments {
        let t = &ws.board.tasks[i * n.max(1) / comments.max(1) % n.max(1)];
        let at = t.created_at + Duration::minutes(20 + (i % 7) as i64);
        ws.thread.push(Entry {
            id: EntryId::generate(&mut ids),
            task: t.id.clone(),
            author: members.get(i % members.len().max(1)).cloned(),
            at,
            text: format!("Called the customer back ({}); they confirmed the fix.", i + 1),
            change: None,
        });
    }
    ws.thread.sort_by_key(|e| e.at);
}

/// A large workspace of the given size, valid by every rule.
pub fn large(seed: u64, now: DateTime<Utc>, size: Size) -> Workspace {
    let mut ids = IdGen::new(seed);
    let mut rnd = IdGen::new(seed ^ 0x5eed);
    let mut pick = |n: usize| (rnd.next_u64() % n.max(1) as u64) as usize;
    let departments: Vec<Department> = (0..5)
        .map(|i| Department { id: DepartmentId::generate(&mut ids), name: format!("Department {}", i + 1) })
        .collect();
    let skills: Vec<Skill> = (0..size.skills)
        .map(|i| Skill {
            id: SkillId::generate(&mut ids),
            name: format!("Skill {:02}", i + 1),
            category: SkillCategory::ALL[i % 5],
            description: format!("What skill {} is about.", i + 1),
        })
        .collect();
    let roles: Vec<Role> = (0..size.roles)
        .map(|i| Role {
            id: RoleId::generate(&mut ids),
            name: format!("Role {:02}", i + 1),
            purpose: format!("Why role {} exists.", i + 1),
            required_skills: (0..3)
                .map(|k| RequiredSkill {
                    skill: skills[(i * 3 + k) % skills.len()].id.clone(),
                    min_level: 2 + (k as u8 % 2),
                })
                .collect(),
            headcount: 5,
        })
        .collect();
    let members: Vec<Member> = (0..size.members)
        .map(|i| {
            let mut member_skills: Vec<MemberSkill> = Vec::new();
            for _ in 0..8 {
                let s = &skills[pick(skills.len())];
                if member_skills.iter().all(|x| x.skill != s.id) {
                    member_skills.push(MemberSkill {
                        skill: s.id.clone(),
                        level: 1 + pick(4) as u8,
                        interested: pick(5) == 0,
                    });
                }
            }
            Member {
                id: MemberId::generate(&mut ids),
                name: format!("Person {:03}", i + 1),
                title: roles[i % roles.len()].name.clone(),
                department: Some(departments[i % departments.len()].id.clone()),
                capacity_hours: [40, 32, 24, 40][i % 4],
                roles: vec![roles[i % roles.len()].id.clone()],
                skills: member_skills,
                ..Member::default()
            }
        })
        .collect();
    let duties: Vec<Duty> = (0..size.duties)
        .map(|i| {
            let a = i % roles.len();
            let mut letters = vec![RoleLetter { role: roles[a].id.clone(), letter: Some(Raci::AR) }];
            // One letter per role (a team of fewer than four roles has fewer letters).
            for (k, l) in [(1, Raci::C), (2, Raci::I), (3, Raci::R)].into_iter().take(roles.len() - 1) {
                letters.push(RoleLetter { role: roles[(a + k) % roles.len()].id.clone(), letter: Some(l) });
            }
            Duty {
                id: DutyId::generate(&mut ids),
                title: format!("Duty {:03}", i + 1),
                area: format!("Area {}", i % 10 + 1),
                roles: letters,
                ..Duty::default()
            }
        })
        .collect();
    let mut board = Board::default();
    let columns: Vec<_> = board.columns.iter().map(|c| c.id.clone()).collect();
    let span = size.weeks * 7 * 24;
    for i in 0..size.tasks {
        let created = now - Duration::hours(span - (span * i as i64 / size.tasks.max(1) as i64));
        let id = TaskId::generate(&mut ids);
        let task = Task {
            id: id.clone(),
            title: format!("Task {:04}: customer request", i + 1),
            description: "Generated for the benchmark.".into(),
            kind: TaskType::ALL[i % 6],
            priority: Priority::ALL[i % 4],
            duty: Some(duties[i % duties.len()].id.clone()),
            assignees: vec![members[i % members.len()].id.clone()],
            required_skills: vec![RequiredSkill { skill: skills[i % skills.len()].id.clone(), min_level: 2 }],
            estimate_hours: [1.0, 2.0, 4.0, 0.5][i % 4],
            labels: vec![format!("label-{}", i % 7)],
            column: columns[0].clone(),
            ..Task::default()
        };
        let _ = board.add_task(task, created);
        // Older tasks have travelled further.
        let stage = (size.tasks - i) * 5 / size.tasks.max(1);
        for (step, col) in columns.iter().enumerate().skip(1).take(stage.min(4)) {
            let _ = board.move_task(&id, col, None, created + Duration::hours(step as i64 * 6));
        }
    }
    Workspace {
        name: "Benchmark Service Desk".into(),
        purpose: "A large workspace for measuring speed.".into(),
        goals: vec!["Stay fast at scale".into()],
        collaboration: CollaborationModel::Departmental,
        departments,
        members,
        roles,
        skills,
        duties,
        thresholds: Thresholds::default(),
        board,
        ..Workspace::default()
    }
}

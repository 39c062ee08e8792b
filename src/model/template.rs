//! The service team template: a realistic starting point drawn from the design sources
//! (customer service representatives, technical support specialists, project managers,
//! quality assurance, team leads).

use super::board::{Board, Priority, Task, TaskType};
use super::ids::{DepartmentId, DutyId, IdGen, MeetingId, MemberId, RoleId, SkillId, TaskId};
use super::kpi::{presets, Kpi};
use super::raci::{Duty, Frequency, Raci, RoleLetter, Thresholds};
use super::service::{Meeting, Repeat};
use super::team::{CollaborationModel, Department, Member, MemberSkill, RequiredSkill, Role, Skill, SkillCategory};
use super::workspace::Workspace;
use chrono::{DateTime, Duration, Utc};
/// An empty workspace with a name, for people who start from scratch.
/// An empty workspace: the board's default columns, named in the user's language.
pub fn empty(name: &str, columns: [&str; 5]) -> Workspace {
    let mut ws = Workspace { name: name.to_owned(), ..Workspace::default() };
    for (c, n) in ws.board.columns.iter_mut().zip(columns) {
        c.name = n.to_owned();
    }
    ws
}

/// A service team of five roles, thirteen skills, six people and 21 duties with a RACI chart
/// that passes every error check.
pub fn service_team(ids: &mut IdGen, now: DateTime<Utc>) -> Workspace {
    use SkillCategory::*;
    let skill_rows: [(&str, SkillCategory, &str); 13] = [
        ("Communication", People, "Listens, explains clearly and keeps customers informed."),
        ("Empathy", People, "Understands how the customer feels and responds with care."),
        ("Conflict resolution", People, "Calms difficult conversations and finds a fair way forward."),
        ("Coaching", People, "Helps colleagues grow through feedback and training."),
        ("Product knowledge", Product, "Knows the products, policies and procedures in depth."),
        ("Troubleshooting", Technical, "Finds the cause of a technical problem quickly and fixes it."),
        ("CRM and ticketing tools", Technical, "Works fluently in the CRM, ticketing and knowledge base."),
        ("Data analysis", Technical, "Reads service metrics and finds the story behind them."),
        ("Problem solving", Process, "Breaks a problem down and resolves it at the root."),
        ("Project planning", Process, "Plans scope, time, budget and resources, and delegates."),
        ("Prioritisation", Process, "Puts the most important work first under pressure."),
        ("Quality monitoring", Process, "Sets quality standards, reviews work and measures performance."),
        ("Process improvement", Process, "Turns feedback and data into better ways of working."),
    ];
    let skills: Vec<Skill> = skill_rows
        .iter()
        .map(|(name, category, description)| Skill {
            id: SkillId::generate(ids),
            name: (*name).into(),
            category: *category,
            description: (*description).into(),
        })
        .collect();
    let sk = |name: &str| skills.iter().find(|s| s.name == name).map(|s| s.id.clone()).unwrap_or_default();
    let req = |list: &[(&str, u8)]| -> Vec<RequiredSkill> {
        list.iter().map(|(n, l)| RequiredSkill { skill: sk(n), min_level: *l }).collect()
    };

    let lead = Role {
        id: RoleId::generate(ids),
        name: "Team Lead".into(),
        purpose: "Sets clear goals and expectations, removes obstacles and grows the team.".into(),
        required_skills: req(&[
            ("Communication", 4),
            ("Coaching", 3),
            ("Conflict resolution", 3),
            ("Prioritisation", 3),
        ]),
        headcount: 1,
    };
    let csr = Role {
        id: RoleId::generate(ids),
        name: "Customer Service Representative".into(),
        purpose: "Is the customer's first contact: answers questions, resolves issues and complaints.".into(),
        required_skills: req(&[
            ("Communication", 3),
            ("Empathy", 3),
            ("Product knowledge", 3),
            ("Problem solving", 2),
            ("CRM and ticketing tools", 2),
        ]),
        headcount: 3,
    };
    let tech = Role {
        id: RoleId::generate(ids),
        name: "Technical Support Specialist".into(),
        purpose: "Resolves technical problems with the products quickly and efficiently.".into(),
        required_skills: req(&[
            ("Troubleshooting", 3),
            ("Product knowledge", 3),
            ("Problem solving", 3),
            ("Communication", 2),
        ]),
        headcount: 2,
    };
    let pm = Role {
        id: RoleId::generate(ids),
        name: "Project Manager".into(),
        purpose: "Delivers service projects on time, within budget and to the customer's satisfaction.".into(),
        required_skills: req(&[("Project planning", 3), ("Prioritisation", 3), ("Communication", 3)]),
        headcount: 1,
    };
    let qa = Role {
        id: RoleId::generate(ids),
        name: "Quality Assurance Specialist".into(),
        purpose: "Makes sure services meet or exceed customer expectations.".into(),
        required_skills: req(&[
            ("Quality monitoring", 3),
            ("Data analysis", 3),
            ("Communication", 3),
            ("Process improvement", 2),
        ]),
        headcount: 1,
    };

    let departments: Vec<Department> = ["Customer Service", "Technical Support", "Service Operations"]
        .iter()
        .map(|n| Department { id: DepartmentId::generate(ids), name: (*n).into() })
        .collect();
    let dep = |i: usize| Some(departments[i].id.clone());
    let levels = |list: &[(&str, u8, bool)]| -> Vec<MemberSkill> {
        list.iter().map(|(n, l, i)| MemberSkill { skill: sk(n), level: *l, interested: *i }).collect()
    };
    let mut person =
        |name: &str, title: &str, dept: usize, hours: u32, roles: Vec<RoleId>, skills: Vec<MemberSkill>| Member {
            id: MemberId::generate(ids),
            name: name.into(),
            title: title.into(),
            department: dep(dept),
            capacity_hours: hours,
            roles,
            skills,
            ..Member::default()
        };
    let members = vec![
        person(
            "Maria Lopez",
            "Service Team Lead",
            2,
            40,
            vec![lead.id.clone()],
            levels(&[
                ("Communication", 4, false),
                ("Coaching", 3, true),
                ("Conflict resolution", 3, false),
                ("Prioritisation", 4, false),
                ("Data analysis", 2, true),
            ]),
        ),
        person(
            "Chen Wei",
            "Customer Service Representative",
            0,
            40,
            vec![csr.id.clone()],
            levels(&[
                ("Communication", 4, false),
                ("Empathy", 4, false),
                ("Product knowledge", 3, false),
                ("Problem solving", 2, true),
                ("CRM and ticketing tools", 3, false),
            ]),
        ),
        person(
            "Aisha Khan",
            "Customer Service Representative",
            0,
            32,
            vec![csr.id.clone()],
            levels(&[
                ("Communication", 3, false),
                ("Empathy", 3, false),
                ("Product knowledge", 2, true),
                ("Problem solving", 2, false),
                ("CRM and ticketing tools", 2, false),
            ]),
        ),
        person(
            "Tom Becker",
            "Technical Support Specialist",
            1,
            40,
            vec![tech.id.clone()],
            levels(&[
                ("Troubleshooting", 4, false),
                ("Product knowledge", 4, false),
                ("Problem solving", 3, false),
                ("Communication", 2, true),
            ]),
        ),
        person(
            "Li Na",
            "Project Manager",
            2,
            40,
            vec![pm.id.clone()],
            levels(&[
                ("Project planning", 4, false),
                ("Prioritisation", 3, false),
                ("Communication", 3, false),
                ("Process improvement", 2, true),
            ]),
        ),
        person(
            "Sam Okafor",
            "Quality Analyst",
            2,
            24,
            vec![qa.id.clone()],
            levels(&[
                ("Quality monitoring", 3, false),
                ("Data analysis", 3, false),
                ("Communication", 3, false),
                ("Process improvement", 3, false),
            ]),
        ),
    ];

    // Columns: team lead, customer service, technical support, project manager, quality assurance.
    use Frequency::*;
    use Raci::{A, AR, C, I, R};
    type Row = (&'static str, &'static str, Option<Frequency>, [Option<Raci>; 5]);
    let rows: [Row; 21] = [
        (
            "Customer inquiries",
            "Answer customer inquiries by phone, e-mail and chat",
            Some(Daily),
            [Some(A), Some(R), Some(C), None, Some(I)],
        ),
        ("Customer inquiries", "Log every contact in the CRM", Some(Daily), [None, Some(AR), None, None, Some(I)]),
        (
            "Customer inquiries",
            "Guide customers on products, policies and procedures",
            Some(Daily),
            [Some(A), Some(R), Some(C), None, None],
        ),
        (
            "Customer inquiries",
            "Follow up on open cases within one business day",
            Some(Daily),
            [Some(I), Some(AR), None, None, None],
        ),
        (
            "Incident handling",
            "Troubleshoot and resolve technical issues",
            Some(Daily),
            [None, Some(I), Some(AR), None, None],
        ),
        (
            "Incident handling",
            "Diagnose incidents and coordinate fixes with engineering",
            Some(AsNeeded),
            [Some(I), None, Some(AR), Some(C), None],
        ),
        (
            "Incident handling",
            "Keep customers updated during an incident",
            Some(AsNeeded),
            [Some(I), Some(R), Some(A), None, None],
        ),
        (
            "Incident handling",
            "Write knowledge-base articles for recurring problems",
            Some(Weekly),
            [None, Some(C), Some(R), None, Some(A)],
        ),
        (
            "Escalations",
            "Handle escalated complaints and service recovery",
            Some(AsNeeded),
            [Some(AR), Some(C), None, None, Some(I)],
        ),
        (
            "Escalations",
            "Escalate technical issues to technical support",
            Some(AsNeeded),
            [Some(I), Some(AR), Some(I), None, None],
        ),
        (
            "Quality reviews",
            "Develop and maintain quality standards",
            Some(Quarterly),
            [Some(C), Some(I), None, None, Some(AR)],
        ),
        (
            "Quality reviews",
            "Review a sample of customer interactions",
            Some(Weekly),
            [None, Some(I), Some(I), None, Some(AR)],
        ),
        (
            "Quality reviews",
            "Run satisfaction surveys and act on the feedback",
            Some(Monthly),
            [Some(A), Some(I), None, Some(C), Some(R)],
        ),
        (
            "Reporting",
            "Report service metrics: satisfaction, first contact resolution, response times",
            Some(Monthly),
            [Some(A), None, None, Some(I), Some(R)],
        ),
        (
            "Reporting",
            "Track project progress and report to stakeholders",
            Some(Weekly),
            [Some(I), None, None, Some(AR), None],
        ),
        (
            "Planning",
            "Plan service projects: scope, schedule, budget and resources",
            Some(AsNeeded),
            [Some(C), None, Some(C), Some(AR), None],
        ),
        (
            "Planning",
            "Plan staffing and capacity against forecast demand",
            Some(Monthly),
            [Some(AR), None, None, Some(C), None],
        ),
        (
            "Planning",
            "Coordinate with sales, engineering and other departments",
            Some(Weekly),
            [Some(I), None, Some(C), Some(AR), None],
        ),
        ("Training", "Onboard and train new team members", Some(AsNeeded), [Some(A), None, Some(C), None, Some(R)]),
        (
            "Training",
            "Give technical training to customer service representatives",
            Some(Monthly),
            [None, Some(I), Some(AR), None, None],
        ),
        (
            "Training",
            "Run the daily stand-up and the monthly service review",
            Some(Daily),
            [Some(AR), None, None, Some(C), Some(I)],
        ),
    ];
    let role_ids = [lead.id.clone(), csr.id.clone(), tech.id.clone(), pm.id.clone(), qa.id.clone()];
    let duties: Vec<Duty> = rows
        .iter()
        .map(|(area, title, frequency, letters)| Duty {
            id: DutyId::generate(ids),
            title: (*title).into(),
            area: (*area).into(),
            description: String::new(),
            frequency: *frequency,
            roles: role_ids
                .iter()
                .zip(letters)
                .filter(|(_, l)| l.is_some())
                .map(|(role, letter)| RoleLetter { role: role.clone(), letter: *letter })
                .collect(),
            members: Vec::new(),
        })
        .collect();

    let board = sample_board(ids, now, &members, &duties, &skills);
    // The meetings of seed 001 §3.2 (定期会议): a daily stand-up, a weekly project and quality
    // review, and a monthly service review with customer feedback.
    let meeting = |ids: &mut IdGen, name: &str, cadence, minutes, roles: &[&Role], agenda: [&str; 2]| Meeting {
        id: MeetingId::generate(ids),
        name: name.into(),
        cadence,
        duration_minutes: minutes,
        roles: roles.iter().map(|r| r.id.clone()).collect(),
        agenda: agenda.iter().map(|a| a.to_string()).collect(),
    };
    let meetings = vec![
        meeting(
            ids,
            "Daily stand-up",
            Repeat::Daily,
            15,
            &[&lead, &csr, &tech],
            ["Open tickets from yesterday", "Today's priorities and blockers"],
        ),
        meeting(
            ids,
            "Weekly quality and project review",
            Repeat::Weekly,
            60,
            &[&lead, &csr, &tech, &pm, &qa],
            ["Quality sampling results", "Project progress"],
        ),
        meeting(
            ids,
            "Monthly service review",
            Repeat::Monthly,
            90,
            &[&lead, &pm, &qa],
            ["Customer feedback and complaints", "KPI trends and improvement actions"],
        ),
    ];

    Workspace {
        name: "Customer Service Team".into(),
        purpose: "Deliver efficient, professional help so that every customer leaves with their problem solved.".into(),
        goals: vec![
            "Resolve most customer issues at first contact".into(),
            "Keep customer satisfaction at or above 90%".into(),
            "Meet response-time standards for every priority".into(),
            "Grow every member's skills through regular training".into(),
        ],
        collaboration: CollaborationModel::CrossFunctional,
        departments,
        members,
        roles: vec![lead, csr, tech, pm, qa],
        skills,
        duties,
        thresholds: Thresholds::default(),
        board,
        training: Vec::new(),
        skill_history: Vec::new(),
        kpis: sample_kpis(ids, now),
        meetings,
        ..Workspace::default()
    }
}

/// The six preset KPIs, three of them with eight weeks of values.
fn sample_kpis(ids: &mut IdGen, now: DateTime<Utc>) -> Vec<Kpi> {
    let names = [
        "Customer satisfaction (CSAT)",
        "First contact resolution",
        "Average handle time",
        "First response time",
        "SLA met",
        "Escalation rate",
    ];
    let series: [&[f64]; 6] = [
        &[86.0, 87.5, 88.0, 87.0, 89.5, 90.5, 91.0, 92.0],
        &[68.0, 70.0, 71.5, 70.0, 72.0, 73.5, 74.0, 76.0],
        &[7.4, 7.1, 7.0, 6.8, 6.9, 6.5, 6.4, 6.2],
        &[],
        &[],
        &[],
    ];
    let weeks = crate::model::analytics::recent_weeks(now, 9);
    presets(names)
        .into_iter()
        .zip(series)
        .map(|((name, unit, direction, target), values)| {
            let mut k = Kpi::new(ids, &name, unit, direction, target);
            for (week, v) in weeks.iter().zip(values) {
                k.record(*week, *v);
            }
            k
        })
        .collect()
}

/// Ten tasks in every column, with their history, so that the board and its analytics have
/// something to show. One P1 incident is left unassigned for the suggestions.
fn sample_board(ids: &mut IdGen, now: DateTime<Utc>, members: &[Member], duties: &[Duty], skills: &[Skill]) -> Board {
    use Priority::*;
    use TaskType::*;
    let mut board = Board::default();
    let col = |i: usize| board.columns[i].id.clone();
    let cols = [col(0), col(1), col(2), col(3), col(4)];
    let who = |name: &str| members.iter().find(|m| m.name == name).map(|m| m.id.clone()).unwrap_or_default();
    let duty = |start: &str| duties.iter().find(|d| d.title.starts_with(start)).map(|d| d.id.clone());
    let skill = |name: &str, min_level: u8| RequiredSkill {
        skill: skills.iter().find(|s| s.name == name).map(|s| s.id.clone()).unwrap_or_default(),
        min_level,
    };
    // (title, type, priority, duty, assignees, skills, estimate, due in days, created hours ago, moves as (column, hours ago))
    type Row<'a> = (
        &'a str,
        TaskType,
        Priority,
        &'a str,
        Vec<&'a str>,
        Vec<RequiredSkill>,
        f64,
        Option<i64>,
        i64,
        Vec<(usize, i64)>,
    );
    let rows: Vec<Row> = vec![
        (
            "Chat widget outage on mobile",
            Incident,
            P1,
            "Diagnose incidents",
            vec![],
            vec![skill("Troubleshooting", 3)],
            3.0,
            None,
            0,
            vec![],
        ),
        (
            "Customer cannot reset their password",
            Incident,
            P2,
            "Troubleshoot and resolve",
            vec!["Tom Becker"],
            vec![skill("Troubleshooting", 3)],
            2.0,
            None,
            3,
            vec![(1, 3), (2, 2)],
        ),
        (
            "Refund request for order 4821",
            Request,
            P3,
            "Answer customer inquiries",
            vec!["Chen Wei"],
            vec![skill("Product knowledge", 2)],
            1.0,
            Some(1),
            5,
            vec![(1, 5)],
        ),
        (
            "Complaint: late delivery, third call",
            Complaint,
            P2,
            "Handle escalated complaints",
            vec!["Maria Lopez"],
            vec![skill("Conflict resolution", 3)],
            2.0,
            None,
            20,
            vec![(1, 20), (2, 18), (3, 2)],
        ),
        (
            "Update the knowledge-base article on invoices",
            Improvement,
            P4,
            "Write knowledge-base articles",
            vec!["Tom Becker"],
            vec![],
            3.0,
            Some(10),
            48,
            vec![],
        ),
        (
            "Weekly quality review: 20 chats",
            Other,
            P3,
            "Review a sample",
            vec!["Sam Okafor"],
            vec![skill("Quality monitoring", 3)],
            4.0,
            Some(2),
            26,
            vec![(1, 25), (2, 6)],
        ),
        (
            "Onboarding plan for the new representative",
            Training,
            P3,
            "Onboard and train",
            vec!["Sam Okafor"],
            vec![skill("Coaching", 2)],
            6.0,
            Some(5),
            30,
            vec![(1, 28)],
        ),
        (
            "Plan next quarter's staffing",
            Other,
            P3,
            "Plan staffing",
            vec!["Maria Lopez"],
            vec![skill("Prioritisation", 3)],
            4.0,
            Some(14),
            72,
            vec![],
        ),
        (
            "Product training: new billing portal",
            Training,
            P4,
            "Give technical training",
            vec!["Tom Becker", "Aisha Khan"],
            vec![],
            3.0,
            None,
            120,
            vec![(1, 110), (2, 50), (4, 24)],
        ),
        (
            "Act on low satisfaction comments",
            Improvement,
            P3,
            "Run satisfaction surveys",
            vec!["Sam Okafor", "Li Na"],
            vec![skill("Data analysis", 2)],
            2.0,
            None,
            96,
            vec![(1, 90), (2, 60), (3, 40), (4, 30)],
        ),
    ];
    let hours = |h: i64| now - Duration::hours(h);
    for (title, kind, priority, duty_start, assignees, required_skills, estimate_hours, due, created, moves) in rows {
        let id = TaskId::generate(ids);
        let task = Task {
            id: id.clone(),
            title: title.into(),
            kind,
            priority,
            duty: duty(duty_start),
            assignees: assignees.into_iter().map(who).collect(),
            required_skills,
            estimate_hours,
            due: due.map(|d| (now + Duration::days(d)).date_naive()),
            column: cols[0].clone(),
            ..Task::default()
        };
        let _ = board.add_task(task, hours(created));
        for (column, ago) in moves {
            let _ = board.move_task(&id, &cols[column], None, hours(ago));
        }
    }
    board.tasks.iter_mut().for_each(|t| t.updated_at = t.history.last().map_or(t.created_at, |m| m.at));
    board
}

//! The service team template: a realistic starting point drawn from the design sources
//! (customer service representatives, technical support specialists, project managers,
//! quality assurance, team leads).

use super::ids::{DepartmentId, IdGen, MemberId, RoleId, SkillId};
use super::team::{
    CollaborationModel, Department, Member, MemberSkill, RequiredSkill, Role, Skill, SkillCategory, Workspace,
};

/// An empty workspace with a name, for people who start from scratch.
pub fn empty(name: &str) -> Workspace {
    Workspace { name: name.to_owned(), ..Workspace::default() }
}

/// A service team of five roles, thirteen skills and six people.
pub fn service_team(ids: &mut IdGen) -> Workspace {
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
    let duties = |list: &[&str]| -> Vec<String> { list.iter().map(|d| (*d).to_owned()).collect() };

    let lead = Role {
        id: RoleId::generate(ids),
        name: "Team Lead".into(),
        purpose: "Sets clear goals and expectations, removes obstacles and grows the team.".into(),
        duties: duties(&[
            "Set team goals, service standards and performance metrics",
            "Handle escalated complaints and service recovery",
            "Plan staffing and capacity against forecast demand",
            "Run the daily stand-up and the monthly service review",
            "Coach team members and recognise excellent work",
        ]),
        required_skills: req(&[("Communication", 4), ("Coaching", 3), ("Conflict resolution", 3), ("Prioritisation", 3)]),
        headcount: 1,
    };
    let csr = Role {
        id: RoleId::generate(ids),
        name: "Customer Service Representative".into(),
        purpose: "Is the customer's first contact: answers questions, resolves issues and complaints.".into(),
        duties: duties(&[
            "Answer customer inquiries by phone, e-mail and chat",
            "Resolve issues and complaints at first contact where possible",
            "Guide customers on products, policies and procedures",
            "Log every contact in the CRM",
            "Escalate technical issues to technical support",
        ]),
        required_skills: req(&[("Communication", 3), ("Empathy", 3), ("Product knowledge", 3), ("Problem solving", 2), ("CRM and ticketing tools", 2)]),
        headcount: 3,
    };
    let tech = Role {
        id: RoleId::generate(ids),
        name: "Technical Support Specialist".into(),
        purpose: "Resolves technical problems with the products quickly and efficiently.".into(),
        duties: duties(&[
            "Troubleshoot and resolve escalated technical issues",
            "Diagnose incidents and coordinate fixes with engineering",
            "Write knowledge-base articles for recurring problems",
            "Give technical training to customer service representatives",
        ]),
        required_skills: req(&[("Troubleshooting", 3), ("Product knowledge", 3), ("Problem solving", 3), ("Communication", 2)]),
        headcount: 2,
    };
    let pm = Role {
        id: RoleId::generate(ids),
        name: "Project Manager".into(),
        purpose: "Delivers service projects on time, within budget and to the customer's satisfaction.".into(),
        duties: duties(&[
            "Plan service projects: scope, schedule, budget and resources",
            "Prioritise tasks and delegate responsibilities",
            "Track progress and report to stakeholders",
            "Coordinate with sales, engineering and other departments",
        ]),
        required_skills: req(&[("Project planning", 3), ("Prioritisation", 3), ("Communication", 3)]),
        headcount: 1,
    };
    let qa = Role {
        id: RoleId::generate(ids),
        name: "Quality Assurance Specialist".into(),
        purpose: "Makes sure services meet or exceed customer expectations.".into(),
        duties: duties(&[
            "Develop and maintain quality standards",
            "Review a sample of customer interactions every week",
            "Monitor service performance and customer satisfaction",
            "Report findings and improvement areas to management",
        ]),
        required_skills: req(&[("Quality monitoring", 3), ("Data analysis", 3), ("Communication", 3), ("Process improvement", 2)]),
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
    let mut person = |name: &str, title: &str, dept: usize, hours: u32, roles: Vec<RoleId>, skills: Vec<MemberSkill>| Member {
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
        person("Maria Lopez", "Service Team Lead", 2, 40, vec![lead.id.clone()],
            levels(&[("Communication", 4, false), ("Coaching", 3, true), ("Conflict resolution", 3, false), ("Prioritisation", 4, false), ("Data analysis", 2, true)])),
        person("Chen Wei", "Customer Service Representative", 0, 40, vec![csr.id.clone()],
            levels(&[("Communication", 4, false), ("Empathy", 4, false), ("Product knowledge", 3, false), ("Problem solving", 2, true), ("CRM and ticketing tools", 3, false)])),
        person("Aisha Khan", "Customer Service Representative", 0, 32, vec![csr.id.clone()],
            levels(&[("Communication", 3, false), ("Empathy", 3, false), ("Product knowledge", 2, true), ("Problem solving", 2, false), ("CRM and ticketing tools", 2, false)])),
        person("Tom Becker", "Technical Support Specialist", 1, 40, vec![tech.id.clone()],
            levels(&[("Troubleshooting", 4, false), ("Product knowledge", 4, false), ("Problem solving", 3, false), ("Communication", 2, true)])),
        person("Li Na", "Project Manager", 2, 40, vec![pm.id.clone()],
            levels(&[("Project planning", 4, false), ("Prioritisation", 3, false), ("Communication", 3, false), ("Process improvement", 2, true)])),
        person("Sam Okafor", "Quality Analyst", 2, 24, vec![qa.id.clone()],
            levels(&[("Quality monitoring", 3, false), ("Data analysis", 3, false), ("Communication", 3, false), ("Process improvement", 3, false)])),
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
        rhythm: vec![
            "Daily stand-up, 15 minutes".into(),
            "Weekly project and quality meeting".into(),
            "Monthly service review with customer feedback".into(),
        ],
        departments,
        members,
        roles: vec![lead, csr, tech, pm, qa],
        skills,
    }
}

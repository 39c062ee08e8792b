//! The responsibility document: for each role and member, what they own, do, advise on and
//! hear about, the skills they need, and who they work with most. Plus the chart as CSV and
//! the handbook as Markdown.

use super::csv::csv_field;
use super::ids::{MemberId, RoleId};
use super::raci::{Duty, Raci};
use super::raci_check::member_letter;
use super::workspace::Workspace;
/// One skill line of a handbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillLine {
    pub name: String,
    /// The minimum level the role(s) ask for.
    pub required: u8,
    /// The member's level (member handbooks only).
    pub level: Option<u8>,
}

impl SkillLine {
    /// Whether the member reaches the required level (always true for roles).
    pub fn met(&self) -> bool {
        self.level.is_none_or(|l| l >= self.required)
    }
}

/// A readable page about one role or one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handbook {
    pub name: String,
    /// The role's purpose, or the member's title.
    pub subtitle: String,
    /// For a member: the roles they hold. For a role: who holds it.
    pub related: Vec<String>,
    pub accountable: Vec<String>,
    pub responsible: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    pub skills: Vec<SkillLine>,
    /// Who shares the most duties with them, with how many.
    pub works_with: Vec<(String, usize)>,
}

fn sort_lists(letters: impl Iterator<Item = (String, Raci)>) -> [Vec<String>; 4] {
    let mut out: [Vec<String>; 4] = Default::default();
    for (title, l) in letters {
        if l.is_accountable() {
            out[0].push(title.clone());
        }
        if l.is_responsible() {
            out[1].push(title.clone());
        }
        if l == Raci::C {
            out[2].push(title.clone());
        }
        if l == Raci::I {
            out[3].push(title);
        }
    }
    out
}

/// The three of `others` (name, id) who share most duties with someone: `mine` says whether a
/// duty is theirs, `theirs` whether it is the other's. Most shared first; ties keep chart order.
fn works_with<'a, T: 'a>(
    duties: &[Duty],
    others: impl Iterator<Item = (&'a String, T)>,
    mine: impl Fn(&Duty) -> bool,
    theirs: impl Fn(&Duty, &T) -> bool,
) -> Vec<(String, usize)> {
    let my_duties: Vec<&Duty> = duties.iter().filter(|d| mine(d)).collect();
    let mut counts: Vec<(String, usize)> =
        others.map(|(name, o)| (name.clone(), my_duties.iter().filter(|d| theirs(d, &o)).count())).collect();
    counts.retain(|(_, n)| *n > 0);
    // Most shared first; ties keep chart order.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.truncate(3);
    counts
}

/// The handbook page of a role.
pub fn role_handbook(ws: &Workspace, role: &RoleId) -> Option<Handbook> {
    let r = ws.role(role)?;
    let [accountable, responsible, consulted, informed] =
        sort_lists(ws.duties.iter().filter_map(|d| d.role_letter(role).map(|l| (d.title.clone(), l))));
    let skills = r
        .required_skills
        .iter()
        .filter_map(|s| {
            ws.skill(&s.skill).map(|k| SkillLine { name: k.name.clone(), required: s.min_level, level: None })
        })
        .collect();
    let works_with = works_with(
        &ws.duties,
        ws.roles.iter().filter(|o| &o.id != role).map(|o| (&o.name, &o.id)),
        |d| d.role_letter(role).is_some(),
        |d, o| d.role_letter(o).is_some(),
    );
    Some(Handbook {
        name: r.name.clone(),
        subtitle: r.purpose.clone(),
        related: ws.holders(role).filter(|m| m.active).map(|m| m.name.clone()).collect(),
        accountable,
        responsible,
        consulted,
        informed,
        skills,
        works_with,
    })
}

/// The handbook page of a member: their letters (overrides included), the skills their roles
/// require against their own levels, and the colleagues they share most duties with.
pub fn member_handbook(ws: &Workspace, member: &MemberId) -> Option<Handbook> {
    let m = ws.member(member)?;
    let [accountable, responsible, consulted, informed] =
        sort_lists(ws.duties.iter().filter_map(|d| member_letter(ws, d, member).0.map(|l| (d.title.clone(), l))));
    let mut skills: Vec<SkillLine> = Vec::new();
    for req in m.roles.iter().filter_map(|r| ws.role(r)).flat_map(|r| r.required_skills.iter()) {
        let Some(skill) = ws.skill(&req.skill) else { continue };
        match skills.iter_mut().find(|s| s.name == skill.name) {
            Some(line) => line.required = line.required.max(req.min_level),
            None => skills.push(SkillLine {
                name: skill.name.clone(),
                required: req.min_level,
                level: Some(m.level(&req.skill)),
            }),
        }
    }
    let works_with = works_with(
        &ws.duties,
        ws.members.iter().filter(|o| o.active && &o.id != member).map(|o| (&o.name, &o.id)),
        |d| member_letter(ws, d, member).0.is_some(),
        |d, o| member_letter(ws, d, o).0.is_some(),
    );
    Some(Handbook {
        name: m.name.clone(),
        subtitle: m.title.clone(),
        related: m.roles.iter().filter_map(|r| ws.role(r)).map(|r| r.name.clone()).collect(),
        accountable,
        responsible,
        consulted,
        informed,
        skills,
        works_with,
    })
}

/// Which columns the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartView {
    Roles,
    Members,
}

/// The chart as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese text
/// correctly), CRLF line ends, one row per duty, one column per role or active member.
pub fn chart_csv(ws: &Workspace, view: ChartView, area_header: &str, duty_header: &str) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![csv_field(area_header), csv_field(duty_header)];
    let members: Vec<&super::team::Member> = ws.members.iter().filter(|m| m.active).collect();
    match view {
        ChartView::Roles => header.extend(ws.roles.iter().map(|r| csv_field(&r.name))),
        ChartView::Members => header.extend(members.iter().map(|m| csv_field(&m.name))),
    }
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for d in &ws.duties {
        let mut row = vec![csv_field(&d.area), csv_field(&d.title)];
        let label = |l: Option<Raci>| l.map(Raci::label).unwrap_or("").to_owned();
        match view {
            ChartView::Roles => row.extend(ws.roles.iter().map(|r| label(d.role_letter(&r.id)))),
            ChartView::Members => row.extend(members.iter().map(|m| label(member_letter(ws, d, &m.id).0))),
        }
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The words a Markdown handbook needs, in the reader's language.
pub struct HandbookWords<'a> {
    pub title: &'a str,
    pub roles: &'a str,
    pub members: &'a str,
    pub held_by: &'a str,
    pub holds: &'a str,
    pub accountable: &'a str,
    pub responsible: &'a str,
    pub consulted: &'a str,
    pub informed: &'a str,
    pub skills: &'a str,
    pub works_with: &'a str,
    pub none: &'a str,
    /// "{name} (level {level} of {required})"-style line for a member's skill; `{name}`,
    /// `{level}` and `{required}` are filled in.
    pub skill_member: &'a str,
    /// "{name} (at least {required})" for a role's skill.
    pub skill_role: &'a str,
    /// Marks a skill line whose level is below what is required.
    pub gap: &'a str,
}

/// Escapes text so that Markdown shows it as written (no emphasis, links, headings or HTML).
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn md_section(out: &mut String, h: &Handbook, w: &HandbookWords, related_label: &str) {
    out.push_str(&format!("### {}\n\n", md_escape(&h.name)));
    if !h.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", md_escape(&h.subtitle)));
    }
    let list = |out: &mut String, label: &str, items: &[String]| {
        out.push_str(&format!("**{label}**\n\n"));
        if items.is_empty() {
            out.push_str(&format!("- {}\n", w.none));
        }
        for i in items {
            out.push_str(&format!("- {}\n", md_escape(i)));
        }
        out.push('\n');
    };
    list(out, related_label, &h.related);
    list(out, w.accountable, &h.accountable);
    list(out, w.responsible, &h.responsible);
    list(out, w.consulted, &h.consulted);
    list(out, w.informed, &h.informed);
    let skills: Vec<String> = h
        .skills
        .iter()
        .map(|s| {
            let name = md_escape(&s.name);
            match s.level {
                Some(level) => {
                    let line = w
                        .skill_member
                        .replace("{name}", &name)
                        .replace("{level}", &level.to_string())
                        .replace("{required}", &s.required.to_string());
                    if s.met() {
                        line
                    } else {
                        format!("{line} {}", w.gap)
                    }
                }
                None => w.skill_role.replace("{name}", &name).replace("{required}", &s.required.to_string()),
            }
        })
        .collect();
    out.push_str(&format!("**{}**\n\n", w.skills));
    if skills.is_empty() {
        out.push_str(&format!("- {}\n", w.none));
    }
    for s in skills {
        out.push_str(&format!("- {s}\n"));
    }
    out.push('\n');
    let with: Vec<String> = h.works_with.iter().map(|(n, c)| format!("{} ({c})", md_escape(n))).collect();
    list(out, w.works_with, &with);
}

/// The whole handbook as Markdown: every role, then every active member.
pub fn handbook_markdown(ws: &Workspace, w: &HandbookWords) -> String {
    let mut out = format!("# {} — {}\n\n", w.title, md_escape(&ws.name));
    out.push_str(&format!("## {}\n\n", w.roles));
    for r in &ws.roles {
        if let Some(h) = role_handbook(ws, &r.id) {
            md_section(&mut out, &h, w, w.held_by);
        }
    }
    out.push_str(&format!("## {}\n\n", w.members));
    for m in ws.members.iter().filter(|m| m.active) {
        if let Some(h) = member_handbook(ws, &m.id) {
            md_section(&mut out, &h, w, w.holds);
        }
    }
    out
}

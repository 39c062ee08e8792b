//! Handbooks, the chart as CSV and the handbook as Markdown.

use rolecall::model::csv::*;
use rolecall::model::handbook::*;
use rolecall::model::template::service_team;
use rolecall::model::*;

fn words() -> HandbookWords<'static> {
    HandbookWords {
        title: "Handbook",
        roles: "Roles",
        members: "Members",
        held_by: "Held by",
        holds: "Roles held",
        accountable: "Accountable for",
        responsible: "Responsible for",
        consulted: "Consulted on",
        informed: "Informed of",
        skills: "Required skills",
        works_with: "Works most with",
        none: "—",
        skill_member: "{name}: level {level} of {required}",
        skill_role: "{name}: at least {required}",
        gap: "(gap)",
    }
}

fn template() -> Workspace {
    service_team(&mut IdGen::new(9), chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap())
}

fn role_id(ws: &Workspace, name: &str) -> RoleId {
    ws.roles.iter().find(|r| r.name == name).unwrap().id.clone()
}

// RFC 4180: fields with commas, quotes or line breaks are quoted; quotes are doubled.
#[test]
fn csv_fields_quote_commas_quotes_and_newlines() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
    assert_eq!(csv_field("客服"), "客服");
}

// Spreadsheet formula injection from shared files.
#[test]
fn csv_fields_that_look_like_formulas_are_defused() {
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("@cmd"), "'@cmd");
}

#[test]
fn the_chart_csv_has_a_bom_crlf_and_one_row_per_duty() {
    let ws = template();
    let csv = chart_csv(&ws, ChartView::Roles, "Area", "Duty");
    assert!(csv.starts_with("\u{feff}Area,Duty,Team Lead,Customer Service Representative,"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + ws.duties.len());
    assert_eq!(lines[1], "Customer inquiries,\"Answer customer inquiries by phone, e-mail and chat\",A,R,C,,I");
    let members = chart_csv(&ws, ChartView::Members, "Area", "Duty");
    assert!(members.contains("Maria Lopez,Chen Wei,Aisha Khan"));
}

#[test]
fn a_role_handbook_lists_its_letters_skills_and_closest_roles() {
    let ws = template();
    let h = role_handbook(&ws, &role_id(&ws, "Quality Assurance Specialist")).unwrap();
    assert!(h.accountable.contains(&"Develop and maintain quality standards".to_string()));
    assert!(h.responsible.contains(&"Review a sample of customer interactions".to_string()));
    assert!(h.informed.contains(&"Answer customer inquiries by phone, e-mail and chat".to_string()));
    assert_eq!(h.related, vec!["Sam Okafor".to_string()]);
    assert!(h.skills.iter().any(|s| s.name == "Quality monitoring" && s.required == 3));
    assert_eq!(h.works_with[0].0, "Team Lead");
    assert!(h.works_with.len() <= 3);
}

#[test]
fn a_member_handbook_shows_levels_against_requirements() {
    let ws = template();
    let aisha = ws.members.iter().find(|m| m.name == "Aisha Khan").unwrap().id.clone();
    let h = member_handbook(&ws, &aisha).unwrap();
    let product = h.skills.iter().find(|s| s.name == "Product knowledge").unwrap();
    assert_eq!((product.level, product.required), (Some(2), 3));
    assert!(!product.met());
    assert_eq!(h.works_with[0].0, "Chen Wei");
    assert!(h.responsible.contains(&"Log every contact in the CRM".to_string()));
}

#[test]
fn the_markdown_handbook_escapes_user_text() {
    let mut ws = template();
    ws.roles[0].name = "Lead *boss* <b>".into();
    let md = handbook_markdown(&ws, &words());
    assert!(md.starts_with("# Handbook — Customer Service Team\n"));
    assert!(md.contains("### Lead \\*boss\\* &lt;b&gt;"));
    assert!(md.contains("## Members"));
    assert!(md.contains("- Product knowledge: level 2 of 3 (gap)"));
    assert!(md.contains("**Accountable for**"));
}

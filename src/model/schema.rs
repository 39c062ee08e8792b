//! The one versioned envelope used for localStorage and for export files, and the chain of
//! migrations that brings an older file up to the current version.

use super::workspace::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

/// The `format` tag every Rolecall file carries.
pub const FORMAT: &str = "rolecall";
/// The schema version this build writes.
pub const CURRENT_VERSION: u64 = 7;

/// Why a file could not be brought up to the current version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    #[error("version {found} is newer than this app understands (up to {supported})")]
    TargetVersionTooNew { found: u64, supported: u64 },
    #[error("version {0} is not a Rolecall version")]
    UnknownVersion(u64),
    #[error("migrating from version {from} failed: {reason}")]
    StepFailed { from: u64, reason: String },
}

/// One step of the chain: turns a version-`from` workspace value into version `from + 1`.
pub struct Step {
    pub from: u64,
    pub run: fn(Value) -> Result<Value, String>,
}

/// The chain, oldest first. Each step has a fixture under `tests/fixtures/` named after the
/// version it starts from.
pub const STEPS: &[Step] = &[
    Step { from: 1, run: v1_to_v2 },
    Step { from: 2, run: v2_to_v3 },
    Step { from: 3, run: v3_to_v4 },
    Step { from: 4, run: v4_to_v5 },
    Step { from: 5, run: v5_to_v6 },
    Step { from: 6, run: v6_to_v7 },
];

/// Version 7 holds every field to one declaration (`decl.rs`), where version 6's commands were
/// laxer than its import: a routine's day of the month is 1–31 whatever it repeats on (version 6
/// left 0 on routines that are not monthly, and import then changed it silently), and a chart
/// threshold is at most 999 (its load factor at most 100). Frozen: the numbers are written out.
fn v6_to_v7(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    if let Some(Value::Array(routines)) = obj.get_mut("routines") {
        for r in routines.iter_mut().filter_map(Value::as_object_mut) {
            let day = r.get("month_day").and_then(Value::as_u64);
            if day.is_some_and(|d| !(1..=31).contains(&d)) {
                r.insert("month_day".into(), Value::from(1));
            }
        }
    }
    if let Some(Value::Object(t)) = obj.get_mut("thresholds") {
        for (key, max) in [
            ("max_responsible", 999.0),
            ("max_consulted", 999.0),
            ("max_informed", 999.0),
            ("max_accountable_per_role", 999.0),
            ("max_responsible_per_role", 999.0),
            ("member_load_factor", 100.0),
        ] {
            if let Some(n) = t.get(key).and_then(Value::as_f64).filter(|n| *n > max) {
                let to = if key == "member_load_factor" { Value::from(max) } else { Value::from(max as u64) };
                let _ = n;
                t.insert(key.into(), to);
            }
        }
    }
    Ok(ws)
}

/// Version 6 added the tasks' threads (comments, and changes of assignment and priority), which
/// start empty. A version 5 app refuses a version 6 file instead of saving it without them.
/// Frozen.
fn v5_to_v6(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    obj.entry("thread").or_insert(Value::Array(Vec::new()));
    Ok(ws)
}

/// Version 5 made meetings first-class and added running the service: each free-text rhythm
/// line becomes a meeting, and the improvement log, routines, minutes, check-ins and recognition
/// start empty. Frozen: the words that tell a cadence and the default lengths are written out
/// here, and ids come from the line's place, so that the step stays pure and repeatable.
fn v4_to_v5(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    let lines = match obj.remove("rhythm") {
        Some(Value::Array(lines)) => lines,
        _ => Vec::new(),
    };
    obj.insert("meetings".into(), Value::Array(rhythm_meetings(&lines)));
    for list in ["minutes", "improvements", "routines", "checkins", "recognitions"] {
        obj.entry(list).or_insert(Value::Array(Vec::new()));
    }
    Ok(ws)
}

/// The meetings version 5 makes of version 4's rhythm lines (frozen with `v4_to_v5`). Also used
/// for a team room's document written by version 4, whose settings still hold the lines: the ids
/// come from the lines' places, so every browser makes the same meetings.
pub fn rhythm_meetings(lines: &[Value]) -> Vec<Value> {
    let mut meetings = Vec::new();
    for (i, line) in lines.iter().filter_map(Value::as_str).map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        let lower = line.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        let (cadence, minutes) = if has(&["month", "每月", "月度", "月会"]) {
            ("monthly", 90)
        } else if has(&["week", "每周", "周会", "周例会", "每星期"]) {
            ("weekly", 60)
        } else if has(&["daily", "every day", "stand-up", "standup", "huddle", "每日", "每天", "晨会", "站会"])
        {
            ("daily", 15)
        } else {
            ("as-needed", 30)
        };
        meetings.push(serde_json::json!({
            "id": format!("mtg_rhythm_{}", i + 1),
            "name": line,
            "cadence": cadence,
            "duration_minutes": stated_minutes(line).unwrap_or(minutes),
            "roles": [],
            "agenda": [],
        }));
    }
    meetings
}

/// A length stated in a rhythm line: "15 minutes", "30 min", "15 分钟" (frozen with `v4_to_v5`).
fn stated_minutes(line: &str) -> Option<u32> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let rest: String = chars[i..].iter().take(8).collect::<String>().trim_start().to_lowercase();
        if rest.starts_with("min") || rest.starts_with("分钟") {
            let n: u32 = chars[start..i].iter().collect::<String>().parse().ok()?;
            return Some(n.min(8 * 60));
        }
    }
    None
}

/// Version 4 added insights: the training plan, the record of level changes, and KPIs.
fn v3_to_v4(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    for list in ["training", "skill_history", "kpis"] {
        obj.entry(list).or_insert(Value::Array(Vec::new()));
    }
    Ok(ws)
}

/// Version 3 added the task board: the default columns (with fixed ids), no tasks, and the
/// default service standards. Frozen: the values are written out here, so that a later change to
/// the app's defaults never changes what an old file migrates to.
fn v2_to_v3(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    let column = |id: &str, name: &str, kind: &str, wip: Option<u32>| serde_json::json!({ "id": id, "name": name, "kind": kind, "wip_limit": wip });
    let standard = |first: u32, resolution: u32| serde_json::json!({ "first_response_hours": first, "resolution_hours": resolution });
    let board = serde_json::json!({
        "columns": [
            column("col_backlog", "Backlog", "not-started", None),
            column("col_todo", "To do", "not-started", None),
            column("col_doing", "In progress", "in-progress", Some(5)),
            column("col_review", "Review", "in-progress", Some(3)),
            column("col_done", "Done", "done", None),
        ],
        "tasks": [],
        "standards": [standard(1, 4), standard(4, 24), standard(8, 72), standard(24, 120)],
    });
    obj.entry("board").or_insert(board);
    Ok(ws)
}

/// Version 2 made duties first-class and added the chart's warning thresholds. Each role's plain-text duties become duties in the
/// chart, with that role Accountable and Responsible (A/R) and the role's name as the area.
/// The same text under several roles becomes one duty held by all of them, so that the chart
/// shows the overlap (several Accountable) instead of hiding it. Ids are derived from the role's
/// id so that the step stays pure and repeatable.
fn v1_to_v2(mut ws: Value) -> Result<Value, String> {
    let obj = ws.as_object_mut().ok_or("the workspace is not an object")?;
    // Every role's (id, name), and every (role, position in the role's list, title) line, in
    // file order.
    let mut roles_seen: Vec<(String, String)> = Vec::new();
    let mut lines: Vec<(usize, usize, String)> = Vec::new();
    if let Some(Value::Array(roles)) = obj.get_mut("roles") {
        for role in roles.iter_mut() {
            let Some(role) = role.as_object_mut() else { continue };
            let id = role.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            let area = role.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
            let Some(Value::Array(list)) = role.remove("duties") else { continue };
            for (i, title) in list.iter().filter_map(Value::as_str).map(str::trim).filter(|t| !t.is_empty()).enumerate()
            {
                lines.push((roles_seen.len(), i, title.to_owned()));
            }
            roles_seen.push((id, area));
        }
    }
    // Each line copies its role's id and name into the chart: refuse what would grow without
    // bound that way (a real version-1 file holds a few dozen short lines).
    let copied: usize = lines.iter().map(|(r, _, t)| roles_seen[*r].0.len() + roles_seen[*r].1.len() + t.len()).sum();
    if lines.len() > 20_000 || copied > 10 * 1024 * 1024 {
        return Err("the roles' duty lists are too long to upgrade".into());
    }
    // Lines with the same title (ignoring case) become one duty: found by sorting, not scanning.
    let keys: Vec<String> = lines.iter().map(|l| l.2.to_lowercase()).collect();
    let first = super::keys::first_of(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    let mut duties: Vec<Value> = Vec::new();
    let mut duty_of = vec![0usize; lines.len()];
    for (n, (r, i, title)) in lines.iter().enumerate() {
        let (id, area) = &roles_seen[*r];
        let letter = serde_json::json!({ "role": id, "letter": "A+R" });
        if first[n] != n {
            duty_of[n] = duty_of[first[n]];
            duties[duty_of[n]]["roles"].as_array_mut().into_iter().for_each(|r| r.push(letter.clone()));
            continue;
        }
        duty_of[n] = duties.len();
        duties.push(serde_json::json!({
            "id": format!("dut_{id}_{}", i + 1),
            "title": title,
            "area": area,
            "description": "",
            "frequency": null,
            "roles": [letter],
            "members": [],
        }));
    }
    obj.insert("duties".into(), Value::Array(duties));
    // Frozen: the thresholds version 2 introduced, written out (see `v2_to_v3`).
    let thresholds = serde_json::json!({
        "max_responsible": 3,
        "max_consulted": 4,
        "max_informed": 6,
        "max_accountable_per_role": 8,
        "max_responsible_per_role": 10,
        "member_load_factor": 2.0,
    });
    obj.entry("thresholds").or_insert(thresholds);
    Ok(ws)
}

/// Brings a workspace value written at `version` up to [`CURRENT_VERSION`], one step at a time.
pub fn migrate(mut workspace: Value, version: u64) -> Result<Value, MigrationError> {
    if version > CURRENT_VERSION {
        return Err(MigrationError::TargetVersionTooNew { found: version, supported: CURRENT_VERSION });
    }
    if version == 0 {
        return Err(MigrationError::UnknownVersion(version));
    }
    for v in version..CURRENT_VERSION {
        let step = STEPS
            .iter()
            .find(|s| s.from == v)
            .ok_or(MigrationError::StepFailed { from: v, reason: "no migration step".into() })?;
        workspace = (step.run)(workspace).map_err(|reason| MigrationError::StepFailed { from: v, reason })?;
    }
    Ok(workspace)
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    /// Counts saves to this browser's storage, so that tabs can tell whose copy is newer.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    saved_at: DateTime<Utc>,
    workspace: &'a Workspace,
}

/// The envelope as JSON text: pretty for files people download, compact for storage.
/// Keys come out in the order the types declare them, so exports diff cleanly.
pub fn encode(workspace: &Workspace, saved_at: DateTime<Utc>, pretty: bool) -> String {
    encode_with(workspace, saved_at, pretty, None)
}

/// An exported file (from [`encode`]) with the team sync document and its room beside the
/// workspace (`teamSync`), so that merging it into the same room is the document's own merge.
pub fn with_sync_doc(file: &str, room: &str, doc: &str) -> String {
    let body = file.trim_end().trim_end_matches('}').trim_end();
    // A JSON string through the serialiser the app holds already (no `Value` display code).
    let room = serde_json::to_string(room).unwrap_or_default();
    format!("{body},\n  \"teamSync\": {{\n    \"room\": {room},\n    \"doc\": \"{doc}\"\n  }}\n}}\n")
}

/// The stored envelope: compact, with the save's revision number.
pub fn encode_stored(workspace: &Workspace, saved_at: DateTime<Utc>, revision: u64) -> String {
    encode_with(workspace, saved_at, false, Some(revision))
}

/// The revision of a stored envelope, read from its first bytes without parsing the rest
/// (0 when it has none).
pub fn stored_revision(text: &str) -> u64 {
    // Bytes, not chars: the head may end inside a multi-byte character of a team's name.
    let head = &text.as_bytes()[..text.len().min(200)];
    let key = b"\"revision\":";
    let Some(at) = head.windows(key.len()).position(|w| w == key) else { return 0 };
    head[at + key.len()..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')))
}

fn encode_with(workspace: &Workspace, saved_at: DateTime<Utc>, pretty: bool, revision: Option<u64>) -> String {
    let env = EnvelopeOut { format: FORMAT, version: CURRENT_VERSION, revision, saved_at, workspace };
    // Serialising plain structs with string keys cannot fail.
    let text = serde_json::to_string(&env).unwrap_or_default();
    if pretty {
        super::json::pretty(&text)
    } else {
        text
    }
}

/// The export file name: `rolecall-<team>-<yyyy-mm-dd>.json`, the team's name folded to a
/// lower-case slug (letters of any script are kept, everything else becomes `-`).
pub fn export_file_name(team: &str, date: chrono::NaiveDate) -> String {
    file_name(team, "", date, "json")
}

/// A download's name: `rolecall-<team>[-<kind>]-<yyyy-mm-dd>.<ext>`.
pub fn file_name(team: &str, kind: &str, date: chrono::NaiveDate, ext: &str) -> String {
    let mut slug = String::new();
    for c in team.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "workspace" } else { slug };
    let kind = if kind.is_empty() { String::new() } else { format!("-{kind}") };
    format!("rolecall-{slug}{kind}-{}.{ext}", crate::model::dates::iso_day(date))
}

#[cfg(test)]
mod tests {
    use super::{export_file_name, v4_to_v5};

    // Rhythm lines become meetings with a cadence and a length read from their words.
    #[test]
    fn rhythm_lines_become_meetings() {
        let v = serde_json::json!({ "rhythm": [
            "Daily stand-up, 15 minutes", "Weekly project and quality meeting",
            "Monthly service review with customer feedback", "每周质量会议 45 分钟", "Retro", "  ", 7
        ] });
        let out = v4_to_v5(v).unwrap();
        let m = out["meetings"].as_array().unwrap();
        let got: Vec<(&str, &str, u64)> = m
            .iter()
            .map(|m| {
                (m["id"].as_str().unwrap(), m["cadence"].as_str().unwrap(), m["duration_minutes"].as_u64().unwrap())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("mtg_rhythm_1", "daily", 15),
                ("mtg_rhythm_2", "weekly", 60),
                ("mtg_rhythm_3", "monthly", 90),
                ("mtg_rhythm_4", "weekly", 45),
                ("mtg_rhythm_5", "as-needed", 30),
            ]
        );
        assert!(out.get("rhythm").is_none());
        assert_eq!(out["routines"], serde_json::json!([]));
    }
    use chrono::NaiveDate;

    // Export names are safe on every file system and keep Chinese team names readable.
    #[test]
    fn export_file_names_are_slugs_with_the_date() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(export_file_name("Customer Service Team", d), "rolecall-customer-service-team-2026-03-09.json");
        assert_eq!(export_file_name("  <b>R&D</b> ", d), "rolecall-b-r-d-b-2026-03-09.json");
        assert_eq!(export_file_name("客服团队", d), "rolecall-客服团队-2026-03-09.json");
        assert_eq!(export_file_name("", d), "rolecall-workspace-2026-03-09.json");
        assert_eq!(super::file_name("Ops", "chart", d, "csv"), "rolecall-ops-chart-2026-03-09.csv");
    }

    // Tabs compare revisions without parsing a whole workspace.
    #[test]
    fn the_stored_revision_is_read_from_the_head_of_the_text() {
        let ws = crate::model::Workspace::default();
        let at = chrono::DateTime::from_timestamp(0, 0).unwrap();
        assert_eq!(super::stored_revision(&super::encode_stored(&ws, at, 42)), 42);
        assert_eq!(super::stored_revision(&super::encode(&ws, at, false)), 0);
        assert_eq!(super::stored_revision("not json"), 0);
        // A long Chinese name puts a multi-byte character across the 200th byte.
        let named = crate::model::Workspace { name: "客服团队".repeat(40), ..Default::default() };
        assert_eq!(super::stored_revision(&super::encode_stored(&named, at, 7)), 7);
    }
}

//! Files and links that once crashed, froze or silently changed a workspace (issue 11), each
//! pinned by the rule it broke; then a fixed-seed fuzz run and a property test over every page's
//! pure functions.

mod common;

use chrono::{Datelike, NaiveDate};
use common::Rng as Mutator;
use common::{corpus, exercise_pages, fixture, mutate, now};
use proptest::prelude::*;
use rolecall::model::board::ServiceStandard;
use rolecall::model::dates::{FIRST_YEAR, LAST_YEAR};
use rolecall::model::decl::{MAX_NAME, MAX_STANDARD_HOURS};
use rolecall::model::import::{read, read_own, ImportError, Imported, Repair, KEPT_REPAIRS, MAX_ID_BYTES, MAX_ITEMS};
use rolecall::model::kpi::{import_values, values_csv, Kpi};
use rolecall::model::schema::encode;
use rolecall::model::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The template as a JSON value, to be bent by each test.
fn template_value() -> Value {
    serde_json::from_str(&encode(&template::service_team(&mut IdGen::new(5), now()), now(), false)).unwrap()
}

fn import(v: &Value) -> Imported {
    read(&v.to_string(), &mut IdGen::new(9)).expect("the file reads")
}

fn date_moved(got: &Imported, field: &str) -> bool {
    got.repairs.iter().any(|r| matches!(r, Repair::DateClamped { field: f, .. } if f == field))
}

// --- The app can crash, and keep crashing on every visit ---

#[test]
fn a_creation_date_near_chronos_limit_is_moved_into_the_years_a_team_means() {
    let mut v = template_value();
    v["workspace"]["board"]["tasks"][0]["created_at"] = json!("+262142-12-31T03:09:09Z");
    let got = import(&v);
    assert!(date_moved(&got, "created_at"), "{:?}", got.repairs);
    let t = &got.workspace.board.tasks[0];
    assert_eq!(t.created_at.year(), LAST_YEAR);
    // The board computes its service target without overflowing.
    let _ = got.workspace.board.sla(t, now());
    exercise_pages(&got.workspace, now());
}

#[test]
fn a_completion_in_year_minus_262143_is_moved_and_analytics_run() {
    let mut v = template_value();
    v["workspace"]["board"]["tasks"][1]["completed_at"] = json!("-262143-01-01T00:00:00Z");
    v["workspace"]["board"]["tasks"][2]["due"] = json!("+262142-12-31");
    let got = import(&v);
    assert!(date_moved(&got, "completed_at") && date_moved(&got, "due"), "{:?}", got.repairs);
    assert_eq!(got.workspace.board.tasks[1].completed_at.unwrap().year(), FIRST_YEAR);
    exercise_pages(&got.workspace, now());
}

#[test]
fn a_service_standard_is_at_most_a_year_on_import_and_in_the_settings() {
    let mut v = template_value();
    v["workspace"]["board"]["standards"][0]["resolution_hours"] = json!(4_294_967_295u64);
    v["workspace"]["board"]["standards"][1]["first_response_hours"] = json!(0);
    let got = import(&v);
    let std0 = got.workspace.board.standards[0];
    assert_eq!(std0.resolution_hours, MAX_STANDARD_HOURS);
    assert_eq!(got.workspace.board.standards[1].first_response_hours, 1);
    let clamped: Vec<_> = got
        .repairs
        .iter()
        .filter(|r| matches!(r, Repair::ValueClamped { field, .. } if field == "standards"))
        .collect();
    assert_eq!(clamped.len(), 2, "{:?}", got.repairs);
    exercise_pages(&got.workspace, now());
    // The board settings go through the same bound.
    let mut ws = got.workspace.clone();
    let mut ids = IdGen::new(1);
    let mut cmd = rolecall::model::commands::Cmd::new(&mut ws, &mut ids, now());
    let huge = ServiceStandard { first_response_hours: 1, resolution_hours: 2_400_000_000 };
    assert!(cmd.set_standard(Priority::P1, huge).is_err());
    assert!(cmd.set_standard(Priority::P1, ServiceStandard { first_response_hours: 0, resolution_hours: 4 }).is_err());
    assert!(cmd
        .set_standard(Priority::P1, ServiceStandard { first_response_hours: 2, resolution_hours: MAX_STANDARD_HOURS })
        .is_ok());
    assert_eq!(cmd.ws().board.standards[0].first_response_hours, 2);
}

#[test]
fn every_date_field_is_kept_inside_1970_to_9999() {
    let mut v = template_value();
    let far = json!("+262142-12-31T03:09:09Z");
    let t = &mut v["workspace"]["board"]["tasks"][0];
    for field in ["updated_at", "responded_at", "service_due"] {
        t[field] = far.clone();
    }
    t["history"][0]["at"] = json!("-262143-01-01T00:00:00Z");
    v["workspace"]["kpis"][0]["values"][0]["period"] = json!("+262142-12-31");
    let got = import(&v);
    for field in ["updated_at", "responded_at", "service_due", "history", "values"] {
        assert!(date_moved(&got, field), "{field}: {:?}", got.repairs);
    }
    exercise_pages(&got.workspace, now());
}

// --- A 177-character link froze the tab for 20 seconds ---

/// How long reading `text` as JSON takes here and now: work linear in its size, measured in the
/// same run, so that a busy or slow machine slows it as much as what it is compared with.
fn reading_time(text: &str) -> Duration {
    // The slowest of three: a reference cut short by a busy machine would make the bound
    // tighter than meant.
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let _ = serde_json::from_str::<Value>(text);
            start.elapsed()
        })
        .max()
        .unwrap_or_default()
}

/// The quickest of up to three runs of `f` that stay above `bound` (one run when it is within
/// it): a machine busy with other work slows a run down by a bounded factor, never by the
/// thousands a quadratic step costs, so a run that is slow every time is slow by its own work.
fn quickest<T>(bound: impl Fn(&T) -> Duration, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut best: Option<(T, Duration)> = None;
    for _ in 0..3 {
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(_, b)| took < *b) {
            best = Some((out, took));
        }
        if best.as_ref().is_some_and(|(out, b)| *b < bound(out)) {
            break;
        }
    }
    best.expect("ran at least once")
}

/// Fails when `f` takes far longer than reading `text` (its input) as JSON: a guard against work
/// that grows faster than the input, which no machine's speed or load can trip. (Import does
/// several times a parse's work; a quadratic step on these inputs would do thousands.)
fn linear<T>(what: &str, text: &str, f: impl FnMut() -> T) -> T {
    let reference = reading_time(text);
    let (out, took) = quickest(|_| reference * 40 + Duration::from_millis(200), f);
    assert!(
        took < reference * 40 + Duration::from_millis(200),
        "{what} took {took:?}, against {reference:?} to read its input as JSON"
    );
    out
}

/// [`linear`] for an import: in the size of the file, or of the workspace it makes (sixteen
/// thousand `{}` make sixteen thousand named departments).
fn read_linear(what: &str, text: &str) -> Result<Imported, ImportError> {
    let input = reading_time(text);
    let output = |got: &Result<Imported, ImportError>| {
        reading_time(&got.as_ref().map(|g| encode(&g.workspace, now(), false)).unwrap_or_default())
    };
    let (got, took) =
        quickest(|got| input.max(output(got)) * 40 + Duration::from_millis(200), || read(text, &mut IdGen::new(1)));
    let reference = input.max(output(&got));
    assert!(
        took < reference * 40 + Duration::from_millis(200),
        "{what} took {took:?}, against {reference:?} to read its input or output as JSON"
    );
    got
}

fn with_workspace(ws: Value) -> String {
    json!({ "format": "rolecall", "version": 4, "workspace": ws }).to_string()
}

#[test]
fn sixteen_thousand_empty_departments_import_in_linear_time() {
    // What the 177-character link inflated to.
    let text = with_workspace(json!({ "departments": vec![json!({}); 16_000] }));
    let got = read_linear("16,000 empty departments", &text).unwrap();
    assert_eq!(got.workspace.departments.len(), 16_000);
    assert!(validate(&got.workspace).is_empty());
}

#[test]
fn the_worst_share_link_payload_imports_or_is_refused_quickly() {
    // A link may unpack to at most 2 MB: fill it with the costliest shapes import knows. Every
    // list at the item cap, with one name and one id repeated, every reference dangling.
    let n = LONG;
    let same = |k: &str| json!({ "id": "x", "name": "Same", "title": "Same", k: ["x", "x"] });
    let text = with_workspace(json!({
        "members": vec![same("roles"); n],
        "duties": vec![json!({ "id": "d", "title": "t", "roles": [{ "role": "r", "letter": "A" }] }); n / 4],
        "board": { "tasks": vec![json!({ "id": "t", "title": "", "assignees": ["x", "y"] }); n / 4] },
    }));
    assert!(text.len() <= rolecall::model::share::MAX_INFLATED_BYTES, "{} bytes", text.len());
    let got = read_linear("the worst link payload", &text).unwrap();
    assert_eq!(got.workspace.members.len(), n);
    assert_eq!(got.workspace.members[n - 1].name, format!("Same ({n})"));
    assert!(validate(&got.workspace).is_empty());
    // Hundreds of thousands of repairs: all counted, the first thousand kept in full.
    assert!(got.repairs.count > 100_000, "{}", got.repairs.count);
    assert_eq!(got.repairs.len(), KEPT_REPAIRS);
}

#[test]
fn a_file_of_more_entries_than_the_cap_is_refused_by_name_and_a_long_list_is_not() {
    // A million and one tiny entries (3 MB): refused before parsing, whatever lists hold them.
    let text = with_workspace(
        json!({ "skills": vec![json!({}); MAX_ITEMS / 2], "departments": vec![json!({}); MAX_ITEMS / 2 + 1] }),
    );
    assert_eq!(read_linear("entries over the cap", &text), Err(ImportError::TooManyItems));
    // One list longer than any cap the app had (a task moved 50,000 times): read whole.
    let size = generate::Size { members: 5, skills: 3, roles: 2, duties: 2, tasks: 1, weeks: 1 };
    let mut ws = generate::large(7, now(), size);
    let task = &mut ws.board.tasks[0];
    let moves: Vec<_> = (0..50_000)
        .map(|i| rolecall::model::board::Move {
            at: task.created_at + chrono::Duration::seconds(i),
            from: None,
            to: task.column.clone(),
        })
        .collect();
    task.history = moves;
    let got = read(&encode(&ws, now(), false), &mut IdGen::new(1)).unwrap();
    assert!(got.repairs.is_empty(), "{:?}", got.repairs.iter().take(3).collect::<Vec<_>>());
    assert!(got.workspace == ws, "read back changed");
}

/// A list as long as the cap the app once had on every list: the costliest shapes at that length.
const LONG: usize = 19_999;

#[test]
fn eight_thousand_members_import_quickly() {
    let size = generate::Size { members: 8_000, skills: 40, roles: 20, duties: 200, tasks: 1_000, weeks: 16 };
    let text = encode(&generate::large(7, now(), size), now(), false);
    let got = read_linear("8,000 members", &text).unwrap();
    assert_eq!(got.workspace.members.len(), 8_000);
    assert_eq!(got.repairs, vec![]);
}

// --- Changes that were not reported ---

#[test]
fn a_list_of_the_wrong_type_is_reported() {
    let mut v = template_value();
    v["workspace"]["board"]["tasks"] = json!({ "a": 1 });
    v["workspace"]["kpis"] = Value::Null;
    let got = import(&v);
    for field in ["tasks", "kpis"] {
        assert!(
            got.repairs.iter().any(|r| matches!(r, Repair::FieldDefaulted { field: f, .. } if f == field)),
            "{field}: {:?}",
            got.repairs
        );
    }
}

#[test]
fn two_values_for_one_kpi_period_keep_the_last_and_say_so() {
    let mut v = template_value();
    let values = &mut v["workspace"]["kpis"][0]["values"];
    let first = values[0].clone();
    let mut again = first.clone();
    again["value"] = json!(12.5);
    values.as_array_mut().unwrap().push(again);
    let got = import(&v);
    let k = &got.workspace.kpis[0];
    let kept: Vec<_> = k.values.iter().filter(|x| x.period.to_string() == first["period"].as_str().unwrap()).collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].value, 12.5);
    assert!(
        got.repairs.iter().any(|r| matches!(r, Repair::EntriesDropped { kind: Kind::Kpi, count: 1, .. })),
        "{:?}",
        got.repairs
    );
}

#[test]
fn training_and_kpi_repairs_are_reported() {
    let mut v = template_value();
    let member = v["workspace"]["members"][0]["id"].clone();
    let skill = v["workspace"]["skills"][0]["id"].clone();
    v["workspace"]["training"] = json!([
        { "id": "", "member": member, "skill": skill, "target_level": 9, "task": "tsk_gone" },
    ]);
    v["workspace"]["skill_history"] = json!([{ "member": "mem_gone", "skill": skill, "from": 1, "to": 2 }]);
    let k1 = v["workspace"]["kpis"][1]["id"].clone();
    v["workspace"]["kpis"][0]["id"] = k1;
    let got = import(&v);
    let has = |pred: &dyn Fn(&Repair) -> bool| got.repairs.iter().any(pred);
    assert!(has(&|r| matches!(r, Repair::IdReplaced { kind: Kind::Training, .. })), "{:?}", got.repairs);
    assert!(has(
        &|r| matches!(r, Repair::ValueClamped { kind: Kind::Training, from, to, .. } if from == "9" && to == "4")
    ));
    assert!(has(&|r| matches!(r, Repair::ReferenceRemoved { kind: Kind::Training, target: Kind::Task, .. })));
    assert!(has(&|r| matches!(r, Repair::ReferenceRemoved { kind: Kind::Member, target: Kind::Member, .. })));
    assert!(has(&|r| matches!(r, Repair::IdReplaced { kind: Kind::Kpi, .. })));
    assert_eq!(got.workspace.training[0].target_level, 4);
}

#[test]
fn floats_round_trip_exactly() {
    let mut v = template_value();
    v["workspace"]["kpis"][0]["values"][0]["value"] = json!(194.28585714285714);
    v["workspace"]["board"]["tasks"][0]["estimate_hours"] = json!(0.1 + 0.2);
    let got = import(&v);
    assert_eq!(got.workspace.kpis[0].values[0].value, 194.28585714285714);
    let again = read(&encode(&got.workspace, now(), true), &mut IdGen::new(1)).unwrap();
    assert_eq!(again.workspace, got.workspace);
}

#[test]
fn the_kpi_csv_round_trips_names_that_differ_in_case_or_look_like_formulas() {
    let mut ids = IdGen::new(3);
    let names = ["Satisfaction", "satisfaction", "=SUM(A1)", "+1 score", "@mention", "'=quoted", "=quoted", "'plain"];
    // A row written before the leading quote was guarded still finds its KPI.
    let mut old_style = vec![Kpi::new(&mut IdGen::new(4), "'=quoted", "%", Default::default(), 1.0)];
    assert_eq!(import_values(&mut old_style, "'=quoted,2026-01-05,3\r\n").recorded, 1);
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut kpis: Vec<Kpi> = names.iter().map(|n| Kpi::new(&mut ids, n, "pts", Default::default(), 90.0)).collect();
    for (i, k) in kpis.iter_mut().enumerate() {
        k.record(d(1970, 1, 5), i as f64);
        k.record(d(9999, 12, 27), 100.0 + i as f64);
    }
    let csv = values_csv(&kpis);
    let mut back: Vec<Kpi> = kpis.iter().map(|k| Kpi { values: vec![], ..k.clone() }).collect();
    let report = import_values(&mut back, &csv);
    assert_eq!(report.errors, vec![], "{csv}");
    assert_eq!(back, kpis);
    // Days outside the years a workspace holds are refused, not recorded.
    let report = import_values(&mut back, "Satisfaction,0001-01-01,5\r\nSatisfaction,1969-12-29,5\r\n");
    assert_eq!(report.recorded, 0);
    assert_eq!(report.errors.len(), 2);
}

// --- Two storage defects ---

#[test]
fn migrations_are_frozen_and_do_not_follow_todays_defaults() {
    let v2: Value = serde_json::from_str(&fixture("v2.json")).unwrap();
    let ws = schema::migrate(v2["workspace"].clone(), 2).unwrap();
    let columns: Vec<(&str, &str, Value)> = ws["board"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["name"].as_str().unwrap(), c["wip_limit"].clone()))
        .collect();
    assert_eq!(
        columns,
        [
            ("col_backlog", "Backlog", Value::Null),
            ("col_todo", "To do", Value::Null),
            ("col_doing", "In progress", json!(5)),
            ("col_review", "Review", json!(3)),
            ("col_done", "Done", Value::Null),
        ]
    );
    assert_eq!(ws["board"]["standards"][3], json!({ "first_response_hours": 24, "resolution_hours": 120 }));
    assert_eq!(ws["thresholds"]["max_informed"], json!(6));
    // The steps live in schema.rs as literals: no default constructor is called there.
    let src = std::fs::read_to_string(format!("{}/src/model/schema.rs", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let steps = &src[..src.find("pub fn migrate(").unwrap()];
    assert!(!steps.contains("::default()"), "a migration step calls a default constructor");
}

// --- Fuzzing and properties ---

/// What every file that imports must satisfy: it keeps every rule, every page can show it, and
/// exporting it gives a file that reads back the same with nothing to repair.
fn check_imported(got: &Imported) {
    assert_eq!(validate(&got.workspace), vec![]);
    exercise_pages(&got.workspace, now());
    // A clock at the end of the years a workspace holds (a browser's clock is never past it).
    let far = rolecall::model::dates::clamp_instant(chrono::DateTime::<chrono::Utc>::MAX_UTC);
    exercise_pages(&got.workspace, far);
    let again = read(&encode(&got.workspace, now(), false), &mut IdGen::new(2)).expect("an export reads back");
    assert_eq!(again.repairs, vec![], "an export needed repairs");
    assert_eq!(again.workspace, got.workspace);
    // And the start of the app reads what it stored directly, to the same workspace.
    let stored = rolecall::model::schema::encode_stored(&got.workspace, now(), 3);
    assert_eq!(read_own(&stored).as_ref(), Some(&got.workspace), "the direct read refused the app's own save");
}

/// The direct read of the app's own saves ([`read_own`]) takes only what the full read takes
/// unchanged: whatever it reads, the full read reads the same, with nothing to repair.
fn check_direct_read(text: &str, case: usize) {
    if let Some(own) = read_own(text) {
        let full = read(text, &mut IdGen::new(case as u64)).expect("what reads directly reads in full");
        assert_eq!(full.repairs, vec![], "case {case}: read directly, but the full read repairs it:\n{text}");
        assert_eq!(full.workspace, own, "case {case}: the direct and the full read differ:\n{text}");
    }
}

/// The fuzz run: mutated fixtures through import, then through every page. CI runs a bounded
/// number of cases with a fixed seed; `ROLECALL_FUZZ_CASES=200000 ROLECALL_FUZZ_SEED=…
/// cargo test --release --test hostile_input fuzz` runs a longer one.
#[test]
fn fuzz_mutated_files_never_panic_and_what_imports_is_sound() {
    let cases: usize = std::env::var("ROLECALL_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let seed: u64 = std::env::var("ROLECALL_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(11);
    let corpus = corpus();
    let mut rng = Mutator::new(seed);
    let (mut read_ok, mut refused) = (0, 0);
    for case in 0..cases {
        let mut text = corpus[rng.below(corpus.len())].clone();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&text, &mut rng);
        }
        let result = std::panic::catch_unwind(|| {
            check_direct_read(&text, case);
            linear(&format!("case {case}"), &text, || read(&text, &mut IdGen::new(case as u64)))
        });
        let got =
            result.unwrap_or_else(|_| panic!("case {case} (seed {seed}) panicked or was slow in import:\n{text}"));
        match got {
            Ok(got) => {
                read_ok += 1;
                if std::panic::catch_unwind(|| check_imported(&got)).is_err() {
                    panic!("case {case} (seed {seed}) imported, then failed:\n{text}");
                }
            }
            Err(_) => refused += 1,
        }
    }
    eprintln!("fuzz: {cases} cases, {read_ok} imported, {refused} refused");
    assert!(read_ok > cases / 4, "the mutator should mostly make files that still import");
}

fn arb_extreme_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (-262_000i32..262_000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
            let y = if !(0..=9999).contains(&y) { format!("{y:+}") } else { format!("{y:04}") };
            format!("{y}-{m:02}-{d:02}T03:09:09Z")
        }),
        Just("+262142-12-31T23:59:59Z".to_owned()),
        Just("-262143-01-01T00:00:00Z".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20261123),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    // Generated workspaces with extreme dates and hours: whatever import returns, every page's
    // functions run on it.
    #[test]
    fn every_page_runs_on_whatever_import_returns(
        seed in 0u64..1000,
        created in arb_extreme_date(),
        completed in arb_extreme_date(),
        hours in prop_oneof![Just(0u64), Just(u64::from(u32::MAX)), 1u64..100_000],
        mutations in 0usize..4,
    ) {
        let size = generate::Size { members: 6, skills: 5, roles: 3, duties: 6, tasks: 12, weeks: 6 };
        let mut v: Value = serde_json::from_str(&encode(&generate::large(seed, now(), size), now(), false)).unwrap();
        v["workspace"]["board"]["tasks"][0]["created_at"] = json!(created);
        v["workspace"]["board"]["tasks"][1]["completed_at"] = json!(completed);
        v["workspace"]["board"]["standards"][(seed % 4) as usize]["resolution_hours"] = json!(hours);
        let mut text = v.to_string();
        let mut rng = Mutator::new(seed);
        for _ in 0..mutations {
            text = mutate(&text, &mut rng);
        }
        if let Ok(got) = read(&text, &mut IdGen::new(seed)) {
            check_imported(&got);
        }
    }
}

// --- Found in review: amplification and silent resets ---

#[test]
fn a_field_of_the_wrong_shape_is_defaulted_alone_and_the_item_keeps_the_rest() {
    let mut v = template_value();
    let member = v["workspace"]["members"][0].clone();
    v["workspace"]["members"][0]["title"] = json!([]);
    v["workspace"]["board"]["columns"][2]["wip_limit"] = json!([5]);
    let got = import(&v);
    let m = &got.workspace.members[0];
    assert_eq!(m.id.as_str(), member["id"].as_str().unwrap());
    assert_eq!(m.name, member["name"].as_str().unwrap());
    assert_eq!(m.roles.len(), member["roles"].as_array().unwrap().len());
    assert_eq!(m.title, "");
    assert!(
        got.repairs.iter().any(|r| matches!(r, Repair::FieldDefaulted { field, .. } if field == "title")),
        "{:?}",
        got.repairs
    );
    let column = &got.workspace.board.columns[2];
    assert_eq!(column.id.as_str(), v["workspace"]["board"]["columns"][2]["id"].as_str().unwrap());
    assert_eq!(column.wip_limit, None);
}

#[test]
fn a_long_description_is_cut_to_its_limit_and_a_long_name_renamed_stays_short() {
    let long = "长".repeat(40_000);
    let text = with_workspace(json!({
        "purpose": long,
        "skills": [{ "id": "a", "name": "s".repeat(300) }, { "id": "b", "name": "s".repeat(300) }],
    }));
    let got = read(&text, &mut IdGen::new(1)).unwrap();
    // A text longer than its field holds is cut to it, and said (the limit the commands keep).
    assert_eq!(got.workspace.purpose, "长".repeat(rolecall::model::decl::MAX_TEXT));
    assert!(got
        .repairs
        .iter()
        .any(|r| matches!(r, Repair::NameShortened { max: rolecall::model::decl::MAX_TEXT, .. })));
    let names: Vec<usize> = got.workspace.skills.iter().map(|s| s.name.chars().count()).collect();
    assert!(names.iter().all(|n| *n <= MAX_NAME), "{names:?}");
    // What was repaired once reads back with nothing left to repair.
    let again = read(&encode(&got.workspace, now(), false), &mut IdGen::new(2)).unwrap();
    assert_eq!(again.repairs, vec![]);
}

#[test]
fn a_long_id_or_name_is_not_copied_into_thousands_of_places() {
    let long = "c".repeat(60_000);
    // Every task points at a missing column and has one; the one column's id is long.
    let text = with_workspace(json!({
        "board": { "columns": [{ "id": long, "name": long }], "tasks": vec![json!({ "title": "t" }); LONG] },
        "members": [{ "id": "m", "name": long, "roles": vec![json!("gone"); 1000] }],
    }));
    let got = read_linear("long ids and names", &text).unwrap();
    assert!(got.workspace.board.columns[0].id.as_str().len() <= MAX_ID_BYTES);
    assert_eq!(got.workspace.members[0].name.chars().count(), MAX_NAME);
    // What the repairs say is short, whatever the item's name was.
    assert!(got.repairs.iter().all(|r| format!("{r:?}").len() < 1_000), "a long text in a repair");
}

#[test]
fn a_version_1_file_with_many_long_duty_lines_is_refused_or_read_quickly() {
    let role = json!({ "id": "r", "name": "n".repeat(60_000), "duties": vec![json!("d"); LONG] });
    let text = json!({ "format": "rolecall", "version": 1, "workspace": { "roles": [role] } }).to_string();
    let got = read_linear("v1 duty lines", &text);
    assert!(matches!(got, Err(ImportError::Migration(_))), "{:?}", got.map(|g| g.workspace.duties.len()));
    let role = json!({ "id": "r", "name": "Agent", "duties": (0..LONG).map(|i| json!(format!("Duty {}", i % 500))).collect::<Vec<_>>() });
    let text = json!({ "format": "rolecall", "version": 1, "workspace": { "roles": [role] } }).to_string();
    let got = read_linear("v1 repeated duties", &text).unwrap();
    assert_eq!(got.workspace.duties.len(), 500);
}

#[test]
fn lists_of_unreadable_entries_cost_linear_time_and_are_reported() {
    let tasks = vec![json!({ "title": "t", "history": vec![json!(0); LONG] }); 40];
    let text = with_workspace(json!({ "board": { "tasks": tasks } }));
    let got = read_linear("800,000 unreadable entries", &text).unwrap();
    assert_eq!(got.workspace.board.tasks.len(), 40);
    assert!(got.workspace.board.tasks.iter().all(|t| t.history.is_empty()));
    assert!(got.repairs.iter().any(|r| matches!(r, Repair::EntriesDropped { field, .. } if field == "history")));
    assert!(got.repairs.iter().any(|r| matches!(r, Repair::FieldDefaulted { field, .. } if field == "history")));
}

#[test]
fn a_big_kpi_csv_imports_in_n_log_n_and_lists_at_most_a_hundred_bad_rows() {
    let mut ids = IdGen::new(3);
    let mut kpis: Vec<Kpi> =
        (0..2_000).map(|i| Kpi::new(&mut ids, &format!("KPI {i}"), "pts", Default::default(), 90.0)).collect();
    let mut csv = String::from("kpi,period,value\n");
    for i in 0..100_000 {
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(i % 3000);
        csv.push_str(&format!("KPI {},{},{}\n", i % 2_000, day, i));
    }
    for _ in 0..500 {
        csv.push_str("nobody,2026-01-01,1\n");
    }
    let as_json = serde_json::to_string(&csv).unwrap();
    let before = kpis.clone();
    let report = linear("100,000 KPI rows", &as_json, || {
        kpis = before.clone();
        import_values(&mut kpis, &csv)
    });
    assert_eq!(report.recorded, 100_000);
    assert_eq!((report.errors.len(), report.error_count), (100, 500));
    assert!(kpis.iter().all(|k| k.values.windows(2).all(|w| w[0].period < w[1].period)));
}

#[test]
fn a_single_list_just_under_the_entry_cap_reads_in_linear_time() {
    // No list has a cap of its own: the costliest list a file may hold, read whole.
    let n = MAX_ITEMS - 10;
    let text = with_workspace(json!({ "departments": vec![json!({}); n] }));
    let got = read_linear("one list of nearly a million entries", &text).unwrap();
    assert_eq!(got.workspace.departments.len(), n);
}

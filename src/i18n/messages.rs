//! Turning model values (errors, repairs, kinds) into sentences of one language.

use super::{fill, Strings};
use crate::model::import::{ImportError, Repair};
use crate::model::share::ShareError;
use crate::model::{Kind, ModelError};

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Member => 0,
        Kind::Role => 1,
        Kind::Skill => 2,
        Kind::Department => 3,
        Kind::Workspace => 4,
        Kind::Duty => 5,
        Kind::Task => 6,
        Kind::Column => 7,
        Kind::Kpi => 8,
        Kind::Training => 9,
        Kind::Meeting => 10,
        Kind::Improvement => 11,
        Kind::Routine => 12,
        Kind::Note => 13,
    }
}

/// The kind's name mid-sentence.
pub fn kind(t: &Strings, k: Kind) -> &'static str {
    t.kinds[kind_index(k)]
}

/// The kind's name at the start of a sentence.
pub fn kind_title(t: &Strings, k: Kind) -> &'static str {
    t.kinds_title[kind_index(k)]
}

/// A rule a change breaks, as a sentence.
pub fn model_error(t: &Strings, e: &ModelError) -> String {
    match e {
        ModelError::EmptyName { kind: Kind::Task } => t.err_task_title.into(),
        ModelError::EmptyName { kind: Kind::Column } => t.err_column_name.into(),
        ModelError::EmptyName { kind: k } => fill(t.err_empty_name, &[("kind", &kind(t, *k))]),
        ModelError::DuplicateName { kind: k, name } => {
            fill(t.err_duplicate_name, &[("kind", &kind(t, *k)), ("name", name)])
        }
        ModelError::DuplicateId { kind: k, id } => fill(t.err_duplicate_id, &[("kind", &kind(t, *k)), ("id", id)]),
        ModelError::NotBetween { field, min, max } => {
            // The fields people type numbers into say which rule it is; any other, the range.
            let template = match *field {
                "capacity_hours" => t.err_capacity,
                "headcount" => t.err_headcount,
                "estimate_hours" => t.err_estimate,
                "duration_minutes" => t.err_duration,
                f if f.starts_with("standards") => t.err_standard,
                f if f.ends_with("level") => t.err_level,
                _ => t.err_not_between,
            };
            fill(template, &[("min", min), ("max", max)])
        }
        ModelError::DateOutOfRange => t.err_date_range.into(),
        ModelError::LastColumn => t.err_last_column.into(),
        ModelError::DuplicateEntry { kind: k, .. } => fill(t.err_duplicate_entry, &[("kind", &kind(t, *k))]),
        ModelError::UnknownReference { kind: k, .. } => fill(t.err_unknown_reference, &[("kind", &kind(t, *k))]),
        ModelError::OutOfRange => t.err_out_of_range.into(),
        ModelError::AlreadyPlanned => t.err_already_planned.into(),
        ModelError::NoWeekday => t.err_no_weekday.into(),
        ModelError::PercentOutOfRange => t.err_percent_range.into(),
        ModelError::TooLong { max } => fill(t.err_too_long, &[("max", max)]),
        ModelError::NegativeValue => t.err_negative_value.into(),
    }
}

/// Why a file was refused, as a clause that fits into [`Strings::import_failed`].
pub fn import_error(t: &Strings, e: &ImportError) -> String {
    match e {
        ImportError::Empty => t.err_empty_file.into(),
        ImportError::TooLarge { bytes } => fill(
            t.err_too_large,
            &[("size", &megabytes(*bytes)), ("max", &format!("{} MB", crate::model::import::MAX_BYTES >> 20))],
        ),
        ImportError::TooDeep => t.err_too_deep.into(),
        ImportError::TooManyItems => fill(t.err_too_many_items, &[("max", &crate::model::import::MAX_ITEMS)]),
        ImportError::Truncated => t.err_truncated.into(),
        ImportError::NotLoaded => t.err_reader_not_loaded.into(),
        ImportError::History(why) if why.is_empty() => t.err_history_no_database.into(),
        ImportError::History(why) => fill(t.err_history_unreadable, &[("why", why)]),
        ImportError::NotJson { line, column } => fill(t.err_not_json, &[("line", line), ("column", column)]),
        ImportError::NotRolecall => t.err_not_rolecall.into(),
        ImportError::BadVersion => t.err_bad_version.into(),
        ImportError::FutureVersion { found, supported } => {
            fill(t.err_future_version, &[("found", found), ("supported", supported)])
        }
        ImportError::Migration(m) => {
            let version = match m {
                crate::model::schema::MigrationError::TargetVersionTooNew { found, .. } => *found,
                crate::model::schema::MigrationError::UnknownVersion(v) => *v,
                crate::model::schema::MigrationError::StepFailed { from, .. } => *from,
            };
            fill(t.err_migration, &[("version", &version)])
        }
        ImportError::NoWorkspace => t.err_no_workspace.into(),
        ImportError::Invalid(problems) => fill(t.err_invalid, &[("count", &problems.len())]),
        ImportError::Link(e) => match e {
            ShareError::Damaged => t.err_link_damaged.into(),
            ShareError::NewerFormat { found } => fill(t.err_link_newer, &[("found", found)]),
            ShareError::TooLong { chars } => fill(t.err_link_too_long, &[("chars", chars)]),
            ShareError::TooBig => {
                fill(t.err_link_too_big, &[("max", &megabytes(crate::model::share::MAX_INFLATED_BYTES))])
            }
        },
    }
}

/// A size in megabytes with one decimal, e.g. `12.4 MB`.
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// One repair, as a sentence.
pub fn repair(t: &Strings, r: &Repair) -> String {
    match r {
        Repair::FieldDefaulted { kind: k, item, field } => {
            fill(t.rep_field_defaulted, &[("kind", &kind_title(t, *k)), ("item", item), ("field", field)])
        }
        Repair::ItemDropped { kind: k, index } => {
            fill(t.rep_item_dropped, &[("kind", &kind_title(t, *k)), ("index", &(index + 1))])
        }
        Repair::EntriesDropped { kind: k, item, field, count } => fill(
            t.rep_entries_dropped,
            &[("kind", &kind_title(t, *k)), ("item", item), ("field", field), ("count", count)],
        ),
        Repair::IdReplaced { kind: k, item, old } => {
            fill(t.rep_id_replaced, &[("kind", &kind_title(t, *k)), ("item", item), ("old", old)])
        }
        Repair::NameGiven { kind: k, name } => fill(t.rep_name_given, &[("kind", &kind_title(t, *k)), ("name", name)]),
        Repair::NameChanged { kind: k, from, to } => {
            fill(t.rep_name_changed, &[("kind", &kind_title(t, *k)), ("from", from), ("to", to)])
        }
        Repair::ValueClamped { kind: k, item, field, from, to } => fill(
            t.rep_value_clamped,
            &[("kind", &kind_title(t, *k)), ("item", item), ("field", field), ("from", from), ("to", to)],
        ),
        Repair::NameShortened { kind: k, item, max } => {
            fill(t.rep_name_shortened, &[("kind", &kind_title(t, *k)), ("item", item), ("max", max)])
        }
        Repair::DateClamped { kind: k, item, field, from, to } => fill(
            t.rep_date_clamped,
            &[("kind", &kind_title(t, *k)), ("item", item), ("field", field), ("from", from), ("to", to)],
        ),
        Repair::ReferenceRemoved { kind: k, item, target, id } => fill(
            t.rep_reference_removed,
            &[("kind", &kind_title(t, *k)), ("item", item), ("target", &kind(t, *target)), ("id", id)],
        ),
    }
}

/// A cadence's name (a meeting's or a routine's).
pub fn cadence(t: &Strings, r: crate::model::service::Repeat) -> &'static str {
    t.cadences[crate::model::service::Repeat::ALL.iter().position(|x| *x == r).unwrap_or(0)]
}

/// A skill category's name.
pub fn category(t: &Strings, c: crate::model::SkillCategory) -> &'static str {
    t.categories[crate::model::SkillCategory::ALL.iter().position(|x| *x == c).unwrap_or(0)]
}

/// A letter's full name ("Accountable"), or "none".
pub fn letter_name(t: &Strings, l: Option<crate::model::Raci>) -> &'static str {
    use crate::model::Raci::*;
    match l {
        Some(R) => t.letter_names_r,
        Some(A) => t.letter_names_a,
        Some(AR) => t.letter_names_ar,
        Some(C) => t.letter_names_c,
        Some(I) => t.letter_names_i,
        None => t.letter_none,
    }
}

/// A chart finding as a plain explanation, naming the duty, role or member it concerns.
pub fn finding(t: &Strings, ws: &crate::model::Workspace, f: &crate::model::raci_check::Finding) -> String {
    use crate::model::raci_check::Check::*;
    let duty = f.duty.as_ref().and_then(|d| ws.duty(d)).map(|d| d.title.clone()).unwrap_or_default();
    let role = f.role.as_ref().and_then(|r| ws.role(r)).map(|r| r.name.clone()).unwrap_or_default();
    let member = f.member.as_ref().and_then(|m| ws.member(m)).map(|m| m.name.clone()).unwrap_or_default();
    let d = |template: &str, extra: &[(&str, &dyn std::fmt::Display)]| {
        let mut args: Vec<(&str, &dyn std::fmt::Display)> = vec![("duty", &duty), ("role", &role), ("member", &member)];
        args.extend_from_slice(extra);
        fill(template, &args)
    };
    match &f.check {
        NoAccountable => d(t.chk_no_accountable, &[]),
        ManyAccountable { count } => d(t.chk_many_accountable, &[("count", count)]),
        NoResponsible => d(t.chk_no_responsible, &[]),
        Unstaffed { responsible, accountable } => {
            let letters = match (responsible, accountable) {
                (true, true) => t.chk_letters_ra,
                (true, false) => t.chk_letters_r,
                _ => t.chk_letters_a,
            };
            d(t.chk_unstaffed, &[("letters", &letters)])
        }
        TooManyResponsible { count, limit } => d(t.chk_too_many_responsible, &[("count", count), ("limit", limit)]),
        TooManyConsulted { count, limit } => d(t.chk_too_many_consulted, &[("count", count), ("limit", limit)]),
        TooManyInformed { count, limit } => d(t.chk_too_many_informed, &[("count", count), ("limit", limit)]),
        Silo => d(t.chk_silo, &[]),
        EveryRoleInvolved { roles } => d(t.chk_every_role, &[("count", roles)]),
        RoleBottleneck { count, limit } => d(t.chk_role_bottleneck, &[("count", count), ("limit", limit)]),
        RoleOverload { count, limit } => d(t.chk_role_overload, &[("count", count), ("limit", limit)]),
        RoleIdle => d(t.chk_role_idle, &[]),
        MemberOverload { load, median } => d(t.chk_member_overload, &[("count", load), ("median", median)]),
    }
}

/// The words the Markdown handbook uses.
pub fn handbook_words(t: &'static Strings) -> crate::model::handbook::HandbookWords<'static> {
    crate::model::handbook::HandbookWords {
        title: t.handbook_title,
        roles: t.nav_roles,
        members: t.handbook_all_members,
        held_by: t.handbook_held_by,
        holds: t.handbook_holds,
        accountable: t.handbook_accountable,
        responsible: t.handbook_responsible,
        consulted: t.handbook_consulted,
        informed: t.handbook_informed,
        skills: t.handbook_skills,
        works_with: t.handbook_works_with,
        none: t.handbook_none,
        skill_member: t.handbook_skill_member,
        skill_role: t.handbook_skill_role,
        gap: t.handbook_gap,
    }
}

/// A board rule, as a sentence.
pub fn board_error(t: &Strings, e: &crate::model::board::BoardError) -> String {
    use crate::model::board::BoardError::*;
    match e {
        NoTask | NoColumn => t.err_board_missing.into(),
        LastColumn => t.err_last_column.into(),
        Rule(e) => model_error(t, e),
    }
}

/// Hours with at most one decimal ("2", "2.5").
pub fn hours(h: f64) -> String {
    // `+ 0.0` turns −0 (a rounded tiny negative) into 0: "-0 of 32 h" is never shown.
    let rounded = (h * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// One reason behind an assignment suggestion.
pub fn reason(t: &Strings, r: &crate::model::assign::Reason) -> String {
    use crate::model::assign::Reason::*;
    match r {
        Skills { met, total } => fill(t.reason_skills, &[("met", met), ("total", total)]),
        Gap { skill, have, need } => fill(t.reason_gap, &[("skill", skill), ("have", have), ("need", need)]),
        Responsible => t.reason_responsible.into(),
        Accountable => t.reason_accountable.into(),
        Spare { hours: h } => fill(t.reason_spare, &[("hours", &hours(*h))]),
        Over { hours: h } => fill(t.reason_over, &[("hours", &hours(*h))]),
    }
}

/// What an undo step did, as a phrase ("change to the board").
pub fn change(t: &Strings, c: crate::model::history::Change) -> String {
    use crate::model::history::{Action, Area};
    let area = t.change_areas[match c.area {
        Area::Members => 0,
        Area::Roles => 1,
        Area::Skills => 2,
        Area::Departments => 3,
        Area::Chart => 4,
        Area::Board => 5,
        Area::Training => 6,
        Area::Kpis => 7,
        Area::Settings => 8,
        Area::Meetings => 9,
        Area::Improvements => 10,
        Area::Routines => 11,
        Area::People => 12,
    }];
    let template = match c.action {
        Action::Added => t.change_added,
        Action::Removed => t.change_removed,
        Action::Edited => t.change_edited,
    };
    fill(template, &[("area", &area)])
}

/// A day in words, e.g. `Nov 23, 2026` or `2026年11月23日`.
pub fn date(t: &Strings, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    fill(t.date_pattern, &[("year", &d.year()), ("month", &t.months[d.month0() as usize]), ("day", &d.day())])
}

/// What a removal would break, as sentences for its confirmation (empty when nothing).
pub fn impact(t: &Strings, ws: &crate::model::Workspace, i: &crate::model::impact::Impact) -> String {
    let mut out = Vec::new();
    if !i.new_errors.is_empty() {
        let list: Vec<String> = i.new_errors.iter().map(|f| finding(t, ws, f)).collect();
        out.push(fill(t.impact_errors, &[("count", &i.new_errors.len()), ("list", &list.join(" "))]));
    }
    if !i.tasks.is_empty() {
        out.push(fill(t.impact_tasks, &[("count", &i.tasks.len())]));
    }
    if i.training > 0 {
        out.push(fill(t.impact_training, &[("count", &i.training)]));
    }
    out.join(" ")
}

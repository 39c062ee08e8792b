//! Turning model values (errors, repairs, kinds) into sentences of one language.

use super::{fill, Strings};
use crate::model::import::{ImportError, Repair};
use crate::model::{Kind, ModelError};

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Member => 0,
        Kind::Role => 1,
        Kind::Skill => 2,
        Kind::Department => 3,
        Kind::Workspace => 4,
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
        ModelError::EmptyName { kind: k } => fill(t.err_empty_name, &[("kind", &kind(t, *k))]),
        ModelError::DuplicateName { kind: k, name } => {
            fill(t.err_duplicate_name, &[("kind", &kind(t, *k)), ("name", name)])
        }
        ModelError::DuplicateId { kind: k, id } => fill(t.err_duplicate_id, &[("kind", &kind(t, *k)), ("id", id)]),
        ModelError::CapacityOutOfRange(_) => t.err_capacity.into(),
        ModelError::LevelOutOfRange(_) => t.err_level.into(),
        ModelError::HeadcountOutOfRange(_) => t.err_headcount.into(),
        ModelError::DuplicateEntry { kind: k, .. } => fill(t.err_duplicate_entry, &[("kind", &kind(t, *k))]),
        ModelError::UnknownReference { kind: k, .. } => fill(t.err_unknown_reference, &[("kind", &kind(t, *k))]),
    }
}

/// Why a file was refused, as a clause that fits into [`Strings::import_failed`].
pub fn import_error(t: &Strings, e: &ImportError) -> String {
    match e {
        ImportError::Empty => t.err_empty_file.into(),
        ImportError::TooLarge { bytes } => fill(t.err_too_large, &[("size", &megabytes(*bytes))]),
        ImportError::TooDeep => t.err_too_deep.into(),
        ImportError::Truncated => t.err_truncated.into(),
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
        Repair::ReferenceRemoved { kind: k, item, target, id } => fill(
            t.rep_reference_removed,
            &[("kind", &kind_title(t, *k)), ("item", item), ("target", &kind(t, *target)), ("id", id)],
        ),
    }
}

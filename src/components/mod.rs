//! Components, one per file, grouped by area. They turn events into model calls.

pub mod board;
pub mod charts;
pub mod insights;
pub mod ops;
pub mod raci;
pub mod roles;
pub mod shared;
pub mod skills;
pub mod team;
pub mod workspace;

use crate::i18n::Strings;
use crate::state::AppState;
use leptos::prelude::GetUntracked;

/// The strings of the current language. The app re-renders as a whole when the language changes.
pub fn t() -> &'static Strings {
    AppState::expect().lang.get_untracked().strings()
}

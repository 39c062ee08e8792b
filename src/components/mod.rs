//! Components, one per file, grouped by area. They turn events into model calls.

pub mod board;
pub mod charts;
pub mod insights;
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

/// The service team template in the current language.
pub fn service_team_template() -> crate::model::Workspace {
    use leptos::prelude::GetUntracked;
    let state = AppState::expect();
    let ws = state.with_ids(|ids| crate::model::template::service_team(ids, crate::browser::now()));
    match state.lang.get_untracked() {
        crate::i18n::Lang::ZhCn => crate::model::template_zh::localize(ws, crate::model::template_zh::ZH),
        crate::i18n::Lang::En => ws,
    }
}

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

use crate::i18n::{Lang, Strings};
use crate::model::{IdGen, Workspace};
use chrono::{DateTime, Utc};
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use crate::state::AppState;
use leptos::prelude::GetUntracked;

/// The strings of the current language. The app re-renders as a whole when the language changes.
pub fn t() -> &'static Strings {
    AppState::expect().lang.get_untracked().strings()
}

/// Hands the service team template, in the current language, to `use_it`, or calls `failed` when
/// its code could not be fetched. The template (with its texts in both languages) is a split
/// point of its own, fetched on first use: only a first visit or a reset needs it.
pub fn with_service_team_template(use_it: impl FnOnce(Workspace) + 'static, failed: impl FnOnce() + 'static) {
    let state = AppState::expect();
    let lang = state.lang.get_untracked();
    leptos::task::spawn_local(async move {
        if load_template().await.is_err() {
            failed();
            return;
        }
        let made = state.with_ids(|ids| crate::app::ready_now(service_team_template(ids, crate::browser::now(), lang)));
        match made {
            Some(Ok(ws)) => use_it(ws),
            _ => failed(),
        }
    });
}

#[wasm_split(template, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_template))]
fn service_team_template(ids: &mut IdGen, now: DateTime<Utc>, lang: Lang) -> Result<Workspace, SplitLoaderError> {
    let ws = crate::model::template::service_team(ids, now);
    Ok(match lang {
        Lang::ZhCn => crate::model::template_zh::localize(ws, crate::model::template_zh::ZH),
        Lang::En => ws,
    })
}

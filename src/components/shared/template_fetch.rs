use crate::components::t;
use crate::i18n::Lang;
use crate::model::{IdGen, Workspace};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Where fetching the service team template stands, for the button that asked for it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TemplateFetch {
    Idle,
    Pending,
    Failed,
}

/// Hands the service team template, in the current language, to `use_it`; `fetch` follows the
/// fetch, and a click while one is under way starts no second one. The template (with its texts
/// in both languages) is a split point of its own, fetched on first use: only a first visit or a
/// reset needs it.
pub fn with_service_team_template(fetch: RwSignal<TemplateFetch>, use_it: impl FnOnce(Workspace) + 'static) {
    if fetch.get_untracked() == TemplateFetch::Pending {
        return;
    }
    fetch.set(TemplateFetch::Pending);
    let state = AppState::expect();
    let lang = state.lang.get_untracked();
    leptos::task::spawn_local(async move {
        let made = match load_template().await {
            Ok(()) => {
                state.with_ids(|ids| crate::browser::ready_now(service_team_template(ids, crate::browser::now(), lang)))
            }
            Err(_) => None,
        };
        // try_: using the template may remove the screen that asked for it, and so `fetch`.
        match made {
            Some(Ok(ws)) => {
                fetch.try_set(TemplateFetch::Idle);
                use_it(ws);
            }
            _ => {
                fetch.try_set(TemplateFetch::Failed);
            }
        }
    });
}

/// Says that the template could not be fetched, while that is so.
#[component]
pub fn TemplateFetchFailed(fetch: RwSignal<TemplateFetch>) -> impl IntoView {
    view! {
        <Show when=move || fetch.get() == TemplateFetch::Failed>
            <p class="rc-banner rc-banner--error" role="alert">{t().template_load_failed}</p>
        </Show>
    }
}

#[wasm_split(template, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_template))]
fn service_team_template(ids: &mut IdGen, now: DateTime<Utc>, lang: Lang) -> Result<Workspace, SplitLoaderError> {
    let ws = crate::model::template::service_team(ids, now);
    Ok(match lang {
        Lang::ZhCn => crate::model::template_zh::localize(ws, crate::model::template_zh::ZH),
        Lang::En => ws,
    })
}

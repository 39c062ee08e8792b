use crate::components::shared::import_button::ImportButton;
use crate::components::shared::template_fetch::{with_service_team_template, TemplateFetch, TemplateFetchFailed};
use crate::components::t;
use crate::model::template;
use crate::state::AppState;
use leptos::prelude::*;

/// The first visit: start from the template, from nothing, or from a file.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let fetch = RwSignal::new(TemplateFetch::Idle);
    let from_template = move |_| with_service_team_template(fetch, move |ws| state.start_with(ws));
    let empty = move |_| state.start_with(template::empty(t.default_team_name, t.default_columns));
    view! {
        <section class="rc-page rc-welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">{t.welcome_title}</h1>
            <p class="rc-lead">{t.welcome_body}</p>
            <div class="rc-choices">
                <button type="button" class="rc-choice" on:click=from_template>
                    <strong>{t.welcome_template}</strong>
                    <span>{t.welcome_template_hint}</span>
                </button>
                <button type="button" class="rc-choice" on:click=empty>
                    <strong>{t.welcome_empty}</strong>
                    <span>{t.welcome_empty_hint}</span>
                </button>
            </div>
            <TemplateFetchFailed fetch/>
            <p><ImportButton label=t.welcome_import/></p>
        </section>
    }
}

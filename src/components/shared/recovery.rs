use crate::components::shared::import_button::ImportButton;
use crate::components::t;
use crate::i18n::{fill, import_error};
use crate::model::import::ImportError;
use crate::state::{AppState, Mode};
use leptos::prelude::*;

/// Shown instead of the app when the stored data cannot be read. Nothing is saved here.
#[component]
pub fn Recovery(error: ImportError) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    view! {
        <section class="rc-page rc-recovery" role="alert" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{t.recovery_title}</h1>
            <p>{fill(
                if state.held_original.with_untracked(Option::is_some) { t.recovery_body_held } else { t.recovery_body },
                &[("reason", &import_error(t, &error))],
            )}</p>
            <div class="rc-actions">
                <button type="button" class="rc-button rc-button--primary" on:click=move |_| state.download_backup()>
                    {t.recovery_download}
                </button>
                <ImportButton/>
                <button type="button" class="rc-button" on:click=move |_| state.mode.set(Mode::Welcome)>
                    {t.recovery_start}
                </button>
            </div>
        </section>
    }
}

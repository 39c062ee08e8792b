use crate::components::t;
use crate::state::{AppState, SaveStatus};
use leptos::prelude::*;

/// A quiet "saved" / "saving…" note in the header; failures are shown by the save banner.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    view! {
        <span class="rc-save" role="status" data-testid="save-status"
            data-state=move || match state.save.get() {
                _ if !state.complete.get() => "opening",
                SaveStatus::Saved => "saved",
                SaveStatus::Pending => "pending",
                _ => "other",
            }>
            {move || match state.save.get() {
                _ if !state.complete.get() => t.history_opening,
                SaveStatus::Saved => t.save_saved,
                SaveStatus::Pending => t.save_pending,
                SaveStatus::Held => t.save_held,
                SaveStatus::Failed(_) | SaveStatus::Blocked => "",
            }}
        </span>
    }
}

use crate::components::t;
use crate::model::team::MAX_LEVEL;
use leptos::prelude::*;

/// A 0–4 proficiency picker.
#[component]
pub fn LevelSelect(
    /// The current level.
    #[prop(into)]
    value: Signal<u8>,
    /// The accessible name ("Level in Communication").
    label: String,
    /// Runs with the chosen level.
    #[prop(into)]
    on_change: Callback<u8>,
) -> impl IntoView {
    let t = t();
    view! {
        <select
            class="rc-select rc-select--level"
            aria-label=label
            on:change=move |ev| {
                if let Ok(level) = event_target_value(&ev).parse::<u8>() {
                    on_change.run(level);
                }
            }
        >
            {(0..=MAX_LEVEL)
                .map(|l| {
                    view! {
                        <option value=l.to_string() selected=move || value.get() == l>
                            {t.levels[l as usize]}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

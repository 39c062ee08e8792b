use crate::components::t;
use crate::i18n::{change, fill};
use crate::state::AppState;
use leptos::prelude::*;

/// Undo and redo, each saying what it would do.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let undo_label = move || match state.undo_redo().0 {
        Some(c) => fill(t.undo_what, &[("what", &change(t, c))]),
        None => t.nothing_to_undo.to_string(),
    };
    let redo_label = move || match state.undo_redo().1 {
        Some(c) => fill(t.redo_what, &[("what", &change(t, c))]),
        None => t.nothing_to_redo.to_string(),
    };
    view! {
        <div class="rc-undo" role="group" aria-label=t.undo>
            <button type="button" class="rc-button rc-button--small" aria-label=undo_label title=undo_label
                disabled=move || state.undo_redo().0.is_none() on:click=move |_| state.undo()><span aria-hidden="true">"↶"</span><span class="rc-undo__word">" "{t.undo}</span></button>
            <button type="button" class="rc-button rc-button--small" aria-label=redo_label title=redo_label
                disabled=move || state.undo_redo().1.is_none() on:click=move |_| state.redo()><span aria-hidden="true">"↷"</span><span class="rc-undo__word">" "{t.redo}</span></button>
        </div>
    }
}

use crate::components::shared::import_button::import_file;
use crate::components::t;
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Lets a file be dropped anywhere on the page, with a visible target while dragging.
#[component]
pub fn DropZone() -> impl IntoView {
    let state = AppState::expect();
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &web_sys::Event| {
        ev.dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .map(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
            .unwrap_or(false)
    };
    // The shell is rendered again when the language changes: each render removes its listeners.
    let over = window_event_listener_untyped("dragover", move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener_untyped("dragleave", move |ev| {
        let left_window = ev.dyn_ref::<web_sys::DragEvent>().map(|d| d.related_target().is_none()).unwrap_or(true);
        if left_window {
            dragging.set(false);
        }
    });
    let drop = window_event_listener_untyped("drop", move |ev| {
        dragging.set(false);
        let file = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            import_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="rc-dropzone" aria-hidden="true">
                <p>{t().drop_hint}</p>
            </div>
        </Show>
    }
}

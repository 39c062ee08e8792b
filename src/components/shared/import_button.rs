use crate::components::t;
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a picked or dropped file and hands it to the import pipeline. Files over the limit
/// are refused before they are read.
pub fn import_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let size = file.size() as usize;
    if size > crate::model::import::MAX_BYTES {
        state.import_error.set(Some((name, crate::model::import::ImportError::TooLarge { bytes: size })));
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::browser::read_text(&file).await {
            Ok(text) => state.read_file(name, text),
            // A binary file that is not UTF-8 fails here; say so in the same place.
            Err(_) => {
                state.import_error.set(Some((name, crate::model::import::ImportError::NotJson { line: 1, column: 1 })))
            }
        }
    });
}

/// "Import from file…": a button that opens the file picker.
#[component]
pub fn ImportButton(
    /// The button's text.
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let state = AppState::expect();
    let input = NodeRef::<leptos::html::Input>::new();
    let label = label.unwrap_or(t().import_button);
    view! {
        <button type="button" class="rc-button" on:click=move |_| {
            if let Some(i) = input.get() {
                i.click();
            }
        }>{label}</button>
        <input
            type="file"
            accept=".json,application/json"
            hidden
            aria-label=label
            data-testid="import-file"
            node_ref=input
            on:change=move |ev| {
                let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                if let Some(file) = target.files().and_then(|f| f.get(0)) {
                    import_file(state, file);
                }
                // Let the same file be picked again after a fix.
                target.set_value("");
            }
        />
    }
}

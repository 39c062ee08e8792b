//! Unsaved forms survive leaving the page and reloading it: an editor keeps what was typed in
//! this tab's session storage as the user types, and the page opens the editor again with it.
//! Saving, cancelling or "Discard changes" forgets it.

use crate::components::t;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// What an editor holds: the entity as edited, and its fields kept as typed text (a number
/// half-typed is kept as it was, not as what it would parse to).
#[derive(Serialize, Deserialize)]
pub struct Draft<T> {
    pub value: T,
    pub fields: Vec<String>,
}

/// The kept draft of `form`, if one can be read. Read through a JSON tree: the entities'
/// readers from a tree are in the wasm already (import uses them), and reading the text
/// straight into `T` would add a second copy of each (about 25 KB for a task and a member).
pub fn load<T: DeserializeOwned>(form: &str) -> Option<Draft<T>> {
    let tree: serde_json::Value = serde_json::from_str(&crate::storage::draft(form)?).ok()?;
    Draft::deserialize(&tree).ok()
}

/// Keeps `form`'s values each time the user changes one (not when it opens): a form opened and
/// left untouched leaves nothing behind.
pub fn keep_while_typing<T: Serialize + 'static>(form: &'static str, read: impl Fn() -> Draft<T> + 'static) {
    Effect::new(move |first: Option<()>| {
        let draft = read();
        if first.is_some() {
            if let Ok(text) = serde_json::to_string(&draft) {
                crate::storage::set_draft(form, &text);
            }
        }
    });
}

/// Forgets `form`'s draft.
pub fn clear(form: &str) {
    crate::storage::clear_draft(form);
}

/// "Your unsaved changes were kept", with "Discard changes", at the top of an editor opened
/// again from its draft.
#[component]
pub fn DraftKept(on_discard: impl Fn() + 'static) -> impl IntoView {
    let t = t();
    view! {
        <div class="rc-banner rc-banner--info" role="status" data-testid="draft-kept">
            <p>{t.draft_kept}</p>
            <button type="button" class="rc-button rc-button--small" on:click=move |_| on_discard()>{t.discard_changes}</button>
        </div>
    }
}

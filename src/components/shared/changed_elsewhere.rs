use crate::components::t;
use crate::model::ops::{entity_value, underneath, Coll, Underneath};
use crate::state::AppState;
use leptos::prelude::*;
use serde_json::Value;

/// A value as a person reads it in a notice.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        Value::Bool(b) => if *b { "✓" } else { "✗" }.into(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        Value::Object(_) => "…".into(),
    }
}

/// Inside an open form: says when the entity it edits was changed elsewhere (another tab, a
/// colleague through team sync) and shows their values beside the form's, or that it was
/// removed. The form stays open with what was typed; saving keeps the form's values.
#[component]
pub fn ChangedElsewhere(
    coll: Coll,
    id: String,
    /// The form's field labels by the entity's field names; other fields are not listed.
    labels: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let original = state.ws.with_untracked(|w| entity_value(w, coll, &id)).unwrap_or(Value::Null);
    let now = move || state.ws.watch(&[coll], |w| underneath(&original, entity_value(w, coll, &id).as_ref()));
    move || {
        match now() {
        Underneath::Same => None,
        Underneath::Removed => Some(view! {
            <div class="rc-banner rc-banner--warning" role="status" data-testid="changed-elsewhere"><p>{t.removed_elsewhere}</p></div>
        }.into_any()),
        Underneath::Changed(fields) => {
            let lines: Vec<String> = fields
                .iter()
                .filter_map(|(f, v)| labels.iter().find(|(k, _)| k == f).map(|(_, label)| format!("{label}: {}", text(v))))
                .collect();
            (!lines.is_empty()).then(|| view! {
                <div class="rc-banner rc-banner--warning" role="status" data-testid="changed-elsewhere">
                    <p>{t.changed_elsewhere}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }.into_any())
        }
    }
    }
}

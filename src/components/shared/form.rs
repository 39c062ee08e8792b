//! One kit for every editor (member, task, role, skill, duty, meeting, minutes, improvement,
//! routine, check-in):
//!
//! - it keeps what was typed in this tab's session storage as the user types, so that leaving
//!   the page (a link, Alt+digit, Back) or reloading it loses nothing, and the page opens the
//!   editor again with it ("Your unsaved changes were kept");
//! - it says when its entity changed or was removed elsewhere (another tab, a colleague through
//!   team sync) while it was open;
//! - it saves only the fields the user changed: the entity as the form opened it, what the form
//!   holds and what is current are merged three ways (`ops::three_way`), so that another
//!   person's change to another field survives;
//! - a form whose entity was removed elsewhere cannot bring it back by Save: it says so, and
//!   offers an explicit "Save as new". A kept draft of a removed entity is not reopened as new.

use crate::components::t;
use crate::model::commands::Cmd;
use crate::model::ops::{entity_value, three_way, underneath, Coll, Op, Underneath};
use crate::state::AppState;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

/// How a form was opened: on something new, or on an entity as it was then (the base of the
/// three-way save).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Opened {
    New,
    On(Value),
}

/// What a form keeps in session storage while the user types.
#[derive(Serialize, Deserialize)]
struct Kept<T> {
    value: T,
    fields: Vec<String>,
    opened: Opened,
}

/// The id of an entity, as its JSON says.
fn id_of<T: Serialize>(entity: &T) -> String {
    crate::model::json::value_of(entity).get("id").and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The kept draft of form `key`, if one can be read. Read through a JSON tree: the entities'
/// readers from a tree are in the wasm already (import uses them).
fn load<T: DeserializeOwned>(key: &str) -> Option<Kept<T>> {
    let tree: Value = serde_json::from_str(&crate::storage::draft(key)?).ok()?;
    Kept::deserialize(&tree).ok()
}

/// The entity a kept draft of form `key` is about, for a page to open its editor again.
pub fn kept<T: DeserializeOwned>(key: &str) -> Option<T> {
    load(key).map(|k| k.value)
}

/// The id of the entity a kept draft of form `key` is about.
pub fn kept_id(key: &str) -> Option<String> {
    let tree: Value = serde_json::from_str(&crate::storage::draft(key)?).ok()?;
    tree.get("value")?.get("id")?.as_str().map(str::to_owned)
}

/// One open editor: the entity as the form holds it, its text fields as typed (a number
/// half-typed is kept as it was), and how it was opened. `Copy`: every field is a handle.
pub struct Form<T: Send + Sync + 'static> {
    key: &'static str,
    coll: Coll,
    id: StoredValue<String>,
    opened: StoredValue<Opened>,
    /// The entity as the form holds it.
    pub value: RwSignal<T>,
    /// The form's text fields, as typed.
    pub fields: RwSignal<Vec<String>>,
    /// Why the last save was refused.
    pub error: RwSignal<Option<String>>,
    /// Opened again from a kept draft.
    pub restored: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Form<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Form<T> {}

impl<T> Form<T>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Opens form `key` on `entity` of `coll`, its text fields being `fields` (as the entity
    /// gives them). A draft kept for the same entity is taken instead, as it was typed.
    pub fn open(key: &'static str, coll: Coll, entity: T, fields: Vec<String>) -> Self {
        let state = AppState::expect();
        let id = id_of(&entity);
        let (value, fields, opened, restored) = match load::<T>(key).filter(|k| id_of(&k.value) == id) {
            Some(k) => (k.value, k.fields, k.opened, true),
            None => {
                let now = state.ws.with_untracked(|w| entity_value(w, coll, &id));
                (entity, fields, now.map_or(Opened::New, Opened::On), false)
            }
        };
        let form = Form {
            key,
            coll,
            id: StoredValue::new(id),
            opened: StoredValue::new(opened),
            value: RwSignal::new(value),
            fields: RwSignal::new(fields),
            error: RwSignal::new(None),
            restored: RwSignal::new(restored),
        };
        // Kept each time the user changes something (not when it opens): a form opened and left
        // untouched leaves nothing behind.
        Effect::new(move |first: Option<()>| {
            let kept = Kept { value: form.value.get(), fields: form.fields.get(), opened: form.opened.get_value() };
            if first.is_some() {
                if let Ok(text) = serde_json::to_string(&kept) {
                    crate::storage::set_draft(key, &text);
                }
            }
        });
        form
    }

    /// Whether the form adds something new (rather than editing what exists).
    pub fn is_new(&self) -> bool {
        self.opened.with_value(|o| *o == Opened::New)
    }

    /// Text field `i`, as typed.
    pub fn field(&self, i: usize) -> String {
        self.fields.with(|f| f.get(i).cloned().unwrap_or_default())
    }

    /// Sets text field `i`.
    pub fn set_field(&self, i: usize, text: String) {
        self.fields.update(|f| {
            if let Some(x) = f.get_mut(i) {
                *x = text;
            }
        });
    }

    /// What happened to the entity elsewhere since the form opened (reactive: follows that one
    /// entity only).
    pub fn elsewhere(&self) -> Underneath {
        let Opened::On(base) = self.opened.get_value() else { return Underneath::Same };
        let state = AppState::expect();
        let (coll, id) = (self.coll, self.id.get_value());
        state.ws.entity(coll, &id, |w, at| underneath(&base, at.and_then(|_| entity_value(w, coll, &id)).as_ref()))
    }

    /// Saves: `build` makes the entity of what the form holds (its texts parsed; an error says
    /// why not), `run` is the command. The fields the user did not change keep the values they
    /// have now. True when saved (the draft is then forgotten).
    pub fn save(
        &self,
        build: impl FnOnce(T, &[String]) -> Result<T, String>,
        run: impl FnOnce(&mut Cmd, T) -> Result<Vec<Op>, String>,
    ) -> bool {
        let state = AppState::expect();
        let t = t();
        let mine = match build(self.value.get_untracked(), &self.fields.get_untracked()) {
            Ok(mine) => mine,
            Err(e) => {
                self.error.set(Some(e));
                return false;
            }
        };
        let entity = match self.opened.get_value() {
            Opened::New => mine,
            Opened::On(base) => {
                let now = state.ws.with_untracked(|w| entity_value(w, self.coll, &self.id.get_value()));
                let Some(now) = now else {
                    // Removed elsewhere: Save would bring it back. Only "Save as new" may.
                    self.error.set(Some(t.removed_cannot_save.to_string()));
                    return false;
                };
                let merged = three_way(&base, &crate::model::json::value_of(&mine), &now);
                match T::deserialize(&merged) {
                    Ok(entity) => entity,
                    Err(_) => mine,
                }
            }
        };
        let mut out = None;
        let done = state.edit(|c| {
            run(c, entity).map_err(|e| {
                out = Some(e);
            })
        });
        match done {
            Ok(()) => {
                // Saved: the form goes on from what is stored now (a form that stays open, as the
                // minutes do, merges its next save over this one).
                let id = self.id.get_value();
                if let Some(now) = state.ws.with_untracked(|w| entity_value(w, self.coll, &id)) {
                    self.opened.set_value(Opened::On(now));
                }
                self.error.set(None);
                self.restored.set(false);
                self.forget();
                true
            }
            Err(()) => {
                self.error.set(out);
                false
            }
        }
    }

    /// Saves what the form holds as a new entity, with a fresh id (`renew` gives it one): what
    /// a person asks for when what they edited was removed elsewhere.
    pub fn save_as_new(
        &self,
        renew: impl FnOnce(&mut T, &mut crate::model::IdGen),
        build: impl FnOnce(T, &[String]) -> Result<T, String>,
        run: impl FnOnce(&mut Cmd, T) -> Result<Vec<Op>, String>,
    ) -> bool {
        let state = AppState::expect();
        state.with_ids(|ids| self.value.update(|v| renew(v, ids)));
        self.id.set_value(self.value.with_untracked(id_of));
        self.opened.set_value(Opened::New);
        self.save(build, run)
    }

    /// Forgets the draft (saved, cancelled, discarded).
    pub fn forget(&self) {
        crate::storage::clear_draft(self.key);
    }
}

/// A value as a person reads it in a notice.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        Value::Bool(b) => if *b { "✓" } else { "✗" }.into(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(_) => "…".into(),
    }
}

/// The notices at the top of an editor: a kept draft ("Your unsaved changes were kept", with
/// "Discard changes"), the entity changed elsewhere (with the other values, by the form's field
/// labels), or removed elsewhere (with "Save as new").
#[component]
pub fn FormNotices(
    /// Opened again from a kept draft.
    restored: RwSignal<bool>,
    /// What happened to the entity elsewhere.
    #[prop(into)]
    elsewhere: Signal<Underneath>,
    /// The form's field labels by the entity's field names; other fields are not listed.
    labels: Vec<(&'static str, &'static str)>,
    /// Runs on "Discard changes".
    #[prop(into)]
    on_discard: Callback<()>,
    /// Runs on "Save as new" (offered when the entity was removed elsewhere).
    #[prop(into)]
    on_save_as_new: Callback<()>,
) -> impl IntoView {
    let t = t();
    view! {
        <Show when=move || restored.get()>
            <div class="rc-banner rc-banner--info" role="status" data-testid="draft-kept">
                <p>{t.draft_kept}</p>
                <button type="button" class="rc-button rc-button--small" on:click=move |_| on_discard.run(())>{t.discard_changes}</button>
            </div>
        </Show>
        {move || match elsewhere.get() {
            Underneath::Same => None,
            Underneath::Removed => Some(view! {
                <div class="rc-banner rc-banner--warning" role="status" data-testid="changed-elsewhere">
                    <p>{t.removed_elsewhere}</p>
                    <div class="rc-actions">
                        <button type="button" class="rc-button rc-button--small" on:click=move |_| on_save_as_new.run(())>{t.save_as_new}</button>
                        <button type="button" class="rc-button rc-button--small" on:click=move |_| on_discard.run(())>{t.discard_changes}</button>
                    </div>
                </div>
            }.into_any()),
            Underneath::Changed(fields) => {
                let lines: Vec<String> = fields
                    .iter()
                    .filter_map(|(f, v)| labels.iter().find(|(k, _)| k == f).map(|(_, label)| format!("{label}: {}", shown(v))))
                    .collect();
                (!lines.is_empty()).then(|| view! {
                    <div class="rc-banner rc-banner--warning" role="status" data-testid="changed-elsewhere">
                        <p>{t.changed_elsewhere}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }.into_any())
            }
        }}
    }
}

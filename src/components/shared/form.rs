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
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// How a form was opened: on something new, or on an entity as it was then (the base of the
/// three-way save).
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    New,
    On(Value),
}

/// What a form keeps in session storage while the user types, as a JSON tree: `value` (the
/// entity as the form holds it), `fields` (its text fields as typed) and `base` (the entity as
/// the form opened it; absent for a new one). A tree rather than a struct of each entity type:
/// the entities' readers and writers of trees are in the wasm already (import and the ops use
/// them), and the kit's own code is then one copy for every editor.
fn kept_tree(key: &str) -> Option<Value> {
    serde_json::from_str(&crate::storage::draft(key)?).ok()
}

/// Keeps a form's draft (not generic: one copy for every editor).
fn keep(key: &str, value: Value, fields: &[String], opened: &Opened) {
    let mut tree = serde_json::Map::new();
    tree.insert("value".into(), value);
    tree.insert("fields".into(), Value::from(fields.to_vec()));
    if let Opened::On(base) = opened {
        tree.insert("base".into(), base.clone());
    }
    // serde_json's writer, not Value's Display (which brings a pretty printer and io errors).
    crate::storage::set_draft(key, &serde_json::to_string(&tree).unwrap_or_default());
}

/// The entity a kept draft of form `key` is about, for a page to open its editor again.
pub fn kept<T: DeserializeOwned>(key: &str) -> Option<T> {
    T::deserialize(kept_tree(key)?.get("value")?).ok()
}

/// The id of the entity a kept draft of form `key` is about.
pub fn kept_id(key: &str) -> Option<String> {
    kept_tree(key)?.get("value")?.get("id")?.as_str().map(str::to_owned)
}

/// Gives an entity (a JSON tree) of `coll` a fresh id.
fn renew(coll: Coll, entity: &mut Value) {
    let id = AppState::expect().with_ids(|ids| ids.next_id(coll.decl().prefix));
    entity["id"] = Value::from(id);
}

/// The id of an entity, as its JSON says.
fn id_of(entity: &Value) -> String {
    entity.get("id").and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// How a form on `entity` (a JSON tree) of `coll` opens: from the kept draft of form `key` when
/// it is about the same entity (its value, fields and base), else as the entity is now. (A
/// draft with no base is of something new; one kept by an earlier version, which kept no base,
/// opens on the entity as it is now where it exists.)
fn opening(key: &str, coll: Coll, entity: &Value) -> (Option<(Value, Vec<String>)>, Opened) {
    let id = id_of(entity);
    let kept = kept_tree(key).filter(|k| k.get("value").is_some_and(|v| id_of(v) == id));
    let now = || AppState::expect().ws.with_untracked(|w| entity_value(w, coll, &id));
    match kept {
        Some(mut k) => {
            let fields = k.get("fields").and_then(Value::as_array).into_iter().flatten();
            let fields = fields.map(|f| f.as_str().unwrap_or_default().to_owned()).collect();
            let opened = match k.get_mut("base") {
                Some(b) => Opened::On(b.take()),
                None => now().map_or(Opened::New, Opened::On),
            };
            (Some((k.get_mut("value").map(Value::take).unwrap_or_default(), fields)), opened)
        }
        None => (None, now().map_or(Opened::New, Opened::On)),
    }
}

/// What a save of `mine` (the entity as the form holds it) writes: `mine` for a new entity; over
/// one that exists, `mine` merged three ways with the entity as the form opened it and as it is
/// now. An error when it was removed meanwhile.
fn to_save(coll: Coll, id: &str, opened: &Opened, mine: Value) -> Result<Value, String> {
    let Opened::On(base) = opened else { return Ok(mine) };
    let now = AppState::expect().ws.with_untracked(|w| entity_value(w, coll, id));
    // Removed elsewhere: Save would bring it back. Only "Save as new" may.
    let now = now.ok_or_else(|| t().removed_cannot_save.to_string())?;
    Ok(three_way(base, &mine, &now))
}

/// Makes the entity of what a form holds: its texts parsed (an error says why not).
pub type Build<'a, T> = &'a dyn Fn(T, &[String]) -> Result<T, String>;
/// The command a form's save runs (an error is the message to show).
pub type Run<'a, T> = &'a dyn Fn(&mut Cmd, T) -> Result<Vec<Op>, String>;

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
        let tree = crate::model::json::value_of(&entity);
        let id = id_of(&tree);
        let (kept, opened) = opening(key, coll, &tree);
        let restored = kept.is_some();
        let (value, fields) = match kept.and_then(|(v, f)| T::deserialize(&v).ok().map(|v| (v, f))) {
            Some(k) => k,
            None => (entity, fields),
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
            let value = form.value.with(crate::model::json::value_of);
            form.fields.with(|fields| {
                if first.is_some() {
                    form.opened.with_value(|opened| keep(key, value, fields, opened));
                }
            });
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
    pub fn save(&self, build: Build<T>, run: Run<T>) -> bool {
        let mine = self.fields.with_untracked(|f| build(self.value.get_untracked(), f));
        let entity = mine.and_then(|mine| {
            let merged = self
                .opened
                .with_value(|o| to_save(self.coll, &self.id.get_value(), o, crate::model::json::value_of(&mine)))?;
            Ok(T::deserialize(&merged).unwrap_or(mine))
        });
        let entity = match entity {
            Ok(entity) => entity,
            Err(e) => {
                self.error.set(Some(e));
                return false;
            }
        };
        let mut refused = None;
        let done = AppState::expect().edit(|c| run(c, entity).map_err(|e| refused = Some(e)));
        self.after_save(done.is_ok(), refused)
    }

    /// Saves what the form holds as a new entity: what a person asks for when what they edited
    /// was removed elsewhere. With `fresh_id`, it gets a fresh id of its collection's kind (the
    /// minutes of a meeting keep theirs: it names the meeting and the day).
    pub fn save_as_new(&self, fresh_id: bool, build: Build<T>, run: Run<T>) -> bool {
        let mut tree = self.value.with_untracked(crate::model::json::value_of);
        if fresh_id {
            renew(self.coll, &mut tree);
            if let Ok(v) = T::deserialize(&tree) {
                // Untracked: the draft is not kept again for a change the user did not make
                // (the save forgets it).
                self.value.update_untracked(|x| *x = v);
            }
        }
        self.id.set_value(id_of(&tree));
        self.opened.set_value(Opened::New);
        self.save(build, run)
    }

    /// An editor's two saves: its form's submit, and "Save as new" (for [`FormNotices`]). Each
    /// runs `done` once saved (an editor closes).
    pub fn saves<B, R>(
        self,
        build: B,
        run: R,
        done: impl Fn() + Copy + Send + Sync + 'static,
    ) -> (impl Fn(leptos::ev::SubmitEvent) + Copy + 'static, impl Fn(()) + Copy + Send + Sync + 'static)
    where
        B: Fn(T, &[String]) -> Result<T, String> + Copy + Send + Sync + 'static,
        R: Fn(&mut Cmd, T) -> Result<Vec<Op>, String> + Copy + Send + Sync + 'static,
    {
        let save = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if self.save(&build, &run) {
                done();
            }
        };
        let save_as_new = move |()| {
            if self.save_as_new(true, &build, &run) {
                done();
            }
        };
        (save, save_as_new)
    }

    /// Forgets the draft (saved, cancelled, discarded).
    pub fn forget(&self) {
        crate::storage::clear_draft(self.key);
    }

    fn after_save(&self, saved: bool, refused: Option<String>) -> bool {
        saved_or_not(self.key, self.coll, self.id, self.opened, self.error, self.restored, saved, refused)
    }
}

/// After a save: saved, the form goes on from what is stored now (a form that stays open, as
/// the minutes do, merges its next save over this one) and forgets its draft; refused, it says
/// why. Not generic: one copy for every editor.
#[allow(clippy::too_many_arguments)]
fn saved_or_not(
    key: &str,
    coll: Coll,
    id: StoredValue<String>,
    opened: StoredValue<Opened>,
    error: RwSignal<Option<String>>,
    restored: RwSignal<bool>,
    saved: bool,
    refused: Option<String>,
) -> bool {
    if !saved {
        error.set(refused);
        return false;
    }
    let now = AppState::expect().ws.with_untracked(|w| entity_value(w, coll, &id.get_value()));
    if let Some(now) = now {
        opened.set_value(Opened::On(now));
    }
    error.set(None);
    restored.set(false);
    crate::storage::clear_draft(key);
    true
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

//! A task's comments and its activity list, under the task editor (issue 15).

use crate::components::t;
use crate::i18n::{date, fill, model_error};
use crate::model::ops::Coll;
use crate::model::thread::{activity, comments, Activity, Change};
use crate::model::{EntryId, TaskId, Workspace};
use crate::state::AppState;
use chrono::{DateTime, Timelike, Utc};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::atomic::AtomicBool;

/// Whether the thread's code has arrived (for the session).
static LOADED: AtomicBool = AtomicBool::new(false);

/// Where a task's thread goes in its editor. Its code is a split point of its own, fetched when
/// a task is first opened: the board's first screen does without it.
#[component]
pub fn TaskThread(task: TaskId) -> impl IntoView {
    crate::components::shared::lazy::lazy(&LOADED, load_thread, move || {
        crate::browser::ready_now(thread_view(task.clone())).and_then(Result::ok)
    })
}

#[wasm_split(thread, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_thread))]
fn thread_view(task: TaskId) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Thread task/> }.into_any())
}

/// A comment as shown: its id, who wrote it, when, and what.
type Said = (EntryId, String, String, String);

/// The comments on `task` with a box to add one (signed with "I am"), and the task's activity:
/// its moves, and who assigned whom and changed its priority. Follows the workspace: a
/// colleague's comment shows as it arrives.
#[component]
fn Thread(task: TaskId) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let offset = crate::browser::local_offset();
    let when = move |at: DateTime<Utc>| {
        let local = at.with_timezone(&offset);
        format!("{} {:02}:{:02}", date(t, local.date_naive()), local.hour(), local.minute())
    };
    let name = move |w: &Workspace, m: &Option<crate::model::MemberId>| match m {
        None => t.someone.to_owned(),
        Some(m) => w.member(m).map_or_else(|| t.former_member.to_owned(), |m| m.name.clone()),
    };
    let task = StoredValue::new(task);
    // Each list follows what it shows: the comments their thread and the names, the activity the
    // task's moves and the columns as well.
    let said = move || {
        let id = task.get_value();
        state.ws.watch(&[Coll::Thread, Coll::Members], |w| {
            comments(&id, &w.thread)
                .into_iter()
                .map(|e| (e.id.clone(), name(w, &e.author), when(e.at), e.text.clone()))
                .collect::<Vec<Said>>()
        })
    };
    let lines = move || {
        let id = task.get_value();
        state.ws.watch(&[Coll::Thread, Coll::Tasks, Coll::Members, Coll::Columns], |w| {
            let column =
                |c: &crate::model::ColumnId| w.board.column(c).map_or_else(|| c.to_string(), |c| c.name.clone());
            w.board
                .task(&id)
                .map(|task| activity(task, &w.thread))
                .unwrap_or_default()
                .into_iter()
                .map(|a| {
                    let line = match &a {
                        Activity::Created { column: c, .. } => fill(t.act_created, &[("column", &column(c))]),
                        Activity::Moved { from, to, .. } => {
                            fill(t.act_moved, &[("from", &column(from)), ("to", &column(to))])
                        }
                        Activity::Changed { author, change, .. } => {
                            let who = name(w, author);
                            match change {
                                Change::Assigned(m) => {
                                    fill(t.act_assigned, &[("who", &who), ("member", &name(w, &Some(m.clone())))])
                                }
                                Change::Unassigned(m) => {
                                    fill(t.act_unassigned, &[("who", &who), ("member", &name(w, &Some(m.clone())))])
                                }
                                Change::Priority { from, to } => fill(
                                    t.act_priority,
                                    &[("who", &who), ("from", &from.as_str()), ("to", &to.as_str())],
                                ),
                            }
                        }
                    };
                    (when(a.at()), line)
                })
                .collect::<Vec<(String, String)>>()
        })
    };
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let post = move || {
        let body = text.get_untracked();
        // "I am" is read before the edit: the workspace is not readable while it is changed.
        let me = state.me_in_team();
        match state.edit(|c| task.with_value(|task| c.comment(task, me, &body))) {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(model_error(t, &e))),
        }
    };
    let signed = move || {
        state.me_in_team().and_then(|me| state.ws.watch(&[Coll::Members], |w| w.member(&me).map(|m| m.name.clone())))
    };
    view! {
        <section class="rc-thread" aria-labelledby="thread-title">
            <h3 id="thread-title">{t.thread_comments}</h3>
            {move || {
                let said = said();
                if said.is_empty() {
                    return view! { <p class="rc-muted">{t.comment_none}</p> }.into_any();
                }
                view! {
                    <ol class="rc-thread__comments" data-testid="comments">
                        {said.into_iter().map(|(id, who, at, body)| {
                            let label = fill(t.comment_remove_named, &[("who", &who), ("when", &at)]);
                            view! {
                                <li class="rc-comment">
                                    <p class="rc-comment__head"><strong>{who}</strong>" "<time class="rc-muted">{at}</time></p>
                                    <p class="rc-comment__text">{body}</p>
                                    <button type="button" class="rc-button rc-button--small" aria-label=label
                                        on:click=move |_| { let _ = state.edit(|c| c.remove_comment(&id)); }>{t.comment_remove}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <form class="rc-thread__new" novalidate on:submit=move |ev| { ev.prevent_default(); post(); }>
                <label class="rc-sr" for="comment-text">{t.comment_label}</label>
                <textarea id="comment-text" class="rc-input" rows="2" placeholder=t.comment_label maxlength="10000"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) { ev.prevent_default(); post(); }></textarea>
                <p class="rc-hint">{move || match signed() {
                    Some(name) => fill(t.comment_as, &[("name", &name)]),
                    None => t.comment_unsigned.to_owned(),
                }}</p>
                {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
                <button type="submit" class="rc-button">{t.comment_add}</button>
            </form>
            <details class="rc-thread__activity">
                <summary>{t.activity_title}</summary>
                <ol data-testid="activity">
                    {move || lines().into_iter().map(|(at, line)| view! {
                        <li><time class="rc-muted">{at}</time>" "{line}</li>
                    }).collect_view()}
                </ol>
            </details>
        </section>
    }
}

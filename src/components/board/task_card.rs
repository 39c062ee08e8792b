use super::card_id;
use super::cards::{card_view, filtered_out, Matching, MoveTo, OverFlags};
use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::{ColumnId, MemberId, Task, TaskId, TaskType};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A card: title, priority, people, due or service badge, skills and labels. Drag it, or focus
/// it and press Shift + arrow keys to move it; Enter opens it.
#[component]
pub fn TaskCard(
    id: TaskId,
    column: ColumnId,
    /// The cell's drop position, set while a card is dragged over this one.
    drop_before: RwSignal<Option<Option<TaskId>>>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let editing = expect_context::<RwSignal<Option<Task>>>();
    let over = expect_context::<Memo<Vec<MemberId>>>();
    let flags = expect_context::<OverFlags>();
    let matching = expect_context::<Matching>();
    let moves = use_context::<MoveTo>();
    let offset = crate::browser::local_offset();
    // The card follows its own task, the names it shows and the clock; nothing else.
    let card = {
        let id = id.clone();
        Memo::new(move |_| {
            let now = state.now.get();
            {
                state.ws.watch(&[Coll::Members, Coll::Skills, Coll::Columns, Coll::Settings], |_| ());
                state.ws.entity(Coll::Tasks, id.as_str(), |ws, at| {
                    at.and_then(|i| ws.board.tasks.get(i))
                        .map(|task| card_view(ws, task, now, offset, |m| flags.get(m, over)))
                })
            }
        })
    };
    move || {
        card.get().map(|card| {
    let (id, column, state, t, editing) = (id.clone(), column.clone(), state, t, editing);
    let type_index = TaskType::ALL.iter().position(|k| *k == card.kind).unwrap_or(0);
    let label = fill(
        t.card_label,
        &[("title", &card.title), ("priority", &t.priorities[card.priority.index()]), ("column", &card.column_name)],
    );
    let open = {
        let id = id.clone();
        move || editing.set(state.ws.with_untracked(|w| w.board.task(&id).cloned()))
    };
    let on_keydown = {
        let id = id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if !ev.shift_key() {
                return;
            }
            let key = ev.key();
            use crate::model::board::Nudge;
            let by = match key.as_str() {
                "ArrowLeft" => Nudge::Left,
                "ArrowRight" => Nudge::Right,
                "ArrowUp" => Nudge::Up,
                "ArrowDown" => Nudge::Down,
                _ => return,
            };
            ev.prevent_default();
            let moved = state.edit(|c| c.nudge_task(&id, by));
            if moved.is_ok() {
                let target = card_id(&id);
                crate::browser::focus_soon(target);
            }
        }
    };
    let drag_id = id.clone();
    let over_id = id.clone();
    view! {
        <li class=format!("rc-task rc-task--{}", card.priority.as_str().to_lowercase()) draggable="true" hidden={let id = id.clone(); move || matching.with(|m| filtered_out(m, id.as_str()))}
            data-task=id.to_string()
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", drag_id.as_str());
                    dt.set_effect_allowed("move");
                }
            }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                // Upper half: before this card; lower half: before the next one.
                let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
                let rect = el.get_bounding_client_rect();
                let upper = (ev.client_y() as f64) < rect.top() + rect.height() / 2.0;
                let before = if upper {
                    Some(over_id.clone())
                } else {
                    el.next_element_sibling().and_then(|n| n.get_attribute("data-task")).map(TaskId)
                };
                drop_before.set(Some(before));
            }>
            <button type="button" class="rc-task__open" id=card_id(&id) aria-label=label aria-describedby="board-keys"
                on:click={let open = open.clone(); move |_| open()} on:keydown=on_keydown>
                <span class="rc-task__title">{card.title.clone()}</span>
            </button>
            <div class="rc-task__meta">
                <span class=format!("rc-priority rc-priority--{}", card.priority.as_str().to_lowercase())>{card.priority.as_str()}</span>
                <span class="rc-task__type">{t.task_types[type_index]}</span>
                {card.badge.clone().map(|(kind, text)| view! { <span class=format!("rc-due rc-due--{kind}")>{text}</span> })}
                <span class="rc-people">
                    {card.people.iter().map(|(ini, name, over)| {
                        let title = if *over { format!("{name} · {}", t.over_capacity) } else { name.clone() };
                        view! { <span class="rc-avatar" class:rc-avatar--over=*over title=title.clone() aria-label=title>{ini.clone()}</span> }
                    }).collect_view()}
                </span>
            </div>
            {moves.map(|moves| {
                let (id, column) = (id.clone(), column.clone());
                let columns = moves.0.get_untracked();
                view! {
                    <select class="rc-select rc-select--auto rc-task__move" aria-label=fill(t.move_to_named, &[("title", &card.title)])
                        on:change=move |ev| {
                            let to = ColumnId(event_target_value(&ev));
                            if to != column && state.edit(|c| c.move_task(&id, &to, None)).is_ok() {
                                crate::browser::focus_soon(card_id(&id));
                            }
                        }>
                        <option value="" selected>{t.move_to}</option>
                        {columns.into_iter().map(|(c, name)| {
                            let here = c == column;
                            view! { <option value=c.to_string() disabled=here>{name}</option> }
                        }).collect_view()}
                    </select>
                }
            })}
            {(!card.skills.is_empty() || !card.labels.is_empty()).then(|| view! {
                <ul class="rc-chips rc-task__chips">
                    {card.skills.iter().map(|s| view! { <li class="rc-chip">{s.clone()}</li> }).collect_view()}
                    {card.labels.iter().map(|l| view! { <li class="rc-chip rc-chip--label">{format!("#{l}")}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
    })
    }
}

use super::board_settings::BoardSettings;
use super::cards::{filtered_out, Matching, MoveTo, OverFlags};
use super::task_card::TaskCard;
use super::task_editor::TaskEditor;
use super::workload::Workload;
use super::{LaneView, Lanes};
use crate::components::shared::keyed_signals::KeyedSignals;
use crate::components::t;
use crate::i18n::fill;
use crate::model::assign::over_capacity;
use crate::model::board::{AssigneeFilter, TaskFilter};
use crate::model::keys::KeySet;
use crate::model::ops::Coll;
use crate::model::{ColumnId, Priority, Task, TaskId, TaskType, Workspace};
use crate::state::AppState;
use leptos::prelude::*;

/// Whether cards are moved by touch here: a coarse pointer or a phone-sized screen.
fn touch_moves() -> bool {
    crate::browser::media_matches("(any-pointer: coarse), (max-width: 40rem)")
}

/// Which view of the board is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Board,
    Workload,
}

/// The key of the assignee lane for tasks with several people.
const SHARED_LANE: &str = "*";

/// The people a card dropped into an assignee lane gets: the lane's person, or nobody; `None`
/// for lanes that do not assign (the shared lane, lanes of other kinds).
fn lane_people(lanes: Lanes, key: &str) -> Option<Vec<crate::model::MemberId>> {
    match (lanes, key) {
        (Lanes::Assignee, "~") => Some(Vec::new()),
        (Lanes::Assignee, SHARED_LANE) => None,
        (Lanes::Assignee, member) => Some(vec![crate::model::MemberId(member.to_owned())]),
        _ => None,
    }
}

/// The lane a task belongs to: its key and title.
fn lane_of(ws: &Workspace, task: &Task, lanes: Lanes) -> (String, String) {
    let t = t();
    let first = || task.assignees.first().and_then(|m| ws.member(m));
    match lanes {
        Lanes::None => (String::new(), String::new()),
        // A task with several people is in one "shared" lane, not under its first person only.
        Lanes::Assignee => {
            let mut people = task.assignees.iter().filter_map(|m| ws.member(m));
            match (people.next(), people.next()) {
                (Some(_), Some(_)) => (SHARED_LANE.into(), t.lane_shared.into()),
                (Some(m), None) => (m.id.to_string(), m.name.clone()),
                _ => ("~".into(), t.unassigned.into()),
            }
        }
        Lanes::Role => first()
            .and_then(|m| m.roles.first())
            .and_then(|r| ws.role(r))
            .map_or(("~".into(), t.no_role.into()), |r| (r.id.to_string(), r.name.clone())),
        Lanes::Priority => (task.priority.as_str().into(), t.priorities[task.priority.index()].into()),
        Lanes::Type => {
            let i = TaskType::ALL.iter().position(|k| *k == task.kind).unwrap_or(0);
            (task.kind.as_str().into(), t.task_types[i].into())
        }
    }
}

/// The order lanes appear in.
fn lane_order(ws: &Workspace, lanes: Lanes) -> Vec<String> {
    match lanes {
        Lanes::None => vec![String::new()],
        Lanes::Assignee => {
            ws.members.iter().map(|m| m.id.to_string()).chain([SHARED_LANE.to_string(), "~".to_string()]).collect()
        }
        Lanes::Role => ws.roles.iter().map(|r| r.id.to_string()).chain(["~".to_string()]).collect(),
        Lanes::Priority => Priority::ALL.iter().map(|p| p.as_str().to_string()).collect(),
        Lanes::Type => TaskType::ALL.iter().map(|k| k.as_str().to_string()).collect(),
    }
}

/// The task board, its filters and swimlanes, and the workload view.
#[component]
pub fn BoardPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let view = RwSignal::new(View::Board);
    let lanes = RwSignal::new(Lanes::None);
    let editing = RwSignal::new(None::<Task>);
    let archived = RwSignal::new(None::<usize>);
    let filter = state.board_filter;
    let offset = crate::browser::local_offset();

    // Once per change, not once per card: who is over capacity. Each card follows only its own
    // assignees' flags, so a card move wakes the cards whose people changed, not all of them.
    let over = Memo::new(move |_| state.ws.watch(&[Coll::Tasks, Coll::Members, Coll::Columns], over_capacity));
    let flags = OverFlags(KeyedSignals::new());
    Effect::new(move |_| over.with(|over| flags.0.sync(|member| over.iter().any(|m| m.as_str() == member))));
    provide_context(flags);
    provide_context(over);
    // Every card stays in the page and a filter hides the others, as a plain page would: a
    // keystroke in the search changes attributes, not a thousand components.
    let matching: Matching = Memo::new(move |_| {
        let now = state.now.get();
        filter.with(|f| {
            (f.active_count() > 0).then(|| {
                state.ws.watch(&[Coll::Tasks, Coll::Columns, Coll::Settings], |ws| {
                    let ids =
                        ws.board.tasks.iter().filter(|t| f.matches(&ws.board, t, now, offset)).map(|t| t.id.as_str());
                    // Sorted by the model's one sort of keys, for look-ups by binary search.
                    KeySet::new(ids).sorted().map(str::to_owned).collect::<Vec<String>>()
                })
            })
        })
    });
    provide_context(matching);
    let lane_views = Memo::new(move |_| {
        let lanes = lanes.get();
        {
            state.ws.watch(&[Coll::Tasks, Coll::Columns, Coll::Members, Coll::Roles], |ws| {
                let columns: Vec<ColumnId> = ws.board.columns.iter().map(|c| c.id.clone()).collect();
                let mut out: Vec<LaneView> = lane_order(ws, lanes)
                    .into_iter()
                    .map(|key| LaneView {
                        key,
                        title: None,
                        cells: columns.iter().map(|c| (c.clone(), Vec::new())).collect(),
                    })
                    .collect();
                for task in ws.board.tasks.iter().filter(|t| !t.archived) {
                    let (key, title) = lane_of(ws, task, lanes);
                    let Some(lane) = out.iter_mut().find(|l| l.key == key) else { continue };
                    if lanes != Lanes::None {
                        lane.title = Some(title);
                    }
                    if let Some((_, cards)) = lane.cells.iter_mut().find(|(c, _)| c == &task.column) {
                        cards.push(task.id.clone());
                    }
                }
                // Empty lanes are hidden, but the board always shows one.
                if lanes != Lanes::None {
                    out.retain(|l| l.title.is_some());
                }
                out
            })
        }
    });
    // With lanes on, a lane with no card left by the filter is hidden.
    let lane_hidden = move |key: &str| {
        lanes.get() != Lanes::None
            && matching.with(|m| {
                m.is_some()
                    && lane_views.with(|ls| {
                        ls.iter()
                            .find(|l| l.key == key)
                            .is_none_or(|l| l.cells.iter().all(|c| c.1.iter().all(|id| filtered_out(m, id.as_str()))))
                    })
            })
    };
    // The first frame shows the top of each column; the rest follow a frame at a time, so the
    // board is usable before a thousand cards exist. Printing shows every card at once.
    let shown = RwSignal::new(super::FIRST_CARDS);
    let longest = Memo::new(move |_| {
        lane_views.with(|ls| ls.iter().flat_map(|l| l.cells.iter().map(|c| c.1.len())).max().unwrap_or(0))
    });
    Effect::new(move |_| {
        if shown.get() < longest.get() {
            request_animation_frame(move || {
                let _ = shown.try_update(|n| *n += super::MORE_CARDS);
            });
        }
    });
    let print = window_event_listener_untyped("beforeprint", move |_| {
        let _ = shown.try_set(usize::MAX);
    });
    on_cleanup(move || print.remove());
    let heads = Memo::new(move |_| {
        state.ws.watch(&[Coll::Tasks, Coll::Columns], |ws| {
            ws.board.columns.iter().map(|c| (c.id.clone(), c.name.clone(), ws.board.wip(&c.id))).collect::<Vec<_>>()
        })
    });
    provide_context(editing);
    // The editor's code, fetched once the board is on screen, is there when a card is opened.
    super::task_editor::fetch_editor_soon();
    // A task editor left open with unsaved changes (another page, a reload) opens again.
    if let Some(kept) = crate::components::shared::form::kept::<Task>(super::task_editor::FORM) {
        editing.set(Some(kept));
    }
    if touch_moves() {
        provide_context(MoveTo(Memo::new(move |_| {
            heads.with(|h| h.iter().map(|(id, name, _)| (id.clone(), name.clone())).collect::<Vec<_>>())
        })));
    }

    let add = move |_| {
        let column = state.ws.with_untracked(|w| w.board.add_column().cloned());
        let id = state.with_ids(TaskId::generate);
        editing.set(Some(Task::fresh(id, column.unwrap_or_default())));
    };
    let archive = move |_| {
        let n = state.edit_with(|c| c.archive_done()).unwrap_or(0);
        archived.set(Some(n));
    };
    let members = move || {
        state
            .ws
            .watch(&[Coll::Members], |w| w.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>())
    };
    // A memo: a card move leaves the labels as they were, and the options are not rebuilt.
    let labels = Memo::new(move |_| state.ws.watch(&[Coll::Tasks], |w| w.board.labels()));
    let filters_on = move || filter.with(TaskFilter::active_count);
    // "My tasks": the assignee filter set to whoever "I am" is in this browser.
    let ask_me = RwSignal::new(false);
    let mine_on = move || {
        let me = state.me_in_team();
        filter.with(|f| me.is_some_and(|me| f.assignee == Some(AssigneeFilter::Member(me))))
    };
    let toggle_mine = move |_| match state.me_in_team() {
        Some(me) => {
            let on = !mine_on();
            filter.update(|f| f.assignee = on.then_some(AssigneeFilter::Member(me)));
        }
        None => {
            ask_me.set(true);
            if let Some(menu) = use_context::<crate::components::shared::HeaderMenu>() {
                menu.ask_me();
            }
        }
    };
    // Where nothing is chosen, a filter's first option names it ("Priority: any").
    let any = move |label: &str| fill(t.filter_any, &[("filter", &label)]);

    view! {
        <section class="rc-page rc-board-page" aria-labelledby="board-title">
            <div class="rc-page__head rc-board-page__head">
                <h1 id="board-title">{t.board_title}</h1>
                <div class="rc-actions rc-no-print">
                    <fieldset aria-label=t.board_view_label class="rc-segmented">
                        {crate::components::shared::segment("board-view", view, View::Board, t.view_board)}
                        {crate::components::shared::segment("board-view", view, View::Workload, t.view_workload)}
                    </fieldset>
                    <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_task}</button>
                </div>
            </div>
            {move || editing.get().map(|task| {
                // Closing returns the keyboard to the card the editor came from (a new task's card
                // once it exists; nothing for a task just removed).
                let card = super::card_id(&task.id);
                view! { <TaskEditor task=task on_close=move |_| { editing.set(None); crate::browser::focus_soon(card.clone()); }/> }
            })}
            <Show when=move || view.get() == View::Workload>
                <Workload on_show=move |_| view.set(View::Board)/>
            </Show>
            <Show when=move || view.get() == View::Board>
                // One bar: every filter, each marked while it is on, and how many are on.
                <div class="rc-toolbar rc-filterbar rc-no-print" role="search" aria-label=t.search>
                    <label class="rc-sr" for="board-search">{t.search}</label>
                    <input id="board-search" class="rc-input rc-filterbar__search" type="search" placeholder=t.search
                        class:rc-filter--on=move || filter.with(|f| !f.text.trim().is_empty())
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))/>
                    <button type="button" class="rc-button rc-button--small" class:rc-filter--on=mine_on
                        aria-pressed=move || mine_on().to_string() on:click=toggle_mine>{t.my_tasks}</button>
                    <label class="rc-sr" for="board-assignee">{t.filter_assignee}</label>
                    <select id="board-assignee" class="rc-select rc-select--auto" class:rc-filter--on=move || filter.with(|f| f.assignee.is_some())
                        on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.assignee = match v.as_str() {
                            "" => None,
                            "~" => Some(AssigneeFilter::Nobody),
                            id => Some(AssigneeFilter::Member(id.into())),
                        });
                    }>
                        <option value="" selected=move || filter.with(|f| f.assignee.is_none())>{any(t.filter_assignee)}</option>
                        <option value="~" selected=move || filter.with(|f| f.assignee == Some(AssigneeFilter::Nobody))>{t.unassigned}</option>
                        {move || members().into_iter().map(|(id, name)| {
                            let sel = AssigneeFilter::Member(id.clone());
                            view! { <option value=id.to_string() selected=move || filter.with(|f| f.assignee.as_ref() == Some(&sel))>{name}</option> }
                        }).collect_view()}
                    </select>
                    <label class="rc-sr" for="board-priority">{t.filter_priority}</label>
                    <select id="board-priority" class="rc-select rc-select--auto" class:rc-filter--on=move || filter.with(|f| f.priority.is_some())
                        on:change=move |ev| filter.update(|f| f.priority = Priority::parse(&event_target_value(&ev)))>
                        <option value="" selected=move || filter.with(|f| f.priority.is_none())>{any(t.filter_priority)}</option>
                        {Priority::ALL.into_iter().map(|p| view! {
                            <option value=p.as_str() selected=move || filter.with(|f| f.priority == Some(p))>{t.priorities[p.index()]}</option>
                        }).collect_view()}
                    </select>
                    <label class="rc-sr" for="board-type">{t.filter_type}</label>
                    <select id="board-type" class="rc-select rc-select--auto" class:rc-filter--on=move || filter.with(|f| f.kind.is_some())
                        on:change=move |ev| filter.update(|f| f.kind = TaskType::parse(&event_target_value(&ev)))>
                        <option value="" selected=move || filter.with(|f| f.kind.is_none())>{any(t.filter_type)}</option>
                        {TaskType::ALL.into_iter().enumerate().map(|(i, k)| view! {
                            <option value=k.as_str() selected=move || filter.with(|f| f.kind == Some(k))>{t.task_types[i]}</option>
                        }).collect_view()}
                    </select>
                    <label class="rc-sr" for="board-label">{t.filter_label}</label>
                    <select id="board-label" class="rc-select rc-select--auto" class:rc-filter--on=move || filter.with(|f| f.label.is_some())
                        on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.label = (!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || filter.with(|f| f.label.is_none())>{any(t.filter_label)}</option>
                        {move || labels.get().into_iter().map(|l| {
                            let (v, value) = (l.clone(), l.clone());
                            view! { <option value=value selected=move || filter.with(|f| f.label.as_ref() == Some(&v))>{l}</option> }
                        }).collect_view()}
                    </select>
                    <label class="rc-check" class:rc-filter--on=move || filter.with(|f| f.overdue_only)>
                        <input type="checkbox" prop:checked=move || filter.with(|f| f.overdue_only)
                            on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev))/>
                        {t.filter_overdue}
                    </label>
                    <label class="rc-sr" for="board-lanes">{t.swimlanes}</label>
                    <select id="board-lanes" class="rc-select rc-select--auto" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        lanes.set(Lanes::ALL.into_iter().find(|l| l.as_str() == v).unwrap_or(Lanes::None));
                    }>
                        {Lanes::ALL.into_iter().map(|l| {
                            let label = match l {
                                Lanes::None => t.lane_none,
                                Lanes::Assignee => t.lane_assignee,
                                Lanes::Role => t.lane_role,
                                Lanes::Priority => t.lane_priority,
                                Lanes::Type => t.lane_type,
                            };
                            view! { <option value=l.as_str() selected=move || lanes.get() == l>{label}</option> }
                        }).collect_view()}
                    </select>
                    <Show when=move || { filters_on() > 0 }>
                        <p class="rc-filters-on" role="status">
                            <span>{move || fill(t.filters_on, &[("count", &filters_on())])}</span>
                            <button type="button" class="rc-button rc-button--small" on:click=move |_| filter.set(TaskFilter::default())>
                                {t.clear_filters}
                            </button>
                        </p>
                    </Show>
                </div>
                <Show when=move || ask_me.get() && state.me_in_team().is_none()>
                    <p class="rc-hint" role="status">{t.choose_me}</p>
                </Show>
                <div class="rc-board" class:rc-board--columns=move || lanes.get() == Lanes::None
                    style:--rc-columns=move || heads.with(Vec::len).to_string()>
                    <div class="rc-board__heads">
                        {move || heads.get().into_iter().map(|(id, name, wip)| {
                            let count = match wip.limit {
                                Some(l) => format!("{} / {l}", wip.count),
                                None => wip.count.to_string(),
                            };
                            let over = wip.is_over();
                            let warning = over.then(|| fill(t.wip_over, &[("count", &wip.count), ("limit", &wip.limit.unwrap_or(0))]));
                            view! {
                                <div class="rc-board__head" class:rc-board__head--over=over class:rc-board__head--at=wip.is_at()
                                    data-column=id.to_string()>
                                    <h2 class="rc-board__title">{name}</h2>
                                    <span class="rc-board__count" title=fill(t.tasks_in_column, &[("count", &wip.count)])>{count}</span>
                                    {warning.map(|w| view! { <p class="rc-board__wip" role="status">{w}</p> })}
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    // Lanes and cells are keyed by what they are, and each cell follows its own cards,
                    // so a move re-renders only the cards that changed.
                    <For each=move || lane_views.with(|ls| ls.iter().map(|l| (l.key.clone(), l.title.clone(), l.cells.iter().map(|c| c.0.clone()).collect::<Vec<_>>())).collect::<Vec<_>>())
                        key=|l| l.clone() let:lane>
                        <div class="rc-board__lane" hidden={let key = lane.0.clone(); move || lane_hidden(&key)}>
                            {lane.1.clone().map(|title| view! { <h3 class="rc-board__lane-title">{title}</h3> })}
                            <div class="rc-board__cells">
                                {lane.2.into_iter().map(|column| {
                                    let (key, col) = (lane.0.clone(), column.clone());
                                    let cards = Memo::new(move |_| lane_views.with(|ls| {
                                        ls.iter().find(|l| l.key == key)
                                            .and_then(|l| l.cells.iter().find(|(c, _)| c == &col))
                                            .map(|(_, cards)| cards.clone())
                                            .unwrap_or_default()
                                    }));
                                    let people = lane_people(lanes.get_untracked(), &lane.0);
                                    view! { <BoardCell column=column cards=cards shown=shown people=people/> }
                                }).collect_view()}
                            </div>
                        </div>
                    </For>
                </div>
                <div class="rc-actions rc-no-print">
                    <button type="button" class="rc-button" on:click=archive>{t.archive_done}</button>
                    {move || archived.get().map(|n| view! { <span role="status">{fill(t.archived_n, &[("count", &n)])}</span> })}
                </div>
                <p class="rc-hint rc-no-print" id="board-keys">{t.board_intro}</p>
                <ArchivedTasks/>
                <BoardSettings/>
            </Show>
        </section>
    }
}

/// The cards of one column in one lane, and the drop target for drags.
#[component]
fn BoardCell(
    column: ColumnId,
    cards: Memo<Vec<TaskId>>,
    shown: RwSignal<usize>,
    /// Who a card dropped here is assigned to (a person's swimlane), if the lane assigns.
    people: Option<Vec<crate::model::MemberId>>,
) -> impl IntoView {
    let state = AppState::expect();
    // A prop, not context: sibling cells share an owner, so context would be overwritten.
    let drop_before = RwSignal::new(None::<Option<TaskId>>);
    let col = column.clone();
    let card_column = column.clone();
    let (add_column, add_people) = (column.clone(), people.clone());
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(moving) = ev.data_transfer().and_then(|d| d.get_data("text/plain").ok()).filter(|s| !s.is_empty())
        else {
            return;
        };
        let moving = TaskId(moving);
        let before = drop_before.get_untracked().flatten();
        drop_before.set(None);
        let me = state.me_in_team();
        let _ = state.edit(|c| c.drop_task(&moving, &col, before.as_ref(), people.clone(), me));
    };
    view! {
        <ul class="rc-board__cell" data-column=column.to_string()
            class:rc-board__cell--target=move || drop_before.with(Option::is_some)
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                // Over the list itself (not a card): the drop goes last.
                if ev.target() == ev.current_target() {
                    drop_before.set(Some(None));
                }
            }
            on:dragleave=move |ev: leptos::ev::DragEvent| {
                if ev.target() == ev.current_target() {
                    drop_before.set(None);
                }
            }
            on:drop=on_drop>
            <For each=move || cards.with(|c| c.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|id| id.clone() let:id>
                <TaskCard id=id column=card_column.clone() drop_before=drop_before/>
            </For>
            <QuickAdd column=add_column people=add_people/>
        </ul>
    }
}

/// "+ Add a card" at the foot of a column: a card from its title alone, as in Trello. The field
/// stays open for the next one; Escape closes it. In a person's swimlane the card is theirs.
#[component]
fn QuickAdd(column: ColumnId, people: Option<Vec<crate::model::MemberId>>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name = state.ws.with_untracked(|w| w.board.column(&column).map(|c| c.name.clone()).unwrap_or_default());
    let input_id = format!("quick-add-{}", column.as_str());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = title.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let id = state.with_ids(TaskId::generate);
        let task = Task {
            title: text.trim().to_owned(),
            assignees: people.clone().unwrap_or_default(),
            ..Task::fresh(id, column.clone())
        };
        match state.edit(|c| c.save_task(task)) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(crate::i18n::board_error(t, &e))),
        }
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(i) = input_ref.get() {
                let _ = i.focus();
            }
        }
    });
    let label = fill(t.quick_add_to, &[("column", &name)]);
    view! {
        <li class="rc-board__add rc-no-print">
            <Show when=move || open.get() fallback={
                let label = label.clone();
                move || view! {
                    <button type="button" class="rc-button rc-button--small rc-board__add-button" aria-label=label.clone()
                        on:click=move |_| open.set(true)>"+ "{t.quick_add}</button>
                }
            }>
                <form class="rc-board__add-form" on:submit=add.clone()>
                    <label class="rc-sr" for=input_id.clone()>{label.clone()}</label>
                    <input id=input_id.clone() class="rc-input" type="text" node_ref=input_ref autocomplete="off"
                        placeholder=t.quick_add_title
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Escape" { ev.stop_propagation(); open.set(false); }/>
                    {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
                </form>
            </Show>
        </li>
    }
}

/// The archived tasks: listed only when asked for, searched by title or label, and restored to
/// the board one by one (undo takes a restore back).
#[component]
fn ArchivedTasks() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let count = move || state.ws.watch(&[Coll::Tasks], |w| w.board.tasks.iter().filter(|x| x.archived).count());
    let found = move || {
        let q = query.get().trim().to_lowercase();
        state.ws.watch(&[Coll::Tasks, Coll::Columns], |w| {
            w.board
                .tasks
                .iter()
                .filter(|x| x.archived)
                .filter(|x| {
                    q.is_empty()
                        || x.title.to_lowercase().contains(&q)
                        || x.labels.iter().any(|l| l.to_lowercase().contains(&q))
                })
                .take(200)
                .map(|x| {
                    (
                        x.id.clone(),
                        x.title.clone(),
                        w.board.column(&x.column).map(|c| c.name.clone()).unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="rc-panel rc-no-print rc-archived" aria-labelledby="archived-title">
            <h2 id="archived-title">
                <button type="button" class="rc-button rc-button--small" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>{move || fill(t.archived_title, &[("count", &count())])}</button>
            </h2>
            <Show when=move || open.get()>
                <div class="rc-field">
                    <label for="archived-search">{t.archived_search}</label>
                    <input id="archived-search" class="rc-input" type="search"
                        prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                </div>
                <ul class="rc-ops-list">
                    {move || {
                        let list = found();
                        if list.is_empty() {
                            return view! { <li class="rc-muted">{t.archived_none}</li> }.into_any();
                        }
                        list.into_iter().map(|(id, title, column)| view! {
                            <li class="rc-ops-item" data-testid="archived-task">
                                <div class="rc-ops-item__main"><span>{title.clone()}</span>" "<span class="rc-hint">{column}</span></div>
                                <button type="button" class="rc-button rc-button--small" aria-label=fill(t.restore_named, &[("name", &title)])
                                    on:click=move |_| { let _ = state.edit(|c| c.restore_task(&id)); }>{t.restore}</button>
                            </li>
                        }).collect_view().into_any()
                    }}
                </ul>
            </Show>
        </section>
    }
}

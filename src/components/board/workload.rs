use crate::components::t;
use crate::i18n::{fill, hours};
use crate::model::assign::open_load;
use crate::model::board::{AssigneeFilter, TaskFilter};
use crate::model::ops::Coll;
use crate::state::AppState;
use leptos::prelude::*;

/// Each active member's open estimated work against capacity, as bars, each linking to the
/// board filtered to that person.
#[component]
pub fn Workload(
    /// Runs after a member's board filter is set, to show the board.
    #[prop(into)]
    on_show: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let rows = move || {
        state.ws.watch(&[Coll::Members, Coll::Tasks, Coll::Columns], |w| {
            w.members
                .iter()
                .filter(|m| m.active)
                .map(|m| (m.id.clone(), m.name.clone(), open_load(w, &m.id), m.capacity_hours as f64))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="rc-panel" aria-labelledby="workload-title">
            <h2 id="workload-title">{t.workload_title}</h2>
            <p class="rc-hint">{t.workload_intro}</p>
            <ul class="rc-workload">
                {move || rows().into_iter().map(|(id, name, load, capacity)| {
                    let over = load > capacity;
                    let pct = if capacity > 0.0 { (load / capacity * 100.0).min(100.0) } else if load > 0.0 { 100.0 } else { 0.0 };
                    let text = fill(t.workload_bar, &[("load", &hours(load)), ("capacity", &hours(capacity))]);
                    let link = fill(t.show_on_board, &[("name", &name)]);
                    view! {
                        <li class="rc-workload__row" class:rc-workload__row--over=over>
                            <span class="rc-workload__name">{name.clone()}</span>
                            <span class="rc-workload__bar" role="meter" aria-label=name.clone() aria-valuemin="0"
                                aria-valuemax=capacity.to_string() aria-valuenow=load.to_string() aria-valuetext=text.clone()>
                                <span class="rc-workload__fill" style:width=format!("{pct:.1}%")></span>
                            </span>
                            <span class="rc-workload__text">
                                {text}
                                {over.then(|| view! { " " <span class="rc-badge rc-badge--warn">{t.over_capacity}</span> })}
                            </span>
                            <button type="button" class="rc-button rc-button--small" on:click=move |_| {
                                state.board_filter.set(TaskFilter { assignee: Some(AssigneeFilter::Member(id.clone())), ..TaskFilter::default() });
                                on_show.run(());
                            }>{link}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

use super::{cell_id, column_id, ChartCtx, Column, ColumnKind};
use crate::components::shared::keyed_signals::KeyedSignals;
use crate::components::t;
use crate::i18n::{fill, letter_name};
use crate::model::ops::Coll;
use crate::model::raci_check::{member_letter, Finding, Severity};
use crate::model::{DutyId, Raci};
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The chart as a keyboard grid: duties as rows grouped by area, roles or members as columns.
/// Rows and columns with problems are marked.
#[component]
pub fn RaciMatrix(
    /// Runs when a duty's edit button is used.
    #[prop(into)]
    on_edit: Callback<DutyId>,
) -> impl IntoView {
    let ctx = ChartCtx::expect();
    let t = t();
    let findings = expect_context::<Memo<Vec<Finding>>>();
    // Each row follows its own duty's severity: a cell change wakes the rows whose marks
    // changed, not all 200.
    let rows = RowMarks(KeyedSignals::new());
    Effect::new(move |_| {
        findings.with(|f| {
            let mut worst: BTreeMap<&str, Severity> = BTreeMap::new();
            for x in f {
                if let Some(d) = &x.duty {
                    let s = worst.entry(d.as_str()).or_insert(x.severity());
                    *s = (*s).min(x.severity());
                }
            }
            rows.0.sync(|duty| worst.get(duty).copied())
        })
    });
    provide_context(rows);
    let column_marker = move |key: String| {
        findings.with(|f| {
            f.iter()
                .filter(|f| {
                    f.role.as_ref().map(|r| r.as_str()) == Some(key.as_str())
                        || f.member.as_ref().map(|m| m.as_str()) == Some(key.as_str())
                })
                .map(|f| f.severity())
                .min()
        })
    };
    view! {
        <div class="rc-raci-wrap">
            <table class="rc-raci" role="grid" aria-label=t.chart_label aria-describedby="chart-title">
                <thead>
                    <tr>
                        <th scope="col" class="rc-raci__corner">{t.col_duty}</th>
                        <For each=move || ctx.columns.get() key=|c| c.clone() let:c>
                            {
                                let key = c.key().to_owned();
                                let marker = {
                                    let key = key.clone();
                                    Memo::new(move |_| column_marker(key.clone()))
                                };
                                view! {
                                    <th scope="col" class="rc-raci__col" id=column_id(&key) tabindex="-1"
                                        class:rc-raci__col--error=move || marker.get() == Some(Severity::Error)
                                        class:rc-raci__col--warning=move || marker.get() == Some(Severity::Warning)>
                                        <span class="rc-raci__col-name">{c.name.clone()}</span>
                                        <Marker severity=marker/>
                                    </th>
                                }
                            }
                        </For>
                    </tr>
                </thead>
                <For each=move || ctx.groups.get() key=|g| g.clone() let:g>
                    <tbody>
                        <tr class="rc-raci__area">
                            <th scope="rowgroup" colspan=move || ctx.columns.with(Vec::len) + 1>
                                {if g.area.is_empty() { t.no_area.to_string() } else { g.area.clone() }}
                            </th>
                        </tr>
                        {g.duties.iter().map(|(id, title)| view! {
                            <RaciRow duty=id.clone() title=title.clone() on_edit=on_edit/>
                        }).collect_view()}
                    </tbody>
                </For>
            </table>
        </div>
    }
}

/// Each duty row's worst finding, made when the row is first shown.
#[derive(Clone, Copy)]
struct RowMarks(KeyedSignals<Option<Severity>>);

impl RowMarks {
    fn get(&self, duty: &DutyId, findings: Memo<Vec<Finding>>) -> ArcRwSignal<Option<Severity>> {
        let first = || {
            findings.with_untracked(|f| f.iter().filter(|f| f.duty.as_ref() == Some(duty)).map(|f| f.severity()).min())
        };
        self.0.get(duty.as_str(), first).unwrap_or_else(|| ArcRwSignal::new(None))
    }
}

#[component]
fn Marker(#[prop(into)] severity: Signal<Option<Severity>>) -> impl IntoView {
    let t = t();
    move || {
        severity.get().map(|s| {
            let (icon, label, class) = match s {
                Severity::Error => ("✖", t.marker_error, "rc-marker rc-marker--error"),
                Severity::Warning => ("▲", t.marker_warning, "rc-marker rc-marker--warning"),
            };
            view! { <span class=class title=label><span aria-hidden="true">{icon}</span><span class="rc-sr">{label}</span></span> }
        })
    }
}

#[component]
fn RaciRow(duty: DutyId, title: String, #[prop(into)] on_edit: Callback<DutyId>) -> impl IntoView {
    let ctx = ChartCtx::expect();
    let t = t();
    let findings = expect_context::<Memo<Vec<Finding>>>();
    let severity = {
        let mark = expect_context::<RowMarks>().get(&duty, findings);
        Signal::derive(move || mark.get())
    };
    let id = duty.clone();
    let d = duty.clone();
    view! {
        <tr class="rc-raci__row"
            class:rc-raci__row--error=move || severity.get() == Some(Severity::Error)
            class:rc-raci__row--warning=move || severity.get() == Some(Severity::Warning)>
            <th scope="row" class="rc-raci__duty" id=format!("row-{duty}")>
                <span class="rc-raci__duty-inner">
                    <Marker severity=severity/>
                    <span class="rc-raci__duty-title">{title.clone()}</span>
                    <button type="button" class="rc-icon-button rc-no-print"
                        aria-label=fill(t.edit_duty_named, &[("name", &title)])
                        title=fill(t.edit_duty_named, &[("name", &title)])
                        on:click=move |_| on_edit.run(id.clone())>"✎"</button>
                </span>
            </th>
            <For each=move || ctx.columns.get() key=|c| c.clone() let:c>
                <RaciCell duty=d.clone() column=c duty_title=title.clone()/>
            </For>
        </tr>
    }
}

#[component]
fn RaciCell(duty: DutyId, column: Column, duty_title: String) -> impl IntoView {
    let state = AppState::expect();
    let ctx = ChartCtx::expect();
    let t = t();
    let key = column.key().to_owned();
    let value = {
        let (duty, kind) = (duty.clone(), column.kind.clone());
        Memo::new(move |_| {
            // A member's letter also follows their roles; a role's only its duty row.
            if matches!(kind, ColumnKind::Member(_)) {
                state.ws.watch(&[Coll::Members, Coll::Roles], |_| ());
            }
            state.ws.entity(Coll::Duties, duty.as_str(), |w, at| {
                let Some(d) = at.and_then(|i| w.duties.get(i)) else { return (None, false) };
                match &kind {
                    ColumnKind::Role(r) => (d.role_letter(r), false),
                    ColumnKind::Member(m) => member_letter(w, d, m),
                }
            })
        })
    };
    let is_active = {
        let (duty, key) = (duty.clone(), key.clone());
        move || ctx.is_tab_stop(&duty, &key)
    };
    // `Some(letter)` sets the cell; for a member, `None` removes the override.
    let apply = {
        let (duty, kind) = (duty.clone(), column.kind.clone());
        move |next: Option<Option<Raci>>| {
            let _ = state.edit(|c| match &kind {
                ColumnKind::Role(r) => c.set_role_letter(&duty, r, next.flatten()),
                ColumnKind::Member(m) => c.set_member_letter(&duty, m, next),
            });
        }
    };
    let is_member = matches!(column.kind, ColumnKind::Member(_));
    let on_click = {
        let apply = apply.clone();
        let (duty, key) = (duty.clone(), key.clone());
        move |_| {
            ctx.active.set(Some((duty.clone(), key.clone())));
            apply(Some(Raci::cycle(value.get_untracked().0)));
        }
    };
    let on_keydown = {
        let (duty, key) = (duty.clone(), key.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let k = ev.key();
            let current = value.get_untracked().0;
            let moved = |dr: i32, dc: i32, home: bool, end: bool| {
                let rows = ctx.rows();
                let cols: Vec<String> = ctx.columns.with_untracked(|c| c.iter().map(|c| c.key().to_owned()).collect());
                let (Some(r), Some(c)) = (rows.iter().position(|d| d == &duty), cols.iter().position(|c| c == &key))
                else {
                    return;
                };
                let r = (r as i32 + dr).clamp(0, rows.len() as i32 - 1) as usize;
                let c = if home {
                    0
                } else if end {
                    cols.len() - 1
                } else {
                    (c as i32 + dc).clamp(0, cols.len() as i32 - 1) as usize
                };
                ctx.focus_cell(rows[r].clone(), cols[c].clone());
            };
            match k.as_str() {
                "ArrowUp" => moved(-1, 0, false, false),
                "ArrowDown" => moved(1, 0, false, false),
                "ArrowLeft" => moved(0, -1, false, false),
                "ArrowRight" => moved(0, 1, false, false),
                "Home" => moved(0, 0, true, false),
                "End" => moved(0, 0, false, true),
                "Enter" | " " => apply(Some(Raci::cycle(current))),
                "Delete" | "Backspace" => apply(if is_member { None } else { Some(None) }),
                _ => {
                    let mut chars = k.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if "rRaAcCiI".contains(c) => apply(Some(Raci::press(current, c))),
                        _ => return,
                    }
                }
            }
            ev.prevent_default();
        }
    };
    let label = {
        let column_name = column.name.clone();
        move || {
            let (letter, overridden) = value.get();
            let mut text = fill(
                t.cell_label,
                &[("duty", &duty_title), ("column", &column_name), ("letter", &letter_name(t, letter))],
            );
            if overridden {
                text.push_str(&format!(" ({})", t.cell_override));
            }
            text
        }
    };
    view! {
        <td role="gridcell" class="rc-raci__cell"
            id=cell_id(&duty, &key)
            tabindex=move || if is_active() { "0" } else { "-1" }
            aria-label=label
            data-letter=move || value.get().0.map(Raci::label).unwrap_or("")
            class:rc-raci__cell--override=move || value.get().1
            class:rc-raci__cell--a=move || value.get().0.is_some_and(Raci::is_accountable)
            class:rc-raci__cell--r=move || value.get().0 == Some(Raci::R)
            class:rc-raci__cell--c=move || value.get().0 == Some(Raci::C)
            class:rc-raci__cell--i=move || value.get().0 == Some(Raci::I)
            on:click=on_click
            on:keydown=on_keydown>
            {move || value.get().0.map(Raci::label).unwrap_or("")}
        </td>
    }
}

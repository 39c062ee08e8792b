use super::duty_editor::DutyEditor;
use super::problems_panel::ProblemsPanel;
use super::raci_matrix::RaciMatrix;
use super::thresholds_form::ThresholdsForm;
use super::{AreaGroup, ChartCtx, Column, ColumnKind};
use crate::components::t;
use crate::i18n::fill;
use crate::model::handbook::{chart_csv, ChartView};
use crate::model::ops::Coll;
use crate::model::raci_check::{check, Finding, Severity};
use crate::model::{schema, Duty, DutyId, RoleId};
use crate::state::AppState;
use leptos::prelude::*;

/// The responsibility chart: filters, the matrix, its problems and the duty editor.
#[component]
pub fn ChartPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let view = RwSignal::new(ChartView::Roles);
    let area = RwSignal::new(String::new());
    let role_filter = RwSignal::new(String::new());
    let only_problems = RwSignal::new(false);
    // A duty form left with unsaved changes (another page, a reload) opens again.
    let editing = RwSignal::new(crate::components::shared::form::kept::<Duty>(super::duty_editor::FORM));
    let findings: Memo<Vec<Finding>> =
        Memo::new(move |_| state.ws.watch(&[Coll::Duties, Coll::Roles, Coll::Members, Coll::Settings], check));
    provide_context(findings);

    let columns = Memo::new(move |_| {
        state.ws.watch(&[Coll::Roles, Coll::Members], |w| match view.get() {
            ChartView::Roles => {
                w.roles.iter().map(|r| Column { kind: ColumnKind::Role(r.id.clone()), name: r.name.clone() }).collect()
            }
            ChartView::Members => w
                .members
                .iter()
                .filter(|m| m.active)
                .map(|m| Column { kind: ColumnKind::Member(m.id.clone()), name: m.name.clone() })
                .collect::<Vec<_>>(),
        })
    });
    let groups = Memo::new(move |_| {
        let area = area.get();
        let role = role_filter.get();
        let only = only_problems.get();
        let problem_duties: Vec<DutyId> = findings.with(|f| f.iter().filter_map(|f| f.duty.clone()).collect());
        state.ws.watch(&[Coll::Duties], |w| {
            let mut out: Vec<AreaGroup> = Vec::new();
            for d in &w.duties {
                if !area.is_empty() && d.area != area {
                    continue;
                }
                if !role.is_empty() && d.role_letter(&RoleId(role.clone())).is_none() {
                    continue;
                }
                if only && !problem_duties.contains(&d.id) {
                    continue;
                }
                let row = (d.id.clone(), d.title.clone());
                match out.iter_mut().find(|g| g.area == d.area) {
                    Some(g) => g.duties.push(row),
                    None => out.push(AreaGroup { area: d.area.clone(), duties: vec![row] }),
                }
            }
            out
        })
    });
    let ctx = ChartCtx::new(columns, groups);
    provide_context(ctx);

    let add = move |_| {
        let id = state.with_ids(DutyId::generate);
        let area = area.get_untracked();
        editing.set(Some(Duty { id, area, ..Duty::default() }));
    };
    let download_csv = move |_| {
        let text = state.ws.with_untracked(|w| chart_csv(w, view.get_untracked(), t.f_area, t.col_duty));
        let name =
            state.ws.with_untracked(|w| schema::file_name(&w.name, "chart", crate::browser::now().date_naive(), "csv"));
        let _ = crate::browser::download(&name, &text, "text/csv;charset=utf-8");
    };
    let print = move |_| {
        let _ = window().print();
    };
    let counts = move || {
        findings.with(|f| {
            let errors = f.iter().filter(|f| f.severity() == Severity::Error).count();
            (errors, f.len() - errors)
        })
    };
    // A memo: a cell change leaves the areas as they were, and the options are not rebuilt.
    let areas = Memo::new(move |_| state.ws.watch(&[Coll::Duties], |w| w.areas()));
    let roles = move || {
        state
            .ws
            .watch(&[Coll::Roles], |w| w.roles.iter().map(|r| (r.id.to_string(), r.name.clone())).collect::<Vec<_>>())
    };

    view! {
        <section class="rc-page rc-chart-page" aria-labelledby="chart-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="chart-title">{t.chart_title}</h1>
                    <p class="rc-muted rc-no-print">{t.chart_intro}</p>
                </div>
                <div class="rc-actions rc-no-print">
                    <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_duty}</button>
                    <button type="button" class="rc-button" on:click=download_csv>{t.download_csv}</button>
                    <button type="button" class="rc-button" on:click=print>{t.print}</button>
                </div>
            </div>
            {move || editing.get().map(|d| view! { <DutyEditor duty=d on_close=move |_| editing.set(None)/> })}
            <div class="rc-toolbar rc-no-print">
                <fieldset class="rc-segmented">
                    <legend>{t.view_label}</legend>
                    {crate::components::shared::segment("chart-view", view, ChartView::Roles, t.view_roles)}
                    {crate::components::shared::segment("chart-view", view, ChartView::Members, t.view_members)}
                </fieldset>
                <div class="rc-field">
                    <label for="chart-area">{t.filter_area}</label>
                    <select id="chart-area" class="rc-select" on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="" selected=move || area.with(String::is_empty)>{t.all_areas}</option>
                        {move || areas.get().into_iter().map(|a| {
                            let shown = if a.is_empty() { t.no_area.to_string() } else { a.clone() };
                            let value = a.clone();
                            view! { <option value=a selected=move || area.get() == value>{shown}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="chart-role">{t.filter_role}</label>
                    <select id="chart-role" class="rc-select" on:change=move |ev| role_filter.set(event_target_value(&ev))>
                        <option value="" selected=move || role_filter.with(String::is_empty)>{t.all_roles}</option>
                        {move || roles().into_iter().map(|(id, name)| {
                            let value = id.clone();
                            view! { <option value=id selected=move || role_filter.get() == value>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="rc-check">
                    <input type="checkbox" prop:checked=move || only_problems.get()
                        on:change=move |ev| only_problems.set(event_target_checked(&ev))/>
                    {t.only_problems}
                </label>
            </div>
            <p class="rc-summary" role="status" data-testid="chart-summary"
                class:rc-summary--error={move || counts().0 > 0}
                class:rc-summary--ok=move || counts() == (0, 0)>
                <a href="#problems" on:click=|ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    crate::browser::focus("problems-title");
                }>
                    {move || {
                        let (errors, warnings) = counts();
                        if errors + warnings == 0 {
                            t.summary_ok.to_string()
                        } else {
                            fill(t.summary_counts, &[("errors", &errors), ("warnings", &warnings)])
                        }
                    }}
                </a>
            </p>
            <Show
                when=move || state.ws.watch(&[Coll::Duties], |w| !w.duties.is_empty())
                fallback=move || view! { <p class="rc-empty">{t.duties_empty}</p> }
            >
                <RaciMatrix on_edit=move |id: DutyId| {
                    editing.set(state.ws.with_untracked(|w| w.duty(&id).cloned()));
                }/>
                <Show when=move || groups.with(Vec::is_empty)>
                    <p class="rc-empty">{t.no_rows_match}</p>
                </Show>
            </Show>
            <ProblemsPanel on_show=move |f: Finding| {
                // Make sure the thing is visible, then move focus to it.
                area.set(String::new());
                role_filter.set(String::new());
                if f.member.is_some() {
                    view.set(ChartView::Members);
                } else if f.role.is_some() {
                    view.set(ChartView::Roles);
                }
                if let Some(d) = f.duty.clone() {
                    let column = f.role.as_ref().map(|r| r.to_string())
                        .or_else(|| ctx.columns.with_untracked(|c| c.first().map(|c| c.key().to_owned())));
                    if let Some(column) = column {
                        ctx.focus_cell(d, column);
                    }
                } else if let Some(key) = f.role.as_ref().map(|r| r.to_string()).or_else(|| f.member.as_ref().map(|m| m.to_string())) {
                    crate::browser::focus_soon(super::column_id(&key));
                }
            }/>
            <ThresholdsForm/>
        </section>
    }
}

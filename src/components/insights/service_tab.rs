use crate::components::charts::{Chart, Draw, Series, StackedChart};
use crate::components::t;
use crate::i18n::{fill, hours};
use crate::model::analytics::{cumulative_flow, cycle_times, percentile, recent_weeks, sla_met_per_week, throughput};
use crate::model::kpi::{presets, values_csv, Direction, RowError, Status};
use crate::model::ops::Coll;
use crate::model::{dates, schema, KpiId};
use crate::state::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Service KPIs (recorded by hand or imported) and the KPIs the board itself yields.
#[component]
pub fn ServiceTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let report = RwSignal::new(None::<(String, Vec<String>)>);
    let kpi_ids = move || state.ws.watch(&[Coll::Kpis], |w| w.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>());
    let export = move |_| {
        let text = state.ws.with_untracked(|w| values_csv(&w.kpis));
        let name =
            state.ws.with_untracked(|w| schema::file_name(&w.name, "kpis", crate::browser::now().date_naive(), "csv"));
        let _ = crate::browser::download(&name, &text, "text/csv;charset=utf-8");
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(target) = ev.target().and_then(|x| x.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = target.files().and_then(|f| f.get(0)) else { return };
        target.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            if file.size() > crate::model::import::MAX_BYTES as f64 {
                let reason = crate::i18n::import_error(
                    t,
                    &crate::model::import::ImportError::TooLarge { bytes: file.size() as usize },
                );
                report.set(Some((fill(t.import_failed, &[("file", &name), ("reason", &reason)]), Vec::new())));
                return;
            }
            let Ok(text) = crate::browser::read_text(&file).await else { return };
            let Ok(r) = state.edit_with(|c| c.import_kpi_values(&text)) else { return };
            let lines = r
                .errors
                .iter()
                .map(|(line, e)| match e {
                    RowError::Columns => fill(t.row_columns, &[("line", line)]),
                    RowError::UnknownKpi(n) => fill(t.row_unknown, &[("line", line), ("name", n)]),
                    RowError::BadDate(v) => fill(t.row_date, &[("line", line), ("value", v)]),
                    RowError::BadNumber(v) => fill(t.row_number, &[("line", line), ("value", v)]),
                })
                .chain(
                    (r.error_count > r.errors.len())
                        .then(|| fill(t.repairs_more, &[("count", &(r.error_count - r.errors.len()))])),
                )
                .collect();
            report.set(Some((fill(t.kpi_import_result, &[("count", &r.recorded), ("file", &name)]), lines)));
        });
    };
    view! {
        <section class="rc-panel" aria-labelledby="kpis-title">
            <div class="rc-page__head">
                <h2 id="kpis-title">{t.kpis_title}</h2>
                <div class="rc-actions">
                    <button type="button" class="rc-button" on:click=export>{t.export_kpis}</button>
                    <button type="button" class="rc-button" on:click=move |_| if let Some(i) = input.get() { i.click() }>{t.import_kpis}</button>
                    <input type="file" accept=".csv,text/csv" hidden node_ref=input aria-label=t.import_kpis data-testid="kpi-file" on:change=on_file/>
                </div>
            </div>
            {move || report.get().map(|(summary, lines)| view! {
                <div class="rc-banner rc-banner--info" role="status" data-testid="kpi-import-report">
                    <div><p>{summary}</p><ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul></div>
                    <button type="button" class="rc-button" on:click=move |_| report.set(None)>{t.dismiss}</button>
                </div>
            })}
            <div class="rc-kpis">
                <For each=kpi_ids key=|id| id.clone() let:id>
                    <KpiCard id=id/>
                </For>
            </div>
            <AddKpi/>
        </section>
        <BoardKpis/>
    }
}

fn week_label(d: NaiveDate) -> String {
    dates::month_day(d)
}

#[component]
fn KpiCard(id: KpiId) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let kpi = {
        let id = id.clone();
        Memo::new(move |_| state.ws.watch(&[Coll::Kpis], |w| w.kpis.iter().find(|k| k.id == id).cloned()))
    };
    let this_week = crate::model::analytics::week_start(crate::browser::now().date_naive());
    let period = RwSignal::new(dates::iso_day(this_week));
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let record = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(p) = dates::parse_iso_day(&period.get_untracked()) else { return };
            let text = value.get_untracked();
            if text.trim().is_empty() {
                return error.set(Some(t.err_value_empty.to_string()));
            }
            match crate::model::input::number(&text) {
                Ok(Some(v)) => match state.edit(|c| c.record_kpi(&id, p, v)) {
                    Ok(()) => {
                        error.set(None);
                        value.set(String::new());
                    }
                    // Refused: the value stays in the field, with why.
                    Err(e) => error.set(Some(crate::i18n::model_error(t, &e))),
                },
                _ => error.set(Some(fill(t.err_not_a_number, &[("value", &text)]))),
            }
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let _ = state.edit(|c| c.remove_kpi(&id));
        }
    };
    move || {
        kpi.get().map(|k| {
        let unit = k.unit.clone();
        let fmt = move |v: f64| format!("{}{}{}", hours(v), if unit == "%" { "" } else { " " }, unit);
        let status = k.latest().map(|(v, s, delta)| {
            let (label, class) = match s {
                Status::On => (t.status_on, "rc-badge"),
                Status::Near => (t.status_near, "rc-badge rc-badge--warn"),
                Status::Off => (t.status_off, "rc-badge rc-badge--off"),
            };
            let delta = delta.map(|d| format!("{}{}", if d >= 0.0 { "+" } else { "−" }, hours(d.abs()))).unwrap_or_else(|| "—".into());
            (fmt(v), label, class, delta)
        });
        let categories: Vec<String> = k.values.iter().map(|v| week_label(v.period)).collect();
        let series = vec![Series { name: k.name.clone(), values: k.values.iter().map(|v| Some(v.value)).collect(), draw: Draw::Line }];
        let target_label = fill(t.kpi_target, &[("target", &fmt(k.target))]);
        let title = k.name.clone();
        let heading_id = format!("kpi-{}", k.id);
        let labelled_by = heading_id.clone();
        view! {
            <article class="rc-kpi rc-card" aria-labelledby=labelled_by data-kpi=k.name.clone()>
                <div class="rc-card__head">
                    <h3 class="rc-card__title" id=heading_id>{k.name.clone()}</h3>
                    <button type="button" class="rc-icon-button" aria-label=fill(t.remove_kpi, &[("name", &k.name)]) on:click=remove.clone()>"✕"</button>
                </div>
                {match status {
                    Some((v, label, class, delta)) => view! {
                        <p class="rc-kpi__latest"><strong data-testid="kpi-latest">{v}</strong>" "<span class=class>{label}</span></p>
                        <p class="rc-hint">{fill(t.kpi_latest, &[("delta", &delta)])}" · "{target_label.clone()}</p>
                    }.into_any(),
                    None => view! { <p class="rc-muted">{t.kpi_no_values}" · "{target_label.clone()}</p> }.into_any(),
                }}
                {(!k.values.is_empty()).then(|| view! {
                    <Chart title=title categories=categories series=series reference=(target_label.clone(), k.target) category_label=t.col_week/>
                })}
                <form class="rc-form rc-form--inline" on:submit=record.clone() novalidate>
                    <div class="rc-field">
                        <label for=format!("period-{}", k.id)>{t.f_period}</label>
                        <input id=format!("period-{}", k.id) class="rc-input" type="date" prop:value=move || period.get()
                            on:change=move |ev| period.set(event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for=format!("value-{}", k.id)>{t.f_value}</label>
                        <input id=format!("value-{}", k.id) class="rc-input rc-input--short" type="number" step="any"
                            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" class="rc-button">{t.record}</button>
                </form>
                {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
            </article>
        }
    })
    }
}

#[component]
fn AddKpi() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new("%".to_string());
    let direction = RwSignal::new(Direction::HigherIsBetter);
    let target = RwSignal::new(String::new());
    let benchmark = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add_preset = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some((n, u, d, tg)) = presets(t.kpi_presets).into_iter().find(|p| p.0 == v) {
            let _ = state.edit(|c| c.add_kpi(&n, u, d, tg, None));
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        let Ok(tg) = target.get_untracked().trim().parse::<f64>() else {
            return error.set(Some(fill(t.err_not_a_number, &[("value", &target.get_untracked())])));
        };
        let b = benchmark.get_untracked().trim().parse::<f64>().ok();
        if let Err(e) = state.edit(|c| c.add_kpi(&n, &unit.get_untracked(), direction.get_untracked(), tg, b)) {
            return error.set(Some(crate::i18n::model_error(t, &e)));
        }
        name.set(String::new());
        target.set(String::new());
        error.set(None);
    };
    let missing = move || {
        state.ws.watch(&[Coll::Kpis], |w| {
            presets(t.kpi_presets)
                .into_iter()
                .filter(|p| !w.kpis.iter().any(|k| k.name == p.0))
                .map(|p| p.0)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="rc-add-kpi">
            <summary>{t.add_kpi}</summary>
            <div class="rc-field rc-field--inline">
                <label for="kpi-preset">{t.add_preset}</label>
                <select id="kpi-preset" class="rc-select" on:change=add_preset>
                    {move || {
                        let opts = missing().into_iter().map(|n| { let v = n.clone(); view! { <option value=v>{n}</option> } }).collect_view();
                        view! { <option value="" selected=true>{t.choose}</option> {opts} }
                    }}
                </select>
            </div>
            <form class="rc-form rc-form--inline" on:submit=add novalidate>
                <div class="rc-field"><label for="kpi-name">{t.f_kpi_name}</label>
                    <input id="kpi-name" class="rc-input" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></div>
                <div class="rc-field"><label for="kpi-unit">{t.f_unit}</label>
                    <input id="kpi-unit" class="rc-input rc-input--short" type="text" prop:value=move || unit.get() on:input=move |ev| unit.set(event_target_value(&ev))/></div>
                <div class="rc-field"><label for="kpi-direction">{t.f_direction}</label>
                    <select id="kpi-direction" class="rc-select rc-select--auto" on:change=move |ev| direction.set(if event_target_value(&ev) == "lower" { Direction::LowerIsBetter } else { Direction::HigherIsBetter })>
                        <option value="higher">{t.directions_higher}</option><option value="lower">{t.directions_lower}</option>
                    </select></div>
                <div class="rc-field"><label for="kpi-target">{t.f_target}</label>
                    <input id="kpi-target" class="rc-input rc-input--short" type="number" step="any" prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev))/></div>
                <div class="rc-field"><label for="kpi-benchmark">{t.f_benchmark}</label>
                    <input id="kpi-benchmark" class="rc-input rc-input--short" type="number" step="any" prop:value=move || benchmark.get() on:input=move |ev| benchmark.set(event_target_value(&ev))/></div>
                <button type="submit" class="rc-button">{t.add_kpi}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
        </details>
    }
}

#[component]
fn BoardKpis() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    move || {
        let now = state.now.get();
        state.ws.watch(&[Coll::Tasks, Coll::Columns, Coll::Settings], |w| {
            let weeks = recent_weeks(now, 8);
            let cats: Vec<String> = weeks.iter().map(|d| week_label(*d)).collect();
            let sla = sla_met_per_week(&w.board, &weeks, now);
            let done = throughput(&w.board, &weeks);
            let cycles = cycle_times(&w.board);
            let cycle_text = match (percentile(&cycles, 50.0), percentile(&cycles, 85.0)) {
                (Some(m), Some(p)) => fill(t.cycle_values, &[("median", &hours(m)), ("p85", &hours(p)), ("count", &cycles.len())]),
                _ => t.cycle_none.to_string(),
            };
            let days: Vec<NaiveDate> = (0..14).rev().map(|i| crate::model::dates::add_days(now.date_naive(), -i)).collect();
            let flow = cumulative_flow(&w.board, &days);
            let bands: Vec<(String, Vec<f64>)> = w.board.columns.iter().enumerate().rev()
                .map(|(i, c)| (c.name.clone(), flow.iter().map(|d| d[i] as f64).collect()))
                .collect();
            view! {
                <section class="rc-panel" aria-labelledby="board-kpis-title">
                    <h2 id="board-kpis-title">{t.board_kpis_title}</h2>
                    <p><strong>{t.cycle_title}": "</strong><span data-testid="cycle-time">{cycle_text}</span></p>
                    <div class="rc-columns">
                        <Chart title=t.sla_met_title.to_string() categories=cats.clone() category_label=t.col_week
                            series=vec![Series { name: t.sla_met_title.to_string(), values: sla, draw: Draw::Line }]/>
                        <Chart title=t.throughput_title.to_string() categories=cats category_label=t.col_week
                            series=vec![Series { name: t.throughput_title.to_string(), values: done.into_iter().map(|v| Some(v as f64)).collect(), draw: Draw::Bars }]/>
                    </div>
                    <StackedChart title=t.cfd_title.to_string() categories=days.iter().map(|d| dates::month_day(*d)).collect()
                        series=bands category_label=t.col_day/>
                </section>
            }
        })
    }
}

use crate::components::charts::{Chart, Draw, Series};
use crate::components::t;
use crate::i18n::{fill, hours};
use crate::model::analytics::{average_estimate, created_per_week, forecast, recent_weeks, role_need, Forecast};
use crate::model::ops::Coll;
use crate::model::skills::staffing;
use crate::state::AppState;
use leptos::prelude::*;

/// Weeks the forecast looks ahead.
const AHEAD: usize = 6;

/// The demand forecast against capacity, and staffing per role.
#[component]
pub fn CapacityTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    move || {
        let now = state.now.get();
        state.ws.watch(&[Coll::Members, Coll::Tasks, Coll::Columns], |w| {
            let weeks = recent_weeks(now, 12);
            let counts = created_per_week(&w.board, &weeks);
            let avg = average_estimate(&w.board);
            let capacity: f64 = w.members.iter().filter(|m| m.active).map(|m| m.capacity_hours as f64).sum();
            let f = forecast(&counts, AHEAD);
            let chart = match &f {
                Forecast::TooShort { weeks } => view! { <p class="rc-banner rc-banner--warning" role="status" data-testid="forecast-short">{fill(t.forecast_short, &[("weeks", weeks)])}</p> }.into_any(),
                Forecast::Ahead { per_week, .. } => {
                    let future: Vec<_> = (1..=AHEAD).map(|i| crate::model::dates::add_days(*weeks.last().unwrap_or(&now.date_naive()), 7 * i as i64)).collect();
                    let cats: Vec<String> = weeks.iter().chain(future.iter()).map(|d| crate::model::dates::month_day(*d)).collect();
                    let mut history: Vec<Option<f64>> = counts.iter().map(|c| Some(*c as f64 * avg)).collect();
                    history.extend(std::iter::repeat_n(None, AHEAD));
                    let mut ahead: Vec<Option<f64>> = vec![None; weeks.len()];
                    ahead.extend(per_week.iter().map(|v| Some(v * avg)));
                    let over = per_week.iter().position(|v| v * avg > capacity).map(|i| {
                        fill(t.forecast_over, &[("week", &cats[weeks.len() + i]), ("demand", &hours(per_week[i] * avg)), ("capacity", &hours(capacity))])
                    });
                    view! {
                        <Chart title=t.forecast_title.to_string() categories=cats category_label=t.col_week
                            reference=(fill(t.forecast_capacity, &[("hours", &hours(capacity))]), capacity)
                            series=vec![
                                Series { name: t.forecast_series_history.to_string(), values: history, draw: Draw::Bars },
                                Series { name: t.forecast_series_forecast.to_string(), values: ahead, draw: Draw::ForecastBars },
                            ]/>
                        {over.map(|o| view! { <p class="rc-warning" role="status">{o}</p> })}
                    }.into_any()
                }
            };
            let next_hours = match &f {
                Forecast::Ahead { per_week, .. } => per_week.first().copied().unwrap_or(0.0) * avg,
                Forecast::TooShort { .. } => 0.0,
            };
            let needs = role_need(w, next_hours);
            let rows = staffing(w).into_iter().zip(needs).map(|(s, (_, need))| {
                let name = w.role(&s.role).map(|r| r.name.clone()).unwrap_or_default();
                let forecast_need = if matches!(f, Forecast::TooShort { .. }) { "—".to_string() } else { hours(need) };
                view! {
                    <tr><th scope="row">{name}</th><td class="rc-num">{s.needed}</td><td class="rc-num">{forecast_need}</td>
                    <td class="rc-num">{s.qualified}</td><td class="rc-num">{s.holders}</td></tr>
                }
            }).collect_view();
            view! {
                <section class="rc-panel" aria-labelledby="forecast-title">
                    <h2 id="forecast-title">{t.forecast_title}</h2>
                    <p class="rc-hint">{fill(t.forecast_method, &[("weeks", &AHEAD), ("hours", &hours(avg))])}</p>
                    {chart}
                </section>
                <section class="rc-panel" aria-labelledby="role-need-title">
                    <h2 id="role-need-title">{t.role_need_title}</h2>
                    <table class="rc-table rc-table--compact">
                        <thead><tr><th scope="col">{t.col_role}</th><th scope="col" class="rc-num">{t.col_needed}</th>
                            <th scope="col" class="rc-num">{t.col_forecast_need}</th><th scope="col" class="rc-num">{t.col_qualified}</th>
                            <th scope="col" class="rc-num">{t.col_holders}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
    }
}

//! Small SVG charts of our own (no charting crate fitted Leptos 0.8 and the size budget):
//! bars, lines with a target, and stacked areas, each with a table alternative that shows the
//! same numbers.

use crate::components::t;
use crate::i18n::hours;
use crate::model::chart::{fitted_range, nice_max, polyline, ticks, Frame};
use leptos::prelude::*;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draw {
    Bars,
    /// Bars drawn as a forecast (hatched, lighter).
    ForecastBars,
    Line,
}

/// One named series of values, one per category (`None`: no value there).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub draw: Draw,
}

const H: f64 = 220.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// The drawing's width in its own units. Text is one size in those units (the stylesheet's),
/// and the drawing scales to its box: a narrower drawing on a phone keeps the text readable
/// there, and the charts' boxes are capped so that it never grows large on a wide screen.
fn drawing_width() -> f64 {
    if crate::browser::media_matches("(max-width: 40rem)") {
        320.0
    } else {
        640.0
    }
}

/// Every how many categories a label fits under the axis.
fn label_every(n: usize, width: f64) -> usize {
    n.div_ceil((width / 80.0) as usize).max(1)
}

/// The plotting area for values from `min` to `max` over `slots` categories.
fn frame(min: f64, max: f64, slots: usize) -> Frame {
    let width = drawing_width();
    Frame { left: LEFT, top: TOP, width: width - LEFT - RIGHT, height: H - TOP - BOTTOM, min, max, slots }
}

/// The drawing's width for a frame made by [`frame`].
fn width_of(frame: &Frame) -> f64 {
    frame.left + frame.width + RIGHT
}

/// What every chart shares: the title with the "Show as table" toggle, the drawing (y-axis
/// ticks, category labels and the chart's own `marks`) with its legend, and the table of the
/// same numbers (`head` cells after the category column, then `rows`). One private helper for
/// every chart: its arguments are the parts of a figure, so a struct would only rename them.
#[allow(clippy::too_many_arguments)]
fn figure(
    title: String,
    frame: Frame,
    categories: &[String],
    category_label: &'static str,
    marks: impl IntoView + 'static,
    legend: impl IntoView + 'static,
    head: impl IntoView + 'static,
    rows: impl IntoView + 'static,
) -> impl IntoView {
    let t = t();
    let as_table = RwSignal::new(false);
    let w = width_of(&frame);
    let ticks = ticks(frame.min, frame.max)
        .into_iter()
        .map(|v| {
            view! {
                <g class="rc-chart__tick">
                    <line x1=LEFT x2=w - RIGHT y1=frame.y(v) y2=frame.y(v)/>
                    <text x=LEFT - 6.0 y=frame.y(v) + 4.0 text-anchor="end">{hours(v)}</text>
                </g>
            }
        })
        .collect_view();
    let every = label_every(categories.len(), w);
    let labels = categories
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, c)| {
            view! {
                <text class="rc-chart__x" x=frame.x(i) y=H - 8.0 text-anchor="middle">{c.clone()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="rc-chart">
            <figcaption class="rc-chart__head">
                <span class="rc-chart__title">{title.clone()}</span>
                <button type="button" class="rc-button rc-button--small" aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|v| *v = !*v)>
                    {move || if as_table.get() { t.show_chart } else { t.show_table }}
                </button>
            </figcaption>
            <div class="rc-chart__body" class:rc-hidden=move || as_table.get()>
                <svg class="rc-chart__svg" viewBox=format!("0 0 {w} {H}") role="img" aria-label=title.clone()>
                    {ticks}{labels}{marks}
                </svg>
                <div class="rc-chart__legend">{legend}</div>
            </div>
            <div class:rc-hidden=move || !as_table.get()>
                <table class="rc-table rc-table--compact rc-chart__table">
                    <caption class="rc-sr">{title}</caption>
                    <thead><tr><th scope="col">{category_label}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

/// A bar or line chart with an optional reference line (a target or a capacity), and a
/// "Show as table" toggle.
#[component]
pub fn Chart(
    /// What the chart shows; also its accessible name.
    title: String,
    /// The x-axis categories (weeks, days…).
    categories: Vec<String>,
    /// The series, drawn in order.
    series: Vec<Series>,
    /// A horizontal line: its label and value.
    #[prop(optional)]
    reference: Option<(String, f64)>,
    /// The first column's heading in the table.
    category_label: &'static str,
) -> impl IntoView {
    let values = || series.iter().flat_map(|s| s.values.iter().flatten().copied()).chain(reference.iter().map(|r| r.1));
    // Bars stand on zero; lines alone get an axis fitted to them and the reference.
    let (min, max) = if series.iter().all(|s| s.draw == Draw::Line) {
        fitted_range(values())
    } else {
        (0.0, nice_max(values().fold(0.0, f64::max)))
    };
    let frame = frame(min, max, categories.len());
    let w = width_of(&frame);
    let bar_series: Vec<&Series> = series.iter().filter(|s| s.draw != Draw::Line).collect();
    let bar_w = frame.slot() * 0.7 / bar_series.len().max(1) as f64;
    let bars =
        bar_series
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let class = if s.draw == Draw::ForecastBars {
                    "rc-chart__bar rc-chart__bar--forecast"
                } else {
                    "rc-chart__bar"
                };
                s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).map(|(i, v)| {
            let x = frame.x(i) - frame.slot() * 0.35 + bar_w * k as f64;
            view! {
                <rect class=class x=format!("{x:.1}") y=format!("{:.1}", frame.y(v)) width=format!("{bar_w:.1}")
                    height=format!("{:.1}", frame.y(0.0) - frame.y(v)) data-value=hours(v)>
                    <title>{format!("{}: {}", s.name, hours(v))}</title>
                </rect>
            }
        }).collect_view()
            })
            .collect_view();
    let lines = series.iter().filter(|s| s.draw == Draw::Line).map(|s| {
        let points = s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).map(|(i, v)| view! {
            <circle class="rc-chart__point" cx=format!("{:.1}", frame.x(i)) cy=format!("{:.1}", frame.y(v)) r="3.5" data-value=hours(v)>
                <title>{format!("{}: {}", s.name, hours(v))}</title>
            </circle>
        }).collect_view();
        view! { <polyline class="rc-chart__line" points=polyline(&frame, &s.values)/> {points} }
    }).collect_view();
    // The reference line is named in the legend, where its label never covers a point.
    let reference_line = reference.clone().map(|(label, v)| {
        view! {
            <g class="rc-chart__reference">
                <line x1=LEFT x2=w - RIGHT y1=frame.y(v) y2=frame.y(v)><title>{label}</title></line>
            </g>
        }
    });
    let head = view! {
        {series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
        {reference.clone().map(|(label, _)| view! { <th scope="col">{label}</th> })}
    };
    let rows = categories.iter().enumerate().map(|(i, c)| view! {
        <tr>
            <th scope="row">{c.clone()}</th>
            {series.iter().map(|s| view! { <td class="rc-num">{s.values.get(i).copied().flatten().map(hours).unwrap_or_default()}</td> }).collect_view()}
            {reference.clone().map(|(_, v)| view! { <td class="rc-num">{hours(v)}</td> })}
        </tr>
    }).collect_view();
    let legend = series
        .iter()
        .map(|s| {
            let class = match s.draw {
                Draw::Bars => "rc-legend rc-legend--bars",
                Draw::ForecastBars => "rc-legend rc-legend--forecast",
                Draw::Line => "rc-legend rc-legend--line",
            };
            view! { <span class=class>{s.name.clone()}</span> }
        })
        .collect_view();
    let legend = view! {
        {legend}
        {reference.map(|(label, _)| view! { <span class="rc-legend rc-legend--reference">{label}</span> })}
    };
    figure(title, frame, &categories, category_label, view! { {bars}{lines}{reference_line} }, legend, head, rows)
}

/// Stacked areas (cumulative flow): one band per series, stacked in order.
#[component]
pub fn StackedChart(
    title: String,
    categories: Vec<String>,
    series: Vec<(String, Vec<f64>)>,
    category_label: &'static str,
) -> impl IntoView {
    let n = categories.len();
    let totals: Vec<f64> = (0..n).map(|i| series.iter().map(|(_, v)| v.get(i).copied().unwrap_or(0.0)).sum()).collect();
    let frame = frame(0.0, nice_max(totals.iter().copied().fold(0.0, f64::max)), n);
    let mut below = vec![0.0; n];
    let bands = series.iter().enumerate().map(|(k, (name, values))| {
        let top: Vec<f64> = (0..n).map(|i| below[i] + values.get(i).copied().unwrap_or(0.0)).collect();
        let mut pts: Vec<String> = (0..n).map(|i| format!("{:.1},{:.1}", frame.x(i), frame.y(top[i]))).collect();
        pts.extend((0..n).rev().map(|i| format!("{:.1},{:.1}", frame.x(i), frame.y(below[i]))));
        below = top;
        view! { <polygon class=format!("rc-chart__band rc-chart__band--{}", k % 6) points=pts.join(" ")><title>{name.clone()}</title></polygon> }
    }).collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(k, (name, _))| {
            view! {
                <span class=format!("rc-legend rc-legend--band rc-legend--band-{}", k % 6)>{name.clone()}</span>
            }
        })
        .collect_view();
    let head = series.iter().map(|(s, _)| view! { <th scope="col">{s.clone()}</th> }).collect_view();
    let rows = categories.iter().enumerate().map(|(i, c)| view! {
        <tr><th scope="row">{c.clone()}</th>{series.iter().map(|(_, v)| view! { <td class="rc-num">{hours(v.get(i).copied().unwrap_or(0.0))}</td> }).collect_view()}</tr>
    }).collect_view();
    figure(title, frame, &categories, category_label, bands, legend, head, rows)
}

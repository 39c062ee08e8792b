use crate::components::t;
use crate::i18n::{fill, finding};
use crate::model::raci_check::{Finding, Severity};
use crate::state::AppState;
use leptos::prelude::*;

/// Every check result, errors first, each with a button that jumps to its cell or column.
#[component]
pub fn ProblemsPanel(
    /// Runs when the user asks to see a finding in the chart.
    #[prop(into)]
    on_show: Callback<Finding>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let findings = expect_context::<Memo<Vec<Finding>>>();
    let group = move |severity: Severity| {
        // A memo, and a list keyed by each finding: a cell change re-renders the findings it
        // changed, not the whole list.
        let items = Memo::new(move |_| {
            findings.with(|f| f.iter().filter(|f| f.severity() == severity).cloned().collect::<Vec<_>>())
        });
        let title = match severity {
            Severity::Error => t.errors_title,
            Severity::Warning => t.warnings_title,
        };
        let class = match severity {
            Severity::Error => "rc-problems__group rc-problems__group--error",
            Severity::Warning => "rc-problems__group rc-problems__group--warning",
        };
        view! {
            <Show when=move || items.with(|i| !i.is_empty())>
                <div class=class>
                    <h3>{move || fill(title, &[("count", &items.with(Vec::len))])}</h3>
                    <ul class="rc-problems__list">
                        <For each=move || items.get() key=Finding::key let:f>
                        {
                            let text = state.ws.with_untracked(|w| finding(t, w, &f));
                            let code = f.check.code();
                            view! {
                                <li class="rc-problems__item" data-code=code>
                                    <span>{text}</span>
                                    <button type="button" class="rc-button rc-button--small rc-no-print"
                                        on:click=move |_| on_show.run(f.clone())>{t.show_in_chart}</button>
                                </li>
                            }
                        }
                        </For>
                    </ul>
                </div>
            </Show>
        }
    };
    view! {
        <section class="rc-panel rc-problems" id="problems" aria-labelledby="problems-title">
            <h2 id="problems-title" tabindex="-1">{t.problems_title}</h2>
            <Show when=move || findings.with(Vec::is_empty)>
                <p class="rc-muted">{t.summary_ok}</p>
            </Show>
            {group(Severity::Error)}
            {group(Severity::Warning)}
        </section>
    }
}

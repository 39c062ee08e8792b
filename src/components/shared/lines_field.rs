use leptos::prelude::*;

/// A textarea edited as a list of lines. The text stays as typed (blank lines included) while
/// the user types; the list it reports has no blank lines.
#[component]
pub fn LinesField(
    /// The element id, for the label.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The lines to start from.
    initial: Vec<String>,
    /// Runs with the non-blank lines on every change.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let text = RwSignal::new(initial.join("\n"));
    view! {
        <div class="rc-field">
            <label for=id>{label}</label>
            <textarea
                id=id
                class="rc-input"
                rows=rows
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let lines = v.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
                    text.set(v);
                    on_change.run(lines);
                }
            ></textarea>
        </div>
    }
}

use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::t;
use leptos::prelude::*;

/// The foot of every editor: the rule a save broke, Save and Cancel, and (for existing items)
/// a Remove button that asks first.
#[component]
pub fn EditorActions(
    /// The message of the last refused save.
    error: RwSignal<Option<String>>,
    /// Runs on Cancel.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// The Remove button's label and the question it asks; none for new items.
    #[prop(default = None)]
    remove: Option<(&'static str, Signal<String>)>,
    /// Runs when removal is confirmed.
    #[prop(optional, into)]
    on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let t = t();
    let confirming = RwSignal::new(false);
    view! {
        {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
        <div class="rc-actions">
            <button type="submit" class="rc-button rc-button--primary">{t.save}</button>
            <button type="button" class="rc-button" on:click=move |_| on_cancel.run(())>{t.cancel}</button>
            {remove.map(|(label, _)| view! {
                <button type="button" class="rc-button rc-button--danger rc-actions__end" on:click=move |_| confirming.set(true)>
                    {label}
                </button>
            })}
        </div>
        {remove.zip(on_remove).map(|((_, message), on_remove)| view! {
            <Show when=move || confirming.get()>
                <ConfirmBar message=message.get_untracked() confirm_label=t.confirm_yes_remove
                    on_confirm=move |_| on_remove.run(()) on_cancel=move |_| confirming.set(false)/>
            </Show>
        })}
    }
}

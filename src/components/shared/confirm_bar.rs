use crate::components::t;
use leptos::prelude::*;

/// An inline "are you sure?" with a confirm and a cancel button. Focus starts on cancel.
#[component]
pub fn ConfirmBar(
    /// The question, naming what will happen.
    message: String,
    /// The confirm button's text ("Yes, remove").
    confirm_label: &'static str,
    /// Runs when the user confirms.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Runs when the user cancels.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    crate::components::shared::focus_on_mount(cancel_ref);
    view! {
        <div class="rc-confirm" role="alertdialog" aria-label=message.clone()>
            <p class="rc-confirm__message">{message.clone()}</p>
            <button type="button" class="rc-button rc-button--danger" on:click=move |_| on_confirm.run(())>
                {confirm_label}
            </button>
            <button type="button" class="rc-button" node_ref=cancel_ref on:click=move |_| on_cancel.run(())>
                {t().cancel}
            </button>
        </div>
    }
}

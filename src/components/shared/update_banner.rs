use crate::components::t;
use crate::state::AppState;
use leptos::prelude::*;

/// "A new version is ready": shown when web/boot.js reports a waiting service worker. The new
/// version is applied only when the user chooses to reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // boot.js also marks <html>, so that a banner rendered again (a language switch) still knows.
    let ready = RwSignal::new(document().document_element().is_some_and(|e| e.has_attribute("data-update-ready")));
    let handle = window_event_listener_untyped("rolecall-update", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let reload = move |_| {
        state.flush();
        if let Ok(ev) = web_sys::Event::new("rolecall-apply-update") {
            let _ = window().dispatch_event(&ev);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="rc-banner rc-banner--info" role="status" data-testid="update-ready">
                <p>{t.update_ready}</p>
                <button type="button" class="rc-button rc-button--primary" on:click=reload>{t.update_reload}</button>
                <button type="button" class="rc-button" on:click=move |_| ready.set(false)>{t.update_later}</button>
            </div>
        </Show>
    }
}

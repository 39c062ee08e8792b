use crate::browser;
use crate::components::t;
use crate::i18n::fill;
use crate::model::schema;
use crate::model::share::{self, ShareError, MAX_LINK_CHARS};
use crate::state::AppState;
use leptos::prelude::*;

/// What "Create share link" produced.
#[derive(Clone, PartialEq)]
enum Made {
    Link(String),
    TooLong(usize),
    Unsupported,
}

/// "Share link": the workspace in a link, for chat or mail; past the cap, a pointer to the file.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let made = RwSignal::new(None::<Made>);
    let scope = RwSignal::new(crate::model::link::LinkScope::WithBoard);
    let private_count = move || state.ws.watch(&[crate::model::ops::Coll::CheckIns], |w| w.checkins.len());
    let copied = RwSignal::new(None::<bool>);
    // A link shows the workspace as it was: once the workspace changes, it is withdrawn.
    Effect::new(move |_| {
        state.ws.track();
        state.include_private.track();
        scope.track();
        made.set(None);
        copied.set(None);
    });
    let create = move |_| {
        let ws = crate::model::link::for_link(&state.shareable(), scope.get_untracked());
        let text = schema::encode(&ws, browser::now(), false);
        leptos::task::spawn_local(async move {
            let result = match browser::compress(&text).await {
                None => Made::Unsupported,
                Some(bytes) => match share::link(&browser::base_url(), &bytes) {
                    Ok(link) => Made::Link(link),
                    Err(ShareError::TooLong { chars }) => Made::TooLong(chars),
                    Err(_) => Made::Unsupported,
                },
            };
            copied.set(None);
            made.set(Some(result));
        });
    };
    let copy = move |link: String| {
        leptos::task::spawn_local(async move {
            let ok = browser::copy(&link).await;
            copied.set(Some(ok));
            if !ok {
                browser::focus("share-link");
            }
        });
    };
    view! {
        <section class="rc-panel rc-share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{t.share_title}</h2>
            <p class="rc-muted">{t.share_body}</p>
            <fieldset class="rc-field rc-checks" aria-label=t.share_scope>
                <legend>{t.share_scope}</legend>
                {crate::components::shared::segment("share-scope", scope, crate::model::link::LinkScope::WithBoard, t.share_with_board)}
                {crate::components::shared::segment("share-scope", scope, crate::model::link::LinkScope::TeamAndChart, t.share_team_only)}
            </fieldset>
            <div class="rc-actions">
                <button type="button" class="rc-button" on:click=create>{t.share_button}</button>
            </div>
            <Show when=move || private_count() != 0>
                <p class="rc-hint" data-testid="share-private">{move || if state.include_private.get() {
                    fill(t.private_included, &[("n", &private_count())])
                } else {
                    t.private_left_out.to_string()
                }}</p>
            </Show>
            {move || made.get().map(|m| match m {
                Made::Link(link) => {
                    let size = fill(t.share_size, &[("chars", &link.chars().count()), ("max", &MAX_LINK_CHARS)]);
                    let for_copy = link.clone();
                    view! {
                        <div class="rc-field">
                            <label for="share-link">{t.share_title}</label>
                            <div class="rc-share">
                                <input id="share-link" class="rc-input" type="text" readonly prop:value=link
                                    aria-describedby="share-size"
                                    on:focus=|ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                            i.select();
                                        }
                                    }/>
                                <button type="button" class="rc-button rc-button--primary"
                                    on:click=move |_| copy(for_copy.clone())>{t.share_copy}</button>
                            </div>
                            <p id="share-size" class="rc-hint">{size}</p>
                            <p class="rc-hint" role="status">{move || copied.get().map(|ok| if ok { t.share_copied } else { t.share_copy_failed })}</p>
                        </div>
                    }.into_any()
                }
                Made::TooLong(chars) => view! {
                    <div class="rc-banner rc-banner--warning" role="status">
                        <p>{fill(t.share_too_long, &[("chars", &chars), ("max", &MAX_LINK_CHARS)])}</p>
                        <button type="button" class="rc-button" on:click=move |_| state.export()>{t.export_button}</button>
                    </div>
                }.into_any(),
                Made::Unsupported => view! {
                    <div class="rc-banner rc-banner--warning" role="status">
                        <p>{t.share_unsupported}</p>
                        <button type="button" class="rc-button" on:click=move |_| state.export()>{t.export_button}</button>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}

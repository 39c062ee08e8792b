use crate::components::t;
use crate::i18n::fill;
use crate::state::{AppState, JoinChoice, SyncConfig, SyncStatus};
use leptos::prelude::*;

/// "Team sync": the room's address, connect and disconnect, where sync stands, who else is here,
/// and the choice when a room already holds another workspace.
#[component]
pub fn SyncPanel() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let saved = SyncConfig::load();
    let server = RwSignal::new(saved.server);
    let room = RwSignal::new(saved.room);
    let token = RwSignal::new(saved.token);
    let name = RwSignal::new(saved.name);
    let bad = RwSignal::new(false);
    let status = state.sync.status;
    let active = move || {
        !matches!(status.get(), SyncStatus::Off | SyncStatus::Refused | SyncStatus::LoadFailed | SyncStatus::Hostile(_))
    };
    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let config = SyncConfig {
            server: server.get_untracked().trim().to_owned(),
            room: room.get_untracked().trim().to_owned(),
            token: token.get_untracked(),
            name: name.get_untracked().trim().to_owned(),
        };
        let ok = config.url().is_some();
        bad.set(!ok);
        if ok {
            config.store();
            state.sync_connect();
        } else {
            crate::browser::focus("sync-server");
        }
    };
    let field = |id: &'static str, label: &'static str, kind: &'static str, value: RwSignal<String>| {
        view! {
            <div class="rc-field">
                <label for=id>{label}</label>
                <input id=id class="rc-input" type=kind autocomplete="off" spellcheck="false"
                    prop:value=move || value.get() prop:disabled=active
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    let line = move || {
        let s = status.get();
        let text = match &s {
            SyncStatus::Off => t.sync_off.to_owned(),
            SyncStatus::Loading => t.sync_loading.to_owned(),
            SyncStatus::Connecting => t.sync_connecting.to_owned(),
            SyncStatus::Connected => t.sync_connected.to_owned(),
            SyncStatus::Offline { waiting, retry_in } => {
                let mut line = if *retry_in > 0 {
                    fill(t.sync_offline, &[("seconds", retry_in)])
                } else {
                    t.sync_offline_now.to_owned()
                };
                if *waiting {
                    line.push(' ');
                    line.push_str(t.sync_waiting);
                }
                line
            }
            SyncStatus::Choosing => t.sync_choose.to_owned(),
            SyncStatus::Refused => t.sync_refused.to_owned(),
            SyncStatus::LoadFailed => t.sync_load_failed.to_owned(),
            SyncStatus::Hostile(what) => fill(t.sync_hostile, &[("what", what)]),
        };
        let class = match s {
            SyncStatus::Refused | SyncStatus::LoadFailed | SyncStatus::Hostile(_) => "rc-banner rc-banner--error",
            SyncStatus::Offline { .. } | SyncStatus::Choosing => "rc-banner rc-banner--warning",
            SyncStatus::Connected => "rc-banner rc-banner--info",
            _ => "rc-muted",
        };
        view! { <p class=class data-testid="sync-status" data-state=state_name(&status.get_untracked())>{text}</p> }
    };
    view! {
        <section class="rc-panel" aria-labelledby="sync-title">
            <h2 id="sync-title">{t.sync_title}</h2>
            <p class="rc-muted">{t.sync_body}</p>
            <form class="rc-sync" on:submit=connect novalidate>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="sync-server">{t.f_sync_server}</label>
                        <input id="sync-server" class="rc-input" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                            placeholder="wss://sync.example.org" aria-describedby="sync-server-hint"
                            aria-invalid=move || bad.get().then_some("true")
                            prop:value=move || server.get() prop:disabled=active
                            on:input=move |ev| server.set(event_target_value(&ev))/>
                        <p id="sync-server-hint" class="rc-hint">{t.sync_server_hint}</p>
                    </div>
                    {field("sync-room", t.f_sync_room, "text", room)}
                    <div class="rc-field">
                        <label for="sync-token">{t.f_sync_token}</label>
                        <input id="sync-token" class="rc-input" type="password" autocomplete="off"
                            aria-describedby="sync-token-hint"
                            prop:value=move || token.get() prop:disabled=active
                            on:input=move |ev| token.set(event_target_value(&ev))/>
                        <p id="sync-token-hint" class="rc-hint">{t.sync_token_hint}</p>
                    </div>
                    {field("sync-name", t.f_sync_name, "text", name)}
                </div>
                <Show when=move || bad.get()>
                    <p class="rc-banner rc-banner--error" role="alert">{t.sync_bad_address}</p>
                </Show>
                <div class="rc-actions">
                    <Show when=move || !active()
                        fallback=move || view! {
                            <button type="button" class="rc-button" on:click=move |_| state.sync_disconnect()>
                                {t.sync_disconnect}
                            </button>
                        }>
                        <button type="submit" class="rc-button rc-button--primary">{t.sync_connect}</button>
                    </Show>
                </div>
            </form>
            <div role="status" aria-live="polite">{line}</div>
            <Show when=move || status.get() == SyncStatus::Choosing>
                <div class="rc-actions rc-sync__choice">
                    <div>
                        <button type="button" class="rc-button rc-button--primary"
                            on:click=move |_| state.sync_join(JoinChoice::Replace)>{t.sync_replace}</button>
                        <p class="rc-hint">{t.sync_replace_hint}</p>
                    </div>
                    <div>
                        <button type="button" class="rc-button" on:click=move |_| state.sync_join(JoinChoice::Merge)>
                            {t.sync_merge}
                        </button>
                        <p class="rc-hint">{t.sync_merge_hint}</p>
                    </div>
                </div>
            </Show>
            <Show when=move || status.get() == SyncStatus::Connected>
                <p class="rc-muted" data-testid="sync-peers">{move || {
                    let peers: Vec<String> = state
                        .sync
                        .peers
                        .get()
                        .into_iter()
                        .map(|n| if n.is_empty() { t.sync_unnamed.to_owned() } else { n })
                        .collect();
                    if peers.is_empty() {
                        t.sync_alone.to_owned()
                    } else {
                        fill(t.sync_peers, &[("names", &peers.join(", "))])
                    }
                }}</p>
            </Show>
        </section>
    }
}

/// The status as a word, for tests and styling.
fn state_name(s: &SyncStatus) -> &'static str {
    match s {
        SyncStatus::Off => "off",
        SyncStatus::Loading => "loading",
        SyncStatus::Connecting => "connecting",
        SyncStatus::Connected => "connected",
        SyncStatus::Offline { .. } => "offline",
        SyncStatus::Choosing => "choosing",
        SyncStatus::Refused => "refused",
        SyncStatus::LoadFailed => "load-failed",
        SyncStatus::Hostile(_) => "hostile",
    }
}

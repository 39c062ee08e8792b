use crate::components::t;
use crate::i18n::{fill, megabytes};
use crate::state::AppState;
use crate::storage::{self, LOCAL_LIMIT_CHARS};
use leptos::prelude::*;

/// Warn once this share of a limit is used.
const WARN_AT: f64 = 0.8;

/// How much this browser stores for the team and how much it allows, with a warning well
/// before a limit (the export button is beside it, in the same panel).
#[component]
pub fn StorageUse() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // The share of localStorage used (the workspace lives there), after each save.
    let local = move || {
        state.save.track();
        let used = storage::local_chars();
        let share = used as f64 / LOCAL_LIMIT_CHARS as f64;
        let text = fill(
            t.storage_workspace,
            &[
                ("used", &millions(used)),
                ("max", &millions(LOCAL_LIMIT_CHARS)),
                ("percent", &((share * 100.0).round() as u64)),
            ],
        );
        let (text, near) = warned(text, share, t.storage_near_full);
        // A window without a database keeps the whole workspace here: said, as a warning.
        if state.no_database.get() {
            (format!("{text} {}", t.storage_no_database), true)
        } else {
            (text, near)
        }
    };
    // The whole site's use, as the browser estimates it (where it says).
    let site = RwSignal::new(String::new());
    let site_near = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Some(u) = storage::usage().await {
            let keep = if u.persisted { t.storage_kept } else { t.storage_may_clear };
            let text =
                fill(t.storage_site, &[("used", &megabytes(u.used as usize)), ("quota", &megabytes(u.quota as usize))]);
            let (text, near) = warned(format!("{text} {keep}"), u.used / u.quota.max(1.0), t.storage_near_full);
            site.set(text);
            site_near.set(near);
        }
    });
    let class = |near: bool| if near { "rc-warning" } else { "rc-muted" };
    view! {
        <p class=move || class(local().1) data-testid="storage-workspace" role="status">{move || local().0}</p>
        <p class=move || class(site_near.get()) data-testid="storage-site">{move || site.get()}</p>
    }
}

/// `text`, with the warning after it when `share` is past [`WARN_AT`].
fn warned(text: String, share: f64, warning: &str) -> (String, bool) {
    if share >= WARN_AT {
        (format!("{text} {warning}"), true)
    } else {
        (text, false)
    }
}

/// A count of characters in millions, e.g. `1.25 M`.
fn millions(n: usize) -> String {
    format!("{:.2} M", n as f64 / 1_000_000.0)
}

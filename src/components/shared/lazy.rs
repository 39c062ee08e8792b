//! A part of a page whose code is a split point of its own (a task's editor, its thread): the
//! page's first screen does without it, and it arrives when first shown.

use crate::components::t;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shows `show` (the view from the split's code, ready at once once `load` has fetched it),
/// nothing while the code arrives, and a message if it cannot be fetched. `loaded` says whether
/// it has arrived in this session, so that it is never waited for twice.
pub fn lazy<F>(
    loaded: &'static AtomicBool,
    load: impl FnOnce() -> F + 'static,
    show: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let arrived = RwSignal::new(loaded.load(Ordering::Relaxed));
    let failed = RwSignal::new(false);
    if !arrived.get_untracked() {
        leptos::task::spawn_local(async move {
            match load().await {
                Ok(()) => {
                    loaded.store(true, Ordering::Relaxed);
                    arrived.try_set(true);
                }
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    }
    move || {
        if arrived.get() {
            show()
        } else if failed.get() {
            Some(view! { <p class="rc-error" role="alert">{t().page_load_failed}</p> }.into_any())
        } else {
            None
        }
    }
}

/// Fetches a split's code in the background when the browser is idle (the board's editor,
/// after the board is on screen), so that it is there when first asked for.
pub fn fetch_soon<F>(loaded: &'static AtomicBool, load: impl FnOnce() -> F + 'static)
where
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    if loaded.load(Ordering::Relaxed) {
        return;
    }
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                if load().await.is_ok() {
                    loaded.store(true, Ordering::Relaxed);
                }
            })
        },
        std::time::Duration::from_millis(0),
    );
}

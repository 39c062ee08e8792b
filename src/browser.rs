//! Small browser helpers: time, randomness, downloads, file reading, and polling a future that
//! is already done (a page group's code once it is loaded).

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

/// Now, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Runs `f` and records its duration as a performance measure called `name` (visible in the
/// browser's performance tools, and read by the benchmark).
pub fn measure<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// The user's time-zone offset right now.
pub fn local_offset() -> chrono::FixedOffset {
    let minutes_west = js_sys::Date::new_0().get_timezone_offset() as i32;
    chrono::FixedOffset::west_opt(minutes_west * 60)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"))
}

/// The user's calendar day at the instant `at`.
pub fn local_day(at: DateTime<Utc>) -> chrono::NaiveDate {
    at.with_timezone(&local_offset()).date_naive()
}

/// A 64-bit seed from the browser's crypto source (falls back to Math.random).
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * u64::MAX as f64) as u64 ^ js_sys::Date::now() as u64
    }
}

/// Offers `text` to the user as a download called `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "")?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: some browsers start the download asynchronously.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Reads a picked or dropped file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string().ok_or_else(|| JsValue::from_str("not text"))
}

/// Moves keyboard focus to the element with `id`, if it exists. Returns whether it did.
/// Whether `el` has the keyboard focus.
fn is_focused(el: &web_sys::HtmlElement) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| &a == el.unchecked_ref::<web_sys::Element>())
}

pub fn focus(id: &str) -> bool {
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focusing the element that has focus already would force a layout of the page for
        // nothing (a keyboard move focuses its card before and after the re-render).
        Some(el) if is_focused(&el) => true,
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Moves focus now, so that the very next key press lands on the element, and again on the
/// next frame, in case a re-render replaced the element in between.
/// Focuses the heading of the page being shown, once it has replaced `old` (pages arrive a frame
/// or a fetch later): Alt+digit leaves the keyboard at the top of the new page, not the document.
pub fn focus_new_heading(old: Option<web_sys::Element>, tries: u32) {
    let now = leptos::prelude::document().query_selector("main h1").ok().flatten();
    match now {
        Some(h) if Some(&h) != old.as_ref() => {
            let _ = h.set_attribute("tabindex", "-1");
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
        _ if tries > 0 => {
            let _ = leptos::prelude::set_timeout_with_handle(
                move || focus_new_heading(old, tries - 1),
                std::time::Duration::from_millis(16),
            );
        }
        _ => {}
    }
}

/// The page heading shown now (see [`focus_new_heading`]).
pub fn current_heading() -> Option<web_sys::Element> {
    leptos::prelude::document().query_selector("main h1").ok().flatten()
}

pub fn focus_soon(id: String) {
    focus(&id);
    leptos::prelude::request_animation_frame(move || {
        focus(&id);
    });
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/browser.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn deflate(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn inflate(bytes: js_sys::Uint8Array, max: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = copyText)]
    async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
}

/// `text` as raw DEFLATE, or `None` where the browser has no `CompressionStream`.
pub async fn compress(text: &str) -> Option<Vec<u8>> {
    let bytes = deflate(text).await.ok()?;
    Some(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// Why [`decompress`] gave up.
pub enum InflateError {
    /// The text would be longer than allowed.
    TooLarge,
    /// The bytes are not raw DEFLATE.
    Damaged,
}

/// The text in raw DEFLATE `bytes`, if it is at most `max` bytes long.
pub async fn decompress(bytes: &[u8], max: usize) -> Result<String, InflateError> {
    match inflate(js_sys::Uint8Array::from(bytes), max as f64).await {
        Ok(text) => text.as_string().ok_or(InflateError::Damaged),
        Err(e) if e.is_instance_of::<js_sys::RangeError>() => Err(InflateError::TooLarge),
        Err(_) => Err(InflateError::Damaged),
    }
}

/// Puts `text` on the clipboard. Fails where the browser does not allow it.
pub async fn copy(text: &str) -> bool {
    copy_text(text).await.is_ok()
}

/// The app's address without its fragment, to which a share fragment is added.
pub fn base_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Replaces the URL fragment without adding a history entry or firing `hashchange`.
pub fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// The output of a future that needs no waiting (a page group already loaded), or None.
pub fn ready_now<T>(fut: impl std::future::Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let mut fut = std::pin::pin!(fut);
    match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// Whether a CSS media query matches now.
pub fn media_matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

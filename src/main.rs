//! Panic hook and mount; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(rolecall::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Rolecall runs in the browser: build it with `./dev serve`.");
}

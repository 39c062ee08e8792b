pub mod banners;
pub mod confirm_bar;
pub mod drop_zone;
pub mod editor_actions;
pub mod form;
pub mod import_button;
pub mod import_preview;
pub mod keyed_signals;
pub mod level_select;
pub mod lines_field;
pub mod recovery;
pub mod repair_list;
pub mod required_skills_field;
pub mod save_indicator;
pub mod template_fetch;
pub mod undo_buttons;
pub mod update_banner;
pub mod welcome;

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts keyboard focus on the element behind `node` as soon as it is mounted: dialogs open on
/// their first button, editors on their first field.
pub fn focus_on_mount<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// One option of a segmented radio group (`<fieldset class="rc-segmented">`): checked while
/// `current` holds `value`, and choosing it sets `current`.
pub fn segment<T>(group: &'static str, current: RwSignal<T>, value: T, label: &'static str) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <label class="rc-segmented__option">
            <input type="radio" name=group prop:checked=move || current.get() == value on:change=move |_| current.set(value)/>
            {label}
        </label>
    }
}

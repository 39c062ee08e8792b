pub mod banners;
pub mod confirm_bar;
pub mod drop_zone;
pub mod editor_actions;
pub mod form;
pub mod import_button;
pub mod import_preview;
pub mod keyed_signals;
pub mod lazy;
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

/// The header's menu (theme, language, "I am"), folded away on all but very wide screens.
#[derive(Clone, Copy)]
pub struct HeaderMenu {
    /// Whether it is open.
    pub open: RwSignal<bool>,
    /// Whether "I am" should take the focus as soon as it is there.
    want_me: RwSignal<bool>,
}

impl Default for HeaderMenu {
    fn default() -> Self {
        Self::new()
    }
}

impl HeaderMenu {
    /// A closed menu.
    pub fn new() -> Self {
        HeaderMenu { open: RwSignal::new(false), want_me: RwSignal::new(false) }
    }

    /// Whether "I am" should take the focus as soon as it is there (tracked).
    pub fn want_me(self) -> bool {
        self.want_me.get()
    }

    /// "I am" has the focus.
    pub fn focused_me(self) {
        self.want_me.set(false);
    }

    /// Opens the menu with the focus on "I am" (for "My tasks" when nobody is chosen yet).
    pub fn ask_me(self) {
        self.open.set(true);
        self.want_me.set(true);
    }
}

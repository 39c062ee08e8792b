//! Pages, the URL fragment that addresses them, the language, and the keyboard shortcuts for
//! undo.

use super::{AppState, Mode};
use crate::i18n::Lang;
use crate::model::share;
use crate::storage;
use leptos::prelude::*;

/// The pages of the app, addressed by the URL fragment so that any static host serves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Team,
    Roles,
    Skills,
    Chart,
    Handbook,
    Board,
    Insights,
    Operations,
    Workspace,
}

impl Page {
    pub const ALL: [Page; 9] = [
        Page::Team,
        Page::Roles,
        Page::Skills,
        Page::Chart,
        Page::Handbook,
        Page::Board,
        Page::Insights,
        Page::Operations,
        Page::Workspace,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Page::Team => "#/team",
            Page::Roles => "#/roles",
            Page::Skills => "#/skills",
            Page::Chart => "#/responsibilities",
            Page::Handbook => "#/handbook",
            Page::Board => "#/board",
            Page::Insights => "#/insights",
            Page::Operations => "#/operations",
            Page::Workspace => "#/workspace",
        }
    }

    pub fn from_hash(hash: &str) -> Page {
        Page::ALL.into_iter().find(|p| p.hash() == hash).unwrap_or(Page::Team)
    }
}

/// Shows `page` (through the URL fragment, so that back and forward work).
pub fn navigate(page: Page) {
    let _ = window().location().set_hash(page.hash());
}

pub(super) fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The stored choice, or the browser's language on a first visit.
pub(super) fn initial_lang() -> Lang {
    let tag = storage::pref("lang").or_else(|| window().navigator().language()).unwrap_or_default();
    Lang::from_tag(&tag)
}

impl AppState {
    /// Switches the language, stores the choice and re-renders the app in it.
    pub fn set_lang(&self, lang: Lang) {
        storage::set_pref("lang", lang.tag());
        self.lang.set(lang);
    }

    /// Chooses who uses this browser (`None`: nobody), and stores the choice.
    pub fn set_me(&self, me: Option<crate::model::MemberId>) {
        storage::set_pref("me", me.as_ref().map_or("", |m| m.as_str()));
        self.me.set(me);
    }

    /// "Me", if that member is in the workspace.
    pub fn me_in_team(&self) -> Option<crate::model::MemberId> {
        let me = self.me.get()?;
        self.ws.watch(&[crate::model::ops::Coll::Members], |w| w.member(&me).is_some()).then_some(me)
    }

    pub(super) fn install_navigation(self) {
        // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes — except in text fields, which
        // keep their own undo.
        let _ = window_event_listener_untyped("keydown", move |ev| {
            use wasm_bindgen::JsCast;
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if !(ev.ctrl_key() || ev.meta_key()) || self.mode.get_untracked() != Mode::Ready {
                return;
            }
            let in_field = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
            });
            if in_field {
                return;
            }
            match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
                ("z", false) => self.undo(),
                ("z", true) | ("y", false) => self.redo(),
                _ => return,
            }
            ev.prevent_default();
        });
        // A share link pasted into this tab changes only the fragment: no reload, a hashchange.
        let _ = window_event_listener_untyped("hashchange", move |_| {
            let hash = location_hash();
            match share::payload(&hash) {
                Some(payload) => self.open_share(payload),
                None => self.page.set(Page::from_hash(&hash)),
            }
        });
    }
}
